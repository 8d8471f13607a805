/**
 * The deploy-time estimate: the critical path of a captured stack's dependency graph, weighted
 * with nominal create durations (offline/provisioning-times.ts). Pulumi creates resources in
 * parallel as soon as what they depend on exists, so the longest chain of dependencies decides
 * how long `pulumi up` takes at best; this names that chain so users see what serializes it.
 *
 * Edges, as the Pulumi engine orders creates:
 *  - a resource waits for every URN in its `dependencies`;
 *  - a resource waits for a custom parent (a component parent is registered instantly);
 *  - depending on a component means waiting for all of its children, so a component finishes when
 *    its last child (and its own dependencies) finish.
 * Ties are broken by registration order (the earlier resource wins), so the result is deterministic.
 */
import type { CapturedResource, CapturedStack } from "./graph";
import { nominalDuration, type NominalDuration } from "./provisioning-times";

/** One resource on the critical path. */
export interface CriticalPathStep {
    /** Type token. */
    type: string;
    /** Logical name. */
    name: string;
    /** URN. */
    urn: string;
    /** Nominal create minutes. */
    minutes: number;
    /** False when the type is not in the table (the default figure was used). */
    known: boolean;
}

/** The estimate for one stack. */
export interface DeployTimeEstimate {
    /** Summed nominal minutes along the critical path (rounded to 0.1). */
    totalMinutes: number;
    /** The custom resources on the critical path, first created first. */
    criticalPath: CriticalPathStep[];
    /** Types of custom resources in the stack that fell back to the default figure, sorted. */
    defaultedTypes: string[];
}

/** Thrown when the graph has a cycle (Pulumi refuses those, so a captured graph never should). */
export class DependencyCycleError extends Error {}

/** The critical path of `stack` with durations from `durationOf` (the table by default). Pure. */
export function criticalPath(stack: CapturedStack, durationOf: (r: CapturedResource) => NominalDuration = (r) => nominalDuration(r.type, r.custom)): DeployTimeEstimate {
    const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
    const order = new Map(stack.resources.map((r, i) => [r.urn, i]));
    const children = new Map<string, string[]>();
    for (const r of stack.resources) if (r.parent && byUrn.has(r.parent)) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);

    /** True when `a` is an ancestor of `r` (waiting on it would wait on oneself through the component). */
    const isAncestor = (a: string, r: CapturedResource): boolean => {
        for (let p = r.parent; p !== undefined; p = byUrn.get(p)?.parent) if (p === a) return true;
        return false;
    };
    const predecessors = (r: CapturedResource): string[] => {
        const preds = new Set<string>();
        for (const d of r.dependencies) if (byUrn.has(d) && !isAncestor(d, r)) preds.add(d);
        if (r.parent && byUrn.get(r.parent)?.custom) preds.add(r.parent);
        if (!r.custom) for (const c of children.get(r.urn) ?? []) preds.add(c);
        preds.delete(r.urn);
        // Registration order makes the tie-break deterministic.
        return [...preds].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    };

    const finish = new Map<string, number>();
    const via = new Map<string, string | undefined>();
    const durations = new Map<string, NominalDuration>();
    const visiting = new Set<string>();
    const visit = (urn: string): number => {
        const done = finish.get(urn);
        if (done !== undefined) return done;
        if (visiting.has(urn)) throw new DependencyCycleError(`dependency cycle through ${urn}`);
        visiting.add(urn);
        const r = byUrn.get(urn) as CapturedResource;
        let start = 0;
        let best: string | undefined;
        for (const p of predecessors(r)) {
            const f = visit(p);
            if (f > start) {
                start = f;
                best = p;
            }
        }
        const d = durationOf(r);
        durations.set(urn, d);
        visiting.delete(urn);
        finish.set(urn, start + d.minutes);
        via.set(urn, best);
        return start + d.minutes;
    };
    // An explicit stack would avoid deep recursion, but captured stacks are a few hundred resources.
    let end: string | undefined;
    let total = 0;
    for (const r of stack.resources) {
        const f = visit(r.urn);
        if (f > total) {
            total = f;
            end = r.urn;
        }
    }
    const path: CriticalPathStep[] = [];
    for (let u = end; u !== undefined; u = via.get(u)) {
        const r = byUrn.get(u) as CapturedResource;
        const d = durations.get(u) as NominalDuration;
        if (r.custom && d.minutes > 0) path.unshift({ type: r.type, name: r.name, urn: r.urn, minutes: d.minutes, known: d.known });
    }
    const defaultedTypes = [...new Set(stack.resources.filter((r) => !durations.get(r.urn)?.known).map((r) => r.type))].sort();
    return { totalMinutes: Math.round(total * 10) / 10, criticalPath: path, defaultedTypes };
}
