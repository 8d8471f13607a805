/**
 * Checks of one AKS cluster's settings (`$defs/aksCluster` of the stack schema; the lead hangs it
 * under `kubernetes.clusters.<key>`): pure, taking the settings' key path and what the stack knows
 * around the cluster, returning every problem with its full key path. The facts are the
 * component's (components/kubernetes/aks-rules.ts, aks-pools.ts, with their sources), applied to
 * the same mapping the stack uses ({@link aksSettingsToArgs}), so a config that passes here is
 * one the component and AKS accept.
 */
import { FPGA_REGIONS, fpgaRegionProblem } from "../components/fpga";
import { aksArgProblems } from "../components/kubernetes/aks-pools";
import { parseImageReference } from "../components/serving/image-reference";
import type { AksNetworkPolicy, AksNodeOsUpgradeChannel, AksSkuTier, AksUpgradeChannel } from "../components/kubernetes/aks-enums";
import type { AksClusterArgs } from "../components/kubernetes/aks-cluster";
import { planNetwork } from "../components/network/network-plan";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";

/** One user pool's settings, after the schema's defaults. */
export interface AksUserPoolSettings {
    /** VM size. */
    vmSize: string;
    /** Fewest nodes. */
    minCount: number;
    /** Most nodes. */
    maxCount: number;
    /** Pods per node. */
    maxPods: number;
    /** Node labels. */
    labels?: Record<string, string>;
    /** Node taints, key=value:Effect. */
    taints?: string[];
}

/** A cluster's settings (`$defs/aksCluster`) after the schema's defaults. */
export interface AksClusterSettings {
    /** Kubernetes version. */
    kubernetesVersion?: string;
    /** Control-plane tier. */
    skuTier: AksSkuTier;
    /** The system pool. */
    systemPool: { name: string; vmSize: string; minCount: number; maxCount: number; maxPods: number };
    /** User pools by name. */
    userPools: Record<string, AksUserPoolSettings>;
    /** API server access. */
    apiServer: { private: boolean; authorizedIpRanges: string[] };
    /** Network policy engine. */
    networkPolicy: AksNetworkPolicy;
    /** Service CIDR. */
    serviceCidr: string;
    /** DNS service IP. */
    dnsServiceIp: string;
    /** Overlay pod CIDR. */
    podCidr: string;
    /** Cluster upgrade channel. */
    upgradeChannel: AksUpgradeChannel;
    /** Node OS upgrade channel. */
    nodeOsUpgradeChannel: AksNodeOsUpgradeChannel;
    /** Defender security monitoring. */
    defender: boolean;
    /** Entra ID admin groups. */
    adminGroupObjectIds?: string[];
    /** Local accounts kept enabled. */
    localAccounts: boolean;
    /** Image of the FPGA device plugin (serving host fpga). */
    fpgaDevicePluginImage?: string;
}

/** What the stack knows around a cluster. */
export interface AksCheckContext {
    /** The stack's region. */
    location: string;
    /** Address space of the VNet holding the stack's `aks` subnet (empty when the stack has none or adopts the VNet). */
    virtualNetworkAddressSpace: readonly string[];
    /** The stack is private (network.publicNetworkAccess Disabled): a public API server is refused. */
    stackIsPrivate: boolean;
}

/**
 * The context of a cluster in a stack: its region, the address space of the network holding the
 * `aks` subnet when the stack creates that network (an adopted network's space is not known to
 * the config, and is then left to Azure), and whether the stack is private.
 */
export function aksCheckContext(c: PlatformConfig): AksCheckContext {
    const vnet = planNetwork(c).virtualNetwork;
    const hasAksSubnet = vnet !== undefined && vnet.subnets.aks !== undefined;
    return {
        location: c.location,
        virtualNetworkAddressSpace: hasAksSubnet && vnet.mode === "create" ? vnet.addressSpace : [],
        stackIsPrivate: c.network.publicNetworkAccess === "Disabled",
    };
}

/** The component args a cluster's settings map to (without placement, identity and workspace IDs, which the stack adds). */
export function aksSettingsToArgs(s: AksClusterSettings): Omit<AksClusterArgs, "resourceGroupName" | "location" | "tags" | "clusterName" | "tenantId" | "subscriptionId" | "logAnalyticsWorkspaceId"> {
    return {
        kubernetesVersion: s.kubernetesVersion,
        skuTier: s.skuTier,
        adminGroupObjectIds: s.adminGroupObjectIds,
        apiServer: { private: s.apiServer.private, authorizedIpRanges: s.apiServer.authorizedIpRanges },
        networkPolicy: s.networkPolicy,
        serviceCidr: s.serviceCidr,
        dnsServiceIp: s.dnsServiceIp,
        podCidr: s.podCidr,
        upgradeChannel: s.upgradeChannel,
        nodeOsUpgradeChannel: s.nodeOsUpgradeChannel,
        defender: s.defender,
        localAccounts: s.localAccounts,
        fpgaDevicePluginImage: s.fpgaDevicePluginImage,
        systemPool: { ...s.systemPool },
        userPools: Object.entries(s.userPools).map(([name, p]) => ({ name, vmSize: p.vmSize, minCount: p.minCount, maxCount: p.maxCount, maxPods: p.maxPods, nodeLabels: p.labels, nodeTaints: p.taints })),
    };
}

/** Kubernetes taint `key=value:Effect` (value optional); key as a label key. */
const TAINT = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?(=[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?:(NoSchedule|PreferNoSchedule|NoExecute)$/;
/** Kubernetes label key: optional DNS prefix, a name of 1-63 characters. */
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** Kubernetes label value: empty or 1-63 characters. */
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/**
 * Every problem of the cluster at `path` (e.g. `kubernetes.clusters.serving`), with full key paths
 * (`aml-workspace:platform.kubernetes.clusters.serving.systemPool.minCount`).
 */
export function checkAksCluster(path: string, settings: AksClusterSettings, ctx: AksCheckContext): ConfigProblem[] {
    const key = (k: string): string => at(`${path}.${k}`);
    const args = { ...aksSettingsToArgs(settings), virtualNetworkAddressSpace: [...ctx.virtualNetworkAddressSpace] };
    const out: ConfigProblem[] = aksArgProblems(args).map((p) => ({ path: key(p.key), problem: p.problem, fix: p.fix }));
    if (ctx.stackIsPrivate && !settings.apiServer.private) {
        out.push({ path: key("apiServer.private"), problem: "is false in a private stack (network.publicNetworkAccess Disabled)", fix: "keep the API server private; reach it from the VNet (or a peered network, a jump host, az aks command invoke)" });
    }
    const pluginImage = settings.fpgaDevicePluginImage === undefined ? undefined : pluginImageProblem(settings.fpgaDevicePluginImage);
    if (pluginImage) out.push({ path: key("fpgaDevicePluginImage"), problem: pluginImage, fix: "give an exact release (<registry>/<repository>:<version>) or, better, a digest (<registry>/<repository>@sha256:<64 hex>)" });
    for (const [name, pool] of Object.entries(settings.userPools)) {
        (pool.taints ?? []).forEach((t, i) => {
            if (!TAINT.test(t)) out.push({ path: key(`userPools.${name}.taints[${i}]`), problem: `"${t}" is not a Kubernetes taint`, fix: "write key=value:Effect, Effect one of NoSchedule, PreferNoSchedule, NoExecute" });
        });
        for (const [k, v] of Object.entries(pool.labels ?? {})) {
            if (!LABEL_KEY.test(k)) out.push({ path: key(`userPools.${name}.labels.${k}`), problem: "is not a Kubernetes label key (an optional DNS prefix and /, then 1-63 letters, digits, - _ .)", fix: "rename the label" });
            else if (!LABEL_VALUE.test(v)) out.push({ path: key(`userPools.${name}.labels.${k}`), problem: `"${v}" is not a Kubernetes label value (up to 63 letters, digits, - _ ., starting and ending alphanumeric)`, fix: "change the value" });
        }
        // The FPGA policy's table (components/fpga.ts): an FPGA pool only where FPGA VMs are offered.
        const region = fpgaRegionProblem(pool.vmSize, ctx.location);
        if (region) out.push({ path: key(`userPools.${name}.vmSize`), problem: region, fix: `deploy the stack in one of ${FPGA_REGIONS.join(", ")}, or use another size` });
    }
    return out;
}

/** Why a device plugin image reference is unusable (unparsable, untagged or `latest`: not a fixed release), or undefined. */
function pluginImageProblem(image: string): string | undefined {
    try {
        const r = parseImageReference(image);
        if (r.digest !== undefined) return undefined;
        if (r.tag === undefined || r.tag === "latest") return `"${image}" names no fixed release (no tag, or latest): the node agent would change under the cluster`;
        return undefined;
    } catch (e) {
        return (e as Error).message;
    }
}
