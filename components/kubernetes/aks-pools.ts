/**
 * A node pool's ARM profile from its args (defaults applied), and every problem of an AksCluster's
 * args from the pure rules (aks-rules.ts), so the component refuses what AKS would refuse before
 * anything is created. Pure: no resources.
 */
import { AKS_DEFAULTS } from "./aks-defaults";
import type { AksOsDiskType } from "./aks-enums";
import { addressingProblems, apiServerProblems, hasLocalDisk, kubernetesVersionProblem, poolProblems, type AksProblem, type PoolMode } from "./aks-rules";
import type { AksClusterArgs, AksNodePoolArgs, AksSystemPoolArgs } from "./aks-cluster";

/**
 * The taint `az aks nodepool add --mode System --node-taints CriticalAddonsOnly=true:NoSchedule`
 * (`onlyCriticalAddonsEnabled`) sets: only critical add-ons, which tolerate it, run on the system
 * pool ("Manage system node pools in AKS").
 */
export const SYSTEM_POOL_TAINT = "CriticalAddonsOnly=true:NoSchedule";

/** The ARM fields of a pool the component sets from its args. */
export interface PoolProfile {
    /** Pool name. */
    name: string;
    /** VM size. */
    vmSize: string;
    /** Nodes at creation (the autoscaler's minimum). */
    count: number;
    /** Autoscaler minimum. */
    minCount: number;
    /** Autoscaler maximum. */
    maxCount: number;
    /** The cluster autoscaler manages the count. */
    enableAutoScaling: true;
    /** Pods per node. */
    maxPods: number;
    /** OS disk type. */
    osDiskType: AksOsDiskType;
}

/** The OS disk a size gets by default: ephemeral where the size has a local disk for it, else managed. */
export function defaultOsDiskType(vmSize: string): AksOsDiskType {
    return hasLocalDisk(vmSize) ? "Ephemeral" : "Managed";
}

/** A pool's profile with the defaults of its mode applied. */
export function poolProfile(p: AksSystemPoolArgs | AksNodePoolArgs, mode: PoolMode): PoolProfile {
    const system = mode === "System";
    const vmSize = p.vmSize ?? AKS_DEFAULTS["systemPool.vmSize"];
    const minCount = p.minCount ?? (system ? AKS_DEFAULTS["systemPool.minCount"] : AKS_DEFAULTS["userPools.*.minCount"]);
    return {
        name: p.name ?? AKS_DEFAULTS["systemPool.name"],
        vmSize,
        count: minCount,
        minCount,
        maxCount: p.maxCount ?? AKS_DEFAULTS["systemPool.maxCount"],
        enableAutoScaling: true,
        maxPods: p.maxPods ?? (system ? AKS_DEFAULTS["systemPool.maxPods"] : AKS_DEFAULTS["userPools.*.maxPods"]),
        osDiskType: p.osDiskType ?? defaultOsDiskType(vmSize),
    };
}

/** The args the checks read. */
export type AksCheckedArgs = Pick<AksClusterArgs, "systemPool" | "userPools" | "kubernetesVersion" | "apiServer" | "serviceCidr" | "dnsServiceIp" | "podCidr" | "virtualNetworkAddressSpace">;

/** Every problem of the args, keyed like the stack settings (`systemPool.minCount`, `userPools.cpu.maxPods`). */
export function aksArgProblems(args: AksCheckedArgs): AksProblem[] {
    const out: AksProblem[] = [];
    const system = poolProfile(args.systemPool ?? {}, "System");
    out.push(...poolProblems("systemPool", system.name, system, "System"));
    const seen = new Set([system.name]);
    for (const p of args.userPools ?? []) {
        const key = `userPools.${p.name}`;
        out.push(...poolProblems(key, p.name, poolProfile(p, "User"), "User"));
        if (seen.has(p.name)) out.push({ key, problem: `repeats the pool name ${p.name}`, fix: "give each pool its own name" });
        seen.add(p.name);
        if (p.osDiskType === "Ephemeral" && !hasLocalDisk(p.vmSize)) {
            out.push({ key: `${key}.osDiskType`, problem: `is Ephemeral but ${p.vmSize} has no local disk to hold it`, fix: "use Managed, or a size with a local disk (a d in its features, e.g. Standard_D8ds_v5)" });
        }
    }
    if (args.systemPool?.osDiskType === "Ephemeral" && !hasLocalDisk(system.vmSize)) {
        out.push({ key: "systemPool.osDiskType", problem: `is Ephemeral but ${system.vmSize} has no local disk to hold it`, fix: "use Managed, or a size with a local disk" });
    }
    if (args.kubernetesVersion !== undefined) {
        const v = kubernetesVersionProblem(args.kubernetesVersion);
        if (v) out.push({ key: "kubernetesVersion", problem: v, fix: "write the version as 1.30 or 1.30.4, or remove it for AKS's default" });
    }
    out.push(...apiServerProblems(args.apiServer?.private ?? AKS_DEFAULTS["apiServer.private"], args.apiServer?.authorizedIpRanges ?? AKS_DEFAULTS["apiServer.authorizedIpRanges"]));
    out.push(
        ...addressingProblems({
            serviceCidr: args.serviceCidr ?? AKS_DEFAULTS.serviceCidr,
            dnsServiceIp: args.dnsServiceIp ?? AKS_DEFAULTS.dnsServiceIp,
            podCidr: args.podCidr ?? AKS_DEFAULTS.podCidr,
            vnetAddressSpace: args.virtualNetworkAddressSpace ?? [],
        }),
    );
    return out;
}
