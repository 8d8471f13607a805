/** Policies for Key Vault (azure-native:keyvault:Vault; inputs under `properties.`). */
import { is } from "../lib/matchers";
import { propertyPolicy, resourcePolicy, stackPolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { resourceLogsOf } from "../lib/relations";
import { eqi, readArray, readObject, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

const KV = [TYPES.vault];

/** Purge protection. */
export const keyVaultPurgeProtection = propertyPolicy({
    name: "keyvault-purge-protection",
    description: "Key vaults must enable purge protection.",
    severity: "high",
    remediation: "Set properties.enablePurgeProtection to true (it cannot be turned off again).",
    sources: { azurePolicy: ["0b60c0b2"], psrule: ["Azure.KeyVault.PurgeProtect"], checkov: ["CKV_AZURE_110"], mcsb: ["DP-8"] },
    controls: ["keyvault.purge-protection"],
    types: KV,
    expectations: [{ path: "properties.enablePurgeProtection", expect: is(true) }],
});

/** Config of the soft-delete policy. */
interface SoftDeleteConfig extends ProductionConfig {
    /** Minimum retention outside production, in days. */
    minRetentionDays: number;
    /** Minimum retention in production, in days. */
    productionMinRetentionDays: number;
}

/** Soft delete with a minimum retention. */
export const keyVaultSoftDelete = resourcePolicy<SoftDeleteConfig>({
    name: "keyvault-soft-delete",
    description: "Key vaults must keep soft delete on with at least the configured retention (90 days in production).",
    severity: "high",
    remediation: "Leave properties.enableSoftDelete unset or true and set properties.softDeleteRetentionInDays to at least the minimum (default 90).",
    sources: { azurePolicy: ["1e66c121"], psrule: ["Azure.KeyVault.SoftDelete"], checkov: ["CKV_AZURE_111"], mcsb: ["DP-8"] },
    controls: ["keyvault.soft-delete"],
    productionAware: true,
    types: KV,
    config: {
        minRetentionDays: { type: "integer", minimum: 7, maximum: 90, default: 7, description: "Minimum soft-delete retention outside production." },
        productionMinRetentionDays: { type: "integer", minimum: 7, maximum: 90, default: 90, description: "Minimum soft-delete retention in production." },
    },
    check: ({ props, config, production, report }) => {
        const enabled = readPath(props, "properties.enableSoftDelete");
        if (enabled === false) {
            report("properties.enableSoftDelete is false; set it to true");
            return;
        }
        const min = production ? config.productionMinRetentionDays : config.minRetentionDays;
        // Azure's default retention is 90 days, so unset complies.
        const days = readPath(props, "properties.softDeleteRetentionInDays");
        if (typeof days === "number" && days < min) {
            report(`properties.softDeleteRetentionInDays is ${days}; set it to at least ${min}`);
        }
    },
});

/** RBAC authorization instead of access policies. */
export const keyVaultRbacAuthorization = propertyPolicy({
    name: "keyvault-rbac-authorization",
    description: "Key vaults must use Azure RBAC for data-plane authorization.",
    severity: "medium",
    remediation: "Set properties.enableRbacAuthorization to true and grant Key Vault roles instead of access policies.",
    sources: { azurePolicy: ["12d4fa5e"], psrule: ["Azure.KeyVault.RBAC"], mcsb: ["PA-7"] },
    controls: ["keyvault.rbac-authorization"],
    types: KV,
    expectations: [{ path: "properties.enableRbacAuthorization", expect: is(true) }],
});

/** Public network access off (production). */
export const keyVaultPublicNetworkDisabled = propertyPolicy({
    name: "keyvault-public-network-disabled",
    description: "Key vaults must disable public network access in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set properties.publicNetworkAccess to Disabled and add a vault private endpoint with its DNS zone group.",
    sources: { azurePolicy: ["405c5871"], checkov: ["CKV_AZURE_189"], mcsb: ["NS-2"] },
    controls: ["keyvault.public-network-access"],
    types: KV,
    expectations: [{ path: "properties.publicNetworkAccess", expect: is("Disabled") }],
});

/** Firewall default deny. */
export const keyVaultFirewall = propertyPolicy({
    name: "keyvault-firewall-default-deny",
    description: "Key vault firewalls must deny by default.",
    severity: "high",
    remediation: "Set properties.networkAcls.defaultAction to Deny (bypass AzureServices if trusted services need access).",
    sources: { azurePolicy: ["55615ac9"], psrule: ["Azure.KeyVault.Firewall"], checkov: ["CKV_AZURE_109"], mcsb: ["NS-2"] },
    controls: ["keyvault.firewall"],
    types: KV,
    expectations: [{ path: "properties.networkAcls.defaultAction", expect: is("Deny") }],
});

/** Permissions too broad for an access policy. */
const BROAD_PERMISSIONS = ["all", "purge"];

/** No access policy grants all or purge. */
export const keyVaultNoBroadAccessPolicies = resourcePolicy({
    name: "keyvault-no-broad-access-policies",
    description: "Key vault access policies must not grant all or purge permissions.",
    severity: "high",
    remediation: "Remove all/purge from properties.accessPolicies[*].permissions, or switch to RBAC authorization.",
    sources: { psrule: ["Azure.KeyVault.AccessPolicy"], mcsb: ["PA-7"] },
    controls: ["keyvault.no-broad-access-policies"],
    types: KV,
    check: ({ props, report }) => {
        readArray(props, "properties.accessPolicies").forEach((policy, i) => {
            for (const [kind, perms] of Object.entries(readObject(policy, "permissions"))) {
                const bad = (Array.isArray(perms) ? perms : []).filter((p) => BROAD_PERMISSIONS.some((b) => eqi(p, b)));
                if (bad.length > 0) {
                    report(`properties.accessPolicies[${i}].permissions.${kind} is ${show(perms)}; remove ${bad.join(", ")}`);
                }
            }
        });
    },
});

/** Log categories that carry the vault's audit trail. */
const AUDIT_CATEGORIES = ["auditevent"];
const AUDIT_GROUPS = ["audit", "alllogs"];

/** Audit logs through a diagnostic setting. */
export const keyVaultAuditLogs = stackPolicy({
    name: "keyvault-audit-logs",
    description: "Key vaults must send audit logs (AuditEvent, audit or allLogs) through a diagnostic setting.",
    severity: "medium",
    remediation: "Add a monitor:DiagnosticSetting with resourceUri = the vault ID and logs [{ categoryGroup: audit, enabled: true }].",
    sources: { azurePolicy: ["cf820ca0"], psrule: ["Azure.KeyVault.Logs"], mcsb: ["LT-3"] },
    controls: ["keyvault.audit-logs"],
    types: KV,
    check: ({ subjects, resources, report }) => {
        for (const vault of subjects) {
            const logs = resourceLogsOf(vault, resources, { categories: AUDIT_CATEGORIES, groups: AUDIT_GROUPS });
            if (logs !== "ok") {
                report(
                    logs === "none"
                        ? `key vault ${vault.name} has no monitor:DiagnosticSetting; add one with categoryGroup audit`
                        : `the diagnostic settings of key vault ${vault.name} do not enable AuditEvent, audit or allLogs; add logs [{ categoryGroup: audit, enabled: true }]`,
                    vault,
                );
            }
        }
    },
});
