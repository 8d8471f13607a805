/**
 * Secretness side channel.
 *
 * Under `pulumi preview --policy-pack`, the engine marshals secrets with
 * `KeepSecrets: true` and @pulumi/policy's `deserializeProperties(props, false)`
 * unwraps them to plain values (see node_modules/@pulumi/policy/deserialize.js):
 * a policy cannot tell a `pulumi.secret("x")` input from a literal `"x"`.
 * The offline harness knows (captured graphs and checkpoints keep the secret
 * marker), so it records which keys of which containers held secrets here,
 * keyed by the raw container object. Policies query it through
 * {@link secretnessOf}; under the real analyzer nothing is recorded and the
 * answer is "unknown", never "not secret".
 */
import { unproxy } from "./pulumi-internals";

/** Raw containers → keys whose values were Pulumi secrets. */
const secretKeysByContainer = new WeakMap<object, Set<string>>();
/**
 * Marks a raw root whose secretness the harness recorded (even if no secret
 * inside): a non-enumerable symbol property, invisible to key listing, spreads
 * and JSON, and far cheaper than a WeakSet entry for every copy of props the
 * harness hands out (one per validation).
 */
const SECRET_INFO = Symbol("aml-workspace.secret-info-known");

/** Records that `container[key]` held a secret (harness use). */
export function markSecretKey(container: object, key: string): void {
    let keys = secretKeysByContainer.get(container);
    if (!keys) {
        keys = new Set();
        secretKeysByContainer.set(container, keys);
    }
    keys.add(key);
}

/** Records that secretness is known for everything under `root` (harness use). */
export function markSecretInfoKnown(root: object): void {
    Object.defineProperty(root, SECRET_INFO, { value: true });
}

/** Whether the props a policy received carry secretness information. */
export function secretInfoKnown(props: object): boolean {
    return Object.prototype.hasOwnProperty.call(unproxy(props), SECRET_INFO);
}

/** Answer for one key: secret, plain, or unknown (real analyzer). */
export type Secretness = "secret" | "plain" | "unknown";

/** Whether `container[key]` was a secret, given the root props it came from. */
export function secretnessOf(root: object, container: object, key: string): Secretness {
    if (!secretInfoKnown(root)) {
        return "unknown";
    }
    return secretKeysByContainer.get(unproxy(container))?.has(key) ? "secret" : "plain";
}
