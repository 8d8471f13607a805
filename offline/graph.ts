/**
 * The resource graph that the offline engine captures from a program run under
 * mocks, or reads from a `pulumi stack export` file. Policies, the plan and the
 * audit all consume this one shape, so there is a single evaluation path.
 */

/** Marker for a value that is not known until deployment (preview-time unknown). */
export const UNKNOWN = Symbol.for("aml-workspace:unknown");

/** A value that Pulumi marks as secret; policies see `value`, reports never print it. */
export interface SecretValue {
    /** Brand so a secret is never mistaken for a plain object. */
    readonly __secret: true;
    /** The plaintext, available to policies as the real analyzer gives it. */
    readonly value: unknown;
}

/** Wraps a plaintext value as a secret. */
export function secret(value: unknown): SecretValue {
    return { __secret: true, value };
}

/** True when `v` is a secret wrapper produced by {@link secret}. */
export function isSecret(v: unknown): v is SecretValue {
    return typeof v === "object" && v !== null && (v as { __secret?: unknown }).__secret === true;
}

/** One resource of a stack, as the engine (or a checkpoint) knows it. */
export interface CapturedResource {
    /** Type token, e.g. `azure-native:storage:StorageAccount`. */
    type: string;
    /** Logical (Pulumi) name. */
    name: string;
    /** Full URN. */
    urn: string;
    /** True for custom (provider) resources, false for components. */
    custom: boolean;
    /** URN of the parent resource, if any. */
    parent?: string;
    /**
     * Resource inputs. Unknown values are {@link UNKNOWN}; secret values are
     * wrapped with {@link secret}.
     */
    inputs: Record<string, unknown>;
    /** Resource outputs, when known (checkpoints and non-preview runs). */
    outputs?: Record<string, unknown>;
    /** URNs this resource depends on. */
    dependencies: string[];
    /** Per input property, the URNs its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** Whether the resource is protected from deletion. */
    protect: boolean;
    /** Whether Pulumi leaves the cloud resource in place when deleting it. */
    retainOnDelete?: boolean;
    /** URN of the resource whose deletion deletes this one (Pulumi `deletedWith`), when set. */
    deletedWith?: string;
    /** Input paths whose changes Pulumi ignores (`ignoreChanges`), when set. */
    ignoreChanges?: string[];
    /** Input paths whose changes force a replacement (`replaceOnChanges`), when set. */
    replaceOnChanges?: string[];
    /** Earlier URNs of this resource (`aliases`, resolved to URNs), when set: the engine matches state by them too. */
    aliases?: string[];
    /** Provider reference (`<provider urn>::<provider id>`), for custom resources. */
    provider?: string;
}

/** A whole stack: resources in registration order plus its identity. */
export interface CapturedStack {
    /** Pulumi project name. */
    project: string;
    /** Stack name. */
    stack: string;
    /** True when captured during a preview (values may be unknown). */
    preview: boolean;
    /** Resources in registration (topological) order. */
    resources: CapturedResource[];
    /**
     * Old copies a checkpoint holds for deletion (`delete: true`, left by a replacement that failed
     * half-way); the next update deletes them. Not part of the stack policies analyze. Default none.
     */
    pendingDeletes?: CapturedResource[];
}
