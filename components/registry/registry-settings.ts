/**
 * Facts about Azure Machine Learning registries (pure): the settings Azure
 * accepts for the storage account and container registry it creates in every
 * region, the derived registry name, and the pairings Azure refuses. The
 * component, the config checks and the simulator read these, so a setting the
 * check accepts is one the component creates and ARM takes.
 *
 * Sources (read 2026-12-02):
 * - "Create and manage registries" (learn.microsoft.com/azure/machine-learning/how-to-manage-registries):
 *   a storage account per region and one container registry replicated to every region; the
 *   primary region first and never changed; storage account type and hierarchical namespace
 *   (`storage_account_hns`: true = Data Lake Storage Gen2, false = Blob storage) per region.
 * - "CLI (v2) registry YAML schema" (learn.microsoft.com/azure/machine-learning/reference-yaml-registry):
 *   the replication locations "must include the primary location of registry".
 * - "Geo-replication in Azure Container Registry" (learn.microsoft.com/azure/container-registry/container-registry-geo-replication):
 *   geo-replication is a feature of the Premium tier, so a registry in several regions needs a Premium ACR.
 * - "Connect privately to an Azure container registry using Azure Private Link"
 *   (learn.microsoft.com/azure/container-registry/container-registry-private-link): Premium only.
 */
import { PublicNetworkAccess, RegistrySku } from "../enums";
import { deriveName } from "../naming";
import { isZoneRedundantStorageSku } from "../regions";

/**
 * Storage account type of a registry region's system-created storage account (the values the
 * registries API accepts). An `as const` object, so the component analyzer sees an enum.
 */
export const RegistryStorageAccountType = {
    /** Locally redundant. */
    Standard_LRS: "Standard_LRS",
    /** Geo-redundant. */
    Standard_GRS: "Standard_GRS",
    /** Geo-redundant with read access. */
    Standard_RAGRS: "Standard_RAGRS",
    /** Zone-redundant (needs availability zones). */
    Standard_ZRS: "Standard_ZRS",
    /** Geo- and zone-redundant (needs availability zones). */
    Standard_GZRS: "Standard_GZRS",
    /** Geo- and zone-redundant with read access (needs availability zones). */
    Standard_RAGZRS: "Standard_RAGZRS",
    /** Premium, locally redundant. */
    Premium_LRS: "Premium_LRS",
    /** Premium, zone-redundant (needs availability zones). */
    Premium_ZRS: "Premium_ZRS",
} as const;
/** A {@link RegistryStorageAccountType} value. */
export type RegistryStorageAccountType = (typeof RegistryStorageAccountType)[keyof typeof RegistryStorageAccountType];

/** The defaults: Premium ACR (replication and private link need it), LRS Blob storage (the API's own default), private. */
export const REGISTRY_DEFAULTS = Object.freeze({
    storageAccountType: RegistryStorageAccountType.Standard_LRS as RegistryStorageAccountType,
    storageHierarchicalNamespace: false,
    acrSku: RegistrySku.Premium as RegistrySku,
    publicNetworkAccess: PublicNetworkAccess.Disabled as PublicNetworkAccess,
});

/** The registry's derived name: `mlr-<prefix>` (no suffix: unique per tenant, and part of every asset ID). */
export function modelRegistryName(prefix: string): string {
    return deriveName("mlRegistry", `mlr-${prefix}`);
}

/** Regions in registry order: the primary first, then the others once each, in their given order. */
export function registryRegions(primary: string, others: readonly string[]): string[] {
    return [...new Set([primary, ...others].map((r) => r.toLowerCase()))];
}

/** What a registry region is asked for, as {@link registrySettingProblems} reads it. */
export interface RegistryRegionSetting {
    /** ARM location. */
    location: string;
    /** Storage account type. */
    storageAccountType: string;
}

/**
 * The pairings Azure refuses, each as a sentence naming the setting (empty when none):
 * a zone-redundant storage type where the region has no availability zones, and a non-Premium
 * ACR for a registry in several regions (geo-replication) or without public access (private link).
 * `hasZones` answers for a region (components/regions.ts).
 */
export function registrySettingProblems(
    regions: readonly RegistryRegionSetting[],
    acrSku: string,
    publicNetworkAccess: string,
    hasZones: (region: string) => boolean,
): string[] {
    const out: string[] = [];
    for (const r of regions) {
        if (isZoneRedundantStorageSku(r.storageAccountType) && !hasZones(r.location)) {
            out.push(`storage account type ${r.storageAccountType} is zone-redundant, but ${r.location} has no availability zones`);
        }
    }
    if (acrSku !== RegistrySku.Premium && regions.length > 1) {
        out.push(`ACR SKU ${acrSku} cannot replicate to ${regions.length} regions (geo-replication is Premium only)`);
    }
    if (acrSku !== RegistrySku.Premium && publicNetworkAccess === PublicNetworkAccess.Disabled) {
        out.push(`ACR SKU ${acrSku} has no private link, which a registry without public network access needs (Premium only)`);
    }
    return out;
}
