/**
 * The lifecycle rules of `lifecycle.ts` applied as a Pulumi transformation, so
 * every component below a platform gets them without each component (or a
 * user's own program) repeating resource options. Transformations run in the
 * SDK while a resource is constructed and are inherited by all children
 * ("Resource option: transformations",
 * https://www.pulumi.com/docs/iac/concepts/resources/options/transformations/).
 */
import type * as pulumi from "@pulumi/pulumi";
import { SOFT_DELETED_TYPES } from "./lifecycle";

/** What the transformation enforces. */
export interface LifecycleGuards {
    /** `protect` on every resource type of {@link SOFT_DELETED_TYPES}. Default true. */
    protectSoftDeleted?: boolean;
    /**
     * `retainOnDelete` on the container registry: an `onDemand` registry leaves the stack
     * when its last consumer does, but the workspace still references it. Default false.
     */
    retainRegistry?: boolean;
    /**
     * The workspace ignores `containerRegistry` changes: set when the stack declares no
     * registry, so a registry attached earlier stays attached (Azure ML cannot detach one). Default false.
     */
    keepAttachedRegistry?: boolean;
}

/** Builds the transformation for {@link LifecycleGuards}. */
export function lifecycleTransformation(guards: LifecycleGuards): pulumi.ResourceTransformation {
    return (args) => {
        const opts: pulumi.CustomResourceOptions = { ...args.opts };
        let changed = false;
        if ((guards.protectSoftDeleted ?? true) && SOFT_DELETED_TYPES[args.type] !== undefined && !opts.protect) {
            opts.protect = true;
            changed = true;
        }
        if (guards.retainRegistry && args.type === "azure-native:containerregistry:Registry") {
            opts.retainOnDelete = true;
            changed = true;
        }
        if (guards.keepAttachedRegistry && args.type === "azure-native:machinelearningservices:Workspace") {
            opts.ignoreChanges = [...(opts.ignoreChanges ?? []), "containerRegistry"];
            changed = true;
        }
        return changed ? { props: args.props, opts } : undefined;
    };
}
