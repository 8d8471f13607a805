/** Policies for storage accounts and their blob/file services (azure-native:storage). */
import { is, isNot, oneOf } from "../lib/matchers";
import { propertyPolicy, resourcePolicy, stackPolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { storageServicesFor } from "../lib/relations";
import { eqi, readPath, readString, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

const SA = [TYPES.storageAccount];

/** HTTPS only. */
export const storageHttpsOnly = propertyPolicy({
    name: "storage-https-only",
    description: "Storage accounts must only accept secure transfer (HTTPS).",
    severity: "high",
    remediation: "Set enableHttpsTrafficOnly to true (or leave it unset; the default is true).",
    sources: { azurePolicy: ["404c3081"], psrule: ["Azure.Storage.SecureTransfer"], checkov: ["CKV_AZURE_3"], mcsb: ["DP-3"] },
    controls: ["storage.https-only"],
    types: SA,
    expectations: [{ path: "enableHttpsTrafficOnly", expect: isNot(false, "true") }],
});

/** TLS 1.2 or later. */
export const storageMinTls = propertyPolicy({
    name: "storage-min-tls-1-2",
    description: "Storage accounts must require TLS 1.2 or later.",
    severity: "high",
    remediation: "Set minimumTlsVersion to TLS1_2.",
    sources: { azurePolicy: ["fe83a0eb"], psrule: ["Azure.Storage.MinTLS"], checkov: ["CKV_AZURE_44"], mcsb: ["DP-3"] },
    controls: ["storage.min-tls"],
    types: SA,
    expectations: [{ path: "minimumTlsVersion", expect: oneOf(["TLS1_2", "TLS1_3"], "TLS1_2") }],
});

/** No anonymous blob access. */
export const storageNoBlobPublicAccess = propertyPolicy({
    name: "storage-no-blob-public-access",
    description: "Storage accounts must disallow anonymous public blob access.",
    severity: "high",
    remediation: "Set allowBlobPublicAccess to false.",
    sources: { azurePolicy: ["4fa4b6c0"], psrule: ["Azure.Storage.BlobPublicAccess"], checkov: ["CKV_AZURE_190"], mcsb: ["NS-2"] },
    controls: ["storage.no-blob-public-access"],
    types: SA,
    expectations: [{ path: "allowBlobPublicAccess", expect: is(false) }],
});

/** Shared key (account key / SAS) authorization off. */
export const storageSharedKeyDisabled = propertyPolicy({
    name: "storage-shared-key-disabled",
    description: "Storage accounts must disable shared key authorization and use Entra ID.",
    severity: "high",
    remediation: "Set allowSharedKeyAccess to false (the workspace must use identity-based datastores).",
    sources: { azurePolicy: ["8c6a50c6"], psrule: ["Azure.Storage.LocalAuth"], checkov: ["CKV2_AZURE_40"], mcsb: ["IM-1"] },
    controls: ["storage.shared-key-disabled"],
    types: SA,
    expectations: [{ path: "allowSharedKeyAccess", expect: is(false) }],
});

/** Firewall default deny with trusted Azure services allowed (production). */
export const storageNetworkDefaultDeny = resourcePolicy({
    name: "storage-network-default-deny",
    description: "Storage account firewalls must deny by default and let trusted Azure services through in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set networkRuleSet.defaultAction to Deny and networkRuleSet.bypass to AzureServices.",
    sources: { azurePolicy: ["34c877ad", "c9d007d0"], checkov: ["CKV_AZURE_35", "CKV_AZURE_36"], mcsb: ["NS-2"] },
    controls: ["storage.network-default-deny"],
    types: SA,
    check: ({ props, report }) => {
        const action = readPath(props, "networkRuleSet.defaultAction");
        if (!eqi(action, "Deny")) {
            report(`networkRuleSet.defaultAction is ${show(action)}; set it to Deny`);
        }
        const bypass = readPath(props, "networkRuleSet.bypass");
        const parts = typeof bypass === "string" ? bypass.split(",").map((s) => s.trim().toLowerCase()) : [];
        if (!parts.includes("azureservices")) {
            report(`networkRuleSet.bypass is ${show(bypass)}; set it to AzureServices`);
        }
    },
});

/** Public network access off (production). */
export const storagePublicNetworkDisabled = propertyPolicy({
    name: "storage-public-network-disabled",
    description: "Storage accounts must disable public network access in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set publicNetworkAccess to Disabled and add private endpoints (blob, file) with DNS zone groups.",
    sources: { azurePolicy: ["b2982f36"], checkov: ["CKV_AZURE_59"], mcsb: ["NS-2"] },
    controls: ["storage.public-network-access"],
    types: SA,
    expectations: [{ path: "publicNetworkAccess", expect: is("Disabled") }],
});

/** No object replication to other tenants. */
export const storageNoCrossTenantReplication = propertyPolicy({
    name: "storage-no-cross-tenant-replication",
    description: "Storage accounts must not allow object replication across Entra tenants.",
    severity: "medium",
    remediation: "Set allowCrossTenantReplication to false.",
    sources: { azurePolicy: ["92a89a79"], mcsb: ["DP-2"] },
    controls: ["storage.no-cross-tenant-replication"],
    types: SA,
    expectations: [{ path: "allowCrossTenantReplication", expect: is(false) }],
});

/** Config of soft-delete policies. */
interface RetentionConfig extends ProductionConfig {
    /** Minimum retention, in days. */
    minRetentionDays: number;
}

const RETENTION_SCHEMA = {
    minRetentionDays: { type: "integer" as const, minimum: 1, maximum: 365, default: 7, description: "Minimum soft-delete retention, in days." },
};

/** Checks one retention policy object; returns messages. */
function retentionProblems(props: object, path: string, minDays: number): string[] {
    const enabled = readPath(props, `${path}.enabled`);
    if (enabled !== true) {
        return [`${path}.enabled is ${show(enabled)}; set it to true`];
    }
    const days = readPath(props, `${path}.days`);
    if (typeof days === "number" && days < minDays) {
        return [`${path}.days is ${days}; set it to at least ${minDays}`];
    }
    return [];
}

/**
 * Blob and container soft delete: every account needs a BlobServiceProperties
 * (stack check), and every BlobServiceProperties must enable both retention
 * policies, also when its account is managed outside the stack.
 */
export const storageBlobSoftDelete = stackPolicy<RetentionConfig>({
    name: "storage-blob-soft-delete",
    description: "Every storage account must have blob and container soft delete enabled through BlobServiceProperties.",
    severity: "medium",
    remediation:
        "Add a storage:BlobServiceProperties for the account with deleteRetentionPolicy and containerDeleteRetentionPolicy enabled (days at least minRetentionDays).",
    sources: { azurePolicy: ["9fbd64e3"], psrule: ["Azure.Storage.SoftDelete", "Azure.Storage.ContainerSoftDelete"], checkov: ["CKV2_AZURE_38"], mcsb: ["BR-1"] },
    controls: ["storage.blob-soft-delete"],
    types: [...SA, TYPES.blobService],
    config: RETENTION_SCHEMA,
    check: ({ subjects, resources, config, report }) => {
        for (const r of subjects) {
            if (r.type === TYPES.blobService) {
                for (const problem of [
                    ...retentionProblems(r.props, "deleteRetentionPolicy", config.minRetentionDays),
                    ...retentionProblems(r.props, "containerDeleteRetentionPolicy", config.minRetentionDays),
                ]) {
                    report(problem, r);
                }
            } else if (storageServicesFor(r, resources, TYPES.blobService).length === 0) {
                report(`storage account ${r.name} has no storage:BlobServiceProperties; add one with deleteRetentionPolicy and containerDeleteRetentionPolicy enabled`, r);
            }
        }
    },
});

/** File share soft delete. */
export const storageFileShareSoftDelete = resourcePolicy<RetentionConfig>({
    name: "storage-file-share-soft-delete",
    description: "Storage file services must have file share soft delete enabled.",
    severity: "medium",
    remediation: "Set shareDeleteRetentionPolicy.enabled to true with days at least minRetentionDays.",
    sources: { psrule: ["Azure.Storage.FileShareSoftDelete"], mcsb: ["BR-1"] },
    controls: ["storage.file-share-soft-delete"],
    types: [TYPES.fileService],
    config: RETENTION_SCHEMA,
    check: ({ props, config, report }) => {
        for (const problem of retentionProblems(props, "shareDeleteRetentionPolicy", config.minRetentionDays)) {
            report(problem);
        }
    },
});

/** Double encryption at rest (advisory). */
export const storageInfrastructureEncryption = propertyPolicy({
    name: "storage-infrastructure-encryption",
    description: "Storage accounts should enable infrastructure (double) encryption.",
    severity: "low",
    enforcementLevel: "advisory",
    remediation: "Set encryption.requireInfrastructureEncryption to true (only possible when the account is created).",
    sources: { azurePolicy: ["4733ea7b"], mcsb: ["DP-4"] },
    controls: ["storage.infrastructure-encryption"],
    types: SA,
    expectations: [{ path: "encryption.requireInfrastructureEncryption", expect: is(true) }],
});

/** Redundant SKUs. */
const REDUNDANT = ["ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS"];

/** Zone or geo redundancy (production; advisory). */
export const storageGeoZoneRedundancy = resourcePolicy({
    name: "storage-geo-zone-redundancy",
    description: "Storage accounts should use zone- or geo-redundant replication in production.",
    severity: "low",
    enforcementLevel: "advisory",
    productionGated: true,
    remediation: "Set sku.name to Standard_ZRS, Standard_GZRS or Standard_RAGZRS (or a GRS SKU).",
    sources: { azurePolicy: ["bf045164"], psrule: ["Azure.Storage.UseReplication"], checkov: ["CKV_AZURE_206"], mcsb: ["BR-1"] },
    controls: ["storage.geo-zone-redundancy"],
    types: SA,
    check: ({ props, report }) => {
        const sku = readString(props, "sku.name");
        const replication = sku?.split("_").pop()?.toUpperCase();
        if (replication === undefined || !REDUNDANT.includes(replication)) {
            report(`sku.name is ${show(sku)}; set it to Standard_ZRS, Standard_GZRS or Standard_RAGZRS`);
        }
    },
});
