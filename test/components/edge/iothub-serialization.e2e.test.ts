/**
 * The default providers survive Pulumi's function serialization (what `pulumi up` does to a dynamic
 * provider) and work from the serialized text alone, in a fresh module: check and diff run, and an
 * operation builds its token source at run time from the environment, which here names what is
 * missing, before any request leaves.
 */
import { iotEdgeDeploymentProvider, iotEdgeDeviceProvider } from "../../../components/edge/iothub-dynamic";
import { restoreEnvironmentAfterEach, serializedProvider } from "../../helpers/serialized-provider";

restoreEnvironmentAfterEach();

it("serializes the device provider and runs it from the text, building the token source at run time", async () => {
    const provider = iotEdgeDeviceProvider();
    const { loaded, containsSecrets } = await serializedProvider(provider, __dirname);
    expect(containsSecrets).toBe(false);
    const checked = await loaded.check({}, { hubHostName: "contoso-edge-hub.azure-devices.net", deviceId: "edge-01" });
    expect(checked).toEqual({ inputs: { hubHostName: "contoso-edge-hub.azure-devices.net", deviceId: "edge-01", authentication: "certificateAuthority", enabled: true, tokenSource: "environment" }, failures: [] });
    expect(await loaded.diff("id", checked.inputs, { ...checked.inputs, deviceId: "edge-02" })).toMatchObject({ replaces: ["deviceId"] });
    delete process.env.AZURE_TENANT_ID;
    delete process.env.AZURE_CLIENT_ID;
    delete process.env.AZURE_FEDERATED_TOKEN_FILE;
    delete process.env.AZURE_CLIENT_SECRET;
    // The loaded module runs outside jest's sandbox, so its Error is another realm's: compare the message.
    const message = await loaded.create(checked.inputs).then(
        () => "created",
        (err: unknown) => `${String(err)}`,
    );
    expect(message).toBe(
        "IotHubRequestError: IoT hub contoso-edge-hub.azure-devices.net: read device edge-01: no Entra ID token for https://iothubs.azure.net/.default: set AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET for an identity with IoT Hub Registry Contributor on the hub, or use tokenSource \"azureCli\"",
    );
}, 15_000);

it("serializes the deployment provider and runs its diff from the text", async () => {
    const provider = iotEdgeDeploymentProvider();
    const { loaded } = await serializedProvider(provider, __dirname);
    const olds = { hubHostName: "h.azure-devices.net", idPrefix: "p", targetDeviceId: "d", priority: 10, labels: {}, modulesContent: { $edgeAgent: {}, $edgeHub: {} }, tokenSource: "environment" };
    expect(await loaded.diff("id", olds, { ...olds, modulesContent: { $edgeAgent: { x: 1 }, $edgeHub: {} } })).toEqual({ changes: true, replaces: ["modulesContent"], deleteBeforeReplace: false });
}, 15_000);
