/**
 * Defaults of an AKS cluster (pure data), keyed by the setting's path inside the stack schema's
 * `$defs/aksCluster` (the lead hangs it under `kubernetes.clusters.<key>`, and then adds the same
 * values to COMPONENT_DEFAULTS as `kubernetes.clusters.*.<path>`, as modelRegistry does with
 * REGISTRY_DEFAULTS). The component's `??` fallbacks and the schema's `default`s read this one
 * table; test/components/kubernetes/aks-rules.test.ts compares both ways.
 *
 * Sources (read 2026-12-04):
 *   - "Free, Standard, and Premium pricing tiers for AKS cluster management"
 *     (https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers): Free is "not recommended
 *     for production"; Standard has the uptime SLA.
 *   - "Manage system node pools in AKS" (https://learn.microsoft.com/azure/aks/use-system-pools):
 *     a system pool needs at least two nodes (three recommended for production), 4 vCPUs, and the
 *     CriticalAddonsOnly=true:NoSchedule taint keeps application pods off it.
 *   - "Azure CNI Overlay networking in AKS" / "AKS CNI networking overview"
 *     (https://learn.microsoft.com/azure/aks/concepts-network-cni-overview): overlay keeps pod IPs
 *     out of the VNet; the pod CIDR default 10.244.0.0/16; service CIDR and pod CIDR must not
 *     overlap the cluster's VNet. The AKS service CIDR default 10.0.0.0/16 is the toolkit's own
 *     default VNet (components/network/network-plan.ts DEFAULT_ADDRESS_SPACE), hence 172.16.0.0/16.
 *   - "Upgrade options for AKS" / "Autoupgrade node OS images" (https://learn.microsoft.com/azure/aks/auto-upgrade-cluster,
 *     https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image): stable channel; NodeImage.
 */
import type { AksNetworkPolicy, AksNodeOsUpgradeChannel, AksSkuTier, AksUpgradeChannel } from "./aks-enums";
import { FPGA_DEVICE_PLUGIN } from "../fpga";

/** The defaults, by path inside `$defs/aksCluster` (`userPools.*` is any user pool). */
export const AKS_DEFAULTS = {
    /** Uptime SLA; Free must be asked for (and is then no production cluster). */
    skuTier: "Standard" as AksSkuTier,
    /** The API server has no public endpoint. */
    "apiServer.private": true,
    /** No public ranges (used only when the API server is public). */
    "apiServer.authorizedIpRanges": [] as readonly string[],
    /** Cilium policies on the Cilium data plane. */
    networkPolicy: "cilium" as AksNetworkPolicy,
    /** Kubernetes services' virtual IPs; outside the toolkit's default VNet 10.0.0.0/16. */
    serviceCidr: "172.16.0.0/16",
    /** CoreDNS's service IP, inside serviceCidr and not its first address. */
    dnsServiceIp: "172.16.0.10",
    /** Overlay pod addresses (AKS's own overlay default). */
    podCidr: "10.244.0.0/16",
    /** Minor version N-1, latest patch. */
    upgradeChannel: "stable" as AksUpgradeChannel,
    /** A patched node image every week. */
    nodeOsUpgradeChannel: "NodeImage" as AksNodeOsUpgradeChannel,
    /** Microsoft Defender for Containers security monitoring. */
    defender: true,
    /** Local accounts off: Entra ID only ("Manage local accounts with AKS-managed Microsoft Entra integration"); Azure ML's extension needs them on, which must be written. */
    localAccounts: false,
    /** The system pool's name (CAF suggests an "npsystem" prefix; "system" is ours and shorter). */
    "systemPool.name": "system",
    /** 4 vCPUs (the system pool minimum) with a local disk for an ephemeral OS disk. */
    "systemPool.vmSize": "Standard_D4ds_v5",
    /** Two nodes: the system pool minimum. */
    "systemPool.minCount": 2,
    /** Three nodes: room for an upgrade surge and the recommended production count. */
    "systemPool.maxCount": 3,
    /** Pods per node: above Azure CNI's 30 (DaemonSets exhaust it), Kubernetes' usual 110. */
    "systemPool.maxPods": 110,
    /** A user pool keeps one node for serving. */
    "userPools.*.minCount": 1,
    /** Pods per node of a user pool. */
    "userPools.*.maxPods": 110,
    /** The FPGA device plugin's pinned release (components/fpga.ts); used only when an FPGA endpoint serves on the cluster. */
    fpgaDevicePluginImage: FPGA_DEVICE_PLUGIN.image,
} as const;

/** A key of {@link AKS_DEFAULTS}. */
export type AksDefaultKey = keyof typeof AKS_DEFAULTS;

/**
 * Application ID of the Entra ID server application AKS uses for managed Entra ID integration:
 * the token audience (`kubelogin --server-id`) of every cluster ("Use kubelogin to authenticate
 * in AKS", https://learn.microsoft.com/azure/aks/kubelogin-authentication). The same in every tenant.
 */
export const AKS_ENTRA_SERVER_APP_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

/** A key path prefixed, e.g. `kubernetes.clusters.*.create.` + `skuTier`. */
type Prefixed<P extends string, T> = { readonly [K in keyof T & string as `${P}${K}`]: T[K] };

/**
 * AKS_DEFAULTS at the stack config path where `$defs/aksCluster` hangs
 * (`kubernetes.clusters.<key>.create`), for COMPONENT_DEFAULTS: the same values, not a copy.
 */
export const AKS_CREATE_DEFAULTS = Object.fromEntries(Object.entries(AKS_DEFAULTS).map(([k, v]) => [`kubernetes.clusters.*.create.${k}`, v])) as Prefixed<"kubernetes.clusters.*.create.", typeof AKS_DEFAULTS>;
