/**
 * Container registry authentication without the admin user (CONTROLS.md: `adminUserEnabled` not
 * `true`). Two documented non-admin paths produce the user name and password `docker login` (and
 * the image push) needs:
 *
 * 1. **Entra ID token exchange**, what `az acr login` does ("Azure Container Registry integration
 *    with Azure Active Directory", https://github.com/Azure/acr/blob/main/docs/AAD-OAuth.md, also
 *    https://azure.github.io/acr/AAD-OAuth.html):
 *    `POST https://<loginServer>/oauth2/exchange` with the form
 *    `grant_type=access_token&service=<loginServer>&tenant=<tenant>&access_token=<Entra token>`
 *    answers `{"refresh_token": "..."}`; docker logs in with the null GUID
 *    `00000000-0000-0000-0000-000000000000` as user name and that refresh token as password ("The
 *    null GUID tells the container registry that this is an ACR refresh token during the login
 *    flow"). `POST /oauth2/token` with `grant_type=refresh_token&service=<loginServer>&scope=
 *    repository:<repo>:pull,push&refresh_token=<refresh token>` answers `{"access_token": "..."}`,
 *    a bearer token for the registry API limited to that scope.
 * 2. **Repository-scoped token**: a `containerregistry` Token bound to a ScopeMap, its name as user
 *    name and one of its generated passwords as password ("Create a token with repository-scoped
 *    permissions", https://learn.microsoft.com/azure/container-registry/container-registry-repository-scoped-permissions).
 *
 * The Entra access token comes from an injected {@link EntraTokenSource}, so this module needs no
 * identity library: a Pulumi program passes `@pulumi/azure-native/authorization` `getClientToken`
 * (see `entraTokenFromClientToken` in registry-credential.ts), a script anything that returns a
 * token for the scope asked. The scope is the ACR audience, `https://containerregistry.azure.net/.default`:
 * the hardened registry refuses ARM-audience tokens (CONTROLS.md, `azureADAuthenticationAsArmPolicy`
 * disabled; "Configure registry acceptance of Microsoft Entra authentication scopes",
 * https://learn.microsoft.com/azure/container-registry/container-registry-disable-authentication-as-arm).
 * The identity needs AcrPush on the registry to push, AcrPull to pull, or in a registry with ABAC
 * repository permissions Container Registry Repository Writer / Reader ("Azure Container Registry
 * Entra permissions and role assignments overview",
 * https://learn.microsoft.com/azure/container-registry/container-registry-rbac-built-in-roles-overview).
 *
 * Transport (http-retry.ts): node's built-in `fetch`, one AbortController per request for its
 * timeout, bounded retries (count and total time) with exponential backoff and jitter for 408, 429
 * (honouring Retry-After), 5xx and network errors or timeouts; no retry for other answers (400,
 * 401, 403 do not change by asking again). Tokens never appear in an error message or a retry
 * report: every message goes through `redact`.
 */
import { postFormWithRetry, redact, resolveRetryPolicy, type RetryPolicy, type TransportOptions } from "./http-retry";
import { registryHostProblem, repositoryProblem } from "./image-reference";

export { DEFAULT_RETRY_POLICY, redact, retryAfter, type RetryPolicy, type RetryReport, type TransportOptions } from "./http-retry";

/** User name that tells the registry the password is an ACR refresh token (AAD-OAuth.md, "Authenticating docker with an ACR refresh token"). */
export const ACR_REFRESH_TOKEN_USERNAME = "00000000-0000-0000-0000-000000000000";

/**
 * Entra ID scope of the ACR audience (what `az login --scope https://containerregistry.azure.net/.default`
 * and the Azure SDKs' container registry clients request); the only audience a registry with
 * ARM-audience tokens disabled accepts.
 */
export const ACR_ENTRA_SCOPE = "https://containerregistry.azure.net/.default";

/** The two requests of the exchange, named in errors and retry reports. */
export const RegistryAuthStep = {
    /** `POST /oauth2/exchange`: Entra access token → ACR refresh token. */
    Exchange: "exchange",
    /** `POST /oauth2/token`: ACR refresh token → ACR access token for a scope. */
    Token: "token",
} as const;
/** A {@link RegistryAuthStep} value. */
export type RegistryAuthStep = (typeof RegistryAuthStep)[keyof typeof RegistryAuthStep];

/** How a registry credential was obtained. */
export const RegistryCredentialKind = {
    /** The null GUID and an ACR refresh token from the Entra ID exchange. */
    EntraRefreshToken: "EntraRefreshToken",
    /** A repository-scoped token's name and password. */
    RepositoryToken: "RepositoryToken",
} as const;
/** A {@link RegistryCredentialKind} value. */
export type RegistryCredentialKind = (typeof RegistryCredentialKind)[keyof typeof RegistryCredentialKind];

/**
 * What `docker login <server> -u <username> -p <password>` (and `@pulumi/docker`'s `registry`
 * input: server, username, password) needs. The password is a secret: wrap it with
 * `pulumi.secret` before it enters any resource input (registry-credential.ts does).
 */
export interface RegistryLoginCredential {
    /** How it was obtained. */
    readonly kind: RegistryCredentialKind;
    /** The registry login server (`<name>.azurecr.io`). */
    readonly server: string;
    /** User name: the null GUID for a refresh token, the token name for a repository-scoped token. */
    readonly username: string;
    /** The refresh token or the token password. Secret. */
    readonly password: string;
}

/** Returns an Entra ID access token for `scope` (e.g. {@link ACR_ENTRA_SCOPE}) of the identity that pushes or pulls. */
export type EntraTokenSource = (scope: string) => Promise<string>;

/** Options shared by the exchange and token requests. */
export interface RegistryAuthOptions extends TransportOptions {
    /** Registry login server, e.g. `contosoregistry.azurecr.io` (no scheme, no path). */
    readonly loginServer: string;
    /** Base URL the requests go to (default `https://<loginServer>`); a test points it at a local server. */
    readonly endpoint?: string;
}

/** Options of the Entra ID exchange. */
export interface EntraExchangeOptions extends RegistryAuthOptions {
    /** Entra tenant (directory) ID of the identity; the registry resolves the identity's roles in it. */
    readonly tenantId: string;
    /** Source of the Entra access token. */
    readonly entraToken: EntraTokenSource;
    /** Scope asked of {@link entraToken} (default {@link ACR_ENTRA_SCOPE}). */
    readonly entraScope?: string;
}

/** Options of the scoped access token request. */
export interface RegistryTokenOptions extends RegistryAuthOptions {
    /** The ACR refresh token from {@link exchangeEntraToken}. */
    readonly refreshToken: string;
    /** The repository the access token is for. */
    readonly repository: string;
    /** Pull, or pull and push. */
    readonly access: RepositoryAccess;
}

/** Registry actions a scoped access token or a scope map grants on one repository. */
export const RepositoryAccess = {
    /** Pull only. */
    Pull: "Pull",
    /** Pull and push. */
    PullPush: "PullPush",
} as const;
/** A {@link RepositoryAccess} value. */
export type RepositoryAccess = (typeof RepositoryAccess)[keyof typeof RepositoryAccess];

/** A registry authentication failure: which registry, which step, which HTTP status; never a token. */
export class RegistryAuthError extends Error {
    constructor(
        message: string,
        /** The registry login server. */
        readonly registry: string,
        /** The failed step (or `entra` when the Entra token itself could not be had). */
        readonly step: RegistryAuthStep | "entra" | "input",
        /** HTTP status of the last answer, when there was one. */
        readonly status: number | undefined,
        /** Attempts made. */
        readonly attempts: number,
    ) {
        super(message);
        this.name = "RegistryAuthError";
    }
}

/** The repository scope of `/oauth2/token` (`repository:<repo>:pull` or `:pull,push`; Docker "Token Scope Documentation"). */
export function repositoryScope(repository: string, access: RepositoryAccess): string {
    const problem = repositoryProblem(repository);
    if (problem !== undefined) throw new RangeError(problem);
    return `repository:${repository}:${access === RepositoryAccess.PullPush ? "pull,push" : "pull"}`;
}

/**
 * ScopeMap `actions` for a repository-scoped token ("Create a token with repository-scoped
 * permissions": `content/read` pulls, `content/write` "use with content/read to push").
 */
export function scopeMapActions(repository: string, access: RepositoryAccess): string[] {
    const problem = repositoryProblem(repository);
    if (problem !== undefined) throw new RangeError(problem);
    const read = `repositories/${repository}/content/read`;
    return access === RepositoryAccess.PullPush ? [read, `repositories/${repository}/content/write`] : [read];
}

/**
 * The credential of a repository-scoped token (user name = token name). The password is generated
 * by the registry (`az acr token create` / `credential generate`) and comes from a Pulumi secret.
 */
export function repositoryTokenCredential(loginServer: string, tokenName: string, password: string): RegistryLoginCredential {
    const hostProblem = registryHostProblem(loginServer);
    if (hostProblem !== undefined) throw new RegistryAuthError(`registry ${loginServer}: ${hostProblem}`, loginServer, "input", undefined, 0);
    if (tokenName.length === 0 || /[\s:]/.test(tokenName)) {
        // The user name of HTTP Basic authentication, which docker sends, cannot contain ":" (RFC 7617, section 2).
        throw new RegistryAuthError(`registry ${loginServer}: token name "${tokenName}" is empty or contains a space or ":"`, loginServer, "input", undefined, 0);
    }
    if (password.length === 0) throw new RegistryAuthError(`registry ${loginServer}: the password of token ${tokenName} is empty`, loginServer, "input", undefined, 0);
    return { kind: RegistryCredentialKind.RepositoryToken, server: loginServer.toLowerCase(), username: tokenName, password };
}

/**
 * Entra ID token → ACR refresh token (`POST /oauth2/exchange`), returned as the credential docker
 * logs in with: the null GUID and the refresh token.
 */
export async function entraRegistryCredential(options: EntraExchangeOptions): Promise<RegistryLoginCredential> {
    const refreshToken = await exchangeEntraToken(options);
    return { kind: RegistryCredentialKind.EntraRefreshToken, server: options.loginServer.toLowerCase(), username: ACR_REFRESH_TOKEN_USERNAME, password: refreshToken };
}

/** Entra ID token → ACR refresh token (`POST /oauth2/exchange`). */
export async function exchangeEntraToken(options: EntraExchangeOptions): Promise<string> {
    const checked = checkedInputs(options);
    const server = checked.server;
    if (!/^[0-9a-fA-F-]{36}$/.test(options.tenantId)) {
        throw new RegistryAuthError(`registry ${server}: tenant "${options.tenantId}" is not a directory (tenant) ID GUID`, server, "input", undefined, 0);
    }
    const scope = options.entraScope ?? ACR_ENTRA_SCOPE;
    let accessToken: string;
    try {
        accessToken = await options.entraToken(scope);
    } catch (err) {
        // The source's message may quote what it received; keep only a redacted message.
        const why = err instanceof Error ? redact(err.message) : "unknown error";
        const status = typeof (err as { status?: unknown })?.status === "number" ? (err as { status: number }).status : undefined;
        throw new RegistryAuthError(`registry ${server}: could not get an Entra ID access token for ${scope}: ${why}`, server, "entra", status, 0);
    }
    if (typeof accessToken !== "string" || accessToken.length === 0) {
        throw new RegistryAuthError(`registry ${server}: the Entra ID token source returned no token for ${scope}`, server, "entra", undefined, 0);
    }
    const form = { grant_type: "access_token", service: server, tenant: options.tenantId, access_token: accessToken };
    const answer = await postForm(options, checked, RegistryAuthStep.Exchange, form, [accessToken]);
    return tokenField(answer, "refresh_token", server, RegistryAuthStep.Exchange, [accessToken]);
}

/** ACR refresh token → ACR access token for one repository (`POST /oauth2/token`). */
export async function registryAccessToken(options: RegistryTokenOptions): Promise<string> {
    const checked = checkedInputs(options);
    const server = checked.server;
    let scope: string;
    try {
        scope = repositoryScope(options.repository, options.access);
    } catch (err) {
        throw new RegistryAuthError(`registry ${server}: ${(err as Error).message}`, server, "input", undefined, 0);
    }
    if (options.refreshToken.length === 0) throw new RegistryAuthError(`registry ${server}: the refresh token is empty`, server, "input", undefined, 0);
    const form = { grant_type: "refresh_token", service: server, scope, refresh_token: options.refreshToken };
    const answer = await postForm(options, checked, RegistryAuthStep.Token, form, [options.refreshToken]);
    return tokenField(answer, "access_token", server, RegistryAuthStep.Token, [options.refreshToken]);
}

/** The login server, lower-cased, and the retry policy with defaults; refused before any request when invalid. */
function checkedInputs(options: RegistryAuthOptions): { server: string; policy: RetryPolicy } {
    const problem = registryHostProblem(options.loginServer);
    if (problem !== undefined) throw new RegistryAuthError(`registry ${options.loginServer}: ${problem}`, options.loginServer, "input", undefined, 0);
    const server = options.loginServer.toLowerCase();
    const policy = resolveRetryPolicy(options.retry);
    if ("problem" in policy) throw new RegistryAuthError(`registry ${server}: ${policy.problem}`, server, "input", undefined, 0);
    // Tokens travel in the body: never over plain HTTP, except to a local test server.
    if (options.endpoint !== undefined && !/^https:\/\//.test(options.endpoint) && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(options.endpoint)) {
        throw new RegistryAuthError(`registry ${server}: endpoint ${options.endpoint} is not https`, server, "input", undefined, 0);
    }
    return { server, policy };
}

/** POST `form` to `/oauth2/<step>` of the registry with the retry policy. */
function postForm(options: RegistryAuthOptions, checked: { server: string; policy: RetryPolicy }, step: RegistryAuthStep, form: Record<string, string>, secrets: readonly string[]): Promise<{ body: unknown; attempts: number }> {
    const { server, policy } = checked;
    return postFormWithRetry(
        {
            url: `${(options.endpoint ?? `https://${server}`).replace(/\/+$/, "")}/oauth2/${step}`,
            form,
            label: `registry ${server}: /oauth2/${step}`,
            target: server,
            step,
            secrets,
            hint: (status) => hintFor(status, step),
        },
        policy,
        options,
        (f) => new RegistryAuthError(f.message, server, step, f.status, f.attempts),
    );
}

/** The non-empty string `field` of a parsed JSON answer, or an error naming the step (never the body). */
function tokenField(answer: { body: unknown; attempts: number }, field: string, server: string, step: RegistryAuthStep, secrets: readonly string[]): string {
    const body = answer.body;
    const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
    if (typeof value !== "string" || value.length === 0) {
        throw new RegistryAuthError(redact(`registry ${server}: /oauth2/${step} answered 200 without a "${field}" string (not retried)`, secrets), server, step, 200, answer.attempts);
    }
    return value;
}

/** What to check for an answer that is not retried. */
function hintFor(status: number, step: RegistryAuthStep): string {
    if (status === 401) {
        return step === RegistryAuthStep.Exchange
            ? ": the registry did not accept the Entra ID token: check the tenant ID, that the token is for the ACR audience (https://containerregistry.azure.net; ARM-audience tokens are refused when authentication-as-arm is disabled) and that the identity has AcrPush (push) or AcrPull (pull) on the registry"
            : ": the refresh token was refused (expired, or for another registry): run the exchange again; the identity needs AcrPush (push) or AcrPull (pull) on the registry";
    }
    if (status === 403) return ": the identity is not allowed this: grant it AcrPush (push) or AcrPull (pull) on the registry (Container Registry Repository Writer / Reader when the registry uses ABAC repository permissions), and check the registry's network rules admit this client";
    if (status === 400) return `: the registry refused the request form (check the login server and, for /oauth2/token, the repository name)`;
    if (status === 404) return ": no token endpoint there: check the login server is an Azure container registry";
    return "";
}
