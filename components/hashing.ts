/**
 * Stable hashes for names: short suffixes for globally unique names and
 * name-based (v5) UUIDs for role assignments and the like.
 *
 * Pure on purpose: no Pulumi, no I/O, no clock, no randomness. A resource whose
 * name changes is replaced, so every value here is a function of its inputs
 * alone, and the golden values in test/components/naming.test.ts pin them.
 */
import { createHash } from "node:crypto";

/** Number of base36 digits a sha256 digest fully covers: floor(256 / log2(36)). */
const MAX_SUFFIX_LENGTH = 49;

/**
 * Hash input for a list of parts: each part with "\" and "/" backslash-escaped,
 * joined with "/". Escaping keeps ["a/b"] and ["a", "b"] apart; parts without
 * those characters hash exactly as `parts.join("/")`. Text is hashed as UTF-8,
 * so lone surrogates (invalid in any Azure name) all read as U+FFFD.
 */
function encodeParts(parts: readonly string[]): string {
    // [] and [""] would both encode as "", and an empty identity is almost surely a bug.
    if (parts.length === 0) throw new RangeError("needs at least one part");
    return parts.map((part) => part.replace(/[\\/]/g, (c) => `\\${c}`)).join("/");
}

/** Stable short suffix: lowercase base36/hex from sha256 of the parts joined with "/"; default length 6; never random. */
export function stableSuffix(parts: readonly string[], length = 6): string {
    if (!Number.isInteger(length) || length < 1 || length > MAX_SUFFIX_LENGTH) {
        throw new RangeError(`suffix length must be an integer in 1-${MAX_SUFFIX_LENGTH}; got ${length}`);
    }
    const digest = createHash("sha256").update(encodeParts(parts), "utf8").digest("hex");
    // Low-order digits of the digest: 36^length divides into 2^256 with negligible bias,
    // unlike the leading digits, whose distribution is skewed.
    const value = BigInt(`0x${digest}`) % 36n ** BigInt(length);
    return value.toString(36).padStart(length, "0");
}

/** Namespace of {@link deterministicGuid}; fixed forever, since changing it renames every role assignment. */
const GUID_NAMESPACE = "8d02ca50-ca2d-4f61-8731-8e2aeae8bcbd";

/** Canonical 8-4-4-4-12 hex UUID text. */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 4122 name-based UUID, version 5 (sha1): `namespace` is a UUID, `name` is hashed as UTF-8. */
export function uuidV5(namespace: string, name: string): string {
    if (!UUID_TEXT.test(namespace)) throw new RangeError(`namespace must be a UUID; got '${namespace}'`);
    const bytes = createHash("sha1")
        .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
        .update(name, "utf8")
        .digest()
        .subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant (10xx)
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Deterministic RFC 4122 version-5-style GUID (sha1 over a fixed namespace + parts) for role assignment names and similar; lowercase, 8-4-4-4-12. */
export function deterministicGuid(...parts: string[]): string {
    return uuidV5(GUID_NAMESPACE, encodeParts(parts));
}
