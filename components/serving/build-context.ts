/**
 * The build context of a scoring image (pure, reads files only): a content digest of the folder
 * and the build settings, the image tag derived from it, the digest-pinned reference from what the
 * push reports, and the environment version derived from that reference.
 *
 * Why a content tag: `@pulumi/docker` `Image` rebuilds when its inputs or the context change,
 * and a tag that names the content (`ctx-<16 hex>`) makes the image name itself change with the
 * content, so `pulumi up` rebuilds exactly when a file, the Dockerfile, a build argument, the
 * target or the platform changes, never overwrites the tag of other content (tags stay immutable
 * in practice), and a rerun without changes pushes nothing. Consumers never use the tag: they get
 * the digest the registry reported (`repoDigest`), pinned.
 */
import { createHash } from "node:crypto";
// Named imports: contextFiles runs inside the model upload's dynamic provider too (see blob-upload.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pinnedImageReference, SHA256_DIGEST_PATTERN, ImageReferenceError } from "./image-reference";

/** Folders never part of a scoring image's context digest (VCS metadata, local dependency caches). */
const IGNORED_DIRS = new Set([".git", "node_modules", "__pycache__", ".venv"]);

/** What besides the files decides the built image. */
export interface BuildSettings {
    /** Dockerfile relative to the context. */
    dockerfile: string;
    /** Target stage, when set. */
    target?: string;
    /** Target platform. */
    platform: string;
    /** Build arguments. */
    args?: { [name: string]: string };
}

/** Every file under `dir` as a path relative to it (`/`-separated), sorted; ignored folders skipped. */
export function contextFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (rel: string): void => {
        for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
            const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!IGNORED_DIRS.has(entry.name)) walk(child);
            } else if (entry.isFile()) {
                out.push(child);
            }
        }
    };
    walk("");
    return out.sort();
}

/** sha256 (hex) of the context's files (names and contents) and the build settings. */
export function buildContextDigest(context: string, settings: BuildSettings): string {
    const hash = createHash("sha256");
    const args = Object.entries(settings.args ?? {}).sort(([a], [b]) => a.localeCompare(b));
    hash.update(JSON.stringify({ dockerfile: settings.dockerfile, target: settings.target ?? null, platform: settings.platform, args }));
    for (const file of contextFiles(context)) {
        const content = readFileSync(join(context, file));
        // Length-prefixed, so no two different trees hash the same stream.
        hash.update(`\n${file}\n${content.length}\n`);
        hash.update(content);
    }
    return hash.digest("hex");
}

/** The image tag naming a context digest. */
export function contentTag(contextDigest: string): string {
    return `ctx-${contextDigest.slice(0, 16)}`;
}

/**
 * `<loginServer>/<repository>@sha256:<hex>` from a push's `repoDigest` (`<name>@sha256:<hex>`, as
 * `@pulumi/docker` reports it). Throws when no sha256 digest is there: a local-only image ID
 * (`sha256:<hex>` with no name) means nothing was pushed.
 */
export function pinnedFromRepoDigest(loginServer: string, repository: string, repoDigest: string): string {
    const at = repoDigest.lastIndexOf("@");
    const digest = at < 0 ? "" : repoDigest.slice(at + 1);
    if (!SHA256_DIGEST_PATTERN.test(digest)) {
        throw new ImageReferenceError(`the push of ${loginServer}/${repository} reported "${repoDigest}", not <name>@sha256:<64 hex>: the image was not pushed to the registry, so it cannot be pinned`);
    }
    return pinnedImageReference(loginServer, repository, digest);
}

/** Hex digits of the digest in an environment version: `sha256-` and 23 make the 30 characters an asset version may have (data-settings.ts `assetVersionProblem`). */
const ENVIRONMENT_VERSION_HEX = 23;

/**
 * The environment version registering a digest-pinned image: `sha256-<first 23 hex>` (a version is
 * at most 30 letters, digits, `.`, `-`, `_`). Environment versions are immutable, so the version
 * is a function of the image: the same image keeps its version (no replacement on rerun), a new
 * image gets a new one (never an update Azure ML refuses). 92 bits make a collision between two
 * images of one environment negligible.
 */
export function environmentVersionOf(pinnedReference: string): string {
    const at = pinnedReference.lastIndexOf("@sha256:");
    if (at < 0) throw new ImageReferenceError(`image reference "${pinnedReference}" is not pinned by digest`);
    return `sha256-${pinnedReference.slice(at + "@sha256:".length, at + "@sha256:".length + ENVIRONMENT_VERSION_HEX)}`;
}
