/**
 * The registry credential an image push uses: never the admin user (CONTROLS.md, `adminUserEnabled`
 * not `true`), always the Entra ID identity `pulumi up` runs as, exchanged for an ACR refresh token
 * (registry-auth.ts `entraRegistryCredential`, what `az acr login --expose-token` does). The Entra
 * token comes from the azure-native provider's `getClientToken` for the ACR audience
 * (registry-credential.ts `entraTokenFromClientToken`). The user name is the null GUID of ACR
 * refresh tokens; the password is a secret output.
 *
 * When it runs: only in an update. A preview builds nothing (`buildOnPreview` stays false), so the
 * password stays unknown there and a preview needs no line of sight to a private registry.
 *
 * The offline engine substitutes this exchange, as it substitutes Azure Resource Manager:
 * {@link setRegistryLoginSource} replaces the source for the run (offline/run-stack.ts), so a
 * simulated plan never calls a real registry. Nothing else should call it.
 */
import * as pulumi from "@pulumi/pulumi";
import { getClientToken } from "@pulumi/azure-native/authorization";
import { ACR_REFRESH_TOKEN_USERNAME, entraRegistryCredential, type RegistryLoginCredential } from "./registry-auth";
import { entraTokenFromClientToken, registryCredentialOutputs, type RegistryCredentialOutputs } from "./registry-credential";

/** Produces the credential for a login server in a tenant. */
export type RegistryLoginSource = (loginServer: string, tenantId: string) => Promise<RegistryLoginCredential>;

/** The real source: Entra ID token of the deploying identity → ACR refresh token. */
export const entraRegistryLogin: RegistryLoginSource = (loginServer, tenantId) =>
    entraRegistryCredential({ loginServer, tenantId, entraToken: entraTokenFromClientToken((args) => getClientToken(args)) });

let source: RegistryLoginSource = entraRegistryLogin;

/** Replaces the login source (the offline engine's simulated registry); `undefined` restores the real one. */
export function setRegistryLoginSource(replacement: RegistryLoginSource | undefined): void {
    source = replacement ?? entraRegistryLogin;
}

/** The push credential of `loginServer` as `@pulumi/docker`'s `registry` input: server, null-GUID user name, secret refresh token. */
export function registryPushCredential(loginServer: pulumi.Input<string>, tenantId: pulumi.Input<string>): RegistryCredentialOutputs {
    const server = pulumi.output(loginServer);
    if (pulumi.runtime.isDryRun()) {
        // Unknown in a preview: nothing is pushed, and no token is asked for.
        const unknownPassword = pulumi.output(pulumi.unknown as unknown as string);
        return { server, username: pulumi.output(ACR_REFRESH_TOKEN_USERNAME), password: pulumi.secret(unknownPassword) };
    }
    const credential = pulumi.all([server, tenantId]).apply(([s, t]) => source(s, t));
    return registryCredentialOutputs(credential);
}
