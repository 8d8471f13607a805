/**
 * Turns captured values into what the analyzer hands a policy. The engine sends
 * unknowns as sentinel strings and secrets as `{sig: secret, value}`; the
 * server's `deserializeProperties(props, false)` keeps the sentinels (the
 * unknown-checking proxy recognises them) and unwraps secrets to their plain
 * value. We do the same from the graph's UNKNOWN / secret() markers, and on
 * the side record which keys were secret (policies/lib/secrets.ts), which the
 * real analyzer cannot tell a policy.
 */
import { UNKNOWN, isSecret } from "./graph";
import { UNKNOWN_STRING_SENTINEL } from "../policies/lib/pulumi-internals";
import { markSecretInfoKnown, markSecretKey } from "../policies/lib/secrets";

/** Converts one value (a secret's container records it, see {@link child}). */
function convert(value: unknown): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN_STRING_SENTINEL;
    }
    if (typeof value !== "object" || value === null) {
        return value;
    }
    if (isSecret(value)) {
        return convert(value.value);
    }
    if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
            out[i] = child(value[i], out, i);
        }
        return out;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[k];
        // deserializeProperties treats undefined as absent.
        if (v !== undefined) {
            out[k] = child(v, out, k);
        }
    }
    return out;
}

/** Converts `value`, held at `key` of `container`, recording the key when the value is a secret. */
function child(value: unknown, container: object, key: string | number): unknown {
    if (typeof value === "object" && value !== null && isSecret(value)) {
        markSecretKey(container, String(key));
        return convert(value.value);
    }
    return convert(value);
}

/**
 * A fresh analyzer-shaped copy of `props`, as the server deserializes one for
 * every validation (a policy that changes its props changes nothing another
 * policy sees). One walk that allocates only the copy.
 */
export function toAnalyzerProps(props: Record<string, unknown>): Record<string, unknown> {
    const out = convert(props) as Record<string, unknown>;
    markSecretInfoKnown(out);
    return out;
}

/** True when following `path` through `raw` passes a secret (for skip messages). */
export function pathCrossesSecret(raw: unknown, path: readonly (string | symbol)[]): boolean {
    let cur: unknown = raw;
    for (const step of path) {
        if (isSecret(cur)) {
            return true;
        }
        if (typeof cur !== "object" || cur === null || typeof step !== "string") {
            return false;
        }
        cur = (cur as Record<string, unknown>)[step];
    }
    return isSecret(cur);
}
