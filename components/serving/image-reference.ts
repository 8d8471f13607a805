/**
 * Container image references (pure): parse and check `[registry/]repository[:tag][@sha256:<hex>]`,
 * build the digest-pinned form every consumer of a scoring image receives,
 * `<loginServer>/<repository>@sha256:<64 hex>`, and refuse a tag-only reference where a pin is
 * required (a tag can be moved to other content; a digest names exactly one manifest).
 *
 * Grammar: the OCI Distribution Specification ("Pulling manifests",
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md): a repository name matches
 * `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*`, a tag
 * `[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}`; the OCI Image Specification ("Descriptors", Digests,
 * https://github.com/opencontainers/image-spec/blob/main/descriptor.md) writes a sha256 digest as
 * `sha256:` and 64 lowercase hex digits. Which first component is a registry host follows the
 * docker CLI (distribution/reference `splitDockerDomain`): it contains `.` or `:`, or is `localhost`.
 */

/** One path component of a repository name (OCI Distribution Specification). */
const PATH_COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
/** A repository name: path components separated by `/` (OCI Distribution Specification). */
export const REPOSITORY_PATTERN = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** A tag (OCI Distribution Specification). */
export const TAG_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
/** A sha256 digest as an image reference carries it (OCI Image Specification, Digests). */
export const SHA256_DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
/** A registry host with an optional port: DNS labels (or `localhost`), as the docker CLI accepts them. */
const REGISTRY_PATTERN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?$/;
/** Longest name (registry and repository) the docker CLI accepts (distribution/reference `NameTotalLengthMax`). */
const NAME_MAX_LENGTH = 255;

/** An image reference split into its parts. */
export interface ImageReference {
    /** Registry host (and port), when the reference names one; lower-cased (host names are case-insensitive). */
    readonly registry?: string;
    /** Repository path inside the registry. */
    readonly repository: string;
    /** Tag, when the reference has one. */
    readonly tag?: string;
    /** Digest (`sha256:<64 hex>`), when the reference has one. */
    readonly digest?: string;
}

/** A reference that does not parse, or is not what the caller requires; the message says which part and the fix. */
export class ImageReferenceError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ImageReferenceError";
    }
}

/** Why `host` is not a registry host (`<name>.azurecr.io`, `localhost:5000`), or undefined. */
export function registryHostProblem(host: string): string | undefined {
    if (host.length === 0) return "the registry host is empty";
    if (!REGISTRY_PATTERN.test(host)) return `"${host}" is not a registry host (a DNS name with an optional :port, no scheme or path)`;
    return undefined;
}

/** Why `repository` is not a repository name, or undefined. */
export function repositoryProblem(repository: string): string | undefined {
    if (!REPOSITORY_PATTERN.test(repository)) {
        return `repository "${repository}" is not a valid name (lowercase letters and digits, separated by ".", "_", "__", "-" or "/")`;
    }
    return undefined;
}

/** Why `digest` is not a sha256 digest, or undefined. */
export function digestProblem(digest: string): string | undefined {
    if (!SHA256_DIGEST_PATTERN.test(digest)) return `digest "${digest}" is not "sha256:" followed by 64 lowercase hex digits`;
    return undefined;
}

/** Parse an image reference; throws {@link ImageReferenceError} naming the part that is wrong. */
export function parseImageReference(reference: string): ImageReference {
    if (reference.trim() !== reference || reference.length === 0) {
        throw new ImageReferenceError(`image reference "${reference}" is empty or has surrounding spaces`);
    }
    const at = reference.indexOf("@");
    const nameAndTag = at < 0 ? reference : reference.slice(0, at);
    const digest = at < 0 ? undefined : reference.slice(at + 1);
    if (digest !== undefined) {
        const problem = digestProblem(digest);
        if (problem !== undefined) throw new ImageReferenceError(`image reference "${reference}": ${problem}`);
    }
    // A ":" after the last "/" starts the tag; one before it is a registry port.
    const lastSlash = nameAndTag.lastIndexOf("/");
    const colon = nameAndTag.indexOf(":", lastSlash + 1);
    const name = colon < 0 ? nameAndTag : nameAndTag.slice(0, colon);
    const tag = colon < 0 ? undefined : nameAndTag.slice(colon + 1);
    if (tag !== undefined && !TAG_PATTERN.test(tag)) {
        throw new ImageReferenceError(`image reference "${reference}": tag "${tag}" is not valid (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-")`);
    }
    if (name.length > NAME_MAX_LENGTH) {
        throw new ImageReferenceError(`image reference "${reference}": the name is ${name.length} characters, more than ${NAME_MAX_LENGTH}`);
    }
    const slash = name.indexOf("/");
    const first = slash < 0 ? "" : name.slice(0, slash);
    const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
    const registry = hasRegistry ? first : undefined;
    const repository = hasRegistry ? name.slice(slash + 1) : name;
    if (registry !== undefined) {
        const problem = registryHostProblem(registry);
        if (problem !== undefined) throw new ImageReferenceError(`image reference "${reference}": ${problem}`);
    }
    const problem = repositoryProblem(repository);
    if (problem !== undefined) throw new ImageReferenceError(`image reference "${reference}": ${problem}`);
    return {
        ...(registry !== undefined ? { registry: registry.toLowerCase() } : {}),
        repository,
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
    };
}

/** Whether `reference` parses and carries a sha256 digest. */
export function isDigestPinned(reference: string): boolean {
    try {
        return parseImageReference(reference).digest !== undefined;
    } catch {
        return false;
    }
}

/** `<loginServer>/<repository>@<digest>`; throws {@link ImageReferenceError} when a part is invalid. */
export function pinnedImageReference(loginServer: string, repository: string, digest: string): string {
    const problem = registryHostProblem(loginServer) ?? repositoryProblem(repository) ?? digestProblem(digest);
    if (problem !== undefined) throw new ImageReferenceError(`cannot pin ${loginServer}/${repository}@${digest}: ${problem}`);
    return `${loginServer.toLowerCase()}/${repository}@${digest}`;
}

/** What {@link requirePinnedImageReference} checks besides the digest. */
export interface PinRequirement {
    /** The registry the image must come from (the workspace or hub registry's login server); any registry when omitted. */
    readonly loginServer?: string;
}

/**
 * The canonical digest-pinned form `<registry>/<repository>@sha256:<hex>` of `reference`, for a
 * consumer that must run exactly the image that was built. A tag-only reference, one without a
 * registry host, or one from another registry than `requirement.loginServer` is refused with the
 * fix. A tag next to the digest is dropped: the digest alone decides what is pulled.
 */
export function requirePinnedImageReference(reference: string, requirement: PinRequirement = {}): string {
    const parsed = parseImageReference(reference);
    if (parsed.digest === undefined) {
        const what = parsed.tag === undefined ? "has neither tag nor digest" : `names only the tag "${parsed.tag}", which can be moved to other content`;
        throw new ImageReferenceError(`image reference "${reference}" ${what}: pin it by digest (<registry>/<repository>@sha256:<64 hex>, the digest the push reported)`);
    }
    if (parsed.registry === undefined) {
        throw new ImageReferenceError(`image reference "${reference}" names no registry host: write it as <loginServer>/<repository>@sha256:<64 hex>`);
    }
    if (requirement.loginServer !== undefined && parsed.registry !== requirement.loginServer.toLowerCase()) {
        throw new ImageReferenceError(`image reference "${reference}" comes from ${parsed.registry}, not from ${requirement.loginServer.toLowerCase()}: push the image to ${requirement.loginServer.toLowerCase()} and use that digest`);
    }
    return `${parsed.registry}/${parsed.repository}@${parsed.digest}`;
}
