/**
 * The per-policy summary table (issue 13, item 5): one row per policy that ran, so a large
 * stack's results read at a glance. Violations and skips are counted from the report's lists
 * (so a report narrowed by `--only` counts what is shown); "checked" is the policy's applied
 * evaluations on the whole stack (the harness counts them per policy, not per resource).
 */
import type { PolicyReport } from "./policy-report";

/** One row of the table. */
export interface PolicySummaryRow {
    /** Policy name. */
    policy: string;
    /** Effective enforcement level (advisory, mandatory, remediate). */
    enforcement: string;
    /** Evaluations that ran to the end on the whole stack (the harness's `applied`). */
    checked: number;
    /** Violations reported (in the shown report). */
    violations: number;
    /** Evaluations skipped on unknown values (in the shown report). */
    skipped: number;
}

/** The rows: every evaluated policy, most violations first, then by name. */
export function policySummary(report: PolicyReport): PolicySummaryRow[] {
    const count = (names: readonly { policyName: string }[]): Map<string, number> => {
        const m = new Map<string, number>();
        for (const { policyName } of names) m.set(policyName, (m.get(policyName) ?? 0) + 1);
        return m;
    };
    const violations = count(report.violations);
    const skipped = count(report.skipped);
    return report.evaluated
        .map((o) => ({ policy: o.policyName, enforcement: o.enforcementLevel, checked: o.applied, violations: violations.get(o.policyName) ?? 0, skipped: skipped.get(o.policyName) ?? 0 }))
        .sort((a, b) => b.violations - a.violations || (a.policy < b.policy ? -1 : a.policy > b.policy ? 1 : 0));
}

const HEADERS = ["Policy", "Enforcement", "Checked", "Violations", "Skipped"] as const;

/** Renders the rows as an aligned table (names left, counts right), headed "Per policy:". */
export function renderPolicySummary(rows: readonly PolicySummaryRow[]): string {
    const cells = rows.map((r) => [r.policy, r.enforcement, String(r.checked), String(r.violations), String(r.skipped)]);
    const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: readonly string[]): string => `  ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ")}`.trimEnd();
    return ["Per policy:", line(HEADERS), ...(rows.length === 0 ? ["  (no policy ran)"] : cells.map(line))].join("\n");
}
