/**
 * Evaluates the policy pack on a captured stack, giving each policy exactly
 * what @pulumi/policy's analyzer server gives it (node_modules/@pulumi/policy/
 * server.js): the same ResourceValidationArgs / StackValidationArgs fields, the
 * same enforcement resolution ("disabled" skips, "remediate" reports as
 * mandatory), the `__pulumiType` fast path, notApplicable, the object and
 * string forms of reportViolation, a fresh deserialized copy of props per
 * validation wrapped in the real unknown-checking proxy, and UnknownValueError
 * turned into a skip. Used by the offline plan, the audit and the tests.
 *
 * Deliberate differences, for an offline tool: a policy that throws is
 * reported as a failure (the real server aborts the whole preview), and stack
 * policies see outputs overlaid on inputs (the engine passes outputs only;
 * checkpoints written by hand often lack outputs, and input-only path
 * parameters such as a diagnostic setting's resourceUri are useful here).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type {
    EnforcementLevel,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidation,
    ResourceValidationArgs,
    Severity,
    StackValidationArgs,
} from "@pulumi/policy";
import { allPolicies, PACK_ENFORCEMENT_LEVEL, PACK_NAME } from "../policies/all";
import type { AmlPolicy } from "../policies/lib/meta";
// The version in skip messages (the server's `'<pack>@v<version>'`) is policies/package.json's.
import { PACK_VERSION } from "../policies/lib/pack-version";
import { isUnknownValueError, unknownCheckingProxy } from "../policies/lib/pulumi-internals";
import type { CapturedResource, CapturedStack } from "./graph";
import { reconcilePolicyConfig, type PolicyPackConfigFile, type ResolvedPolicyConfig } from "./policy-config";
import type { PolicyFailure, PolicyMeta, PolicyOutcome, PolicyReport, SkippedEvaluation, Violation } from "./policy-report";
import { pathCrossesSecret, toAnalyzerProps } from "./policy-values";

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

/** The server's isTypeOf: `__pulumiType` on the class, else its isInstance. */
function isTypeOf(type: string, resourceClass: unknown): boolean {
    const cls = resourceClass as { __pulumiType?: unknown; isInstance?: (o: unknown) => boolean };
    if (typeof cls?.__pulumiType === "string" && cls.__pulumiType.length > 0) {
        return type === cls.__pulumiType;
    }
    return typeof cls?.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

/** The server's getPulumiType on a validation function. */
function pulumiTypeOf(fn: unknown): string | undefined {
    const t = (fn as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof t === "string" && t.length > 0 ? t : undefined;
}

const optionsCache = new WeakMap<CapturedResource, PolicyResourceOptions>();

/** The analyzer's resource options for a captured resource (frozen, so it can be shared). */
function optionsOf(r: CapturedResource): PolicyResourceOptions {
    let cached = optionsCache.get(r);
    if (!cached) {
        cached = Object.freeze(buildOptions(r));
        optionsCache.set(r, cached);
    }
    return cached;
}

/** Builds the options (server.js getResourceOptions). */
function buildOptions(r: CapturedResource): PolicyResourceOptions {
    const opts: PolicyResourceOptions = {
        protect: r.protect,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
    };
    if (r.parent) {
        opts.parent = r.parent;
    }
    return opts;
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

/** Runs a validation and rejects async policies (the harness is synchronous). */
function runSync(fn: () => unknown): void {
    const result = fn();
    if (result && typeof (result as { then?: unknown }).then === "function") {
        throw new Error("the policy returned a Promise; the offline harness only runs synchronous policies");
    }
}

/** The stack root URN (for stack-wide findings). */
function stackUrn(stack: CapturedStack): string {
    return (
        stack.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ??
        `urn:pulumi:${stack.stack}::${stack.project}::pulumi:pulumi:Stack::${stack.project}-${stack.stack}`
    );
}

/** Splits a provider reference `<urn>::<id>` into its URN. */
function providerUrn(ref: string | undefined): string | undefined {
    if (!ref) {
        return undefined;
    }
    const i = ref.lastIndexOf("::");
    return i > 0 ? ref.slice(0, i) : ref;
}

/** The analyzer's provider resource for `r` (provider inputs as props, deserialized on first read). */
function providerOf(r: CapturedResource, byUrn: Map<string, CapturedResource>): PolicyProviderResource | undefined {
    const prov = byUrn.get(providerUrn(r.provider) ?? "");
    if (!prov) {
        return undefined;
    }
    let props: Record<string, unknown> | undefined;
    return {
        type: prov.type,
        get props() {
            return (props ??= unknownCheckingProxy(toAnalyzerProps(prov.inputs)));
        },
        urn: prov.urn,
        name: prov.name,
    };
}

/** A memoized getter of the analyzer's view of `values`, deserialized on first read. */
function lazyProps(values: () => Record<string, unknown>): () => Record<string, unknown> {
    let props: Record<string, unknown> | undefined;
    return () => (props ??= unknownCheckingProxy(toAnalyzerProps(values())));
}

/**
 * The fields resource and stack policies both get for a resource. Callers add
 * their own fields by assignment: spreading would read the lazy `props` getter.
 */
function resourceView(r: CapturedResource, propsOf: () => Record<string, unknown>) {
    return {
        type: r.type,
        get props() {
            return propsOf();
        },
        urn: r.urn,
        name: r.name,
        opts: optionsOf(r),
        isType: (cls: unknown) => isTypeOf(r.type, cls),
        asType: (cls: unknown) => (isTypeOf(r.type, cls) ? propsOf() : undefined),
    };
}

/** What every policy evaluation of one run shares. */
interface RunContext {
    /** The stack under evaluation. */
    stack: CapturedStack;
    /** Its resources by URN. */
    byUrn: Map<string, CapturedResource>;
    /** Stack tags handed to policies. */
    stackTags: ReadonlyMap<string, string>;
    /** Results collected so far. */
    state: RunState;
}

/** `getConfig` as the server gives it: a fresh copy of the reconciled properties per call. */
function configGetter(resolved: ResolvedPolicyConfig): <T extends object>() => T {
    return <T extends object>(): T => ({ ...resolved.properties }) as T;
}

/** Evaluates one resource policy on every resource. */
function runResourcePolicy(
    p: AmlPolicy & { validateResource?: ResourceValidation | ResourceValidation[] },
    level: EnforcementLevel,
    resolved: ResolvedPolicyConfig,
    run: RunContext,
): void {
    const { stack, byUrn, stackTags, state } = run;
    if (!p.validateResource) {
        state.notApplicable += stack.resources.length;
        state.uncalled += stack.resources.length;
        return;
    }
    const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
    const fastType = Array.isArray(p.validateResource) ? undefined : pulumiTypeOf(p.validateResource);
    const getConfig = configGetter(resolved);
    for (const r of stack.resources) {
        if (fastType !== undefined && r.type !== fastType) {
            state.notApplicable++;
            state.uncalled++;
            continue;
        }
        const report = makeReporter(p, level, state, () => ({ urn: r.urn, resource: r }));
        for (const validation of validations) {
            try {
                // The server deserializes before calling the validation; we do it on first access to
                // `props` (same object thereafter), which only saves work for policies that bail out on type.
                state.calls++;
                const args = resourceView(r, lazyProps(() => r.inputs)) as ResourceValidationArgs;
                args.stackTags = stackTags;
                args.getConfig = getConfig;
                args.notApplicable = throwNotApplicable;
                const provider = providerOf(r, byUrn);
                if (provider) {
                    args.provider = provider;
                }
                runSync(() => validation(args, report as Parameters<ResourceValidation>[1]));
            } catch (e) {
                classify(e, p, state, r, r.inputs);
            }
        }
    }
}

/** Builds the stack policy view of every resource (server: rebuilt per policy). */
function policyResources(stack: CapturedStack, byUrn: Map<string, CapturedResource>): PolicyResource[] {
    const built = stack.resources.map((r) => {
        // Deserialized on first access (fresh per policy, as the server rebuilds per policy):
        // a stack policy that never reads a resource's props costs nothing for it.
        const resource = resourceView(r, lazyProps(() => ({ ...r.inputs, ...(r.outputs ?? {}) }))) as PolicyResource;
        resource.dependencies = [];
        resource.propertyDependencies = {};
        const provider = providerOf(r, byUrn);
        if (provider) {
            resource.provider = provider;
        }
        return resource;
    });
    const index = new Map(built.map((b) => [b.urn, b]));
    stack.resources.forEach((r, i) => {
        const b = built[i];
        const parent = r.parent ? index.get(r.parent) : undefined;
        if (parent) {
            b.parent = parent;
        }
        b.dependencies = r.dependencies.map((d) => index.get(d)).filter((d): d is PolicyResource => d !== undefined);
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
            b.propertyDependencies[k] = urns.map((d) => index.get(d)).filter((d): d is PolicyResource => d !== undefined);
        }
    });
    return built;
}

/** Evaluates one stack policy. */
function runStackPolicy(
    p: AmlPolicy,
    level: EnforcementLevel,
    resolved: ResolvedPolicyConfig,
    run: RunContext,
): void {
    const { stack, byUrn, stackTags, state } = run;
    if (!("validateStack" in p) || typeof p.validateStack !== "function") {
        return;
    }
    const rootUrn = stackUrn(stack);
    const report = makeReporter(p, level, state, (urn) => ({ urn: urn ?? rootUrn, resource: byUrn.get(urn ?? rootUrn) }));
    const validateStack = p.validateStack;
    state.calls++;
    try {
        const args: StackValidationArgs = {
            resources: policyResources(stack, byUrn),
            getConfig: configGetter(resolved),
            stackTags,
            notApplicable: throwNotApplicable,
        };
        runSync(() => validateStack(args, report as Parameters<typeof validateStack>[1]));
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
    const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
    const state: RunState = { violations: [], skipped: [], errors: [], notApplicable: 0, calls: 0, uncalled: 0 };
    const outcomes: PolicyOutcome[] = [];
    const run: RunContext = { stack, byUrn, stackTags, state };
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
