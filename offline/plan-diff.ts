/**
 * The plan as a diff: compares the planned resources with a deployed stack's checkpoint the way
 * `pulumi preview` does. Resources match by URN (the engine's identity); inputs are compared
 * with the checkpoint's inputs (not its outputs), as the provider's Diff receives them.
 * A planned unknown input differs "maybe" (known only after deploy); secrets are compared
 * without ever keeping their values in the result.
 */
import { isSecret, secret, UNKNOWN, type CapturedResource, type CapturedStack } from "./graph";
import { withProviderDigest } from "./provider-digest";
import { normalizeLocation, replaceReason } from "./replace-properties";

/** What the update does to a resource. */
export type DiffAction = "create" | "update" | "replace" | "delete" | "same";

/** The actions in the order reports list them. */
export const DIFF_ACTIONS: readonly DiffAction[] = ["create", "update", "replace", "delete", "same"];

/** How one input path differs. */
export type PathChangeKind =
    /** Present in both, different values. */
    | "changed"
    /** Only in the plan. */
    | "added"
    /** Only in the checkpoint. */
    | "removed"
    /** The planned value is computed: known only after deploy. */
    | "unknown"
    /** A secret whose old or new plaintext is not available: it may change. */
    | "secret-may-change"
    /** A secret whose value changes (values never shown). */
    | "secret-changed";

/** One changed input path. */
export interface PathChange {
    /** Dotted path with array indexes, e.g. `properties.subnets[0].name`. */
    path: string;
    /** How it differs. */
    kind: PathChangeKind;
    /** The property whose change forces the replacement, when this path does. */
    replaceBy?: string;
}

/** The planned change of one resource. */
export interface ResourceChange {
    /** URN (the planned one; the checkpoint's for a delete). */
    urn: string;
    /** Type token. */
    type: string;
    /** Logical name. */
    name: string;
    /** What happens. */
    action: DiffAction;
    /** The checkpoint's URN when matched through an alias. */
    oldUrn?: string;
    /** Changed input paths (update and replace), sorted. */
    paths: PathChange[];
    /** The properties forcing a replacement (replace only), sorted. */
    replaceBy: string[];
    /** The resource as planned, inputs resolved against the checkpoint (see {@link diffStacks}); absent for a delete. */
    planned?: CapturedResource;
    /** The resource as deployed (absent for a create). */
    deployed?: CapturedResource;
    /** A delete of an old copy the checkpoint holds for deletion (a replacement that failed half-way). */
    pendingDelete?: true;
}

/** The whole diff. */
export interface StackDiff {
    /** Every resource of either side, planned order first, then deletes in checkpoint order. */
    changes: ResourceChange[];
}

/** Resources the engine manages itself (the stack root, default providers): not compared. */
function compared(r: CapturedResource): boolean {
    return r.type !== "pulumi:pulumi:Stack" && !(r.type.startsWith("pulumi:providers:") && r.name.startsWith("default"));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !isSecret(v);
const absent = (v: unknown): boolean => v === undefined || v === null;
/** The placeholder the offline run gives an encrypted config value (run-stack.ts toRuntimeConfig). */
const SECRET_PLACEHOLDER = "[secret]";

function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (isSecret(v)) return containsUnknown(v.value);
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isObject(v)) return Object.values(v).some(containsUnknown);
    return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
    if (isSecret(a)) a = a.value;
    if (isSecret(b)) b = b.value;
    if (a === b) return true;
    if (absent(a) && absent(b)) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => deepEqual(a[k], b[k]));
    }
    return false;
}

/** Compares two input values below `path`, appending differences. */
function diffValue(path: string, oldV: unknown, newV: unknown, out: PathChange[]): void {
    if (isSecret(oldV) || isSecret(newV)) {
        const o = isSecret(oldV) ? oldV.value : oldV;
        const n = isSecret(newV) ? newV.value : newV;
        if (absent(o) && absent(n)) return;
        if (absent(o) !== absent(n)) {
            out.push({ path, kind: absent(o) ? "added" : "removed" });
            return;
        }
        // Never descend into a secret: paths below it would reveal its shape.
        const opaque = containsUnknown(o) || containsUnknown(n) || n === SECRET_PLACEHOLDER;
        if (opaque) out.push({ path, kind: "secret-may-change" });
        else if (!deepEqual(o, n)) out.push({ path, kind: "secret-changed" });
        return;
    }
    if (newV === UNKNOWN) {
        out.push({ path, kind: "unknown" });
        return;
    }
    if (absent(oldV) && absent(newV)) return;
    if (absent(oldV)) {
        out.push({ path, kind: "added" });
        return;
    }
    if (absent(newV)) {
        out.push({ path, kind: "removed" });
        return;
    }
    if (isObject(oldV) && isObject(newV)) {
        for (const k of [...new Set([...Object.keys(oldV), ...Object.keys(newV)])].sort()) diffValue(path ? `${path}.${k}` : k, oldV[k], newV[k], out);
        return;
    }
    if (Array.isArray(oldV) && Array.isArray(newV)) {
        const n = Math.max(oldV.length, newV.length);
        for (let i = 0; i < n; i++) diffValue(`${path}[${i}]`, oldV[i], newV[i], out);
        return;
    }
    if (path === "location" && typeof oldV === "string" && typeof newV === "string" && normalizeLocation(oldV) === normalizeLocation(newV)) return;
    if (oldV !== newV) out.push({ path, kind: "changed" });
}

/** Whether `path` is covered by one of Pulumi's `ignoreChanges` paths. */
function ignored(path: string, ignoreChanges: readonly string[] | undefined): boolean {
    return (ignoreChanges ?? []).some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/**
 * The input differences of one matched resource, each with the property that forces a
 * replacement when it does. A removed ForceNew property does not replace (azure-native PR #4785).
 */
export function diffInputs(
    type: string,
    oldInputs: Record<string, unknown>,
    newInputs: Record<string, unknown>,
    options: { ignoreChanges?: readonly string[]; replaceOnChanges?: readonly string[] } = {},
): PathChange[] {
    const raw: PathChange[] = [];
    diffValue("", oldInputs, newInputs, raw);
    return raw
        .filter((c) => !ignored(c.path, options.ignoreChanges))
        .map((c) => {
            // The program's own `replaceOnChanges` option ("*" is every input) replaces as the provider's rules do.
            const byOption = (options.replaceOnChanges ?? []).find((p) => p === "*" || ignored(c.path, [p]));
            const reason = byOption ?? (c.kind === "removed" ? undefined : replaceReason(type, c.path)?.property);
            return reason ? { ...c, replaceBy: reason } : c;
        })
        .sort((a, b) => a.path.localeCompare(b.path));
}

/** Options of {@link diffStacks}. */
export interface DiffOptions {
    /**
     * The planned run's outputs by URN, IDs included (a run's `states`: id plus outputs). With them, a
     * planned input that is another resource's simulated output (an ARM ID, a principal ID, a URI) is
     * read as that resource's deployed output when it keeps its identity, as the engine resolves it from
     * the state. Default: none (inputs compared as planned).
     */
    plannedOutputs?: ReadonlyMap<string, { id: string; outputs: Record<string, unknown> }>;
    /**
     * The planned run's subscription and the deployed stack's: an ID under the former reads as under
     * the latter (the simulator's placeholder subscription stands for the real one). Default: none.
     */
    subscription?: { planned: string; deployed: string };
}

/** The subscription most of the checkpoint's resource IDs lie in (undefined when none has an ID). */
export function deployedSubscription(deployed: CapturedStack): string | undefined {
    const counts = new Map<string, number>();
    for (const r of deployed.resources) {
        const m = typeof r.outputs?.id === "string" ? /^\/subscriptions\/([^/]+)/i.exec(r.outputs.id) : null;
        if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A simulated output worth mapping to its deployed value: IDs, GUIDs, URIs (never short words that could collide). */
const MAPPABLE = /^(\/subscriptions\/|https?:\/\/)|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Pairs the string leaves of a planned and a deployed output that differ (same path). A leaf the
 * resource was given as an input (`input`, same path, same value) is an echo, not something it
 * produced: it names another resource (a private endpoint's target, a workspace's key vault), and
 * pairing it would read a replaced resource's new ID as its old one everywhere after.
 */
function pairOutputs(planned: unknown, deployed: unknown, into: Map<string, unknown>, input?: unknown): void {
    if (isSecret(planned) || isSecret(deployed)) return;
    if (typeof planned === "string" && typeof deployed === "string") {
        if (planned !== deployed && planned !== input && MAPPABLE.test(planned)) into.set(planned.toLowerCase(), deployed);
    } else if (Array.isArray(planned) && Array.isArray(deployed)) {
        planned.forEach((v, i) => pairOutputs(v, deployed[i], into, Array.isArray(input) ? input[i] : undefined));
    } else if (isObject(planned) && isObject(deployed)) {
        for (const k of Object.keys(planned)) pairOutputs(planned[k], deployed[k], into, isObject(input) ? input[k] : undefined);
    }
}

/** Rewrites planned input strings that are (or lie under) a mapped simulated ID to the deployed value. */
function rebase(v: unknown, map: ReadonlyMap<string, unknown>): unknown {
    if (map.size === 0) return v;
    if (typeof v === "string") {
        const exact = map.get(v.toLowerCase());
        if (exact !== undefined) return exact;
        // A child's ID under a mapped parent ID (`<vault id>/keys/k`): rebase the prefix.
        if (v.startsWith("/subscriptions/")) {
            for (let i = v.lastIndexOf("/"); i > 0; i = v.lastIndexOf("/", i - 1)) {
                const parent = map.get(v.slice(0, i).toLowerCase());
                if (typeof parent === "string") return `${parent}${v.slice(i)}`;
            }
        }
        return v;
    }
    if (isSecret(v)) return { ...v, value: rebase(v.value, map) };
    if (Array.isArray(v)) return v.map((x) => rebase(x, map));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rebase(x, map)]));
    return v;
}

/** A planned value with its unknown leaves taken from the deployed value (where the deployed one has them). */
function fillUnknowns(planned: unknown, deployed: unknown): unknown {
    if (isSecret(planned)) return secret(fillUnknowns(planned.value, isSecret(deployed) ? deployed.value : deployed));
    if (planned === UNKNOWN) return deployed === undefined ? UNKNOWN : deployed;
    if (Array.isArray(planned) && Array.isArray(deployed)) return planned.map((v, i) => fillUnknowns(v, deployed[i]));
    if (isObject(planned) && isObject(deployed)) return Object.fromEntries(Object.entries(planned).map(([k, v]) => [k, fillUnknowns(v, deployed[k])]));
    return planned;
}

/**
 * Diffs the planned stack against the deployed one (a checkpoint). Resources are visited in
 * registration (dependency) order, so what a resource's inputs take from another is resolved
 * first: from a resource that keeps its identity (same or update), a planned input unknown at
 * preview comes from the deployed inputs when every resource it depends on keeps its identity too
 * (their outputs are known from the state, as in `pulumi preview`), and a simulated output
 * (`opts.plannedOutputs`) reads as the deployed one. A replaced or created dependency stays as planned.
 */
export function diffStacks(planned: CapturedStack, deployed: CapturedStack, opts: DiffOptions = {}): StackDiff {
    const old = new Map(deployed.resources.filter(compared).map((r) => [r.urn, r]));
    const matched = new Set<string>();
    const changes: ResourceChange[] = [];
    /** URNs (planned) whose identity and outputs carry over from the checkpoint. */
    const kept = new Set<string>();
    const outputMap = new Map<string, unknown>();
    const sub = opts.subscription;
    if (sub && sub.planned.toLowerCase() !== sub.deployed.toLowerCase()) outputMap.set(`/subscriptions/${sub.planned}`.toLowerCase(), `/subscriptions/${sub.deployed}`);
    for (const r of planned.resources.filter(compared)) {
        const aliasMatch = old.has(r.urn) ? undefined : (r.aliases ?? []).find((a) => old.has(a) && !matched.has(a));
        const prior = old.get(r.urn) ?? (aliasMatch ? old.get(aliasMatch) : undefined);
        const base = { urn: r.urn, type: r.type, name: r.name, ...(aliasMatch ? { oldUrn: aliasMatch } : {}) };
        if (!prior) {
            changes.push({ ...base, planned: r, action: "create", paths: [], replaceBy: [] });
            continue;
        }
        matched.add(prior.urn);
        const inputs: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r.inputs)) {
            const deps = r.propertyDependencies[k] ?? [];
            const resolvable = containsUnknown(v) && deps.length > 0 && deps.every((u) => kept.has(u));
            inputs[k] = rebase(resolvable ? fillUnknowns(v, prior.inputs[k]) : v, outputMap);
        }
        const resolved: CapturedResource = { ...r, inputs };
        // A checkpoint holds a dynamic provider's full serialized code; the capture keeps its digest.
        const paths = diffInputs(r.type, withProviderDigest(prior.inputs), inputs, { ignoreChanges: r.ignoreChanges, replaceOnChanges: r.replaceOnChanges });
        const replaceBy = [...new Set(paths.flatMap((p) => (p.replaceBy ? [p.replaceBy] : [])))].sort();
        const action: DiffAction = replaceBy.length > 0 ? "replace" : paths.length > 0 ? "update" : "same";
        changes.push({ ...base, planned: resolved, action, paths, replaceBy, deployed: prior });
        if (action === "same" || action === "update") {
            kept.add(r.urn);
            const state = opts.plannedOutputs?.get(r.urn);
            if (state) pairOutputs({ ...state.outputs, id: state.id }, prior.outputs ?? {}, outputMap, r.inputs);
        }
    }
    for (const r of old.values()) {
        if (!matched.has(r.urn)) changes.push({ urn: r.urn, type: r.type, name: r.name, action: "delete", paths: [], replaceBy: [], deployed: r });
    }
    // The next update deletes these whatever the plan holds, as `pulumi preview` shows them.
    for (const r of (deployed.pendingDeletes ?? []).filter(compared)) {
        changes.push({ urn: r.urn, type: r.type, name: r.name, action: "delete", paths: [], replaceBy: [], deployed: r, pendingDelete: true });
    }
    return { changes };
}

/** Counts per action (every action present, zero when none). */
export function countActions(diff: StackDiff): Record<DiffAction, number> {
    const counts = Object.fromEntries(DIFF_ACTIONS.map((a) => [a, 0])) as Record<DiffAction, number>;
    for (const c of diff.changes) counts[c.action]++;
    return counts;
}
