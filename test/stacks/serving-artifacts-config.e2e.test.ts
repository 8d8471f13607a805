/**
 * Config checks of serving artifacts (stacks/config-semantics-serving-artifacts.ts) through the
 * path a stack file takes: images, model versions, the datastores and registry they name, and the
 * image and model every endpoint (and online deployment) names, on the platform and on teams. The
 * file checks (build contexts, Dockerfiles) read real folders. One program run checks the config
 * path end to end for a hub project (its image goes to the hub's registry).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPlatformConfig } from "../../stacks/config";
import { formatProblem } from "../../stacks/config-errors";
import { servingFileProblems } from "../../stacks/config-semantics-serving-artifacts";
import { decideRegistryFor } from "../../components/workspace/registry-mode";
import { configProblems, TEST_CONTEXT } from "../helpers/config";
import { allOfType, at, baseConfig, runPlatform } from "../helpers/stack";
import { UNKNOWN } from "../../offline/graph";

const K = "aml-workspace:platform";
const PINNED = `crx.azurecr.io/scorer@sha256:${"a".repeat(64)}`;

/** Only this file's problems (other serving helpers' checks are theirs to test). */
function lines(raw: Record<string, unknown>): string[] {
    return configProblems(raw, TEST_CONTEXT)
        .filter((p) => /\.serving\.(images|models)|\.serving\.endpoints\.[^.]+\.(image|model|deployments|deployments\.[^.]+\.(image|model))$/.test(p.path))
        .map(formatProblem);
}

describe("images", () => {
    it("exactly one of build and reference; a reference pinned; a valid repository", () => {
        expect(lines(baseConfig({ serving: { images: { both: { build: { context: "x" }, reference: PINNED }, none: { port: 8080 }, tag: { reference: "crx.azurecr.io/scorer:1.0" }, repo: { build: { context: "x" }, repository: "Bad_Repo" } } } }))).toEqual([
            `${K}.serving.images.both: needs exactly one of build and reference (set build (a context folder) to build the image, or reference (a digest-pinned image) to adopt one)`,
            `${K}.serving.images.none: needs exactly one of build and reference (set build (a context folder) to build the image, or reference (a digest-pinned image) to adopt one)`,
            expect.stringMatching(new RegExp(`^${K.replace(/[.:]/g, "\\$&")}\\.serving\\.images\\.tag\\.reference: image reference "crx.azurecr.io/scorer:1.0" names only the tag "1.0".* \\(pin it: <registry>/<repository>@sha256:<64 hex>`)),
            expect.stringMatching(/serving\.images\.repo\.repository: repository "Bad_Repo" is not a valid name/),
        ]);
    });
});

describe("models", () => {
    const model = (versions: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ serving: { models: { churn: { versions, ...extra } } } });

    it("each version names exactly one source; a localPath is accepted for a workspace model", () => {
        expect(lines(baseConfig(model({ "1": {}, "2": { path: "https://a/b", localPath: "m" }, "3": { datastore: "workspaceblobstore" }, "4": { path: "s3://bucket/m" }, "5": { localPath: "model" } })))).toEqual([
            `${K}.serving.models.churn.versions.1: names no files (set exactly one of path, datastore + datastorePath, or localPath)`,
            `${K}.serving.models.churn.versions.2: names more than one source (set exactly one of path, datastore + datastorePath, or localPath)`,
            `${K}.serving.models.churn.versions.3: has datastore without datastorePath (set both datastore and datastorePath)`,
            expect.stringMatching(/versions\.4: path "s3:\/\/bucket\/m" is neither an https:\/\/ URL nor an azureml:\/\/ URI/),
        ]);
    });

    it("a localPath of a platform registry model is refused: the upload lands in the workspace's storage", () => {
        const raw = { ...baseConfig(model({ "1": { localPath: "model" } }, { registry: "platform" })), modelRegistry: { name: "mlreg-contoso" } };
        expect(lines(raw)).toEqual([
            `${K}.serving.models.churn.versions.1.localPath: is uploaded to the serving workspace's storage, which a platform registry model version does not read (a registry keeps its own storage) (set registry: workspace for a model uploaded from a local folder, or upload the files yourself and give the registry model their path)`,
        ]);
    });

    it("a datastore is the workspace's own or one declared in the same workspace's data", () => {
        expect(lines(baseConfig(model({ "1": { datastore: "workspaceblobstore", datastorePath: "m/1" }, "2": { datastore: "lake", datastorePath: "m/2" } })))).toEqual([
            `${K}.serving.models.churn.versions.2.datastore: names lake, which is not a datastore of this workspace (use one of workspaceblobstore, workspaceartifactstore, workspaceworkingdirectory, workspacefilestore, or declare it under data.datastores)`,
        ]);
    });

    it("registry platform needs a modelRegistry, the team among its consumers, and no datastore", () => {
        expect(lines(baseConfig(model({ "1": { path: "https://a/b" } }, { registry: "platform" })))).toEqual([
            `${K}.serving.models.churn.registry: is platform, but the stack has no modelRegistry (declare modelRegistry, or set registry: workspace)`,
        ]);
        const team = { serving: { models: { churn: { registry: "platform", versions: { "1": { datastore: "workspaceblobstore", datastorePath: "m" } } } } } };
        expect(lines(baseConfig({ sharing: "hub", modelRegistry: { consumers: ["fraud"] }, teams: { risk: team, fraud: {} } }))).toEqual([
            `${K}.teams.risk.serving.models.churn.registry: is platform, but team risk is not in modelRegistry.consumers, so its workspace identity cannot read the registry's models (add risk to modelRegistry.consumers)`,
            `${K}.teams.risk.serving.models.churn.versions.1.datastore: names a datastore, but a platform registry model has no workspace datastores (use path with the files' https:// URL, or register the model in the workspace)`,
        ]);
    });
});

describe("what endpoints name", () => {
    const serving = (endpoints: Record<string, unknown>) => ({ images: { scorer: { reference: PINNED } }, models: { churn: { versions: { "1": { path: "https://a/b" } } } }, endpoints });

    it("containerInstance and kubernetes name image and model themselves: missing is neither an image nor a build context", () => {
        expect(lines(baseConfig({ serving: serving({ aci: { host: "containerInstance" }, k8s: { host: "kubernetes", cluster: "c", image: "other", model: "churn:2" } }) }))).toEqual([
            `${K}.serving.endpoints.aci.image: is not set, so the endpoint has neither an image nor a build context (name a key of serving.images (scorer))`,
            `${K}.serving.endpoints.aci.model: is not set (name a model version <name>:<version> of serving.models)`,
            `${K}.serving.endpoints.k8s.image: names other, which is not an image of serving.images (use one of scorer)`,
            `${K}.serving.endpoints.k8s.model: names churn:2, which is not a version of serving.models (use one of churn:1)`,
        ]);
    });

    it("each host takes them where it runs them: a container endpoint has no deployments, an online one has at least one and nothing on the endpoint", () => {
        expect(lines(baseConfig({ serving: serving({ aci: { host: "containerInstance", image: "scorer", model: "churn:1", deployments: { blue: { image: "scorer", model: "churn:1" } } }, online: { host: "kubernetesOnline", compute: "k", image: "scorer", model: "churn:1" } }) }))).toEqual([
            `${K}.serving.endpoints.aci.deployments: does not apply to host containerInstance (remove it; it applies to managedOnline, kubernetesOnline or kubernetes endpoints)`,
            `${K}.serving.endpoints.online.image: is a setting of the containerInstance and kubernetes hosts, not of kubernetesOnline (remove it (an online endpoint's settings are per deployment, under deployments.<name>))`,
            `${K}.serving.endpoints.online.model: is a setting of the containerInstance and kubernetes hosts, not of kubernetesOnline (remove it (an online endpoint's settings are per deployment, under deployments.<name>))`,
            `${K}.serving.endpoints.online.deployments: is required for a kubernetesOnline endpoint (add at least one deployment, e.g. deployments: { blue: { model: <name>:<version>, image: <image key> } })`,
        ]);
    });

    it("online hosts name them per deployment, on a team too", () => {
        const team = { serving: { ...serving({ online: { host: "managedOnline", deployments: { blue: { image: "scorer", model: "churn:1", traffic: 100 }, green: { image: "nope", model: "gone:1" } } } }) } };
        expect(lines(baseConfig({ sharing: "hub", teams: { risk: team } }))).toEqual([
            `${K}.teams.risk.serving.endpoints.online.deployments.green.image: names nope, which is not an image of teams.risk.serving.images (use one of scorer)`,
            `${K}.teams.risk.serving.endpoints.online.deployments.green.model: names gone:1, which is not a version of teams.risk.serving.models (use one of churn:1)`,
        ]);
    });
});

describe("the registry", () => {
    it("serving images of the platform or of any team make an onDemand registry exist", () => {
        const load = (raw: Record<string, unknown>) => loadPlatformConfig(raw, TEST_CONTEXT);
        expect(decideRegistryFor(load(baseConfig()))).toBe("none");
        expect(decideRegistryFor(load(baseConfig({ serving: { images: { scorer: { reference: PINNED } } } })))).toBe("create");
        expect(decideRegistryFor(load(baseConfig({ sharing: "hub", teams: { risk: { serving: { images: { scorer: { reference: PINNED } } } } } })))).toBe("create");
    });

    it("a private stack serving images needs no image-build cluster (docker builds them, not Azure ML)", () => {
        const raw = baseConfig({ network: { publicNetworkAccess: "Disabled" }, serving: { images: { scorer: { reference: PINNED } } } });
        expect(configProblems(raw, TEST_CONTEXT).filter((p) => p.path.endsWith("workspace.imageBuildCompute"))).toEqual([]);
    });
});

describe("build context files", () => {
    const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-"));
    fs.mkdirSync(path.join(stackDir, "good"));
    fs.writeFileSync(path.join(stackDir, "good", "Dockerfile"), 'FROM python:3.12.8-slim\nUSER 10001\nEXPOSE 8080\nCMD ["python", "app.py"]\n');
    fs.mkdirSync(path.join(stackDir, "bad"));
    fs.writeFileSync(path.join(stackDir, "bad", "Dockerfile"), "FROM python\nEXPOSE 8080\nCMD python app.py\n");
    fs.mkdirSync(path.join(stackDir, "empty"));

    it("every problem of every image in one run: missing folder, missing Dockerfile, Dockerfile rules", () => {
        const config = loadPlatformConfig(
            baseConfig({ serving: { images: { ok: { build: { context: "good" } }, gone: { build: { context: "missing" } }, nofile: { build: { context: "empty" } }, rules: { build: { context: "bad" } } } } }),
            TEST_CONTEXT,
        );
        const problems = servingFileProblems(config, stackDir).map(formatProblem);
        expect(problems).toEqual([
            expect.stringMatching(new RegExp(`^${K.replace(/[.:]/g, "\\$&")}\\.serving\\.images\\.gone\\.build\\.context: names missing, which is not a folder`)),
            `${K}.serving.images.nofile.build.dockerfile: Dockerfile is not a file in empty (add Dockerfile to the context folder, or set build.dockerfile to the Dockerfile's path inside it)`,
            expect.stringMatching(/serving\.images\.rules\.build\.dockerfile: Dockerfile line 1: FROM python: no tag means latest.*\[from-pinned\]/),
            expect.stringMatching(/serving\.images\.rules\.build\.dockerfile: Dockerfile line \d+: .*\[user-non-root\]/),
            expect.stringMatching(/serving\.images\.rules\.build\.dockerfile: Dockerfile line 3: .*\[exec-form\]/),
        ]);
    });

    it("the shipped sample scoring app passes", () => {
        const config = loadPlatformConfig(baseConfig({ serving: { images: { scorer: { build: { context: "../examples/scoring-app" } } } } }), TEST_CONTEXT);
        expect(servingFileProblems(config, path.join(__dirname, "../../stacks"))).toEqual([]);
    });
});

describe("local model folders", () => {
    const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-models-"));
    fs.mkdirSync(path.join(stackDir, "model", "sub"), { recursive: true });
    fs.writeFileSync(path.join(stackDir, "model", "sub", "weights.bin"), "w");
    fs.writeFileSync(path.join(stackDir, "model.onnx"), "onnx");
    fs.mkdirSync(path.join(stackDir, "empty"));
    fs.mkdirSync(path.join(stackDir, "linked"));
    fs.writeFileSync(path.join(stackDir, "linked", "a.txt"), "a");
    fs.symlinkSync("/etc/hostname", path.join(stackDir, "linked", "outside"));
    fs.symlinkSync(path.join(stackDir, "model"), path.join(stackDir, "model-link"));

    it("a folder or a file with files passes; missing, empty, linked ones are refused, all together", () => {
        const versions = { "1": { localPath: "model" }, "2": { localPath: "model.onnx" }, "3": { localPath: "missing" }, "4": { localPath: "empty" }, "5": { localPath: "linked" }, "6": { localPath: "model-link" } };
        const config = loadPlatformConfig(baseConfig({ serving: { models: { churn: { versions } } }, teams: { risk: { serving: { models: { fraud: { versions: { "1": { localPath: "empty" } } } } } } } }), TEST_CONTEXT);
        const where = (v: string): string => `${K}.serving.models.churn.versions.${v}.localPath`;
        expect(servingFileProblems(config, stackDir).map(formatProblem)).toEqual([
            `${where("3")}: names missing, which does not exist (resolved against the stack folder: ${path.join(stackDir, "missing")}) (name a folder (or file) of model files; the path is relative to the stack folder)`,
            `${where("4")}: names empty, which holds no files (resolved against the stack folder: ${path.join(stackDir, "empty")}) (name a folder (or file) of model files; the path is relative to the stack folder)`,
            `${where("5")}: names linked, which holds symbolic links (outside), which are not uploaded (resolved against the stack folder: ${path.join(stackDir, "linked")}) (name a folder (or file) of model files; the path is relative to the stack folder)`,
            `${where("6")}: names model-link, which is a symbolic link (name the folder or file itself) (resolved against the stack folder: ${path.join(stackDir, "model-link")}) (name a folder (or file) of model files; the path is relative to the stack folder)`,
            expect.stringMatching(/^aml-workspace:platform\.teams\.risk\.serving\.models\.fraud\.versions\.1\.localPath: names empty, which holds no files/),
        ]);
        const doubled = loadPlatformConfig(baseConfig({ teams: { "ri--sk": { serving: { models: { fraud: { versions: { "1": { localPath: "model" } } } } } } } }), TEST_CONTEXT);
        expect(servingFileProblems(doubled, stackDir).map(formatProblem)).toEqual([
            `${K}.teams.ri--sk.serving.models.fraud.versions.1.localPath: would be uploaded to container models-ri--sk, which is not a valid container name (lowercase letters, digits and single hyphens, not ending in one) (rename the team key without consecutive or trailing hyphens, or give the model a path)`,
        ]);
    });

    it("the shipped sample model passes", () => {
        const config = loadPlatformConfig(baseConfig({ serving: { models: { sample: { versions: { "1": { localPath: "../examples/scoring-app/model" } } } } } }), TEST_CONTEXT);
        expect(servingFileProblems(config, path.join(__dirname, "../../stacks"))).toEqual([]);
    });
});

describe("a hub project's image and local model, through the program", () => {
    const sample = path.join(__dirname, "../../examples/scoring-app");
    const raw = baseConfig({ sharing: "hub", teams: { risk: { serving: { images: { scorer: { build: { context: sample } } }, models: { fraud: { versions: { "1": { localPath: path.join(sample, "model") } } } } } } } });

    it("is pushed to the hub's registry under the team's repository", async () => {
        const run = await runPlatform(raw);
        const registry = allOfType(run.graph, "azure-native:containerregistry:Registry");
        expect(registry).toHaveLength(1);
        const image = allOfType(run.graph, "docker:index/image:Image");
        expect(image.map((r) => r.name)).toEqual(["platform-team-risk-image-scorer"]);
        expect(at(image[0].inputs, "imageName")).toMatch(new RegExp(`^${String(registry[0].inputs.registryName)}\\.azurecr\\.io/risk/scorer:ctx-[0-9a-f]{16}$`));
        expect(at(image[0].inputs, "registry.username")).toBe("00000000-0000-0000-0000-000000000000");

        // The model folder goes to the hub's storage account (a project has none), container models-risk.
        const storage = allOfType(run.graph, "azure-native:storage:StorageAccount").map((a) => String(a.inputs.accountName));
        const container = allOfType(run.graph, "azure-native:storage:BlobContainer").find((c) => c.inputs.containerName === "models-risk");
        expect(storage).toContain(container?.inputs.accountName);
        const upload = allOfType(run.graph, "pulumi-nodejs:dynamic/serving:ModelFolderUpload");
        expect(upload.map((u) => [u.name, u.inputs.container, u.inputs.prefix, u.inputs.localPath])).toEqual([["platform-team-risk-model-fraud-v-1-upload", "models-risk", "fraud/1/", "examples/scoring-app/model"]]);
        expect(upload[0].dependencies).toContain(container?.urn);
        const version = allOfType(run.graph, "azure-native:machinelearningservices:ModelVersion").find((v) => v.inputs.name === "fraud");
        expect(at(version?.inputs ?? {}, "properties.modelUri")).toBe(`https://${String(container?.inputs.accountName)}.blob.core.windows.net/models-risk/fraud/1/`);
        expect(version?.dependencies).toContain(upload[0].urn);
    });

    it("in a preview asks no registry for a token", async () => {
        const run = await runPlatform(raw, { preview: true });
        const image = allOfType(run.graph, "docker:index/image:Image")[0];
        // Unknown in a preview: no exchange happened, so no refresh token anywhere.
        expect(at(image.inputs, "registry.password")).toBe(UNKNOWN);
        expect(JSON.stringify(image.inputs)).not.toMatch(/refresh-token/);
    });
});
