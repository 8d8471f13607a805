/**
 * The offline plan: renders a captured stack as a `pulumi preview`-style
 * tree with a summary, and as JSON with secrets redacted.
 */
import type { CapturedResource, CapturedStack } from "./graph";
import { UNKNOWN, isSecret } from "./graph";
import { renderLifecycleNotes } from "./lifecycle-notes";
import { hasTeams, teamsOf } from "./plan-teams";

/** Counts shown in the summary. */
export interface PlanSummary {
    /** All resources (components included). */
    total: number;
    /** Custom (cloud) resources. */
    custom: number;
    /** Component resources. */
    components: number;
    /** Resources with `protect`. */
    protected: number;
    /** Custom resources by type token. */
    byType: Record<string, number>;
}

/** Summarises a captured stack. */
export function summarize(stack: CapturedStack): PlanSummary {
    const byType: Record<string, number> = {};
    for (const r of stack.resources) if (r.custom) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return {
        total: stack.resources.length,
        custom: stack.resources.filter((r) => r.custom).length,
        components: stack.resources.filter((r) => !r.custom).length,
        protected: stack.resources.filter((r) => r.protect).length,
        byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b))),
    };
}

/** Replaces secrets with `[secret]` and unknowns with `[unknown]`, recursively. */
export function redact(value: unknown): unknown {
    if (value === UNKNOWN) return "[unknown]";
    if (isSecret(value)) return "[secret]";
    if (Array.isArray(value)) return value.map(redact);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
    return value;
}

/** The JSON document `plan --json` writes. */
export function planJson(stack: CapturedStack, outputs: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const teams = teamsOf(stack);
    return {
        project: stack.project,
        stack: stack.stack,
        preview: stack.preview,
        summary: summarize(stack),
        resources: stack.resources.map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            parent: r.parent ?? null,
            custom: r.custom,
            inputs: redact(r.inputs),
            dependencies: r.dependencies,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete ?? false,
            // The team the resource belongs to (offline/plan-teams.ts), null for the platform's own.
            team: teams.get(r.urn) ?? null,
        })),
        outputs: redact(outputs),
        ...extra,
    };
}

/**
 * Renders the resource tree under a synthetic stack root, children in registration order. When
 * resources belong to teams (offline/plan-teams.ts), the root holds one heading per group: the
 * platform's own resources ("platform") first, then each team in registration order, each with its
 * resource count; inside a group a resource hangs under its nearest ancestor of the same group.
 * A stack without teams renders exactly as before (like `pulumi preview`).
 */
export function renderTree(stack: CapturedStack, keep?: (r: CapturedResource) => boolean): string {
    // Teams come from the whole stack; `keep` (the plan's --only) hides resources, not their teams.
    const teams = teamsOf(stack);
    if (keep) stack = { ...stack, resources: stack.resources.filter(keep) };
    const known = new Set(stack.resources.map((r) => r.urn));
    const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
    const grouped = hasTeams(teams);
    const groupOf = (r: CapturedResource): string | undefined => (grouped ? teams.get(r.urn) : undefined);
    /** The displayed parent: the nearest ancestor in the same group (all ancestors without teams). */
    const shownParent = (r: CapturedResource): string | undefined => {
        let p = r.parent && known.has(r.parent) ? r.parent : undefined;
        while (p !== undefined && groupOf(byUrn.get(p) as CapturedResource) !== groupOf(r)) {
            const up = (byUrn.get(p) as CapturedResource).parent;
            p = up && known.has(up) ? up : undefined;
        }
        return p;
    };
    const children = new Map<string | undefined, CapturedResource[]>();
    const tops = new Map<string | undefined, CapturedResource[]>();
    for (const r of stack.resources) {
        const parent = shownParent(r);
        if (parent === undefined) tops.set(groupOf(r), [...(tops.get(groupOf(r)) ?? []), r]);
        else children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    // [indent, type, name, isHeading]
    const rows: [string, string, string, boolean][] = [["", "pulumi:pulumi:Stack", `${stack.project}-${stack.stack}`, false]];
    const walk = (kids: readonly CapturedResource[], indent: string): void => {
        kids.forEach((r, i) => {
            const last = i === kids.length - 1;
            const marks = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""].filter(Boolean).join(", ");
            rows.push([`${indent}${last ? "└─ " : "├─ "}`, r.type, `${r.name}${marks ? `  [${marks}]` : ""}`, false]);
            walk(children.get(r.urn) ?? [], `${indent}${last ? "   " : "│  "}`);
        });
    };
    if (!grouped) {
        walk(tops.get(undefined) ?? [], "");
    } else {
        const count = new Map<string | undefined, number>();
        for (const r of stack.resources) count.set(groupOf(r), (count.get(groupOf(r)) ?? 0) + 1);
        const groups = [...(count.has(undefined) ? [undefined] : []), ...[...count.keys()].filter((g) => g !== undefined)];
        groups.forEach((g, i) => {
            const last = i === groups.length - 1;
            const n = count.get(g) ?? 0;
            rows.push([last ? "└─ " : "├─ ", g === undefined ? "platform" : "team", `${g ?? "(no team)"}  (${n} resource${n === 1 ? "" : "s"})`, true]);
            walk(tops.get(g) ?? [], last ? "   " : "│  ");
        });
    }
    const width = Math.max(...rows.map(([i, t]) => i.length + t.length)) + 2;
    return [
        `     ${"Type".padEnd(width)}Name`,
        ...rows.map(([indent, type, name, heading]) => `${heading ? "     " : " +   "}${(indent + type).padEnd(width)}${name}`),
    ].join("\n");
}

/** The summary lines under the tree. */
export function renderSummary(stack: CapturedStack): string {
    const s = summarize(stack);
    return [
        "Resources:",
        `    + ${s.total} to create (${s.custom} Azure resources, ${s.components} components)`,
        `    ${s.protected} protected`,
    ].join("\n") + renderLifecycleNotes(stack);
}

/**
 * The stack outputs as `pulumi preview` lists them: one per line, secrets as
 * `[secret]`, values only known after deployment as `[unknown]`.
 */
export function renderOutputs(outputs: Record<string, unknown>): string {
    // Pulumi drops undefined outputs from the stack (an optional part not deployed).
    const entries = Object.entries(outputs).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "Outputs: none";
    const width = Math.max(...entries.map(([k]) => k.length));
    const show = (v: unknown): string => {
        if (v === UNKNOWN) return "[unknown]";
        if (isSecret(v)) return "[secret]";
        return JSON.stringify(redact(v));
    };
    return ["Outputs:", ...entries.map(([k, v]) => `    ${`${k}:`.padEnd(width + 1)} ${show(v)}`)].join("\n");
}
