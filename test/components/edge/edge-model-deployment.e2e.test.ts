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
import { REGISTRY_PASSWORD_PLACEHOLDER } from "../../../components/edge/edge-manifest-output";
import { withRegistryPasswords } from "../../../components/edge/iothub-dynamic";

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

it("shows the manifest with a placeholder for the password, keeps the password a secret input of its own, and out of the serialized providers", () => {
    const deployment = byName("fraud-edge-deployment");
    const manifest = deployment.inputs.modulesContent;
    // The manifest is reviewable (and validated) in the plan: nothing secret is in it.
    expect(isSecret(manifest)).toBe(false);
    expect(manifest).toEqual(
        buildEdgeManifest({
            module: { name: "fraudscorer", image: IMAGE, env: { MODEL_NAME: "fraud" }, desiredProperties: { threshold: 0.7 } },
            registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: REGISTRY_PASSWORD_PLACEHOLDER },
        }),
    );
    expect(edgeManifestProblems(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain("placeholder-token-password");
    // The password: a secret input by registryCredentials key, which the provider writes into what it sends.
    expect(isSecret(deployment.inputs.registryPasswords)).toBe(true);
    expect((deployment.inputs.registryPasswords as { value: unknown }).value).toEqual({ contosoreg: "placeholder-token-password" });
    const sent = withRegistryPasswords(manifest as Record<string, unknown>, { contosoreg: "placeholder-token-password" });
    expect(JSON.stringify(sent)).toContain("placeholder-token-password");
    expect(JSON.parse(String(run.outputs.manifest))).toEqual(manifest);
    // The serialized providers capture nothing secret.
    for (const name of ["fraud-edge-device", "fraud-edge-deployment"]) {
        const provider = byName(name).inputs.__provider;
        expect(typeof provider).toBe("string");
        expect(provider as string).not.toContain("placeholder-token-password");
    }
    expect(run.outputs.deviceId).toBe("Store_42");
});
