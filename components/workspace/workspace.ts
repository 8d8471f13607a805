import * as pulumi from "@pulumi/pulumi";
import { Workspace as MlWorkspace } from "@pulumi/azure-native/machinelearningservices";
import { WORKSPACE_EXTRA_ROLES, type AssociatedResource } from "../access/roles";
import { grantWorkspaceIdentity, grantWorkspaceRole, type WorkspaceGrantContext } from "../access/workspace-grants";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { WorkspaceKind, CmkKeyType, FirewallDefaultAction, FirewallSku, IdentityType, IsolationMode, KeyVaultSku, PublicNetworkAccess, RegistrySku } from "../enums";
import { Monitoring } from "../monitoring/monitoring";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { WorkspaceCmkKey } from "./cmk-key";
import { keyResourceId } from "./cmk-spec";
import { WorkspaceRegistry } from "./container-registry";
import { WorkspaceIdentity } from "./identity";
import { WorkspaceKeyVault } from "./key-vault";
import { privateEndpointRulesOf, toArmOutboundRules, type OutboundRuleSpec } from "./outbound-rules";
import { WorkspaceStorage } from "./storage";
import { validateWorkspaceArgs } from "./workspace-validation";

/** Storage settings of {@link WorkspaceArgs}. */
export interface WorkspaceStorageSettings {
    /** Adopt this account instead of creating one. Default: create. */
    existingId?: string;
    /** Name of the account to create. Required unless adopted; must be unset when adopted. */
    name?: string;
    /** Replication SKU. Default `Standard_ZRS`. */
    sku?: string;
    /** Soft delete days. Default 14. */
    softDeleteRetentionDays?: number;
    /** Hierarchical namespace (Data Lake Storage Gen2). Default false. */
    hierarchicalNamespace?: boolean;
}

/** Key vault settings of {@link WorkspaceArgs}. */
export interface WorkspaceKeyVaultSettings {
    /** Adopt this vault instead of creating one. Default: create. */
    existingId?: string;
    /** Name of the vault to create. Required unless adopted; must be unset when adopted. */
    name?: string;
    /** Vault SKU. Default `standard`. */
    sku?: KeyVaultSku;
    /** Soft delete retention days. Default 90. */
    softDeleteRetentionDays?: number;
    /** Purge protection. Default true (off omits the property: ARM refuses `false`). */
    purgeProtection?: boolean;
}

/** Container registry settings of {@link WorkspaceArgs}. */
export interface WorkspaceRegistrySettings {
    /** Adopt this registry instead of creating one. Default: create. */
    existingId?: string;
    /** Name of the registry to create. Required unless adopted; must be unset when adopted. */
    name?: string;
    /** SKU. Default `Premium`. */
    sku?: RegistrySku;
    /** Retention days. Default 7. */
    retentionDays?: number;
}

/** Log Analytics settings of {@link WorkspaceMonitoringSettings}. */
export interface LogAnalyticsSettings {
    /** Adopt this Log Analytics workspace. Default: create. */
    existingId?: string;
    /** Name of the Log Analytics workspace to create. Required unless adopted; must be unset when adopted. */
    name?: string;
    /** Log retention days of a created workspace. Default 90. */
    retentionInDays?: number;
}

/** Application Insights settings of {@link WorkspaceMonitoringSettings}. */
export interface ApplicationInsightsSettings {
    /** Adopt this Application Insights component. Default: create. */
    existingId?: string;
    /** Name of the component to create. Required unless adopted; must be unset when adopted. */
    name?: string;
}

/** Monitoring settings of {@link WorkspaceArgs}. */
export interface WorkspaceMonitoringSettings {
    /** Log Analytics workspace. Default: create one (needs `name`). */
    logAnalytics: LogAnalyticsSettings;
    /** Application Insights component. Default: create one (needs `name`). */
    applicationInsights: ApplicationInsightsSettings;
    /** A Log Analytics workspace declared elsewhere in the program (shared by a platform's team workspaces); `logAnalytics` then stays empty. Default: none. */
    sharedLogAnalyticsWorkspaceId?: pulumi.Input<string>;
}

/** Identity settings of {@link WorkspaceArgs}. */
export interface WorkspaceIdentitySettings {
    /** `UserAssigned` or `SystemAssigned`. Default `UserAssigned`. */
    type?: IdentityType;
    /** Existing user-assigned identity to adopt. Default: create one. */
    existingId?: string;
    /** Principal ID of `existingId`; required with it. Default: none. */
    existingPrincipalId?: string;
    /** Name of the identity to create. Required for UserAssigned unless adopted; must be unset when adopted. */
    name?: string;
}

/** Cloud-specific DNS suffixes of {@link WorkspaceArgs}, for adopted resources. */
export interface WorkspaceDnsSuffixes {
    /** Key vault URI suffix. Default `vault.azure.net`. */
    keyVault?: string;
    /** Registry login server suffix. Default `azurecr.io`. */
    registry?: string;
}

/** Managed network settings of {@link WorkspaceArgs}. */
export interface WorkspaceManagedNetworkSettings {
    /** Isolation mode. Default `AllowOnlyApprovedOutbound`. */
    isolationMode?: IsolationMode;
    /** Firewall SKU for FQDN rules. Default `Standard`. */
    firewallSku?: FirewallSku;
    /** Provision the managed network at creation. Default false. */
    provisionNetworkNow?: boolean;
    /** Outbound rules by name. Default none. */
    outboundRules?: Record<string, OutboundRuleSpec>;
    /** Private-endpoint outbound rules to storage created or named elsewhere in the program (data lakes, datastore accounts), by rule name. Default none. */
    privateEndpointRules?: { [ruleName: string]: WorkspacePrivateEndpointRule };
}

/** A managed private endpoint from the workspace's managed network to a resource whose ID may be an output. */
export interface WorkspacePrivateEndpointRule {
    /** Target resource ID. */
    serviceResourceId: pulumi.Input<string>;
    /** Sub-resource (private-link group ID), e.g. `blob` or `dfs`. */
    subresourceTarget: string;
}

/** Serverless compute settings of {@link WorkspaceArgs}. */
export interface WorkspaceServerlessComputeSettings {
    /** Subnet of a customer network serverless jobs run in (workspace without managed network). Default: none. */
    customSubnetId?: pulumi.Input<string>;
    /** Serverless nodes get no public IP. Default true. */
    noPublicIp?: boolean;
}

/** Customer-managed key settings of {@link WorkspaceArgs}. */
export interface WorkspaceCmkSettings {
    /** Base name of the key created in the workspace vault (a spec hash is appended), or the name of the existing key in `keyVaultId`. */
    keyName: string;
    /** Type of the created key. Default `RSA`; `RSA-HSM` needs a premium workspace vault. */
    keyType?: CmkKeyType;
    /** RSA key size of the created key. Default 3072. */
    keySize?: number;
    /** ARM ID of an existing key (`.../vaults/<vault>/keys/<key>`), e.g. in a central vault. Default: create the key. */
    existingKeyId?: string;
    /** ARM ID of an existing (central) vault holding the existing key `keyName`. Default: create the key in the workspace vault. */
    keyVaultId?: string;
    /** Service-side encryption of workspace metadata (`enableServiceSideCMKEncryption`). Default false (classic: Cosmos DB in your subscription). */
    serviceSideEncryption?: boolean;
    /** Object ID of the Azure Cosmos DB service principal in this tenant; required for classic CMK. Default: none. */
    cosmosDbPrincipalObjectId?: string;
}

/** Arguments of {@link Workspace}. */
export interface WorkspaceArgs extends PlacementArgs {
    /** `Default` (a standalone workspace) or `Hub` (owns the resources its project workspaces share). Default `Default`. */
    kind?: WorkspaceKind;
    /** Workspace name (3-33). */
    workspaceName: string;
    /** ID of the resource group (scope of the managed network approver grant). Default: built from `subscriptionId` and `resourceGroupName`. */
    resourceGroupId?: pulumi.Input<string>;
    /** Display name in the studio. Default: none. */
    friendlyName?: pulumi.Input<string>;
    /** Description. Default: none. */
    description?: pulumi.Input<string>;
    /** Entra tenant (for the key vault). */
    tenantId: pulumi.Input<string>;
    /** Subscription (for role definition IDs). */
    subscriptionId: pulumi.Input<string>;
    /** Stable strings that identify this deployment (organization, project, stack); seeds role assignment names. */
    uniqueBy: string[];
    /** Public network access of the workspace and every dependency. Default `Disabled`. */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Storage firewall default action. Default `Deny`. */
    firewallDefaultAction?: FirewallDefaultAction;
    /** Public IPs/CIDRs let through the dependencies' firewalls. Default none. */
    allowedIpRanges?: string[];
    /** High business impact workspace (less diagnostic data collected). Default false. */
    hbi?: boolean;
    /** Keep v1 APIs. Default false. */
    v1LegacyMode?: boolean;
    /** Compute cluster that builds images when the registry is private. Default none. */
    imageBuildCompute?: string;
    /** Workspace identity. Default: a new user-assigned identity. */
    identity?: WorkspaceIdentitySettings;
    /** Managed network. Default AllowOnlyApprovedOutbound. */
    managedNetwork?: WorkspaceManagedNetworkSettings;
    /** Serverless compute. Default: managed network, no public IP. */
    serverlessCompute?: WorkspaceServerlessComputeSettings;
    /** Storage account: adopt (`existingId`) or create (`name`). */
    storage: WorkspaceStorageSettings;
    /** Key vault: adopt (`existingId`) or create (`name`). */
    keyVault: WorkspaceKeyVaultSettings;
    /** Container registry; omit for none (Azure ML then creates one lazily, with its own defaults). */
    containerRegistry?: WorkspaceRegistrySettings;
    /** Log Analytics and Application Insights. */
    monitoring: WorkspaceMonitoringSettings;
    /** Customer-managed key; omit for Microsoft-managed keys. Needs a user-assigned identity and purge protection. */
    customerManagedKey?: WorkspaceCmkSettings;
    /** Zone redundancy where the dependency supports it (registry). Default false. */
    zoneRedundant?: boolean;
    /** Deletion guards for stateful resources. Default none. */
    protection?: StatefulProtection;
    /** Cloud-specific DNS suffixes for adopted resources. Default: Azure public cloud. */
    dnsSuffixes?: WorkspaceDnsSuffixes;
}

/**
 * An Azure Machine Learning workspace with its associated resources: storage
 * (default datastore), key vault, container registry, Log Analytics +
 * Application Insights, an identity with exactly the access it needs, optional
 * customer-managed key, and diagnostics for all of it.
 */
export class Workspace extends pulumi.ComponentResource {
    /** Workspace resource ID. */
    readonly id: pulumi.Output<string>;
    /** Workspace name. */
    readonly workspaceName: pulumi.Output<string>;
    /** Discovery URL of the workspace's regional API. */
    readonly discoveryUrl: pulumi.Output<string>;
    /** Immutable internal workspace GUID. */
    readonly workspaceId: pulumi.Output<string>;
    /** Principal ID of the workspace identity. */
    readonly principalId: pulumi.Output<string>;
    /** ID of the workspace's user-assigned identity; undefined for a system-assigned one. */
    readonly userAssignedIdentityId?: pulumi.Output<string>;
    /** Storage account ID. */
    readonly storageAccountId: pulumi.Output<string>;
    /** Key vault ID. */
    readonly keyVaultId: pulumi.Output<string>;
    /** Key vault URI. */
    readonly keyVaultUri: pulumi.Output<string>;
    /** Registry ID, or undefined when none is attached yet. */
    readonly containerRegistryId: pulumi.Output<string | undefined>;
    /** Registry login server, or undefined when none is attached yet. */
    readonly registryLoginServer: pulumi.Output<string | undefined>;
    /** Log Analytics workspace ID. */
    readonly logAnalyticsWorkspaceId: pulumi.Output<string>;
    /** Application Insights ID. */
    readonly applicationInsightsId: pulumi.Output<string>;
    /** Application Insights connection string (secret); undefined when the component is adopted. */
    readonly applicationInsightsConnectionString: pulumi.Output<string | undefined>;
    /** The azure-native workspace resource. */
    readonly workspace: MlWorkspace;

    constructor(name: string, args: WorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:Workspace", name, {}, opts);
        const check = validateWorkspaceArgs(args);
        if (check.problems.length > 0) throw new pulumi.ResourceError(`invalid Workspace args: ${check.problems.join("; ")}`, this);
        const existingKey = check.existingKey;
        const placement: PlacementArgs = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };
        const publicNetworkAccess = args.publicNetworkAccess ?? COMPONENT_DEFAULTS["network.publicNetworkAccess"];
        const identityType = args.identity?.type ?? COMPONENT_DEFAULTS["workspace.identity.type"];
        const cmkSettings = args.customerManagedKey;

        const monitoring = new Monitoring(
            `${name}-monitoring`,
            {
                ...placement,
                logAnalytics: args.monitoring.logAnalytics,
                applicationInsights: args.monitoring.applicationInsights,
                sharedLogAnalyticsWorkspaceId: args.monitoring.sharedLogAnalyticsWorkspaceId,
                publicNetworkAccess,
                protection: args.protection,
            },
            { parent: this },
        );
        const logAnalyticsWorkspaceId = monitoring.logAnalyticsWorkspaceId;
        const storage = new WorkspaceStorage(
            `${name}-storage`,
            {
                ...placement,
                ...args.storage,
                publicNetworkAccess,
                firewallDefaultAction: args.firewallDefaultAction,
                allowedIpRanges: args.allowedIpRanges,
                logAnalyticsWorkspaceId,
                protection: args.protection,
            },
            { parent: this },
        );
        const keyVault = new WorkspaceKeyVault(
            `${name}-keyvault`,
            {
                ...placement,
                ...args.keyVault,
                tenantId: args.tenantId,
                publicNetworkAccess,
                allowedIpRanges: args.allowedIpRanges,
                dnsSuffix: args.dnsSuffixes?.keyVault,
                logAnalyticsWorkspaceId,
                protection: args.protection,
            },
            { parent: this },
        );
        const registry = args.containerRegistry
            ? new WorkspaceRegistry(
                  `${name}-registry`,
                  {
                      ...placement,
                      ...args.containerRegistry,
                      publicNetworkAccess,
                      allowedIpRanges: args.allowedIpRanges,
                      zoneRedundant: args.zoneRedundant,
                      dnsSuffix: args.dnsSuffixes?.registry,
                      logAnalyticsWorkspaceId,
                      protection: args.protection,
                  },
                  { parent: this },
              )
            : undefined;

        // Identity-based access: the workspace identity gets exactly the roles the
        // Azure ML docs list, scoped to each resource (access/workspace-grants.ts).
        const scopes: Partial<Record<AssociatedResource, pulumi.Input<string>>> = {
            storage: storage.id,
            keyVault: keyVault.id,
            containerRegistry: registry?.id,
            applicationInsights: monitoring.applicationInsightsId,
        };
        const grantContext: WorkspaceGrantContext = { name, workspaceName: args.workspaceName, subscriptionId: args.subscriptionId, uniqueBy: args.uniqueBy };

        let userIdentity: WorkspaceIdentity | undefined;
        let grants: pulumi.Resource[] = [];
        if (identityType === "UserAssigned") {
            userIdentity = new WorkspaceIdentity(
                `${name}-identity`,
                {
                    ...placement,
                    existingId: args.identity?.existingId,
                    existingPrincipalId: args.identity?.existingPrincipalId,
                    name: args.identity?.name,
                    protection: args.protection,
                },
                { parent: this },
            );
            grants = grantWorkspaceIdentity(grantContext, { principalId: userIdentity.principalId, key: "uai" }, "UserAssigned", scopes, { parent: this });
        }

        const cmk =
            cmkSettings && userIdentity
                ? new WorkspaceCmkKey(
                      `${name}-cmk`,
                      {
                          ...placement,
                          existingId: existingKey ? keyResourceId(existingKey.vaultId, existingKey.keyName) : undefined,
                          name: existingKey ? undefined : cmkSettings.keyName,
                          keyType: cmkSettings.keyType,
                          keySize: cmkSettings.keySize,
                          vault: existingKey ? undefined : { name: keyVault.vaultName, id: keyVault.id },
                          workspacePrincipalId: userIdentity.principalId,
                          cosmosDbPrincipalObjectId: cmkSettings.serviceSideEncryption ? undefined : cmkSettings.cosmosDbPrincipalObjectId,
                          subscriptionId: args.subscriptionId,
                          uniqueBy: args.uniqueBy,
                          workspaceName: args.workspaceName,
                          protection: args.protection,
                      },
                      { parent: this },
                  )
                : undefined;

        const mn = args.managedNetwork ?? {};
        const isolationMode = mn.isolationMode ?? COMPONENT_DEFAULTS["workspace.managedNetwork.isolationMode"];
        const resourceGroupId = args.resourceGroupId ?? pulumi.interpolate`/subscriptions/${args.subscriptionId}/resourceGroups/${args.resourceGroupName}`;
        // A managed network's private endpoints to storage, vault and registry are approved by the
        // workspace identity: a user-assigned one needs the approver role before the network is provisioned.
        const approver =
            userIdentity && isolationMode !== "Disabled"
                ? [grantWorkspaceRole(grantContext, { principalId: userIdentity.principalId, key: "uai" }, "resourceGroup", resourceGroupId, WORKSPACE_EXTRA_ROLES.managedNetworkApprover, { parent: this })]
                : [];
        this.workspace = new MlWorkspace(
            `${name}-workspace`,
            {
                workspaceName: args.workspaceName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                kind: args.kind ?? "Default",
                sku: { name: "Basic", tier: "Basic" },
                friendlyName: args.friendlyName,
                description: args.description,
                identity: userIdentity
                    ? { type: "UserAssigned", userAssignedIdentities: [userIdentity.id] }
                    : { type: "SystemAssigned" },
                primaryUserAssignedIdentity: userIdentity?.id,
                storageAccount: storage.id,
                keyVault: keyVault.id,
                applicationInsights: monitoring.applicationInsightsId,
                containerRegistry: registry?.id,
                publicNetworkAccess,
                allowPublicAccessWhenBehindVnet: false,
                managedNetwork: {
                    isolationMode,
                    // The firewall only exists to enforce FQDN rules in approved-outbound mode.
                    firewallSku: isolationMode === "AllowOnlyApprovedOutbound" ? (mn.firewallSku ?? COMPONENT_DEFAULTS["workspace.managedNetwork.firewallSku"]) : undefined,
                    outboundRules: { ...toArmOutboundRules(mn.outboundRules ?? {}), ...privateEndpointRulesOf(mn.privateEndpointRules) },
                },
                provisionNetworkNow: isolationMode === "Disabled" ? undefined : (mn.provisionNetworkNow ?? COMPONENT_DEFAULTS["workspace.managedNetwork.provisionNetworkNow"]),
                serverlessComputeSettings: {
                    serverlessComputeCustomSubnet: args.serverlessCompute?.customSubnetId,
                    serverlessComputeNoPublicIP: args.serverlessCompute?.noPublicIp ?? COMPONENT_DEFAULTS["workspace.serverlessCompute.noPublicIp"],
                },
                hbiWorkspace: args.hbi ?? false,
                systemDatastoresAuthMode: "identity",
                imageBuildCompute: args.imageBuildCompute,
                v1LegacyMode: args.v1LegacyMode ?? COMPONENT_DEFAULTS["workspace.v1LegacyMode"],
                encryption:
                    cmk && userIdentity
                        ? {
                              status: "Enabled",
                              identity: { userAssignedIdentity: userIdentity.id },
                              keyVaultProperties: { keyVaultArmId: cmk.keyVaultArmId, keyIdentifier: cmk.keyIdentifier },
                          }
                        : undefined,
                // Classic (false): metadata in a Cosmos DB account in your subscription, which needs the
                // Cosmos DB principal's grant on the key. Service-side (true): metadata on Microsoft-managed
                // resources. See "Customer-managed keys for Azure Machine Learning".
                enableServiceSideCMKEncryption: cmk ? (cmkSettings?.serviceSideEncryption ?? COMPONENT_DEFAULTS["encryption.customerManagedKey.serviceSideEncryption"]) : undefined,
            },
            // Azure validates the identity's (and Cosmos DB's) access while creating the workspace.
            { ...statefulOptions(this, args.protection), dependsOn: [...grants, ...approver, ...(cmk?.grants ?? [])] },
        );

        this.userAssignedIdentityId = userIdentity?.id;
        const workspaceName = args.workspaceName;
        this.principalId = userIdentity
            ? userIdentity.principalId
            : this.workspace.identity.apply((i) => {
                  // A grant to an empty principal would fail far from here; say what is missing.
                  if (!i?.principalId) throw new Error(`workspace ${workspaceName}: Azure returned no principal ID for its system-assigned identity`);
                  return i.principalId;
              });
        if (userIdentity) {
            // Contributor on the workspace itself, which exists only now.
            grantWorkspaceRole(grantContext, { principalId: userIdentity.principalId, key: "uai" }, "workspace", this.workspace.id, WORKSPACE_EXTRA_ROLES.workspace, { parent: this });
        } else {
            // A system-assigned identity exists only once the workspace does.
            grantWorkspaceIdentity(grantContext, { principalId: this.principalId, key: "system" }, "SystemAssigned", scopes, { parent: this, dependsOn: [this.workspace] });
        }
        sendDiagnostics(`${name}-workspace-diag`, this.workspace.id, logAnalyticsWorkspaceId, DIAGNOSTICS.workspace, { parent: this });

        this.id = this.workspace.id;
        this.workspaceName = this.workspace.name;
        this.discoveryUrl = this.workspace.discoveryUrl.apply((url) => {
            // Every created workspace has one; an empty URL would send clients nowhere.
            if (!url) throw new Error(`workspace ${workspaceName}: Azure returned no discoveryUrl`);
            return url;
        });
        this.workspaceId = this.workspace.workspaceId;
        this.storageAccountId = storage.id;
        this.keyVaultId = keyVault.id;
        this.keyVaultUri = keyVault.vaultUri;
        this.containerRegistryId = registry ? registry.id : pulumi.output(undefined);
        this.registryLoginServer = registry ? registry.loginServer : pulumi.output(undefined);
        this.logAnalyticsWorkspaceId = logAnalyticsWorkspaceId;
        this.applicationInsightsId = monitoring.applicationInsightsId;
        this.applicationInsightsConnectionString = monitoring.connectionString;
        this.registerOutputs({
            id: this.id,
            workspaceName: this.workspaceName,
            discoveryUrl: this.discoveryUrl,
            principalId: this.principalId,
            registryLoginServer: this.registryLoginServer,
            applicationInsightsConnectionString: this.applicationInsightsConnectionString,
        });
    }
}
