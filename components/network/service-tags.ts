/**
 * Azure service tags: the names an outbound rule of type ServiceTag (and an NSG rule) can use,
 * and whether each may be narrowed to a region (`Storage.WestEurope`).
 *
 * Source: "Virtual network service tags" (Azure service tags overview), table "Available service
 * tags" and its note on regional names — https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 * (page dated 2023-01-26, read 2026-12-02). The page says the Service Tag Discovery API is the
 * source of truth and new tags appear there first: add a row here when Azure adds a tag.
 *
 * Pure data and logic: shared by the config check and anything else that validates a tag.
 */

/** Every documented service tag, with whether it supports regional scope ("Can be regional?"). */
export const SERVICE_TAGS: Readonly<Record<string, { readonly regional: boolean }>> = Object.freeze(
    Object.fromEntries(
        (
            [
                ["ActionGroup", false], ["ApiManagement", true], ["ApplicationInsightsAvailability", false],
                ["AppConfiguration", false], ["AppService", true], ["AppServiceManagement", false],
                ["AutonomousDevelopmentPlatform", true], ["AzureActiveDirectory", false],
                ["AzureActiveDirectoryDomainServices", false], ["AzureAdvancedThreatProtection", false],
                ["AzureArcInfrastructure", false], ["AzureAttestation", false], ["AzureBackup", false],
                ["AzureBotService", false], ["AzureCloud", true], ["AzureCognitiveSearch", false],
                ["AzureConnectors", true], ["AzureContainerAppsService", true], ["AzureContainerRegistry", true],
                ["AzureCosmosDB", true], ["AzureDatabricks", false], ["AzureDataExplorerManagement", false],
                ["AzureDataLake", false], ["AzureDeviceUpdate", false], ["AzureDevSpaces", false],
                ["AzureDevOps", true], ["AzureDigitalTwins", false], ["AzureEventGrid", false],
                ["AzureFrontDoor.Frontend", true], ["AzureFrontDoor.Backend", true], ["AzureFrontDoor.FirstParty", true],
                ["AzureHealthcareAPIs", false], ["AzureInformationProtection", false], ["AzureIoTHub", true],
                ["AzureKeyVault", true], ["AzureLoadBalancer", false], ["AzureLoadTestingInstanceManagement", false],
                ["AzureMachineLearning", false], ["AzureMachineLearningInference", false], ["AzureManagedGrafana", false],
                ["AzureMonitor", false], ["AzureOpenDatasets", false], ["AzurePlatformDNS", false],
                ["AzurePlatformIMDS", false], ["AzurePlatformLKM", false], ["AzureResourceManager", false],
                ["AzureSentinel", false], ["AzureSignalR", false], ["AzureSiteRecovery", false], ["AzureSphere", false],
                ["AzureSpringCloud", false], ["AzureStack", false], ["AzureTrafficManager", false],
                ["AzureUpdateDelivery", false], ["AzureWebPubSub", true], ["BatchNodeManagement", true],
                ["ChaosStudio", false], ["CognitiveServicesFrontend", false], ["CognitiveServicesManagement", false],
                ["DataFactory", true], ["DataFactoryManagement", false], ["Dynamics365ForMarketingEmail", true],
                ["Dynamics365BusinessCentral", false], ["EOPExternalPublishedIPs", false], ["EventHub", true],
                ["GatewayManager", false], ["GuestAndHybridManagement", false], ["HDInsight", true], ["Internet", false],
                ["KustoAnalytics", false], ["LogicApps", false], ["LogicAppsManagement", false], ["Marketplace", false],
                ["M365ManagementActivityApi", true], ["M365ManagementActivityApiWebhook", true],
                ["MicrosoftAzureFluidRelay", false], ["MicrosoftCloudAppSecurity", false],
                ["MicrosoftContainerRegistry", true], ["MicrosoftDefenderForEndpoint", false],
                ["MicrosoftPurviewPolicyDistribution", false], ["PowerBI", false], ["PowerPlatformInfra", true],
                ["PowerPlatformPlex", true], ["PowerQueryOnline", false], ["ServiceBus", true], ["ServiceFabric", false],
                ["Sql", true], ["SqlManagement", false], ["Storage", true], ["StorageSyncService", false],
                ["WindowsAdminCenter", false], ["WindowsVirtualDesktop", false], ["VirtualNetwork", false],
            ] as const
        ).map(([tag, regional]) => [tag, Object.freeze({ regional })]),
    ),
);

/** The documented spelling of `tag` (service tags compare case-insensitively), or undefined. */
function canonical(tag: string): string | undefined {
    const lower = tag.toLowerCase();
    return Object.keys(SERVICE_TAGS).find((t) => t.toLowerCase() === lower);
}

/** What is wrong with a service tag name. */
export interface ServiceTagProblem {
    /** The problem, e.g. `"AzureMonitorr" is not an Azure service tag`. */
    problem: string;
    /** The base tag the name was checked against (for a did-you-mean), when the region was the problem. */
    base?: string;
}

/**
 * Problem with a service tag name, else undefined: the name is a documented tag, or
 * `<tag>.<region>` for a tag that supports regional scope. The region part is not checked against
 * a region list: the page documents irregular regional names (AzureCloud.centralfrance,
 * AzureCloud.germanywc), so only its shape (letters and digits) is checked.
 */
export function serviceTagProblem(name: string): ServiceTagProblem | undefined {
    if (canonical(name) !== undefined) return undefined;
    const dot = name.lastIndexOf(".");
    if (dot > 0) {
        const base = canonical(name.slice(0, dot));
        const region = name.slice(dot + 1);
        if (base !== undefined) {
            if (!SERVICE_TAGS[base]!.regional) return { problem: `service tag ${base} has no regional form ("${name}")`, base };
            if (!/^[A-Za-z0-9]+$/.test(region)) return { problem: `"${region}" in "${name}" is not a region name`, base };
            return undefined;
        }
    }
    return { problem: `"${name}" is not an Azure service tag` };
}

/** Every documented tag name, for did-you-mean suggestions. */
export const SERVICE_TAG_NAMES: readonly string[] = Object.freeze(Object.keys(SERVICE_TAGS));
