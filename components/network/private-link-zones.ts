/**
 * Private Link group IDs and their private DNS zones, per Azure cloud (pure
 * data). One table, so every private endpoint of the toolkit gets its zones
 * from the same place and a sovereign cloud is a column, not a branch.
 *
 * Source: "Azure Private Endpoint private DNS zone values"
 * (learn.microsoft.com/azure/private-link/private-endpoint-dns), Commercial,
 * Government and China tables. Where the page has a gap or a typo the choice
 * is commented at the row.
 */
import type { AzureCloud } from "../clouds";

/**
 * A Private Link sub-resource (group ID) the toolkit connects to. An `as const` object with its
 * value type (see enums.ts for why).
 */
export const PrivateLinkGroupId = {
    /** Azure ML workspace. */
    amlworkspace: "amlworkspace",
    /** Azure ML registry (models, environments shared across workspaces). */
    amlregistry: "amlregistry",
    /** Storage blobs. */
    blob: "blob",
    /** Storage file shares. */
    file: "file",
    /** Data Lake Storage Gen2. */
    dfs: "dfs",
    /** Key vault. */
    vault: "vault",
    /** Container registry. */
    registry: "registry",
    /** Azure Monitor private link scope. */
    azuremonitor: "azuremonitor",
    /** IoT Hub. */
    iotHub: "iotHub",
    /** AKS API server. */
    management: "management",
} as const;
/** A {@link PrivateLinkGroupId} value. */
export type PrivateLinkGroupId = (typeof PrivateLinkGroupId)[keyof typeof PrivateLinkGroupId];

/** Zone names per cloud; `{region}` stands for the ARM location (AKS API servers). */
export const PRIVATE_LINK_ZONES: Readonly<Record<PrivateLinkGroupId, Readonly<Record<AzureCloud, readonly string[]>>>> = {
    // Both zones, always: the API zone alone breaks notebooks and the studio.
    amlworkspace: {
        AzureCloud: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
        AzureUSGovernment: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
        AzureChinaCloud: ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"],
    },
    // Azure ML registry: the API zone only (Commercial table). The Government and China tables
    // list no registry row; the registry's API is the workspace's regional API host there
    // (components/clouds.ts mlApiHost), so its zone is that cloud's API zone.
    amlregistry: {
        AzureCloud: ["privatelink.api.azureml.ms"],
        AzureUSGovernment: ["privatelink.api.ml.azure.us"],
        AzureChinaCloud: ["privatelink.api.ml.azure.cn"],
    },
    blob: {
        AzureCloud: ["privatelink.blob.core.windows.net"],
        AzureUSGovernment: ["privatelink.blob.core.usgovcloudapi.net"],
        AzureChinaCloud: ["privatelink.blob.core.chinacloudapi.cn"],
    },
    file: {
        AzureCloud: ["privatelink.file.core.windows.net"],
        AzureUSGovernment: ["privatelink.file.core.usgovcloudapi.net"],
        AzureChinaCloud: ["privatelink.file.core.chinacloudapi.cn"],
    },
    dfs: {
        AzureCloud: ["privatelink.dfs.core.windows.net"],
        AzureUSGovernment: ["privatelink.dfs.core.usgovcloudapi.net"],
        AzureChinaCloud: ["privatelink.dfs.core.chinacloudapi.cn"],
    },
    vault: {
        AzureCloud: ["privatelink.vaultcore.azure.net"],
        AzureUSGovernment: ["privatelink.vaultcore.usgovcloudapi.net"],
        AzureChinaCloud: ["privatelink.vaultcore.azure.cn"],
    },
    // Data endpoints ({region}.data.azurecr.io) resolve inside the same zone.
    registry: {
        AzureCloud: ["privatelink.azurecr.io"],
        AzureUSGovernment: ["privatelink.azurecr.us"],
        // Not in the China table of the current page; the China docs' own table lists it.
        AzureChinaCloud: ["privatelink.azurecr.cn"],
    },
    // The AMPLS endpoint needs every zone, including blob (agent solution packs). A zone
    // group holds at most five zones, so Government's sixth zone on the page,
    // privatelink.adx.monitor.azure.us (Data Explorer queries through the scope), is left out.
    azuremonitor: {
        AzureCloud: [
            "privatelink.monitor.azure.com",
            "privatelink.oms.opinsights.azure.com",
            "privatelink.ods.opinsights.azure.com",
            "privatelink.agentsvc.azure-automation.net",
            "privatelink.blob.core.windows.net",
        ],
        AzureUSGovernment: [
            "privatelink.monitor.azure.us",
            "privatelink.oms.opinsights.azure.us",
            "privatelink.ods.opinsights.azure.us",
            "privatelink.agentsvc.azure-automation.us",
            "privatelink.blob.core.usgovcloudapi.net",
        ],
        // Not in the page's China table; the names follow the China suffixes of each service.
        AzureChinaCloud: [
            "privatelink.monitor.azure.cn",
            "privatelink.oms.opinsights.azure.cn",
            "privatelink.ods.opinsights.azure.cn",
            "privatelink.agentsvc.azure-automation.cn",
            "privatelink.blob.core.chinacloudapi.cn",
        ],
    },
    // The second zone serves the built-in Event Hub-compatible endpoint. The Government
    // row prints "servicebus.windows.us", which is no Azure domain: Event Hubs in
    // Government live in servicebus.usgovcloudapi.net, as the same page says for Event Hubs.
    iotHub: {
        AzureCloud: ["privatelink.azure-devices.net", "privatelink.servicebus.windows.net"],
        AzureUSGovernment: ["privatelink.azure-devices.us", "privatelink.servicebus.usgovcloudapi.net"],
        AzureChinaCloud: ["privatelink.azure-devices.cn", "privatelink.servicebus.chinacloudapi.cn"],
    },
    // Private AKS API server: a regional zone.
    management: {
        AzureCloud: ["privatelink.{region}.azmk8s.io"],
        AzureUSGovernment: ["privatelink.{region}.cx.aks.containerservice.azure.us"],
        AzureChinaCloud: ["privatelink.{region}.cx.prod.service.azk8s.cn"],
    },
};

/** The most zones one private DNS zone group can hold (ARM limit); every row fits. */
export const MAX_ZONES_PER_GROUP = 5;

/**
 * The zones a private endpoint of `groupId` needs in `cloud` (regional zones filled in). A regional
 * zone with no region known throws: a guessed region would name a zone no endpoint resolves in.
 */
export function zonesFor(groupId: PrivateLinkGroupId, cloud: AzureCloud, region: string | undefined): string[] {
    return PRIVATE_LINK_ZONES[groupId][cloud].map((zone) => {
        if (!zone.includes("{region}")) return zone;
        if (region === undefined || region === "") throw new Error(`the private DNS zone of ${groupId} endpoints (${zone}) depends on the region: give a plain location string, not an output`);
        return zone.replace("{region}", region);
    });
}

/** Every distinct zone a set of endpoints needs, in first-use order (blob is shared by storage and Azure Monitor). */
export function zonesForAll(groupIds: readonly PrivateLinkGroupId[], cloud: AzureCloud, region: string | undefined): string[] {
    return [...new Set(groupIds.flatMap((g) => zonesFor(g, cloud, region)))];
}

/**
 * Sub-resources (group IDs) each resource type offers to private endpoints, by
 * lowercase ARM type: what a private endpoint (or a managed-network
 * `PrivateEndpoint` outbound rule's `subresourceTarget`) may name for a target
 * of that type. The toolkit's own group IDs above are among them.
 *
 * Source: "What is a private endpoint?", section "Private-link resource"
 * (learn.microsoft.com/azure/private-link/private-endpoint-overview#private-link-resource),
 * read 2026-12-02. Types not listed are not checked (the table names the common ones).
 */
export const PRIVATE_LINK_RESOURCE_GROUP_IDS: Readonly<Record<string, readonly string[]>> = {
    "microsoft.machinelearningservices/workspaces": ["amlworkspace"],
    "microsoft.machinelearningservices/registries": ["amlregistry"],
    "microsoft.storage/storageaccounts": ["blob", "blob_secondary", "file", "file_secondary", "queue", "queue_secondary", "table", "table_secondary", "web", "web_secondary", "dfs", "dfs_secondary"],
    "microsoft.keyvault/vaults": ["vault"],
    "microsoft.containerregistry/registries": ["registry"],
    "microsoft.insights/privatelinkscopes": ["azuremonitor"],
    "microsoft.devices/iothubs": ["iotHub"],
    "microsoft.containerservice/managedclusters": ["management"],
    "microsoft.documentdb/databaseaccounts": ["Sql", "MongoDB", "Cassandra", "Gremlin", "Table", "Analytical"],
    "microsoft.sql/servers": ["sqlServer"],
    "microsoft.dbforpostgresql/flexibleservers": ["postgresqlServer"],
    "microsoft.dbformysql/flexibleservers": ["mysqlServer"],
    "microsoft.search/searchservices": ["searchService"],
    "microsoft.cognitiveservices/accounts": ["account"],
    "microsoft.web/sites": ["sites"],
    "microsoft.synapse/workspaces": ["Sql", "SqlOnDemand", "Dev"],
    "microsoft.databricks/workspaces": ["databricks_ui_api", "browser_authentication"],
    "microsoft.eventhub/namespaces": ["namespace"],
    "microsoft.servicebus/namespaces": ["namespace"],
    "microsoft.cache/redis": ["redisCache"],
    "microsoft.appconfiguration/configurationstores": ["configurationStores"],
    "microsoft.datafactory/factories": ["dataFactory", "portal"],
};

/** The group IDs a resource type offers (case-insensitive type), or undefined when the table does not know the type. */
export function groupIdsOfType(armType: string): readonly string[] | undefined {
    return PRIVATE_LINK_RESOURCE_GROUP_IDS[armType.toLowerCase()];
}

/** The resource types that offer `groupId` (case-insensitive). */
export function typesOfGroupId(groupId: string): string[] {
    const g = groupId.toLowerCase();
    return Object.entries(PRIVATE_LINK_RESOURCE_GROUP_IDS)
        .filter(([, ids]) => ids.some((id) => id.toLowerCase() === g))
        .map(([type]) => type);
}
