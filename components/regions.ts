/**
 * Regions with availability zones, per cloud (pure data). Zone-redundant
 * storage (ZRS, GZRS, RA-GZRS) and zone-redundant registries exist only in a
 * region that has availability zones; the config check, the registry
 * component and the simulator read this one table.
 *
 * Source: "Azure regions with availability zone support"
 * (https://learn.microsoft.com/azure/reliability/availability-zones-region-support),
 * page dated 2024-11-20, read 2026-12-02. The page lists the public cloud together with
 * US Gov Virginia and China North 3, which are split into their clouds below.
 * A region missing here is treated as having no zones: the safe answer, since
 * ARM refuses a zone-redundant SKU in a region without zones.
 */
import type { AzureCloud } from "./clouds";

/** ARM location names of the regions with availability zones, by cloud. */
export const ZONE_REGIONS: Readonly<Record<AzureCloud, readonly string[]>> = {
    AzureCloud: [
        // Americas
        "brazilsouth", "canadacentral", "centralus", "eastus", "eastus2", "southcentralus", "westus2", "westus3", "mexicocentral",
        // Europe
        "francecentral", "italynorth", "germanywestcentral", "norwayeast", "northeurope", "uksouth", "westeurope", "swedencentral",
        "switzerlandnorth", "polandcentral", "spaincentral",
        // Middle East and Africa
        "qatarcentral", "uaenorth", "israelcentral", "southafricanorth",
        // Asia Pacific
        "australiaeast", "centralindia", "japaneast", "japanwest", "southeastasia", "eastasia", "koreacentral", "newzealandnorth",
    ],
    AzureUSGovernment: ["usgovvirginia"],
    AzureChinaCloud: ["chinanorth3"],
};

/** Storage replication SKUs that place copies in several availability zones. */
export const ZONE_REDUNDANT_STORAGE_SKUS: readonly string[] = ["Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS", "Premium_ZRS"];

/** True when `region` of `cloud` has availability zones. */
export function hasAvailabilityZones(cloud: AzureCloud, region: string): boolean {
    return ZONE_REGIONS[cloud].includes(region.toLowerCase());
}

/** True when the storage SKU needs a region with availability zones. */
export function isZoneRedundantStorageSku(sku: string): boolean {
    return ZONE_REDUNDANT_STORAGE_SKUS.includes(sku);
}

/** True when `region` has availability zones in whichever cloud it belongs to (ARM region names are unique across clouds). */
export function regionHasZones(region: string): boolean {
    return Object.values(ZONE_REGIONS).some((regions) => regions.includes(region.toLowerCase()));
}
