/**
 * Decodes Pulumi's wire format (the gRPC Struct a program sends the engine,
 * and the JSON of checkpoints) into plain values with {@link UNKNOWN} and
 * {@link secret} markers. The sentinels are Pulumi's own, from
 * `@pulumi/pulumi/runtime/rpc` and the checkpoint format.
 */
import { UNKNOWN, secret } from "./graph";

/** Pulumi's special-signature key. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature of a secret value. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Signature of a resource reference. */
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** Signature of an output value. */
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/** Signature of an asset. */
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
/** Signature of an archive. */
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
/** The string the engine uses for a value unknown during preview. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Decodes one wire value (recursively). */
export function decodeWire(v: unknown): unknown {
    if (v === UNKNOWN_VALUE) return UNKNOWN;
    if (Array.isArray(v)) {
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) out[i] = decodeWire(v[i]);
        return out;
    }
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    switch (o[SIG_KEY]) {
        case SECRET_SIG:
            // Checkpoints hold `ciphertext` (encrypted) or `plaintext` (JSON); the program sends `value`.
            if ("value" in o) return secret(decodeWire(o.value));
            if (typeof o.plaintext === "string") return secret(decodeWire(safeJson(o.plaintext)));
            return secret(UNKNOWN);
        case RESOURCE_REF_SIG:
            return typeof o.id === "string" && o.id !== "" ? o.id : o.urn;
        case OUTPUT_VALUE_SIG: {
            if (!("value" in o)) return UNKNOWN;
            const inner = decodeWire(o.value);
            return o.secret === true ? secret(inner) : inner;
        }
        case ASSET_SIG:
        case ARCHIVE_SIG:
            return { asset: o.path ?? o.uri ?? "<inline>" };
        default: {
            // One loop, no intermediate entry arrays: exports of 10,000 resources are decoded here.
            const out: Record<string, unknown> = {};
            for (const k of Object.keys(o)) {
                if (k === "__proto__") Object.defineProperty(out, k, { value: decodeWire(o[k]), enumerable: true, writable: true, configurable: true });
                else out[k] = decodeWire(o[k]);
            }
            return out;
        }
    }
}

function safeJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
