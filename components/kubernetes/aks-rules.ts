/**
 * What AKS accepts, as pure checks (no Pulumi): node pool names, Kubernetes version format, node
 * count and pods-per-node bounds, the system pool's VM size, and the cluster's service/pod
 * address ranges against its virtual network. Each returns problems keyed by the setting's path
 * inside an AKS cluster's settings (`systemPool.minCount`, `userPools.cpu.maxPods`...), so the
 * stack's config checks (stacks/config-semantics-aks.ts), the component and the simulator
 * (offline/azure-sim/arm-rules.ts) apply the same facts.
 *
 * Sources (read 2026-12-04):
 *   - "Manage system node pools in AKS" (https://learn.microsoft.com/azure/aks/use-system-pools),
 *     Limitations: pool names are lowercase alphanumerics starting with a lowercase letter, 1-12
 *     characters for Linux pools; a system pool has at least two nodes, supports at least 30 pods,
 *     needs a VM size of at least 4 vCPUs and 4 GB, and no B-series; its osType is Linux.
 *   - "Quotas, VM size restrictions, and region availability in AKS"
 *     (https://learn.microsoft.com/azure/aks/quotas-skus-regions): at most 1000 nodes per node pool.
 *   - "IP address planning for AKS", Maximum pods per node
 *     (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning): maxPods 10-250.
 *   - "Configure Azure CNI networking in AKS" / "Azure CNI Overlay"
 *     (https://learn.microsoft.com/azure/aks/azure-cni-overlay): the service CIDR must not be
 *     within the cluster's VNet, the DNS service IP must be inside the service CIDR and not its
 *     first address (.1 is the kubernetes service), the pod CIDR must not overlap the VNet.
 *   - ManagedCluster `kubernetesVersion` (azure-native containerservice, API 2025-09-01):
 *     `<major.minor.patch>` or `<major.minor>` (the latest GA patch is chosen).
 */
import { canonicalVmSize } from "../vm-sizes";
import { fpgaSizeProblem, isFpgaVmSize } from "../fpga";
import { nameProblem } from "../naming";
import { containsAddress, overlaps, parseAddress, parseCidr, type Cidr } from "../network/cidr";

/** One problem with an AKS cluster's settings. */
export interface AksProblem {
    /** Path of the setting inside the cluster's settings, e.g. `systemPool.minCount` or `userPools.cpu`. */
    key: string;
    /** What is wrong. */
    problem: string;
    /** How to fix it. */
    fix: string;
}

/** The numeric limits, from the pages named in this file's header. */
export const AKS_LIMITS = Object.freeze({
    /** Fewest nodes of a system pool. */
    systemPoolMinNodes: 2,
    /** Most nodes of one pool. */
    maxNodesPerPool: 1000,
    /** Fewest pods per node (maxPods). */
    minPodsPerNode: 10,
    /** Most pods per node (maxPods). */
    maxPodsPerNode: 250,
    /** Fewest pods per node a system pool must support. */
    systemPoolMinPods: 30,
    /** Fewest vCPUs of a system pool's VM size. */
    systemPoolMinVcpus: 4,
});

/** The mode of a node pool. */
export type PoolMode = "System" | "User";

/** Node counts and pods of one pool, as config and component args give them. */
export interface PoolShape {
    /** VM size. */
    vmSize: string;
    /** Fewest nodes (autoscaler). */
    minCount: number;
    /** Most nodes (autoscaler). */
    maxCount: number;
    /** Pods per node. */
    maxPods: number;
}

const VERSION = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

/** Problem with a Kubernetes version (`1.30` or `1.30.4`), or undefined. */
export function kubernetesVersionProblem(version: string): string | undefined {
    return VERSION.test(version) ? undefined : `"${version}" is not a Kubernetes version (major.minor or major.minor.patch, e.g. 1.30 or 1.30.4; no "v" prefix)`;
}

/** Problem with a node pool name (the naming table's aksNodePool rule), or undefined. */
export function poolNameProblem(name: string): string | undefined {
    return nameProblem("aksNodePool", name);
}

/**
 * vCPUs of the Dv2/DSv2 sizes, whose number is a position in the series, not a count ("Dv2 and
 * DSv2-series", https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dv2-series).
 */
const DV2_VCPUS: Readonly<Record<string, number>> = { 1: 1, 2: 2, 3: 4, 4: 8, 5: 16, 11: 2, 12: 4, 13: 8, 14: 16, 15: 20 };

/** vCPUs of a size by its name (`Standard_D4ds_v5` has 4, `Standard_DS3_v2` 4), or undefined when the name has no count. */
export function vcpusOfSize(size: string): number | undefined {
    const dv2 = /^standard_ds?(\d+)_v2$/i.exec(size);
    if (dv2) return DV2_VCPUS[dv2[1]];
    const m = /^standard_[a-z]+?(\d+)/i.exec(size);
    return m ? Number(m[1]) : undefined;
}

/** True for burstable B-series sizes, which a system pool may not use. */
export function isBurstableSize(size: string): boolean {
    return /^standard_b\d/i.test(size);
}

/**
 * True when the size has a local (temp) disk, which an ephemeral OS disk lives on: the `d`
 * feature letter of current sizes (`Standard_D4ds_v5`), or the DSv2/Dv2 families, which have one.
 * Without one, AKS refuses an Ephemeral OS disk.
 */
export function hasLocalDisk(size: string): boolean {
    const m = /^standard_([a-z]+)(\d+)(?:-\d+)?([a-z]*)(?:_.*)?$/i.exec(size);
    if (!m) return false;
    const [, family, , features] = m;
    const version = /_v(\d+)$/i.exec(size)?.[1];
    if (/^(d|ds)$/i.test(family) && version === "2") return true;
    return features.toLowerCase().includes("d");
}

/** Problems with the VM size of a pool: a size the table knows (FPGA sizes aside), and the system pool's minimum. */
export function poolVmSizeProblems(key: string, size: string, mode: PoolMode): AksProblem[] {
    const out: AksProblem[] = [];
    if (canonicalVmSize(size) === undefined && !isFpgaVmSize(size)) {
        out.push({ key: `${key}.vmSize`, problem: `"${size}" is not in the VM size table (components/vm-sizes.ts)`, fix: "use a size such as Standard_D4ds_v5 (sizes are Standard_<series><vCPUs><features>_<version>)" });
    }
    const fpga = fpgaSizeProblem(size);
    if (fpga) out.push({ key: `${key}.vmSize`, problem: fpga, fix: "use Standard_NP10s, Standard_NP20s or Standard_NP40s (components/fpga.ts)" });
    if (mode === "System" && isFpgaVmSize(size)) {
        out.push({ key: `${key}.vmSize`, problem: `"${size}" is an FPGA size; the system pool runs the cluster's add-ons, not FPGA workloads`, fix: "keep a general purpose system pool and put the FPGA size in a user pool" });
    }
    if (mode === "System") {
        const vcpus = vcpusOfSize(size);
        if (isBurstableSize(size)) {
            out.push({ key: `${key}.vmSize`, problem: `"${size}" is a B-series size, which a system pool may not use`, fix: "use a general purpose size such as Standard_D4ds_v5" });
        } else if (vcpus !== undefined && vcpus < AKS_LIMITS.systemPoolMinVcpus) {
            out.push({ key: `${key}.vmSize`, problem: `"${size}" has ${vcpus} vCPUs; a system pool needs at least ${AKS_LIMITS.systemPoolMinVcpus}`, fix: "use a size with 4 or more vCPUs, such as Standard_D4ds_v5" });
        }
    }
    return out;
}

/** Problems with a pool's node counts and pods per node. */
export function poolCountProblems(key: string, pool: PoolShape, mode: PoolMode): AksProblem[] {
    const out: AksProblem[] = [];
    const min: number = mode === "System" ? AKS_LIMITS.systemPoolMinNodes : 0;
    if (pool.minCount < min) {
        out.push({ key: `${key}.minCount`, problem: `is ${pool.minCount}; a ${mode === "System" ? "system" : "user"} pool has at least ${min} node${min === 1 ? "" : "s"}`, fix: `set minCount to ${min} or more` });
    }
    if (pool.maxCount > AKS_LIMITS.maxNodesPerPool) {
        out.push({ key: `${key}.maxCount`, problem: `is ${pool.maxCount}; a pool has at most ${AKS_LIMITS.maxNodesPerPool} nodes`, fix: `lower it to ${AKS_LIMITS.maxNodesPerPool} or add a pool` });
    }
    if (pool.minCount > pool.maxCount) {
        out.push({ key: `${key}.minCount`, problem: `(${pool.minCount}) is above maxCount (${pool.maxCount})`, fix: "lower minCount or raise maxCount" });
    }
    if (pool.maxCount < 1) {
        out.push({ key: `${key}.maxCount`, problem: "is 0; the autoscaler needs a maximum of at least 1", fix: "set maxCount to 1 or more" });
    }
    const podsMin = mode === "System" ? Math.max(AKS_LIMITS.minPodsPerNode, AKS_LIMITS.systemPoolMinPods) : AKS_LIMITS.minPodsPerNode;
    if (pool.maxPods < podsMin || pool.maxPods > AKS_LIMITS.maxPodsPerNode) {
        out.push({
            key: `${key}.maxPods`,
            problem: `is ${pool.maxPods}; ${mode === "System" ? "a system pool's" : "a pool's"} maxPods is ${podsMin}-${AKS_LIMITS.maxPodsPerNode}`,
            fix: `choose a value from ${podsMin} to ${AKS_LIMITS.maxPodsPerNode}`,
        });
    }
    return out;
}

/** Problems of a pool: name, size, counts. */
export function poolProblems(key: string, name: string, pool: PoolShape, mode: PoolMode): AksProblem[] {
    const nameIssue = poolNameProblem(name);
    return [
        ...(nameIssue ? [{ key: mode === "System" ? `${key}.name` : key, problem: nameIssue, fix: "rename the pool (Linux pools: 1-12 lowercase letters and digits, starting with a letter)" }] : []),
        ...poolVmSizeProblems(key, pool.vmSize, mode),
        ...poolCountProblems(key, pool, mode),
    ];
}

/** Address ranges of a cluster and the network it lives in. */
export interface ClusterAddressing {
    /** Service CIDR. */
    serviceCidr: string;
    /** DNS service IP. */
    dnsServiceIp: string;
    /** Overlay pod CIDR. */
    podCidr: string;
    /** Address space of the VNet the nodes are in (empty: AKS creates its own VNet). */
    vnetAddressSpace: readonly string[];
}

/** Problems of the service and pod ranges: valid, inside each other where needed, never overlapping the VNet or each other. */
export function addressingProblems(a: ClusterAddressing): AksProblem[] {
    const out: AksProblem[] = [];
    const parse = (key: string, text: string): Cidr | undefined => {
        const c = parseCidr(text);
        if (typeof c === "string") {
            out.push({ key, problem: c, fix: "write an IPv4 CIDR block such as 172.16.0.0/16" });
            return undefined;
        }
        return c;
    };
    const service = parse("serviceCidr", a.serviceCidr);
    const pods = parse("podCidr", a.podCidr);
    const vnet = a.vnetAddressSpace.map((t) => parseCidr(t)).filter((c): c is Cidr => typeof c !== "string");
    const dns = parseAddress(a.dnsServiceIp);
    if (typeof dns === "string") {
        out.push({ key: "dnsServiceIp", problem: dns, fix: "give an address inside serviceCidr, e.g. its .10" });
    } else if (service && !containsAddress(service, dns)) {
        out.push({ key: "dnsServiceIp", problem: `${a.dnsServiceIp} is outside serviceCidr ${a.serviceCidr}`, fix: "give an address inside serviceCidr, e.g. its .10" });
    } else if (service && (dns === service.start || dns === service.start + 1)) {
        out.push({ key: "dnsServiceIp", problem: `${a.dnsServiceIp} is the first address of serviceCidr ${a.serviceCidr} (the network address or the kubernetes service's)`, fix: "use another address of serviceCidr, e.g. its .10" });
    }
    for (const [key, block] of [["serviceCidr", service], ["podCidr", pods]] as const) {
        const hit = block && vnet.find((v) => overlaps(v, block));
        if (block && hit) {
            out.push({ key, problem: `${block.text} overlaps the virtual network's address space ${hit.text}`, fix: "choose a range outside the VNet (and outside any peered or on-premises network)" });
        }
    }
    if (service && pods && overlaps(service, pods)) {
        out.push({ key: "podCidr", problem: `${pods.text} overlaps serviceCidr ${service.text}`, fix: "choose separate ranges" });
    }
    return out;
}

/** Problems of the API server access: private, or public with authorized ranges (never public to all). */
export function apiServerProblems(isPrivate: boolean, authorizedIpRanges: readonly string[]): AksProblem[] {
    const out: AksProblem[] = [];
    if (!isPrivate && authorizedIpRanges.length === 0) {
        out.push({ key: "apiServer.authorizedIpRanges", problem: "is empty while apiServer.private is false: the API server would be reachable from the whole internet", fix: "list the CIDRs that may reach the API server, or set apiServer.private: true" });
    }
    authorizedIpRanges.forEach((range, i) => {
        const c = parseCidr(range.includes("/") ? range : `${range}/32`);
        if (typeof c === "string") out.push({ key: `apiServer.authorizedIpRanges[${i}]`, problem: c, fix: "write an IPv4 CIDR block such as 203.0.113.0/24" });
        else if (c.prefix === 0) out.push({ key: `apiServer.authorizedIpRanges[${i}]`, problem: `${range} is the whole internet`, fix: "list only the ranges that need the API server" });
    });
    if (isPrivate && authorizedIpRanges.length > 0) {
        // "Secure access to the API server using authorized IP address ranges in AKS"
        // (https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges): "You can't use this feature with private clusters."
        out.push({ key: "apiServer.authorizedIpRanges", problem: "is set but apiServer.private is true; authorized IP ranges restrict a public API server only", fix: "remove the ranges, or set apiServer.private: false" });
    }
    return out;
}
