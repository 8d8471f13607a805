/**
 * The edge manifest as Pulumi outputs, in two parts: the manifest itself with a placeholder where
 * the registry token's password goes (so a reviewer reads, and a schema validates, the whole
 * manifest in the plan), and the password as a secret of its own (encrypted in the state, masked in
 * logs and previews, whatever the caller passed), which the deployment provider writes into the
 * content it sends to the hub (iothub-dynamic.ts `withRegistryPasswords`).
 */
import * as pulumi from "@pulumi/pulumi";
import { buildEdgeManifest, registryKey, REGISTRY_PASSWORD_PLACEHOLDER, type EdgeManifestArgs, type EdgeModulesContent, type EdgeRegistryCredentialArgs } from "./edge-manifest";

export { REGISTRY_PASSWORD_PLACEHOLDER };

/** The manifest with the password left out, and the password by `registryCredentials` key (secret). */
export interface EdgeManifestParts {
    /** The manifest; its registry credential's password is {@link REGISTRY_PASSWORD_PLACEHOLDER}. */
    readonly manifest: pulumi.Output<EdgeModulesContent>;
    /** The password by `registryCredentials` key; a secret. */
    readonly registryPasswords: pulumi.Output<Record<string, string>>;
}

/** {@link EdgeManifestArgs} whose registry credential may be outputs (the token name and password come from the registry token resource). */
export interface EdgeManifestInputs extends Omit<EdgeManifestArgs, "registry" | "module"> {
    /** The model module; its image may be an output (the pushed digest) (required). */
    readonly module: Omit<EdgeManifestArgs["module"], "image"> & { readonly image: pulumi.Input<string> };
    /** Pull credentials; the password should come from the token resource or secret config (required). */
    readonly registry: { readonly [K in keyof EdgeRegistryCredentialArgs]: pulumi.Input<EdgeRegistryCredentialArgs[K]> };
}

/** The manifest as a secret output; a wrong argument fails the output with the builder's message. */
export function edgeManifestOutput(inputs: EdgeManifestInputs): pulumi.Output<EdgeModulesContent> {
    const resolved = pulumi
        .all([inputs.module.image, inputs.registry.loginServer, inputs.registry.username, inputs.registry.password])
        .apply(([image, loginServer, username, password]) =>
            buildEdgeManifest({ ...inputs, module: { ...inputs.module, image }, registry: { loginServer, username, password } }),
        );
    return pulumi.secret(resolved);
}

/**
 * The manifest in the clear but for the password, and the password as a secret (see the module
 * comment). The builder checks the real password (a repository token's, never the admin user's);
 * the manifest then carries the placeholder.
 */
export function edgeManifestParts(inputs: EdgeManifestInputs): EdgeManifestParts {
    const built = pulumi
        .all([inputs.module.image, inputs.registry.loginServer, inputs.registry.username, pulumi.unsecret(pulumi.output(inputs.registry.password))])
        .apply(([image, loginServer, username, password]) => {
            // Built with the real credential first, so every check of the builder sees it.
            buildEdgeManifest({ ...inputs, module: { ...inputs.module, image }, registry: { loginServer, username, password } });
            return buildEdgeManifest({ ...inputs, module: { ...inputs.module, image }, registry: { loginServer, username, password: REGISTRY_PASSWORD_PLACEHOLDER } });
        });
    const registryPasswords = pulumi.secret(
        pulumi.all([inputs.registry.loginServer, inputs.registry.password]).apply(([loginServer, password]) => ({ [registryKey(loginServer)]: password })),
    );
    return { manifest: built, registryPasswords };
}
