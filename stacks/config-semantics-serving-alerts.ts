/**
 * Endpoint alerts in the config (`serving.alerts`, `serving.endpoints.<key>.alerts`, and the same
 * under `teams.<key>.serving`): endpoints with alerts need someone to notify, an existing action
 * group must be one, and every window must be one the alerts are built for
 * (components/serving/endpoint-alert-metrics.ts ALERT_WINDOWS, from "Resource Manager template
 * samples for metric alert rules", https://learn.microsoft.com/azure/azure-monitor/alerts/resource-manager-alerts-metric,
 * read 2026-12-04). Without these, `pulumi up` would create endpoints whose alerts ARM refuses, or
 * alerts nobody receives.
 */
import { ALERT_WINDOWS, resolveAlertThresholds } from "../components/serving/endpoint-alert-metrics";
import type { PlatformEndpointAlertThresholdsArgs } from "../components/serving/platform-serving-args";
import { resourceTypeOfId } from "../components/resource-ids";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig, Serving } from "./config-types";
import { guardedEntries } from "./config-guard";
import { servingBlocksOf } from "./config-serving";

const ACTION_GROUP_TYPE = "microsoft.insights/actiongroups";

/** Problems of one set of thresholds at `path`. */
function thresholdProblems(path: string, t: PlatformEndpointAlertThresholdsArgs | undefined): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    if (t?.window !== undefined && ALERT_WINDOWS[t.window] === undefined) {
        out.push({ path: at(`${path}.window`), problem: `"${t.window}" is not an alert window`, fix: `use one of ${Object.keys(ALERT_WINDOWS).join(", ")}` });
    }
    if (t?.availabilityPercent === 0) {
        out.push({ path: at(`${path}.availabilityPercent`), problem: "is 0, and availability is never below 0%: the alert could never fire", fix: "set the availability you promise, e.g. 99, or set enabled: false to have no alerts" });
    }
    return out;
}

/** Problems of one serving block's alerts. */
function blockProblems(prefix: string, s: NonNullable<Serving>): ConfigProblem[] {
    const out: ConfigProblem[] = [...thresholdProblems(`${prefix}.alerts.thresholds`, s.alerts?.thresholds)];
    const alerted: string[] = [];
    for (const [key, e] of guardedEntries(out, s.endpoints)) {
        out.push(...thresholdProblems(`${prefix}.endpoints.${key}.alerts`, e.alerts));
        if (resolveAlertThresholds(s.alerts?.thresholds, e.alerts).enabled) alerted.push(key);
    }
    const ag = s.alerts?.actionGroup;
    const agPath = `${prefix}.alerts.actionGroup`;
    if (alerted.length > 0 && ag?.existingId === undefined && (ag?.emails ?? []).length === 0) {
        out.push({
            path: at(agPath),
            problem: `${ag === undefined ? "is not set" : "has neither emails nor existingId"}, but endpoint(s) ${alerted.join(", ")} have alerts enabled and nobody would be told`,
            fix: `set ${agPath}.emails (e.g. [ml-oncall@contoso.example]) or ${agPath}.existingId (an action group ID), or set alerts.enabled: false on those endpoints`,
        });
    }
    if (ag?.existingId !== undefined) {
        if (resourceTypeOfId(ag.existingId)?.toLowerCase() !== ACTION_GROUP_TYPE) {
            out.push({ path: at(`${agPath}.existingId`), problem: `"${ag.existingId}" is not an action group ID`, fix: "use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/actionGroups/<name>" });
        }
        if (ag.emails !== undefined || ag.shortName !== undefined) {
            out.push({ path: at(agPath), problem: "sets existingId together with emails or shortName, which describe a group the stack creates", fix: "keep existingId (its receivers are managed where it lives) or remove it to create a group" });
        }
    }
    if (ag?.shortName !== undefined && ag.shortName.trim() === "") {
        out.push({ path: at(`${agPath}.shortName`), problem: "is empty", fix: "give 1-12 characters (shown in SMS and email), or remove it to derive one from the workspace" });
    }
    const emails = (ag?.emails ?? []).map((e) => e.toLowerCase());
    const twice = [...new Set(emails.filter((e, i) => emails.indexOf(e) !== i))];
    if (twice.length > 0) out.push({ path: at(`${agPath}.emails`), problem: `lists ${twice.join(", ")} more than once`, fix: "list each address once" });
    return out;
}

/** Endpoint alert problems of every serving block. */
export function servingAlertProblems(c: PlatformConfig): ConfigProblem[] {
    return servingBlocksOf(c).flatMap((b) => blockProblems(b.path, b.serving));
}

/** The checks config.ts runs with the other semantic checks. */
export const SERVING_ALERT_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [servingAlertProblems];
