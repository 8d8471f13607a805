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

/** Keys of each converted container whose values were Pulumi secrets. */
type SecretKeys = Map<object, string[]>;

/** Converts one value; `container`/`key` locate it for secret bookkeeping in `secrets`. */
function convert(value: unknown, container: object | undefined, key: string | undefined, secrets: SecretKeys): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN_STRING_SENTINEL;
    }
    if (isSecret(value)) {
        if (container !== undefined && key !== undefined) {
            const keys = secrets.get(container);
            if (keys) {
                keys.push(key);
            } else {
                secrets.set(container, [key]);
            }
        }
        return convert(value.value, undefined, undefined, secrets);
    }
    if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
            out.push(convert(value[i], out, String(i), secrets));
        }
        return out;
    }
    if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(value)) {
            const v = (value as Record<string, unknown>)[k];
            // deserializeProperties treats undefined as absent.
            if (v !== undefined) {
                out[k] = convert(v, out, k, secrets);
            }
        }
        return out;
    }
    return value;
}

/**
 * A copy of converted (JSON-shaped: plain objects, arrays, primitives) values,
 * recording on each copied container the secret keys its original had.
 */
function copy(value: unknown, secrets: SecretKeys): unknown {
    if (typeof value !== "object" || value === null) {
        return value;
    }
    let out: unknown[] | Record<string, unknown>;
    if (Array.isArray(value)) {
        const arr = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
            arr[i] = copy(value[i], secrets);
        }
        out = arr;
    } else {
        const obj: Record<string, unknown> = {};
        // Converted objects are plain (Object.prototype, own keys only), so for-in lists exactly their keys.
        for (const k in value) {
            obj[k] = copy((value as Record<string, unknown>)[k], secrets);
        }
        out = obj;
    }
    if (secrets.size > 0) {
        for (const key of secrets.get(value) ?? []) {
            markSecretKey(out, key);
        }
    }
    return out;
}

/**
 * The analyzer's view of one set of captured values, converted once: the
 * server deserializes a fresh copy for every validation, so {@link fresh}
 * hands out a new copy each time (a policy that changes its props changes
 * nothing another policy sees), which costs a plain copy instead of a
 * conversion.
 */
export class AnalyzerValues {
    private readonly converted: Record<string, unknown>;
    private readonly secrets: SecretKeys = new Map();

    /** Converts `props` (captured inputs, or outputs over inputs). */
    constructor(props: Record<string, unknown>) {
        this.converted = convert(props, undefined, undefined, this.secrets) as Record<string, unknown>;
    }

    /** A fresh analyzer-shaped copy, as the server deserializes per validation. */
    fresh(): Record<string, unknown> {
        const out = copy(this.converted, this.secrets) as Record<string, unknown>;
        markSecretInfoKnown(out);
        return out;
    }
}

/** A fresh analyzer-shaped copy of `props` (as the server deserializes per validation). */
export function toAnalyzerProps(props: Record<string, unknown>): Record<string, unknown> {
    return new AnalyzerValues(props).fresh();
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
