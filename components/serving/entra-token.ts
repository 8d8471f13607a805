/**
 * An {@link EntraTokenSource} from the environment, for a script or CI job without the Azure CLI
 * or an identity library: the variables `DefaultAzureCredential`'s environment and workload
 * identity credentials read (`AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, and `AZURE_FEDERATED_TOKEN_FILE`
 * or `AZURE_CLIENT_SECRET`; `AZURE_AUTHORITY_HOST` for a sovereign cloud), and the OAuth 2.0 client
 * credentials grant of the Microsoft identity platform ("Microsoft identity platform and the OAuth
 * 2.0 client credentials flow",
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
 * `POST <authority>/<tenant>/oauth2/v2.0/token` with `client_id`, `scope`,
 * `grant_type=client_credentials` and either `client_secret` or, for a federated credential (AKS
 * workload identity, GitHub Actions OIDC), `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`
 * and `client_assertion=<the federated token>` ("third case: access token request with a federated
 * credential"). The federated token file is read on every call: AKS rotates it.
 *
 * A federated credential is preferred when both are set: it is short-lived and nothing to leak.
 * Same transport as the registry requests (http-retry.ts): timeouts, bounded retries, redaction.
 */
import * as fs from "node:fs";
import { postFormWithRetry, resolveRetryPolicy, type TransportOptions } from "./http-retry";
import type { EntraTokenSource } from "./registry-auth";

/** Where the token source reads its settings; every field has a default. */
export interface EntraEnvironmentOptions extends TransportOptions {
    /** The variables (default `process.env`, read on each call). */
    readonly env?: Readonly<Record<string, string | undefined>>;
    /** Reads the federated token file (default `fs.readFileSync(path, "utf8")`). */
    readonly readFile?: (path: string) => string;
}

/** The Entra authority of the public cloud (AZURE_AUTHORITY_HOST overrides it). */
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** The assertion type of a federated credential (RFC 7523). */
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** An Entra token request that could not be made or failed; the message names variables, never values. */
export class EntraTokenError extends Error {
    constructor(
        message: string,
        /** HTTP status of the last answer, when there was one. */
        readonly status?: number,
    ) {
        super(message);
        this.name = "EntraTokenError";
    }
}

/** A token source reading the environment at each call (see the module comment). */
export function entraTokenFromEnvironment(options: EntraEnvironmentOptions = {}): EntraTokenSource {
    return async (scope: string) => {
        const env = options.env ?? process.env;
        const missing = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"].filter((k) => !env[k]);
        const federatedFile = env.AZURE_FEDERATED_TOKEN_FILE;
        const secret = env.AZURE_CLIENT_SECRET;
        if (!federatedFile && !secret) missing.push("AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET");
        if (missing.length > 0) throw new EntraTokenError(`set ${missing.join(", ")} (the identity that pushes, with AcrPush on the registry)`);
        const tenant = env.AZURE_TENANT_ID!;
        if (!/^[0-9a-zA-Z.-]+$/.test(tenant)) throw new EntraTokenError("AZURE_TENANT_ID is not a tenant ID or domain");
        const authority = (env.AZURE_AUTHORITY_HOST || DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "");
        if (!/^https:\/\//.test(authority) && !/^http:\/\/127\.0\.0\.1[:/]/.test(authority)) {
            throw new EntraTokenError("AZURE_AUTHORITY_HOST must be an https URL");
        }
        const policy = resolveRetryPolicy(options.retry);
        if ("problem" in policy) throw new EntraTokenError(policy.problem);

        const form: Record<string, string> = { client_id: env.AZURE_CLIENT_ID!, scope, grant_type: "client_credentials" };
        if (federatedFile) {
            let assertion: string;
            try {
                assertion = (options.readFile ?? ((p: string) => fs.readFileSync(p, "utf8")))(federatedFile).trim();
            } catch (err) {
                throw new EntraTokenError(`cannot read AZURE_FEDERATED_TOKEN_FILE (${federatedFile}): ${(err as NodeJS.ErrnoException).code ?? "error"}`);
            }
            if (assertion === "") throw new EntraTokenError(`AZURE_FEDERATED_TOKEN_FILE (${federatedFile}) is empty`);
            form.client_assertion_type = JWT_BEARER;
            form.client_assertion = assertion;
        } else {
            form.client_secret = secret!;
        }
        const secrets = [form.client_assertion ?? "", form.client_secret ?? ""];
        const host = authority.replace(/^https?:\/\//, "");
        const answer = await postFormWithRetry(
            {
                url: `${authority}/${tenant}/oauth2/v2.0/token`,
                form,
                label: `Entra ID ${host}: token for ${scope}`,
                target: host,
                step: "entra",
                secrets,
                hint: (status) =>
                    status === 400 || status === 401
                        ? ": check AZURE_TENANT_ID and AZURE_CLIENT_ID, that the client secret is current or the federated credential's issuer and subject match this workload"
                        : "",
            },
            policy,
            options,
            (f) => new EntraTokenError(f.message, f.status),
        );
        const body = answer.body as { access_token?: unknown };
        if (typeof body?.access_token !== "string" || body.access_token === "") {
            throw new EntraTokenError(`Entra ID ${host}: the token answer has no access_token`, 200);
        }
        return body.access_token;
    };
}

/**
 * {@link entraTokenFromEnvironment} for code that runs inside a Pulumi dynamic provider (the IoT Hub
 * and blob upload providers): the missing variables are named with what the identity needs (`needs`,
 * e.g. "IoT Hub Registry Contributor on the hub"), and failures are rethrown as plain `Error`s, since
 * an Error subclass loses its message once Pulumi serializes the provider.
 */
export function entraTokenFromEnvironmentFor(needs: string): EntraTokenSource {
    const inner = entraTokenFromEnvironment();
    return async (scope: string) => {
        const env = process.env;
        const missing = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"].filter((k) => !env[k]);
        if (!env.AZURE_FEDERATED_TOKEN_FILE && !env.AZURE_CLIENT_SECRET) missing.push("AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET");
        if (missing.length > 0) throw new Error(`set ${missing.join(", ")} for an identity with ${needs}, or use tokenSource "azureCli"`);
        try {
            return await inner(scope);
        } catch (err) {
            const e = err as { message?: unknown; status?: unknown };
            const status = typeof e.status === "number" ? ` (HTTP ${e.status})` : "";
            throw new Error(typeof e.message === "string" && e.message !== "" ? e.message : `the Entra ID token request failed${status}`);
        }
    };
}
