/**
 * The "Notes" section of the text plan: what cannot be undone or replaced
 * casually, read from the captured graph with the rules of
 * components/lifecycle.ts (names that outlive their resource, delete locks).
 */
import { SOFT_DELETED_TYPES } from "../components/lifecycle";
import { ARM_TYPES } from "./azure-sim/arm-types";
import { UNKNOWN, type CapturedStack } from "./graph";

const shown = (v: unknown): string => (v === UNKNOWN ? "[unknown]" : typeof v === "string" ? v : "[computed]");

/** One line per soft-deleted-name resource and per delete lock; empty when there is nothing to note. */
export function lifecycleNotes(stack: CapturedStack): string[] {
    const notes: string[] = [];
    for (const r of stack.resources) {
        const soft = SOFT_DELETED_TYPES[r.type];
        if (soft && r.custom) {
            const nameKey = ARM_TYPES[r.type]?.nameKey;
            const name = nameKey ? shown(r.inputs[nameKey]) : r.name;
            notes.push(
                `${soft.label} ${name}: after deletion its name stays reserved (${soft.reserved}). ` +
                    (r.protect
                        ? "Protected: no update can replace (delete, then re-create) it. To recreate the stack, raise naming.generation (README, \"Names and recreating a stack\")."
                        : "NOT protected (protection.protectSoftDeleted: false): a replacement would delete it and then fail to re-create the name."),
            );
        }
        if (r.type === "azure-native:authorization:ManagementLockByScope") {
            notes.push(`${String(r.inputs.level)} lock on ${shown(r.inputs.scope)}: blocks deleting it and everything under it; remove the lock deliberately first.`);
        }
    }
    return notes;
}

/** The notes as a text block for the plan summary ("" when there are none). */
export function renderLifecycleNotes(stack: CapturedStack): string {
    const notes = lifecycleNotes(stack);
    return notes.length === 0 ? "" : ["", "", "Notes:", ...notes.map((n) => `    - ${n}`)].join("\n");
}
