/**
 * Endpoints on host `iotEdge` (the platform's `serving.endpoints` and each team's), with key paths.
 * The facts come from the edge library's own tables (components/edge/): the device ID and thumbprint
 * rules (iothub-rest.ts, iothub-resources.ts), the route syntax (edge-manifest.ts), the IoT Edge
 * release table and its end-of-support dates (edge-runtime-versions.ts, checked against the run's date).
 *
 * - `iotEdge` is required on this host and refused on the others.
 * - `image` is required and names a built serving image (`build`: pushed to the workspace registry
 *   by digest); the device pulls it with a token scoped to that repository, and an adopted
 *   `reference` cannot be shown to be in the workspace's registry before deployment (the host
 *   checks it again against the login server, as a backstop). `model` does not apply: a device cannot read the workspace's storage,
 *   so the image carries the model.
 * - Fields of other hosts and `secretEnvironmentVariables` are refused (the module's environment is
 *   written into the deployment manifest; a secret belongs in the module twin or the device).
 * - One endpoint per device in a serving workspace: each is an automatic deployment targeting the
 *   device, and "the highest-priority deployment" alone applies to a device
 *   (https://learn.microsoft.com/azure/iot-edge/module-deployment-monitoring), so a second would
 *   silently replace the first.
 * - Alerts must be off: the module cannot publish to the Entra-only Application Insights (a device
 *   has no Entra identity), so request alerts would see no data (hosts/iot-edge-host.ts).
 * - The hub's units within its SKU's limit (components/edge/iot-hub.ts IOT_HUB_MAX_UNITS).
 * - With central DNS (`network.privateDns.mode: existing`), the hub's zones must be among `zoneIds`.
 * - A private stack (network.publicNetworkAccess Disabled) reaches the hub through a private
 *   endpoint, so it needs private endpoints.
 */
import { planNetwork } from "../components/network/network-plan";
import { zonesFor } from "../components/network/private-link-zones";
import { EndpointHost } from "../components/serving/serving-enums";
import { resolveAlertThresholds } from "../components/serving/endpoint-alert-metrics";
import { EDGE_ROUTE_PATTERN } from "../components/edge/edge-manifest";
import { DEFAULT_IOT_EDGE_RUNTIME_LINE, runtimeLineProblem } from "../components/edge/edge-runtime-versions";
import { EdgeDeviceAuthentication, THUMBPRINT_PATTERN } from "../components/edge/iothub-resources";
import { DEVICE_ID_PATTERN } from "../components/edge/iothub-rest";
import { iotHubUnitsProblem } from "../components/edge/iot-hub";
import { SERVING_DEFAULTS } from "../components/serving/serving-defaults";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";
import { SECRET_CONFIG_KEY_PATTERN } from "./config-semantics-serving-aci";
import { servingBlocksOf } from "./config-serving";
import { guardedEntries } from "./config-guard";

/** Fields of other hosts with no schema default (so a value was written on purpose). */
const OTHER_HOSTS_FIELDS = ["model", "secretEnvironmentVariables", "publicDnsLabel", "compute", "deployments", "cluster", "namespace", "allowFrom", "publicNetworkAccess"] as const;

/** A dotted IPv4 address (the host address a Docker port binding takes). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Today as `YYYY-MM-DD` (UTC): the date end-of-support is judged on. */
export function todayUtc(): string {
    return new Date().toISOString().slice(0, 10);
}

/** Every problem of the iotEdge endpoints; `today` decides which runtime lines are past end of support. */
export function iotEdgeProblems(c: PlatformConfig, today: string = todayUtc()): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const privateStack = c.network.publicNetworkAccess !== "Enabled";
    const plan = planNetwork(c);
    for (const { path: prefix, serving } of servingBlocksOf(c)) {
        const devices = new Map<string, string>();
        const imageKeys = Object.keys(serving.images ?? {});
        let hasEdge = false;
        for (const [key, e] of guardedEntries(out, serving.endpoints)) {
            const p = (field: string): string => at(`${prefix}.endpoints.${key}${field ? `.${field}` : ""}`);
            const add = (field: string, problem: string, fix: string): void => {
                out.push({ path: p(field), problem, fix });
            };
            if (e.host !== EndpointHost.IotEdge) {
                if (e.iotEdge !== undefined) add("iotEdge", `does not apply to host ${e.host}`, "remove it, or set host: iotEdge");
                continue;
            }
            hasEdge = true;
            for (const f of OTHER_HOSTS_FIELDS) {
                if (e[f] === undefined) continue;
                if (f === "model") add(f, "does not apply to host iotEdge: a device cannot read the workspace's storage", "build the model into the image (serving.images.<key>.build) and remove model");
                else if (f === "secretEnvironmentVariables") add(f, "does not apply to host iotEdge: the module's environment is written into the deployment manifest", "use environmentVariables for plain settings; keep secrets on the device");
                else add(f, "does not apply to host iotEdge", "remove it; it applies to the containerInstance, managedOnline, kubernetes or kubernetesOnline hosts");
            }
            // A missing or unknown image is the artifacts check's (config-semantics-serving-artifacts.ts).
            if (e.image !== undefined && imageKeys.includes(e.image) && serving.images?.[e.image]?.build === undefined) {
                add("image", `names ${e.image}, an adopted reference: the device pulls with a token scoped to a repository of the workspace's registry, and an adopted image cannot be shown to be there before deployment`, `build it (${prefix}.images.${e.image}.build), which pushes it to the workspace's registry by digest`);
            }
            const t = resolveAlertThresholds(serving.alerts?.thresholds, e.alerts);
            if (t.enabled) {
                add("alerts.enabled", "is true (the default), but an IoT Edge module cannot publish to the Entra-only Application Insights, so its request alerts would see no data", "set alerts: { enabled: false } on this endpoint; watch the device through the IoT hub's metrics and logs");
            }
            const edge = e.iotEdge;
            if (edge === undefined) {
                add("iotEdge", "is not set, but host iotEdge needs the device and the pull token's password", "add iotEdge: { deviceId: <device>, registryTokenPassword: <secret config key> }");
                continue;
            }
            if (!DEVICE_ID_PATTERN.test(edge.deviceId)) {
                add("iotEdge.deviceId", `"${edge.deviceId}" is not an IoT Hub device ID (1-128 ASCII letters, digits and - : . + % _ # * ? ! ( ) , = @ ; $ ')`, "use e.g. edge-gateway-01");
            }
            const other = devices.get(edge.deviceId);
            if (other !== undefined) {
                add("iotEdge.deviceId", `is also the device of endpoint ${other}; only the highest-priority deployment applies to a device, so one would replace the other`, "give each endpoint its own device");
            } else devices.set(edge.deviceId, key);
            const auth = edge.authentication ?? EdgeDeviceAuthentication.certificateAuthority;
            if (auth === EdgeDeviceAuthentication.selfSigned) {
                if (edge.primaryThumbprint === undefined) add("iotEdge.primaryThumbprint", "is required for selfSigned authentication", "set the hex thumbprint of the device's certificate (openssl x509 -noout -fingerprint -sha256, colons removed)");
                for (const f of ["primaryThumbprint", "secondaryThumbprint"] as const) {
                    const v = edge[f];
                    if (v !== undefined && !THUMBPRINT_PATTERN.test(v)) add(`iotEdge.${f}`, `"${v}" is not a SHA-1 (40) or SHA-256 (64) hex thumbprint`, "write the fingerprint as hex digits without colons");
                }
            } else {
                for (const f of ["primaryThumbprint", "secondaryThumbprint"] as const) {
                    if (edge[f] !== undefined) add(`iotEdge.${f}`, `applies only to selfSigned authentication, not ${auth}`, "remove it, or set authentication: selfSigned");
                }
            }
            const line = edge.runtime ?? DEFAULT_IOT_EDGE_RUNTIME_LINE;
            const runtime = runtimeLineProblem(line, today);
            if (runtime) add("iotEdge.runtime", runtime, `set runtime: "${DEFAULT_IOT_EDGE_RUNTIME_LINE}" and update the device's IoT Edge runtime to that line`);
            if (edge.hostIp !== undefined && !IPV4.test(edge.hostIp)) add("iotEdge.hostIp", `"${edge.hostIp}" is not an IPv4 address`, "use 127.0.0.1 (the device only), an address of the device, or 0.0.0.0 (every interface)");
            if (edge.routes !== undefined) {
                if (Object.keys(edge.routes).length === 0) add("iotEdge.routes", "is empty: the module's messages would go nowhere", "remove it for the default route (all outputs to $upstream)");
                for (const [name, route] of Object.entries(edge.routes)) {
                    if (!EDGE_ROUTE_PATTERN.test(route)) add(`iotEdge.routes.${name}`, `"${route}" is not "FROM <source> [WHERE <condition>] INTO <sink>"`, `e.g. FROM /messages/modules/${key}/outputs/* INTO $upstream`);
                }
            }
            if (!SECRET_CONFIG_KEY_PATTERN.test(edge.registryTokenPassword) || edge.registryTokenPassword === "platform") {
                add("iotEdge.registryTokenPassword", `names "${edge.registryTokenPassword}", which is not a config key of this project: letters, digits, '_', '.', '-', no namespace, not "platform"`, "name a key set with: pulumi config set --secret <key> <password>");
            }
        }
        const sku = serving.iotHub?.sku ?? SERVING_DEFAULTS["serving.iotHub.sku"];
        const units = serving.iotHub?.units ?? SERVING_DEFAULTS["serving.iotHub.units"];
        const unitsProblem = iotHubUnitsProblem(sku, units);
        if (unitsProblem) out.push({ path: at(`${prefix}.iotHub.units`), problem: unitsProblem, fix: "lower units, or choose a SKU with more capacity per unit (S2, S3)" });
        if (hasEdge && privateStack && !plan.privateEndpoints) {
            out.push({
                path: at("network.privateEndpoints"),
                problem: `is false, but network.publicNetworkAccess is Disabled and ${prefix} has iotEdge endpoints: their IoT hub is private and reached only through a private endpoint`,
                fix: "remove network.privateEndpoints: false (private endpoints follow publicNetworkAccess Disabled)",
            });
        }
    }
    // Central DNS (mode existing): the hub's endpoint registers in zones the stack must name, like the others'.
    const anyEdge = servingBlocksOf(c).some(({ serving }) => Object.values(serving.endpoints ?? {}).some((e) => e.host === EndpointHost.IotEdge));
    if (anyEdge && plan.privateEndpoints && c.network.privateDns.mode === "existing") {
        const given = new Set(Object.keys(c.network.privateDns.zoneIds ?? {}).map((z) => z.toLowerCase()));
        const missing = zonesFor("iotHub", c.cloud, c.location).filter((z) => !given.has(z));
        if (missing.length > 0) {
            out.push({ path: at("network.privateDns.zoneIds"), problem: `has no ID for ${missing.join(", ")}, which the IoT hub of the iotEdge endpoints registers its private endpoint in`, fix: "add the zone IDs of the central DNS subscription, or use mode create or policyManaged" });
        }
    }
    return out;
}

/** The checks config.ts runs with the other semantic checks. */
export const SERVING_IOTEDGE_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [(c) => iotEdgeProblems(c)];
