/**
 * {@link MlPlatformArgs} with every default applied (pure): what `MlPlatform`
 * and the network plan read. The defaults come from the one table,
 * COMPONENT_DEFAULTS (defaults.ts), keyed like the stack config; the stack
 * schema's `default`s are checked against it (test/stacks/schema-defaults.test.ts),
 * so a default is stated once.
 */
import type { AzureCloud } from "./clouds";
import { COMPONENT_DEFAULTS as D } from "./defaults";
import type {
    MlPlatformArgs,
    PlatformAccessGrantArgs,
    PlatformComputeArgs,
    PlatformCustomRoleArgs,
    PlatformModelRegistryArgs,
    PlatformTeamArgs,
    PlatformAdoptableArgs,
    PlatformClusterArgs,
    PlatformInstanceArgs,
    PlatformSubnetIdsArgs,
    PlatformSubnetsArgs,
} from "./platform-args";
import { hasAvailabilityZones } from "./regions";
import type { OutboundRuleSpec } from "./workspace/outbound-rules";
import type { PlatformScheduleArgs } from "./schedules/job-schedule";
import { resolveData, type ResolvedData } from "./data/platform-data-args";
import { resolveServing, type ResolvedServing } from "./serving/platform-serving-args";
import type { PlatformKubernetesClusterArgs, PlatformKubernetesComputeArgs } from "./kubernetes/platform-kubernetes-args";


/** A resolved compute cluster. */
export type ResolvedCluster = Required<PlatformClusterArgs>;
/** A resolved compute instance. */
export type ResolvedInstance = Required<Omit<PlatformInstanceArgs, "assignedUserObjectId" | "creationScript" | "startupScript">> &
    Pick<PlatformInstanceArgs, "assignedUserObjectId" | "creationScript" | "startupScript">;

/** A team with every default applied. */
export interface ResolvedTeam {
    /** Workspace names (derived where absent). */
    workspace: { name?: string; friendlyName?: string; description?: string };
    /** The team's own tags (merged over the platform's by the platform). */
    tags: Record<string, string>;
    /** Grants on the team's scopes. */
    access: PlatformAccessGrantArgs[];
    /** Guard rails. */
    quota?: PlatformTeamArgs["quota"];
    /** Compute targets. */
    compute: PlatformSettings["compute"];
    /** Workspace schedules by name (their defaults are the JobSchedule component's). */
    schedules: Record<string, PlatformScheduleArgs>;
    /** Data lakes, datastores and data assets. */
    data: ResolvedData;
    /** Scoring images, registered models and endpoints. */
    serving: ResolvedServing;
}

/** The platform with every default applied. */
export interface PlatformSettings {
    location: string;
    cloud: AzureCloud;
    namePrefix: string;
    tags: Record<string, string>;
    naming: { suffixSeed?: string; generation: number };
    deployment: MlPlatformArgs["deployment"];
    resourceGroup: PlatformAdoptableArgs;
    network: {
        publicNetworkAccess: "Enabled" | "Disabled";
        firewallDefaultAction: "Allow" | "Deny";
        allowedIpRanges: string[];
        privateEndpoints?: boolean;
        virtualNetwork: { existingId?: string; name?: string; addressSpace?: string[]; subnets: PlatformSubnetsArgs; subnetIds: PlatformSubnetIdsArgs };
        privateDns: { mode: "create" | "existing" | "policyManaged"; zoneIds: Record<string, string> };
    };
    workspace: {
        name?: string;
        friendlyName?: string;
        description?: string;
        highBusinessImpact: boolean;
        identity: { type: "UserAssigned" | "SystemAssigned"; existingId?: string; existingPrincipalId?: string };
        managedNetwork: {
            isolationMode: "AllowOnlyApprovedOutbound" | "AllowInternetOutbound" | "Disabled";
            firewallSku: "Basic" | "Standard";
            provisionNetworkNow: boolean;
            outboundRules: Record<string, OutboundRuleSpec>;
        };
        serverlessCompute: { noPublicIp: boolean };
        imageBuildCompute?: string;
        v1LegacyMode: boolean;
    };
    storage: PlatformAdoptableArgs & { sku: string; softDeleteRetentionDays: number };
    keyVault: PlatformAdoptableArgs & { sku: "standard" | "premium"; softDeleteRetentionDays: number; purgeProtection: boolean };
    containerRegistry: PlatformAdoptableArgs & { mode: "onDemand" | "always" | "existing"; sku: "Basic" | "Standard" | "Premium"; retentionDays: number };
    monitoring: { logAnalytics: PlatformAdoptableArgs & { retentionInDays: number }; applicationInsights: PlatformAdoptableArgs };
    compute: { clusters: Record<string, ResolvedCluster>; instances: Record<string, ResolvedInstance>; kubernetes: Record<string, PlatformKubernetesComputeArgs> };
    kubernetes: { clusters: Record<string, PlatformKubernetesClusterArgs> };
    schedules: Record<string, PlatformScheduleArgs>;
    data: ResolvedData;
    serving: ResolvedServing;
    encryption: {
        customerManagedKey: {
            enabled: boolean;
            keyName: string;
            keyType: "RSA" | "RSA-HSM";
            keySize: number;
            existingKeyId?: string;
            keyVaultId?: string;
            serviceSideEncryption: boolean;
            cosmosDbPrincipalObjectId?: string;
        };
    };
    zoneRedundant: boolean;
    protection: { protect: boolean; retainOnDelete: boolean; deleteLock: boolean; protectSoftDeleted: boolean };
    sharing: "independent" | "hub";
    teams: Record<string, ResolvedTeam>;
    access: PlatformAccessGrantArgs[];
    customRoles: Record<string, PlatformCustomRoleArgs>;
    modelRegistry?: PlatformModelRegistryArgs;
}

const mapValues = <T, U>(o: Record<string, T> | undefined, f: (v: T) => U): Record<string, U> => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, f(v)]));

/** A compute section with the cluster and instance defaults applied. */
function resolveCompute(compute: PlatformComputeArgs | undefined): PlatformSettings["compute"] {
    return {
        clusters: mapValues(compute?.clusters, (c) => ({
            vmSize: c.vmSize,
            maxNodes: c.maxNodes,
            minNodes: c.minNodes ?? D["compute.clusters.*.minNodes"],
            idleSecondsBeforeScaleDown: c.idleSecondsBeforeScaleDown ?? D["compute.clusters.*.idleSecondsBeforeScaleDown"],
            vmPriority: c.vmPriority ?? D["compute.clusters.*.vmPriority"],
        })),
        instances: mapValues(compute?.instances, (i) => ({
            vmSize: i.vmSize,
            idleTimeBeforeShutdown: i.idleTimeBeforeShutdown ?? D["compute.instances.*.idleTimeBeforeShutdown"],
            assignedUserObjectId: i.assignedUserObjectId,
            assignToDeployingPrincipal: i.assignToDeployingPrincipal ?? D["compute.instances.*.assignToDeployingPrincipal"],
            enableSso: i.enableSso ?? D["compute.instances.*.enableSso"],
            schedules: (i.schedules ?? []).map((s) => ({ ...s, enabled: s.enabled ?? D["compute.instances.*.schedules.*.enabled"] })),
            creationScript: i.creationScript,
            startupScript: i.startupScript,
        })),
        // The extension's and the attachment's defaults are their components' (kubernetes/).
        kubernetes: { ...(compute?.kubernetes ?? {}) },
    };
}

/** Applies every default of COMPONENT_DEFAULTS (and the region- and network-dependent ones). */
export function resolvePlatformArgs(a: MlPlatformArgs): PlatformSettings {
    const cloud = a.cloud ?? D["cloud"];
    const n = a.network ?? {};
    const vnet = n.virtualNetwork ?? {};
    const ws = a.workspace ?? {};
    const mn = ws.managedNetwork ?? {};
    const kv = a.keyVault ?? {};
    const reg = a.containerRegistry ?? {};
    const cmk = a.encryption?.customerManagedKey ?? {};
    const p = a.protection ?? {};
    return {
        location: a.location,
        cloud,
        namePrefix: a.namePrefix,
        tags: { ...(a.tags ?? {}) },
        naming: { suffixSeed: a.naming?.suffixSeed, generation: a.naming?.generation ?? D["naming.generation"] },
        deployment: a.deployment,
        resourceGroup: { ...(a.resourceGroup ?? {}) },
        network: {
            publicNetworkAccess: n.publicNetworkAccess ?? D["network.publicNetworkAccess"],
            firewallDefaultAction: n.firewallDefaultAction ?? D["network.firewallDefaultAction"],
            allowedIpRanges: [...(n.allowedIpRanges ?? D["network.allowedIpRanges"])],
            privateEndpoints: n.privateEndpoints,
            virtualNetwork: { ...vnet, subnets: { ...(vnet.subnets ?? {}) }, subnetIds: { ...(vnet.subnetIds ?? {}) } },
            // An adopted (hub) network is normally linked to central zones already; linking it to a
            // second zone of the same name fails, so its default is the existing zones.
            privateDns: { mode: n.privateDns?.mode ?? (vnet.existingId ? "existing" : "create"), zoneIds: { ...(n.privateDns?.zoneIds ?? {}) } },
        },
        workspace: {
            name: ws.name,
            friendlyName: ws.friendlyName,
            description: ws.description,
            highBusinessImpact: ws.highBusinessImpact ?? false,
            identity: { type: ws.identity?.type ?? D["workspace.identity.type"], existingId: ws.identity?.existingId, existingPrincipalId: ws.identity?.existingPrincipalId },
            managedNetwork: {
                isolationMode: mn.isolationMode ?? D["workspace.managedNetwork.isolationMode"],
                firewallSku: mn.firewallSku ?? D["workspace.managedNetwork.firewallSku"],
                provisionNetworkNow: mn.provisionNetworkNow ?? D["workspace.managedNetwork.provisionNetworkNow"],
                outboundRules: { ...(mn.outboundRules ?? {}) },
            },
            serverlessCompute: { noPublicIp: ws.serverlessCompute?.noPublicIp ?? D["workspace.serverlessCompute.noPublicIp"] },
            imageBuildCompute: ws.imageBuildCompute,
            v1LegacyMode: ws.v1LegacyMode ?? D["workspace.v1LegacyMode"],
        },
        storage: {
            ...a.storage,
            // Zone-redundant where the region has zones; ARM refuses ZRS elsewhere.
            sku: a.storage?.sku ?? (hasAvailabilityZones(cloud, a.location) ? "Standard_ZRS" : "Standard_GRS"),
            softDeleteRetentionDays: a.storage?.softDeleteRetentionDays ?? D["storage.softDeleteRetentionDays"],
        },
        keyVault: {
            existingId: kv.existingId,
            name: kv.name,
            sku: kv.sku ?? D["keyVault.sku"],
            softDeleteRetentionDays: kv.softDeleteRetentionDays ?? D["keyVault.softDeleteRetentionDays"],
            purgeProtection: kv.purgeProtection ?? D["keyVault.purgeProtection"],
        },
        containerRegistry: {
            existingId: reg.existingId,
            name: reg.name,
            mode: reg.mode ?? D["containerRegistry.mode"],
            sku: reg.sku ?? D["containerRegistry.sku"],
            retentionDays: reg.retentionDays ?? D["containerRegistry.retentionDays"],
        },
        monitoring: {
            logAnalytics: { ...a.monitoring?.logAnalytics, retentionInDays: a.monitoring?.logAnalytics?.retentionInDays ?? D["monitoring.logAnalytics.retentionInDays"] },
            applicationInsights: { ...a.monitoring?.applicationInsights },
        },
        compute: resolveCompute(a.compute),
        kubernetes: { clusters: { ...(a.kubernetes?.clusters ?? {}) } },
        schedules: { ...(a.schedules ?? {}) },
        data: resolveData(a.data),
        serving: resolveServing(a.serving),
        encryption: {
            customerManagedKey: {
                enabled: cmk.enabled ?? D["encryption.customerManagedKey.enabled"],
                keyName: cmk.keyName ?? D["encryption.customerManagedKey.keyName"],
                keyType: cmk.keyType ?? D["encryption.customerManagedKey.keyType"],
                keySize: cmk.keySize ?? D["encryption.customerManagedKey.keySize"],
                existingKeyId: cmk.existingKeyId,
                keyVaultId: cmk.keyVaultId,
                serviceSideEncryption: cmk.serviceSideEncryption ?? D["encryption.customerManagedKey.serviceSideEncryption"],
                cosmosDbPrincipalObjectId: cmk.cosmosDbPrincipalObjectId,
            },
        },
        zoneRedundant: a.zoneRedundant ?? false,
        protection: {
            protect: p.protect ?? D["protection.protect"],
            retainOnDelete: p.retainOnDelete ?? D["protection.retainOnDelete"],
            deleteLock: p.deleteLock ?? D["protection.deleteLock"],
            protectSoftDeleted: p.protectSoftDeleted ?? D["protection.protectSoftDeleted"],
        },
        sharing: a.sharing ?? D["sharing"],
        teams: mapValues(a.teams, (t) => ({
            workspace: { ...(t.workspace ?? {}) },
            tags: { ...(t.tags ?? {}) },
            access: [...(t.access ?? [])],
            quota: t.quota,
            compute: resolveCompute(t.compute),
            schedules: { ...(t.schedules ?? {}) },
            data: resolveData(t.data),
            serving: resolveServing(t.serving),
        })),
        access: [...(a.access ?? [])],
        customRoles: { ...(a.customRoles ?? {}) },
        modelRegistry: a.modelRegistry,
    };
}
