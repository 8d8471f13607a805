/**
 * Tiny builders for hand-written captured stacks, and shortcuts that run one
 * policy through the real harness (offline/policy-harness.ts), so policy tests
 * exercise exactly what the plan and the audit run.
 */
import { allPolicies } from "../../policies/all";
import type { AmlPolicy } from "../../policies/lib/meta";
import type { CapturedResource, CapturedStack } from "../../offline/graph";
import { evaluatePolicies, type PolicyOutcome, type PolicyPackConfigFile, type PolicyReport, type Violation } from "../../offline/policy-harness";

/** Project and stack names used by test stacks. */
export const PROJECT = "aml";
/** Stack name used by test stacks. */
export const STACK = "test";

/** Extra fields for {@link res}. */
export type ResourceExtras = Partial<Omit<CapturedResource, "type" | "name" | "inputs">>;

/** A custom resource with a URN derived from type and name. */
export function res(type: string, name: string, inputs: Record<string, unknown> = {}, extra: ResourceExtras = {}): CapturedResource {
    return {
        type,
        name,
        urn: `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`,
        custom: true,
        inputs,
        dependencies: [],
        propertyDependencies: {},
        protect: false,
        ...extra,
    };
}

/** A stack of the given resources. */
export function stackOf(resources: CapturedResource[], preview = false): CapturedStack {
    return { project: PROJECT, stack: STACK, preview, resources };
}

/** The policy named `name` (throws when absent, so a typo fails the test). */
export function policy(name: string): AmlPolicy {
    const p = allPolicies.find((x) => x.name === name);
    if (!p) {
        throw new Error(`no policy named ${name}`);
    }
    return p;
}

/** Every outcome the harness reported to {@link run} in this test file, in order (see {@link outcomesSeen}). */
const outcomes: PolicyOutcome[] = [];

/** Outcomes per policy name seen so far in this test file: proof from the harness's own report that a policy ran and how it ended. */
export function outcomesSeen(): Map<string, Set<PolicyOutcome["outcome"]>> {
    const byPolicy = new Map<string, Set<PolicyOutcome["outcome"]>>();
    for (const o of outcomes) {
        byPolicy.set(o.policyName, (byPolicy.get(o.policyName) ?? new Set()).add(o.outcome));
    }
    return byPolicy;
}

/** Runs only policy `name` on the resources. */
export function run(name: string, resources: CapturedResource[], config?: PolicyPackConfigFile, preview = false): PolicyReport {
    const report = evaluatePolicies(stackOf(resources, preview), config, { policies: [policy(name)] });
    outcomes.push(...report.evaluated);
    return report;
}

/** Violations of policy `name` on the resources. */
export function violations(name: string, resources: CapturedResource[], config?: PolicyPackConfigFile): Violation[] {
    const report = run(name, resources, config);
    if (report.errors.length > 0) {
        throw new Error(`policy ${name} failed: ${report.errors.map((e) => e.message).join("; ")}`);
    }
    return report.violations;
}

/** Detail lines (message minus the description line) of policy `name`'s violations. */
export function details(name: string, resources: CapturedResource[], config?: PolicyPackConfigFile): string[] {
    return violations(name, resources, config).map((v) => v.message.split("\n").slice(1).join("\n"));
}

/** Deep-merges `patch` into a copy of `base` (`undefined` deletes a key). */
export function patch<T extends Record<string, unknown>>(base: T, changes: Record<string, unknown>): T {
    const out: Record<string, unknown> = structuredClone(base);
    for (const [path, value] of Object.entries(changes)) {
        const keys = path.split(".");
        let cur = out;
        for (const k of keys.slice(0, -1)) {
            if (typeof cur[k] !== "object" || cur[k] === null) {
                cur[k] = {};
            }
            cur = cur[k] as Record<string, unknown>;
        }
        const last = keys[keys.length - 1];
        if (value === undefined) {
            delete cur[last];
        } else {
            cur[last] = value;
        }
    }
    return out as T;
}
