/**
 * What AKS refuses at deploy time, for ManagedCluster and AgentPool: the same facts the config
 * checks and the component apply (components/kubernetes/aks-rules.ts, with its sources), read
 * from the ARM body. Each rule returns one message naming the property and the fix.
 */
import { readPath } from "../../components/object-path";
import { nameProblem } from "../../components/naming";
import { addressingProblems, AKS_LIMITS, hasLocalDisk, poolCountProblems, poolNameProblem, type PoolMode } from "../../components/kubernetes/aks-rules";
import { fpgaSizeProblem } from "../../components/fpga";
import type { RuleSubject } from "./arm-rules";

type Rule = (s: RuleSubject) => string | undefined;
const get = readPath;
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** Problems of one pool body (inline profile or AgentPool), prefixed with where it sits. */
function poolBodyProblems(where: string, pool: unknown): string[] {
    const out: string[] = [];
    const name = get(pool, "name") ?? get(pool, "agentPoolName");
    const nameIssue = typeof name === "string" ? poolNameProblem(name) : undefined;
    if (nameIssue) out.push(`${where}.name: ${nameIssue}`);
    const mode = get(pool, "mode");
    // "Manage system node pools in AKS": the mode is required in ARM templates and direct API calls.
    if (mode !== "System" && mode !== "User") {
        out.push(`${where}.mode is ${JSON.stringify(mode)}; set System or User (required by the API)`);
        return out;
    }
    const minCount = num(get(pool, "minCount")) ?? num(get(pool, "count"));
    const maxCount = num(get(pool, "maxCount")) ?? num(get(pool, "count"));
    const maxPods = num(get(pool, "maxPods"));
    if (minCount !== undefined && maxCount !== undefined) {
        const shape = { vmSize: String(get(pool, "vmSize")), minCount, maxCount, maxPods: maxPods ?? AKS_LIMITS.maxPodsPerNode };
        out.push(...poolCountProblems(where, shape, mode as PoolMode).map((p) => `${p.key} ${p.problem}`));
    }
    const size = get(pool, "vmSize");
    if (get(pool, "osDiskType") === "Ephemeral" && typeof size === "string" && !hasLocalDisk(size)) {
        out.push(`${where}.osDiskType is Ephemeral but ${size} has no local disk to hold the OS disk; use Managed`);
    }
    if (mode === "System" && get(pool, "osType") !== undefined && get(pool, "osType") !== "Linux") {
        out.push(`${where}.osType of a system pool must be Linux`);
    }
    return out;
}

/** The address space of the VNet holding `subnetId`, when the stack declares it. */
function vnetAddressSpace(s: RuleSubject, subnetId: unknown): string[] {
    if (typeof subnetId !== "string") return [];
    const vnetId = subnetId.replace(/\/subnets\/[^/]+$/i, "");
    const vnet = s.lookup(vnetId);
    const prefixes = vnet && get(vnet.inputs, "addressSpace.addressPrefixes");
    return Array.isArray(prefixes) ? prefixes.filter((p): p is string => typeof p === "string") : [];
}

/** Rules of `azure-native:containerservice:ManagedCluster`. */
export const MANAGED_CLUSTER_RULES: readonly Rule[] = [
    // ManagedCluster.disableLocalAccounts (API 2025-09-01): "This must only be used on Managed Clusters that are AAD enabled."
    (s) =>
        get(s.inputs, "disableLocalAccounts") === true && get(s.inputs, "aadProfile.managed") !== true
            ? "disableLocalAccounts is true but aadProfile.managed is not: local accounts can be disabled only on a cluster with managed Entra ID integration"
            : undefined,
    // "Use Azure RBAC for Kubernetes authorization": needs managed Entra ID integration.
    (s) =>
        get(s.inputs, "aadProfile.enableAzureRBAC") === true && get(s.inputs, "aadProfile.managed") !== true
            ? "aadProfile.enableAzureRBAC is true but aadProfile.managed is not; Azure RBAC for Kubernetes needs managed Entra ID integration"
            : undefined,
    (s) => {
        const prefix = get(s.inputs, "dnsPrefix");
        const issue = typeof prefix === "string" ? nameProblem("aksDnsPrefix", prefix) : undefined;
        return issue ? `dnsPrefix: ${issue}` : undefined;
    },
    // "Manage system node pools in AKS": every cluster has at least one system pool; a cluster is created with its pools inline.
    (s) => {
        const pools = get(s.inputs, "agentPoolProfiles");
        if (!Array.isArray(pools) || pools.length === 0) return "agentPoolProfiles is empty; a cluster is created with at least one inline agent pool, a System one";
        const problems = pools.flatMap((p, i) => poolBodyProblems(`agentPoolProfiles[${i}]`, p));
        if (!pools.some((p) => get(p, "mode") === "System")) problems.push("no agent pool has mode System; every cluster needs a system node pool");
        const names = pools.map((p) => get(p, "name"));
        if (new Set(names).size !== names.length) problems.push(`agentPoolProfiles repeats a pool name (${names.join(", ")})`);
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
    // "Secure access to the API server using authorized IP address ranges in AKS": "You can't use this feature with private clusters."
    (s) => {
        const ranges = get(s.inputs, "apiServerAccessProfile.authorizedIPRanges");
        return get(s.inputs, "apiServerAccessProfile.enablePrivateCluster") === true && Array.isArray(ranges) && ranges.length > 0
            ? "apiServerAccessProfile.authorizedIPRanges is set on a private cluster (enablePrivateCluster); authorized IP ranges cannot be used with private clusters"
            : undefined;
    },
    // NetworkPolicy "cilium": "This requires networkDataplane to be 'cilium'".
    (s) =>
        get(s.inputs, "networkProfile.networkPolicy") === "cilium" && get(s.inputs, "networkProfile.networkDataplane") !== "cilium"
            ? "networkProfile.networkPolicy is cilium but networkDataplane is not cilium; Cilium policies need the Cilium data plane"
            : undefined,
    // "Azure CNI Overlay": service and pod CIDRs outside the VNet; the DNS service IP inside the service CIDR.
    (s) => {
        const service = get(s.inputs, "networkProfile.serviceCidr");
        const dns = get(s.inputs, "networkProfile.dnsServiceIP");
        const pods = get(s.inputs, "networkProfile.podCidr");
        if (typeof service !== "string" || typeof dns !== "string") return undefined;
        const subnetId = ((get(s.inputs, "agentPoolProfiles") as unknown[] | undefined) ?? []).map((p) => get(p, "vnetSubnetID")).find((x) => typeof x === "string");
        const problems = addressingProblems({ serviceCidr: service, dnsServiceIp: dns, podCidr: typeof pods === "string" ? pods : "10.244.0.0/16", vnetAddressSpace: vnetAddressSpace(s, subnetId) });
        const names: Record<string, string> = { serviceCidr: "networkProfile.serviceCidr", dnsServiceIp: "networkProfile.dnsServiceIP", podCidr: "networkProfile.podCidr" };
        return problems.length > 0 ? problems.map((p) => `${names[p.key] ?? p.key}: ${p.problem}`).join("; ") : undefined;
    },
];

/** Rules of `azure-native:containerservice:AgentPool`. */
export const AGENT_POOL_RULES: readonly Rule[] = [
    (s) => {
        const problems = poolBodyProblems("pool", s.inputs).map((p) => p.replace(/^pool\.?/, ""));
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
    // An FPGA size ARM does not know is refused as an invalid vmSize: the NP-series page lists the
    // family's sizes (components/fpga.ts). The REGION is not refused here: the FPGA region list is the
    // toolkit's, not a Microsoft table, so the config checks and the aks-fpga-supported-region policy
    // report it, and the simulator does not claim Azure would refuse it.
    (s) => {
        const size = get(s.inputs, "vmSize");
        const unknown = typeof size === "string" ? fpgaSizeProblem(size) : undefined;
        return unknown ? `vmSize: ${unknown}` : undefined;
    },
];
