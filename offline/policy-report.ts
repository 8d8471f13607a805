/**
 * The report the harness produces and the renderers (offline/report-*.ts)
 * consume. Kept separate from the harness so renderers do not load policies.
 */
import type { EnforcementLevel, PolicyConfigSchema, Severity } from "@pulumi/policy";
import type { PolicySources } from "../policies/lib/meta";

/** One policy violation. */
export interface Violation {
    /** Policy that reported it. */
    policyName: string;
    /** Effective level: mandatory fails the run; advisory warns. */
    enforcementLevel: "advisory" | "mandatory";
    /** Policy severity. */
    severity: Severity;
    /** Offending resource (the stack's URN for stack-wide findings). */
    urn: string;
    /** Full message: the policy description, a newline, then the detail. */
    message: string;
    /** Logical name of the offending resource. */
    resourceName?: string;
    /** Type of the offending resource. */
    resourceType?: string;
}

/** A policy that could not run on a resource because it read an unknown (or undecryptable secret) value. */
export interface SkippedEvaluation {
    /** Policy that was skipped. */
    policyName: string;
    /** Resource it was evaluating (absent for stack policies). */
    urn?: string;
    /** The analyzer's message, e.g. "can't run policy ... during preview: string value at .x can't be known". */
    reason: string;
}

/** A policy that threw (the real analyzer would abort the preview; we report and fail closed). */
export interface PolicyFailure {
    /** Policy that failed. */
    policyName: string;
    /** Resource it was evaluating (absent for stack policies). */
    urn?: string;
    /** Error message. */
    message: string;
}

/** Metadata of a policy, as reports and SARIF need it. */
export interface PolicyMeta {
    /** Policy name (SARIF rule id). */
    name: string;
    /** One sentence. */
    description: string;
    /** Severity. */
    severity: Severity;
    /** Default enforcement level declared by the policy. */
    defaultEnforcementLevel: EnforcementLevel;
    /** Effective enforcement level after config. */
    enforcementLevel: EnforcementLevel;
    /** Resource or stack policy. */
    kind: "resource" | "stack";
    /** Resource types inspected. */
    resourceTypes: string[];
    /** Control ids implemented. */
    controls: string[];
    /** Catalogue sources. */
    sources: PolicySources;
    /** Remediation steps. */
    remediation: string;
    /** Mandatory only in production. */
    productionGated: boolean;
    /** Tunables. */
    configSchema: PolicyConfigSchema;
}

/** Counts and verdict. */
export interface ReportSummary {
    /** Pulumi project. */
    project: string;
    /** Stack name. */
    stack: string;
    /** Whether the graph came from a preview. */
    preview: boolean;
    /** Resources evaluated. */
    resources: number;
    /** Policies that ran (not disabled). */
    policiesEvaluated: number;
    /** All violations. */
    violations: number;
    /** Mandatory violations. */
    mandatory: number;
    /** Advisory violations. */
    advisory: number;
    /** Evaluations skipped on unknown values. */
    skipped: number;
    /** Policies that threw. */
    errors: number;
    /** Not-applicable outcomes (type mismatch, exemption, condition). */
    notApplicable: number;
    /** True when there is no mandatory violation and no policy failure. */
    passed: boolean;
}

/** What one policy that ran (was not disabled) did on the stack. */
export interface PolicyOutcome {
    /** Policy name. */
    policyName: string;
    /** Resource or stack policy. */
    kind: "resource" | "stack";
    /** Effective enforcement level after config. */
    enforcementLevel: EnforcementLevel;
    /**
     * `failed` (threw), `violated` (reported at least one violation), `skipped`
     * (read an unknown value), `passed` (checked something and found nothing),
     * `not-applicable` (nothing to check: every call ended in notApplicable).
     */
    outcome: "failed" | "violated" | "skipped" | "passed" | "not-applicable";
    /** Validation calls: one per resource of its type (resource policy), one (stack policy). */
    evaluations: number;
    /** Calls that ran to the end (neither notApplicable, skipped nor failed). */
    applied: number;
    /** Violations it reported. */
    violations: number;
    /** Not-applicable outcomes (including resources of other types). */
    notApplicable: number;
    /** Skipped evaluations. */
    skipped: number;
    /** Failures. */
    errors: number;
}

/** Everything a policy run produced. */
export interface PolicyReport {
    /** Violations, in evaluation order. */
    violations: Violation[];
    /** Skipped evaluations. */
    skipped: SkippedEvaluation[];
    /** Policy failures. */
    errors: PolicyFailure[];
    /** Config warnings (unknown policy names). */
    warnings: string[];
    /** Counts and verdict. */
    summary: ReportSummary;
    /** Metadata of every policy in the pack. */
    policies: PolicyMeta[];
    /** Every policy that ran, in pack order, with its outcome. */
    evaluated: PolicyOutcome[];
}

/** Process exit code for a report: 1 on a mandatory violation or policy failure, else 0. */
export function exitCodeFor(report: PolicyReport): 0 | 1 {
    return report.summary.passed ? 0 : 1;
}
