import * as pulumi from "@pulumi/pulumi";
import { Workspace as MlWorkspace } from "@pulumi/azure-native/machinelearningservices";
import { grantRole } from "../access/grant";
import { WORKSPACE_EXTRA_ROLES, WORKSPACE_IDENTITY_ROLES, rolesToGrant, type AssociatedResource, type BuiltinRole } from "../access/roles";
import { Monitoring } from "../monitoring/monitoring";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { WorkspaceCmkKey } from "./cmk-key";
import { parseExistingKey, type CmkKeyType } from "./cmk-spec";
import { WorkspaceRegistry } from "./container-registry";
import { WorkspaceIdentity } from "./identity";
import { WorkspaceKeyVault } from "./key-vault";
import { toArmOutboundRules, type OutboundRuleSpec } from "./outbound-rules";
import { WorkspaceStorage } from "./storage";

/** Storage settings of {@link WorkspaceArgs}. */
export interface WorkspaceStorageSettings {
    /** Adopt this account instead of creating one. Default: create. */
    existingId?: string;
    /** Name of the account to create. Required unless adopted. */
    accountName?: string;
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
    /** Name of the vault to create. Required unless adopted. */
    vaultName?: string;
    /** Vault SKU. Default `standard`. */
    sku?: "standard" | "premium";
    /** Soft delete retention days. Default 90. */
    softDeleteRetentionDays?: number;
    /** Purge protection. Default true (off omits the property: ARM refuses `false`). */
    purgeProtection?: boolean;
}

/** Container registry settings of {@link WorkspaceArgs}. */
export interface WorkspaceRegistrySettings {
    /** Adopt this registry instead of creating one. */
    existingId?: string;
    /** Name of the registry to create. Required unless adopted. */
    registryName?: string;
    /** SKU. Default `Premium`. */
    sku?: "Basic" | "Standard" | "Premium";
    /** Retention days. Default 7. */
    retentionDays?: number;
}

/** Monitoring settings of {@link WorkspaceArgs}. */
export interface WorkspaceMonitoringSettings {
    /** Adopt this Log Analytics workspace. Default: create. */
    logAnalyticsExistingId?: string;
    /** Name of the Log Analytics workspace to create. */
    logAnalyticsName?: string;
    /** Log retention days. Default 90. */
    retentionInDays?: number;
    /** Adopt this Application Insights component. Default: create. */
    applicationInsightsExistingId?: string;
    /** Name of the Application Insights component to create. */
    applicationInsightsName?: string;
}

/** Identity settings of {@link WorkspaceArgs}. */
export interface WorkspaceIdentitySettings {
    /** `UserAssigned` (default) or `SystemAssigned`. */
    type?: "UserAssigned" | "SystemAssigned";
    /** Existing user-assigned identity. Default: create one. */
    existingId?: string;
    /** Principal ID of `existingId`. */
    existingPrincipalId?: string;
    /** Name of the identity to create. Required for UserAssigned unless adopted. */
    identityName?: string;
}

/** Managed network settings of {@link WorkspaceArgs}. */
export interface WorkspaceManagedNetworkSettings {
    /** Isolation mode. Default `AllowOnlyApprovedOutbound`. */
    isolationMode?: "AllowOnlyApprovedOutbound" | "AllowInternetOutbound" | "Disabled";
    /** Firewall SKU for FQDN rules. Default `Standard`. */
    firewallSku?: "Basic" | "Standard";
    /** Provision the managed network at creation. Default false. */
    provisionNetworkNow?: boolean;
    /** Outbound rules by name. Default none. */
    outboundRules?: Record<string, OutboundRuleSpec>;
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
    uniqueBy: readonly string[];
    /** Public network access of the workspace and every dependency. Default `Disabled`. */
    publicNetworkAccess?: "Enabled" | "Disabled";
    /** Storage firewall default action. Default `Deny`. */
    firewallDefaultAction?: "Allow" | "Deny";
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
    /** Storage account. */
    storage: WorkspaceStorageSettings;
    /** Key vault. */
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
    dnsSuffixes?: {
        /** Key vault suffix. */
        keyVault: string;
        /** Registry suffix. */
        registry: string;
    };
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
    /** Application Insights connection string (secret). */
    readonly applicationInsightsConnectionString: pulumi.Output<string>;
    /** The storage child. */
    readonly storage: WorkspaceStorage;
    /** The key vault child. */
    readonly keyVault: WorkspaceKeyVault;
    /** The registry child, when one is created or adopted. */
    readonly registry?: WorkspaceRegistry;
    /** The azure-native workspace resource. */
    readonly workspace: MlWorkspace;

    constructor(name: string, args: WorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:Workspace", name, {}, opts);
        const placement: PlacementArgs = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };
        const publicNetworkAccess = args.publicNetworkAccess ?? "Disabled";
        const identityType = args.identity?.type ?? "UserAssigned";
        if (args.customerManagedKey && identityType !== "UserAssigned") {
            throw new pulumi.ResourceError("customerManagedKey needs identity.type UserAssigned: the key must be readable before the workspace exists", this);
        }
        const cmkSettings = args.customerManagedKey;
        const existingKey = cmkSettings && (cmkSettings.existingKeyId !== undefined || cmkSettings.keyVaultId !== undefined)
            ? parseExistingKey({ keyId: cmkSettings.existingKeyId, vaultId: cmkSettings.keyVaultId, keyName: cmkSettings.keyName })
            : undefined;
        if (cmkSettings && (cmkSettings.existingKeyId !== undefined || cmkSettings.keyVaultId !== undefined) && !existingKey) {
            throw new pulumi.ResourceError("customerManagedKey.existingKeyId must be a key's ARM ID, or keyVaultId a vault's ARM ID", this);
        }
        if (cmkSettings && !existingKey && args.keyVault.existingId) {
            throw new pulumi.ResourceError("customerManagedKey creates its key in the workspace vault, which is adopted (keyVault.existingId); give existingKeyId or keyVaultId instead", this);
        }
        if (cmkSettings && !existingKey && args.keyVault.purgeProtection === false) {
            throw new pulumi.ResourceError("customerManagedKey requires keyVault.purgeProtection", this);
        }
        if (cmkSettings && !existingKey && cmkSettings.keyType === "RSA-HSM" && args.keyVault.sku !== "premium") {
            throw new pulumi.ResourceError("customerManagedKey.keyType RSA-HSM needs keyVault.sku premium (a standard vault has no HSM-protected keys)", this);
        }
        if (cmkSettings && !cmkSettings.serviceSideEncryption && !cmkSettings.cosmosDbPrincipalObjectId) {
            throw new pulumi.ResourceError("customerManagedKey without serviceSideEncryption needs cosmosDbPrincipalObjectId: the Cosmos DB account of a classic CMK workspace uses the key as that principal", this);
        }

        const monitoring = new Monitoring(
            `${name}-monitoring`,
            { ...placement, ...args.monitoring, publicNetworkAccess, protection: args.protection },
            { parent: this },
        );
        const logAnalyticsWorkspaceId = monitoring.logAnalyticsWorkspaceId;
        this.storage = new WorkspaceStorage(
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
        this.keyVault = new WorkspaceKeyVault(
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
        if (args.containerRegistry) {
            this.registry = new WorkspaceRegistry(
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
            );
        }

        // Identity-based access: the workspace identity gets exactly the roles the
        // Azure ML docs list, scoped to each resource.
        const scopes: Partial<Record<AssociatedResource, pulumi.Input<string>>> = {
            storage: this.storage.id,
            keyVault: this.keyVault.id,
            containerRegistry: this.registry?.id,
            applicationInsights: monitoring.applicationInsightsId,
        };
        const grantOne = (principalId: pulumi.Input<string>, principalKey: string, target: string, scope: pulumi.Input<string>, role: BuiltinRole, opts: pulumi.CustomResourceOptions): pulumi.Resource =>
            grantRole(
                `${name}-${principalKey}-${target}-${role}`,
                {
                    scope,
                    role,
                    principalId,
                    principalType: "ServicePrincipal",
                    subscriptionId: args.subscriptionId,
                    identity: [...args.uniqueBy, name, principalKey, target],
                    description: `Azure ML workspace ${args.workspaceName} (${principalKey} identity) uses ${target}`,
                },
                opts,
            );
        // A system-assigned identity gets only what the service does not grant it itself
        // (re-granting those fails with RoleAssignmentExists): see SERVICE_GRANTED_ROLES.
        const grantAll = (principalId: pulumi.Input<string>, principalKey: string, identityType: "UserAssigned" | "SystemAssigned", dependsOn?: pulumi.Resource[]): pulumi.Resource[] =>
            (Object.keys(WORKSPACE_IDENTITY_ROLES) as AssociatedResource[]).flatMap((resource) => {
                const scope = scopes[resource];
                if (scope === undefined) return [];
                return rolesToGrant(resource, identityType).map((role) => grantOne(principalId, principalKey, resource, scope, role, { parent: this, dependsOn }));
            });

        let userIdentity: WorkspaceIdentity | undefined;
        let grants: pulumi.Resource[] = [];
        if (identityType === "UserAssigned") {
            userIdentity = new WorkspaceIdentity(
                `${name}-identity`,
                {
                    ...placement,
                    existingId: args.identity?.existingId,
                    existingPrincipalId: args.identity?.existingPrincipalId,
                    identityName: args.identity?.identityName,
                    protection: args.protection,
                },
                { parent: this },
            );
            grants = grantAll(userIdentity.principalId, "uai", "UserAssigned");
        }

        const cmk =
            cmkSettings && userIdentity
                ? new WorkspaceCmkKey(
                      `${name}-cmk`,
                      {
                          ...placement,
                          keyName: cmkSettings.keyName,
                          keyType: cmkSettings.keyType,
                          keySize: cmkSettings.keySize,
                          vault: existingKey ? undefined : { name: this.keyVault.vaultName, id: this.keyVault.id },
                          existing: existingKey,
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
        const isolationMode = mn.isolationMode ?? "AllowOnlyApprovedOutbound";
        const resourceGroupId = args.resourceGroupId ?? pulumi.interpolate`/subscriptions/${args.subscriptionId}/resourceGroups/${args.resourceGroupName}`;
        // A managed network's private endpoints to storage, vault and registry are approved by the
        // workspace identity: a user-assigned one needs the approver role before the network is provisioned.
        const approver =
            userIdentity && isolationMode !== "Disabled"
                ? [grantOne(userIdentity.principalId, "uai", "resourceGroup", resourceGroupId, WORKSPACE_EXTRA_ROLES.managedNetworkApprover, { parent: this })]
                : [];
        this.workspace = new MlWorkspace(
            `${name}-workspace`,
            {
                workspaceName: args.workspaceName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                kind: "Default",
                sku: { name: "Basic", tier: "Basic" },
                friendlyName: args.friendlyName,
                description: args.description,
                identity: userIdentity
                    ? { type: "UserAssigned", userAssignedIdentities: [userIdentity.id] }
                    : { type: "SystemAssigned" },
                primaryUserAssignedIdentity: userIdentity?.id,
                storageAccount: this.storage.id,
                keyVault: this.keyVault.id,
                applicationInsights: monitoring.applicationInsightsId,
                containerRegistry: this.registry?.id,
                publicNetworkAccess,
                allowPublicAccessWhenBehindVnet: false,
                managedNetwork: {
                    isolationMode,
                    // The firewall only exists to enforce FQDN rules in approved-outbound mode.
                    firewallSku: isolationMode === "AllowOnlyApprovedOutbound" ? (mn.firewallSku ?? "Standard") : undefined,
                    outboundRules: toArmOutboundRules(mn.outboundRules ?? {}),
                },
                provisionNetworkNow: isolationMode === "Disabled" ? undefined : (mn.provisionNetworkNow ?? false),
                serverlessComputeSettings: {
                    serverlessComputeCustomSubnet: args.serverlessCompute?.customSubnetId,
                    serverlessComputeNoPublicIP: args.serverlessCompute?.noPublicIp ?? true,
                },
                hbiWorkspace: args.hbi ?? false,
                systemDatastoresAuthMode: "identity",
                imageBuildCompute: args.imageBuildCompute,
                v1LegacyMode: args.v1LegacyMode ?? false,
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
                enableServiceSideCMKEncryption: cmk ? (cmkSettings?.serviceSideEncryption ?? false) : undefined,
            },
            // Azure validates the identity's (and Cosmos DB's) access while creating the workspace.
            { ...statefulOptions(this, args.protection), dependsOn: [...grants, ...approver, ...(cmk?.grants ?? [])] },
        );

        this.userAssignedIdentityId = userIdentity?.id;
        this.principalId = userIdentity
            ? userIdentity.principalId
            : this.workspace.identity.apply((i) => i?.principalId ?? "");
        if (userIdentity) {
            // Contributor on the workspace itself, which exists only now.
            grantOne(userIdentity.principalId, "uai", "workspace", this.workspace.id, WORKSPACE_EXTRA_ROLES.workspace, { parent: this });
        } else {
            // A system-assigned identity exists only once the workspace does.
            grantAll(this.principalId, "system", "SystemAssigned", [this.workspace]);
        }
        sendDiagnostics(`${name}-workspace-diag`, this.workspace.id, logAnalyticsWorkspaceId, DIAGNOSTICS.workspace, { parent: this });

        this.id = this.workspace.id;
        this.workspaceName = this.workspace.name;
        this.discoveryUrl = this.workspace.discoveryUrl.apply((u) => u ?? "");
        this.workspaceId = this.workspace.workspaceId;
        this.storageAccountId = this.storage.id;
        this.keyVaultId = this.keyVault.id;
        this.keyVaultUri = this.keyVault.vaultUri;
        this.containerRegistryId = this.registry ? this.registry.id : pulumi.output(undefined);
        this.registryLoginServer = this.registry ? this.registry.loginServer : pulumi.output(undefined);
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
