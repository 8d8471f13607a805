/**
 * The pull credential of one edge endpoint: a container registry token whose scope map allows
 * only `content/read` on the model image's repository (never the admin user, never a broader map).
 *
 * Documentation (read 2026-12-04):
 * - "Create a token with repository-scoped permissions"
 *   (https://learn.microsoft.com/azure/container-registry/container-registry-repository-scoped-permissions):
 *   a scope map lists `repositories/<repo>/<action>` actions; `content/read` is "read data from the
 *   repository" (what `docker pull` needs); `metadata/read` lists tags and manifests and is not
 *   needed to pull a digest, so it is not granted (the policy acr-token-scope-read-only allows only
 *   content/read). The token's passwords are created by the `generateCredentials` operation
 *   (`az acr token credential generate`), a POST that azure-native does not expose as a resource or
 *   function (`containerregistry` has Token with `credentials.passwords[].name/expiry` inputs but
 *   no password value, and `listRegistryCredentials` returns the admin user's credentials, which
 *   the toolkit never uses). So the password is a secret config key the operator sets after
 *   generating it: the manifest takes it only as a Pulumi secret.
 * - "Registry service tiers and features" (https://learn.microsoft.com/azure/container-registry/container-registry-skus):
 *   repository-scoped permissions (tokens and scope maps) are available in every tier.
 */
import * as pulumi from "@pulumi/pulumi";
import { ScopeMap, Token } from "@pulumi/azure-native/containerregistry";
import { stableSuffix } from "../hashing";
import { parseImageReference } from "../serving/image-reference";

/** The scope-map actions the registry accepts (same page): per repository, these five. */
export const SCOPE_MAP_ACTION_PATTERN = /^repositories\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\/(content\/read|content\/write|content\/delete|metadata\/read|metadata\/write)$/;

/** Scope-map and token names: 5-50 letters, digits and hyphens (a longer base is cut and given a stable suffix). */
export function edgeTokenName(base: string): string {
    const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
    const padded = clean.length < 5 ? `${clean}-edge`.replace(/^-/, "") : clean;
    if (padded.length <= 50) return padded;
    return `${padded.slice(0, 43).replace(/-$/, "")}-${stableSuffix([base])}`;
}

/** The scope-map actions of a pull-only token on `repository`. */
export function pullOnlyActions(repository: string): string[] {
    return [`repositories/${repository}/content/read`];
}

/** Arguments of {@link EdgeRegistryToken}. */
export interface EdgeRegistryTokenArgs {
    /** ARM ID of the workspace registry. Required. */
    registryId: pulumi.Input<string>;
    /** Name of the token and of its scope map. Required. */
    tokenName: string;
    /** The digest-pinned image the token may pull (its repository is the scope). Required. */
    image: pulumi.Input<string>;
}

/** A read-only, repository-scoped registry token and its scope map. */
export class EdgeRegistryToken extends pulumi.ComponentResource {
    /** The token's name: the username in the manifest's registry credentials. */
    readonly username: pulumi.Output<string>;
    /** Token ARM ID. */
    readonly id: pulumi.Output<string>;

    constructor(name: string, args: EdgeRegistryTokenArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:EdgeRegistryToken", name, {}, opts);
        const registry = pulumi.output(args.registryId).apply((id) => {
            const m = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerRegistry\/registries\/([^/]+)$/i.exec(id);
            if (!m) throw new pulumi.ResourceError(`the workspace registry ID "${id}" is not a container registry ID`, this);
            return { resourceGroupName: m[1], registryName: m[2] };
        });
        const repository = pulumi.output(args.image).apply((ref) => {
            const r = parseImageReference(ref);
            return r.repository;
        });
        const map = new ScopeMap(
            `${name}-scope`,
            {
                scopeMapName: args.tokenName,
                registryName: registry.registryName,
                resourceGroupName: registry.resourceGroupName,
                description: "Pull-only access of one IoT Edge model module to its image repository",
                actions: repository.apply(pullOnlyActions),
            },
            { parent: this },
        );
        const token = new Token(
            `${name}-token`,
            {
                tokenName: args.tokenName,
                registryName: registry.registryName,
                resourceGroupName: registry.resourceGroupName,
                scopeMapId: map.id,
                status: "enabled",
            },
            { parent: this },
        );
        this.id = token.id;
        this.username = token.name;
        this.registerOutputs({ id: this.id, username: this.username });
    }
}
