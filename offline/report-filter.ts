/**
 * `--only <policy|type|team>:<value>` (issue 13, item 5): narrows what `plan` and `audit` SHOW
 * on a large stack. Evaluation and the exit code stay the whole stack's: these functions only
 * take a finished report and graph and return the parts to display.
 * Filters of one kind are alternatives (any may match); filters of different kinds must all match.
 */
import type { CapturedResource, CapturedStack } from "./graph";
import { UsageError } from "./cli-io";
import type { PolicyReport } from "./policy-report";
import { teamsOf } from "./plan-teams";

/** The kinds of `--only` filter. */
export const ONLY_KINDS = ["policy", "type", "team"] as const;
/** One kind of filter. */
export type OnlyKind = (typeof ONLY_KINDS)[number];

/** The team name shown for resources of no team (as the plan's tree heading). */
export const PLATFORM_TEAM = "platform";

/** Parsed `--only` flags: the values per kind (empty: that kind does not narrow). */
export interface OnlyFilter {
    /** Policy names. */
    policy: string[];
    /** Resource type tokens, or their last segment (e.g. ManagedCluster). */
    type: string[];
    /** Team keys (`platform` for resources of no team). */
    team: string[];
}

/** Parses the `--only` values; throws a one-line {@link UsageError} on a bad one. */
export function parseOnly(values: readonly string[] | undefined): OnlyFilter | undefined {
    if (!values || values.length === 0) return undefined;
    const filter: OnlyFilter = { policy: [], type: [], team: [] };
    for (const v of values) {
        const at = v.indexOf(":");
        const kind = at < 0 ? v : v.slice(0, at);
        const value = at < 0 ? "" : v.slice(at + 1);
        if (!(ONLY_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--only "${v}": the kind must be one of ${ONLY_KINDS.map((k) => `${k}:<value>`).join(", ")}`);
        if (value === "") throw new UsageError(`--only ${kind}: needs a value, e.g. --only ${kind}:<value>`);
        filter[kind as OnlyKind].push(value);
    }
    return filter;
}

/** True when a resource type matches a `type:` value: the whole token, or its last segment. */
export function typeMatches(type: string, value: string): boolean {
    if (type === value) return true;
    const last = type.slice(Math.max(type.lastIndexOf(":"), type.lastIndexOf("/")) + 1);
    return last === value;
}

/** What a filter keeps, resolved against one stack and report. */
export interface ShownSelection {
    /** Keeps a resource (tree lines, JSON resources). */
    resource: (r: Pick<CapturedResource, "urn" | "type">) => boolean;
    /** Keeps a policy (summary rows). */
    policy: (name: string) => boolean;
    /** Keeps a finding of a policy on a resource (violations, skips, failures); no urn: a stack-wide one. */
    finding: (policyName: string, urn: string | undefined) => boolean;
    /** True when resources are narrowed (type or team), so whole-stack counts are not per-resource. */
    narrowsResources: boolean;
    /** Types of the resources kept. */
    shownTypes: ReadonlySet<string>;
}

/**
 * Resolves a filter against the stack: every value must match something, else a one-line
 * {@link UsageError} naming the known values (the stack's teams, the policies that ran, a few types).
 */
export function resolveOnly(filter: OnlyFilter, stack: CapturedStack, report: PolicyReport): ShownSelection {
    const teams = teamsOf(stack);
    const teamOf = (urn: string): string => teams.get(urn) ?? PLATFORM_TEAM;
    const known = {
        policy: report.evaluated.map((o) => o.policyName),
        type: [...new Set(stack.resources.map((r) => r.type))].sort(),
        team: [...new Set([PLATFORM_TEAM, ...[...teams.values()].filter((t): t is string => t !== undefined)])],
    };
    const matches: Record<OnlyKind, (value: string) => boolean> = {
        policy: (v) => known.policy.includes(v),
        type: (v) => known.type.some((t) => typeMatches(t, v)),
        team: (v) => known.team.includes(v),
    };
    for (const kind of ONLY_KINDS) {
        for (const v of filter[kind]) {
            if (matches[kind](v)) continue;
            if (kind === "policy") throw new UsageError(`--only policy:${v} matches no policy that ran (${policiesLike(v, known.policy)})`);
            const list = kind === "type" ? [...new Set(known.type.map((t) => t.slice(Math.max(t.lastIndexOf(":"), t.lastIndexOf("/")) + 1)))].sort() : known.team;
            throw new UsageError(`--only ${kind}:${v} matches nothing in this stack (${kind === "team" ? "teams" : "types"}: ${list.join(", ")})`);
        }
    }
    const typeOf = new Map(stack.resources.map((r) => [r.urn, r.type]));
    const resource = (r: Pick<CapturedResource, "urn" | "type">): boolean =>
        (filter.type.length === 0 || filter.type.some((v) => typeMatches(r.type, v))) && (filter.team.length === 0 || filter.team.includes(teamOf(r.urn)));
    const policy = (name: string): boolean => filter.policy.length === 0 || filter.policy.includes(name);
    const narrowsResources = filter.type.length > 0 || filter.team.length > 0;
    const finding = (policyName: string, urn: string | undefined): boolean => {
        if (!policy(policyName)) return false;
        if (!narrowsResources) return true;
        // A stack-wide finding belongs to no resource the type/team filters name.
        const type = urn === undefined ? undefined : typeOf.get(urn);
        return urn !== undefined && type !== undefined && resource({ urn, type });
    };
    const shownTypes = new Set(stack.resources.filter(resource).map((r) => r.type));
    return { resource, policy, finding, narrowsResources, shownTypes };
}

/**
 * The policy names to suggest for a wrong one: the pack has over a hundred, so those sharing its
 * first word (`aks-…`) when there are any, else all of them.
 */
function policiesLike(value: string, names: readonly string[]): string {
    const prefix = `${value.split("-")[0]}-`;
    const like = names.filter((n) => n.startsWith(prefix)).sort();
    return like.length > 0 ? `policies starting ${prefix}: ${like.join(", ")}; ${names.length} in all` : `policies: ${[...names].sort().join(", ")}`;
}

/**
 * The report as shown: violations, skips and failures kept by the selection, and only the
 * selected policies' outcomes; when resources are narrowed, only the policies that inspect a
 * shown resource's type or have a shown finding. `summary` stays the whole stack's, so the
 * verdict is unchanged.
 */
export function filterReport(report: PolicyReport, shown: ShownSelection): PolicyReport {
    const violations = report.violations.filter((v) => shown.finding(v.policyName, v.urn));
    const skipped = report.skipped.filter((k) => shown.finding(k.policyName, k.urn));
    const errors = report.errors.filter((e) => shown.finding(e.policyName, e.urn));
    const found = new Set([...violations, ...skipped, ...errors].map((f) => f.policyName));
    const typesOf = new Map(report.policies.map((p) => [p.name, p.resourceTypes]));
    const inspectsShown = (name: string): boolean => found.has(name) || (typesOf.get(name) ?? []).some((t) => shown.shownTypes.has(t));
    return {
        ...report,
        violations,
        skipped,
        errors,
        evaluated: report.evaluated.filter((o) => shown.policy(o.policyName) && (!shown.narrowsResources || inspectsShown(o.policyName))),
    };
}

/** The line that says what a filter hid (text output). */
export function describeOnly(values: readonly string[], full: PolicyReport, shown: PolicyReport): string {
    return `Shown: only ${values.join(", ")} (${shown.violations.length} of ${full.violations.length} violations); --only filters what is shown; the exit code (and the per-policy "Checked" count) is the whole stack's`;
}
