import * as pulumi from "@pulumi/pulumi";
import { Component } from "@pulumi/azure-native/applicationinsights";
import { Workspace as LogAnalyticsWorkspace } from "@pulumi/azure-native/operationalinsights";
import { DIAGNOSTICS, sendDiagnostics } from "./diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";

/** Arguments of {@link Monitoring}. */
export interface MonitoringArgs extends PlacementArgs {
    /** ID of an existing Log Analytics workspace; when set none is created. Default: create one. */
    logAnalyticsExistingId?: string;
    /** Name of the Log Analytics workspace to create (4-63). Required unless adopted. */
    logAnalyticsName?: string;
    /** Days logs are kept. Default 90. */
    retentionInDays?: pulumi.Input<number>;
    /** ID of an existing Application Insights component; when set none is created. Default: create one. */
    applicationInsightsExistingId?: string;
    /** Name of the Application Insights component to create. Required unless adopted. */
    applicationInsightsName?: string;
    /** Public ingestion and query. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<"Enabled" | "Disabled">;
    /** Deletion guards for the Log Analytics workspace and Application Insights (its telemetry history). Default none. */
    protection?: StatefulProtection;
}

/**
 * Log Analytics (local auth off) and workspace-based Application Insights
 * (local auth off: telemetry is sent with Entra ID), or existing ones.
 */
export class Monitoring extends pulumi.ComponentResource {
    /** Log Analytics workspace resource ID. */
    readonly logAnalyticsWorkspaceId: pulumi.Output<string>;
    /** Application Insights component resource ID. */
    readonly applicationInsightsId: pulumi.Output<string>;
    /** Application Insights connection string (secret); empty when the component is adopted. */
    readonly connectionString: pulumi.Output<string>;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:Monitoring", name, {}, opts);
        const publicAccess = args.publicNetworkAccess ?? "Disabled";
        if (args.logAnalyticsExistingId) {
            this.logAnalyticsWorkspaceId = pulumi.output(args.logAnalyticsExistingId);
        } else {
            if (!args.logAnalyticsName) throw new pulumi.ResourceError("logAnalyticsName is required when logAnalyticsExistingId is not set", this);
            const logs = new LogAnalyticsWorkspace(
                `${name}-logs`,
                {
                    workspaceName: args.logAnalyticsName,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    sku: { name: "PerGB2018" },
                    retentionInDays: args.retentionInDays ?? 90,
                    features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
                    publicNetworkAccessForIngestion: publicAccess,
                    publicNetworkAccessForQuery: publicAccess,
                },
                statefulOptions(this, args.protection),
            );
            this.logAnalyticsWorkspaceId = logs.id;
        }
        if (args.applicationInsightsExistingId) {
            this.applicationInsightsId = pulumi.output(args.applicationInsightsExistingId);
            this.connectionString = pulumi.secret("");
        } else {
            if (!args.applicationInsightsName) throw new pulumi.ResourceError("applicationInsightsName is required when applicationInsightsExistingId is not set", this);
            const insights = new Component(
                `${name}-insights`,
                {
                    resourceName: args.applicationInsightsName,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    kind: "web",
                    applicationType: "web",
                    ingestionMode: "LogAnalytics",
                    workspaceResourceId: this.logAnalyticsWorkspaceId,
                    disableLocalAuth: true,
                    publicNetworkAccessForIngestion: publicAccess,
                    publicNetworkAccessForQuery: publicAccess,
                },
                statefulOptions(this, args.protection),
            );
            sendDiagnostics(`${name}-insights-diag`, insights.id, this.logAnalyticsWorkspaceId, DIAGNOSTICS.applicationInsights, { parent: this });
            this.applicationInsightsId = insights.id;
            this.connectionString = pulumi.secret(insights.connectionString);
        }
        this.registerOutputs({
            logAnalyticsWorkspaceId: this.logAnalyticsWorkspaceId,
            applicationInsightsId: this.applicationInsightsId,
            connectionString: this.connectionString,
        });
    }
}
