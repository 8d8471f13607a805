/**
 * Registry authentication against a local fake registry (test/helpers/fake-registry.ts): the Entra
 * ID exchange and the scoped access token, every fault the transport must survive or report
 * (401, 403, 429 with Retry-After, 5xx, a hung request, a reset connection, malformed JSON), exact
 * request counts so a retry storm fails, bounded backoff, and no token in any message.
 */
import { FakeRegistry } from "../../helpers/fake-registry";
import {
    ACR_ENTRA_SCOPE,
    ACR_REFRESH_TOKEN_USERNAME,
    RegistryAuthError,
    RegistryCredentialKind,
    RepositoryAccess,
    entraRegistryCredential,
    exchangeEntraToken,
    redact,
    registryAccessToken,
    repositoryScope,
    repositoryTokenCredential,
    retryAfter,
    scopeMapActions,
    type EntraExchangeOptions,
    type RetryReport,
} from "../../../components/serving/registry-auth";
import { entraTokenFromClientToken, registryCredentialOutputs } from "../../../components/serving/registry-credential";
import { EntraTokenError, entraTokenFromEnvironment, type EntraEnvironmentOptions } from "../../../components/serving/entra-token";
import { promiseOf } from "../../../offline/outputs";

// Token-shaped placeholders (JWT layout, meaningless content); none is a real credential.
const VALUES = {
    loginServer: "contosoregistry.azurecr.io",
    tenantId: "00000000-0000-0000-0000-00000000a001",
    entraToken: "eyJhbGciOiJub25lIn0.eyJhdWQiOiJlbnRyYS10ZXN0In0.ZW50cmEtc2ln",
    refreshToken: "eyJhbGciOiJub25lIn0.eyJncmFudF90eXBlIjoicmVmcmVzaCJ9.cmVmcmVzaC1zaWc",
    accessToken: "eyJhbGciOiJub25lIn0.eyJncmFudF90eXBlIjoiYWNjZXNzIn0.YWNjZXNzLXNpZw",
    clientId: "00000000-0000-0000-0000-00000000c001",
    clientSecret: "placeholder-client-secret-value",
    federatedToken: "eyJhbGciOiJub25lIn0.eyJpc3MiOiJmZWRlcmF0ZWQifQ.ZmVkLXNpZw",
};
const ALL_TOKENS = [VALUES.entraToken, VALUES.refreshToken, VALUES.accessToken, VALUES.clientSecret, VALUES.federatedToken];
/** Small bounds so the whole file runs in well under 5 s. */
const FAST = { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 80, requestTimeoutMs: 250, totalTimeoutMs: 2_000 };

let fake: FakeRegistry;
let scopesAsked: string[];
let reports: RetryReport[];
/** Every error message and retry report the tests saw, checked for tokens at the end. */
const seenText: string[] = [];

beforeAll(async () => {
    fake = await FakeRegistry.start(VALUES);
    // Warm up fetch (its first call loads the HTTP client), so no test's request timeout pays for it.
    await fetch(`${fake.endpoint}/warm-up`, { method: "POST" }).then((r) => r.text());
});
afterAll(async () => {
    await fake.stop();
});
beforeEach(() => {
    fake.reset();
    scopesAsked = [];
    reports = [];
});

function exchangeOptions(overrides: Partial<EntraExchangeOptions> = {}): EntraExchangeOptions {
    return {
        loginServer: VALUES.loginServer,
        tenantId: VALUES.tenantId,
        endpoint: fake.endpoint,
        retry: FAST,
        random: () => 0.5,
        entraToken: async (scope) => {
            scopesAsked.push(scope);
            return VALUES.entraToken;
        },
        onRetry: (r) => {
            reports.push(r);
            seenText.push(JSON.stringify(r));
        },
        ...overrides,
    };
}

/** The RegistryAuthError `promise` rejects with (fails the test when it resolves or rejects otherwise). */
async function failure(promise: Promise<unknown>): Promise<RegistryAuthError> {
    const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RegistryAuthError);
    const authErr = err as RegistryAuthError;
    seenText.push(authErr.message, String(authErr.stack));
    return authErr;
}

describe("success", () => {
    test("the exchange posts the documented form and yields the docker login credential", async () => {
        const cred = await entraRegistryCredential(exchangeOptions());
        expect(cred).toEqual({ kind: RegistryCredentialKind.EntraRefreshToken, server: VALUES.loginServer, username: ACR_REFRESH_TOKEN_USERNAME, password: VALUES.refreshToken });
        expect(ACR_REFRESH_TOKEN_USERNAME).toBe("00000000-0000-0000-0000-000000000000");
        expect(scopesAsked).toEqual([ACR_ENTRA_SCOPE]);
        expect(fake.requests).toHaveLength(1);
        expect(fake.requests[0]).toMatchObject({
            path: "/oauth2/exchange",
            method: "POST",
            contentType: "application/x-www-form-urlencoded",
            form: { grant_type: "access_token", service: VALUES.loginServer, tenant: VALUES.tenantId, access_token: VALUES.entraToken },
        });
        expect(reports).toEqual([]);
    });

    test("the refresh token buys a repository-scoped access token", async () => {
        const token = await registryAccessToken({ loginServer: VALUES.loginServer, endpoint: fake.endpoint, retry: FAST, refreshToken: VALUES.refreshToken, repository: "scoring/fraud", access: RepositoryAccess.PullPush });
        expect(token).toBe(VALUES.accessToken);
        expect(fake.requests.map((r) => r.form)).toEqual([{ grant_type: "refresh_token", service: VALUES.loginServer, scope: "repository:scoring/fraud:pull,push", refresh_token: VALUES.refreshToken }]);
    });

    test("a pull-only scope asks for pull only", async () => {
        await registryAccessToken({ loginServer: VALUES.loginServer, endpoint: fake.endpoint, retry: FAST, refreshToken: VALUES.refreshToken, repository: "scoring", access: RepositoryAccess.Pull });
        expect(fake.requests[0].form.scope).toBe("repository:scoring:pull");
    });

    test("a custom Entra scope is passed to the token source", async () => {
        await exchangeEntraToken(exchangeOptions({ entraScope: "https://management.azure.com/.default" }));
        expect(scopesAsked).toEqual(["https://management.azure.com/.default"]);
    });
});

describe("answers that are not retried", () => {
    test("401 on the exchange: one request, the registry, step, status and the role/tenant hint", async () => {
        fake.inject("exchange", { kind: "status", status: 401, body: JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] }) });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(fake.count("exchange")).toBe(1);
        expect(err).toMatchObject({ registry: VALUES.loginServer, step: "exchange", status: 401, attempts: 1 });
        expect(err.message).toContain("registry contosoregistry.azurecr.io: /oauth2/exchange failed: HTTP 401 (UNAUTHORIZED: authentication required)");
        expect(err.message).toContain("not retried");
        expect(err.message).toMatch(/tenant/);
        expect(err.message).toMatch(/AcrPush.*AcrPull/);
    });

    test("a wrong tenant is refused by the fake's own validation (401), not retried", async () => {
        const err = await failure(exchangeEntraToken(exchangeOptions({ tenantId: "00000000-0000-0000-0000-00000000a002" })));
        expect(fake.count("exchange")).toBe(1);
        expect(err.status).toBe(401);
    });

    test("403 on the token step names the step and the role to grant", async () => {
        fake.inject("token", { kind: "status", status: 403 });
        const err = await failure(registryAccessToken({ loginServer: VALUES.loginServer, endpoint: fake.endpoint, retry: FAST, refreshToken: VALUES.refreshToken, repository: "scoring", access: RepositoryAccess.PullPush }));
        expect(fake.count("token")).toBe(1);
        expect(err).toMatchObject({ step: "token", status: 403, attempts: 1 });
        expect(err.message).toContain("/oauth2/token failed: HTTP 403");
        expect(err.message).toContain("AcrPush");
    });

    test("400 is not retried", async () => {
        fake.inject("exchange", { kind: "status", status: 400 });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(fake.count("exchange")).toBe(1);
        expect(err.status).toBe(400);
    });

    test("an expired refresh token (401 on the token step) says to exchange again", async () => {
        const err = await failure(registryAccessToken({ loginServer: VALUES.loginServer, endpoint: fake.endpoint, retry: FAST, refreshToken: "stale-refresh-token-value", repository: "scoring", access: RepositoryAccess.Pull }));
        expect(fake.count("token")).toBe(1);
        expect(err.message).toContain("run the exchange again");
        expect(err.message).not.toContain("stale-refresh-token-value");
    });

    test("a redirect is not followed (the token would go elsewhere) and not retried", async () => {
        fake.inject("exchange", { kind: "status", status: 307, headers: { location: `${fake.endpoint}/oauth2/token` } });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(fake.requests.map((r) => r.path)).toEqual(["/oauth2/exchange"]);
        expect(err).toMatchObject({ status: 307, attempts: 1 });
    });

    test("malformed JSON in a 200 answer fails once, clearly", async () => {
        fake.inject("exchange", { kind: "malformed" });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(fake.count("exchange")).toBe(1);
        expect(err.message).toContain("HTTP 200 with a body that is not JSON");
    });

    test("a 200 answer without the token field fails once, clearly", async () => {
        fake.inject("exchange", { kind: "status", status: 200, body: JSON.stringify({ access_token: "x" }) });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(fake.count("exchange")).toBe(1);
        expect(err.message).toContain('answered 200 without a "refresh_token" string');
    });
});

describe("retries", () => {
    test("500 then 503 then success: three requests, growing jittered backoff", async () => {
        fake.inject("exchange", { kind: "status", status: 500 }, { kind: "status", status: 503 });
        const cred = await entraRegistryCredential(exchangeOptions());
        expect(cred.password).toBe(VALUES.refreshToken);
        expect(fake.count("exchange")).toBe(3);
        // random() = 0.5: delay = backoff/2 + 0.5*backoff/2 with backoff 10, then 20 ms.
        expect(reports.map((r) => [r.attempt, r.reason.slice(0, 8), r.delayMs])).toEqual([
            [1, "HTTP 500", 8],
            [2, "HTTP 503", 15],
        ]);
        expect(reports.every((r) => r.step === "exchange" && r.target === VALUES.loginServer)).toBe(true);
        // The waits really happened, and not much more than them.
        const [a, b, c] = fake.requests.map((r) => r.at);
        expect(b - a).toBeGreaterThanOrEqual(7);
        expect(c - b).toBeGreaterThanOrEqual(14);
    });

    test("5xx until the attempts run out: exactly maxAttempts requests, backoff capped by maxDelayMs", async () => {
        fake.inject("exchange", ...Array.from({ length: 10 }, () => ({ kind: "status" as const, status: 502 })));
        const started = Date.now();
        const err = await failure(exchangeEntraToken(exchangeOptions({ retry: { ...FAST, maxAttempts: 6 }, random: () => 0.999 })));
        const elapsed = Date.now() - started;
        expect(fake.count("exchange")).toBe(6);
        expect(err).toMatchObject({ status: 502, attempts: 6, step: "exchange" });
        expect(err.message).toContain("gave up after 6 attempts (retry.maxAttempts)");
        // Backoff 10, 20, 40, 80, 80 (capped), each between half and all of it.
        const caps = [10, 20, 40, 80, 80];
        expect(reports.map((r) => r.delayMs)).toHaveLength(5);
        reports.forEach((r, i) => {
            expect(r.delayMs).toBeGreaterThanOrEqual(caps[i] / 2);
            expect(r.delayMs).toBeLessThanOrEqual(caps[i]);
        });
        expect(elapsed).toBeLessThan(1_000);
    });

    test("429 with Retry-After: the wait honours it, then success", async () => {
        fake.inject("exchange", { kind: "status", status: 429, headers: { "retry-after": "1" } });
        await entraRegistryCredential(exchangeOptions({ retry: { ...FAST, maxDelayMs: 1_500 } }));
        expect(fake.count("exchange")).toBe(2);
        expect(reports).toHaveLength(1);
        expect(reports[0].delayMs).toBe(1_000);
        expect(reports[0].reason).toMatch(/^HTTP 429/);
        const [a, b] = fake.requests.map((r) => r.at);
        expect(b - a).toBeGreaterThanOrEqual(990);
    });

    test("429 asking for longer than maxDelayMs gives up at once instead of sleeping", async () => {
        fake.inject("exchange", { kind: "status", status: 429, headers: { "retry-after": "120" } });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(fake.count("exchange")).toBe(1);
        expect(err.status).toBe(429);
        expect(err.message).toContain("asked to wait 120 s");
    });

    test("a hung request times out per request and is retried", async () => {
        fake.inject("exchange", { kind: "hang" });
        const started = Date.now();
        await entraRegistryCredential(exchangeOptions());
        expect(fake.count("exchange")).toBe(2);
        expect(reports[0].reason).toBe("timeout after 250 ms");
        expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    });

    test("hung requests until the attempts run out: a timeout error, bounded time", async () => {
        fake.inject("token", { kind: "hang" }, { kind: "hang" }, { kind: "hang" }, { kind: "hang" }, { kind: "hang" });
        const started = Date.now();
        const err = await failure(registryAccessToken({ loginServer: VALUES.loginServer, endpoint: fake.endpoint, retry: { ...FAST, maxAttempts: 3 }, random: () => 0, refreshToken: VALUES.refreshToken, repository: "scoring", access: RepositoryAccess.Pull }));
        const elapsed = Date.now() - started;
        expect(fake.count("token")).toBe(3);
        expect(err).toMatchObject({ step: "token", status: undefined, attempts: 3 });
        expect(err.message).toContain("timeout after 250 ms; gave up after 3 attempts");
        // 3 timeouts of 250 ms and waits of 5 and 10 ms.
        expect(elapsed).toBeGreaterThanOrEqual(3 * 240);
        expect(elapsed).toBeLessThan(1_500);
    });

    test("the total time budget stops retries before maxAttempts", async () => {
        fake.inject("exchange", { kind: "hang" }, { kind: "hang" }, { kind: "hang" }, { kind: "hang" });
        const started = Date.now();
        const err = await failure(exchangeEntraToken(exchangeOptions({ retry: { ...FAST, maxAttempts: 10, totalTimeoutMs: 400 } })));
        const elapsed = Date.now() - started;
        expect(fake.count("exchange")).toBeLessThanOrEqual(3);
        expect(err.message).toContain("retry.totalTimeoutMs 400 ms");
        expect(elapsed).toBeLessThan(600);
    });

    test("a reset connection is a network error, retried", async () => {
        fake.inject("exchange", { kind: "reset" });
        await entraRegistryCredential(exchangeOptions());
        expect(fake.count("exchange")).toBe(2);
        expect(reports[0].reason).toMatch(/^network error/);
    });

    test("no registry listening: network errors, exactly maxAttempts tries", async () => {
        let calls = 0;
        const counting: typeof fetch = (input, init) => {
            calls++;
            return fetch(input, init);
        };
        const err = await failure(exchangeEntraToken(exchangeOptions({ endpoint: "http://127.0.0.1:1", fetch: counting, retry: { ...FAST, maxAttempts: 3 } })));
        expect(calls).toBe(3);
        expect(err.message).toMatch(/network error.*gave up after 3 attempts/);
    });
});

describe("inputs and the Entra token source", () => {
    test("a failing token source is reported without calling the registry", async () => {
        const err = await failure(
            exchangeEntraToken(
                exchangeOptions({
                    entraToken: async () => {
                        throw new Error(`credential unavailable; last token ${VALUES.entraToken}`);
                    },
                }),
            ),
        );
        expect(fake.requests).toHaveLength(0);
        expect(err.step).toBe("entra");
        expect(err.message).toContain(`could not get an Entra ID access token for ${ACR_ENTRA_SCOPE}`);
    });

    test("an empty token, a bad tenant, a login server with a scheme, a bad repository: refused before any request", async () => {
        await failure(exchangeEntraToken(exchangeOptions({ entraToken: async () => "" })));
        await failure(exchangeEntraToken(exchangeOptions({ tenantId: "contoso.onmicrosoft.com" })));
        const scheme = await failure(exchangeEntraToken(exchangeOptions({ loginServer: "https://contosoregistry.azurecr.io" })));
        expect(scheme.message).toContain("not a registry host");
        const plain = await failure(exchangeEntraToken(exchangeOptions({ endpoint: "http://contosoregistry.azurecr.io" })));
        expect(plain.message).toContain("is not https");
        const repo = await failure(registryAccessToken({ loginServer: VALUES.loginServer, endpoint: fake.endpoint, refreshToken: VALUES.refreshToken, repository: "Scoring", access: RepositoryAccess.Pull }));
        expect(repo.step).toBe("input");
        const bound = await failure(exchangeEntraToken(exchangeOptions({ retry: { maxAttempts: 0 } })));
        expect(bound.message).toContain("retry.maxAttempts must be a positive integer; got 0");
        expect(scopesAsked).toEqual([]); // refused before the token source is asked
        expect(fake.requests).toHaveLength(0);
    });

    test("a repository-scoped token is a docker credential of its own name", () => {
        expect(repositoryTokenCredential("ContosoRegistry.azurecr.io", "scoring-push", "placeholder-password")).toEqual({
            kind: RegistryCredentialKind.RepositoryToken,
            server: "contosoregistry.azurecr.io",
            username: "scoring-push",
            password: "placeholder-password",
        });
        expect(() => repositoryTokenCredential(VALUES.loginServer, "bad:name", "p")).toThrow(/":"/);
        expect(() => repositoryTokenCredential(VALUES.loginServer, "scoring-push", "")).toThrow(/empty/);
    });

    test("scope strings and scope map actions", () => {
        expect(repositoryScope("team/app", RepositoryAccess.Pull)).toBe("repository:team/app:pull");
        expect(scopeMapActions("team/app", RepositoryAccess.Pull)).toEqual(["repositories/team/app/content/read"]);
        expect(scopeMapActions("team/app", RepositoryAccess.PullPush)).toEqual(["repositories/team/app/content/read", "repositories/team/app/content/write"]);
        expect(() => scopeMapActions("Team", RepositoryAccess.Pull)).toThrow(/not a valid name/);
    });

    test("Retry-After: seconds or an HTTP date", () => {
        expect(retryAfter("3")).toBe(3_000);
        expect(retryAfter("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT"))).toBe(10_000);
        expect(retryAfter("soon")).toBeUndefined();
        expect(retryAfter(null)).toBeUndefined();
    });
});

describe("the Entra token from the environment (client credentials)", () => {
    const env = (extra: Record<string, string>): Record<string, string> => ({
        AZURE_TENANT_ID: VALUES.tenantId,
        AZURE_CLIENT_ID: VALUES.clientId,
        AZURE_AUTHORITY_HOST: fake.endpoint,
        ...extra,
    });
    const source = (extra: Record<string, string>, more: Partial<EntraEnvironmentOptions> = {}) =>
        entraTokenFromEnvironment({ env: env(extra), retry: FAST, random: () => 0.5, readFile: (p) => (p === "/var/run/secrets/azure/tokens/azure-identity-token" ? `${VALUES.federatedToken}\n` : "") , onRetry: (r) => seenText.push(JSON.stringify(r)), ...more });

    test("a federated token file: the documented form, then the whole exchange", async () => {
        const entraToken = source({ AZURE_FEDERATED_TOKEN_FILE: "/var/run/secrets/azure/tokens/azure-identity-token", AZURE_CLIENT_SECRET: "ignored-when-federated" });
        const cred = await entraRegistryCredential(exchangeOptions({ entraToken }));
        expect(cred.password).toBe(VALUES.refreshToken);
        expect(fake.requests.map((r) => r.path)).toEqual([fake.pathOf("entra"), "/oauth2/exchange"]);
        expect(fake.requests[0].form).toEqual({
            client_id: VALUES.clientId,
            scope: ACR_ENTRA_SCOPE,
            grant_type: "client_credentials",
            client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            client_assertion: VALUES.federatedToken,
        });
    });

    test("a client secret", async () => {
        expect(await source({ AZURE_CLIENT_SECRET: VALUES.clientSecret })(ACR_ENTRA_SCOPE)).toBe(VALUES.entraToken);
        expect(fake.requests[0].form).toMatchObject({ client_secret: VALUES.clientSecret, grant_type: "client_credentials" });
    });

    test("missing variables are named, not guessed", async () => {
        const err = await source({}, { env: { AZURE_TENANT_ID: VALUES.tenantId } })(ACR_ENTRA_SCOPE).catch((e: unknown) => e as EntraTokenError);
        expect(err).toBeInstanceOf(EntraTokenError);
        expect((err as Error).message).toBe("set AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET (the identity that pushes, with AcrPush on the registry)");
        expect(fake.requests).toHaveLength(0);
    });

    test("a wrong secret: Entra's error code, not retried, no secret in the message, wrapped by the exchange", async () => {
        const err = await failure(exchangeEntraToken(exchangeOptions({ entraToken: source({ AZURE_CLIENT_SECRET: "wrong-secret-value" }) })));
        expect(err).toMatchObject({ step: "entra", status: 401 });
        expect(fake.count("entra")).toBe(1);
        expect(fake.count("exchange")).toBe(0);
        expect(err.message).toContain("could not get an Entra ID access token for https://containerregistry.azure.net/.default: Entra ID 127.0.0.1");
        expect(err.message).toContain("HTTP 401 (invalid_client: AADSTS7000215: invalid client secret provided. Trace ID: 00000000)");
        expect(err.message).not.toContain("wrong-secret-value");
    });

    test("Entra throttling is retried like the registry's", async () => {
        fake.inject("entra", { kind: "status", status: 503 }, { kind: "hang" });
        expect(await source({ AZURE_CLIENT_SECRET: VALUES.clientSecret })(ACR_ENTRA_SCOPE)).toBe(VALUES.entraToken);
        expect(fake.count("entra")).toBe(3);
    });

    test("an empty federated token file is refused before any request", async () => {
        const err = await source({ AZURE_FEDERATED_TOKEN_FILE: "/tmp/empty" })(ACR_ENTRA_SCOPE).catch((e: unknown) => e as Error);
        expect((err as Error).message).toBe("AZURE_FEDERATED_TOKEN_FILE (/tmp/empty) is empty");
        expect(fake.requests).toHaveLength(0);
    });
});

describe("no token in any message", () => {
    test("a registry that echoes the token in its error body is redacted", async () => {
        fake.inject("exchange", { kind: "status", status: 401, body: JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: `token ${VALUES.entraToken} rejected` }] }) });
        const err = await failure(exchangeEntraToken(exchangeOptions()));
        expect(err.message).toContain("[redacted]");
        expect(err.message).not.toContain(VALUES.entraToken);
    });

    test("redact removes known secrets, JWTs and token-named fields", () => {
        expect(redact("a s3cr3t-value b", ["s3cr3t-value"])).toBe("a [redacted] b");
        expect(redact(`bearer ${VALUES.accessToken}.`)).toBe("bearer [redacted].");
        expect(redact("refresh_token=abc123&x=1")).toBe("refresh_token=[redacted]&x=1");
        expect(redact('{"password": "hunter2"}')).toBe('{"password": "[redacted]"}');
    });

    test("no message or retry report of this file carried a token", () => {
        expect(seenText.length).toBeGreaterThan(15);
        for (const text of seenText) for (const token of ALL_TOKENS) expect(text).not.toContain(token);
    });
});

describe("Pulumi glue", () => {
    test("getClientToken is asked for the ACR resource; other scope shapes are refused", async () => {
        const asked: (string | undefined)[] = [];
        const source = entraTokenFromClientToken(async (args) => {
            asked.push(args?.endpoint);
            return { token: VALUES.entraToken };
        });
        const cred = await entraRegistryCredential(exchangeOptions({ entraToken: source }));
        expect(asked).toEqual(["https://containerregistry.azure.net"]);
        expect(cred.password).toBe(VALUES.refreshToken);
        await expect(source("api://x")).rejects.toThrow(/<resource>\/.default/);
    });

    test("the credential outputs keep the password secret and the rest plain", async () => {
        const outputs = registryCredentialOutputs(entraRegistryCredential(exchangeOptions()));
        expect(await promiseOf(outputs.server)).toBe(VALUES.loginServer);
        expect(await promiseOf(outputs.username)).toBe(ACR_REFRESH_TOKEN_USERNAME);
        expect(await promiseOf(outputs.password)).toBe(VALUES.refreshToken);
        expect(await (outputs.password as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(true);
        expect(await (outputs.username as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(false);
    });
});
