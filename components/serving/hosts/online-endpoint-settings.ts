/**
 * The facts of Azure ML online endpoints the toolkit acts on, in one place (pure: no Pulumi): the
 * auth modes each host offers and their ARM names, the managed VM sizes, the default instance
 * type, the probe timings, and the traffic rules. The component (online-endpoint.ts), the config
 * checks (stacks/config-semantics-serving-online.ts), the simulator's ARM rules and the policy
 * pack read them here.
 *
 * Sources (checked 2026-12-04):
 * - "Authenticate clients for online endpoints"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-authenticate-online-endpoint) and
 *   "Authentication and authorization for online endpoints"
 *   (https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth):
 *   Microsoft Entra token (aad_token) authentication is supported for managed online endpoints
 *   only; Kubernetes online endpoints use key or aml_token.
 * - "Managed online endpoints SKU list"
 *   (https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list,
 *   page dated 2023-10-18, read 2026-12-04): the VM sizes a managed deployment may use; small sizes
 *   (Standard_DS1_v2, Standard_F2s_v2) "may be too small" and fail probes.
 * - "Perform safe rollout of new deployments for real-time inference"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints):
 *   mirroring is not supported for Kubernetes online endpoints, mirrors to one deployment only, at
 *   most 50%, and a deployment receives live or mirrored traffic, never both. The REST type
 *   (OnlineEndpointProperties): "Traffic values need to sum to 100"; mirror values "to utmost 50".
 * - "CLI (v2) managed online deployment YAML schema"
 *   (https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online):
 *   probe defaults (initial_delay 10 s, period 10 s, timeout 2 s, success_threshold 1,
 *   failure_threshold 30); the probe paths of a custom container are the environment's
 *   inference_config liveness_route / readiness_route, the deployment's probe settings only time them.
 */
import { EndpointAuthMode, EndpointHost } from "../serving-enums";

/** The online hosts. */
export const ONLINE_HOSTS: readonly EndpointHost[] = [EndpointHost.ManagedOnline, EndpointHost.KubernetesOnline];

/** Whether `host` is served by an Azure ML online endpoint. */
export function isOnlineHost(host: string | undefined): boolean {
    return ONLINE_HOSTS.includes(host as EndpointHost);
}

/** The ARM `authMode` of each toolkit auth mode. */
export const ARM_AUTH_MODE: Readonly<Record<EndpointAuthMode, string>> = {
    [EndpointAuthMode.AadToken]: "AADToken",
    [EndpointAuthMode.AmlToken]: "AMLToken",
    [EndpointAuthMode.Key]: "Key",
};

/** The auth modes each online host offers (Entra tokens: managed only). */
export const AUTH_MODES_BY_HOST: Readonly<Record<string, readonly EndpointAuthMode[]>> = {
    [EndpointHost.ManagedOnline]: [EndpointAuthMode.AadToken, EndpointAuthMode.AmlToken, EndpointAuthMode.Key],
    [EndpointHost.KubernetesOnline]: [EndpointAuthMode.AmlToken, EndpointAuthMode.Key],
};

/** ARM auth modes weaker than Entra tokens (the policy pack reports them). */
export const WEAKER_ARM_AUTH_MODES: readonly string[] = ["AMLToken", "Key"];

/** The endpoint compute type of each online host (`properties.endpointComputeType` of a deployment). */
export const ENDPOINT_COMPUTE_TYPE: Readonly<Record<string, "Managed" | "Kubernetes">> = {
    [EndpointHost.ManagedOnline]: "Managed",
    [EndpointHost.KubernetesOnline]: "Kubernetes",
};

/**
 * VM sizes of managed online deployments ("Managed online endpoints SKU list", read 2026-12-04).
 * Compared case-insensitively (the page writes them upper case; ARM accepts either).
 */
export const MANAGED_ONLINE_SKUS: readonly string[] = [
    ...["D2as_v4", "D4as_v4", "D8as_v4", "D16as_v4", "D32as_v4", "D48as_v4", "D64as_v4", "D96as_v4"],
    ...["D2a_v4", "D4a_v4", "D8a_v4", "D16a_v4", "D32a_v4", "D48a_v4", "D64a_v4", "D96a_v4"],
    ...["DS1_v2", "DS2_v2", "DS3_v2", "DS4_v2", "DS5_v2"],
    ...["E2s_v3", "E4s_v3", "E8s_v3", "E16s_v3", "E32s_v3", "E48s_v3", "E64s_v3"],
    ...["F2s_v2", "F4s_v2", "F8s_v2", "F16s_v2", "F32s_v2", "F48s_v2", "F64s_v2", "F72s_v2"],
    ...["FX4mds", "FX12mds", "FX24mds", "FX36mds", "FX48mds"],
    ...["L8as_v3", "L16as_v3", "L32as_v3", "L48as_v3", "L64as_v3", "L80as_v3"],
    ...["L8s_v2", "L16s_v2", "L32s_v2", "L48s_v2", "L64s_v2", "L80s_v2"],
    ...["L8s_v3", "L16s_v3", "L32s_v3", "L48s_v3", "L64s_v3", "L80s_v3"],
    ...["NC24ads_A100_v4", "NC48ads_A100_v4", "NC96ads_A100_v4"],
    ...["NC4as_T4_v3", "NC8as_T4_v3", "NC16as_T4_v3", "NC64as_T4_v3"],
    ...["NC6s_v2", "NC12s_v2", "NC24s_v2", "NC6s_v3", "NC12s_v3", "NC24s_v3"],
    ...["NC40ads_H100_v5", "NC80adis_H100_v5"],
    ...["ND96amsr_A100_v4", "ND96asr_v4", "ND40rs_v2", "ND96is_H100_v5", "ND96isr_H100_v5"],
    ...["NV6ads_A10_v5", "NV12ads_A10_v5", "NV18ads_A10_v5", "NV36ads_A10_v5", "NV36adms_A10_v5", "NV72ads_A10_v5"],
].map((s) => `Standard_${s}`);

/** Whether `size` is a managed online VM size (case-insensitive). */
export function isManagedOnlineSku(size: string): boolean {
    return MANAGED_ONLINE_SKUS.some((s) => s.toLowerCase() === size.toLowerCase());
}

/**
 * Default VM size of a managed deployment: 4 cores and 14 GB, the size the Azure ML examples
 * deploy to, above the sizes the SKU list warns are too small.
 */
export const MANAGED_ONLINE_DEFAULT_INSTANCE_TYPE = "Standard_DS3_v2";

/**
 * Longest scoring timeout: `request_timeout_ms` "maximum value allowed is 180000 milliseconds"
 * ("CLI (v2) managed online deployment YAML schema", RequestSettings).
 */
export const MAX_REQUEST_TIMEOUT_SECONDS = 180;

/** Probe timings of both probes (the documented defaults, written out so the plan shows them). */
export const PROBE_SETTINGS = { initialDelay: "PT10S", period: "PT10S", timeout: "PT2S", successThreshold: 1, failureThreshold: 30 } as const;

/** Most percent of live traffic an endpoint mirrors, and to how many deployments. */
export const MIRROR_TRAFFIC_MAX_PERCENT = 50;
export const MIRROR_TRAFFIC_MAX_DEPLOYMENTS = 1;
/** Hosts whose endpoints mirror traffic (not Kubernetes online endpoints). */
export const MIRROR_HOSTS: readonly EndpointHost[] = [EndpointHost.ManagedOnline];

/** What traffic settings a deployment has. */
export interface DeploymentTrafficInput {
    traffic?: number;
    mirrorTraffic?: number;
}

/** The endpoint's ARM traffic maps: every deployment in `traffic` (0 included), `mirrorTraffic` only where above 0. */
export interface ResolvedTraffic {
    traffic: Record<string, number>;
    mirrorTraffic: Record<string, number>;
}

/** The traffic maps of an endpoint's deployments: an only deployment without `traffic` takes 100, others 0. */
export function resolveTraffic(deployments: Readonly<Record<string, DeploymentTrafficInput>>): ResolvedTraffic {
    const names = Object.keys(deployments);
    const traffic = Object.fromEntries(names.map((n) => [n, deployments[n].traffic ?? (names.length === 1 ? 100 : 0)]));
    const mirrorTraffic = Object.fromEntries(names.filter((n) => (deployments[n].mirrorTraffic ?? 0) > 0).map((n) => [n, deployments[n].mirrorTraffic as number]));
    return { traffic, mirrorTraffic };
}

/** One traffic problem: `key` is relative to the endpoint (`deployments`, `deployments.<name>.mirrorTraffic`). */
export interface TrafficProblem {
    key: string;
    problem: string;
    fix: string;
}

/**
 * What Azure refuses about an endpoint's traffic maps (the simulator checks ARM's maps with it; the
 * config checks and the component check the resolved config). `deployments` are the names that
 * exist; `mirrors` says whether the host mirrors at all.
 */
export function trafficMapProblems(t: ResolvedTraffic, deployments: readonly string[], mirrors: boolean): TrafficProblem[] {
    const out: TrafficProblem[] = [];
    const unknown = [...Object.keys(t.traffic), ...Object.keys(t.mirrorTraffic)].filter((n) => !deployments.includes(n));
    for (const n of [...new Set(unknown)]) {
        out.push({ key: "traffic", problem: `names deployment "${n}", which does not exist`, fix: "create the deployment before giving it traffic, or remove it from the traffic" });
    }
    const live = Object.values(t.traffic);
    const sum = live.reduce((a, b) => a + b, 0);
    if (live.length > 0 && sum !== 100) {
        out.push({ key: "traffic", problem: `the deployments' live traffic sums to ${sum}, not 100`, fix: "give the deployments traffic percentages that add up to 100" });
    }
    const mirrored = Object.entries(t.mirrorTraffic).filter(([, v]) => v > 0);
    if (mirrored.length > 0 && !mirrors) out.push({ key: "mirrorTraffic", problem: "is set, but Kubernetes online endpoints do not mirror traffic", fix: "remove mirrorTraffic, or serve from a managedOnline endpoint" });
    if (mirrored.length > MIRROR_TRAFFIC_MAX_DEPLOYMENTS) {
        out.push({ key: "mirrorTraffic", problem: `mirrors to ${mirrored.length} deployments (${mirrored.map(([n]) => n).join(", ")}); an endpoint mirrors to one`, fix: "keep mirrorTraffic on one deployment" });
    }
    const mirrorSum = mirrored.reduce((a, [, v]) => a + v, 0);
    if (mirrorSum > MIRROR_TRAFFIC_MAX_PERCENT) out.push({ key: "mirrorTraffic", problem: `mirrors ${mirrorSum}% of the traffic; at most ${MIRROR_TRAFFIC_MAX_PERCENT}%`, fix: `mirror at most ${MIRROR_TRAFFIC_MAX_PERCENT}%` });
    for (const [n] of mirrored) {
        if ((t.traffic[n] ?? 0) > 0) out.push({ key: "mirrorTraffic", problem: `mirrors to "${n}", which also has ${t.traffic[n]}% live traffic; a deployment receives live or mirrored traffic, not both`, fix: `set ${n}'s traffic to 0, or remove its mirrorTraffic` });
    }
    return out;
}
