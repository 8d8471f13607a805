/**
 * Facts a stack policy derives from one resource (its location, its
 * environment tag, the IDs it refers to), remembered per resource object so
 * that a policy asking again for every pair of resources, or the next policy
 * of an offline run, does not read and walk the props again. Reading props is
 * the expensive part of a stack policy: each resource's props are a fresh
 * deserialized copy behind the analyzer's unknown-checking proxy.
 *
 * Safe in both engines: the real analyzer builds new resource objects for
 * every stack policy (so a fact lives for one policy there); the offline
 * harness shares its frozen resource objects between the stack policies of a
 * run (so a fact serves them all). A fact must depend only on the resource's
 * props and graph, which do not change during a run, and must not hand out
 * objects from the props (return strings, numbers, booleans, or frozen arrays
 * of them). A derivation that throws (an unknown value read without `peek`)
 * is not remembered: the next caller reads, and throws, exactly as before.
 */
import type { PolicyResource } from "@pulumi/policy";
import { readPath } from "./read";

const facts = new WeakMap<object, Map<string, unknown>>();

/** The fact `key` of `resource`, derived by `derive` on first use. */
export function remember<T>(resource: PolicyResource, key: string, derive: () => T): T {
    let known = facts.get(resource);
    if (!known) {
        known = new Map();
        facts.set(resource, known);
    } else if (known.has(key)) {
        return known.get(key) as T;
    }
    const value = derive();
    known.set(key, value);
    return value;
}

/** A remembered read whose value cannot be shared (an object from the props) or could not be read (unknown). */
const READ_NOW = Symbol("read now");

/**
 * `readPath(resource.props, path)`, remembered when the value is a string,
 * number, boolean, null or undefined. Anything else is read again every time,
 * so an object comes from the caller's own props and an unknown value throws
 * for the caller exactly as a direct read would.
 */
export function readShared(resource: PolicyResource, path: string): unknown {
    const fact = remember(resource, `read:${path}`, (): { value: unknown } | typeof READ_NOW => {
        try {
            const value = readPath(resource.props, path);
            return typeof value === "object" && value !== null ? READ_NOW : { value };
        } catch {
            return READ_NOW;
        }
    });
    return fact === READ_NOW ? readPath(resource.props, path) : fact.value;
}
