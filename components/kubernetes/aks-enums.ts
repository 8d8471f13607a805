/**
 * Named value sets of the AKS cluster's args, in the style of components/enums.ts: an `as const`
 * object with its value type, so Pulumi's component analyzer turns each into a schema enum and
 * TypeScript callers still pass plain strings. Values are ARM's spellings (azure-native
 * `containerservice` enums of API version 2025-09-01).
 */

/** AKS control-plane pricing tier ("Free, Standard, and Premium pricing tiers for AKS cluster management"). */
export const AksSkuTier = {
    /** No uptime SLA; for experiments and clusters under 10 nodes, not production. */
    Free: "Free",
    /** Uptime SLA (99.95% with zones), control-plane autoscaling; recommended for production. */
    Standard: "Standard",
    /** Standard plus long-term support versions. */
    Premium: "Premium",
} as const;
/** An {@link AksSkuTier} value. */
export type AksSkuTier = (typeof AksSkuTier)[keyof typeof AksSkuTier];

/** Cluster auto-upgrade channel (autoUpgradeProfile.upgradeChannel). */
export const AksUpgradeChannel = {
    /** Latest patch of the current minor version. */
    patch: "patch",
    /** Latest patch of minor version N-1. */
    stable: "stable",
    /** Latest patch of the latest minor version. */
    rapid: "rapid",
    /** Node images only (prefer nodeOsUpgradeChannel). */
    "node-image": "node-image",
    /** No automatic upgrades (reported by the aks-auto-upgrade policy). */
    none: "none",
} as const;
/** An {@link AksUpgradeChannel} value. */
export type AksUpgradeChannel = (typeof AksUpgradeChannel)[keyof typeof AksUpgradeChannel];

/** Node OS upgrade channel (autoUpgradeProfile.nodeOSUpgradeChannel). */
export const AksNodeOsUpgradeChannel = {
    /** A new patched node image every week, rolled out by reimaging. */
    NodeImage: "NodeImage",
    /** Tested security updates applied by AKS (extra VHD cost). */
    SecurityPatch: "SecurityPatch",
    /** The OS's own unattended upgrades. */
    Unmanaged: "Unmanaged",
    /** No OS updates: you patch. */
    None: "None",
} as const;
/** An {@link AksNodeOsUpgradeChannel} value. */
export type AksNodeOsUpgradeChannel = (typeof AksNodeOsUpgradeChannel)[keyof typeof AksNodeOsUpgradeChannel];

/** Network policy engine (networkProfile.networkPolicy); `none` is not offered: a cluster always enforces policies. */
export const AksNetworkPolicy = {
    /** Cilium (eBPF); the cluster runs the Cilium data plane (networkDataplane cilium). */
    cilium: "cilium",
    /** Azure Network Policy Manager. */
    azure: "azure",
    /** Calico. */
    calico: "calico",
} as const;
/** An {@link AksNetworkPolicy} value. */
export type AksNetworkPolicy = (typeof AksNetworkPolicy)[keyof typeof AksNetworkPolicy];

/** OS disk of a node pool's nodes. */
export const AksOsDiskType = {
    /** On the VM's local (temp/cache) disk: faster reimage, no disk cost; needs a size with a local disk. */
    Ephemeral: "Ephemeral",
    /** A managed disk. */
    Managed: "Managed",
} as const;
/** An {@link AksOsDiskType} value. */
export type AksOsDiskType = (typeof AksOsDiskType)[keyof typeof AksOsDiskType];
