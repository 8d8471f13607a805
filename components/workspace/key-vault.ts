import * as pulumi from "@pulumi/pulumi";
import { Vault } from "@pulumi/azure-native/keyvault";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { firewallIpRules } from "../network/ip-rules";
import { bringYourOwn } from "../bring-your-own-check";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { KeyVaultSku, PublicNetworkAccess } from "../enums";
import { parseResourceId } from "../resource-ids";

/** Arguments of {@link WorkspaceKeyVault}. */
export interface WorkspaceKeyVaultArgs extends PlacementArgs {
    /** ID of an existing vault to adopt; when set nothing is created. Default: create one. */
    existingId?: string;
    /** Name of the vault to create (3-24 letters, digits, hyphens). Required unless `existingId` is set; must be unset with it. */
    name?: string;
    /** Entra tenant of the vault. */
    tenantId: pulumi.Input<string>;
    /** `standard` or `premium` (HSM-backed keys). Default `standard`. */
    sku?: pulumi.Input<KeyVaultSku>;
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
    publicNetworkAccess?: pulumi.Input<PublicNetworkAccess>;
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
        const choice = bringYourOwn("", args, this);
        if (choice.adopt) {
            const parsed = parseResourceId(choice.existingId);
            this.id = pulumi.output(choice.existingId);
            this.vaultName = pulumi.output(parsed.name);
            this.vaultUri = pulumi.output(`https://${parsed.name}.${args.dnsSuffix ?? "vault.azure.net"}/`);
        } else {
            const vault = new Vault(
                `${name}-vault`,
                {
                    vaultName: choice.name,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    properties: {
                        tenantId: args.tenantId,
                        sku: { family: "A", name: args.sku ?? COMPONENT_DEFAULTS["keyVault.sku"] },
                        enableRbacAuthorization: true,
                        enableSoftDelete: true,
                        softDeleteRetentionInDays: args.softDeleteRetentionDays ?? COMPONENT_DEFAULTS["keyVault.softDeleteRetentionDays"],
                        // Omitted rather than false: ARM rejects false (see purgeProtection).
                        ...((args.purgeProtection ?? COMPONENT_DEFAULTS["keyVault.purgeProtection"]) ? { enablePurgeProtection: true } : {}),
                        enabledForDeployment: false,
                        enabledForDiskEncryption: false,
                        enabledForTemplateDeployment: false,
                        publicNetworkAccess: args.publicNetworkAccess ?? COMPONENT_DEFAULTS["network.publicNetworkAccess"],
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
            const vaultName = choice.name;
            this.vaultUri = vault.properties.apply((p) => {
                // An empty URI would make every secret reference point nowhere; a created vault always has one.
                if (!p.vaultUri) throw new Error(`key vault ${vaultName}: Azure returned no vaultUri`);
                return p.vaultUri;
            });
        }
        this.registerOutputs({ id: this.id, vaultName: this.vaultName, vaultUri: this.vaultUri });
    }
}
