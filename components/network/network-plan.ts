/**
 * What the stack's network looks like, decided from the validated config
 * (pure): whether private endpoints are made, which virtual network (created,
 * defaulted or adopted) with which subnets, which resources are private and
 * which endpoints reach them. `MlPlatform` builds exactly this plan and the
 * config checks reason about the same plan, so "unreachable" means the same
 * thing in both places.
 */
import { decideRegistryFor, type RegistryConfigView } from "../workspace/registry-mode";
import type { PrivateLinkGroupId } from "./private-link-zones";
import type { PrivateDnsMode } from "./private-dns-zones";
import { SUBNET_NAMES, type SubnetRole } from "./subnet-roles";

export type { PrivateDnsMode } from "./private-dns-zones";
export type { SubnetRole } from "./subnet-roles";

/** Address space of the virtual network created when private endpoints need one and none is configured. */
export const DEFAULT_ADDRESS_SPACE = "10.0.0.0/16";
/** Its private-endpoints subnet. */
export const DEFAULT_PRIVATE_ENDPOINTS_PREFIX = "10.0.0.0/24";

/**
 * What the plan reads, as a structural slice: the stack's validated config and the library's
 * resolved platform settings (platform-settings.ts) both have this shape, so the config checks
 * and `MlPlatform` plan the very same network without the library knowing the program's types.
 */
export interface NetworkPlanInput extends RegistryConfigView {
    /** Network settings. */
    network: {
        /** Public network access of every resource. */
        publicNetworkAccess: "Enabled" | "Disabled";
        /** Explicit private endpoints switch; undefined: on exactly when public access is off. */
        privateEndpoints?: boolean;
        /** The customer virtual network. */
        virtualNetwork: {
            /** Adopted network ID. */
            existingId?: string;
            /** Name of the network to create. */
            name?: string;
            /** Address space of the network to create. */
            addressSpace?: string[];
            /** Subnets to create by role. */
            subnets: Partial<Record<SubnetRole, { addressPrefix: string; name?: string }>>;
            /** Adopted subnet IDs by role. */
            subnetIds: Partial<Record<SubnetRole, string>>;
        };
        /** Private DNS. */
        privateDns: { mode: PrivateDnsMode; zoneIds: Record<string, string> };
    };
    /** Workspace settings the plan reads. */
    workspace: RegistryConfigView["workspace"] & { managedNetwork: { isolationMode: string } };
    /** Storage: adopted or created. */
    storage: { existingId?: string };
    /** Key vault: adopted or created. */
    keyVault: { existingId?: string };
    /** Monitoring: adopted or created. */
    monitoring: { logAnalytics: { existingId?: string }; applicationInsights: { existingId?: string } };
}

/** Default subnet names by role: the subnet-role table's. */
export { SUBNET_NAMES } from "./subnet-roles";

/** A subnet to create. */
export interface PlannedSubnet {
    /** Subnet name. */
    name: string;
    /** CIDR. */
    addressPrefix: string;
}

/** The virtual network of the plan: `create` (with subnets) or `adopt` (with subnet IDs). */
export interface PlannedVirtualNetwork {
    /** Created or adopted. */
    mode: "create" | "adopt";
    /** Adopted network ID. */
    existingId?: string;
    /** Name to create (undefined: derived). */
    name?: string;
    /** Address space to create. */
    addressSpace: string[];
    /** Subnets to create by role. */
    subnets: Partial<Record<SubnetRole, PlannedSubnet>>;
    /** Adopted subnet IDs by role. */
    subnetIds: Partial<Record<SubnetRole, string>>;
    /** True when the network is the toolkit's default (nothing was configured). */
    defaulted: boolean;
}

/** A private resource of the stack and the private endpoint groups that reach it. */
export interface PrivateTarget {
    /** Config key path of the resource (for messages), e.g. `storage`. */
    configKey: string;
    /** Short role, used in resource names (`workspace`, `storage`...). */
    role: "workspace" | "storage" | "keyVault" | "registry" | "monitoring";
    /** Group IDs of its endpoints (one endpoint per group ID). */
    groupIds: PrivateLinkGroupId[];
}

/** The plan. */
export interface NetworkPlan {
    /** Public network access of every resource. */
    publicNetworkAccess: "Enabled" | "Disabled";
    /** Private endpoints are created. */
    privateEndpoints: boolean;
    /** Compute (and serverless compute) runs in the customer network's training subnet, not the managed network. */
    computeInCustomerNetwork: boolean;
    /** The virtual network, when the stack has one. */
    virtualNetwork?: PlannedVirtualNetwork;
    /** DNS handling. */
    dns: { mode: PrivateDnsMode; zoneIds: Record<string, string> };
    /** Resources the stack creates with their endpoints (empty when private endpoints are off). */
    targets: PrivateTarget[];
    /** Config keys of created resources whose public access is off (each must be a target). */
    privateResources: string[];
}

/** Whether private endpoints are on: explicit, else on exactly when public access is off. */
export function privateEndpointsEnabled(c: NetworkPlanInput): boolean {
    return c.network.privateEndpoints ?? c.network.publicNetworkAccess === "Disabled";
}

/** Resources the stack creates (not adopts) that carry the stack's public-access setting, with their endpoint groups. */
export function createdPrivatableResources(c: NetworkPlanInput): PrivateTarget[] {
    const out: PrivateTarget[] = [{ configKey: "workspace", role: "workspace", groupIds: ["amlworkspace"] }];
    if (!c.storage.existingId) {
        // No dfs: the default storage account never has a hierarchical namespace (config refuses it).
        out.push({ configKey: "storage", role: "storage", groupIds: ["blob", "file"] });
    }
    if (!c.keyVault.existingId) out.push({ configKey: "keyVault", role: "keyVault", groupIds: ["vault"] });
    if (decideRegistryFor(c) === "create") {
        out.push({ configKey: "containerRegistry", role: "registry", groupIds: ["registry"] });
    }
    const monitoring = [
        ...(c.monitoring.logAnalytics.existingId ? [] : ["monitoring.logAnalytics"]),
        ...(c.monitoring.applicationInsights.existingId ? [] : ["monitoring.applicationInsights"]),
    ];
    // Log Analytics and Application Insights are reached through one Azure Monitor private link scope.
    if (monitoring.length > 0) out.push({ configKey: monitoring.join(" and "), role: "monitoring", groupIds: ["azuremonitor"] });
    return out;
}

/** Builds the plan. */
export function planNetwork(c: NetworkPlanInput): NetworkPlan {
    const privateEndpoints = privateEndpointsEnabled(c);
    const computeInCustomerNetwork = c.workspace.managedNetwork.isolationMode === "Disabled";
    const created = createdPrivatableResources(c);
    return {
        publicNetworkAccess: c.network.publicNetworkAccess,
        privateEndpoints,
        computeInCustomerNetwork,
        virtualNetwork: planVirtualNetwork(c, privateEndpoints || computeInCustomerNetwork),
        dns: { mode: c.network.privateDns.mode, zoneIds: c.network.privateDns.zoneIds },
        targets: privateEndpoints ? created : [],
        privateResources: c.network.publicNetworkAccess === "Disabled" ? created.map((t) => t.configKey) : [],
    };
}

function planVirtualNetwork(c: NetworkPlanInput, needed: boolean): PlannedVirtualNetwork | undefined {
    const v = c.network.virtualNetwork;
    if (v.existingId) {
        return { mode: "adopt", existingId: v.existingId, addressSpace: [], subnets: {}, subnetIds: v.subnetIds, defaulted: false };
    }
    if (v.addressSpace) {
        const subnets = Object.fromEntries(
            Object.entries(v.subnets).map(([role, s]) => [role, { name: s.name ?? SUBNET_NAMES[role as SubnetRole], addressPrefix: s.addressPrefix }]),
        );
        return { mode: "create", name: v.name, addressSpace: v.addressSpace, subnets, subnetIds: {}, defaulted: false };
    }
    if (!needed) return undefined;
    return {
        mode: "create",
        name: v.name,
        addressSpace: [DEFAULT_ADDRESS_SPACE],
        subnets: { privateEndpoints: { name: SUBNET_NAMES.privateEndpoints, addressPrefix: DEFAULT_PRIVATE_ENDPOINTS_PREFIX } },
        subnetIds: {},
        defaulted: true,
    };
}

/** True when the plan has a subnet (created or adopted) for `role`. */
export function hasSubnet(plan: NetworkPlan, role: SubnetRole): boolean {
    const v = plan.virtualNetwork;
    return v !== undefined && (v.subnets[role] !== undefined || v.subnetIds[role] !== undefined);
}
