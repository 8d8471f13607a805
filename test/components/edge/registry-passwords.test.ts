/**
 * The registry password travels beside the manifest, not in it: the manifest a reviewer reads holds
 * a placeholder; the deployment provider writes the password (a secret input of its own) into the
 * content it sends, takes it out of what it reads back, and a rotated password is a new deployment.
 */
import { buildEdgeManifest, REGISTRY_PASSWORD_PLACEHOLDER } from "../../../components/edge/edge-manifest";
import { iotEdgeDeploymentProvider, withoutRegistryPasswords, withRegistryPasswords } from "../../../components/edge/iothub-dynamic";

const IMAGE = `contosoreg.azurecr.io/fraud@sha256:${"d".repeat(64)}`;
const manifest = buildEdgeManifest({
    module: { name: "fraudscorer", image: IMAGE },
    registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: REGISTRY_PASSWORD_PLACEHOLDER },
}) as unknown as Record<string, unknown>;
const credentialOf = (content: Record<string, unknown>) =>
    (content.$edgeAgent as { "properties.desired": { runtime: { settings: { registryCredentials: Record<string, { password: string }> } } } })["properties.desired"].runtime.settings.registryCredentials.contosoreg;

it("writes the password into a copy of the content, and takes it out again", () => {
    const sent = withRegistryPasswords(manifest, { contosoreg: "s3cret-token-password" });
    expect(credentialOf(sent).password).toBe("s3cret-token-password");
    expect(credentialOf(manifest).password).toBe(REGISTRY_PASSWORD_PLACEHOLDER);
    expect(withoutRegistryPasswords(sent, { contosoreg: "s3cret-token-password" })).toEqual(manifest);
    // A key the manifest has no credential for changes nothing.
    expect(withRegistryPasswords(manifest, { other: "x" })).toEqual(manifest);
});

it("a rotated password replaces the deployment (the content sent changes); the same one is no change", async () => {
    const provider = iotEdgeDeploymentProvider();
    const base = { hubHostName: "hub.azure-devices.net", idPrefix: "store-42-fraudscorer", targetDeviceId: "store-42", priority: 10, labels: {}, modulesContent: manifest, tokenSource: "environment" as const };
    const olds = { ...base, registryPasswords: { contosoreg: "one" }, configurationId: "x", etag: "e" };
    expect(await provider.diff!("id", olds, { ...base, registryPasswords: { contosoreg: "one" } })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(await provider.diff!("id", olds, { ...base, registryPasswords: { contosoreg: "two" } })).toEqual({ changes: true, replaces: ["registryPasswords"], deleteBeforeReplace: false });
});
