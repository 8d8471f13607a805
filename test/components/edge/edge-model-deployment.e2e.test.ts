/**
 * The IotEdgeModelDeployment component under the offline engine (one program run): its two dynamic
 * children named `<name>-device` and `<name>-deployment`, the device's defaults, the deployment
 * targeting the device through its output (created after it), the manifest secret in the inputs and
 * in the outputs, and no secret in the serialized providers.
 */
import { isSecret } from "../../../offline/graph";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { IotEdgeModelDeployment, edgeDeploymentIdPrefix } from "../../../components/edge/edge-model-deployment";
import { buildEdgeManifest } from "../../../components/edge/edge-manifest";
import { edgeManifestProblems } from "../../../components/edge/edge-manifest-schema";

const IMAGE = `contosoreg.azurecr.io/models/fraud@sha256:${"ab".repeat(32)}`;
let run: StackRun;

beforeAll(async () => {
    run = await runProgram(() => {
        const edge = new IotEdgeModelDeployment("fraud-edge", {
            hubHostName: "contoso-edge-hub.azure-devices.net",
            deviceId: "Store_42",
            moduleName: "fraudscorer",
            image: IMAGE,
            registryLoginServer: "contosoreg.azurecr.io",
            registryUsername: "edge-fraud-pull",
            registryPassword: "placeholder-token-password",
            env: { MODEL_NAME: "fraud" },
            desiredPropertiesJson: '{"threshold":0.7}',
        });
        return { deviceId: edge.deviceId, manifest: edge.modulesContentJson };
    });
}, 30_000);

const byName = (name: string) => run.graph.resources.find((r) => r.name === name)!;

it("creates the device and the deployment as children of the component", () => {
    const component = byName("fraud-edge");
    expect(component).toMatchObject({ type: "aml-workspace:index:IotEdgeModelDeployment", custom: false });
    for (const child of ["fraud-edge-device", "fraud-edge-deployment"]) expect(byName(child)).toMatchObject({ custom: true, parent: component.urn });
    expect(byName("fraud-edge-device").type).toMatch(/IotEdgeDevice$/);
    expect(byName("fraud-edge-deployment").type).toMatch(/IotEdgeDeployment$/);
});

it("gives the device X.509 CA authentication and the environment token source by default", () => {
    expect(byName("fraud-edge-device").inputs).toMatchObject({ hubHostName: "contoso-edge-hub.azure-devices.net", deviceId: "Store_42", authentication: "certificateAuthority", tokenSource: "environment" });
});

it("targets the device through its output, so the deployment follows the device", () => {
    const deployment = byName("fraud-edge-deployment");
    expect(deployment.inputs).toMatchObject({ idPrefix: "store-42-fraudscorer", targetDeviceId: "Store_42", priority: 10, tokenSource: "environment" });
    expect(deployment.dependencies).toContain(byName("fraud-edge-device").urn);
    expect(edgeDeploymentIdPrefix("Edge:Site/7", "Model.v2")).toBe("edge-site-7-model-v2");
});

it("keeps the manifest (it holds the registry password) and out of the serialized providers", () => {
    const deployment = byName("fraud-edge-deployment");
    const content = deployment.inputs.modulesContent;
    expect(isSecret(content)).toBe(true);
    const manifest = (content as { value: unknown }).value;
    expect(manifest).toEqual(
        buildEdgeManifest({
            module: { name: "fraudscorer", image: IMAGE, env: { MODEL_NAME: "fraud" }, desiredProperties: { threshold: 0.7 } },
            registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: "placeholder-token-password" },
        }),
    );
    expect(edgeManifestProblems(manifest)).toEqual([]);
    expect(isSecret(run.outputs.manifest)).toBe(true);
    expect(JSON.parse((run.outputs.manifest as { value: string }).value)).toEqual(manifest);
    // The serialized providers capture nothing secret: the password is only in the manifest input.
    for (const name of ["fraud-edge-device", "fraud-edge-deployment"]) {
        const provider = byName(name).inputs.__provider;
        expect(typeof provider).toBe("string");
        expect(provider as string).not.toContain("placeholder-token-password");
    }
    expect(run.outputs.deviceId).toBe("Store_42");
});
