/**
 * The plan diff as text (a section of the plan, like `pulumi preview --diff`) and as the `diff`
 * object of `plan --json`. Values are never printed: only paths, so no secret (or any other
 * value) from the checkpoint or the plan reaches a report.
 *
 * JSON shape (stable; fields are only ever added):
 * ```
 * diff: {
 *   against: "<export file>", project, stack,
 *   summary: { create, update, replace, delete, same },
 *   secretMayChangeOnly: N,  // updates whose only changes are encrypted secrets that may have changed
 *   changes: [{ urn, oldUrn?, pendingDelete?, type, name, action, replaceBy: [..], paths: [{ path, kind, replaceBy? }] }],  // not "same"
 *   dangerous: [{ rule, urn, type, name, action, message, fix, doc, allowed }],
 *   blocked: <number of dangerous changes not allowed>,
 *   replaceTable: { source, date }
 * }
 * ```
 */
import type { DangerFinding } from "./dangerous-changes";
import { countActions, DIFF_ACTIONS, type DiffAction, type PathChange, type StackDiff } from "./plan-diff";
import { REPLACE_TABLE_DATE, REPLACE_TABLE_SOURCE } from "./replace-properties";

const SYMBOL: Record<DiffAction, string> = { create: "+", update: "~", replace: "+-", delete: "-", same: " " };
const WORD: Record<DiffAction, string> = { create: "to create", update: "to update", replace: "to replace", delete: "to delete", same: "unchanged" };

function pathLine(p: PathChange): string {
    switch (p.kind) {
        case "added":
            return `+ ${p.path}`;
        case "removed":
            return `- ${p.path}`;
        case "unknown":
            return `~ ${p.path} (known after deploy)`;
        case "secret-may-change":
            return `~ ${p.path} (secret may change)`;
        case "secret-changed":
            return `~ ${p.path} (secret changes)`;
        default:
            return `~ ${p.path}`;
    }
}

/** Updates whose every changed path is a secret the export holds encrypted (nothing known to change). */
export function secretOnlyUpdates(diff: StackDiff): number {
    return diff.changes.filter((c) => c.action === "update" && c.paths.length > 0 && c.paths.every((p) => p.kind === "secret-may-change")).length;
}

/** The text section: counts per action, each change with its paths, then the dangerous changes. */
export function renderDiff(diff: StackDiff, findings: readonly DangerFinding[], against: string): string {
    const counts = countActions(diff);
    const lines = [`Changes against ${against}:`];
    const secretOnly = secretOnlyUpdates(diff);
    for (const a of DIFF_ACTIONS) {
        // An encrypted export cannot say whether a secret input changed: such updates are told apart.
        const note = a === "update" && secretOnly > 0 ? ` (${secretOnly} only because a secret may change: the export's secrets are encrypted)` : "";
        lines.push(`    ${SYMBOL[a].padEnd(2)} ${counts[a]} ${WORD[a]}${note}`);
    }
    const changed = diff.changes.filter((c) => c.action !== "same");
    if (changed.length > 0) lines.push("");
    for (const c of changed) {
        const why =
            c.action === "replace"
                ? ` (replace, forced by ${c.replaceBy.join(", ")})`
                : c.pendingDelete
                  ? " (old copy pending deletion)"
                  : c.action === "delete" && c.deployed?.retainOnDelete
                    ? " (retained in Azure)"
                    : "";
        lines.push(`  ${SYMBOL[c.action].padEnd(2)} ${c.type}  ${c.name}${why}`);
        lines.push(`       urn: ${c.urn}${c.oldUrn ? ` (was ${c.oldUrn})` : ""}`);
        for (const p of c.paths) lines.push(`       ${pathLine(p)}${p.replaceBy ? "  [forces replacement]" : ""}`);
    }
    if (findings.length > 0) {
        const blocked = findings.filter((f) => !f.allowed).length;
        lines.push("", `Dangerous changes: ${findings.length} (${blocked} not allowed${blocked > 0 ? "; allow one with --allow <rule>" : ""}):`);
        for (const f of findings) {
            lines.push(`  [${f.rule}]${f.allowed ? " (allowed)" : ""} ${f.name} (${f.type}, ${f.action}): ${f.message}`);
            lines.push(`      fix: ${f.fix}`);
            lines.push(`      see: ${f.doc}`);
        }
    } else {
        lines.push("", "Dangerous changes: none");
    }
    return lines.join("\n");
}

/** The `diff` object of `plan --json`. */
export function diffJson(diff: StackDiff, findings: readonly DangerFinding[], against: { file: string; project: string; stack: string }): Record<string, unknown> {
    return {
        against: against.file,
        project: against.project,
        stack: against.stack,
        summary: countActions(diff),
        secretMayChangeOnly: secretOnlyUpdates(diff),
        changes: diff.changes
            .filter((c) => c.action !== "same")
            .map((c) => ({
                urn: c.urn,
                ...(c.oldUrn ? { oldUrn: c.oldUrn } : {}),
                ...(c.pendingDelete ? { pendingDelete: true } : {}),
                type: c.type,
                name: c.name,
                action: c.action,
                replaceBy: c.replaceBy,
                paths: c.paths.map((p) => ({ path: p.path, kind: p.kind, ...(p.replaceBy ? { replaceBy: p.replaceBy } : {}) })),
            })),
        dangerous: findings.map((f) => ({ rule: f.rule, urn: f.urn, type: f.type, name: f.name, action: f.action, message: f.message, fix: f.fix, doc: f.doc, allowed: f.allowed })),
        blocked: findings.filter((f) => !f.allowed).length,
        replaceTable: { source: REPLACE_TABLE_SOURCE, date: REPLACE_TABLE_DATE },
    };
}
