/** Policies for Application Insights and Log Analytics. */
import { is, present } from "../lib/matchers";
import { propertyPolicy, resourcePolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

const AI = [TYPES.appInsights];
const LA = [TYPES.logAnalytics];

/** App Insights accepts only Entra-authenticated telemetry. */
export const appInsightsLocalAuthDisabled = propertyPolicy({
    name: "appinsights-local-auth-disabled",
    description: "Application Insights components must disable local (instrumentation-key) authentication.",
    severity: "medium",
    remediation: "Set disableLocalAuth to true and send telemetry with Entra ID authentication.",
    sources: { azurePolicy: ["199d5677"], psrule: ["Azure.AppInsights.LocalAuth"], mcsb: ["IM-1"] },
    controls: ["monitoring.appinsights-local-auth-disabled"],
    types: AI,
    expectations: [{ path: "disableLocalAuth", expect: is(true) }],
});

/** Workspace-based App Insights. */
export const appInsightsWorkspaceBased = propertyPolicy({
    name: "appinsights-workspace-based",
    description: "Application Insights components must be workspace-based.",
    severity: "medium",
    remediation: "Set workspaceResourceId to the stack's Log Analytics workspace ID.",
    sources: { azurePolicy: ["d550e854"], psrule: ["Azure.AppInsights.Workspace"], mcsb: ["LT-5"] },
    controls: ["monitoring.appinsights-workspace-based"],
    types: AI,
    expectations: [{ path: "workspaceResourceId", expect: present("the Log Analytics workspace ID") }],
});

/** App Insights ingestion and query only over private link (production). */
export const appInsightsPublicNetworkDisabled = propertyPolicy({
    name: "appinsights-public-network-disabled",
    description: "Application Insights components must disable public ingestion and query in production.",
    severity: "medium",
    productionGated: true,
    remediation: "Set publicNetworkAccessForIngestion and publicNetworkAccessForQuery to Disabled and use an Azure Monitor private link scope.",
    sources: { azurePolicy: ["1bc02227"], mcsb: ["NS-2"] },
    controls: ["monitoring.appinsights-public-network"],
    types: AI,
    expectations: [
        { path: "publicNetworkAccessForIngestion", expect: is("Disabled") },
        { path: "publicNetworkAccessForQuery", expect: is("Disabled") },
    ],
});

/** Log Analytics accepts only Entra-authenticated ingestion. */
export const logAnalyticsLocalAuthDisabled = propertyPolicy({
    name: "log-analytics-local-auth-disabled",
    description: "Log Analytics workspaces must disable local (shared key) authentication.",
    severity: "medium",
    remediation: "Set features.disableLocalAuth to true.",
    sources: { azurePolicy: ["e15effd4"], mcsb: ["IM-1"] },
    controls: ["monitoring.log-analytics-local-auth-disabled"],
    types: LA,
    expectations: [{ path: "features.disableLocalAuth", expect: is(true) }],
});

/** Log Analytics ingestion and query only over private link (production). */
export const logAnalyticsPublicNetworkDisabled = propertyPolicy({
    name: "log-analytics-public-network-disabled",
    description: "Log Analytics workspaces must disable public ingestion and query in production.",
    severity: "medium",
    productionGated: true,
    remediation: "Set publicNetworkAccessForIngestion and publicNetworkAccessForQuery to Disabled and use an Azure Monitor private link scope.",
    sources: { azurePolicy: ["6c53d030"], mcsb: ["NS-2"] },
    controls: ["monitoring.log-analytics-public-network"],
    types: LA,
    expectations: [
        { path: "publicNetworkAccessForIngestion", expect: is("Disabled") },
        { path: "publicNetworkAccessForQuery", expect: is("Disabled") },
    ],
});

/** Config of the retention policy. */
interface LaRetentionConfig extends ProductionConfig {
    /** Minimum retention outside production, in days. */
    minRetentionDays: number;
    /** Minimum retention in production, in days. */
    productionMinRetentionDays: number;
}

/** Log retention minimum. */
export const logAnalyticsRetention = resourcePolicy<LaRetentionConfig>({
    name: "log-analytics-retention",
    description: "Log Analytics workspaces must keep logs at least the configured number of days.",
    severity: "low",
    remediation: "Set retentionInDays to at least the minimum (30 by default, 90 in production).",
    sources: { mcsb: ["LT-6"] },
    controls: ["monitoring.log-analytics-retention"],
    productionAware: true,
    types: LA,
    config: {
        minRetentionDays: { type: "integer", minimum: 30, maximum: 730, default: 30, description: "Minimum retention outside production." },
        productionMinRetentionDays: { type: "integer", minimum: 30, maximum: 730, default: 90, description: "Minimum retention in production." },
    },
    check: ({ props, config, production, report }) => {
        const min = production ? config.productionMinRetentionDays : config.minRetentionDays;
        const days = readPath(props, "retentionInDays");
        // The service default is 30 days.
        const effective = typeof days === "number" ? days : 30;
        if (effective < min) {
            report(`retentionInDays is ${show(days)}; set it to at least ${min}`);
        }
    },
});
