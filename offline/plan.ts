/**
 * The offline plan: renders a captured stack as a `pulumi preview`-style
 * tree with a summary, and as JSON with secrets redacted.
 */
import type { CapturedResource, CapturedStack } from "./graph";
import { UNKNOWN, isSecret } from "./graph";
import { renderLifecycleNotes } from "./lifecycle-notes";

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
        })),
        outputs: redact(outputs),
        ...extra,
    };
}

/** Renders the resource tree under a synthetic stack root, children in registration order. */
export function renderTree(stack: CapturedStack): string {
    const children = new Map<string | undefined, CapturedResource[]>();
    const known = new Set(stack.resources.map((r) => r.urn));
    for (const r of stack.resources) {
        const parent = r.parent && known.has(r.parent) ? r.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const rows: [string, string, string][] = [["", "pulumi:pulumi:Stack", `${stack.project}-${stack.stack}`]];
    const walk = (parent: string | undefined, indent: string): void => {
        const kids = children.get(parent) ?? [];
        kids.forEach((r, i) => {
            const last = i === kids.length - 1;
            const marks = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""].filter(Boolean).join(", ");
            rows.push([`${indent}${last ? "└─ " : "├─ "}`, r.type, `${r.name}${marks ? `  [${marks}]` : ""}`]);
            walk(r.urn, `${indent}${last ? "   " : "│  "}`);
        });
    };
    walk(undefined, "");
    const width = Math.max(...rows.map(([i, t]) => i.length + t.length)) + 2;
    return [
        `     ${"Type".padEnd(width)}Name`,
        ...rows.map(([indent, type, name]) => ` +   ${(indent + type).padEnd(width)}${name}`),
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
