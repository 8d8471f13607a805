/** Human-readable rendering of a PolicyReport: violations grouped by resource, then a summary. */
import type { PolicyReport, Violation } from "./policy-report";

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
        lines.push("Skipped (values not known):");
        for (const k of report.skipped) {
            lines.push(`  ${k.policyName}${k.urn ? ` on ${k.urn}` : ""}: ${k.reason}`);
        }
        lines.push("");
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
    lines.push(
        `${s.mandatory} mandatory, ${s.advisory} advisory, ${s.skipped} skipped, ${s.errors} failed: ${s.passed ? "PASSED" : "FAILED"}`,
    );
    return `${lines.join("\n")}\n`;
}
