/**
 * azure-native resource types that accept ARM tags: the one table the
 * required-tags policy selects its subjects by (by type, never by whether a
 * resource already carries tags) and its test checks against the azure-native
 * SDK (a type is taggable when its `<Resource>Args` has `tags`; the SDK is
 * generated from the ARM specs). Reference: "Tag support for Azure resources",
 * https://learn.microsoft.com/azure/azure-resource-manager/management/tag-support
 * (checked 2026-12-02). Extension and child resources without their own tags
 * (diagnostic settings, role assignments, locks, subnets, blob/file services,
 * DNS zone groups, scoped resources) are absent on purpose.
 *
 * What a tag may contain (count, lengths, characters) is components/tag-limits.ts, keyed by
 * ARM type and read by the config checks; the two tables answer different questions and have
 * different keys (Pulumi tokens here), so they are not merged.
 */
import { TYPES } from "./tokens";

/** Current azure-native (v3) tokens of taggable types the toolkit creates or the pack inspects. */
export const CURRENT_TAGGABLE_TYPES: readonly string[] = [
    "azure-native:resources:ResourceGroup",
    TYPES.storageAccount, TYPES.vault, "azure-native:keyvault:Key", TYPES.registry, TYPES.workspace, TYPES.compute, TYPES.mlRegistry,
    TYPES.appInsights, TYPES.logAnalytics, TYPES.managedCluster, TYPES.agentPool,
    TYPES.containerGroup, TYPES.iotHub, TYPES.privateEndpoint,
    "azure-native:network:VirtualNetwork", "azure-native:network:NetworkSecurityGroup",
    "azure-native:privatedns:PrivateZone", "azure-native:privatedns:VirtualNetworkLink",
    "azure-native:network:PublicIPAddress", "azure-native:network:NatGateway",
    "azure-native:managedidentity:UserAssignedIdentity",
    "azure-native:machinelearningservices:OnlineEndpoint", "azure-native:machinelearningservices:OnlineDeployment",
    "azure-native:monitor:PrivateLinkScope",
    TYPES.actionGroup, TYPES.metricAlert,
    // The ARM template deployment that sets an online endpoint's traffic.
    "azure-native:resources:Deployment",
];

/** Tokens of the same taggable types in azure-native v1/v2, still found in older `pulumi stack export` files. */
export const LEGACY_TAGGABLE_TYPES: readonly string[] = [
    "azure-native:network:PrivateZone",
    "azure-native:network:VirtualNetworkLink",
    "azure-native:insights:PrivateLinkScope",
];

/** Every taggable type token the pack recognises. */
export const TAGGABLE_TYPES: string[] = [...CURRENT_TAGGABLE_TYPES, ...LEGACY_TAGGABLE_TYPES];
