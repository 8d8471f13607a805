/**
 * Issue 12's acceptance check for the IoT Edge host, on the shipped `edge` stack, planned offline the
 * way `npm run plan -- edge` plans it (the stack file, its policy config policies/config/edge.json,
 * the simulated Azure; one program run): exit 0 with no mandatory violation; an IoT hub with the
 * CONTROLS.md values (local auth off, TLS 1.2, public access off in this private stack, diagnostics,
 * a private endpoint); a pull-only, repository-scoped registry token; the dynamic resources of the
 * device and the deployment; and the deployment's manifest (a Pulumi secret: the plan JSON redacts
 * it, the captured graph holds it) valid against the project's own IoT Edge schema
 * (components/edge/schema), compiled here with ajv directly.
 */
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { runStack } from "../../offline/run-stack";
import { readStackFile } from "../../offline/stack-file";
import { evaluatePolicies, stackPolicyConfigPath } from "../../offline/policy-harness";
import { loadPolicyConfig } from "../../offline/policy-config";
import { exitCodeFor, type PolicyReport } from "../../offline/policy-report";
import { planJson } from "../../offline/plan";
import { isSecret, type CapturedResource, type CapturedStack } from "../../offline/graph";
import { readPath } from "../../components/object-path";
import { EDGE_DYNAMIC_TYPES } from "../../offline/azure-sim/computed-edge";
import schema from "../../components/edge/schema/edge-manifest.schema.json";
import { FPGA_REGIONS, isFpgaVmSize } from "../../components/fpga";

const ROOT = path.resolve(__dirname, "../..");
let graph: CapturedStack;
let report: PolicyReport;
let outputs: Record<string, unknown>;

beforeAll(async () => {
    const file = readStackFile("edge");
    const configFile = stackPolicyConfigPath("edge", ROOT);
    expect(configFile).toBe(path.join(ROOT, "policies", "config", "edge.json"));
    const run = await runStack({ stack: "edge", config: file.config, configSource: file.file });
    graph = run.graph;
    outputs = run.outputs;
    report = evaluatePolicies(run.graph, loadPolicyConfig(configFile as string), { configFile });
}, 120_000);

const ofType = (type: string): CapturedResource[] => graph.resources.filter((r) => r.type === type);
const one = (type: string): CapturedResource => {
    const found = ofType(type);
    expect(found).toHaveLength(1);
    return found[0];
};

it("plans clean with its own policy config: exit 0, nothing mandatory, no failure", () => {
    expect(report.errors).toEqual([]);
    expect(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}: ${v.message}`)).toEqual([]);
    expect(exitCodeFor(report)).toBe(0);
});

it("has an IoT hub with the CONTROLS.md values, diagnostics and a private endpoint", () => {
    const hub = one("azure-native:iothub:IotHubResource");
    expect(readPath(hub.inputs, "properties.disableLocalAuth")).toBe(true);
    expect(readPath(hub.inputs, "properties.minTlsVersion")).toBe("1.2");
    expect(readPath(hub.inputs, "properties.publicNetworkAccess")).toBe("Disabled");
    expect(readPath(hub.inputs, "properties.routing.fallbackRoute")).toMatchObject({ isEnabled: true, endpointNames: ["events"] });
    expect(readPath(hub.inputs, "sku")).toEqual({ name: "S1", capacity: 1 });
    const hubId = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml-edge/providers/Microsoft.Devices/IotHubs/${String(hub.inputs.resourceName)}`;
    expect(hub.inputs.resourceName).toMatch(/^iot-aml-edge-[a-z0-9]+$/);
    const diagnostics = ofType("azure-native:monitor:DiagnosticSetting").filter((d) => d.inputs.resourceUri === hubId);
    expect(diagnostics).toHaveLength(1);
    expect(readPath(diagnostics[0].inputs, "logs")).toEqual([{ categoryGroup: "allLogs", enabled: true }]);
    const endpoints = ofType("azure-native:network:PrivateEndpoint").filter((e) => readPath(e.inputs, "privateLinkServiceConnections.0.privateLinkServiceId") === hubId);
    expect(endpoints).toHaveLength(1);
    expect(readPath(endpoints[0].inputs, "privateLinkServiceConnections.0.groupIds")).toEqual(["iotHub"]);
    const zones = ofType("azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName);
    expect(zones).toEqual(expect.arrayContaining(["privatelink.azure-devices.net", "privatelink.servicebus.windows.net"]));
    for (const policy of ["iothub-local-auth-disabled", "iothub-min-tls-1-2", "iothub-public-network-restricted", "iothub-diagnostic-settings"]) {
        expect(report.violations.filter((v) => v.policyName === policy)).toEqual([]);
    }
});

it("pulls with a repository-scoped, read-only token: never the admin user", () => {
    const map = one("azure-native:containerregistry:ScopeMap");
    const token = one("azure-native:containerregistry:Token");
    expect(map.inputs.actions).toEqual(["repositories/scorer/content/read"]);
    expect(token.inputs.scopeMapId).toBe(`/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml-edge/providers/Microsoft.ContainerRegistry/registries/${String(map.inputs.registryName)}/scopeMaps/${String(map.inputs.scopeMapName)}`);
    expect(token.inputs.registryName).toBe(map.inputs.registryName);
    expect(one("azure-native:containerregistry:Registry").inputs.adminUserEnabled).toBe(false);
});

it("declares the device and the deployment as dynamic resources, and the manifest is valid against the project's IoT Edge schema", () => {
    const device = one(EDGE_DYNAMIC_TYPES.device);
    const deployment = one(EDGE_DYNAMIC_TYPES.deployment);
    expect(device.inputs).toMatchObject({ deviceId: "plant-01-edge-01", authentication: "certificateAuthority", hubHostName: expect.stringMatching(/^iot-aml-edge-[a-z0-9]+\.azure-devices\.net$/) });
    expect(deployment.inputs.targetDeviceId).toBe("plant-01-edge-01");
    expect(deployment.inputs.hubHostName).toBe(device.inputs.hubHostName);

    // The manifest is in the plan JSON as the reviewer reads it; the registry password is not in it
    // (a placeholder), but in a secret input of its own, redacted.
    expect(isSecret(deployment.inputs.modulesContent)).toBe(false);
    expect(isSecret(deployment.inputs.registryPasswords)).toBe(true);
    const json = planJson(graph, outputs) as { resources: { type: string; inputs: Record<string, unknown> }[] };
    const planned = json.resources.find((r) => r.type === EDGE_DYNAMIC_TYPES.deployment)!;
    expect(planned.inputs.registryPasswords).toBe("[secret]");

    const manifest = planned.inputs.modulesContent as Record<string, unknown>;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    const agent = (manifest.$edgeAgent as Record<string, Record<string, unknown>>)["properties.desired"];
    const modules = readPath(agent, "modules") as Record<string, { settings: { image: string; createOptions: string } }>;
    expect(Object.keys(modules)).toEqual(["line-inspection"]);
    expect(modules["line-inspection"].settings.image).toMatch(/^cramledge[a-z0-9]+\.azurecr\.io\/scorer@sha256:[0-9a-f]{64}$/);
    const createOptions = JSON.parse(modules["line-inspection"].settings.createOptions) as Record<string, unknown>;
    expect(readPath(createOptions, "HostConfig.PortBindings")).toEqual({ "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: "8080" }] });
    const credentials = readPath(agent, "runtime.settings.registryCredentials") as Record<string, { username: string; address: string }>;
    expect(Object.values(credentials).map((c) => c.username)).toEqual(["edge-line-inspection"]);
    expect(readPath(agent, "systemModules.edgeAgent.settings.image")).toBe("mcr.microsoft.com/azureiotedge-agent:1.6.1");
    expect(deployment.inputs.idPrefix).toBe("plant-01-edge-01-line-inspection");
});

it("reports the module's scoring URI on its device, and the FPGA endpoint's on its internal load balancer", () => {
    const uris = outputs.scoringUris as Record<string, string>;
    expect(Object.keys(uris).sort()).toEqual(["defect-fpga", "line-inspection"]);
    expect(uris["line-inspection"]).toBe("http://plant-01-edge-01:8080/score");
    // A private address of the stack's AKS subnet (10.30.8.0/21).
    expect(uris["defect-fpga"]).toMatch(/^http:\/\/10\.30\.(8|9|1[0-5])\.\d+:8080\/score$/);
});

it("serves on FPGA: an NP-series pool in a region that offers it, tainted; the device plugin DaemonSet on it; a workload asking for one FPGA, tolerating the taint", () => {
    const location = String(one("azure-native:containerservice:ManagedCluster").inputs.location);
    const pools = ofType("azure-native:containerservice:AgentPool").filter((p) => isFpgaVmSize(p.inputs.vmSize));
    expect(pools).toHaveLength(1);
    expect(FPGA_REGIONS).toContain(location);
    expect(pools[0].inputs.vmSize).toMatch(/^Standard_NP(10|20|40)s$/);
    expect(pools[0].inputs.nodeTaints).toEqual(expect.arrayContaining([expect.stringMatching(/:NoSchedule$/)]));
    const [plugin] = ofType("kubernetes:apps/v1:DaemonSet");
    expect(plugin).toBeDefined();
    const pluginSpec = readPath(plugin.inputs, "spec.template.spec") as Record<string, unknown>;
    expect(pluginSpec.nodeSelector).toBeDefined();
    // The workload: the FPGA extended resource as a limit, the pool's taint tolerated.
    const fpga = ofType("kubernetes:apps/v1:Deployment").find((d) => JSON.stringify(readPath(d.inputs, "spec.template.spec.containers")).includes("xilinx_u250"));
    expect(fpga).toBeDefined();
    const limits = readPath(fpga!.inputs, "spec.template.spec.containers.0.resources.limits") as Record<string, unknown>;
    expect(Object.entries(limits).find(([k]) => k.startsWith("amd.com/xilinx_u250"))?.[1]).toEqual(expect.anything());
    expect(JSON.stringify(readPath(fpga!.inputs, "spec.template.spec.tolerations"))).toContain("fpga");
});
