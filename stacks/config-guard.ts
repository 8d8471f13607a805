/**
 * Runs semantic checks on a config that failed the schema, so one run reports
 * every problem of a file. A check whose inputs are schema-invalid is skipped
 * rather than trusted (its answer would be about a value the user must fix
 * anyway) or allowed to crash: the config it sees is a read-tracking proxy, and
 * a check that read an invalid value, or threw, contributes nothing.
 */
import type { ConfigProblem } from "./config-errors";

/** A semantic check. */
export type Check<C> = (c: C) => ConfigProblem[];

const RAW = Symbol("raw");

/** The object behind a guard proxy (or `v` itself): for checks that walk everything but report only where they read. */
export function unguarded<T>(v: T): T {
    return v !== null && typeof v === "object" && (v as Record<symbol, unknown>)[RAW] !== undefined ? ((v as Record<symbol, unknown>)[RAW] as T) : v;
}

/** True when JSON pointer `p` is `q` or lies under it. */
function within(p: string, q: string): boolean {
    return p === q || p.startsWith(`${q}/`);
}

/** Wraps `target` so that reading any value at or under an `invalid` pointer calls `taint`. */
function track<T extends object>(target: T, pointer: string, invalid: readonly string[], taint: () => void, cache: WeakMap<object, object>): T {
    const hit = cache.get(target);
    if (hit) return hit as T;
    const proxy = new Proxy(target, {
        get(t, key, receiver) {
            if (key === RAW) return t;
            const value: unknown = Reflect.get(t, key, receiver);
            if (typeof key !== "string" || !Object.prototype.hasOwnProperty.call(t, key)) return value;
            const sub = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
            if (invalid.some((q) => within(sub, q))) taint();
            return value !== null && typeof value === "object" ? track(value, sub, invalid, taint, cache) : value;
        },
    });
    cache.set(target, proxy);
    return proxy;
}

/**
 * Runs each check on `config`. With no invalid pointers the checks run as they
 * are; otherwise each runs on a tracking view and is skipped when it read a
 * value under an invalid pointer or threw.
 */
export function runChecks<C extends object>(checks: readonly Check<C>[], config: C, invalid: readonly string[]): ConfigProblem[] {
    if (invalid.length === 0) return checks.flatMap((check) => check(config));
    const out: ConfigProblem[] = [];
    for (const check of checks) {
        const scope: TaintScope = { tainted: false };
        scopes = [scope];
        // A read of an invalid value taints the innermost scope: the check, or the entry of guardedEntries being checked.
        const view = track(config, "", invalid, () => (scopes[scopes.length - 1].tainted = true), new WeakMap());
        try {
            const found = check(view);
            if (!scope.tainted) out.push(...found);
        } catch {
            // The check met a value of the wrong shape; the schema problem already says which.
        } finally {
            scopes = [];
        }
    }
    return out;
}

/** A part of a guarded check run: tainted when the check read a schema-invalid value inside it. */
interface TaintScope {
    tainted: boolean;
}
/** The scopes of the check that runs now, outermost first (empty outside {@link runChecks}' guarded runs). */
let scopes: TaintScope[] = [];

/**
 * The entries of `map` (e.g. a serving block's endpoints), each checked in a scope of its own: when
 * the loop body reads a schema-invalid value of one entry, only the problems it pushed onto `out`
 * for that entry are dropped, and the check still reports every other entry. So one endpoint with
 * an unknown host does not silence the checks of its siblings. Outside a guarded run (a valid
 * config) it is plain `Object.entries`.
 */
export function* guardedEntries<T>(out: ConfigProblem[], map: Record<string, T> | undefined): Generator<[string, T]> {
    for (const [key, value] of Object.entries(map ?? {})) {
        if (scopes.length === 0) {
            yield [key, value];
            continue;
        }
        const scope: TaintScope = { tainted: false };
        const mark = out.length;
        scopes.push(scope);
        try {
            yield [key, value];
        } finally {
            scopes.pop();
            if (scope.tainted) out.length = mark;
        }
    }
}

/**
 * Names the one place where data that failed the schema is treated as the config type: the
 * semantic checks still read it (so one run reports every problem), but only through
 * {@link runChecks}' tracking view, which skips a check that touches a schema-invalid value.
 */
export function unverified<T>(data: unknown): T {
    return data as T;
}

/** {@link guardedEntries} for checks written as a flat map: each entry's problems, each entry in its own guard scope. */
export function guardedFlatMap<T>(map: Record<string, T> | undefined, fn: (key: string, value: T) => ConfigProblem[]): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const [key, value] of guardedEntries(out, map)) out.push(...fn(key, value));
    return out;
}
