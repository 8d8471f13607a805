/**
 * What counts as a secret-bearing property name and a plaintext value, shared
 * by `no-plaintext-secrets` and `aci-no-plain-secret-env`. Names are split into
 * words (camelCase, snake_case, kebab-case, UPPER_CASE) and judged by their
 * last word, so `adminPassword`, `primaryKey`, `clientSecret`, `sasToken`,
 * `connectionString` are sensitive while `keyName`, `keyVault`, `keySize`,
 * `keyVaultProperties`, `keyIdentifier`, `primaryKeyPath`, `secretName`,
 * `disableLocalAuth` are not.
 */
import { isUnknownValueError } from "./pulumi-internals";
import { REGISTRY_PASSWORD_PLACEHOLDER } from "../../components/edge/edge-manifest";
import { isObject, readPath } from "./read";

/** Last words that make a name sensitive. */
const SENSITIVE_LAST = new Set(["password", "passwd", "pwd", "passphrase", "secret", "key", "token", "credential", "credentials", "sas"]);
/** Words that, after a sensitive word, still denote the secret itself (`secretValue`). */
const VALUE_SUFFIX = new Set(["value", "text"]);
/** Words that mark non-secret material (`sshPublicKey`, `publicKeys`). */
const NON_SECRET_WORDS = new Set(["public", "pub"]);
/**
 * Words that, before a final `key`, make it the name of a key rather than a key: Kubernetes'
 * `topologyKey` ("the key of node labels", PodAffinityTerm and TopologySpreadConstraint in the
 * Kubernetes API reference), label and annotation keys, and the partition, row, sort and hash keys
 * of data stores, which name fields.
 */
const KEY_NAME_QUALIFIERS = new Set(["topology", "label", "annotation", "tag", "partition", "row", "sort", "hash", "routing", "lookup"]);

/** Splits an identifier into lower-case words. */
export function words(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w.length > 0)
        .map((w) => w.toLowerCase());
}

/** Names judged so far: a pack run asks about the same few hundred property names for every resource. */
const sensitiveNames = new Map<string, boolean>();
/** Bound on {@link sensitiveNames} (names of environment variables are open-ended). */
const MAX_REMEMBERED_NAMES = 10_000;

/** True when a property or variable named `name` holds a secret. */
export function isSensitiveName(name: string): boolean {
    let sensitive = sensitiveNames.get(name);
    if (sensitive === undefined) {
        sensitive = judgeName(name);
        if (sensitiveNames.size >= MAX_REMEMBERED_NAMES) {
            sensitiveNames.clear();
        }
        sensitiveNames.set(name, sensitive);
    }
    return sensitive;
}

/** The judgement behind {@link isSensitiveName}. */
function judgeName(name: string): boolean {
    const w = words(name);
    if (w.length === 0 || w.some((x) => NON_SECRET_WORDS.has(x))) {
        return false;
    }
    // A bare `key` is nearly always the name of a key (configMapKeyRef.key, tag key), not a key.
    if (w.length === 1 && w[0] === "key") {
        return false;
    }
    const last = w[w.length - 1];
    if (last === "key" && w.length >= 2 && KEY_NAME_QUALIFIERS.has(w[w.length - 2])) {
        return false;
    }
    if (SENSITIVE_LAST.has(last)) {
        return true;
    }
    if (w.length >= 2 && last === "string" && w[w.length - 2] === "connection") {
        return true;
    }
    return w.length >= 2 && VALUE_SUFFIX.has(last) && SENSITIVE_LAST.has(w[w.length - 2]);
}

/**
 * True when `value` is a plaintext secret candidate: a non-empty string that is
 * not a reference (ARM ID, Key Vault URI or reference, Kubernetes secret ref).
 */
export function isPlaintextCandidate(value: unknown): value is string {
    if (typeof value !== "string" || value.trim() === "") {
        return false;
    }
    // The edge manifest's stand-in for the registry password, which travels in a secret input of its own.
    if (value === REGISTRY_PASSWORD_PLACEHOLDER) {
        return false;
    }
    const v = value.trim();
    return !(
        v.startsWith("/subscriptions/") ||
        v.startsWith("/providers/") ||
        /^https:\/\/[a-z0-9-]+\.vault\.azure\.net\//i.test(v) ||
        v.startsWith("@Microsoft.KeyVault(")
    );
}

/**
 * True when a name/value pair (an ACI environment variable) puts something in
 * `value`: a plaintext candidate, or a value not known here (a Pulumi secret
 * the audit cannot decrypt, or a computed value). Azure stores and returns
 * `value` in clear whatever Pulumi knew about it, so only `secureValue` hides
 * it; whether the pair is sensitive is decided by its name, not its content.
 */
export function setsClearValue(pair: unknown): boolean {
    if (!isObject(pair) || !("value" in pair)) {
        return false;
    }
    try {
        const value = readPath(pair, "value");
        return typeof value === "string" ? isPlaintextCandidate(value) : value !== undefined && value !== null;
    } catch (e) {
        if (isUnknownValueError(e)) {
            return true;
        }
        throw e;
    }
}
