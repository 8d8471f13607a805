/**
 * The scoring images of one serving workspace: `build` images are built with `@pulumi/docker` and
 * pushed to the workspace's (or hub's) registry with the deploying identity's Entra ID credential
 * (registry-login.ts; never the admin user); `reference` images are adopted as they are, pinned by
 * digest. Either way a consumer receives only `<loginServer>/<repository>@sha256:<digest>`.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
// The Image module only (the package root loads every docker resource).
import { Image } from "@pulumi/docker/image";
import { buildContextDigest, contentTag, pinnedFromRepoDigest } from "./build-context";
import { ImageReferenceError, repositoryProblem, requirePinnedImageReference } from "./image-reference";
import type { PlatformServingImageArgs } from "./platform-serving-args";
import { registryPushCredential } from "./registry-login";
import type { ServingImage } from "./serving-artifacts";
import type { ServingContext } from "./serving-context";
import { SERVING_DEFAULTS } from "./serving-defaults";

/** A created or adopted image: what consumers see, and the push (if any) they wait for. */
export interface CreatedImage {
    image: ServingImage;
    resource?: Image;
}

/** Port and routes of an image, defaults applied. */
export function imageServing(args: PlatformServingImageArgs): Pick<ServingImage, "port" | "routes"> {
    return {
        port: args.port ?? SERVING_DEFAULTS["serving.images.*.port"],
        routes: {
            scoring: args.routes?.scoring ?? SERVING_DEFAULTS["serving.images.*.routes.scoring"],
            liveness: args.routes?.liveness ?? SERVING_DEFAULTS["serving.images.*.routes.liveness"],
            readiness: args.routes?.readiness ?? SERVING_DEFAULTS["serving.images.*.routes.readiness"],
        },
    };
}

/** Problems of an image's args (pure), as `<field>: <problem>` tails. */
export function imageArgProblems(args: PlatformServingImageArgs): string[] {
    const out: string[] = [];
    if ((args.build === undefined) === (args.reference === undefined)) out.push("needs exactly one of build and reference");
    if (args.reference !== undefined) {
        try {
            requirePinnedImageReference(args.reference);
        } catch (e) {
            out.push(`reference: ${(e as Error).message}`);
        }
    }
    if (args.repository !== undefined) {
        const problem = repositoryProblem(args.repository);
        if (problem) out.push(`repository: ${problem}`);
    }
    return out;
}

/** Builds and pushes, or adopts, the image `serving.images.<key>`. */
export function createScoringImage(key: string, args: PlatformServingImageArgs, ctx: ServingContext, parent: pulumi.Resource): CreatedImage {
    const problems = imageArgProblems(args);
    if (problems.length > 0) throw new pulumi.ResourceError(`serving.images.${key}: ${problems.join("; ")}`, parent);
    const serving = imageServing(args);
    if (args.reference !== undefined) {
        return { image: { ...serving, reference: pulumi.output(requirePinnedImageReference(args.reference)), inWorkspaceRegistry: false } };
    }
    const build = args.build!;
    // A team's images under its own path: a hub's projects push to one registry, and one team's
    // `scorer` must not share a repository with another's.
    const repository = args.repository ?? (ctx.teamKey ? `${ctx.teamKey}/${key}` : key);
    const settings = {
        dockerfile: build.dockerfile ?? SERVING_DEFAULTS["serving.images.*.build.dockerfile"],
        target: build.target,
        platform: build.platform ?? SERVING_DEFAULTS["serving.images.*.build.platform"],
        args: build.args,
    };
    let digest: string;
    try {
        digest = buildContextDigest(build.context, settings);
    } catch (e) {
        throw new pulumi.ResourceError(`serving.images.${key}.build.context: cannot read ${build.context}: ${(e as Error).message}`, parent);
    }
    const loginServer = pulumi.output(ctx.workspace.registryLoginServer).apply((server) => {
        if (server === undefined) throw new pulumi.ResourceError(`serving.images.${key}.build: the workspace has no container registry to push to (containerRegistry.mode onDemand creates one for serving images)`, parent);
        return server.toLowerCase();
    });
    const credential = registryPushCredential(loginServer, ctx.tenantId);
    // Relative to the program's folder (where Pulumi runs the docker provider too), so the inputs do
    // not change with the checkout's location: a clone elsewhere is no diff and no rebuild.
    const context = path.relative(process.cwd(), build.context) || ".";
    const pushed = new Image(
        `${ctx.name}-image-${key}`,
        {
            imageName: pulumi.interpolate`${loginServer}/${repository}:${contentTag(digest)}`,
            build: {
                context,
                dockerfile: path.join(context, settings.dockerfile),
                platform: settings.platform,
                target: settings.target,
                args: settings.args,
            },
            registry: { server: credential.server, username: credential.username, password: credential.password },
            // Build and push only in an update: a preview needs neither a Docker engine nor the registry.
            buildOnPreview: false,
            skipPush: false,
        },
        { parent, dependsOn: ctx.dependsOn },
    );
    const reference = pulumi.all([loginServer, pushed.repoDigest]).apply(([server, repoDigest]) => {
        try {
            return pinnedFromRepoDigest(server, repository, repoDigest);
        } catch (e) {
            if (e instanceof ImageReferenceError) throw new pulumi.ResourceError(`serving.images.${key}: ${e.message}`, pushed);
            throw e;
        }
    });
    return { image: { ...serving, reference, inWorkspaceRegistry: true }, resource: pushed };
}
