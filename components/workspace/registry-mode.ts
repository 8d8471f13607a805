/**
 * Whether the stack gets a container registry (pure). Azure ML creates a
 * registry lazily, on the first image build, and that one has the admin user
 * on; `onDemand` keeps the laziness but creates a hardened registry as soon as
 * anything in the stack builds or pulls images.
 *
 * Lifecycle (decided): an `onDemand` registry, once created, stays. The decision
 * below has no memory of earlier deployments, so removing the last consumer
 * turns "create" into "none"; `MlPlatform` then keeps the registry in Azure
 * (`retainOnDelete` on the created registry) and attached (the workspace ignores
 * `containerRegistry` changes when the stack declares no registry), because the
 * workspace still references it. See components/lifecycle-options.ts.
 */

/** What the stack declares that bears on the registry. */
export interface RegistryDemand {
    /** Configured mode. */
    mode: "onDemand" | "always" | "existing";
    /** Image build compute is configured (images are built in the stack's network). */
    imageBuildCompute?: string;
    /** Number of inference endpoints or other image consumers the stack declares. */
    imageConsumers?: number;
}

/** What to do about the registry. */
export type RegistryDecision = "create" | "adopt" | "none";

/** Decides the registry: `always` creates, `existing` adopts, `onDemand` creates only when images are needed. */
export function decideRegistry(d: RegistryDemand): RegistryDecision {
    switch (d.mode) {
        case "always":
            return "create";
        case "existing":
            return "adopt";
        case "onDemand":
            return d.imageBuildCompute || (d.imageConsumers ?? 0) > 0 ? "create" : "none";
    }
}

/** The parts of the platform config that bear on the registry. */
export interface RegistryConfigView {
    /** `containerRegistry.mode`. */
    containerRegistry: { mode: RegistryDemand["mode"] };
    /** `workspace.imageBuildCompute`. */
    workspace: { imageBuildCompute?: string };
    /** Compute targets: they run jobs in environment images built into the registry. */
    compute: { clusters: Record<string, unknown>; instances: Record<string, unknown>; kubernetes?: Record<string, unknown> };
    /** The platform's scoring images (`serving.images`): built ones are pushed to the registry. */
    serving?: { images?: Record<string, unknown> };
    /** Teams' scoring images (`teams.<key>.serving.images`): a project's go to the hub's registry, an independent team's to its own. */
    teams?: Record<string, { serving?: { images?: Record<string, unknown> } }>;
}

/** Scoring images the platform and its teams declare (each is pushed to, or pulled from, a registry). */
export function servingImageCount(c: Pick<RegistryConfigView, "serving" | "teams">): number {
    const own = Object.keys(c.serving?.images ?? {}).length;
    return own + Object.values(c.teams ?? {}).reduce((n, t) => n + Object.keys(t.serving?.images ?? {}).length, 0);
}

/** The registry decision for a whole platform config (one place, so the platform and its network plan agree). */
export function decideRegistryFor(c: RegistryConfigView): RegistryDecision {
    return decideRegistry({
        mode: c.containerRegistry.mode,
        imageBuildCompute: c.workspace.imageBuildCompute,
        // Attached Kubernetes computes pull job and deployment images too.
        // Serving images are built into (or adopted next to) it.
        imageConsumers: Object.keys(c.compute.clusters).length + Object.keys(c.compute.instances).length + Object.keys(c.compute.kubernetes ?? {}).length + servingImageCount(c),
    });
}
