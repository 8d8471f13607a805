/**
 * Typed access to the parts of @pulumi/policy that the analyzer server uses but
 * whose typings are stripped (`proxy.d.ts` is `export {}`). We load the very
 * module the server loads (`@pulumi/policy/proxy`), so a policy that catches
 * `UnknownValueError`, and the offline harness that wraps props with
 * `unknownCheckingProxy`, behave exactly as under `pulumi preview`.
 * The module has no dependencies, so this never starts the gRPC server.
 */

/** Shape of `@pulumi/policy/proxy` (see node_modules/@pulumi/policy/proxy.js). */
interface PolicyProxyModule {
    /** Wraps props so reading an unknown value throws `UnknownValueError`. */
    unknownCheckingProxy<T extends object>(toProxy: T): T;
    /** Error thrown when a policy reads a value that is unknown during preview. */
    UnknownValueError: new (sentinel: string, props: string[]) => Error & { props: string[] };
    /** Property name that returns the unproxied target of a special proxy. */
    getSpecialProxyTarget: string;
    /** Sentinel the engine sends for an unknown string (the common computed value). */
    unknownStringValue: string;
    /** Sentinel for an unknown boolean. */
    unknownBooleanValue: string;
    /** Sentinel for an unknown number. */
    unknownNumberValue: string;
    /** Sentinel for an unknown array. */
    unknownArrayValue: string;
    /** Sentinel for an unknown object. */
    unknownObjectValue: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyModule: PolicyProxyModule = require("@pulumi/policy/proxy");

/** The analyzer's unknown-checking proxy factory. */
export const unknownCheckingProxy = proxyModule.unknownCheckingProxy;
/** The analyzer's error for reading an unknown value during preview. */
export const UnknownValueError = proxyModule.UnknownValueError;
/** The sentinel the engine uses for an unknown (computed) string value. */
export const UNKNOWN_STRING_SENTINEL = proxyModule.unknownStringValue;
/** Key that unwraps an analyzer proxy to its raw target. */
export const PROXY_TARGET_KEY = proxyModule.getSpecialProxyTarget;

/** All unknown sentinels the engine can send, for recognizing them in raw data. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    proxyModule.unknownStringValue,
    proxyModule.unknownBooleanValue,
    proxyModule.unknownNumberValue,
    proxyModule.unknownArrayValue,
    proxyModule.unknownObjectValue,
]);

/** True when `e` is the analyzer's `UnknownValueError`. */
export function isUnknownValueError(e: unknown): e is Error & { props: string[] } {
    return e instanceof proxyModule.UnknownValueError;
}

/** Returns the raw object behind an analyzer proxy (or the value itself). */
export function unproxy<T>(value: T): T {
    if (typeof value === "object" && value !== null) {
        const target = (value as Record<string, unknown>)[PROXY_TARGET_KEY];
        if (target !== undefined && target !== true) {
            return target as T;
        }
    }
    return value;
}
