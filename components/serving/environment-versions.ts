/**
 * The environment version registering a scoring image in the serving workspace, for online
 * deployments (managedOnline, kubernetesOnline), which name an environment rather than an image
 * ("Online deployment YAML schema", environment: image + inference_config;
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online, and
 * "Environment YAML schema", inference_config liveness_route / readiness_route / scoring_route with
 * path and port, https://learn.microsoft.com/azure/machine-learning/reference-yaml-environment).
 *
 * The image is the digest-pinned reference; the version is derived from its digest
 * (build-context.ts `environmentVersionOf`): environment versions are immutable, so a new image
 * means a new version and the same image keeps its version, and a rerun never replaces anything.
 */
import * as pulumi from "@pulumi/pulumi";
import { EnvironmentContainer, EnvironmentVersion } from "@pulumi/azure-native/machinelearningservices";
import { environmentVersionOf } from "./build-context";
import type { ServingImage } from "./serving-artifacts";
import type { ServingContext } from "./serving-context";

/** The inference config of an image: its three routes on its port. */
export function inferenceConfigOf(image: Pick<ServingImage, "port" | "routes">) {
    return {
        livenessRoute: { path: image.routes.liveness, port: image.port },
        readinessRoute: { path: image.routes.readiness, port: image.port },
        scoringRoute: { path: image.routes.scoring, port: image.port },
    };
}

/** Registers `serving.images.<key>` as environment `<key>`, version `sha256-<23 hex>`; returns the version and its container. */
export function createImageEnvironment(key: string, image: ServingImage, ctx: ServingContext, parent: pulumi.Resource, dependsOn: pulumi.Resource[]): EnvironmentVersion {
    const base = `${ctx.name}-env-${key}`;
    const container = new EnvironmentContainer(
        base,
        { resourceGroupName: ctx.resourceGroupName, workspaceName: ctx.workspace.name, name: key, properties: { description: `Scoring image ${key} (serving.images.${key})`, tags: ctx.tags } },
        { parent, dependsOn: ctx.dependsOn },
    );
    return new EnvironmentVersion(
        `${base}-version`,
        {
            resourceGroupName: ctx.resourceGroupName,
            workspaceName: ctx.workspace.name,
            name: key,
            version: image.reference.apply(environmentVersionOf),
            properties: {
                image: image.reference,
                osType: "Linux",
                inferenceConfig: inferenceConfigOf(image),
                description: `serving.images.${key}, pinned by digest`,
                tags: ctx.tags,
            },
        },
        { parent, dependsOn: [container, ...dependsOn] },
    );
}
