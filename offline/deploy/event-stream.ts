/**
 * Engine events of `pulumi preview` / `pulumi up` (Automation API `onEvent`) as
 * JSON lines for CI logs, and a readable summary for a terminal.
 *
 * A JSON line carries what a log reader needs (operation, URN, type, changed keys,
 * policy results, diagnostics, the summary) and never a resource's inputs or outputs:
 * a CI log is widely readable, and values stay in the Pulumi backend.
 */
import type { EngineEvent, OpMap } from "./deploy-types";

/** Which Pulumi operation the events come from. */
export type Phase = "preview" | "up";

/** One JSON line: the stack, the phase, the event kind and its fields. */
export type EventLine = { stack: string; phase: Phase; sequence: number; type: string } & Record<string, unknown>;

/** Removes terminal colour codes and Pulumi's `<{%...%}>` colour tags from a message. */
export function plainText(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\[[0-9;]*m/g, "").replace(/<\{%[^%]*%\}>/g, "").trimEnd();
}

/**
 * The JSON line for an engine event, or undefined for events a log does not need
 * (progress output the CLI prints anyway, ephemeral diagnostics, debugger hooks).
 */
export function eventLine(stack: string, phase: Phase, event: EngineEvent): EventLine | undefined {
    const base = { stack, phase, sequence: event.sequence };
    if (event.preludeEvent) return { ...base, type: "prelude" };
    if (event.resourcePreEvent) {
        const m = event.resourcePreEvent.metadata;
        return { ...base, type: "resource-pre", op: m.op, urn: m.urn, resourceType: m.type, ...(m.diffs?.length ? { diffs: m.diffs } : {}) };
    }
    if (event.resOutputsEvent) {
        const m = event.resOutputsEvent.metadata;
        return { ...base, type: "resource-done", op: m.op, urn: m.urn, resourceType: m.type };
    }
    if (event.resOpFailedEvent) {
        const f = event.resOpFailedEvent;
        return { ...base, type: "resource-failed", op: f.metadata.op, urn: f.metadata.urn, resourceType: f.metadata.type, status: f.status };
    }
    if (event.policyEvent) {
        const p = event.policyEvent;
        return {
            ...base,
            type: "policy",
            policy: p.policyName,
            pack: p.policyPackName,
            packVersion: p.policyPackVersion,
            enforcement: p.enforcementLevel,
            ...(p.resourceUrn ? { urn: p.resourceUrn } : {}),
            message: plainText(p.message),
        };
    }
    if (event.diagnosticEvent) {
        const d = event.diagnosticEvent;
        if (d.ephemeral) return undefined;
        return { ...base, type: "diagnostic", severity: d.severity, ...(d.urn ? { urn: d.urn } : {}), message: plainText(d.message) };
    }
    if (event.summaryEvent) {
        const s = event.summaryEvent;
        return { ...base, type: "summary", resourceChanges: s.resourceChanges, durationSeconds: s.durationSeconds, policyPacks: s.policyPacks, maybeCorrupt: s.maybeCorrupt };
    }
    if (event.cancelEvent) return { ...base, type: "cancel" };
    return undefined;
}

/** A policy violation as reported by the engine. */
export interface PolicyViolation {
    policy: string;
    enforcement: string;
    urn?: string;
    message: string;
}

/** What the events of one operation add up to. */
export interface Tally {
    /** Resource counts per operation: the engine's summary when it sent one, else counted from resource events. */
    changes: OpMap;
    /** Policy violations, in the order reported. */
    violations: PolicyViolation[];
    /** Error diagnostics (first line of each). */
    errors: string[];
    /** Seconds the operation took (the engine's figure when it sent one). */
    durationSeconds?: number;
    /** The operation was cancelled. */
    cancelled: boolean;
}

/** Collects a {@link Tally} from engine events. */
export class EventTally {
    private readonly counted: OpMap = {};
    private summary?: OpMap;
    readonly violations: PolicyViolation[] = [];
    readonly errors: string[] = [];
    private duration?: number;
    private cancelled = false;

    add(event: EngineEvent): void {
        if (event.resourcePreEvent) {
            const op = event.resourcePreEvent.metadata.op;
            this.counted[op] = (this.counted[op] ?? 0) + 1;
        } else if (event.policyEvent) {
            const p = event.policyEvent;
            this.violations.push({ policy: p.policyName, enforcement: p.enforcementLevel, ...(p.resourceUrn ? { urn: p.resourceUrn } : {}), message: plainText(p.message).split("\n")[0] });
        } else if (event.diagnosticEvent?.severity === "error" && !event.diagnosticEvent.ephemeral) {
            this.errors.push(plainText(event.diagnosticEvent.message).split("\n").find((l) => l.trim()) ?? "");
        } else if (event.summaryEvent) {
            this.summary = event.summaryEvent.resourceChanges;
            this.duration = event.summaryEvent.durationSeconds;
        } else if (event.cancelEvent) {
            this.cancelled = true;
        }
    }

    /** The number of mandatory policy violations so far. */
    get mandatory(): number {
        return this.violations.filter((v) => v.enforcement === "mandatory").length;
    }

    tally(): Tally {
        return { changes: this.summary ?? this.counted, violations: [...this.violations], errors: [...this.errors], durationSeconds: this.duration, cancelled: this.cancelled };
    }
}

/** Operations in the order `pulumi preview` lists them, with their words before and after the fact. */
const OP_WORDS: [op: string, planned: string, done: string][] = [
    ["create", "to create", "created"],
    ["update", "to update", "updated"],
    ["replace", "to replace", "replaced"],
    ["delete", "to delete", "deleted"],
    ["import", "to import", "imported"],
    ["read", "to read", "read"],
    ["same", "unchanged", "unchanged"],
];

/** `3 to create, 1 to update, 40 unchanged` after a preview; `3 created, ...` after `up`. */
export function describeChanges(changes: OpMap, phase: Phase): string {
    const counts = changes as Record<string, number | undefined>;
    const parts = OP_WORDS.filter(([op]) => counts[op]).map(([op, planned, done]) => `${counts[op]} ${phase === "up" ? done : planned}`);
    return parts.length > 0 ? parts.join(", ") : "no changes";
}

/** The readable summary printed on a terminal after an operation. */
export function renderSummary(stack: string, phase: Phase, tally: Tally): string {
    const lines: string[] = [];
    const took = tally.durationSeconds !== undefined ? ` (${tally.durationSeconds} s)` : "";
    lines.push(`${phase === "preview" ? "Preview" : "Update"} of ${stack}${tally.cancelled ? " (cancelled)" : ""}: ${describeChanges(tally.changes, phase)}${took}`);
    if (tally.violations.length > 0) {
        const mandatory = tally.violations.filter((v) => v.enforcement === "mandatory").length;
        lines.push(`Policy violations: ${tally.violations.length} (${mandatory} mandatory, ${tally.violations.length - mandatory} advisory)`);
        for (const v of tally.violations) lines.push(`  ${v.enforcement.padEnd(9)} ${v.policy}${v.urn ? ` ${v.urn}` : ""}: ${v.message}`);
    }
    if (tally.errors.length > 0) {
        lines.push(`Errors: ${tally.errors.length}`);
        for (const e of tally.errors) lines.push(`  ${e}`);
    }
    return lines.join("\n");
}

/**
 * Turns the CLI's output chunks (arbitrary pieces of its stdout) into whole lines for a
 * line-based writer: a chunk may end mid-line, and writing it as a line would break it in two.
 */
export class LineBuffer {
    private rest = "";
    constructor(private readonly write: (line: string) => void) {}

    push(chunk: string): void {
        const parts = (this.rest + chunk).split("\n");
        this.rest = parts.pop() ?? "";
        for (const line of parts) this.write(line.replace(/\r$/, ""));
    }

    /** Writes what is left (a last line without a newline). */
    flush(): void {
        if (this.rest !== "") this.write(this.rest);
        this.rest = "";
    }
}
