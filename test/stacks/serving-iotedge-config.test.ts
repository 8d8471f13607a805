/**
 * Config checks of endpoints on host iotEdge (stacks/config-semantics-serving-iotedge.ts), the
 * program-stage check of the pull token's secret config key (stacks/config-serving-secrets.ts), and
 * the shipped edge stack file.
 */
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { loadPlatformConfig } from "../../stacks/config";
import { missingServingSecrets } from "../../stacks/config-serving-secrets";
import { formatProblem } from "../../stacks/config-errors";
import { iotEdgeProblems } from "../../stacks/config-semantics-serving-iotedge";
import { readStackConfig } from "../../offline/stack-file";

const P = "aml-workspace:platform";
const EP = `${P}.serving.endpoints.line-edge`;
const DIGEST = `sha256:${"b".repeat(64)}`;
const PRIVATE_NETWORK = {
    publicNetworkAccess: "Disabled",
    privateEndpoints: true,
    virtualNetwork: { addressSpace: ["10.30.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.30.0.0/24" } } },
};
const IMAGES = { scorer: { build: { context: "../examples/scoring-app" } } };
const ADOPTED = { reference: `craml.azurecr.io/scorer@${DIGEST}` };
const EDGE = { deviceId: "plant-01-edge-01", registryTokenPassword: "edgeRegistryTokenPassword" };

function endpoint(over: Record<string, unknown> = {}, edge: Record<string, unknown> = {}): Record<string, unknown> {
    return { host: "iotEdge", image: "scorer", alerts: { enabled: false }, iotEdge: { ...EDGE, ...edge }, ...over };
}

function config(endpoints: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        environment: "dev",
        location: "westeurope",
        tags: { owner: "ml-platform", costCenter: "CC-1" },
        network: PRIVATE_NETWORK,
        serving: { images: IMAGES, iotHub: { sku: "S1", units: 2 }, endpoints },
        ...over,
    };
}

describe("serving endpoints on host iotEdge", () => {
    it("accept a device with CA authentication, routes, limits and the default runtime", () => {
        expect(problemLines(config({ "line-edge": endpoint({ environmentVariables: { LOG_LEVEL: "info" } }, { memoryMiB: 512, cpus: 0.5, routes: { up: "FROM /messages/modules/line-edge/outputs/* INTO $upstream" } }) }))).toEqual([]);
    });

    it("accept self-signed thumbprints (SHA-1 and SHA-256) and a symmetric-key device", () => {
        const selfSigned = endpoint({}, { authentication: "selfSigned", primaryThumbprint: "A".repeat(40), secondaryThumbprint: "0f".repeat(32) });
        const sas = endpoint({}, { deviceId: "plant-02", authentication: "sas" });
        expect(problemLines(config({ "line-edge": selfSigned, "line-two": sas }))).toEqual([]);
    });

    it("refuse a bad device ID, a bad thumbprint, a missing one, and thumbprints without selfSigned", () => {
        expect(problemLines(config({ "line-edge": endpoint({}, { deviceId: "plant 01/edge", authentication: "selfSigned", secondaryThumbprint: "12:AB" }) }))).toEqual([
            `${EP}.iotEdge.deviceId: "plant 01/edge" is not an IoT Hub device ID (1-128 ASCII letters, digits and - : . + % _ # * ? ! ( ) , = @ ; $ ') (use e.g. edge-gateway-01)`,
            `${EP}.iotEdge.primaryThumbprint: is required for selfSigned authentication (set the hex thumbprint of the device's certificate (openssl x509 -noout -fingerprint -sha256, colons removed))`,
            `${EP}.iotEdge.secondaryThumbprint: "12:AB" is not a SHA-1 (40) or SHA-256 (64) hex thumbprint (write the fingerprint as hex digits without colons)`,
        ]);
        expect(problemLines(config({ "line-edge": endpoint({}, { primaryThumbprint: "A".repeat(40) }) }))).toEqual([
            `${EP}.iotEdge.primaryThumbprint: applies only to selfSigned authentication, not certificateAuthority (remove it, or set authentication: selfSigned)`,
        ]);
    });

    it("refuse a runtime line past its end of support, judged on the run's date", () => {
        // Loaded with a supported line (loading runs the checks on today's date), then the line under test.
        const c = loadPlatformConfig(config({ "line-edge": endpoint({}, { runtime: "1.6" }) }), TEST_CONTEXT);
        const edge = c.serving?.endpoints?.["line-edge"]?.iotEdge;
        if (edge === undefined) throw new Error("the endpoint has no iotEdge block");
        edge.runtime = "1.5";
        expect(iotEdgeProblems(c, "2026-11-10").map(formatProblem)).toEqual([]);
        expect(iotEdgeProblems(c, "2026-11-11").map(formatProblem)).toEqual([
            `${EP}.iotEdge.runtime: IoT Edge 1.5 LTS reached its end of support on 2026-11-10; use 1.6 (set runtime: "1.6" and update the device's IoT Edge runtime to that line)`,
        ]);
    });

    it("refuse a bad route, an empty route map, a bad host address and a config key that is not one", () => {
        expect(problemLines(config({ "line-edge": endpoint({}, { routes: { up: "SEND everything upstream" }, hostIp: "localhost", registryTokenPassword: "other:key" }) }))).toEqual([
            `${EP}.iotEdge.hostIp: "localhost" is not an IPv4 address (use 127.0.0.1 (the device only), an address of the device, or 0.0.0.0 (every interface))`,
            `${EP}.iotEdge.routes.up: "SEND everything upstream" is not "FROM <source> [WHERE <condition>] INTO <sink>" (e.g. FROM /messages/modules/line-edge/outputs/* INTO $upstream)`,
            `${EP}.iotEdge.registryTokenPassword: names "other:key", which is not a config key of this project: letters, digits, '_', '.', '-', no namespace, not "platform" (name a key set with: pulumi config set --secret <key> <password>)`,
        ]);
        expect(problemLines(config({ "line-edge": endpoint({}, { routes: {} }) }))).toEqual([
            `${EP}.iotEdge.routes: is empty: the module's messages would go nowhere (remove it for the default route (all outputs to $upstream))`,
        ]);
    });

    it("need the iotEdge block and an image, refuse a model and other hosts' fields, and the block on other hosts", () => {
        const endpoints = {
            "line-edge": { host: "iotEdge", model: "m:1", cluster: "shared", secretEnvironmentVariables: { X: "k" }, alerts: { enabled: false } },
            "risk-aci": { host: "containerInstance", image: "scorer", iotEdge: EDGE, alerts: { enabled: false } },
        };
        const lines = problemLines(config({}, { serving: { images: IMAGES, models: { m: { versions: { "1": { path: "https://st.blob.core.windows.net/m/1/" } } } }, endpoints } }));
        expect(lines).toEqual(expect.arrayContaining([
            `${EP}.model: does not apply to host iotEdge: a device cannot read the workspace's storage (build the model into the image (serving.images.<key>.build) and remove model)`,
            `${EP}.secretEnvironmentVariables: does not apply to host iotEdge: the module's environment is written into the deployment manifest (use environmentVariables for plain settings; keep secrets on the device)`,
            `${EP}.cluster: does not apply to host iotEdge (remove it; it applies to the containerInstance, managedOnline, kubernetes or kubernetesOnline hosts)`,
            // A missing image is the artifacts check's, the same for every host.
            `${EP}.image: is not set, so the endpoint has neither an image nor a build context (name a key of serving.images (scorer))`,
            `${EP}.iotEdge: is not set, but host iotEdge needs the device and the pull token's password (add iotEdge: { deviceId: <device>, registryTokenPassword: <secret config key> })`,
            `${P}.serving.endpoints.risk-aci.iotEdge: does not apply to host containerInstance (remove it, or set host: iotEdge)`,
        ]));
    });

    it("refuse two endpoints on one device, and alerts that would see no data", () => {
        expect(problemLines(config({ "line-edge": endpoint(), "line-two": endpoint({ alerts: undefined }) }))).toEqual([
            `${P}.serving.alerts.actionGroup: is not set, but endpoint(s) line-two have alerts enabled and nobody would be told (set serving.alerts.actionGroup.emails (e.g. [ml-oncall@contoso.example]) or serving.alerts.actionGroup.existingId (an action group ID), or set alerts.enabled: false on those endpoints)`,
            `${P}.serving.endpoints.line-two.alerts.enabled: is true (the default), but an IoT Edge module cannot publish to the Entra-only Application Insights, so its request alerts would see no data (set alerts: { enabled: false } on this endpoint; watch the device through the IoT hub's metrics and logs)`,
            `${P}.serving.endpoints.line-two.iotEdge.deviceId: is also the device of endpoint line-edge; only the highest-priority deployment applies to a device, so one would replace the other (give each endpoint its own device)`,
        ]);
    });

    it("refuse a private stack without private endpoints, with the team's key path", () => {
        const team = { workspace: { friendlyName: "Plant" }, serving: { images: IMAGES, endpoints: { "line-edge": endpoint() } } };
        const lines = problemLines(config({}, { network: { ...PRIVATE_NETWORK, privateEndpoints: false }, teams: { plant: team }, serving: undefined }));
        expect(lines).toContain(
            `${P}.network.privateEndpoints: is false, but network.publicNetworkAccess is Disabled and teams.plant.serving has iotEdge endpoints: their IoT hub is private and reached only through a private endpoint (remove network.privateEndpoints: false (private endpoints follow publicNetworkAccess Disabled))`,
        );
    });

    it("refuse an adopted image reference: only a built image is known to be in the workspace's registry", () => {
        expect(problemLines(config({ "line-edge": endpoint() }, { serving: { images: { scorer: ADOPTED }, endpoints: { "line-edge": endpoint() } } }))).toEqual([
            `${EP}.image: names scorer, an adopted reference: the device pulls with a token scoped to a repository of the workspace's registry, and an adopted image cannot be shown to be there before deployment (build it (serving.images.scorer.build), which pushes it to the workspace's registry by digest)`,
        ]);
    });

    it("need the hub's zones among a central DNS's zone IDs", () => {
        const zoneId = (z: string) => `/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${z}`;
        const base = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net", "privatelink.blob.core.windows.net", "privatelink.file.core.windows.net", "privatelink.vaultcore.azure.net", "privatelink.monitor.azure.com", "privatelink.oms.opinsights.azure.com", "privatelink.ods.opinsights.azure.com", "privatelink.agentsvc.azure-automation.net", "privatelink.azurecr.io"];
        const network = (zones: string[]) => ({ ...PRIVATE_NETWORK, privateDns: { mode: "existing", zoneIds: Object.fromEntries(zones.map((z) => [z, zoneId(z)])) } });
        const lines = problemLines(config({ "line-edge": endpoint() }, { network: network(base) }));
        expect(lines).toContain(
            `${P}.network.privateDns.zoneIds: has no ID for privatelink.azure-devices.net, privatelink.servicebus.windows.net, which the IoT hub of the iotEdge endpoints registers its private endpoint in (add the zone IDs of the central DNS subscription, or use mode create or policyManaged)`,
        );
        const complete = problemLines(config({ "line-edge": endpoint() }, { network: network([...base, "privatelink.azure-devices.net", "privatelink.servicebus.windows.net"]) }));
        expect(complete.filter((l) => l.includes("azure-devices"))).toEqual([]);
    });

    it("refuse more units than the SKU allows", () => {
        expect(problemLines(config({ "line-edge": endpoint() }, { serving: { images: IMAGES, iotHub: { sku: "S3", units: 12 }, endpoints: { "line-edge": endpoint() } } }))).toEqual([
            `${P}.serving.iotHub.units: 12 units of S3: a hub has 1-10 units of S3 (more only through a support request) (lower units, or choose a SKU with more capacity per unit (S2, S3))`,
        ]);
    });

    it("refuse an unknown SKU, and more units than the schema allows", () => {
        const lines = problemLines(config({ "line-edge": endpoint() }, { serving: { images: IMAGES, iotHub: { sku: "B1", units: 500 }, endpoints: { "line-edge": endpoint() } } }));
        expect(lines.some((l) => l.startsWith(`${P}.serving.iotHub.sku`))).toBe(true);
        expect(lines.some((l) => l.startsWith(`${P}.serving.iotHub.units`))).toBe(true);
    });
});

describe("the pull token's secret config key", () => {
    it("is reported with its key path when the stack does not set it", () => {
        const c = loadPlatformConfig(config({ "line-edge": endpoint() }), TEST_CONTEXT);
        expect(missingServingSecrets(c, () => false, "edge").map(formatProblem)).toEqual([
            `${EP}.iotEdge.registryTokenPassword: names the config key "edgeRegistryTokenPassword", which stack edge does not set (run: pulumi config set --secret edgeRegistryTokenPassword <value> --stack edge)`,
        ]);
        expect(missingServingSecrets(c, () => true, "edge")).toEqual([]);
    });
});

describe("the shipped edge stack", () => {
    it("is valid, serves on host iotEdge and sets the secret key its endpoint names", () => {
        const stack = readStackConfig("edge");
        const c = loadPlatformConfig(stack[P], { project: "aml-workspace", stack: "edge" });
        const e = c.serving?.endpoints?.["line-inspection"];
        expect(e?.host).toBe("iotEdge");
        expect(stack[`aml-workspace:${e?.iotEdge?.registryTokenPassword}`]).toHaveProperty("secure");
    });
});
