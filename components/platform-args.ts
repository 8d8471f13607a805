/**
 * Arguments of {@link MlPlatform} (components/platform.ts): the library's own
 * description of a platform, one interface per concern, independent of how a
 * program gets its settings. The stack program maps its validated config to
 * these (stacks/platform-args.ts); a user's own program writes them directly.
 * Every optional field states its default; `resolvePlatformArgs`
 * (platform-settings.ts) fills them.
 */
import type { AzureCloud } from "./clouds";
import type { VmPriority } from "./compute/compute-cluster";
import type { ComputeInstanceScheduleArgs, ComputeInstanceScriptArgs } from "./compute/compute-instance";
import type {
    CmkKeyType,
    CustomRoleScope,
    FirewallDefaultAction,
    FirewallSku,
    GrantScope,
    IdentityType,
    IsolationMode,
    KeyVaultSku,
    PrincipalType,
    PublicNetworkAccess,
    RegistryMode,
    RegistrySku,
    SharingModel,
} from "./enums";
import type { RegistryStorageAccountType } from "./registry/registry-settings";
import type { PrivateDnsMode } from "./network/private-dns-zones";
import type { OutboundRuleSpec } from "./workspace/outbound-rules";
import type { PlatformScheduleArgs } from "./schedules/job-schedule";
import type { PlatformDataArgs } from "./data/platform-data-args";
import type { PlatformServingArgs } from "./serving/platform-serving-args";
export type * from "./serving/platform-serving-args";
import type { PlatformKubernetesArgs, PlatformKubernetesComputeArgs } from "./kubernetes/platform-kubernetes-args";
export type { PlatformAksClusterArgs, PlatformAzureMlExtensionArgs, PlatformKubernetesArgs, PlatformKubernetesClusterArgs, PlatformKubernetesComputeArgs } from "./kubernetes/platform-kubernetes-args";

/** Create a resource (optionally with this name) or adopt an existing one by ID. */
export interface PlatformAdoptableArgs {
    /** ARM ID of an existing resource to adopt; nothing is created for it. Default: create. */
    existingId?: string;
    /** Name of the resource to create; never with `existingId`. Default: derived from `namePrefix`. */
    name?: string;
}

/** A subnet to create. */
export interface PlatformSubnetArgs {
    /** IPv4 CIDR block inside the virtual network's address space. Required. */
    addressPrefix: string;
    /** Subnet name. Default `snet-<role>`. */
    name?: string;
}

/** Subnets to create, by role. */
export interface PlatformSubnetsArgs {
    /** Private endpoints of the workspace and its dependencies. Default: none (the default network has one). */
    privateEndpoints?: PlatformSubnetArgs;
    /** Compute when the workspace has no managed network. Default: none. */
    training?: PlatformSubnetArgs;
    /** Container instances serving models (delegated). Default: none. */
    scoring?: PlatformSubnetArgs;
    /** AKS nodes. Default: none. */
    aks?: PlatformSubnetArgs;
}

/** Existing subnets of an adopted network, by role. */
export interface PlatformSubnetIdsArgs {
    /** Subnet for private endpoints. Default: none. */
    privateEndpoints?: string;
    /** Subnet for compute (no managed network). Default: none. */
    training?: string;
    /** Subnet delegated to container instances. Default: none. */
    scoring?: string;
    /** Subnet for AKS nodes. Default: none. */
    aks?: string;
}

/** The customer virtual network: create (`addressSpace` + `subnets`) or adopt (`existingId` + `subnetIds`). */
export interface PlatformVirtualNetworkArgs {
    /** ID of an existing virtual network. Default: create one when something needs it. */
    existingId?: string;
    /** Name of the network to create. Default `vnet-<namePrefix>`. */
    name?: string;
    /** Address prefixes of the network to create. Default `10.0.0.0/16` when one is needed. */
    addressSpace?: string[];
    /** Subnets to create. Default: a private-endpoints subnet `10.0.0.0/24` in the default network. */
    subnets?: PlatformSubnetsArgs;
    /** Existing subnets of `existingId`. Default: none. */
    subnetIds?: PlatformSubnetIdsArgs;
}

/** Private DNS of the private endpoints. */
export interface PlatformPrivateDnsArgs {
    /** `create` zones, use `existing` zone IDs, or leave records to Azure Policy (`policyManaged`). Default `existing` for an adopted network, else `create`. */
    mode?: PrivateDnsMode;
    /** Existing zone IDs by zone name (mode `existing`). Default: none. */
    zoneIds?: { [zoneName: string]: string };
}

/** Reachability of the workspace and its dependencies. */
export interface PlatformNetworkArgs {
    /** Public network access of every resource. Default `Disabled`. */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Storage firewall default action when public. Default `Deny`. */
    firewallDefaultAction?: FirewallDefaultAction;
    /** Public IPs/CIDRs let through the firewalls. Default none. */
    allowedIpRanges?: string[];
    /** Private endpoints for the workspace and its dependencies. Default: on exactly when public access is off. */
    privateEndpoints?: boolean;
    /** The customer virtual network. Default: created only when private endpoints or compute need one. */
    virtualNetwork?: PlatformVirtualNetworkArgs;
    /** Private DNS. Default: see {@link PlatformPrivateDnsArgs}. */
    privateDns?: PlatformPrivateDnsArgs;
}

/** The workspace identity. */
export interface PlatformIdentityArgs {
    /** `UserAssigned` (created before the workspace, so its access is in place) or `SystemAssigned`. Default `UserAssigned`. */
    type?: IdentityType;
    /** Existing user-assigned identity. Default: create one. */
    existingId?: string;
    /** Principal (object) ID of `existingId`; required with it. Default: none. */
    existingPrincipalId?: string;
}

/** The workspace's managed network. */
export interface PlatformManagedNetworkArgs {
    /** Isolation mode. Default `AllowOnlyApprovedOutbound`. */
    isolationMode?: IsolationMode;
    /** Firewall SKU for FQDN rules. Default `Standard`. */
    firewallSku?: FirewallSku;
    /** Provision the managed network at creation. Default false. */
    provisionNetworkNow?: boolean;
    /** Outbound rules by name. Default none. */
    outboundRules?: { [ruleName: string]: OutboundRuleSpec };
}

/** Serverless compute. */
export interface PlatformServerlessComputeArgs {
    /** Serverless nodes get no public IP. Default true. */
    noPublicIp?: boolean;
}

/** The workspace. */
export interface PlatformWorkspaceArgs {
    /** Workspace name. Default `mlw-<namePrefix>`. */
    name?: string;
    /** Display name. Default: none. */
    friendlyName?: string;
    /** Description. Default: none. */
    description?: string;
    /** High business impact: less diagnostic data collected (confidential data). Default false. */
    highBusinessImpact?: boolean;
    /** Identity. Default: a created user-assigned identity. */
    identity?: PlatformIdentityArgs;
    /** Managed network. Default: `AllowOnlyApprovedOutbound`. */
    managedNetwork?: PlatformManagedNetworkArgs;
    /** Serverless compute. Default: no public IP. */
    serverlessCompute?: PlatformServerlessComputeArgs;
    /** Compute cluster that builds images when the registry is private. Default: none. */
    imageBuildCompute?: string;
    /** Keep v1 APIs. Default false. */
    v1LegacyMode?: boolean;
}

/** The default datastore storage account. */
export interface PlatformStorageArgs extends PlatformAdoptableArgs {
    /** Replication SKU. Default `Standard_ZRS` where the region has availability zones, else `Standard_GRS`. */
    sku?: string;
    /** Soft delete days for blobs, containers and shares. Default 14. */
    softDeleteRetentionDays?: number;
}

/** The key vault. */
export interface PlatformKeyVaultArgs extends PlatformAdoptableArgs {
    /** Vault SKU; `premium` for HSM keys. Default `standard`. */
    sku?: KeyVaultSku;
    /** Soft delete retention days (7-90). Default 90. */
    softDeleteRetentionDays?: number;
    /** Purge protection (irreversible once on). Default true. */
    purgeProtection?: boolean;
}

/** The container registry. */
export interface PlatformRegistryArgs extends PlatformAdoptableArgs {
    /** `onDemand` (created once something builds or pulls images), `always`, or `existing`. Default `onDemand`. */
    mode?: RegistryMode;
    /** SKU; private endpoints need Premium. Default `Premium`. */
    sku?: RegistrySku;
    /** Retention days of untagged manifests. Default 7. */
    retentionDays?: number;
}

/** The Log Analytics workspace. */
export interface PlatformLogAnalyticsArgs extends PlatformAdoptableArgs {
    /** Retention days. Default 90. */
    retentionInDays?: number;
}

/** Monitoring. */
export interface PlatformMonitoringArgs {
    /** Log Analytics. Default: created. */
    logAnalytics?: PlatformLogAnalyticsArgs;
    /** Application Insights (workspace-based). Default: created. */
    applicationInsights?: PlatformAdoptableArgs;
}

/** A compute cluster (AmlCompute). */
export interface PlatformClusterArgs {
    /** VM size. Required. */
    vmSize: string;
    /** Minimum nodes. Default 0 (scale to zero). */
    minNodes?: number;
    /** Maximum nodes. Required. */
    maxNodes: number;
    /** Idle seconds before a node is released. Default 120. */
    idleSecondsBeforeScaleDown?: number;
    /** `Dedicated` or `LowPriority` VMs. Default `Dedicated`. */
    vmPriority?: VmPriority;
}

/** A compute instance. */
export interface PlatformInstanceArgs {
    /** VM size. Required. */
    vmSize: string;
    /** ISO 8601 idle time before shutdown (15 minutes to 3 days). Default `PT60M`. */
    idleTimeBeforeShutdown?: string;
    /** Entra object ID of the user the instance is assigned to. Required unless `assignToDeployingPrincipal`; never guessed. Default: none. */
    assignedUserObjectId?: string;
    /** Assign the instance to the principal running the deployment instead of `assignedUserObjectId` (a personal dev stack). Default false. */
    assignToDeployingPrincipal?: boolean;
    /** Single sign-on with the assigned user's identity. Default true. */
    enableSso?: boolean;
    /** Start/stop schedules, in order. Default none. */
    schedules?: ComputeInstanceScheduleArgs[];
    /** Script run once at creation (its text inline, or a path in the notebooks share). Default none. */
    creationScript?: ComputeInstanceScriptArgs;
    /** Script run at every start. Default none. */
    startupScript?: ComputeInstanceScriptArgs;
}

/** Compute targets of the workspace. */
export interface PlatformComputeArgs {
    /** Clusters by compute name. Default none. */
    clusters?: { [computeName: string]: PlatformClusterArgs };
    /** Instances by compute name. Default none. */
    instances?: { [computeName: string]: PlatformInstanceArgs };
    /** Attached Kubernetes computes by compute name, each naming one of `kubernetes.clusters`. Default none. */
    kubernetes?: { [computeName: string]: PlatformKubernetesComputeArgs };
}

/** The customer-managed key. */
export interface PlatformCustomerManagedKeyArgs {
    /** Encrypt with a customer-managed key. Default false (Microsoft-managed keys). */
    enabled?: boolean;
    /** Key name (in the workspace vault, or `keyVaultId`'s). Default `aml-cmk`. */
    keyName?: string;
    /** `RSA` or `RSA-HSM` (premium vault). Default `RSA`. */
    keyType?: CmkKeyType;
    /** RSA key size. Default 3072. */
    keySize?: number;
    /** Versioned key ID of an existing key (central vault). Default: none. */
    existingKeyId?: string;
    /** Existing vault to create `keyName` in (central vault). Default: the workspace vault. */
    keyVaultId?: string;
    /** Service-side encryption of metadata (no Cosmos DB grant; not with a private vault). Default false. */
    serviceSideEncryption?: boolean;
    /** Object ID of the Azure Cosmos DB service principal in the tenant (classic CMK). Default: none. */
    cosmosDbPrincipalObjectId?: string;
}

/** Encryption at rest. */
export interface PlatformEncryptionArgs {
    /** Customer-managed key. Default: off. */
    customerManagedKey?: PlatformCustomerManagedKeyArgs;
}

/** Deletion guards. */
export interface PlatformProtectionArgs {
    /** Pulumi `protect` on stateful resources. Default false. */
    protect?: boolean;
    /** Pulumi `retainOnDelete` on stateful resources. Default false. */
    retainOnDelete?: boolean;
    /** CanNotDelete lock on the stateful resources whose scope holds nothing that changes. Default false. */
    deleteLock?: boolean;
    /** Pulumi `protect` on the key vault, its keys and the workspace (names reserved after deletion). Default true. */
    protectSoftDeleted?: boolean;
}

/** Name derivation. */
export interface PlatformNamingArgs {
    /** Pins the seed of global name suffixes ("/" separates parts). Default: project/stack/location. */
    suffixSeed?: string;
    /** Recreate generation: gives the key vault and workspace new names. Default 0. */
    generation?: number;
}

/** The Pulumi identity of the deployment: seeds global name suffixes (never the organization). */
export interface PlatformDeploymentArgs {
    /** Pulumi organization; deliberately not part of any name, so a backend move renames nothing. Default: none. */
    organization?: string;
    /** Pulumi project. Required. */
    project: string;
    /** Pulumi stack. Required. */
    stack: string;
}

/** A role for one principal at one scope. */
export interface PlatformAccessGrantArgs {
    /** Entra ID object ID of the user, group or service principal. Required. */
    principalId: string;
    /** `User`, `Group` or `ServicePrincipal`; always sent to Azure. Required. */
    principalType: PrincipalType;
    /** Display label for plans, reports and the assignment's description. Default: none. */
    label?: string;
    /** A built-in role's display name (e.g. `AzureML Data Scientist`) or a `customRoles` key. Required. */
    role: string;
    /** Where the role is granted. Default `workspace` in a team's list, `resourceGroup` in the platform's. */
    scope?: GrantScope;
    /** Marks an Owner / User Access Administrator / RBAC Administrator grant as deliberate break-glass access. Default false. */
    breakGlass?: boolean;
}

/** A custom role definition. */
export interface PlatformCustomRoleArgs {
    /** Description shown in the portal. Default: `Custom role <key> (aml-workspace)`. */
    description?: string;
    /** Control-plane actions allowed. Default none (then dataActions must list some). */
    actions?: string[];
    /** Control-plane actions excluded. Default none. */
    notActions?: string[];
    /** Data-plane actions allowed. Default none. */
    dataActions?: string[];
    /** Data-plane actions excluded. Default none. */
    notDataActions?: string[];
    /** Where it may be granted: `workspace` (workspaces and the hub) or `resourceGroup`. Default `workspace`. */
    assignableScope?: CustomRoleScope;
}

/** The platform's Azure ML registry (models, environments and components shared between teams). */
export interface PlatformModelRegistryArgs {
    /** Registry name (2-32, unique in the tenant). Default `mlr-<namePrefix>`. */
    name?: string;
    /** Regions to replicate to, the primary (the platform's location) first. Default: the location only. */
    regions?: string[];
    /** Public network access. Default `Disabled` (reached through a private endpoint). */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Team keys whose workspace identities get `AzureML Registry User` on the registry. Default none. */
    consumers?: string[];
    /** Storage account type of each region. Default `Standard_LRS`. */
    storageAccountType?: RegistryStorageAccountType;
    /** Hierarchical namespace on each region's storage account. Default false (Blob storage). */
    storageHierarchicalNamespace?: boolean;
    /** SKU of the registry's container registry. Default `Premium`. */
    acrSku?: RegistrySku;
}

/** A team's workspace (or project) names. */
export interface PlatformTeamWorkspaceArgs {
    /** Workspace name. Default `mlw-<namePrefix>-<teamKey>`. */
    name?: string;
    /** Display name. Default: none. */
    friendlyName?: string;
    /** Description. Default: none. */
    description?: string;
}

/** A team's guard rails. */
export interface PlatformTeamQuotaArgs {
    /** Maximum total nodes of the team's compute (clusters' max nodes + one per instance). Default: unlimited. */
    maxNodes?: number;
    /** VM quota families the team may use (e.g. `standardDSv2Family`). Default: any. */
    vmFamilies?: string[];
}

/** One team of the platform: its workspace (independent) or project (hub), tags, people and compute. */
export interface PlatformTeamArgs {
    /** Workspace names. Default: derived from the team key. */
    workspace?: PlatformTeamWorkspaceArgs;
    /** Tags on the team's resources, over the platform's; `team: <key>` is always added. Default none. */
    tags?: { [key: string]: string };
    /** Who may use the team's workspace, and how. Default none. */
    access?: PlatformAccessGrantArgs[];
    /** Guard rails. Default: none. */
    quota?: PlatformTeamQuotaArgs;
    /** The team's compute targets. Default none. */
    compute?: PlatformComputeArgs;
    /** Workspace schedules creating jobs in the team's workspace (or project), by schedule name. Default none. */
    schedules?: { [scheduleName: string]: PlatformScheduleArgs };
    /** The team's data lakes, identity-based datastores and data assets in its workspace (or project). Default none. */
    data?: PlatformDataArgs;
    /** Scoring images, registered models and REST endpoints served from the team's workspace (or project). Default none. */
    serving?: PlatformServingArgs;
}

/** Arguments of {@link MlPlatform}. */
export interface MlPlatformArgs {
    /** Azure region of every resource. Required. */
    location: string;
    /** Azure cloud. Default `AzureCloud`. */
    cloud?: AzureCloud;
    /** Base of derived names, e.g. `aml-prod`. Required. */
    namePrefix: string;
    /** Tags on every taggable resource. Default none. */
    tags?: { [key: string]: string };
    /** Name derivation. Default: suffixes from project/stack/location, generation 0. */
    naming?: PlatformNamingArgs;
    /** Pulumi project and stack. Required. */
    deployment: PlatformDeploymentArgs;
    /** Resource group to create or adopt. Default: create `rg-<namePrefix>`. */
    resourceGroup?: PlatformAdoptableArgs;
    /** Network. Default: private, with private endpoints. */
    network?: PlatformNetworkArgs;
    /** The workspace. Default: see {@link PlatformWorkspaceArgs}. */
    workspace?: PlatformWorkspaceArgs;
    /** Default datastore. Default: a created, hardened account. */
    storage?: PlatformStorageArgs;
    /** Key vault. Default: a created vault with RBAC and purge protection. */
    keyVault?: PlatformKeyVaultArgs;
    /** Container registry. Default: `onDemand`. */
    containerRegistry?: PlatformRegistryArgs;
    /** Monitoring. Default: created Log Analytics and Application Insights. */
    monitoring?: PlatformMonitoringArgs;
    /** Compute. Default none. */
    compute?: PlatformComputeArgs;
    /** AKS clusters the workspaces attach, each with its AzureML extension (installed once per cluster). Default none. */
    kubernetes?: PlatformKubernetesArgs;
    /** Workspace schedules creating jobs in the single workspace (no teams), by schedule name. Default none. */
    schedules?: { [scheduleName: string]: PlatformScheduleArgs };
    /** Data lakes, identity-based datastores and data assets of the single workspace (no teams). Default none. */
    data?: PlatformDataArgs;
    /** Scoring images, registered models and REST endpoints of the single workspace (no teams). Default none. */
    serving?: PlatformServingArgs;
    /** Encryption. Default: Microsoft-managed keys. */
    encryption?: PlatformEncryptionArgs;
    /** Zone redundancy where the region has availability zones (registry). Default false. */
    zoneRedundant?: boolean;
    /** Deletion guards. Default: only the soft-deleted-name resources protected. */
    protection?: PlatformProtectionArgs;
    /** How teams share Azure ML: a workspace each (`independent`) or projects of one hub (`hub`). Default `independent`. */
    sharing?: SharingModel;
    /** Team workspaces by stable team key (`^[a-z][a-z0-9-]{1,15}$`; names derive from it). Default none: one workspace, as `workspace` describes. */
    teams?: { [teamKey: string]: PlatformTeamArgs };
    /** Platform-level grants (scopes `hub`, `resourceGroup`, `registry`). Default none. */
    access?: PlatformAccessGrantArgs[];
    /** Custom role definitions by key, grantable like built-in roles. Default none. */
    customRoles?: { [roleKey: string]: PlatformCustomRoleArgs };
    /** An Azure ML registry shared by the teams. Default none. */
    modelRegistry?: PlatformModelRegistryArgs;
}
