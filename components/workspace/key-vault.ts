import * as pulumi from "@pulumi/pulumi";
import { Vault } from "@pulumi/azure-native/keyvault";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { firewallIpRules } from "../network/ip-rules";
import { parseResourceId } from "../resource-ids";

/** Arguments of {@link WorkspaceKeyVault}. */
export interface WorkspaceKeyVaultArgs extends PlacementArgs {
    /** ID of an existing vault to adopt; when set nothing is created. Default: create one. */
    existingId?: string;
    /** Vault name (3-24 letters, digits, hyphens). Required unless `existingId` is set. */
    vaultName?: string;
    /** Entra tenant of the vault. */
    tenantId: pulumi.Input<string>;
    /** `standard` or `premium` (HSM-backed keys). Default `standard`. */
    sku?: pulumi.Input<"standard" | "premium">;
    /** DNS suffix of vault URIs in this cloud, for adopted vaults. Default `vault.azure.net`. */
    dnsSuffix?: string;
    /** Days a deleted vault or object is recoverable (7-90). Default 90. */
    softDeleteRetentionDays?: pulumi.Input<number>;
    /**
     * Purge protection; irreversible once on. Default true. `false` is never sent: ARM refuses
     * `enablePurgeProtection: false` ("The property enablePurgeProtection cannot be set to false",
     * https://github.com/Azure/azure-rest-api-specs/issues/18106), so off means the property is omitted.
     */
    purgeProtection?: boolean;
    /** Accept traffic from public networks. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<string>;
    /** Public IPs/CIDRs let through the firewall. Default none. */
    allowedIpRanges?: pulumi.Input<pulumi.Input<string>[]>;
    /** Log Analytics workspace for audit logs. Default: no diagnostic settings. */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Deletion guards. Default none. */
    protection?: StatefulProtection;
}

/**
 * The workspace's secret store: RBAC authorization (no access policies),
 * purge protection, 90-day soft delete, a default-deny firewall that trusted
 * Azure services (the workspace) bypass, and audit logs; or an existing vault.
 */
export class WorkspaceKeyVault extends pulumi.ComponentResource {
    /** Vault resource ID. */
    readonly id: pulumi.Output<string>;
    /** Vault name. */
    readonly vaultName: pulumi.Output<string>;
    /** Vault URI (data plane). */
    readonly vaultUri: pulumi.Output<string>;
    /** The created vault; undefined when adopted. */
    readonly vault?: Vault;

    constructor(name: string, args: WorkspaceKeyVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:WorkspaceKeyVault", name, {}, opts);
        if (args.existingId) {
            const parsed = parseResourceId(args.existingId);
            this.id = pulumi.output(args.existingId);
            this.vaultName = pulumi.output(parsed.name);
            this.vaultUri = pulumi.output(`https://${parsed.name}.${args.dnsSuffix ?? "vault.azure.net"}/`);
        } else {
            if (!args.vaultName) throw new pulumi.ResourceError("vaultName is required when existingId is not set", this);
            const vault = new Vault(
                `${name}-vault`,
                {
                    vaultName: args.vaultName,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    properties: {
                        tenantId: args.tenantId,
                        sku: { family: "A", name: args.sku ?? "standard" },
                        enableRbacAuthorization: true,
                        enableSoftDelete: true,
                        softDeleteRetentionInDays: args.softDeleteRetentionDays ?? 90,
                        // Omitted rather than false: ARM rejects false (see purgeProtection).
                        ...((args.purgeProtection ?? true) ? { enablePurgeProtection: true } : {}),
                        enabledForDeployment: false,
                        enabledForDiskEncryption: false,
                        enabledForTemplateDeployment: false,
                        publicNetworkAccess: args.publicNetworkAccess ?? "Disabled",
                        networkAcls: {
                            defaultAction: "Deny",
                            bypass: "AzureServices",
                            // Key Vault stores a single address as a.b.c.d/32: send that form, so a refresh shows no diff.
                            ipRules: pulumi.output(args.allowedIpRanges ?? []).apply((ranges) => firewallIpRules(ranges, "keyVault").map((value) => ({ value }))),
                        },
                    },
                },
                statefulOptions(this, args.protection),
            );
            if (args.logAnalyticsWorkspaceId) {
                sendDiagnostics(`${name}-diag`, vault.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.keyVault, { parent: this });
            }
            this.vault = vault;
            this.id = vault.id;
            this.vaultName = vault.name;
            this.vaultUri = vault.properties.apply((p) => p.vaultUri ?? "");
        }
        this.registerOutputs({ id: this.id, vaultName: this.vaultName, vaultUri: this.vaultUri });
    }
}
