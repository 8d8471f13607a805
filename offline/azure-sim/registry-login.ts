/**
 * The simulated container registry's answer to the Entra ID token exchange
 * (components/serving/registry-login.ts): the credential shape a real exchange returns, the null
 * GUID and a refresh token, here a deterministic placeholder derived from the login server. No
 * network: the offline engine never talks to a registry.
 */
import { deterministicGuid } from "../../components/hashing";
import { ACR_REFRESH_TOKEN_USERNAME, RegistryCredentialKind, type RegistryLoginCredential } from "../../components/serving/registry-auth";

/** The simulated exchange for `loginServer` in `tenantId`. */
export async function simulatedRegistryLogin(loginServer: string, tenantId: string): Promise<RegistryLoginCredential> {
    return {
        kind: RegistryCredentialKind.EntraRefreshToken,
        server: loginServer.toLowerCase(),
        username: ACR_REFRESH_TOKEN_USERNAME,
        password: `simulated-acr-refresh-token-${deterministicGuid("simulated-azure", "acr-refresh-token", loginServer.toLowerCase(), tenantId)}`,
    };
}
