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
 * The identity needs AcrPush on the registry to push, AcrPull to pull ("Azure Container Registry
 * Entra permissions and role assignments", https://learn.microsoft.com/azure/container-registry/container-registry-rbac-built-in-roles-overview).
 *
 * Transport: node's built-in `fetch`, one AbortController per request for its timeout, bounded
 * retries (count and total time) with exponential backoff and jitter for 408, 429 (honouring
 * Retry-After), 5xx and network errors or timeouts; no retry for other answers (400, 401, 403 do
 * not change by asking again). Tokens never appear in an error message or a retry report: every
 * message goes through {@link redact}.
 */
import { registryHostProblem, repositoryProblem } from "./image-reference";

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

/** Retry and timeout bounds; every field has a default. */
export interface RetryPolicy {
    /** Attempts per request, the first included (default 5). */
    readonly maxAttempts: number;
    /** Backoff before the second attempt, doubled each time (default 500 ms). */
    readonly initialDelayMs: number;
    /** Largest backoff between two attempts, and largest Retry-After honoured without giving up (default 10 s). */
    readonly maxDelayMs: number;
    /** Time limit of one request, body included (default 15 s). */
    readonly requestTimeoutMs: number;
    /** Time limit of one step, all attempts and waits included (default 60 s). */
    readonly totalTimeoutMs: number;
}

/** Defaults of {@link RetryPolicy}: a few attempts within a minute, enough for a registry's throttling window. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    maxAttempts: 5,
    initialDelayMs: 500,
    maxDelayMs: 10_000,
    requestTimeoutMs: 15_000,
    totalTimeoutMs: 60_000,
};

/** One retry about to happen (for logs: it carries no token). */
export interface RetryReport {
    /** The registry login server. */
    readonly registry: string;
    /** Which request. */
    readonly step: RegistryAuthStep;
    /** The attempt that failed (1-based). */
    readonly attempt: number;
    /** Why it is retried: `HTTP 503`, `timeout after 15000 ms`, `network error: ...`. */
    readonly reason: string;
    /** Wait before the next attempt. */
    readonly delayMs: number;
}

/** Options shared by the exchange and token requests. */
export interface RegistryAuthOptions {
    /** Registry login server, e.g. `contosoregistry.azurecr.io` (no scheme, no path). */
    readonly loginServer: string;
    /** Retry and timeout bounds (defaults: {@link DEFAULT_RETRY_POLICY}). */
    readonly retry?: Partial<RetryPolicy>;
    /** Base URL the requests go to (default `https://<loginServer>`); a test points it at a local server. */
    readonly endpoint?: string;
    /** Called before each retry, e.g. to log with `pulumi.log.debug`. */
    readonly onRetry?: (report: RetryReport) => void;
    /** The fetch implementation (default the global `fetch`). */
    readonly fetch?: typeof fetch;
    /** Source of jitter in [0, 1) (default `Math.random`). */
    readonly random?: () => number;
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

/** A JWT (three base64url parts, the first a JSON header): what Entra and ACR tokens look like. */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Form or JSON fields that carry a token, with their value. */
const TOKEN_FIELD_PATTERN = /((?:access_token|refresh_token|password)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi;

/** `text` with every known secret, every JWT and every token-named field value replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
    let out = text;
    for (const s of secrets) if (s.length > 0) out = out.split(s).join("[redacted]");
    return out.replace(JWT_PATTERN, "[redacted]").replace(TOKEN_FIELD_PATTERN, "$1[redacted]");
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
        throw new RegistryAuthError(`registry ${server}: could not get an Entra ID access token for ${scope}: ${why}`, server, "entra", undefined, 0);
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
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const badBound = (Object.keys(DEFAULT_RETRY_POLICY) as (keyof RetryPolicy)[]).find((k) => !Number.isInteger(policy[k]) || policy[k] < (k === "initialDelayMs" ? 0 : 1));
    if (badBound !== undefined) {
        throw new RegistryAuthError(`registry ${server}: retry.${badBound} must be a positive integer; got ${policy[badBound]}`, server, "input", undefined, 0);
    }
    return { server, policy };
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

/** Outcome of one attempt. */
type Attempt =
    | { readonly ok: true; readonly body: unknown }
    | { readonly ok: false; readonly retry: boolean; readonly status?: number; readonly reason: string; readonly retryAfterMs?: number };

/** POST `form` to `/oauth2/<step>` with the retry policy; the parsed JSON answer and the attempts it took. */
async function postForm(options: RegistryAuthOptions, checked: { server: string; policy: RetryPolicy }, step: RegistryAuthStep, form: Record<string, string>, secrets: readonly string[]): Promise<{ body: unknown; attempts: number }> {
    const { server, policy } = checked;
    const random = options.random ?? Math.random;
    const doFetch = options.fetch ?? fetch;
    const url = `${(options.endpoint ?? `https://${server}`).replace(/\/+$/, "")}/oauth2/${step}`;
    const started = Date.now();
    const fail = (message: string, status: number | undefined, attempts: number): RegistryAuthError =>
        new RegistryAuthError(redact(message, secrets), server, step, status, attempts);

    for (let attempt = 1; ; attempt++) {
        const remaining = policy.totalTimeoutMs - (Date.now() - started);
        const result = await attemptOnce(doFetch, url, form, Math.max(1, Math.min(policy.requestTimeoutMs, remaining)));
        if (result.ok) return { body: result.body, attempts: attempt };
        const tries = `${attempt} attempt${attempt === 1 ? "" : "s"}`;
        if (!result.retry) {
            throw fail(`registry ${server}: /oauth2/${step} failed: ${result.reason} (${tries}, not retried)${hintFor(result.status, step)}`, result.status, attempt);
        }
        if (attempt >= policy.maxAttempts) {
            throw fail(`registry ${server}: /oauth2/${step} failed: ${result.reason}; gave up after ${tries} (retry.maxAttempts)`, result.status, attempt);
        }
        const backoff = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
        // Equal jitter: half the backoff fixed, half random, so waits still grow but retries of
        // many clients spread out.
        const jittered = Math.round(backoff / 2 + random() * (backoff / 2));
        if (result.retryAfterMs !== undefined && result.retryAfterMs > policy.maxDelayMs) {
            throw fail(`registry ${server}: /oauth2/${step} failed: ${result.reason} and asked to wait ${Math.ceil(result.retryAfterMs / 1000)} s, more than retry.maxDelayMs (${policy.maxDelayMs} ms); gave up after ${tries}`, result.status, attempt);
        }
        const delayMs = Math.max(jittered, result.retryAfterMs ?? 0);
        const elapsed = Date.now() - started;
        if (elapsed + delayMs >= policy.totalTimeoutMs) {
            throw fail(`registry ${server}: /oauth2/${step} failed: ${result.reason}; gave up after ${tries} in ${elapsed} ms (retry.totalTimeoutMs ${policy.totalTimeoutMs} ms)`, result.status, attempt);
        }
        options.onRetry?.({ registry: server, step, attempt, reason: redact(result.reason, secrets), delayMs });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
}

/** One request with its own timeout covering the body; classifies the outcome. */
async function attemptOnce(doFetch: typeof fetch, url: string, form: Record<string, string>, timeoutMs: number): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        const response = await doFetch(url, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
            body: new URLSearchParams(form).toString(),
            signal: controller.signal,
            redirect: "error", // a redirect would carry the token elsewhere
        });
        const text = await response.text();
        if (response.status === 200) {
            try {
                return { ok: true, body: JSON.parse(text) as unknown };
            } catch {
                // A complete 200 answer that is not JSON does not improve by asking again.
                return { ok: false, retry: false, status: 200, reason: "HTTP 200 with a body that is not JSON" };
            }
        }
        const detail = errorDetail(text);
        const reason = `HTTP ${response.status}${detail}`;
        const retry = response.status === 408 || response.status === 429 || response.status >= 500;
        const retryAfterMs = retry ? retryAfter(response.headers.get("retry-after")) : undefined;
        return { ok: false, retry, status: response.status, reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    } catch (err) {
        if (controller.signal.aborted) return { ok: false, retry: true, reason: `timeout after ${timeoutMs} ms` };
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
        return { ok: false, retry: true, reason: `network error: ${err instanceof Error ? err.message : String(err)}${cause}` };
    } finally {
        clearTimeout(timer);
    }
}

/** ` (<code>: <message>)` from a registry error body (`{"errors":[{"code","message"}]}`), short; empty otherwise. */
function errorDetail(text: string): string {
    try {
        const parsed = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] };
        const first = parsed.errors?.[0];
        if (first === undefined) return "";
        const parts = [first.code, first.message].filter((p): p is string => typeof p === "string");
        return parts.length === 0 ? "" : ` (${parts.join(": ").slice(0, 200)})`;
    } catch {
        return "";
    }
}

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110, 10.2.3); undefined when absent or unreadable. */
export function retryAfter(header: string | null, now: number = Date.now()): number | undefined {
    if (header === null) return undefined;
    const value = header.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What to check for an answer that is not retried. */
function hintFor(status: number | undefined, step: RegistryAuthStep): string {
    if (status === 401) {
        return step === RegistryAuthStep.Exchange
            ? ": the registry did not accept the Entra ID token: check the tenant ID, that the token is for the ACR audience (https://containerregistry.azure.net; ARM-audience tokens are refused when authentication-as-arm is disabled) and that the identity has AcrPush (push) or AcrPull (pull) on the registry"
            : ": the refresh token was refused (expired, or for another registry): run the exchange again; the identity needs AcrPush (push) or AcrPull (pull) on the registry";
    }
    if (status === 403) return ": the identity is not allowed this: grant it AcrPush (push) or AcrPull (pull) on the registry, and check the registry's network rules admit this client";
    if (status === 400) return `: the registry refused the request form (check the login server and, for /oauth2/token, the repository name)`;
    if (status === 404) return ": no token endpoint there: check the login server is an Azure container registry";
    return "";
}
