/**
 * Checks of `host: kubernetes` endpoints (`serving.endpoints.<key>` and
 * `teams.<team>.serving.endpoints.<key>`), with full key paths. The rules live in the library
 * (components/serving/hosts/: quantities, the versions table, the namespace rule); this file walks
 * the config and names the keys.
 *
 * Facts used (checked 2026-12-04):
 * - "Specifying a Disruption Budget for your Application"
 *   (https://kubernetes.io/docs/tasks/run-application/configure-pdb/): "if you set minAvailable to
 *   100% ... or equal to the number of replicas ... you are requiring zero voluntary evictions",
 *   so node drains (AKS upgrades, node image updates, scale-down) block.
 * - "Horizontal Pod Autoscaling": maxReplicas may not be below minReplicas (the API refuses it).
 * - "Namespaces": `default` holds whatever is created without a namespace, `kube-*` is reserved;
 *   a namespace is an RFC 1123 label. One endpoint per namespace: its default-deny NetworkPolicy
 *   and PSA labels are the namespace's, and an AzureML attachment's namespace is the extension's.
 * - "Object Names and IDs": a Service name is an RFC 1035 label (the endpoint key names the Service).
 */
import { namespaceProblem } from "../components/kubernetes/instance-types";
import { parseCidr } from "../components/network/cidr";
import { SERVING_DEFAULTS } from "../components/serving/serving-defaults";
import { EndpointHost } from "../components/serving/serving-enums";
import { parseQuantity } from "../components/serving/hosts/kubernetes-quantities";
import { servingVersionProblem } from "../components/serving/hosts/kubernetes-serving-versions";
import { at, closest, type ConfigProblem } from "./config-errors";
import type { PlatformConfig, Serving } from "./config-types";
import { guardedEntries } from "./config-guard";
import { servingBlocksOf } from "./config-serving";

type Endpoint = NonNullable<NonNullable<Serving>["endpoints"]>[string];

/** Fields of the other hosts: never defaulted ones, and defaulted ones set to another value than their default. */
const OTHER_HOST_FIELDS: readonly { field: keyof Endpoint; hosts: string; default?: unknown }[] = [
    { field: "publicDnsLabel", hosts: "containerInstance" },
    { field: "cpu", hosts: "containerInstance", default: SERVING_DEFAULTS["serving.endpoints.*.cpu"] },
    { field: "memoryInGB", hosts: "containerInstance", default: SERVING_DEFAULTS["serving.endpoints.*.memoryInGB"] },
    { field: "restartPolicy", hosts: "containerInstance", default: SERVING_DEFAULTS["serving.endpoints.*.restartPolicy"] },
    { field: "authMode", hosts: "managedOnline, kubernetesOnline", default: SERVING_DEFAULTS["serving.endpoints.*.authMode"] },
    { field: "publicNetworkAccess", hosts: "managedOnline, kubernetesOnline" },
    { field: "compute", hosts: "kubernetesOnline" },
    { field: "deployments", hosts: "managedOnline, kubernetesOnline" },
];

const RFC1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Problems of every `host: kubernetes` endpoint. */
export function kubernetesServingProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const clusterKeys = Object.keys(c.kubernetes.clusters);
    /** First user of each cluster/namespace pair: attachments first, then endpoints in config order. */
    const namespaceUsers = new Map<string, string>();
    const attachmentSections = [{ path: "compute.kubernetes", computes: c.compute.kubernetes }, ...Object.entries(c.teams ?? {}).map(([k, t]) => ({ path: `teams.${k}.compute.kubernetes`, computes: t.compute?.kubernetes ?? {} }))];
    for (const { path, computes } of attachmentSections) {
        for (const [name, k] of Object.entries(computes)) {
            const key = `${k.cluster}/${k.namespace ?? "default"}`;
            if (!namespaceUsers.has(key)) namespaceUsers.set(key, `the AzureML attachment ${path}.${name}`);
        }
    }
    const adoptedVnet = c.network.virtualNetwork?.existingId !== undefined;
    for (const { path, serving } of servingBlocksOf(c)) {
        for (const [key, e] of guardedEntries(out, serving?.endpoints)) {
            // host fpga is this host's objects on an FPGA pool: the same checks (its own: config-semantics-serving-fpga.ts).
            if (e.host !== EndpointHost.Kubernetes && e.host !== EndpointHost.Fpga) continue;
            const base = `${path}.endpoints.${key}`;
            const problem = (field: string, text: string, fix: string) => out.push({ path: at(field ? `${base}.${field}` : base), problem: text, fix });
            for (const o of OTHER_HOST_FIELDS) {
                const v = e[o.field];
                if (v !== undefined && v !== o.default) problem(String(o.field), `is a field of host ${o.hosts}, not of host ${e.host}`, `remove it`);
            }
            if (key.length > 63 || !RFC1035_LABEL.test(key)) problem("", `the endpoint key "${key}" names its Service, Deployment and service account, so it must be an RFC 1035 label (a lowercase letter first, then lowercase letters, digits and hyphens; 63 at most)`, "rename the endpoint");
            // A missing or unknown image or model is the artifacts check's (config-semantics-serving-artifacts.ts).
            if (e.cluster === undefined) {
                problem("cluster", `is required for host ${e.host}`, clusterKeys.length > 0 ? `set it to one of: ${clusterKeys.join(", ")}` : "declare the cluster under kubernetes.clusters.<key>.create and name it here");
            } else if (!clusterKeys.includes(e.cluster)) {
                const guess = closest(e.cluster, clusterKeys);
                problem("cluster", `"${e.cluster}" is not a key of kubernetes.clusters`, guess ? `did you mean ${guess}?` : `use one of: ${clusterKeys.join(", ") || "(none declared)"}`);
            } else {
                const cluster = c.kubernetes.clusters[e.cluster];
                if (cluster.existingId !== undefined) {
                    problem("cluster", `"${e.cluster}" is an adopted cluster (kubernetes.clusters.${e.cluster}.existingId); host ${e.host} needs a cluster the stack creates (its Entra ID kubeconfig, OIDC issuer and kubelet identity)`, `create the cluster with kubernetes.clusters.${e.cluster}.create, or serve on it with host kubernetesOnline`);
                }
                const version = cluster.create?.kubernetesVersion;
                const versionIssue = version === undefined ? undefined : servingVersionProblem(version);
                if (versionIssue) problem("cluster", versionIssue, `raise kubernetes.clusters.${e.cluster}.create.kubernetesVersion, or leave it unset (AKS's default)`);
                const namespace = e.namespace ?? key;
                const nsField = e.namespace === undefined ? "" : "namespace";
                const nsIssue = namespace === "default" ? `"default" is shared by everything created without a namespace` : namespaceProblem(namespace);
                if (nsIssue) problem(nsField, `namespace ${nsIssue}`, "set namespace to a namespace of its own (an RFC 1123 label)");
                const pair = `${e.cluster}/${namespace}`;
                const other = namespaceUsers.get(pair);
                if (other) problem(nsField, `namespace ${namespace} on cluster ${e.cluster} is already used by ${other}; an endpoint's namespace is its own (its default-deny policy and Pod Security labels)`, "set a different namespace");
                else namespaceUsers.set(pair, `the endpoint ${base}`);
            }
            const replicas = e.replicas ?? SERVING_DEFAULTS["serving.endpoints.*.replicas"];
            const minAvailable = e.minAvailable ?? SERVING_DEFAULTS["serving.endpoints.*.minAvailable"];
            const maxReplicas = e.autoscale?.maxReplicas ?? SERVING_DEFAULTS["serving.endpoints.*.autoscale.maxReplicas"];
            if (minAvailable >= replicas) {
                problem("minAvailable", `is ${minAvailable} with ${replicas} replica${replicas === 1 ? "" : "s"}: the disruption budget then allows no voluntary eviction, so node drains (upgrades, scale-down) block`, `set minAvailable below replicas (e.g. replicas ${minAvailable + 1}, or minAvailable ${Math.max(replicas - 1, 0)})`);
            }
            if (maxReplicas < replicas) problem("autoscale.maxReplicas", `is ${maxReplicas}, below replicas (${replicas}), the autoscaler's minimum`, `set it to ${replicas} or more`);
            for (const [i, cidr] of (e.allowFrom ?? []).entries()) {
                const parsed = parseCidr(cidr);
                if (typeof parsed === "string") problem(`allowFrom[${i}]`, parsed, "give an IPv4 CIDR block such as 10.20.0.0/16");
            }
            const serviceType = e.serviceType ?? SERVING_DEFAULTS["serving.endpoints.*.serviceType"];
            if (serviceType === "InternalLoadBalancer" && e.allowFrom === undefined && adoptedVnet) {
                problem("allowFrom", "is not set and the virtual network is adopted (network.virtualNetwork.existingId), so its address space is unknown and nothing could reach the scoring port", "list the CIDRs of the callers");
            }
            out.push(...quantityProblems(base, e));
        }
    }
    return out;
}

/** Requests and limits are quantities, and no request exceeds its limit. */
function quantityProblems(base: string, e: Endpoint): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const d = SERVING_DEFAULTS;
    const value = (kind: "requests" | "limits", r: "cpu" | "memory") => {
        const text = e.resources?.[kind]?.[r] ?? d[`serving.endpoints.*.resources.${kind}.${r}`];
        const parsed = parseQuantity(text);
        if (typeof parsed === "string") out.push({ path: at(`${base}.resources.${kind}.${r}`), problem: parsed, fix: r === "cpu" ? "write CPU as cores or millicores, e.g. 500m or 1" : "write memory with a binary suffix, e.g. 512Mi or 2Gi" });
        return { text, n: typeof parsed === "number" ? parsed : undefined };
    };
    for (const r of ["cpu", "memory"] as const) {
        const req = value("requests", r);
        const lim = value("limits", r);
        if (req.n !== undefined && lim.n !== undefined && req.n > lim.n) {
            out.push({ path: at(`${base}.resources.requests.${r}`), problem: `is ${req.text}, above the limit ${lim.text}; Kubernetes refuses a request above its limit`, fix: `lower the request or raise resources.limits.${r}` });
        }
    }
    return out;
}

/** The checks, for SEMANTIC_CHECKS. */
export const SERVING_KUBERNETES_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [kubernetesServingProblems];
