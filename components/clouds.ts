/**
 * Per-cloud facts the toolkit needs (pure data): where Azure Machine Learning
 * is offered and which DNS suffixes a cloud uses. One table, so a sovereign
 * cloud is one row, not a branch in every component.
 */

/**
 * An Azure cloud the toolkit can deploy to. An `as const` object with its value type (see
 * enums.ts for why): a schema enum for other languages, plain strings for TypeScript callers.
 */
export const AzureCloud = {
    /** Azure public cloud. */
    AzureCloud: "AzureCloud",
    /** Azure Government (US). */
    AzureUSGovernment: "AzureUSGovernment",
    /** Azure operated by 21Vianet (China). */
    AzureChinaCloud: "AzureChinaCloud",
} as const;
/** A {@link AzureCloud} value. */
export type AzureCloud = (typeof AzureCloud)[keyof typeof AzureCloud];

/** What differs between clouds. */
export interface CloudProfile {
    /** Regions (ARM location names) where Azure Machine Learning workspaces can be created. */
    readonly mlRegions: readonly string[];
    /** Suffix of container registry login servers. */
    readonly registrySuffix: string;
    /** Suffix of storage endpoints (blob.<suffix>, file.<suffix>). */
    readonly storageSuffix: string;
    /** Suffix of key vault URIs. */
    readonly keyVaultSuffix: string;
    /** Host of the Azure ML API (regional endpoints are `<region>.<host>`). */
    readonly mlApiHost: string;
    /**
     * Suffix of managed online endpoints' scoring hosts (`<endpoint>.<region>.<suffix>`; public cloud:
     * "Upgrade steps for Azure Container Instances web services to managed online endpoints",
     * https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-managed-online-endpoints; the
     * sovereign clouds follow their API host's domain).
     */
    readonly inferenceSuffix: string;
    /** Suffix of IoT hub host names (`<hub>.<suffix>`; the private DNS zones of private-link-zones.ts are `privatelink.<suffix>`). */
    readonly iotHubSuffix: string;
}

// Sources: "Azure products by region" (Machine Learning row) and the
// sovereign-cloud feature pages; a region missing here is rejected by config
// validation rather than failing half-way through a deployment.
const PUBLIC_ML_REGIONS = [
    "australiacentral", "australiaeast", "australiasoutheast", "brazilsouth", "canadacentral",
    "canadaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2", "francecentral",
    "germanywestcentral", "israelcentral", "italynorth", "japaneast", "japanwest", "koreacentral",
    "koreasouth", "mexicocentral", "northcentralus", "northeurope", "norwayeast", "polandcentral",
    "qatarcentral", "southafricanorth", "southcentralus", "southeastasia", "southindia",
    "spaincentral", "swedencentral", "switzerlandnorth", "switzerlandwest", "uaenorth", "uksouth",
    "ukwest", "westcentralus", "westeurope", "westus", "westus2", "westus3",
] as const;

/** The cloud table. */
export const CLOUDS: Readonly<Record<AzureCloud, CloudProfile>> = {
    AzureCloud: {
        mlRegions: PUBLIC_ML_REGIONS,
        registrySuffix: "azurecr.io",
        storageSuffix: "core.windows.net",
        keyVaultSuffix: "vault.azure.net",
        mlApiHost: "api.azureml.ms",
        inferenceSuffix: "inference.ml.azure.com",
        iotHubSuffix: "azure-devices.net",
    },
    AzureUSGovernment: {
        mlRegions: ["usgovarizona", "usgovvirginia"],
        registrySuffix: "azurecr.us",
        storageSuffix: "core.usgovcloudapi.net",
        keyVaultSuffix: "vault.usgovcloudapi.net",
        mlApiHost: "api.ml.azure.us",
        inferenceSuffix: "inference.ml.azure.us",
        iotHubSuffix: "azure-devices.us",
    },
    AzureChinaCloud: {
        mlRegions: ["chinaeast2", "chinanorth2", "chinanorth3"],
        registrySuffix: "azurecr.cn",
        storageSuffix: "core.chinacloudapi.cn",
        keyVaultSuffix: "vault.azure.cn",
        mlApiHost: "api.ml.azure.cn",
        inferenceSuffix: "inference.ml.azure.cn",
        iotHubSuffix: "azure-devices.cn",
    },
};

/** The cloud whose ML regions include `region`, if any (used to explain a wrong-cloud region). */
export function cloudOfRegion(region: string): AzureCloud | undefined {
    return (Object.keys(CLOUDS) as AzureCloud[]).find((c) => CLOUDS[c].mlRegions.includes(region));
}

/**
 * The ARM location name of `location` as written: ARM location names are case-insensitive and
 * ARM also accepts the display form with spaces ("West Europe"), so `WestEurope` and `West Europe`
 * deploy to `westeurope` (Naming rules and restrictions for Azure resources —
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules; "Azure
 * regions list", Name vs. Display name — https://learn.microsoft.com/azure/reliability/regions-list).
 * Folds (lower case, whitespace removed) only when the result is an ML region of `cloud`, so a
 * misspelling, or a region of another cloud, stays as written for the config check's did-you-mean.
 */
export function canonicalLocation(location: string, cloud: AzureCloud): string {
    const folded = location.toLowerCase().replace(/\s+/g, "");
    return CLOUDS[cloud]?.mlRegions.includes(folded) === true ? folded : location;
}
