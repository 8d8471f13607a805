/**
 * Reads a `pulumi stack export` file (or a backend checkpoint file) into the
 * captured-graph contract, so the audit evaluates deployed stacks with the
 * same harness as the plan. Secrets stay secrets: an encrypted value becomes
 * `secret(UNKNOWN)` (policies that read it are skipped, never fed plaintext);
 * a `--show-secrets` plaintext becomes `secret(value)`.
 */
import { readUserFile } from "./cli-io";
import type { CapturedResource, CapturedStack } from "./graph";
import { decodeWire } from "./wire";

/** What is wrong with a checkpoint file. */
export type CheckpointErrorKind =
    | "missing"
    | "unreadable"
    | "empty"
    | "truncated"
    | "invalid-json"
    | "not-a-stack-export"
    | "unsupported-version"
    | "invalid-resource";

/** A checkpoint file that cannot be audited; the CLI maps it to exit code 2. */
export class CheckpointError extends Error {
    /** Creates the error; the message names the file and the problem. */
    constructor(
        /** What kind of problem. */
        readonly kind: CheckpointErrorKind,
        /** The file. */
        readonly file: string,
        detail: string,
    ) {
        super(`${file}: ${detail}`);
        this.name = "CheckpointError";
    }
}

/** Deployment versions `pulumi stack export` has written (3 today). */
export const SUPPORTED_VERSIONS = [1, 2, 3];

/** Decodes one serialized property value (the wire format is shared with the plan's capture). */
export { decodeWire as decodeValue } from "./wire";

/** Project and stack from a URN `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    if (!urn.startsWith("urn:pulumi:")) {
        return undefined;
    }
    const parts = urn.slice("urn:pulumi:".length).split("::");
    if (parts.length < 4) {
        return undefined;
    }
    const qualifiedType = parts[2];
    return { stack: parts[0], project: parts[1], type: qualifiedType.split("$").pop()!, name: parts.slice(3).join("::") };
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Converts one checkpoint resource; `pendingDelete` when it is an old copy awaiting deletion. */
function toResource(raw: unknown, index: number, file: string): (CapturedResource & { pendingDelete?: true }) | undefined {
    if (!isRecord(raw)) {
        throw new CheckpointError("invalid-resource", file, `deployment.resources[${index}] is not an object`);
    }
    const ids = typeof raw.urn === "string" ? parseUrn(raw.urn) : undefined;
    if (typeof raw.urn !== "string" || ids === undefined) {
        throw new CheckpointError("invalid-resource", file, `deployment.resources[${index}] has no valid urn`);
    }
    if (typeof raw.type !== "string" || raw.type === "") {
        throw new CheckpointError("invalid-resource", file, `deployment.resources[${index}] (${raw.urn}) has no type`);
    }
    const inputs = isRecord(raw.inputs) ? (decodeWire(raw.inputs) as Record<string, unknown>) : {};
    const rawOutputs = isRecord(raw.outputs) ? raw.outputs : undefined;
    const topLevelId = typeof raw.id === "string" && raw.id !== "" && raw.custom !== false ? raw.id : undefined;
    const propertyDependencies: Record<string, string[]> = {};
    if (isRecord(raw.propertyDependencies)) {
        for (const [k, v] of Object.entries(raw.propertyDependencies)) {
            propertyDependencies[k] = stringArray(v);
        }
    }
    const resource: CapturedResource = {
        type: raw.type,
        name: ids.name,
        urn: raw.urn,
        custom: raw.custom !== false,
        inputs,
        dependencies: stringArray(raw.dependencies),
        propertyDependencies,
        protect: raw.protect === true,
    };
    if (rawOutputs || topLevelId) {
        // Decoded on first read: the audit's policies read inputs only, and outputs are as large again.
        let decoded: Record<string, unknown> | undefined;
        Object.defineProperty(resource, "outputs", {
            enumerable: true,
            configurable: true,
            get(): Record<string, unknown> {
                if (decoded === undefined) {
                    decoded = rawOutputs ? (decodeWire(rawOutputs) as Record<string, unknown>) : {};
                    // azure-native returns `id` among outputs; keep it reachable when an export only has it at top level.
                    if (topLevelId !== undefined && decoded.id === undefined) decoded = { ...decoded, id: topLevelId };
                }
                return decoded;
            },
            set(value: Record<string, unknown>): void {
                decoded = value;
            },
        });
    }
    if (typeof raw.parent === "string" && raw.parent !== "") {
        resource.parent = raw.parent;
    }
    if (typeof raw.provider === "string" && raw.provider !== "") {
        resource.provider = raw.provider;
    }
    if (raw.retainOnDelete === true) {
        resource.retainOnDelete = true;
    }
    return raw.delete === true ? Object.assign(resource, { pendingDelete: true as const }) : resource;
}

/** Converts parsed export JSON to a captured stack. */
export function checkpointToStack(data: unknown, file: string): CapturedStack {
    if (!isRecord(data)) {
        throw new CheckpointError("not-a-stack-export", file, "not a Pulumi stack export (the top level is not an object)");
    }
    // `pulumi stack export` writes { version, deployment }; backend files hold { version, checkpoint: { latest } }.
    const checkpoint = isRecord(data.checkpoint) ? data.checkpoint : undefined;
    const deployment = isRecord(data.deployment) ? data.deployment : checkpoint && isRecord(checkpoint.latest) ? checkpoint.latest : undefined;
    if (deployment === undefined) {
        throw new CheckpointError("not-a-stack-export", file, "not a Pulumi stack export (no deployment; create one with `pulumi stack export --file <file>`)");
    }
    if (typeof data.version !== "number" || !SUPPORTED_VERSIONS.includes(data.version)) {
        throw new CheckpointError(
            "unsupported-version",
            file,
            `deployment version ${JSON.stringify(data.version ?? null)} is not supported (supported: ${SUPPORTED_VERSIONS.join(", ")})`,
        );
    }
    const rawResources = deployment.resources;
    if (rawResources === undefined && !isRecord(deployment.manifest)) {
        throw new CheckpointError("not-a-stack-export", file, "not a Pulumi stack export (deployment has neither resources nor a manifest)");
    }
    if (rawResources !== undefined && !Array.isArray(rawResources)) {
        throw new CheckpointError("not-a-stack-export", file, "deployment.resources is not an array");
    }
    const resources: CapturedResource[] = [];
    // Old copies awaiting deletion are not part of the stack the engine analyzes; a plan diff reports them as deletes.
    const pendingDeletes: CapturedResource[] = [];
    (rawResources ?? []).forEach((raw, i) => {
        const r = toResource(raw, i, file);
        if (r === undefined) return;
        if (r.pendingDelete) {
            delete r.pendingDelete;
            pendingDeletes.push(r);
        } else {
            resources.push(r);
        }
    });
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0];
    const ids = root ? parseUrn(root.urn) : undefined;
    return { project: ids?.project ?? "unknown", stack: ids?.stack ?? "unknown", preview: false, resources, ...(pendingDeletes.length > 0 ? { pendingDeletes } : {}) };
}

/** Parses export text; `file` names it in errors. */
export function parseCheckpoint(text: string, file: string): CapturedStack {
    // Not text.trim(): that copies the whole export (tens of MB) to test for blank.
    if (!/\S/.test(text)) {
        throw new CheckpointError("empty", file, "the file is empty");
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (e) {
        const msg = (e as Error).message;
        const position = Number(/position (\d+)/.exec(msg)?.[1] ?? NaN);
        const atEnd = /end of JSON input|Unterminated/i.test(msg) || position >= text.trimEnd().length - 1;
        throw new CheckpointError(
            atEnd ? "truncated" : "invalid-json",
            file,
            atEnd ? `the JSON ends early; the file looks truncated (${msg})` : `not valid JSON (${msg})`,
        );
    }
    return checkpointToStack(data, file);
}

/** Reads a stack export file; throws CheckpointError naming the file and the problem. */
export function readCheckpoint(path: string): CapturedStack {
    const read = readUserFile(path);
    if ("reason" in read) throw new CheckpointError(read.missing ? "missing" : "unreadable", path, read.reason);
    return parseCheckpoint(read.text, path);
}
