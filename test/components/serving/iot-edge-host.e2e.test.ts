/**
 * Host iotEdge through the program (config -> MlPlatform -> components, simulated Azure): on a public
 * stack the hub keeps public access and gets no private endpoint; two endpoints share the workspace's
 * one hub, each with its own pull-only token and device. (The private `edge` stack is the acceptance
 * test's; an adopted image is refused by the config, test/stacks/serving-iotedge-config.test.ts.)
 */
import { runStack, type StackRun } from "../../../offline/run-stack";
import { isSecret } from "../../../offline/graph";
import { allOfType, at, baseConfig, oneOfType } from "../../helpers/stack";
import { EDGE_DYNAMIC_TYPES } from "../../../offline/azure-sim/computed-edge";

const SECRET = { secure: "v1:AAAA:placeholder" };
const edge = (deviceId: string, extra: Record<string, unknown> = {}) => ({ deviceId, registryTokenPassword: "edgePw", ...extra });

function platform(images: Record<string, unknown>, endpoints: Record<string, unknown>): Record<string, unknown> {
    return baseConfig({
        network: { publicNetworkAccess: "Enabled", allowedIpRanges: ["203.0.113.0/24"] },
        containerRegistry: { mode: "always" },
        serving: { images, iotHub: { sku: "S2", units: 2 }, endpoints },
    });
}

function run(p: Record<string, unknown>): Promise<StackRun> {
    return runStack({ stack: "test", config: { "aml-workspace:platform": p, "aml-workspace:edgePw": SECRET } });
}

describe("host iotEdge on a public stack", () => {
    let r: StackRun;
    beforeAll(async () => {
        r = await run(platform({ scorer: { build: { context: "../examples/scoring-app" } } }, {
            "line-a": { host: "iotEdge", image: "scorer", alerts: { enabled: false }, iotEdge: edge("dev-a") },
            "line-b": { host: "iotEdge", image: "scorer", alerts: { enabled: false }, iotEdge: edge("dev-b", { authentication: "selfSigned", primaryThumbprint: "ab".repeat(20), hostPort: 18080, hostIp: "0.0.0.0" }) },
        }));
    }, 60_000);

    it("creates one hub for the workspace, public like the stack, with its SKU and units", () => {
        const hub = oneOfType(r.graph, "azure-native:iothub:IotHubResource");
        expect(at(hub.inputs, "properties.publicNetworkAccess")).toBe("Enabled");
        expect(at(hub.inputs, "properties.disableLocalAuth")).toBe(true);
        expect(hub.inputs.sku).toEqual({ name: "S2", capacity: 2 });
        const toHub = allOfType(r.graph, "azure-native:network:PrivateEndpoint").filter((e) => JSON.stringify(e.inputs).includes("Microsoft.Devices/IotHubs"));
        expect(toHub).toEqual([]);
    });

    it("gives each endpoint its own pull-only token and device, and a deployment targeting it", () => {
        expect(allOfType(r.graph, "azure-native:containerregistry:Token").map((t) => t.inputs.tokenName).sort()).toEqual(["edge-line-a", "edge-line-b"]);
        expect(allOfType(r.graph, "azure-native:containerregistry:ScopeMap").map((m) => m.inputs.actions)).toEqual([["repositories/scorer/content/read"], ["repositories/scorer/content/read"]]);
        const devices = allOfType(r.graph, EDGE_DYNAMIC_TYPES.device);
        expect(devices.map((d) => [d.inputs.deviceId, d.inputs.authentication]).sort()).toEqual([["dev-a", "certificateAuthority"], ["dev-b", "selfSigned"]]);
        const deployments = allOfType(r.graph, EDGE_DYNAMIC_TYPES.deployment);
        expect(deployments.map((d) => d.inputs.targetDeviceId).sort()).toEqual(["dev-a", "dev-b"]);
        // The manifest in the clear, the token password a secret input of its own.
        for (const d of deployments) expect([isSecret(d.inputs.modulesContent), isSecret(d.inputs.registryPasswords)]).toEqual([false, true]);
    });

    it("reports each module's URI on its device's published port", () => {
        expect(r.outputs.scoringUris).toEqual({ "line-a": "http://dev-a:8080/score", "line-b": "http://dev-b:18080/score" });
    });
});
