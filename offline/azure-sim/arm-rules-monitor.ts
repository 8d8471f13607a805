/**
 * What Azure refuses about action groups and metric alert rules (the endpoint alerts).
 *
 * Sources (read 2026-12-04):
 * - "Microsoft.Insights actionGroups" template reference
 *   (https://learn.microsoft.com/azure/templates/microsoft.insights/actiongroups): `groupShortName`
 *   max length 12; receiver names "must be unique across all receivers within an action group"
 *   (azure-native's MicrosoftCommonEmailReceiver `name`, the REST model's own words).
 * - "Metric Alerts - Create Or Update" (https://learn.microsoft.com/rest/api/monitor/metric-alerts/create-or-update):
 *   severity {0, 1, 2, 3, 4}; `targetResourceType` and `targetResourceRegion` "mandatory if the
 *   scope contains a subscription, resource group, or more than one resource".
 * - "Resource Manager template samples for metric alert rules"
 *   (https://learn.microsoft.com/azure/azure-monitor/alerts/resource-manager-alerts-metric): the
 *   window "must be between one minute and one day" and the evaluation frequencies offered; the
 *   values are the one table in components/serving/endpoint-alert-metrics.ts.
 */
import { readPath } from "../../components/object-path";
import { ACTION_GROUP_SHORT_NAME_MAX, ARM_EVALUATION_FREQUENCIES, ARM_WINDOW_SIZES } from "../../components/serving/endpoint-alert-metrics";
import type { RuleSubject } from "./arm-rules";

type Rule = (s: RuleSubject) => string | undefined;

const RECEIVER_LISTS = ["emailReceivers", "smsReceivers", "webhookReceivers", "voiceReceivers", "azureAppPushReceivers", "armRoleReceivers", "logicAppReceivers", "azureFunctionReceivers", "eventHubReceivers", "automationRunbookReceivers", "itsmReceivers"];

/** Action group rules. */
export const ACTION_GROUP_RULES: readonly Rule[] = [
    (s) => {
        const short = readPath(s.inputs, "groupShortName");
        return typeof short === "string" && (short.length < 1 || short.length > ACTION_GROUP_SHORT_NAME_MAX)
            ? `groupShortName "${short}" has ${short.length} characters; it must have 1-${ACTION_GROUP_SHORT_NAME_MAX}`
            : undefined;
    },
    (s) => {
        const names = RECEIVER_LISTS.flatMap((list) => ((readPath(s.inputs, list) as unknown[] | undefined) ?? []).map((r) => readPath(r, "name")));
        const twice = names.filter((n, i) => typeof n === "string" && names.indexOf(n) !== i);
        return twice.length > 0 ? `receiver name(s) ${[...new Set(twice)].join(", ")} used twice; names must be unique across all receivers of the group` : undefined;
    },
];

/** Metric alert rules. */
export const METRIC_ALERT_RULES: readonly Rule[] = [
    (s) => {
        const sev = readPath(s.inputs, "severity");
        return typeof sev === "number" && !(Number.isInteger(sev) && sev >= 0 && sev <= 4) ? `severity ${sev} is not one of 0, 1, 2, 3, 4` : undefined;
    },
    (s) => {
        const w = readPath(s.inputs, "windowSize");
        return typeof w === "string" && !(ARM_WINDOW_SIZES as readonly string[]).includes(w) ? `windowSize "${w}" is not one of ${ARM_WINDOW_SIZES.join(", ")}` : undefined;
    },
    (s) => {
        const f = readPath(s.inputs, "evaluationFrequency");
        return typeof f === "string" && !(ARM_EVALUATION_FREQUENCIES as readonly string[]).includes(f) ? `evaluationFrequency "${f}" is not one of ${ARM_EVALUATION_FREQUENCIES.join(", ")}` : undefined;
    },
    (s) => {
        const scopes = (readPath(s.inputs, "scopes") as unknown[] | undefined) ?? [];
        const typed = readPath(s.inputs, "targetResourceType") !== undefined && readPath(s.inputs, "targetResourceRegion") !== undefined;
        return scopes.length > 1 && !typed ? `scopes has ${scopes.length} resources; set targetResourceType and targetResourceRegion (mandatory for more than one resource)` : undefined;
    },
];
