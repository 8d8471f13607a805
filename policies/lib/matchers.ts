/**
 * Expectations for single properties, so property policies are declarative and
 * every message has the same shape: "<path> is <actual>; set it to <wanted>".
 */
import { eqi } from "./read";

/** A test on one property value plus the value to recommend. */
export interface Matcher {
    /** True when the value complies. `undefined` means the property is unset. */
    ok(value: unknown): boolean;
    /** What to set instead, for the message. */
    want: string;
}

/** Equal to `expected` (strings compare case-insensitively, as ARM does). */
export function is(expected: string | boolean | number): Matcher {
    return {
        ok: (v) => (typeof expected === "string" ? eqi(v, expected) : v === expected),
        want: String(expected),
    };
}

/** Anything but `bad` (unset complies); recommends `want`. */
export function isNot(bad: string | boolean, want: string): Matcher {
    return {
        ok: (v) => !(typeof bad === "string" ? eqi(v, bad) : v === bad),
        want,
    };
}

/** One of `allowed` (case-insensitive for strings). */
export function oneOf(allowed: readonly string[], want = allowed.join(" or ")): Matcher {
    return { ok: (v) => allowed.some((a) => eqi(v, a)), want };
}

/** Set to a non-empty value; `want` says what to set. */
export function present(want: string): Matcher {
    return {
        ok: (v) =>
            v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0),
        want,
    };
}
