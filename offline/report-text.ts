/** Human-readable rendering of a PolicyReport: violations grouped by resource, then a summary. */
import type { PolicyReport, SkippedEvaluation, Violation } from "./policy-report";
import { policySummary, renderPolicySummary } from "./policy-summary";

/** Resource names listed per skipped policy before "and N more". */
const SKIPPED_NAMES_SHOWN = 3;

/** Renders the report as text (no colours, so it is safe in CI logs and files). */
export function renderText(report: PolicyReport): string {
    const s = report.summary;
    const lines: string[] = [
        `Policy results for ${s.project}/${s.stack}: ${s.resources} resources, ${s.policiesEvaluated} policies`,
        "",
    ];
    const byResource = new Map<string, Violation[]>();
    for (const v of report.violations) {
        const list = byResource.get(v.urn) ?? [];
        list.push(v);
        byResource.set(v.urn, list);
    }
    for (const [urn, list] of byResource) {
        const first = list[0];
        lines.push(first.resourceName ? `${first.resourceName} (${first.resourceType})` : "stack", `  ${urn}`);
        const ordered = [...list].sort((a, b) => (a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1));
        for (const v of ordered) {
            const [headline, ...detail] = v.message.split("\n");
            lines.push(`  ${v.enforcementLevel === "mandatory" ? "MANDATORY" : "advisory "} [${v.severity}] ${v.policyName}: ${headline}`);
            for (const d of detail) {
                lines.push(`      ${d}`);
            }
        }
        lines.push("");
    }
    if (report.skipped.length > 0) {
        lines.push("Skipped (values not known):", ...renderSkipped(report.skipped), "");
    }
    if (report.errors.length > 0) {
        lines.push("Policy failures:");
        for (const e of report.errors) {
            lines.push(`  ${e.policyName}${e.urn ? ` on ${e.urn}` : ""}: ${e.message}`);
        }
        lines.push("");
    }
    for (const w of report.warnings) {
        lines.push(`warning: ${w}`);
    }
    lines.push(renderPolicySummary(policySummary(report)), "");
    lines.push(
        `${s.mandatory} mandatory, ${s.advisory} advisory, ${s.skipped} skipped, ${s.errors} failed: ${s.passed ? "PASSED" : "FAILED"}`,
    );
    return `${lines.join("\n")}\n`;
}

/** The name part of a URN (`...::name`). */
function nameOfUrn(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/**
 * One line per skipped policy: how many resources, a few of their names, and the
 * distinct reasons without the analyzer's "can't run policy 'x' from policy pack 'y'" preamble,
 * which repeats the policy name on every line.
 */
export function renderSkipped(skipped: readonly SkippedEvaluation[]): string[] {
    const byPolicy = new Map<string, SkippedEvaluation[]>();
    for (const k of skipped) byPolicy.set(k.policyName, [...(byPolicy.get(k.policyName) ?? []), k]);
    return [...byPolicy].map(([policy, list]) => {
        const names = [...new Set(list.map((k) => (k.urn ? nameOfUrn(k.urn) : "stack")))];
        const shown = names.slice(0, SKIPPED_NAMES_SHOWN).join(", ") + (names.length > SKIPPED_NAMES_SHOWN ? `, and ${names.length - SKIPPED_NAMES_SHOWN} more` : "");
        const preamble = `can't run policy '${policy}' from policy pack `;
        const detail = (reason: string): string => {
            const end = reason.startsWith(preamble) ? reason.indexOf(": ", preamble.length) : -1;
            return end < 0 ? reason : reason.slice(end + 2);
        };
        const reasons = [...new Set(list.map((k) => detail(k.reason)))];
        const count = `${names.length} ${names.length === 1 ? "resource" : "resources"}`;
        return `  ${policy}: ${count} (${shown}): ${reasons.join("; ")}`;
    });
}
