/**
 * Awaiting Pulumi outputs outside the engine. `apply` never runs for a value
 * unknown during preview, so awaiting through it would hang; these helpers use
 * the output's own promise, which reports unknowns.
 */
import type * as pulumi from "@pulumi/pulumi";
import { UNKNOWN, secret, type SecretValue } from "./graph";

interface OutputInternals {
    // `promise(withUnknowns)` is @internal in @pulumi/pulumi but is how the SDK itself awaits outputs.
    promise(withUnknowns?: boolean): Promise<unknown>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
}

/** Resolves an output to its value, or {@link UNKNOWN} when it is unknown (preview). */
export async function settle<T>(output: pulumi.Output<T>): Promise<T | typeof UNKNOWN> {
    const o = output as unknown as OutputInternals;
    const [value, known] = await Promise.all([o.promise(true), o.isKnown]);
    return known ? (value as T) : UNKNOWN;
}

/** Like {@link settle}, but a secret output comes back wrapped with {@link secret}, so reports can redact it. */
export async function settleMarked<T>(output: pulumi.Output<T>): Promise<T | typeof UNKNOWN | SecretValue> {
    const [value, isSecret] = await Promise.all([settle(output), (output as unknown as OutputInternals).isSecret]);
    return isSecret ? secret(value) : value;
}

/** Resolves a known output to its value; rejects when it is unknown, so a test cannot pass on a missing value. */
export async function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
    const value = await settle(output);
    if (value === UNKNOWN) throw new Error("output is unknown (preview): the value is only known after deployment");
    return value as T;
}
