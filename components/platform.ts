import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput, ManagementLockByScope } from "@pulumi/azure-native/authorization";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import type { PlatformConfig } from "../stacks/config-types";
import { CLOUDS } from "./clouds";
import { platformNames, type PlatformNames } from "./platform-names";
import { parseResourceId } from "./resource-ids";
import { decideRegistry } from "./workspace/registry-mode";
import { Workspace } from "./workspace/workspace";

/** Arguments of {@link MlPlatform}. */
export interface MlPlatformArgs {
    /** The validated platform configuration (from `stacks/config.ts`). */
    config: PlatformConfig;
    /** Pulumi organization, project and stack: the stable identity that seeds global name suffixes. */
    deployment: {
        /** Pulumi organization (empty for the local backend). */
        organization: string;
        /** Pulumi project. */
        project: string;
        /** Pulumi stack. */
        stack: string;
    };
}

/**
 * The whole platform of one stack, composed from one validated config: the
 * resource group, the workspace with its associated resources, and the
 * deletion lock.
 */
export class MlPlatform extends pulumi.ComponentResource {
    /** Resource group name. */
    readonly resourceGroupName: pulumi.Output<string>;
    /** The workspace component. */
    readonly workspace: Workspace;
    /** Every name the platform uses. */
    readonly names: PlatformNames;

    constructor(name: string, args: MlPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:MlPlatform", name, {}, opts);
        const c = args.config;
        const cloud = CLOUDS[c.cloud];
        const uniqueBy = [args.deployment.organization, args.deployment.project, args.deployment.stack, c.location];
        this.names = platformNames({
            prefix: c.namePrefix,
            uniqueBy,
            given: {
                resourceGroup: c.resourceGroup.existingId ? parseResourceId(c.resourceGroup.existingId).name : c.resourceGroup.name,
                workspace: c.workspace.name,
                storageAccount: c.storage.name,
                keyVault: c.keyVault.name,
                containerRegistry: c.containerRegistry.name,
                logAnalytics: c.monitoring.logAnalytics.name,
                applicationInsights: c.monitoring.applicationInsights.name,
            },
        });
        const client = getClientConfigOutput({ parent: this });

        let resourceGroupId: pulumi.Output<string>;
        if (c.resourceGroup.existingId) {
            this.resourceGroupName = pulumi.output(this.names.resourceGroup);
            resourceGroupId = pulumi.output(c.resourceGroup.existingId);
        } else {
            const group = new ResourceGroup(
                `${name}-rg`,
                { resourceGroupName: this.names.resourceGroup, location: c.location, tags: c.tags },
                { parent: this },
            );
            this.resourceGroupName = group.name;
            resourceGroupId = group.id;
        }

        const registry = decideRegistry({ mode: c.containerRegistry.mode, imageBuildCompute: c.workspace.imageBuildCompute });
        this.workspace = new Workspace(
            `${name}-ml`,
            {
                resourceGroupName: this.resourceGroupName,
                location: c.location,
                tags: c.tags,
                workspaceName: this.names.workspace,
                friendlyName: c.workspace.friendlyName,
                description: c.workspace.description,
                tenantId: client.tenantId,
                subscriptionId: client.subscriptionId,
                uniqueBy,
                publicNetworkAccess: c.network.publicNetworkAccess,
                firewallDefaultAction: c.network.firewallDefaultAction,
                allowedIpRanges: c.network.allowedIpRanges,
                hbi: c.dataClassification === "confidential",
                v1LegacyMode: c.workspace.v1LegacyMode,
                imageBuildCompute: c.workspace.imageBuildCompute,
                identity: {
                    type: c.workspace.identity.type,
                    existingId: c.workspace.identity.existingId,
                    existingPrincipalId: c.workspace.identity.existingPrincipalId,
                    identityName: this.names.identity,
                },
                managedNetwork: c.workspace.managedNetwork,
                storage: { existingId: c.storage.existingId, accountName: this.names.storageAccount, sku: c.storage.sku, softDeleteRetentionDays: c.storage.softDeleteRetentionDays },
                keyVault: {
                    existingId: c.keyVault.existingId,
                    vaultName: this.names.keyVault,
                    sku: c.keyVault.sku,
                    softDeleteRetentionDays: c.keyVault.softDeleteRetentionDays,
                    purgeProtection: c.keyVault.purgeProtection,
                },
                containerRegistry:
                    registry === "none"
                        ? undefined
                        : {
                              existingId: registry === "adopt" ? c.containerRegistry.existingId : undefined,
                              registryName: this.names.containerRegistry,
                              sku: c.containerRegistry.sku,
                              retentionDays: c.containerRegistry.retentionDays,
                          },
                monitoring: {
                    logAnalyticsExistingId: c.monitoring.logAnalytics.existingId,
                    logAnalyticsName: this.names.logAnalytics,
                    retentionInDays: c.monitoring.logAnalytics.retentionInDays,
                    applicationInsightsExistingId: c.monitoring.applicationInsights.existingId,
                    applicationInsightsName: this.names.applicationInsights,
                },
                customerManagedKey: c.encryption.customerManagedKey.enabled
                    ? { keyName: c.encryption.customerManagedKey.keyName, keySize: c.encryption.customerManagedKey.keySize }
                    : undefined,
                zoneRedundant: c.production,
                protection: { protect: c.protection.protect, retainOnDelete: c.protection.retainOnDelete },
                dnsSuffixes: { keyVault: cloud.keyVaultSuffix, registry: cloud.registrySuffix },
            },
            { parent: this },
        );

        if (c.protection.deleteLock) {
            // On an adopted group the lock goes on the workspace: the group is not ours to lock.
            new ManagementLockByScope(
                `${name}-lock`,
                {
                    lockName: "do-not-delete",
                    scope: c.resourceGroup.existingId ? this.workspace.id : resourceGroupId,
                    level: "CanNotDelete",
                    notes: "Azure ML platform: remove this lock deliberately before deleting.",
                },
                { parent: this },
            );
        }
        this.registerOutputs({ resourceGroupName: this.resourceGroupName, workspaceName: this.workspace.workspaceName });
    }
}
