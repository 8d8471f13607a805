import * as pulumi from "@pulumi/pulumi";
import { DiagnosticSetting } from "@pulumi/azure-native/monitor";

/** What a resource type emits to diagnostics. */
export interface DiagnosticsShape {
    /** Log category groups to send (`allLogs` includes `audit`); empty for metric-only resources. */
    logCategoryGroups: readonly string[];
    /** Whether the type has platform metrics (`AllMetrics`). */
    metrics: boolean;
    /** Single log categories to send besides the groups (for types whose groups would send too much). Default none. */
    logCategories?: readonly string[];
    /** Resource-specific Log Analytics tables (`Dedicated`) instead of AzureDiagnostics. Default false. */
    dedicatedTables?: boolean;
}

/** Diagnostics of every type the toolkit creates; one table, so each resource is wired the same way. */
export const DIAGNOSTICS: Readonly<Record<string, DiagnosticsShape>> = {
    workspace: { logCategoryGroups: ["allLogs"], metrics: true },
    storageAccount: { logCategoryGroups: [], metrics: true },
    storageService: { logCategoryGroups: ["allLogs"], metrics: true },
    // allLogs includes the audit group the Key Vault logging control asks for.
    keyVault: { logCategoryGroups: ["allLogs"], metrics: true },
    containerRegistry: { logCategoryGroups: ["allLogs"], metrics: true },
    applicationInsights: { logCategoryGroups: ["allLogs"], metrics: true },
    // Registry asset read/write events ("Supported logs for Microsoft.MachineLearningServices/registries"); no platform metrics listed.
    mlRegistry: { logCategoryGroups: ["allLogs"], metrics: false },
    // Online endpoints: console, event and traffic logs (AmlOnlineEndpointConsoleLog, ...EventLog, ...TrafficLog,
    // "Monitor online endpoints", https://learn.microsoft.com/azure/machine-learning/how-to-monitor-online-endpoints)
    // and request metrics.
    onlineEndpoint: { logCategoryGroups: ["allLogs"], metrics: true },
    // AKS: "Supported logs for Microsoft.ContainerService/managedClusters"
    // (https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-containerservice-managedclusters-logs).
    // Every control-plane category but kube-audit: kube-audit-admin holds the same audit events without
    // get/list (PSRule Azure.AKS.AuditAdmin, Azure.AKS.AuditLogs: kube-audit-admin and guard), where
    // allLogs would also send kube-audit. Resource-specific tables (AKSAudit, AKSAuditAdmin,
    // AKSControlPlane) as "Monitor AKS" recommends.
    aksCluster: {
        logCategoryGroups: [],
        logCategories: [
            "kube-apiserver", "kube-audit-admin", "guard", "kube-controller-manager", "kube-scheduler",
            "cluster-autoscaler", "cloud-controller-manager", "csi-azuredisk-controller", "csi-azurefile-controller", "csi-snapshot-controller",
        ],
        metrics: true,
        dedicatedTables: true,
    },
    // Container groups: "Container Instances monitoring data reference"
    // (https://learn.microsoft.com/azure/container-instances/monitor-azure-container-instances-reference):
    // ContainerInstanceLog and ContainerEvent through a diagnostic setting (no workspace key; private
    // workspaces supported), written to those resource-specific tables.
    containerGroup: { logCategoryGroups: [], logCategories: ["ContainerInstanceLog", "ContainerEvent"], metrics: true, dedicatedTables: true },
    // IoT hubs: "Supported logs for Microsoft.Devices/IotHubs" (connections, device telemetry,
    // configurations, twin queries, routes, ... through allLogs) and platform metrics
    // ("Azure IoT Hub monitoring data reference", https://learn.microsoft.com/azure/iot-hub/monitor-iot-hub-reference).
    iotHub: { logCategoryGroups: ["allLogs"], metrics: true },
};

/** Name every diagnostic setting of the toolkit carries, so operators recognise them. */
export const DIAGNOSTIC_SETTING_NAME = "to-log-analytics";

/** Sends a resource's logs and metrics to the stack's Log Analytics workspace. */
export function sendDiagnostics(
    name: string,
    resourceUri: pulumi.Input<string>,
    logAnalyticsWorkspaceId: pulumi.Input<string>,
    shape: DiagnosticsShape,
    opts: pulumi.CustomResourceOptions,
): DiagnosticSetting {
    return new DiagnosticSetting(
        name,
        {
            name: DIAGNOSTIC_SETTING_NAME,
            resourceUri,
            workspaceId: logAnalyticsWorkspaceId,
            logs: [
                ...shape.logCategoryGroups.map((categoryGroup) => ({ categoryGroup, enabled: true })),
                ...(shape.logCategories ?? []).map((category) => ({ category, enabled: true })),
            ],
            ...(shape.dedicatedTables ? { logAnalyticsDestinationType: "Dedicated" } : {}),
            metrics: shape.metrics ? [{ category: "AllMetrics", enabled: true }] : [],
        },
        opts,
    );
}
