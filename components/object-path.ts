/**
 * Reading a value inside plain data by a path of keys: the one walk behind the
 * policies' `readPath`, the simulator's ARM rules, the config errors' JSON
 * pointers and the tests' `at`. Pure, and generic on purpose: it reads through
 * whatever object it is given (the policy analyzer's unknown-checking proxy
 * included, so an unknown value throws there exactly as `props.a.b` would).
 */

/** The value at `keys` under `root`; undefined as soon as a step is missing or not an object. */
export function readKeys(root: unknown, keys: readonly string[]): unknown {
    let cur: unknown = root;
    for (const key of keys) {
        if (typeof cur !== "object" || cur === null) return undefined;
        cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
}

/** The value at the dotted `path` ("a.b.c") under `root`; undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
    return readKeys(root, path.split("."));
}
