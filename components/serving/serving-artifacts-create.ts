/**
 * The artifacts of one serving workspace (serving-artifacts.ts): images built or adopted
 * (scoring-images.ts), models registered (registered-models.ts), and, on first request, the
 * environment version registering an image (environment-versions.ts), so only images that online
 * deployments use get one.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedServing } from "./platform-serving-args";
import type { ServingArtifacts, ServingImage, ServingModelVersion } from "./serving-artifacts";
import type { ServingContext } from "./serving-context";
import { createScoringImage } from "./scoring-images";
import { createRegisteredModel } from "./registered-models";
import { lazyModelUploadTarget } from "./model-uploads";
import { createImageEnvironment } from "./environment-versions";

/** Builds or adopts the images, registers the models and environments of one serving workspace. */
export function createServingArtifacts(s: ResolvedServing, ctx: ServingContext, parent: pulumi.Resource): ServingArtifacts {
    const resources: pulumi.Resource[] = [];
    const images: Record<string, ServingImage> = {};
    const pushes: Record<string, pulumi.Resource[]> = {};
    for (const [key, args] of Object.entries(s.images)) {
        const created = createScoringImage(key, args, ctx, parent);
        images[key] = created.image;
        pushes[key] = created.resource ? [created.resource] : [];
        resources.push(...pushes[key]);
    }
    const models: Record<string, ServingModelVersion> = {};
    // One upload container per serving workspace, created only when a version names a local folder.
    const uploadTarget = lazyModelUploadTarget(ctx, parent);
    for (const [name, args] of Object.entries(s.models)) {
        const created = createRegisteredModel(name, args, ctx, parent, uploadTarget);
        Object.assign(models, created.versions);
        resources.push(...created.resources);
    }
    const environments: Record<string, pulumi.Output<string>> = {};
    const image = (key: string): ServingImage => {
        const found = images[key];
        if (!found) throw new pulumi.ResourceError(`serving.images: no image "${key}" (declared: ${Object.keys(images).join(", ") || "none"})`, parent);
        return found;
    };
    return {
        image,
        model(ref: string): ServingModelVersion {
            const found = models[ref];
            if (!found) throw new pulumi.ResourceError(`serving.models: no model version "${ref}" (declared: ${Object.keys(models).join(", ") || "none"})`, parent);
            return found;
        },
        environment(imageKey: string): pulumi.Output<string> {
            if (!environments[imageKey]) {
                const version = createImageEnvironment(imageKey, image(imageKey), ctx, parent, pushes[imageKey]);
                resources.push(version);
                environments[imageKey] = version.id;
            }
            return environments[imageKey];
        },
        resources,
    };
}
