/** Machine-readable rendering of a PolicyReport (what `--format json` prints). */
import type { PolicyReport } from "./policy-report";
import { policySummary, type PolicySummaryRow } from "./policy-summary";

/** The JSON document: violations, summary, and what could not be evaluated. */
export interface JsonReport {
    /** Violations with policyName, enforcementLevel, severity, urn, message (+ resourceName/Type). */
    violations: PolicyReport["violations"];
    /** Counts and verdict. */
    summary: PolicyReport["summary"];
    /** Evaluations skipped on unknown values. */
    skipped: PolicyReport["skipped"];
    /** Policies that failed. */
    errors: PolicyReport["errors"];
    /** Config warnings. */
    warnings: string[];
    /** Every policy that ran, with its outcome (passed, violated, skipped, not-applicable, failed). */
    evaluated: PolicyReport["evaluated"];
    /** The per-policy summary table's rows (offline/policy-summary.ts), most violations first. */
    byPolicy: PolicySummaryRow[];
}

/** Builds the JSON document. */
export function toJsonReport(report: PolicyReport): JsonReport {
    return {
        violations: report.violations,
        summary: report.summary,
        skipped: report.skipped,
        errors: report.errors,
        warnings: report.warnings,
        evaluated: report.evaluated,
        byPolicy: policySummary(report),
    };
}

/** Renders the report as pretty-printed JSON with a trailing newline. */
export function renderJson(report: PolicyReport): string {
    return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
