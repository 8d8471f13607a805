/**
 * Reading resource properties by dotted path. Reads go through the analyzer's
 * unknown-checking proxy, so an unknown value throws `UnknownValueError` and the
 * analyzer (or the offline harness) reports the policy as skipped — the same
 * outcome as a hand-written `props.a.b` access.
 */
import { readPath } from "../../components/object-path";

/** A plain JSON-ish object. */
export type Obj = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is Obj {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads `path` ("a.b.c") from `root`; undefined when any step is missing (the one reader, shared with the simulator). */
export { readPath };

/** Reads an array at `path`; [] when missing or not an array. */
export function readArray(root: unknown, path: string): unknown[] {
    const v = readPath(root, path);
    return Array.isArray(v) ? v : [];
}

/** Reads an object at `path`; {} when missing or not an object. */
export function readObject(root: unknown, path: string): Obj {
    const v = readPath(root, path);
    return isObject(v) ? v : {};
}

/** Reads a string at `path`; undefined unless it is a string. */
export function readString(root: unknown, path: string): string | undefined {
    const v = readPath(root, path);
    return typeof v === "string" ? v : undefined;
}

/** Case-insensitive string equality (Azure enums are case-insensitive). */
export function eqi(a: unknown, b: string): boolean {
    return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** Renders a value for a message: strings bare, others as JSON. Never used for secrets. */
export function show(v: unknown): string {
    if (v === undefined) {
        return "not set";
    }
    return typeof v === "string" ? v : JSON.stringify(v);
}

/** Normalizes an Azure location ("West Europe" → "westeurope"). */
export function normalizeLocation(location: string): string {
    return location.replace(/\s+/g, "").toLowerCase();
}
