/**
 * EndpointAlerts: the metric alerts of a workspace's endpoints and the action group they notify.
 * Which metric each alert watches, per metrics kind, is endpoint-alert-metrics.ts; this file only
 * turns those criteria into `Microsoft.Insights/actionGroups` and `Microsoft.Insights/metricAlerts`.
 *
 * ARM shapes (read 2026-12-04): "Microsoft.Insights actionGroups"
 * (https://learn.microsoft.com/azure/templates/microsoft.insights/actiongroups): location `global`,
 * `groupShortName` (at most 12 characters), `emailReceivers[]` `{ name, emailAddress,
 * useCommonAlertSchema }`; "Resource Manager template samples for metric alert rules"
 * (https://learn.microsoft.com/azure/azure-monitor/alerts/resource-manager-alerts-metric): one
 * resource in `scopes`, criteria `Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria`
 * with `StaticThresholdCriterion`s, `actions[].actionGroupId`, location `global`.
 */
import * as pulumi from "@pulumi/pulumi";
import { ActionGroup, MetricAlert } from "@pulumi/azure-native/monitor";
import { SERVING_DEFAULTS } from "./serving-defaults";
import { EndpointMetricsKind } from "./serving-enums";
import type { PlatformActionGroupArgs, PlatformEndpointAlertThresholdsArgs } from "./platform-serving-args";
import { ACTION_GROUP_SHORT_NAME_MAX, ALERT_NAMES, ALERT_WINDOWS, endpointAlertCriteria, resolveAlertThresholds } from "./endpoint-alert-metrics";

/** One endpoint whose metrics are alerted on. */
export interface EndpointAlertTargetArgs {
    /** ARM ID of the resource whose metrics the endpoint reports (online endpoint, container group, or Application Insights). Required. */
    resourceId: pulumi.Input<string>;
    /** Which metric set `resourceId` has. Required. */
    kind: EndpointMetricsKind;
    /** Thresholds. Default: SERVING_DEFAULTS `serving.alerts.thresholds.*` (5% errors of 60 requests/minute, 1000 ms, 99% availability, PT5M). */
    thresholds?: PlatformEndpointAlertThresholdsArgs;
    /** Memory of the container group in GB (containerInstance: its memory alert). Default 1.5. */
    memoryInGB?: number;
    /** Cloud role name (and availability result name) its app reports to Application Insights. Default: the endpoint key. */
    roleName?: string;
}

/** Arguments of {@link EndpointAlerts}. */
export interface EndpointAlertsArgs {
    /** Resource group of the action group and the alert rules. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Base of the derived names (`ag-<namePrefix>-serving`, `alert-<namePrefix>-<key>-<role>`). Required. */
    namePrefix: string;
    /** ARM ID of the Application Insights component the endpoints' apps report to (request and availability metrics of the endpoints whose own metrics resource is not one). Required. */
    applicationInsightsId: pulumi.Input<string>;
    /** Who is notified: an existing action group, or one created with email receivers. Required (existingId, or emails). */
    actionGroup: PlatformActionGroupArgs;
    /** The endpoints by key (the key names the rules; `roleName` is what their apps report). Required. */
    endpoints: { [key: string]: EndpointAlertTargetArgs };
    /** Tags of the action group and rules. Default none. */
    tags?: { [key: string]: string };
}

/** Problems of the args (pure): the action group and each endpoint's window. */
export function endpointAlertsArgProblems(args: Pick<EndpointAlertsArgs, "actionGroup" | "endpoints">): string[] {
    const out: string[] = [];
    const ag = args.actionGroup;
    if (ag.existingId === undefined && (ag.emails ?? []).length === 0) out.push("actionGroup: set existingId or at least one email");
    if (ag.existingId !== undefined && (ag.emails !== undefined || ag.shortName !== undefined)) out.push("actionGroup: existingId excludes emails and shortName (they describe a created group)");
    if (ag.shortName !== undefined && (ag.shortName.length < 1 || ag.shortName.length > ACTION_GROUP_SHORT_NAME_MAX)) out.push(`actionGroup.shortName: "${ag.shortName}" must be 1-${ACTION_GROUP_SHORT_NAME_MAX} characters`);
    for (const [key, e] of Object.entries(args.endpoints)) {
        const window = e.thresholds?.window;
        if (window !== undefined && ALERT_WINDOWS[window] === undefined) out.push(`endpoints.${key}.thresholds.window: "${window}" is not one of ${Object.keys(ALERT_WINDOWS).join(", ")}`);
        if (!Object.values(EndpointMetricsKind).includes(e.kind)) out.push(`endpoints.${key}.kind: "${String(e.kind)}" is not one of ${Object.values(EndpointMetricsKind).join(", ")}`);
    }
    return out;
}

/**
 * The alert rules of a workspace's endpoints (error rate, latency, availability; memory for a
 * container group), every rule notifying one action group. An endpoint whose thresholds say
 * `enabled: false` gets none.
 */
export class EndpointAlerts extends pulumi.ComponentResource {
    /** ID of the action group the rules notify (created or existing). */
    readonly actionGroupId: pulumi.Output<string>;
    /** Names of the alert rules, `alert-<namePrefix>-<key>-<role>`. */
    readonly ruleNames: pulumi.Output<string[]>;

    constructor(name: string, args: EndpointAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:EndpointAlerts", name, {}, opts);
        const problems = endpointAlertsArgProblems(args);
        if (problems.length > 0) throw new pulumi.ResourceError(`EndpointAlerts ${name}: ${problems.join("; ")}`, this);
        // A component's dependsOn does not reach its children: the rules wait for the endpoints themselves.
        const childOpts = { parent: this, dependsOn: opts?.dependsOn };
        const ag = args.actionGroup;
        const actionGroupId: pulumi.Input<string> =
            ag.existingId ??
            new ActionGroup(
                `${name}-action-group`,
                {
                    resourceGroupName: args.resourceGroupName,
                    actionGroupName: ALERT_NAMES.actionGroup(args.namePrefix),
                    location: "global",
                    enabled: true,
                    groupShortName: ag.shortName ?? ALERT_NAMES.shortName(args.namePrefix),
                    // The common alert schema: one payload shape for every alert type (receivers parse one format).
                    emailReceivers: (ag.emails ?? []).map((emailAddress, i) => ({ name: ALERT_NAMES.emailReceiver(i), emailAddress, useCommonAlertSchema: true })),
                    tags: args.tags,
                },
                { parent: this },
            ).id;
        const ruleNames: string[] = [];
        for (const [key, target] of Object.entries(args.endpoints)) {
            const t = resolveAlertThresholds(undefined, target.thresholds);
            if (!t.enabled) continue;
            const memory = target.memoryInGB ?? SERVING_DEFAULTS["serving.endpoints.*.memoryInGB"];
            for (const c of endpointAlertCriteria(target.kind, key, t, memory, target.roleName ?? key)) {
                const ruleName = ALERT_NAMES.rule(args.namePrefix, key, c.role);
                ruleNames.push(ruleName);
                new MetricAlert(
                    `${name}-${key}-${c.role}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        ruleName,
                        location: "global",
                        description: c.description,
                        severity: c.severity,
                        enabled: true,
                        // Resolved when the metric is back under its threshold: no stale alert to close by hand.
                        autoMitigate: true,
                        // An endpoint reporting to an Application Insights of its own is watched there; the others' telemetry is the workspace's.
                        scopes: [c.scope === "endpoint" || target.kind === EndpointMetricsKind.ApplicationInsights ? target.resourceId : args.applicationInsightsId],
                        windowSize: t.window,
                        evaluationFrequency: ALERT_WINDOWS[t.window].frequency,
                        criteria: {
                            odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                            allOf: [
                                {
                                    criterionType: "StaticThresholdCriterion",
                                    name: c.role,
                                    metricNamespace: c.metricNamespace,
                                    metricName: c.metricName,
                                    timeAggregation: c.timeAggregation,
                                    operator: c.operator,
                                    threshold: c.threshold,
                                    dimensions: c.dimensions,
                                },
                            ],
                        },
                        actions: [{ actionGroupId }],
                        tags: args.tags,
                    },
                    childOpts,
                );
            }
        }
        this.actionGroupId = pulumi.output(actionGroupId);
        this.ruleNames = pulumi.output(ruleNames);
        this.registerOutputs({ actionGroupId: this.actionGroupId, ruleNames: this.ruleNames });
    }
}
