import * as pulumi from "@pulumi/pulumi";
import type { StorageAccount } from "@pulumi/azure-native/storage";
import type { PlacementArgs } from "../placement";
import { createHardenedAccount, sendAccountDiagnostics, type HardenedStorageSettingsArgs } from "./storage-hardening";
import { bringYourOwn } from "../bring-your-own-check";
import { COMPONENT_DEFAULTS } from "../defaults";
import { parseResourceId } from "../resource-ids";

/** Arguments of {@link WorkspaceStorage}. */
export interface WorkspaceStorageArgs extends PlacementArgs, HardenedStorageSettingsArgs {
    /** ID of an existing account to adopt; when set nothing is created. Default: create one. */
    existingId?: string;
    /** Name of the account to create (3-24 lowercase letters and digits). Required unless `existingId` is set; must be unset with it. */
    name?: string;
    /**
     * Hierarchical namespace (Data Lake Storage Gen2). Default false, and must stay false: "Neither premium
     * storage nor hierarchical namespaces are supported with the default storage account of the workspace"
     * ("What is an Azure Machine Learning workspace?", https://learn.microsoft.com/azure/machine-learning/concept-workspace).
     */
    hierarchicalNamespace?: boolean;
}

/**
 * The workspace's default datastore: a hardened StorageV2 account (HTTPS and
 * TLS 1.2 only, no public blobs, no shared keys, no cross-tenant replication,
 * infrastructure encryption) with blob, container and file-share soft delete;
 * or an existing account adopted by ID.
 */
export class WorkspaceStorage extends pulumi.ComponentResource {
    /** Account resource ID. */
    readonly id: pulumi.Output<string>;
    /** Account name. */
    readonly accountName: pulumi.Output<string>;
    /** The created account; undefined when adopted. */
    readonly account?: StorageAccount;

    constructor(name: string, args: WorkspaceStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:WorkspaceStorage", name, {}, opts);
        const choice = bringYourOwn("", args, this);
        if (choice.adopt) {
            this.id = pulumi.output(choice.existingId);
            this.accountName = pulumi.output(parseResourceId(choice.existingId).name);
        } else {
            if (args.hierarchicalNamespace) {
                throw new pulumi.ResourceError("hierarchicalNamespace is not supported on a workspace's default storage account; use a separate account as a datastore", this);
            }
            const created = createHardenedAccount(
                name,
                {
                    name: choice.name,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    sku: args.sku ?? COMPONENT_DEFAULTS["storage.sku"],
                    softDeleteRetentionDays: args.softDeleteRetentionDays ?? COMPONENT_DEFAULTS["storage.softDeleteRetentionDays"],
                    hierarchicalNamespace: false,
                    publicNetworkAccess: args.publicNetworkAccess,
                    firewallDefaultAction: args.firewallDefaultAction,
                    allowedIpRanges: args.allowedIpRanges,
                    protection: args.protection,
                },
                this,
            );
            const account = created.account;
            if (args.logAnalyticsWorkspaceId) sendAccountDiagnostics(name, created, args.logAnalyticsWorkspaceId, this);
            this.account = account;
            this.id = account.id;
            this.accountName = account.name;
        }
        this.registerOutputs({ id: this.id, accountName: this.accountName });
    }
}
