import * as pulumi from "@pulumi/pulumi";
import { Component } from "@pulumi/azure-native/applicationinsights";
import { Workspace as LogAnalyticsWorkspace } from "@pulumi/azure-native/operationalinsights";
import { DIAGNOSTICS, sendDiagnostics } from "./diagnostics";
import { resolveSharedOrOwn } from "../bring-your-own";
import { bringYourOwn } from "../bring-your-own-check";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { PublicNetworkAccess } from "../enums";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";

/** The Log Analytics workspace of {@link MonitoringArgs}: adopt (`existingId`) or create (`name`). */
export interface MonitoringLogAnalyticsArgs {
    /** ID of an existing Log Analytics workspace; when set none is created. Default: create one. */
    existingId?: string;
    /** Name of the workspace to create (4-63). Required unless adopted; must be unset when adopted. */
    name?: string;
    /** Days logs are kept in a created workspace. Default 90. */
    retentionInDays?: number;
}

/** The Application Insights component of {@link MonitoringArgs}: adopt (`existingId`) or create (`name`). */
export interface MonitoringApplicationInsightsArgs {
    /** ID of an existing Application Insights component; when set none is created. Default: create one. */
    existingId?: string;
    /** Name of the component to create. Required unless adopted; must be unset when adopted. */
    name?: string;
}

/** Arguments of {@link Monitoring}. */
export interface MonitoringArgs extends PlacementArgs {
    /**
     * A Log Analytics workspace declared elsewhere in the same program (a platform's, shared by its
     * team workspaces); when set, `logAnalytics` must be empty and none is created. Default: none.
     */
    sharedLogAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Log Analytics workspace. Default: create one (needs `name`). */
    logAnalytics: MonitoringLogAnalyticsArgs;
    /** Application Insights component. Default: create one (needs `name`). */
    applicationInsights: MonitoringApplicationInsightsArgs;
    /** Public ingestion and query. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<PublicNetworkAccess>;
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
    /** Application Insights connection string (secret); undefined when the component is adopted (read it from the component). */
    readonly connectionString: pulumi.Output<string | undefined>;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:Monitoring", name, {}, opts);
        const publicAccess = args.publicNetworkAccess ?? COMPONENT_DEFAULTS["network.publicNetworkAccess"];
        const insightsChoice = bringYourOwn("applicationInsights", args.applicationInsights, this);
        const shared = args.sharedLogAnalyticsWorkspaceId;
        const logsChoice = resolveSharedOrOwn("logAnalytics", args.logAnalytics, "sharedLogAnalyticsWorkspaceId", shared);
        if ("problem" in logsChoice) throw new pulumi.ResourceError(logsChoice.problem, this);
        if ("shared" in logsChoice) {
            this.logAnalyticsWorkspaceId = pulumi.output(shared!);
        } else if (logsChoice.adopt) {
            this.logAnalyticsWorkspaceId = pulumi.output(logsChoice.existingId);
        } else {
            const logs = createLogAnalytics(
                `${name}-logs`,
                { ...args, name: logsChoice.name, retentionInDays: args.logAnalytics.retentionInDays, publicNetworkAccess: publicAccess },
                statefulOptions(this, args.protection),
            );
            this.logAnalyticsWorkspaceId = logs.id;
        }
        if (insightsChoice.adopt) {
            this.applicationInsightsId = pulumi.output(insightsChoice.existingId);
            this.connectionString = pulumi.secret(pulumi.output<string | undefined>(undefined));
        } else {
            const insights = new Component(
                `${name}-insights`,
                {
                    resourceName: insightsChoice.name,
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

/** Settings of {@link createLogAnalytics}. */
export interface LogAnalyticsSettings extends PlacementArgs {
    /** Workspace name (4-63). Required. */
    name: string;
    /** Retention days. Default 90. */
    retentionInDays?: number;
    /** Public ingestion and query. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<PublicNetworkAccess>;
}

/**
 * A hardened Log Analytics workspace: local (shared-key) auth off, resource-permission access only,
 * public ingestion and query off by default. One definition for the workspace's own monitoring and
 * for a platform's Log Analytics shared by its team workspaces.
 */
export function createLogAnalytics(name: string, s: LogAnalyticsSettings, opts: pulumi.CustomResourceOptions): LogAnalyticsWorkspace {
    const publicAccess = s.publicNetworkAccess ?? COMPONENT_DEFAULTS["network.publicNetworkAccess"];
    return new LogAnalyticsWorkspace(
        name,
        {
            workspaceName: s.name,
            resourceGroupName: s.resourceGroupName,
            location: s.location,
            tags: s.tags,
            sku: { name: "PerGB2018" },
            retentionInDays: s.retentionInDays ?? COMPONENT_DEFAULTS["monitoring.logAnalytics.retentionInDays"],
            features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
            publicNetworkAccessForIngestion: publicAccess,
            publicNetworkAccessForQuery: publicAccess,
        },
        opts,
    );
}
