import * as pulumi from "@pulumi/pulumi";
import { BlobContainer } from "@pulumi/azure-native/storage";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { PlacementArgs } from "../placement";
import { createHardenedAccount, sendAccountDiagnostics, type HardenedAccount, type HardenedStorageSettingsArgs } from "../workspace/storage-hardening";
import { containerNameProblem } from "./data-settings";

/** Arguments of {@link DataLake}. */
export interface DataLakeArgs extends PlacementArgs, HardenedStorageSettingsArgs {
    /** Account name (3-24 lowercase letters and digits; global). Required. */
    accountName: string;
    /** Filesystems (containers) to create. Default none. */
    filesystems?: string[];
}

/**
 * A team's data lake: a Data Lake Storage Gen2 account (hierarchical namespace) hardened exactly
 * like the workspace's default storage (storage-hardening.ts: no shared keys, so only identity-based
 * datastores reach it), with its filesystems. The hierarchical namespace is refused only on a
 * workspace's default storage ("What is an Azure Machine Learning workspace?"); a datastore account
 * may have it.
 */
export class DataLake extends pulumi.ComponentResource {
    /** Account resource ID. */
    readonly id: pulumi.Output<string>;
    /** Account name. */
    readonly accountName: pulumi.Output<string>;
    /** Filesystem names. */
    readonly filesystems: string[];
    private readonly created: HardenedAccount;
    private readonly componentName: string;

    constructor(name: string, args: DataLakeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:DataLake", name, {}, opts);
        const filesystems = args.filesystems ?? [];
        const bad = filesystems.map(containerNameProblem).filter((p): p is string => p !== undefined);
        if (bad.length > 0) throw new pulumi.ResourceError(`DataLake ${args.accountName}: filesystems: ${bad.join("; ")}`, this);
        this.componentName = name;
        this.created = createHardenedAccount(
            name,
            {
                name: args.accountName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                sku: args.sku ?? COMPONENT_DEFAULTS["data.lakes.*.sku"],
                softDeleteRetentionDays: args.softDeleteRetentionDays ?? COMPONENT_DEFAULTS["data.lakes.*.softDeleteRetentionDays"],
                hierarchicalNamespace: true,
                publicNetworkAccess: args.publicNetworkAccess,
                firewallDefaultAction: args.firewallDefaultAction,
                allowedIpRanges: args.allowedIpRanges,
                protection: args.protection,
            },
            this,
        );
        for (const fs of filesystems) {
            new BlobContainer(
                `${name}-fs-${fs}`,
                { resourceGroupName: args.resourceGroupName, accountName: this.created.account.name, containerName: fs, publicAccess: "None" },
                // The blob service's soft delete is in place before data lands.
                { parent: this, dependsOn: [this.created.blob] },
            );
        }
        if (args.logAnalyticsWorkspaceId) this.sendDiagnostics(args.logAnalyticsWorkspaceId);
        this.id = this.created.account.id;
        this.accountName = this.created.account.name;
        this.filesystems = filesystems;
        this.registerOutputs({ id: this.id, accountName: this.accountName });
    }

    /**
     * Diagnostics of the account and its services to Log Analytics. For a platform whose Log
     * Analytics comes with its workspace: the lake must exist before that workspace (its managed
     * network's private endpoint targets the lake), so the diagnostics follow the workspace.
     */
    sendDiagnostics(logAnalyticsWorkspaceId: pulumi.Input<string>): void {
        sendAccountDiagnostics(this.componentName, this.created, logAnalyticsWorkspaceId, this);
    }
}
