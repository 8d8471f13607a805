/** Placeholder until images and models land (issue 11). */
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedServing } from "./platform-serving-args";
import type { ServingArtifacts } from "./serving-artifacts";
import type { ServingContext } from "./serving-context";

/** Builds or adopts the images, registers the models and environments of one serving workspace. */
export function createServingArtifacts(s: ResolvedServing, ctx: ServingContext, parent: pulumi.Resource): ServingArtifacts {
    throw new pulumi.ResourceError(`${ctx.name}: serving images and models are not available yet (${Object.keys(s.images).length} images)`, parent);
}
