/**
 * Evaluates the policy pack on a captured stack, giving each policy exactly
 * what @pulumi/policy's analyzer server gives it (node_modules/@pulumi/policy/
 * server.js): the same ResourceValidationArgs / StackValidationArgs fields, the
 * same enforcement resolution ("disabled" skips, "remediate" reports as
 * mandatory), the `__pulumiType` fast path, notApplicable, the object and
 * string forms of reportViolation, a fresh deserialized copy of props per
 * validation wrapped in the real unknown-checking proxy, and UnknownValueError
 * turned into a skip. Used by the offline plan, the audit and the tests.
 * The argument objects are built in ./policy-views.ts, which derives what
 * does not change between policies once per run (a pack of a hundred
 * policies runs over exports of ten thousand resources).
 *
 * Deliberate differences, for an offline tool: a policy that throws is
 * reported as a failure (the real server aborts the whole preview), and stack
 * policies see outputs overlaid on inputs (the engine passes outputs only;
 * checkpoints written by hand often lack outputs, and input-only path
 * parameters such as a diagnostic setting's resourceUri are useful here).
 * Stack policies share one frozen set of resource objects (the server
 * rebuilds them per policy; props are still a fresh copy per policy), so a
 * policy that tries to change a resource object, rather than its props, fails.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type {
    EnforcementLevel,
    ResourceValidation,
    ResourceValidationArgs,
    Severity,
    StackValidationArgs,
} from "@pulumi/policy";
import { allPolicies, PACK_ENFORCEMENT_LEVEL, PACK_NAME } from "../policies/all";
import type { AmlPolicy } from "../policies/lib/meta";
// The version in skip messages (the server's `'<pack>@v<version>'`) is policies/package.json's.
import { PACK_VERSION } from "../policies/lib/pack-version";
import { isUnknownValueError } from "../policies/lib/pulumi-internals";
import { typeGuardOf } from "../policies/lib/type-guard";
import type { CapturedResource, CapturedStack } from "./graph";
import { reconcilePolicyConfig, type PolicyPackConfigFile, type ResolvedPolicyConfig } from "./policy-config";
import type { PolicyFailure, PolicyMeta, PolicyOutcome, PolicyReport, SkippedEvaluation, Violation } from "./policy-report";
import { pathCrossesSecret } from "./policy-values";
import { ResourceArgs, StackFacts } from "./policy-views";

export { loadPolicyConfig, parseStackTags, PolicyConfigError, type PolicyPackConfigFile } from "./policy-config";
export type { PolicyMeta, PolicyOutcome, PolicyReport, Violation } from "./policy-report";


/** Options for {@link evaluatePolicies}. */
export interface EvaluateOptions {
    /** Policies to run (default: the whole pack). */
    policies?: readonly AmlPolicy[];
    /** Stack tags (`args.stackTags`); default empty. */
    stackTags?: ReadonlyMap<string, string>;
    /** Name of the config file, for error messages. */
    configFile?: string;
}

/** Thrown by notApplicable(), as the server's NotApplicableError. */
class NotApplicableError extends Error {
    /** Creates the error with the optional reason. */
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/** The server's getPulumiType on a validation function. */
function pulumiTypeOf(fn: unknown): string | undefined {
    const t = (fn as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof t === "string" && t.length > 0 ? t : undefined;
}

/** The object form of reportViolation (server.js makeReportViolationFun). */
interface ViolationInfo {
    name?: string;
    message?: string;
    description?: string;
    urn?: string;
    enforcementLevel?: EnforcementLevel;
    severity?: Severity;
}

/** Everything one evaluation run accumulates. */
interface RunState {
    violations: Violation[];
    skipped: SkippedEvaluation[];
    errors: PolicyFailure[];
    notApplicable: number;
    /** Validation calls made (a resource policy: one per resource of its type; a stack policy: one). */
    calls: number;
    /** Not-applicable outcomes decided without a call (the `__pulumiType` fast path). */
    uncalled: number;
}

/** Builds reportViolation for one policy evaluation, mirroring the server. */
function makeReporter(
    p: AmlPolicy,
    level: EnforcementLevel,
    state: RunState,
    locate: (urn: string | undefined) => { urn: string; resource?: CapturedResource },
): (message: string | ViolationInfo, urn?: string) => void {
    const push = (message: string, urnArg: string | undefined, lvl: EnforcementLevel, severity: Severity | undefined): void => {
        const { urn, resource } = locate(urnArg);
        state.violations.push({
            policyName: p.name,
            enforcementLevel: lvl === "mandatory" || lvl === "remediate" ? "mandatory" : "advisory",
            severity: severity ?? p.severity,
            urn,
            message,
            ...(resource ? { resourceName: resource.name, resourceType: resource.type } : {}),
        });
    };
    return (message, urn) => {
        if (typeof message === "object" && message !== null) {
            push(
                message.message || message.description || p.description,
                message.urn,
                message.enforcementLevel || level,
                message.severity,
            );
        } else {
            push(message ? `${p.description}\n${message}` : p.description, urn, level, undefined);
        }
    };
}

/** Records an exception thrown by a validation the way the server classifies it. */
function classify(e: unknown, p: AmlPolicy, state: RunState, resource?: CapturedResource, raw?: unknown): void {
    if (e instanceof NotApplicableError) {
        state.notApplicable++;
    } else if (isUnknownValueError(e)) {
        const secret = raw !== undefined && pathCrossesSecret(raw, e.props) ? " (the value is a Pulumi secret the offline tools cannot decrypt)" : "";
        state.skipped.push({
            policyName: p.name,
            ...(resource ? { urn: resource.urn } : {}),
            reason: `can't run policy '${p.name}' from policy pack '${PACK_NAME}@v${PACK_VERSION}' during preview: ${e.message}${secret}`,
        });
    } else {
        state.errors.push({
            policyName: p.name,
            ...(resource ? { urn: resource.urn } : {}),
            message: e instanceof Error ? e.message : String(e),
        });
    }
}

/** Rejects async policies (the harness is synchronous); `result` is what a validation returned. */
function requireSync(result: unknown): void {
    if (result && typeof (result as { then?: unknown }).then === "function") {
        throw new Error("the policy returned a Promise; the offline harness only runs synchronous policies");
    }
}

/** What every policy evaluation of one run shares. */
interface RunContext {
    /** The stack under evaluation and what is derived from it once. */
    facts: StackFacts;
    /** Stack tags handed to policies. */
    stackTags: ReadonlyMap<string, string>;
    /** Results collected so far. */
    state: RunState;
}

/** `getConfig` as the server gives it: a fresh copy of the reconciled properties per call. */
function configGetter(resolved: ResolvedPolicyConfig): <T extends object>() => T {
    return <T extends object>(): T => ({ ...resolved.properties }) as T;
}

/**
 * Evaluates one resource policy on every resource, in stack order. Resources
 * a validation certainly does not apply to are counted as the server's
 * outcome without a call: other types than a single validation's
 * `__pulumiType` (the server does the same), and other types than those a
 * validation is marked as testing first (policies/lib/type-guard.ts; counted
 * as a call that was not applicable, as the call would have been).
 */
function runResourcePolicy(
    p: AmlPolicy & { validateResource?: ResourceValidation | ResourceValidation[] },
    level: EnforcementLevel,
    resolved: ResolvedPolicyConfig,
    run: RunContext,
): void {
    const { facts, stackTags, state } = run;
    const all = facts.stack.resources;
    if (!p.validateResource) {
        state.notApplicable += all.length;
        state.uncalled += all.length;
        return;
    }
    const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
    const fastType = Array.isArray(p.validateResource) ? undefined : pulumiTypeOf(p.validateResource);
    const guard = Array.isArray(p.validateResource) ? undefined : typeGuardOf(p.validateResource);
    const getConfig = configGetter(resolved);
    let current = all[0];
    const report = makeReporter(p, level, state, () => ({ urn: current.urn, resource: current })) as Parameters<ResourceValidation>[1];
    let subjects = all;
    if (fastType !== undefined) {
        subjects = facts.byType.get(fastType) ?? [];
        state.notApplicable += all.length - subjects.length;
        state.uncalled += all.length - subjects.length;
    }
    for (const r of subjects) {
        if (guard !== undefined && !guard.has(r.type)) {
            state.calls++;
            state.notApplicable++;
            continue;
        }
        current = r;
        for (const validation of validations) {
            state.calls++;
            try {
                const args = new ResourceArgs(r, facts) as unknown as ResourceValidationArgs;
                args.stackTags = stackTags;
                args.getConfig = getConfig;
                args.notApplicable = throwNotApplicable;
                requireSync(validation(args, report));
            } catch (e) {
                classify(e, p, state, r, r.inputs);
            }
        }
    }
}

/** Evaluates one stack policy. */
function runStackPolicy(
    p: AmlPolicy,
    level: EnforcementLevel,
    resolved: ResolvedPolicyConfig,
    run: RunContext,
): void {
    const { facts, stackTags, state } = run;
    if (!("validateStack" in p) || typeof p.validateStack !== "function") {
        return;
    }
    const report = makeReporter(p, level, state, (urn) => ({ urn: urn ?? facts.rootUrn, resource: facts.byUrn.get(urn ?? facts.rootUrn) }));
    const validateStack = p.validateStack;
    state.calls++;
    try {
        const args: StackValidationArgs = {
            resources: facts.stackResources(),
            getConfig: configGetter(resolved),
            stackTags,
            notApplicable: throwNotApplicable,
        };
        requireSync(validateStack(args, report as Parameters<typeof validateStack>[1]));
    } catch (e) {
        classify(e, p, state);
    }
}

/** Metadata of a policy for reports. */
function metaOf(p: AmlPolicy, level: EnforcementLevel): PolicyMeta {
    return {
        name: p.name,
        description: p.description,
        severity: p.severity,
        defaultEnforcementLevel: p.enforcementLevel,
        enforcementLevel: level,
        kind: p.kind,
        resourceTypes: p.resourceTypes,
        controls: p.controls,
        sources: p.sources,
        remediation: p.remediationSteps,
        productionGated: p.productionGated,
        configSchema: p.configSchema,
    };
}

/**
 * Evaluates the pack on `stack` with an optional `--policy-pack-config`-style
 * config. Throws PolicyConfigError when the config is invalid for the pack.
 */
export function evaluatePolicies(stack: CapturedStack, config?: PolicyPackConfigFile, options: EvaluateOptions = {}): PolicyReport {
    const policies = options.policies ?? allPolicies;
    // Like the server: stack tags come from the engine (configureStack), empty until it sends some, frozen.
    const stackTags = freezeMap(new Map(options.stackTags ?? []));
    const { byPolicy, warnings } = reconcilePolicyConfig(policies, config, PACK_ENFORCEMENT_LEVEL, options.configFile);
    const state: RunState = { violations: [], skipped: [], errors: [], notApplicable: 0, calls: 0, uncalled: 0 };
    const outcomes: PolicyOutcome[] = [];
    const run: RunContext = { facts: new StackFacts(stack), stackTags, state };
    let evaluated = 0;
    // notApplicable() is an exception per resource and type; stack capture is most of its cost,
    // and reports only carry messages, so traces are off while policies run.
    const traceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        for (const p of policies) {
            const resolved = byPolicy.get(p.name)!;
            const level = resolved.enforcementLevel;
            if (level === "disabled") {
                continue;
            }
            evaluated++;
            // Stack policies cannot remediate and a remediating resource policy still violating is mandatory.
            const effective: EnforcementLevel = level === "remediate" ? "mandatory" : level;
            const before = snapshot(state);
            if (p.kind === "resource") {
                runResourcePolicy(p, effective, resolved, run);
            } else {
                runStackPolicy(p, effective, resolved, run);
            }
            outcomes.push(outcomeOf(p, level, before, snapshot(state)));
        }
    } finally {
        Error.stackTraceLimit = traceLimit;
    }
    const mandatory = state.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    return {
        violations: state.violations,
        skipped: state.skipped,
        errors: state.errors,
        warnings,
        summary: {
            project: stack.project,
            stack: stack.stack,
            preview: stack.preview,
            resources: stack.resources.length,
            policiesEvaluated: evaluated,
            violations: state.violations.length,
            mandatory,
            advisory: state.violations.length - mandatory,
            skipped: state.skipped.length,
            errors: state.errors.length,
            notApplicable: state.notApplicable,
            passed: mandatory === 0 && state.errors.length === 0,
        },
        policies: policies.map((p) => metaOf(p, byPolicy.get(p.name)!.enforcementLevel)),
        evaluated: outcomes,
    };
}

/** Counters of a run at one moment. */
interface Counts {
    violations: number;
    skipped: number;
    errors: number;
    notApplicable: number;
    calls: number;
    uncalled: number;
}

function snapshot(state: RunState): Counts {
    return { violations: state.violations.length, skipped: state.skipped.length, errors: state.errors.length, notApplicable: state.notApplicable, calls: state.calls, uncalled: state.uncalled };
}

/** What one policy did, from the counters before and after it ran. */
function outcomeOf(p: AmlPolicy, level: EnforcementLevel, before: Counts, after: Counts): PolicyOutcome {
    const d = (k: keyof Counts): number => after[k] - before[k];
    const evaluations = d("calls");
    const notApplicable = d("notApplicable");
    const skipped = d("skipped");
    const errors = d("errors");
    const violations = d("violations");
    // A validation call ends in exactly one of: returned (maybe with violations), notApplicable, skip, error.
    const applied = evaluations - (notApplicable - d("uncalled")) - skipped - errors;
    const outcome: PolicyOutcome["outcome"] =
        errors > 0 ? "failed" : violations > 0 ? "violated" : skipped > 0 ? "skipped" : applied > 0 ? "passed" : "not-applicable";
    return { policyName: p.name, kind: p.kind, enforcementLevel: level, outcome, evaluations, applied, violations, notApplicable, skipped, errors };
}

/** A read-only view of a map, as the server's freezeMap (stack tags cannot be changed by a policy). */
function freezeMap(map: Map<string, string>): ReadonlyMap<string, string> {
    return Object.freeze({
        entries: map.entries.bind(map),
        forEach: map.forEach.bind(map),
        get: map.get.bind(map),
        has: map.has.bind(map),
        keys: map.keys.bind(map),
        size: map.size,
        values: map.values.bind(map),
        [Symbol.iterator]: map[Symbol.iterator].bind(map),
    }) as ReadonlyMap<string, string>;
}

/**
 * The policy config file the plan uses for a stack: `policies/config/<stack>.json`
 * under `projectRoot`, when it exists.
 */
export function stackPolicyConfigPath(stack: string, projectRoot: string): string | undefined {
    const path = join(projectRoot, "policies", "config", `${stack}.json`);
    return existsSync(path) ? path : undefined;
}
