/**
 * Checks of online endpoints (`host: managedOnline` / `kubernetesOnline`) in `serving.endpoints`
 * and `teams.<key>.serving.endpoints`: deployments and their names, the traffic split and mirror
 * (the rules of components/serving/hosts/online-endpoint-settings.ts, the ones Azure enforces), the
 * auth mode each host offers, the Kubernetes compute of the same workspace and the instance types
 * it offers, the managed VM sizes, autoscaling bounds, public access in a private stack, and the
 * fields of other hosts. Sources are cited in online-endpoint-settings.ts.
 */
import { isoDurationMinutes } from "../components/compute/idle-shutdown";
import { DEFAULT_INSTANCE_TYPE_NAME } from "../components/kubernetes/instance-types";
import { nameProblem } from "../components/naming";
import { SERVING_DEFAULTS } from "../components/serving/serving-defaults";
import { EndpointHost, type EndpointAuthMode } from "../components/serving/serving-enums";
import {
    AUTH_MODES_BY_HOST,
    isManagedOnlineSku,
    isOnlineHost,
    MANAGED_ONLINE_DEFAULT_INSTANCE_TYPE,
    MAX_REQUEST_TIMEOUT_SECONDS,
    MIRROR_HOSTS,
    resolveTraffic,
    trafficMapProblems,
} from "../components/serving/hosts/online-endpoint-settings";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig, Serving } from "./config-types";
import { guardedEntries } from "./config-guard";
import { servingBlocksOf, type ServingBlock } from "./config-serving";

type Endpoint = NonNullable<NonNullable<Serving>["endpoints"]>[string];

/**
 * Fields of the other hosts (containerInstance, kubernetes) and, for those with a schema default,
 * that default: a field the schema fills in on every endpoint is only reported when set to
 * something else.
 */
const OTHER_HOST_FIELDS: Readonly<Record<string, unknown>> = {
    image: undefined,
    model: undefined,
    environmentVariables: undefined,
    secretEnvironmentVariables: undefined,
    cpu: SERVING_DEFAULTS["serving.endpoints.*.cpu"],
    memoryInGB: SERVING_DEFAULTS["serving.endpoints.*.memoryInGB"],
    restartPolicy: SERVING_DEFAULTS["serving.endpoints.*.restartPolicy"],
    publicDnsLabel: undefined,
    cluster: undefined,
    namespace: undefined,
    replicas: SERVING_DEFAULTS["serving.endpoints.*.replicas"],
    resources: {
        requests: { cpu: SERVING_DEFAULTS["serving.endpoints.*.resources.requests.cpu"], memory: SERVING_DEFAULTS["serving.endpoints.*.resources.requests.memory"] },
        limits: { cpu: SERVING_DEFAULTS["serving.endpoints.*.resources.limits.cpu"], memory: SERVING_DEFAULTS["serving.endpoints.*.resources.limits.memory"] },
    },
    autoscale: { maxReplicas: SERVING_DEFAULTS["serving.endpoints.*.autoscale.maxReplicas"], targetCpuUtilization: SERVING_DEFAULTS["serving.endpoints.*.autoscale.targetCpuUtilization"] },
    minAvailable: SERVING_DEFAULTS["serving.endpoints.*.minAvailable"],
    serviceType: SERVING_DEFAULTS["serving.endpoints.*.serviceType"],
    allowFrom: undefined,
};

/** Every problem of the online endpoints of the config. */
export function onlineEndpointProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const privateStack = c.network?.publicNetworkAccess === "Disabled";
    for (const block of servingBlocksOf(c)) {
        for (const [key, e] of guardedEntries(out, block.serving?.endpoints)) {
            if (!isOnlineHost(e.host)) continue;
            out.push(...endpointProblems(`${block.path}.endpoints.${key}`, e, block, privateStack));
        }
    }
    return out;
}

function endpointProblems(path: string, e: Endpoint, block: ServingBlock, privateStack: boolean): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const problem = (sub: string, p: string, fix: string): void => void out.push({ path: at(sub ? `${path}.${sub}` : path), problem: p, fix });
    for (const [field, dflt] of Object.entries(OTHER_HOST_FIELDS)) {
        const v = (e as unknown as Record<string, unknown>)[field];
        if (v !== undefined && canonical(v) !== canonical(dflt)) problem(field, `is a setting of the containerInstance and kubernetes hosts, not of ${e.host}`, "remove it (an online endpoint's settings are per deployment, under deployments.<name>)");
    }
    const auth = e.authMode as EndpointAuthMode;
    const offered = AUTH_MODES_BY_HOST[e.host] ?? [];
    if (!offered.includes(auth)) {
        problem(
            "authMode",
            `${auth}${auth === SERVING_DEFAULTS["serving.endpoints.*.authMode"] ? " (the default)" : ""} is not offered by ${e.host} endpoints: Microsoft Entra tokens are for managed online endpoints only ("Authenticate clients for online endpoints")`,
            `set authMode: ${offered.join(" or ")} (amlToken: short-lived tokens; key: static keys)`,
        );
    }
    if (e.publicNetworkAccess === "Enabled" && privateStack) {
        problem("publicNetworkAccess", "is Enabled, but network.publicNetworkAccess is Disabled: the endpoint would be reachable from the internet while the rest of the platform is private", "remove it (the endpoint takes the platform's Disabled), or make the platform public");
    }
    const compute = kubernetesComputeOf(e, block, problem);
    const deployments = e.deployments ?? {};
    const names = Object.keys(deployments);
    if (names.length === 0) problem("deployments", `is required for a ${e.host} endpoint`, "add at least one deployment, e.g. deployments: { blue: { model: <name>:<version>, image: <image key> } }");
    for (const [name, d] of Object.entries(deployments)) {
        const dPath = `deployments.${name}`;
        const bad = nameProblem("onlineDeployment", name);
        if (bad) problem(dPath, bad, "rename the deployment (3-32 letters, digits and hyphens, starting with a letter)");
        // Unknown models and images are the artifacts check's (config-semantics-serving-artifacts.ts).
        if (e.host === EndpointHost.ManagedOnline) {
            const size = d.instanceType ?? MANAGED_ONLINE_DEFAULT_INSTANCE_TYPE;
            if (!isManagedOnlineSku(size)) problem(`${dPath}.instanceType`, `"${size}" is not a VM size of managed online endpoints ("Managed online endpoints SKU list")`, `use a listed size, e.g. ${MANAGED_ONLINE_DEFAULT_INSTANCE_TYPE}`);
        } else if (compute) {
            const offeredTypes = [...new Set([...Object.keys(compute.instanceTypes ?? {}), DEFAULT_INSTANCE_TYPE_NAME])];
            if (d.instanceType !== undefined && !offeredTypes.includes(d.instanceType)) {
                problem(`${dPath}.instanceType`, `"${d.instanceType}" is an instance type that the cluster does not offer to compute ${e.compute}`, `use one of: ${offeredTypes.join(", ")}, or declare it under ${block.computesPath}.${e.compute}.instanceTypes`);
            }
        }
        if (e.host === EndpointHost.KubernetesOnline && d.egressPublicNetworkAccess !== undefined) {
            problem(`${dPath}.egressPublicNetworkAccess`, "is a setting of managed deployments; a Kubernetes deployment's outbound access is the cluster's network", "remove it");
        }
        for (const field of ["requestTimeout", "maxQueueWait"] as const) {
            const v = d.requestSettings?.[field];
            if (v === undefined) continue;
            const minutes = isoDurationMinutes(v);
            if (minutes === undefined || minutes <= 0) problem(`${dPath}.requestSettings.${field}`, `"${v}" is not an ISO 8601 duration above zero`, "write it like PT5S or PT0.5S");
            else if (field === "requestTimeout" && minutes * 60 > MAX_REQUEST_TIMEOUT_SECONDS) {
                problem(`${dPath}.requestSettings.requestTimeout`, `(${v}) is longer than the ${MAX_REQUEST_TIMEOUT_SECONDS} seconds Azure allows ("CLI (v2) managed online deployment YAML schema")`, `set at most PT${MAX_REQUEST_TIMEOUT_SECONDS}S`);
            }
        }
        if (d.scale && d.scale.maxInstances < (d.instanceCount ?? 1)) {
            problem(`${dPath}.scale.maxInstances`, `(${d.scale.maxInstances}) is below instanceCount (${d.instanceCount ?? 1}), the autoscaler's minimum`, `set maxInstances to at least ${d.instanceCount ?? 1}`);
        }
    }
    for (const p of trafficMapProblems(resolveTraffic(deployments), names, MIRROR_HOSTS.includes(e.host))) problem("deployments", p.problem, p.fix);
    return out;
}

/** The Kubernetes compute a kubernetesOnline endpoint names, reporting a missing or foreign one. */
function kubernetesComputeOf(e: Endpoint, block: ServingBlock, problem: (sub: string, p: string, fix: string) => void): ServingBlock["computes"][string] | undefined {
    if (e.host !== EndpointHost.KubernetesOnline) {
        if (e.compute !== undefined) problem("compute", "is a setting of kubernetesOnline endpoints; a managed endpoint runs on Azure's compute", "remove it");
        return undefined;
    }
    const known = Object.keys(block.computes);
    if (e.compute === undefined) {
        problem("compute", "is required for a kubernetesOnline endpoint", `name a Kubernetes compute of ${block.computesPath} (${known.join(", ") || "none declared"})`);
        return undefined;
    }
    const compute = block.computes[e.compute];
    if (!compute) problem("compute", `"${e.compute}" is not a Kubernetes compute of this workspace`, `name one of ${block.computesPath} (${known.join(", ") || "none declared"}); an endpoint runs on its own workspace's compute`);
    return compute;
}

/** JSON with sorted keys: the schema fills defaults in its own key order. */
function canonical(v: unknown): string {
    return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x));
}
