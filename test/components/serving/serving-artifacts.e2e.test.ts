/**
 * The serving artifacts of one workspace, created by createServingArtifacts under the simulated
 * Azure (one program run): the image push (inputs, credential, digest-pinned output), adopted
 * images, model versions of every source in the workspace and the platform registry, the
 * environment version of an image, and the refusals the library makes itself.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { runStack, type StackRun } from "../../../offline/run-stack";
import { isSecret } from "../../../offline/graph";
import { allOfType, at, oneOfType } from "../../helpers/stack";
import type { ResolvedServing } from "../../../components/serving/platform-serving-args";
import type { ServingContext } from "../../../components/serving/serving-context";

// The simulated subscription (offline/azure-sim): the IDs it gives are in it.
const SUB = "00000000-0000-0000-0000-000000000000";
const RG = "rg-serve";
const WS_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-serve`;
const STORAGE_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stserve`;
const ADOPTED = `other.azurecr.io/base/scorer@sha256:${"e".repeat(64)}`;

const appDir = fs.mkdtempSync(path.join(os.tmpdir(), "scorer-"));
fs.writeFileSync(path.join(appDir, "Dockerfile"), "FROM python:3.12.8-slim-bookworm\nUSER 10001\nEXPOSE 9000\nCMD [\"python\", \"app.py\"]\n");
fs.writeFileSync(path.join(appDir, "app.py"), "print('score')\n");
// A local model folder and a single model file (uploaded with Entra ID, blob-upload-dynamic.ts).
const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), "model-"));
fs.mkdirSync(path.join(modelDir, "weights"));
fs.writeFileSync(path.join(modelDir, "model.json"), '{"kind":"sample"}');
fs.writeFileSync(path.join(modelDir, "weights", "w.bin"), "0123456789");
const modelFile = path.join(modelDir, "weights", "w.bin");

const serving: ResolvedServing = {
    images: {
        scorer: { build: { context: appDir, args: { PY: "3.12" } }, port: 9000, routes: { scoring: "/v1/score" } },
        adopted: { reference: ADOPTED },
    },
    models: {
        churn: { description: "Churn", versions: { "1": { path: "https://stserve.blob.core.windows.net/models/churn/1/" }, "2": { datastore: "workspaceblobstore", datastorePath: "/models/churn/2/" } } },
        shared: { registry: "platform", type: "mlflow_model", versions: { "3": { path: "azureml://datastores/workspaceblobstore/paths/shared/3/" } } },
        local: { versions: { "1": { localPath: modelDir }, "2": { localPath: modelFile } } },
    },
    endpoints: {},
    alerts: {},
};

function ctx(over: Partial<ServingContext> = {}): ServingContext {
    return {
        name: "platform",
        namePrefix: "aml",
        uniqueBy: ["test"],
        resourceGroupName: RG,
        location: "westeurope",
        tags: { owner: "ml" },
        subscriptionId: SUB,
        tenantId: "00000000-0000-0000-0000-00000000a002",
        workspace: { name: "mlw-serve", id: WS_ID, principalId: "p", storageAccountId: STORAGE_ID, registryId: "r", registryLoginServer: "CRServe.azurecr.io", applicationInsightsId: "ai", applicationInsightsConnectionString: undefined },
        modelRegistry: { name: "mlr-aml", id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/registries/mlr-aml` },
        publicNetworkAccess: "Disabled",
        logAnalyticsWorkspaceId: "law",
        clusters: {},
        kubernetesComputes: {},
        dependsOn: [],
        ...over,
    };
}

let run: StackRun;
let refusals: string[];

beforeAll(async () => {
    refusals = [];
    run = await runStack({
        stack: "test",
        config: {},
        program: () => {
            // Loaded once the simulator's mocks are in place, as the stack program is.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { createServingArtifacts } = require("../../../components/serving/serving-artifacts-create") as typeof import("../../../components/serving/serving-artifacts-create");
            const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
            const artifacts = createServingArtifacts(serving, ctx(), parent);
            const refuse = (label: string, f: () => unknown): void => {
                try {
                    f();
                    refusals.push(`${label}: accepted`);
                } catch (e) {
                    refusals.push(`${label}: ${(e as Error).message}`);
                }
            };
            refuse("unknown image", () => artifacts.image("nope"));
            refuse("unknown model", () => artifacts.model("churn:9"));
            refuse("localPath", () => createServingArtifacts({ ...serving, images: {}, models: { local: { registry: "platform", versions: { "1": { localPath: modelDir } } } } }, ctx({ name: "local" }), parent));
            refuse("no registry", () => createServingArtifacts({ ...serving, images: {}, models: { shared: serving.models.shared } }, ctx({ name: "noreg", modelRegistry: undefined }), parent));
            refuse("tag only", () => createServingArtifacts({ ...serving, images: { t: { reference: "other.azurecr.io/x:1" } }, models: {} }, ctx({ name: "tag" }), parent));
            // Asked twice: one environment version.
            artifacts.environment("scorer");
            return {
                scorer: artifacts.image("scorer").reference,
                adopted: artifacts.image("adopted").reference,
                environment: artifacts.environment("scorer"),
                churn1: artifacts.model("churn:1").assetId,
                churn2uri: artifacts.model("churn:2").uri,
                churn2storage: pulumi.output(artifacts.model("churn:2").storageAccountId),
                shared: artifacts.model("shared:3").assetId,
                local1uri: artifacts.model("local:1").uri,
                local2uri: artifacts.model("local:2").uri,
                local1storage: pulumi.output(artifacts.model("local:1").storageAccountId),
            };
        },
    });
});

describe("a built image", () => {
    it("is pushed to the workspace registry under a content tag, with the Entra refresh-token credential (never the admin user)", () => {
        const image = oneOfType(run.graph, "docker:index/image:Image");
        expect(at(image.inputs, "imageName")).toMatch(/^crserve\.azurecr\.io\/scorer:ctx-[0-9a-f]{16}$/);
        expect(at(image.inputs, "registry.server")).toBe("crserve.azurecr.io");
        expect(at(image.inputs, "registry.username")).toBe("00000000-0000-0000-0000-000000000000");
        expect(isSecret(at(image.inputs, "registry.password"))).toBe(true);
        expect(at(image.inputs, "build")).toMatchObject({ platform: "linux/amd64", args: { PY: "3.12" } });
        expect(String(at(image.inputs, "build.dockerfile"))).toMatch(/Dockerfile$/);
        expect(at(image.inputs, "buildOnPreview")).toBe(false);
    });

    it("reaches consumers only digest-pinned, on the registry's login server", () => {
        expect(run.outputs.scorer).toMatch(/^crserve\.azurecr\.io\/scorer@sha256:[0-9a-f]{64}$/);
    });

    it("an adopted image is taken as pinned, and pushes nothing", () => {
        expect(run.outputs.adopted).toBe(ADOPTED);
        expect(allOfType(run.graph, "docker:index/image:Image")).toHaveLength(1);
    });
});

describe("the environment version of an image", () => {
    it("registers the pinned image once, versioned by its digest, with the image's routes and port, on Linux", () => {
        const env = oneOfType(run.graph, "azure-native:machinelearningservices:EnvironmentVersion");
        const digest = String(run.outputs.scorer).split("@sha256:")[1];
        expect(env.inputs).toMatchObject({ workspaceName: "mlw-serve", name: "scorer", version: `sha256-${digest.slice(0, 23)}` });
        expect(at(env.inputs, "properties.image")).toBe(run.outputs.scorer);
        expect(at(env.inputs, "properties.osType")).toBe("Linux");
        expect(at(env.inputs, "properties.inferenceConfig")).toEqual({
            scoringRoute: { path: "/v1/score", port: 9000 },
            livenessRoute: { path: "/healthz/live", port: 9000 },
            readinessRoute: { path: "/healthz/ready", port: 9000 },
        });
        expect(oneOfType(run.graph, "azure-native:machinelearningservices:EnvironmentContainer").inputs).toMatchObject({ name: "scorer" });
        expect(run.outputs.environment).toBe(`${WS_ID}/environments/scorer/versions/sha256-${digest.slice(0, 23)}`);
    });
});

describe("registered models", () => {
    it("workspace versions from a URL and from a datastore, named by their ARM IDs", () => {
        const versions = allOfType(run.graph, "azure-native:machinelearningservices:ModelVersion");
        expect(versions.filter((v) => v.inputs.name === "churn").map((v) => [v.inputs.name, v.inputs.version, at(v.inputs, "properties.modelUri"), at(v.inputs, "properties.modelType")])).toEqual([
            ["churn", "1", "https://stserve.blob.core.windows.net/models/churn/1/", "custom_model"],
            ["churn", "2", "azureml://datastores/workspaceblobstore/paths/models/churn/2/", "custom_model"],
        ]);
        expect(allOfType(run.graph, "azure-native:machinelearningservices:ModelContainer").find((c) => c.inputs.name === "churn")?.inputs).toMatchObject({ name: "churn", workspaceName: "mlw-serve", properties: { description: "Churn" } });
        expect(run.outputs.churn1).toBe(`${WS_ID}/models/churn/versions/1`);
        expect(run.outputs.churn2uri).toBe("azureml://datastores/workspaceblobstore/paths/models/churn/2/");
        expect(run.outputs.churn2storage).toBe(STORAGE_ID);
    });

    it("platform versions go to the model registry and are named by their registry asset ID", () => {
        const v = oneOfType(run.graph, "azure-native:machinelearningservices:RegistryModelVersion");
        expect(v.inputs).toMatchObject({ registryName: "mlr-aml", modelName: "shared", version: "3", properties: { modelType: "mlflow_model" } });
        expect(oneOfType(run.graph, "azure-native:machinelearningservices:RegistryModelContainer").inputs).toMatchObject({ registryName: "mlr-aml", modelName: "shared" });
        expect(run.outputs.shared).toBe("azureml://registries/mlr-aml/models/shared/versions/3");
    });
});

describe("a model version from a local folder", () => {
    // Registration order follows resolved inputs: sort by prefix.
    const uploads = (): ReturnType<typeof allOfType> => allOfType(run.graph, "pulumi-nodejs:dynamic/serving:ModelFolderUpload").sort((a, b) => String(a.inputs.prefix).localeCompare(String(b.inputs.prefix)));

    it("creates one private container models in the workspace's storage account, for all uploads", () => {
        const containers = allOfType(run.graph, "azure-native:storage:BlobContainer");
        expect(containers.map((c) => c.inputs)).toEqual([{ resourceGroupName: RG, accountName: "stserve", containerName: "models", publicAccess: "None" }]);
        for (const u of uploads()) expect(u.dependencies).toContain(containers[0].urn);
    });

    it("uploads each version under <model>/<version>/ with the folder's content digest, and no secret or token", () => {
        expect(uploads().map((u) => u.inputs.prefix)).toEqual(["local/1/", "local/2/"]);
        const folder = uploads()[0];
        expect(folder.inputs).toMatchObject({ accountName: "stserve", storageSuffix: "core.windows.net", container: "models", localPath: path.relative(process.cwd(), modelDir) });
        expect(String(folder.inputs.contentDigest)).toMatch(/^[0-9a-f]{64}$/);
        expect(uploads()[1].inputs.contentDigest).not.toBe(folder.inputs.contentDigest);
        expect(String(folder.inputs.__provider)).toMatch(/^serialized dynamic provider \(\d+ chars, sha256:[0-9a-f]{16}\)$/);
        expect(JSON.stringify(uploads().map((u) => u.inputs))).not.toMatch(/Bearer|eyJ|client_secret/);
    });

    it("registers the folder's (or the file's) https URL, after the upload, read from the workspace's storage", () => {
        const versions = allOfType(run.graph, "azure-native:machinelearningservices:ModelVersion").filter((v) => v.inputs.name === "local").sort((a, b) => String(a.inputs.version).localeCompare(String(b.inputs.version)));
        expect(versions.map((v) => at(v.inputs, "properties.modelUri"))).toEqual(["https://stserve.blob.core.windows.net/models/local/1/", "https://stserve.blob.core.windows.net/models/local/2/w.bin"]);
        versions.forEach((v, i) => expect(v.dependencies).toContain(uploads()[i].urn));
        expect(run.outputs.local1uri).toBe("https://stserve.blob.core.windows.net/models/local/1/");
        expect(run.outputs.local2uri).toBe("https://stserve.blob.core.windows.net/models/local/2/w.bin");
        expect(run.outputs.local1storage).toBe(STORAGE_ID);
    });
});

describe("refusals", () => {
    it("name the key and the fix, and register nothing for the refused model", () => {
        expect(refusals).toEqual([
            expect.stringMatching(/^unknown image: serving\.images: no image "nope" \(declared: scorer, adopted\)/),
            expect.stringMatching(/^unknown model: serving\.models: no model version "churn:9"/),
            expect.stringMatching(/^localPath: serving\.models\.local\.versions\.1\.localPath is uploaded to the serving workspace's storage, which a platform registry model version does not read.*\(set registry: workspace/),
            expect.stringMatching(/^no registry: serving\.models\.shared\.registry: is platform, but the platform has no modelRegistry/),
            expect.stringMatching(/^tag only: serving\.images\.t: reference: .*names only the tag "1".*pin it by digest/),
        ]);
        expect(allOfType(run.graph, "azure-native:machinelearningservices:ModelContainer").map((r) => r.inputs.name).sort()).toEqual(["churn", "local"]);
    });
});
