/**
 * Turns schema and semantic problems into one line each:
 * `<key path>: <problem> (<how to fix>)`. No stack traces reach the user.
 */
import type { ErrorObject } from "ajv";
import { DEFAULT_TAG_LIMITS, tagNameProblem } from "../components/tag-limits";
import { readKeys } from "../components/object-path";
import { existingIdKeyOf } from "./config-adoptable";
import { closest as closestMatch } from "../components/text-match";

/** The Pulumi config key that holds the platform object. */
export const CONFIG_KEY = "aml-workspace:platform";

/** The full key path of a setting under the platform key, e.g. `at("storage.sku")`. */
export function at(sub: string): string {
    return `${CONFIG_KEY}.${sub}`;
}

/** One problem with the stack configuration. */
export interface ConfigProblem {
    /** Dotted key path, e.g. `aml-workspace:platform.storage.sku`. */
    path: string;
    /** What is wrong. */
    problem: string;
    /** How to fix it. */
    fix: string;
}

/** Renders a problem as its one-line message. */
export function formatProblem(p: ConfigProblem): string {
    return `${p.path}: ${p.problem} (${p.fix})`;
}

/** Thrown when the stack configuration is invalid; carries every problem found. */
export class ConfigError extends Error {
    /** Every problem, in schema order then semantic order. */
    readonly problems: readonly ConfigProblem[];
    constructor(problems: readonly ConfigProblem[]) {
        super(
            `Invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
        );
        this.name = "ConfigError";
        this.problems = problems;
    }
}

/** Joins a base path and a JSON pointer (`/storage/sku`) into a dotted key path. */
export function keyPath(base: string, pointer: string, child?: string): string {
    const parts = pointer
        .split("/")
        .slice(1)
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (child !== undefined) parts.push(child);
    return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : `${acc}.${part}`), base);
}

function describe(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return `${typeof value} ${JSON.stringify(value)}`;
}

/** Closest candidate by edit distance, for "did you mean" hints on typos (components/text-match.ts). */
export const closest = closestMatch;

/** Looks up the value at a JSON pointer inside `root` (RFC 6901 escapes `~1` and `~0` undone). */
function valueAt(root: unknown, pointer: string): unknown {
    return readKeys(root, pointer.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~")));
}

/**
 * JSON pointers of the values the schema found invalid: where the error is,
 * or for a missing, unknown or badly named key, that key under its object.
 * Semantic checks that read any of them are skipped (stacks/config-guard.ts).
 */
export function invalidPointers(errors: readonly ErrorObject[]): string[] {
    const out = new Set<string>();
    for (const e of errors) {
        if (e.keyword === "if" || e.keyword === "allOf") continue;
        const p = e.params as Record<string, unknown>;
        const child = e.keyword === "required" ? p.missingProperty : e.keyword === "additionalProperties" ? p.additionalProperty : p.propertyName;
        const escaped = typeof child === "string" ? `/${child.replace(/~/g, "~0").replace(/\//g, "~1")}` : "";
        out.add(`${e.instancePath}${escaped}`);
    }
    return [...out];
}

/** The expected shape of the resource ID at `path` (a full key path), in plain words. */
export function resourceIdShape(path: string): string {
    const sub = path.startsWith(`${CONFIG_KEY}.`) ? path.slice(CONFIG_KEY.length + 1) : path;
    const group = "/subscriptions/<subscription-id>/resourceGroups/<group>";
    const hit = existingIdKeyOf(sub);
    if (hit && hit.armType === undefined) return group;
    return `${group}/providers/${hit?.armType ?? "<namespace>/<type>"}/<name>`;
}

/**
 * Converts ajv errors into problems. Errors that only say "the if/then branch
 * failed" are dropped: the branch's own errors say what is wrong.
 */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const seen = new Set<string>();
    for (const e of errors) {
        const p = problemOf(e, data);
        if (!p) continue;
        const line = formatProblem(p);
        if (!seen.has(line)) {
            seen.add(line);
            out.push(p);
        }
    }
    return out;
}

function problemOf(e: ErrorObject, data: unknown): ConfigProblem | undefined {
    // Errors inside `propertyNames` are about the key, not the object: the propertyNames error says it.
    if ((e as { propertyName?: string }).propertyName !== undefined) return undefined;
    const path = keyPath(CONFIG_KEY, e.instancePath);
    const value = valueAt(data, e.instancePath);
    const hint = typeof e.parentSchema?.description === "string" ? e.parentSchema.description : undefined;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
        case "if":
        case "allOf":
            return undefined;
        case "required":
            return {
                path: keyPath(CONFIG_KEY, e.instancePath, String(p.missingProperty)),
                problem: "is required",
                fix: `add ${String(p.missingProperty)} under ${path}`,
            };
        case "additionalProperties": {
            const extra = String(p.additionalProperty);
            const known = Object.keys((e.parentSchema?.properties as Record<string, unknown>) ?? {});
            const guess = closest(extra, known);
            return {
                path: keyPath(CONFIG_KEY, e.instancePath, extra),
                problem: "is not a known setting",
                fix: guess ? `did you mean ${guess}? Known settings here: ${known.join(", ")}` : `remove it; known settings here: ${known.join(", ")}`,
            };
        }
        case "enum": {
            const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
            const guess = typeof value === "string" ? closest(value, (p.allowedValues as unknown[]).map(String)) : undefined;
            return {
                path,
                problem: `must be one of ${allowed.join(", ")}; got ${describe(value)}`,
                fix: guess ? `did you mean "${guess}"?` : `use one of ${allowed.join(", ")}`,
            };
        }
        case "const":
            return { path, problem: `must be ${JSON.stringify(p.allowedValue)}; got ${describe(value)}`, fix: `set it to ${JSON.stringify(p.allowedValue)}` };
        case "type":
            return { path, problem: `must be ${article(String(p.type))}; got ${describe(value)}`, fix: `write ${article(String(p.type))}` };
        case "pattern":
            if (e.schemaPath.startsWith("#/$defs/armId/")) {
                return { path, problem: `${describe(value)} is not an Azure resource ID`, fix: `write the full ID, ${resourceIdShape(path)}, where the subscription ID is a GUID` };
            }
            {
                // The schema's `fix` annotation says what to write; else the description, which states the format.
                const fix = typeof e.parentSchema?.fix === "string" ? e.parentSchema.fix : (hint ?? `match ${String(p.pattern)}`);
                return { path, problem: `${describe(value)} has an invalid format`, fix };
            }
        case "format":
            return { path, problem: `${describe(value)} is not a valid ${String(p.format)}`, fix: `write a valid ${String(p.format)}` };
        case "minimum":
        case "maximum":
        case "exclusiveMinimum":
        case "exclusiveMaximum":
            return { path, problem: `${describe(value)} is out of range`, fix: `use a number ${String(p.comparison)} ${String(p.limit)}` };
        case "minLength":
        case "maxLength":
            return { path, problem: `${describe(value)} is too ${e.keyword === "minLength" ? "short" : "long"}`, fix: `use ${e.keyword === "minLength" ? "at least" : "at most"} ${String(p.limit)} characters` };
        case "uniqueItems":
            return { path, problem: `has duplicate entries (items ${String(p.j)} and ${String(p.i)})`, fix: "list each entry once" };
        case "propertyNames": {
            const name = String(p.propertyName);
            const tag = e.instancePath === "/tags" ? tagNameProblem(name, DEFAULT_TAG_LIMITS) : undefined;
            if (tag) return { path: keyPath(CONFIG_KEY, e.instancePath, name), ...tag };
            return { path: keyPath(CONFIG_KEY, e.instancePath, name), problem: "is not a valid key here", fix: hint ?? "rename the key" };
        }
        default:
            return { path, problem: e.message ?? "is invalid", fix: hint ?? "see stacks/schema/platform.schema.json" };
    }
}

function article(type: string): string {
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
