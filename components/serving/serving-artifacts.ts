/**
 * What endpoints consume, by key: each scoring image as its digest-pinned reference with its port
 * and routes, each registered model version by `<name>:<version>`, and the environment version
 * registering an image for online deployments. The hosts (hosts/*.ts) read these and nothing else
 * of `serving.images` / `serving.models`.
 */
import type * as pulumi from "@pulumi/pulumi";

/** A scoring image as its consumers see it. */
export interface ServingImage {
    /** `<loginServer>/<repository>@sha256:<digest>`: the only form any host receives. */
    reference: pulumi.Output<string>;
    /** Port the scoring server listens on. */
    port: number;
    /** Scoring, liveness and readiness paths. */
    routes: { scoring: string; liveness: string; readiness: string };
    /** Whether the image lives in the workspace's (or hub's) registry, so a host pulls it with its identity. */
    inWorkspaceRegistry: boolean;
}

/** A registered model version as its consumers see it. */
export interface ServingModelVersion {
    /** ARM ID (workspace) or `azureml://registries/...` asset ID (platform registry) of the version: what online deployments name. */
    assetId: pulumi.Output<string>;
    /** Where the files are (`azureml://…` or `https://…`): what a container reading the model itself is told. */
    uri: pulumi.Output<string>;
    /** Storage account ID holding the files, when known (a host's identity gets read access on it). */
    storageAccountId?: pulumi.Input<string>;
}

/** The artifacts of one serving workspace. */
export interface ServingArtifacts {
    /** The image of `serving.images.<key>`; throws for an unknown key (the config checks refuse those first). */
    image(key: string): ServingImage;
    /** The model version `<name>:<version>`; throws for an unknown one. */
    model(ref: string): ServingModelVersion;
    /** ARM ID of the environment version registering `serving.images.<key>` (online deployments). */
    environment(imageKey: string): pulumi.Output<string>;
    /** Resources a host must wait for (image pushes, registrations). */
    readonly resources: pulumi.Resource[];
}
