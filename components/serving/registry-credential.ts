/**
 * Registry credentials inside a Pulumi program: where the Entra access token comes from, and the
 * credential as Pulumi outputs with the password secret, in the shape `@pulumi/docker`'s
 * `registry` input (server, username, password) takes. The HTTP logic is registry-auth.ts.
 *
 * Where the Entra token comes from: the identity `pulumi up` runs as, through the azure-native
 * provider's `authorization.getClientToken` invoke. Its `endpoint` argument is the resource the
 * token is for; the provider asks Entra for `<endpoint>/.default` (pulumi-azure-native
 * `provider.go`, `tokenRequestOpts`), so `https://containerregistry.azure.net` yields a token of
 * the ACR audience, which a registry with ARM-audience tokens disabled requires. The same identity
 * needs AcrPush on the registry. Outside Pulumi, any function returning a token for the scope
 * works (`az account get-access-token --scope https://containerregistry.azure.net/.default`, or
 * `@azure/identity`'s `DefaultAzureCredential.getToken(scope)` in a script that has it).
 */
import * as pulumi from "@pulumi/pulumi";
import type { EntraTokenSource, RegistryLoginCredential } from "./registry-auth";

/** The shape of `@pulumi/azure-native/authorization` `getClientToken` (passed in, so this file loads no provider module). */
export type ClientTokenInvoke = (args?: { endpoint?: string }) => Promise<{ token: string }>;

/**
 * An {@link EntraTokenSource} from the azure-native `getClientToken` invoke: a scope
 * `<resource>/.default` becomes `endpoint: <resource>`. Usage:
 * `entraTokenFromClientToken(authorization.getClientToken)`.
 */
export function entraTokenFromClientToken(invoke: ClientTokenInvoke): EntraTokenSource {
    return async (scope: string) => {
        const suffix = "/.default";
        if (!scope.endsWith(suffix)) {
            throw new Error(`getClientToken can only ask for "<resource>/.default" scopes; got "${scope}"`);
        }
        const result = await invoke({ endpoint: scope.slice(0, -suffix.length) });
        return result.token;
    };
}

/** A registry credential as outputs: what `@pulumi/docker`'s `registry` input takes. */
export interface RegistryCredentialOutputs {
    /** Login server. */
    readonly server: pulumi.Output<string>;
    /** User name (the null GUID for an Entra refresh token, the token name for a repository-scoped token). */
    readonly username: pulumi.Output<string>;
    /** Password; always a secret output, so it is encrypted in the state and masked in logs. */
    readonly password: pulumi.Output<string>;
}

/**
 * The credential as outputs with the password marked secret. Takes a promise (e.g. of
 * `entraRegistryCredential(...)`) or an output (e.g. a repository-scoped token whose password is
 * secret config), so the token never exists as a plain output.
 */
export function registryCredentialOutputs(credential: pulumi.Input<RegistryLoginCredential> | Promise<RegistryLoginCredential>): RegistryCredentialOutputs {
    const all = pulumi.output(credential as pulumi.Input<RegistryLoginCredential>);
    return {
        server: all.apply((c) => c.server),
        username: all.apply((c) => c.username),
        password: pulumi.secret(all.apply((c) => c.password)),
    };
}
