/**
 * Builders that turn a small spec into a Pulumi policy object plus this pack's
 * metadata. They own the behaviour every policy shares, so rules stay short:
 * type filtering (with the `__pulumiType` fast path the analyzer server uses),
 * exemptions by resource name, production resolution (./environment.ts) and
 * gating, and message shape.
 */
import type {
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    Severity,
    StackValidation,
    StackValidationArgs,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { EXEMPTIONS_SCHEMA, PRODUCTION_SCHEMA, matchingExemption, type ProductionConfig } from "./config";
import { resourceIsProduction, stackProduction } from "./environment";
import type { Matcher } from "./matchers";
import type { AmlPolicyMeta, AmlResourcePolicy, AmlStackPolicy, PolicySources } from "./meta";
import { readPath, show, type Obj } from "./read";
import { markTypeGuard } from "./type-guard";

/** Fields shared by resource and stack specs. */
export interface CommonSpec {
    /** Stable kebab-case name. */
    name: string;
    /** One sentence. */
    description: string;
    /** Severity of a violation. */
    severity: Severity;
    /** Default enforcement level; "mandatory" unless the control says advisory. */
    enforcementLevel?: EnforcementLevel;
    /** What to do about a violation. */
    remediation: string;
    /** Catalogue sources. */
    sources: PolicySources;
    /** Control ids from controls.ts. */
    controls: string[];
    /** Resource types inspected (`*` for every type). */
    types: string[];
    /** Mandatory only in production (./environment.ts decides); advisory otherwise. */
    productionGated?: boolean;
    /** The check itself depends on production (stricter minimums); adds the production keys like `productionGated`. */
    productionAware?: boolean;
    /** Extra tunables beyond exemptions (and the production keys, added when gated or aware). */
    config?: Record<string, PolicyConfigJSONSchema>;
}

/** What a resource check receives. */
export interface ResourceCheck<C> {
    /** The resource inputs (analyzer proxy: unknown values throw when read). */
    props: Obj;
    /** The analyzer's full argument bag. */
    args: ResourceValidationArgs;
    /** Reconciled config (schema defaults applied). */
    config: C;
    /** Whether this resource is production (./environment.ts: config override, own tag, stack tag). */
    production: boolean;
    /** Reports one violation; `advisory` reports it as advisory whatever the policy's level (a weaker but allowed setting). */
    report(message: string, advisory?: boolean): void;
}

/** Spec of a resource policy. */
export interface ResourceSpec<C> extends CommonSpec {
    /** Validates one resource. */
    check(r: ResourceCheck<C>): void;
}

/** What a stack check receives. */
export interface StackCheck<C> {
    /** Every resource of the stack (outputs as props). */
    resources: PolicyResource[];
    /** Resources of `types` that are not exempt. */
    subjects: PolicyResource[];
    /** The analyzer's argument bag. */
    args: StackValidationArgs;
    /** Reconciled config. */
    config: C;
    /** Whether `resource` (or, without one, the stack) is production (./environment.ts). */
    isProduction(resource?: PolicyResource): boolean;
    /**
     * Reports one violation against `resource` (or the stack); `advisory` reports it as advisory
     * whatever the policy's level (a documented exception the stack cannot avoid, still shown).
     */
    report(message: string, resource?: PolicyResource, advisory?: boolean): void;
}

/** Spec of a stack policy. */
export interface StackSpec<C> extends CommonSpec {
    /** Validates the stack. */
    check(s: StackCheck<C>): void;
}

/** The object form of reportViolation the server accepts (server.js makeReportViolationFun). */
interface ViolationInfo {
    /** Full message (the object form does not prefix the description). */
    message: string;
    /** Overrides the policy's resolved enforcement level for this violation. */
    enforcementLevel?: EnforcementLevel;
    /** Resource the violation is about. */
    urn?: string;
}

/**
 * Reports through the analyzer. Production-gated policies outside production
 * downgrade to advisory with the object form of `reportViolation`, which
 * @pulumi/policy's server supports at runtime though its typings only show the
 * string form; the message is composed as the string form would be.
 */
function emit(
    reportViolation: ReportViolation,
    description: string,
    message: string,
    downgrade: boolean,
    urn?: string,
): void {
    if (downgrade) {
        const info: ViolationInfo = { message: `${description}\n${message}`, enforcementLevel: "advisory", urn };
        (reportViolation as unknown as (info: ViolationInfo) => void)(info);
    } else {
        reportViolation(message, urn);
    }
}

/**
 * `report` of a resource check, made once per validation. A module-level
 * builder: an arrow written inline as an object property gets a name set on
 * every call under the tsx/esbuild `keepNames` transform the offline tools run with.
 */
function resourceReporter(reportViolation: ReportViolation, description: string, downgrade: boolean): ResourceCheck<unknown>["report"] {
    return (message, advisory) => emit(reportViolation, description, message, downgrade || advisory === true);
}

function buildMeta(spec: CommonSpec): AmlPolicyMeta {
    const gated = spec.productionGated === true;
    const aware = gated || spec.productionAware === true;
    return {
        name: spec.name,
        description: spec.description,
        severity: spec.severity,
        enforcementLevel: spec.enforcementLevel ?? "mandatory",
        remediationSteps: spec.remediation,
        configSchema: {
            properties: { ...EXEMPTIONS_SCHEMA, ...(aware ? PRODUCTION_SCHEMA : {}), ...(spec.config ?? {}) },
        },
        sources: spec.sources,
        controls: spec.controls,
        resourceTypes: spec.types,
        productionGated: gated,
    };
}

/** Builds a resource policy. */
export function resourcePolicy<C extends object = ProductionConfig>(spec: ResourceSpec<C>): AmlResourcePolicy {
    const meta = buildMeta(spec);
    const types = new Set(spec.types);
    const validate: ResourceValidation = (args, reportViolation) => {
        if (!types.has("*") && !types.has(args.type)) {
            args.notApplicable(`Policy only applies to resources of type ${spec.types.join(", ")}`);
        }
        const config = args.getConfig<C & ProductionConfig>();
        const exemption = matchingExemption(args.name, config.exemptResourceNames);
        if (exemption !== undefined) {
            args.notApplicable(`resource name matches exemption ${exemption}`);
        }
        const production = resourceIsProduction(config, args.props, args.stackTags);
        const downgrade = meta.productionGated && !production;
        spec.check({
            props: args.props,
            args,
            config,
            production,
            report: resourceReporter(reportViolation, spec.description, downgrade),
        });
    };
    if (spec.types.length === 1 && spec.types[0] !== "*") {
        // Same fast path as validateResourceOfType: the server skips other types without calling us.
        (validate as ResourceValidation & { __pulumiType?: string }).__pulumiType = spec.types[0];
    } else if (!types.has("*")) {
        // The type test above comes first, so the offline harness may skip other types the same way.
        markTypeGuard(validate, types);
    }
    return { ...meta, kind: "resource", validateResource: validate };
}

/** One declarative property expectation. */
export interface PropertyExpectation {
    /** Dotted input path, e.g. `networkRuleSet.defaultAction`. */
    path: string;
    /** The test and the recommended value. */
    expect: Matcher;
}

/** Spec of a policy that only checks property values. */
export interface PropertySpec extends CommonSpec {
    /** Expectations, each reported separately. */
    expectations: PropertyExpectation[];
    /** Optional guard: the expectations apply only when it returns true. */
    appliesTo?: (props: Obj) => boolean;
}

/** Builds a resource policy from property expectations. */
export function propertyPolicy(spec: PropertySpec): AmlResourcePolicy {
    return resourcePolicy({
        ...spec,
        check: ({ props, report, args }) => {
            if (spec.appliesTo && !spec.appliesTo(props)) {
                args.notApplicable("the control does not apply to this configuration");
            }
            for (const { path, expect } of spec.expectations) {
                const value = readPath(props, path);
                if (!expect.ok(value)) {
                    report(`${path} is ${show(value)}; set it to ${expect.want}`);
                }
            }
        },
    });
}

/** Builds a stack policy. */
export function stackPolicy<C extends object = ProductionConfig>(spec: StackSpec<C>): AmlStackPolicy {
    const meta = buildMeta(spec);
    const types = new Set(spec.types);
    const validate: StackValidation = (args, reportViolation) => {
        const config = args.getConfig<C & ProductionConfig>();
        const subjects = args.resources.filter(
            (r) => types.has(r.type) && matchingExemption(r.name, config.exemptResourceNames) === undefined,
        );
        const isProduction = stackProduction(config, args.resources, args.stackTags);
        spec.check({
            resources: args.resources,
            subjects,
            args,
            config,
            isProduction,
            report: (message, resource, advisory) =>
                emit(reportViolation, spec.description, message, advisory === true || (meta.productionGated && !isProduction(resource)), resource?.urn),
        });
    };
    return { ...meta, kind: "stack", validateStack: validate };
}
