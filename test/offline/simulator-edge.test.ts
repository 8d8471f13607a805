/**
 * The simulated Azure of the IoT Edge host: what ARM refuses of IoT hubs, scope maps and tokens
 * (offline/azure-sim/arm-rules-edge.ts), the hub's computed host name per cloud, and the outputs the
 * IoT hub data plane computes for the dynamic device and deployment (offline/azure-sim/computed-edge.ts).
 */
import { IotHubResource } from "@pulumi/azure-native/iothub";
import { armRejections, type RuleSubject } from "../../offline/azure-sim/arm-rules";
import { COMPUTED } from "../../offline/azure-sim/computed";
import { EDGE_DYNAMIC_TYPES, edgeDeploymentOutputs, edgeDeviceOutputs } from "../../offline/azure-sim/computed-edge";
import { runProgram } from "../../offline/run-stack";
import { CLOUDS } from "../../components/clouds";
import { configurationIdFor } from "../../components/edge/iothub-resources";
import { edgeTokenName, pullOnlyActions } from "../../components/edge/edge-registry-token";
import { iotHubUnitsProblem } from "../../components/edge/iot-hub";
import { SECRET_SIG, SIG_KEY } from "../../offline/wire";

const subject = (type: string, inputs: Record<string, unknown>): RuleSubject => ({ type, logicalName: "r", inputs, subscriptionId: "s", lookup: () => undefined, all: () => [] });
const HUB = "azure-native:iothub:IotHubResource";
const MAP = "azure-native:containerregistry:ScopeMap";
const TOKEN = "azure-native:containerregistry:Token";

describe("IoT hub, scope map and token rules", () => {
    it("accept what the IoT Edge host creates", () => {
        expect(armRejections(subject(HUB, { sku: { name: "S1", capacity: 1 } }))).toEqual([]);
        expect(armRejections(subject(MAP, { actions: pullOnlyActions("team/scorer") }))).toEqual([]);
        expect(armRejections(subject(TOKEN, { registryName: "cr1", scopeMapId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/cr1/scopeMaps/m" }))).toEqual([]);
    });
    it("refuse more units than the SKU allows", () => {
        expect(armRejections(subject(HUB, { sku: { name: "S3", capacity: 11 } }))).toEqual([`${HUB} "r": sku.capacity: 11 units of S3: a hub has 1-10 units of S3 (more only through a support request)`]);
        expect(iotHubUnitsProblem("S1", 200)).toBeUndefined();
        expect(iotHubUnitsProblem("S2", 201)).toMatch(/1-200 units of S2/);
    });
    it("refuse an unknown scope-map action, an empty map, and a token on another registry's map", () => {
        expect(armRejections(subject(MAP, { actions: ["repositories/scorer/pull"] }))).toEqual([
            `${MAP} "r": actions repositories/scorer/pull: not repositories/<repository>/{content/read|content/write|content/delete|metadata/read|metadata/write}`,
        ]);
        expect(armRejections(subject(MAP, { actions: [] }))).toEqual([`${MAP} "r": actions is empty; a scope map needs at least one action`]);
        expect(armRejections(subject(TOKEN, { registryName: "cr1", scopeMapId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/cr2/scopeMaps/m" }))).toEqual([
            `${TOKEN} "r": scopeMapId names a scope map of registry cr2; a token uses a scope map of its own registry (cr1)`,
        ]);
    });
    it("are wired into the simulated deployment", async () => {
        await expect(
            runProgram(() => void new IotHubResource("hub", { resourceName: "iot-x-1", resourceGroupName: "rg", location: "westeurope", sku: { name: "S3", capacity: 20 } })),
        ).rejects.toThrow(/20 units of S3/);
    });
});

describe("computed outputs", () => {
    it("give the hub its host name in each cloud's suffix", () => {
        for (const cloud of Object.values(CLOUDS)) {
            const out = COMPUTED[HUB]({ id: "/subscriptions/s/x", name: "iot-a", inputs: { properties: { minTlsVersion: "1.2" } }, tenantId: "t", cloud });
            expect(out.properties).toEqual({ minTlsVersion: "1.2", hostName: `iot-a.${cloud.iotHubSuffix}`, provisioningState: "Succeeded" });
        }
    });
    it("name a deployment by its (secret) manifest, as the provider does, and change with it", () => {
        const content = { $edgeAgent: { "properties.desired": { schemaVersion: "1.1" } } };
        const secretContent = { [SIG_KEY]: SECRET_SIG, value: content };
        const out = edgeDeploymentOutputs({ hubHostName: "h.azure-devices.net", idPrefix: "dev-mod", modulesContent: secretContent });
        expect(out.configurationId).toBe(configurationIdFor("dev-mod", content));
        const other = edgeDeploymentOutputs({ hubHostName: "h.azure-devices.net", idPrefix: "dev-mod", modulesContent: { x: 1 } });
        expect(other.configurationId).not.toBe(out.configurationId);
        expect(COMPUTED[EDGE_DYNAMIC_TYPES.deployment]).toBeDefined();
    });
    it("give a sas device keys and an X.509 device none, deterministically", () => {
        const sas = edgeDeviceOutputs({ hubHostName: "h.azure-devices.net", deviceId: "d1", authentication: "sas" });
        expect(sas.primaryKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
        expect(sas.secondaryKey).not.toBe(sas.primaryKey);
        expect(edgeDeviceOutputs({ hubHostName: "h.azure-devices.net", deviceId: "d1", authentication: "sas" })).toEqual(sas);
        const ca = edgeDeviceOutputs({ hubHostName: "h.azure-devices.net", deviceId: "d1", authentication: "certificateAuthority" });
        expect(ca.primaryKey).toBeUndefined();
        expect(ca.etag).toEqual(sas.etag);
    });
});

describe("registry token names", () => {
    it("keep short names, pad too short ones and cut long ones with a stable suffix", () => {
        expect(edgeTokenName("edge-line-inspection")).toBe("edge-line-inspection");
        expect(edgeTokenName("ab")).toBe("ab-edge");
        const long = edgeTokenName(`edge-${"plant".repeat(12)}`);
        expect(long.length).toBeLessThanOrEqual(50);
        expect(edgeTokenName(`edge-${"plant".repeat(12)}`)).toBe(long);
        expect(long).not.toBe(edgeTokenName(`edge-${"plant".repeat(12)}x`));
    });
});
