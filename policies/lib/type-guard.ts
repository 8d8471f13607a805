/**
 * The types a resource validation applies to, attached to the validation
 * function. The analyzer server only knows one such hint, `__pulumiType`
 * (one type, skipped without a call); a validation that covers several types
 * checks the type itself and calls `notApplicable` first for any other. This
 * marker says so, which lets the offline harness count such a call as the
 * not-applicable outcome it certainly is without making it (the same counts,
 * without building the arguments of thousands of calls that throw at once).
 * The real server ignores it.
 */

/** Key of the marker on a validation function. */
const TYPE_GUARD = Symbol.for("aml-workspace.policy.type-guard");

/** A validation function that may carry the marker. */
type Marked = { [TYPE_GUARD]?: ReadonlySet<string> };

/**
 * Marks `validation` as calling `notApplicable` before anything else for every
 * resource whose type is not in `types` (only say so when it is true).
 */
export function markTypeGuard(validation: object, types: Iterable<string>): void {
    (validation as Marked)[TYPE_GUARD] = new Set(types);
}

/** The types `validation` is marked as applying to; undefined when not marked. */
export function typeGuardOf(validation: unknown): ReadonlySet<string> | undefined {
    return typeof validation === "function" ? (validation as Marked)[TYPE_GUARD] : undefined;
}
