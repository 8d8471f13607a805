/**
 * Writes a captured stack as a `pulumi stack export` file (deployment version 3), so tests and
 * benches can make "an export of the deployed stack" from a simulated `up` and feed it to
 * `plan --against` or `audit`. The file reads back through checkpoint.ts to the same graph.
 *
 * Format (Pulumi's `apitype.DeploymentV3`): `{ version: 3, deployment: { manifest, resources } }`,
 * each resource with urn, custom, id, type, inputs, outputs, parent, protect, dependencies,
 * propertyDependencies, provider; secrets as `{ <sig>: <secret sig>, ciphertext }` (what a plain
 * export holds) or `plaintext` (what `--show-secrets` writes); unknowns as Pulumi's unknown string.
 */
import type { ResourceState } from "./capture";
import { isSecret, UNKNOWN, type CapturedResource, type CapturedStack } from "./graph";
import { SECRET_SIG, SIG_KEY, UNKNOWN_VALUE } from "./wire";

/** Options of {@link toStackExport}. */
export interface ExportOptions {
    /** IDs and outputs by URN (a run's `states`). Default: none (no id, no outputs). */
    states?: ReadonlyMap<string, ResourceState>;
    /** The stack's outputs, on the stack resource. Default none. */
    stackOutputs?: Record<string, unknown>;
    /** Write secrets as plaintext, as `pulumi stack export --show-secrets` does. Default false: opaque ciphertext. */
    showSecrets?: boolean;
    /** Manifest time. Default 1970-01-01T00:00:00Z, so exports are reproducible. */
    time?: string;
}

/** An opaque ciphertext: carries nothing of the value (a real export's is encrypted). */
const CIPHERTEXT = "v1:offline-export:encrypted";

/** Encodes one value in the checkpoint's wire format. */
function encode(v: unknown, showSecrets: boolean): unknown {
    if (v === UNKNOWN) return UNKNOWN_VALUE;
    if (isSecret(v)) {
        return showSecrets && v.value !== UNKNOWN ? { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(encode(v.value, showSecrets)) } : { [SIG_KEY]: SECRET_SIG, ciphertext: CIPHERTEXT };
    }
    if (Array.isArray(v)) return v.map((x) => encode(x, showSecrets));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x, showSecrets)]));
    return v;
}

/** The URN of the stack resource. */
export function stackUrn(stack: CapturedStack): string {
    return `urn:pulumi:${stack.stack}::${stack.project}::pulumi:pulumi:Stack::${stack.project}-${stack.stack}`;
}

/** The export document of a captured stack. */
export function toStackExport(stack: CapturedStack, opts: ExportOptions = {}): { version: 3; deployment: Record<string, unknown> } {
    const show = opts.showSecrets ?? false;
    const root = stackUrn(stack);
    const resource = (r: CapturedResource): Record<string, unknown> => {
        const state = opts.states?.get(r.urn);
        return {
            urn: r.urn,
            custom: r.custom,
            ...(state?.id ? { id: state.id } : {}),
            type: r.type,
            inputs: encode(r.inputs, show),
            outputs: encode(state?.outputs ?? {}, show),
            // Top-level resources hang under the stack resource, as the engine records them.
            parent: r.parent || root,
            ...(r.protect ? { protect: true } : {}),
            ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            ...(r.provider ? { provider: r.provider } : {}),
            ...(r.aliases ? { aliases: r.aliases } : {}),
        };
    };
    const rootResource = { urn: root, custom: false, type: "pulumi:pulumi:Stack", outputs: encode(opts.stackOutputs ?? {}, show) };
    return {
        version: 3,
        deployment: {
            manifest: { time: opts.time ?? "1970-01-01T00:00:00Z", magic: "", version: "offline" },
            ...(show ? {} : { secrets_providers: { type: "passphrase", state: { salt: "offline-export" } } }),
            resources: [rootResource, ...stack.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map(resource)],
        },
    };
}

/** The export as the text `pulumi stack export` writes. */
export function renderStackExport(stack: CapturedStack, opts: ExportOptions = {}): string {
    return `${JSON.stringify(toStackExport(stack, opts), null, 4)}\n`;
}
