/**
 * The hardened storage account of the platform, in one place: the workspace's default storage and
 * a team's data lake (components/data/data-lake.ts) are created by this function, so both carry the
 * same controls (CONTROLS.md, StorageAccount): HTTPS and TLS 1.2 only, no public blobs, no shared
 * keys, no cross-tenant replication, network default deny with trusted Azure services, public
 * access per stack, infrastructure encryption, blob, container and file-share soft delete, and
 * diagnostics to the stack's Log Analytics. The only difference a caller may ask for is the
 * hierarchical namespace (Data Lake Storage Gen2), which the default storage refuses.
 */
import * as pulumi from "@pulumi/pulumi";
import { BlobServiceProperties, FileServiceProperties, StorageAccount } from "@pulumi/azure-native/storage";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { FirewallDefaultAction, PublicNetworkAccess } from "../enums";

/**
 * The settings a hardened account's owner chooses, shared by the default storage
 * (`WorkspaceStorageArgs`) and a team's lake (`DataLakeArgs`).
 */
export interface HardenedStorageSettingsArgs {
    /** Replication SKU. Default `Standard_ZRS` (the platform picks `Standard_GRS` where the region has no zones). */
    sku?: pulumi.Input<string>;
    /** Days deleted blobs, containers and file shares are kept. Default 14. */
    softDeleteRetentionDays?: pulumi.Input<number>;
    /** Accept traffic from public networks. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<PublicNetworkAccess>;
    /** Firewall default action. Default `Deny` (trusted Azure services bypass it). */
    firewallDefaultAction?: pulumi.Input<FirewallDefaultAction>;
    /** Public IPs/CIDRs let through the firewall. Default none. */
    allowedIpRanges?: pulumi.Input<pulumi.Input<string>[]>;
    /** Log Analytics workspace for diagnostics. Default: no diagnostic settings (a lake's are sent later, see `DataLake.sendDiagnostics`). */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Deletion guards. Default none. */
    protection?: StatefulProtection;
}

/** What {@link createHardenedAccount} needs. */
export interface HardenedAccountArgs extends PlacementArgs {
    /** Account name (3-24 lowercase letters and digits). */
    name: string;
    /** Replication SKU. */
    sku: pulumi.Input<string>;
    /** Days deleted blobs, containers and file shares are kept. */
    softDeleteRetentionDays: pulumi.Input<number>;
    /** Hierarchical namespace (Data Lake Storage Gen2). */
    hierarchicalNamespace: boolean;
    /** Accept traffic from public networks. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<PublicNetworkAccess>;
    /** Firewall default action. Default `Deny` (trusted Azure services bypass it). */
    firewallDefaultAction?: pulumi.Input<FirewallDefaultAction>;
    /** Public IPs/CIDRs let through the firewall. Default none. */
    allowedIpRanges?: pulumi.Input<pulumi.Input<string>[]>;
    /** Deletion guards. Default none. */
    protection?: StatefulProtection;
}

/** The resources of a hardened account. */
export interface HardenedAccount {
    account: StorageAccount;
    blob: BlobServiceProperties;
    file: FileServiceProperties;
}

/** Creates the account and its service properties under `parent` as `${name}-account`, `-blob`, `-file`. */
export function createHardenedAccount(name: string, args: HardenedAccountArgs, parent: pulumi.Resource): HardenedAccount {
    const account = new StorageAccount(
        `${name}-account`,
        {
            accountName: args.name,
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            kind: "StorageV2",
            sku: { name: args.sku },
            accessTier: "Hot",
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            // Identity-based datastores (systemDatastoresAuthMode: identity, credentials None) need no keys.
            allowSharedKeyAccess: false,
            defaultToOAuthAuthentication: true,
            allowCrossTenantReplication: false,
            isHnsEnabled: args.hierarchicalNamespace,
            publicNetworkAccess: args.publicNetworkAccess ?? COMPONENT_DEFAULTS["network.publicNetworkAccess"],
            networkRuleSet: {
                defaultAction: args.firewallDefaultAction ?? COMPONENT_DEFAULTS["network.firewallDefaultAction"],
                bypass: "AzureServices",
                ipRules: pulumi.output(args.allowedIpRanges ?? []).apply((ranges) => ranges.map((value) => ({ iPAddressOrRange: value, action: "Allow" as const }))),
            },
            encryption: {
                keySource: "Microsoft.Storage",
                requireInfrastructureEncryption: true,
                services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
            },
        },
        statefulOptions(parent, args.protection),
    );
    const retention = { enabled: true, days: args.softDeleteRetentionDays };
    const blob = new BlobServiceProperties(
        `${name}-blob`,
        {
            accountName: account.name,
            resourceGroupName: args.resourceGroupName,
            blobServicesName: "default",
            deleteRetentionPolicy: retention,
            containerDeleteRetentionPolicy: retention,
        },
        { parent },
    );
    const file = new FileServiceProperties(
        `${name}-file`,
        {
            accountName: account.name,
            resourceGroupName: args.resourceGroupName,
            fileServicesName: "default",
            shareDeleteRetentionPolicy: retention,
        },
        { parent },
    );
    return { account, blob, file };
}

/** Diagnostics of a hardened account (account metrics, blob and file logs) to Log Analytics, under `parent`. */
export function sendAccountDiagnostics(name: string, created: HardenedAccount, logAnalyticsWorkspaceId: pulumi.Input<string>, parent: pulumi.Resource): void {
    sendDiagnostics(`${name}-account-diag`, created.account.id, logAnalyticsWorkspaceId, DIAGNOSTICS.storageAccount, { parent });
    sendDiagnostics(`${name}-blob-diag`, created.blob.id, logAnalyticsWorkspaceId, DIAGNOSTICS.storageService, { parent });
    sendDiagnostics(`${name}-file-diag`, created.file.id, logAnalyticsWorkspaceId, DIAGNOSTICS.storageService, { parent });
}
