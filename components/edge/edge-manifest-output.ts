/**
 * The edge manifest as a Pulumi output. The manifest holds the registry token's password, so the
 * whole output is a secret: encrypted in the state, masked in logs and previews, whatever the
 * caller passed (a plain string password is made secret here, not trusted to be one already).
 */
import * as pulumi from "@pulumi/pulumi";
import { buildEdgeManifest, type EdgeManifestArgs, type EdgeModulesContent, type EdgeRegistryCredentialArgs } from "./edge-manifest";

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
