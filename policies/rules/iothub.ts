/** Policies for IoT Hub (azure-native:iothub:IotHubResource; inputs under `properties.`). */
import { is } from "../lib/matchers";
import { propertyPolicy, resourcePolicy, stackPolicy } from "../lib/define";
import { resourceLogsOf } from "../lib/relations";
import { eqi, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

const IOT = [TYPES.iotHub];

/** SAS (local) auth off for service APIs. */
export const iotHubLocalAuthDisabled = propertyPolicy({
    name: "iothub-local-auth-disabled",
    description: "IoT hubs must disable local (SAS key) authentication for service APIs.",
    severity: "high",
    remediation: "Set properties.disableLocalAuth to true and use Entra ID for service APIs.",
    sources: { azurePolicy: ["672d56b3"], mcsb: ["IM-1"] },
    controls: ["iothub.local-auth-disabled"],
    types: IOT,
    expectations: [{ path: "properties.disableLocalAuth", expect: is(true) }],
});

/** Minimum TLS 1.2. */
export const iotHubMinTls = propertyPolicy({
    name: "iothub-min-tls-1-2",
    description: "IoT hubs must require TLS 1.2.",
    severity: "high",
    remediation: "Set properties.minTlsVersion to 1.2 (only possible when the hub is created).",
    sources: { psrule: ["Azure.IoTHub.MinTLS"], mcsb: ["DP-3"] },
    controls: ["iothub.min-tls"],
    types: IOT,
    expectations: [{ path: "properties.minTlsVersion", expect: is("1.2") }],
});

/** Public network access off or deny-by-default rules (production). */
export const iotHubPublicNetworkRestricted = resourcePolicy({
    name: "iothub-public-network-restricted",
    description: "IoT hubs must disable public network access, or deny it by default with IP rules, in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set properties.publicNetworkAccess to Disabled, or properties.networkRuleSets.defaultAction to Deny with explicit IP rules.",
    sources: { azurePolicy: ["2d6830fb"], checkov: ["CKV_AZURE_108"], mcsb: ["NS-2"] },
    controls: ["iothub.public-network"],
    types: IOT,
    check: ({ props, report }) => {
        const access = readPath(props, "properties.publicNetworkAccess");
        const action = readPath(props, "properties.networkRuleSets.defaultAction");
        if (!eqi(access, "Disabled") && !eqi(action, "Deny")) {
            report(`properties.publicNetworkAccess is ${show(access)} and properties.networkRuleSets.defaultAction is ${show(action)}; set publicNetworkAccess to Disabled (or defaultAction to Deny)`);
        }
    },
});

/** Logs through a diagnostic setting. */
export const iotHubDiagnosticSettings = stackPolicy({
    name: "iothub-diagnostic-settings",
    description: "IoT hubs must send resource logs (not only metrics) through a diagnostic setting.",
    severity: "medium",
    remediation: "Add a monitor:DiagnosticSetting with resourceUri = the hub ID and category group allLogs.",
    sources: { azurePolicy: ["383856f8"], mcsb: ["LT-3"] },
    controls: ["iothub.logs"],
    types: IOT,
    check: ({ subjects, resources, report }) => {
        for (const hub of subjects) {
            const logs = resourceLogsOf(hub, resources);
            if (logs !== "ok") {
                report(
                    logs === "none"
                        ? `IoT hub ${hub.name} has no monitor:DiagnosticSetting; add one with category group allLogs`
                        : `the diagnostic settings of IoT hub ${hub.name} enable no resource logs (metrics only); add logs [{ categoryGroup: allLogs, enabled: true }]`,
                    hub,
                );
            }
        }
    },
});
