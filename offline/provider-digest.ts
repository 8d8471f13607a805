/**
 * A dynamic resource's `__provider` input is its provider's serialized code (tens of KB): the plan
 * keeps its size and sha256 instead, which still changes exactly when the code does. One function,
 * used by the capture (planned inputs) and the plan diff (a checkpoint's full code, digested alike).
 */
import { createHash } from "node:crypto";

const PREFIX = "serialized dynamic provider (";

/** The inputs with `__provider` replaced by its digest (unchanged when absent or already a digest). */
export function withProviderDigest(inputs: Record<string, unknown>): Record<string, unknown> {
    const code = inputs.__provider;
    if (typeof code !== "string" || code.startsWith(PREFIX)) return inputs;
    return { ...inputs, __provider: `${PREFIX}${code.length} chars, sha256:${createHash("sha256").update(code).digest("hex").slice(0, 16)})` };
}
