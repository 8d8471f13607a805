/**
 * A local fake of an Azure container registry's token endpoints, for the registry authentication
 * tests: node's http server on 127.0.0.1 and a random port, `POST /oauth2/exchange` and
 * `POST /oauth2/token` as "Azure Container Registry integration with Azure Active Directory"
 * (https://github.com/Azure/acr/blob/main/docs/AAD-OAuth.md) describes them, each form field
 * checked, and the Entra ID token endpoint (`POST /<tenant>/oauth2/v2.0/token`, client credentials
 * with a secret or a federated assertion) that issues the token the exchange takes. Faults are queued per endpoint and consumed one per request; every request is recorded,
 * so a test asserts exact request counts (a retry storm fails it).
 */
import * as http from "node:http";
import { closeLocally, FaultQueues, HungAnswers, listenLocally, localEndpoint, whenBodyRead } from "./local-http";

/** What the fake answers instead of the real thing, for one request. */
export type Fault =
    | { readonly kind: "status"; readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> }
    /** Never answer (the client's timeout must end it). */
    | { readonly kind: "hang" }
    /** Answer 200 with a body that is not JSON. */
    | { readonly kind: "malformed" }
    /** Close the connection without an answer (a network error for the client). */
    | { readonly kind: "reset" };

/** One request the fake received. */
export interface RecordedRequest {
    readonly path: string;
    readonly method: string;
    readonly contentType: string | undefined;
    readonly form: Readonly<Record<string, string>>;
    /** Milliseconds since the fake started. */
    readonly at: number;
}

/** The values the fake accepts and issues. */
export interface FakeRegistryValues {
    /** The registry's login server (the `service` field must equal it). */
    readonly loginServer: string;
    /** The tenant the Entra token belongs to. */
    readonly tenantId: string;
    /** The one Entra access token the exchange accepts. */
    readonly entraToken: string;
    /** The refresh token the exchange issues and /oauth2/token accepts. */
    readonly refreshToken: string;
    /** The access token /oauth2/token issues. */
    readonly accessToken: string;
    /** The app registration the fake Entra token endpoint accepts (answers `entraToken`). */
    readonly clientId: string;
    /** Its client secret. */
    readonly clientSecret: string;
    /** Its federated credential (the content of AZURE_FEDERATED_TOKEN_FILE). */
    readonly federatedToken: string;
}

/** The requests the fake answers, by the name tests use. */
export type FakeStep = "exchange" | "token" | "entra";

const SCOPE = /^repository:[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*:(?:pull|pull,push)$/;

/** A running fake registry. */
export class FakeRegistry {
    readonly requests: RecordedRequest[] = [];
    private readonly faults = new FaultQueues<Fault>();
    private readonly hung = new HungAnswers();
    private readonly started = Date.now();
    private constructor(
        private readonly server: http.Server,
        readonly values: FakeRegistryValues,
    ) {}

    /** The path of a step. */
    pathOf(step: FakeStep): string {
        return step === "entra" ? `/${this.values.tenantId}/oauth2/v2.0/token` : `/oauth2/${step}`;
    }

    /** Start on 127.0.0.1, a port the OS picks. */
    static async start(values: FakeRegistryValues): Promise<FakeRegistry> {
        let fake: FakeRegistry | undefined;
        const server = await listenLocally((req, res) => fake!.handle(req, res));
        fake = new FakeRegistry(server, values);
        return fake;
    }

    /** `http://127.0.0.1:<port>`. */
    get endpoint(): string {
        return localEndpoint(this.server);
    }

    /** Queue faults for the next requests to `/oauth2/<step>`, in order. */
    inject(step: FakeStep, ...faults: Fault[]): void {
        this.faults.inject(this.pathOf(step), ...faults);
    }

    /** Requests to `/oauth2/<step>`. */
    count(step: FakeStep): number {
        return this.requests.filter((r) => r.path === this.pathOf(step)).length;
    }

    /** Forget requests and queued faults; end hung answers. */
    reset(): void {
        this.requests.length = 0;
        this.faults.clear();
        this.hung.release();
    }

    async stop(): Promise<void> {
        this.hung.release();
        await closeLocally(this.server);
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        whenBodyRead(req, (body) => {
            const path = (req.url ?? "").split("?")[0];
            const form = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
            this.requests.push({ path, method: req.method ?? "", contentType: req.headers["content-type"], form, at: Date.now() - this.started });
            const fault = this.faults.next(path);
            if (fault !== undefined) return this.applyFault(fault, res);
            if (req.method !== "POST") return json(res, 405, errors("UNSUPPORTED", "POST only"));
            if (req.headers["content-type"] !== "application/x-www-form-urlencoded") return json(res, 400, errors("BAD_REQUEST", "form body expected"));
            if (path === "/oauth2/exchange") return this.exchange(form, res);
            if (path === "/oauth2/token") return this.token(form, res);
            if (path === this.pathOf("entra")) return this.entra(form, res);
            return json(res, 404, errors("NOT_FOUND", "no such endpoint"));
        });
    }

    private exchange(form: Record<string, string>, res: http.ServerResponse): void {
        const v = this.values;
        if (form.grant_type !== "access_token") return json(res, 400, errors("BAD_REQUEST", `unsupported grant_type ${form.grant_type}`));
        if (form.service !== v.loginServer) return json(res, 400, errors("BAD_REQUEST", `service must be ${v.loginServer}`));
        if (form.tenant !== v.tenantId || form.access_token !== v.entraToken) return json(res, 401, errors("UNAUTHORIZED", "invalid tenant or token"));
        json(res, 200, { refresh_token: v.refreshToken });
    }

    private token(form: Record<string, string>, res: http.ServerResponse): void {
        const v = this.values;
        if (form.grant_type !== "refresh_token") return json(res, 400, errors("BAD_REQUEST", `unsupported grant_type ${form.grant_type}`));
        if (form.service !== v.loginServer) return json(res, 400, errors("BAD_REQUEST", `service must be ${v.loginServer}`));
        if (!SCOPE.test(form.scope ?? "")) return json(res, 400, errors("BAD_REQUEST", "invalid scope"));
        if (form.refresh_token !== v.refreshToken) return json(res, 401, errors("UNAUTHORIZED", "invalid refresh token"));
        json(res, 200, { access_token: v.accessToken });
    }

    private entra(form: Record<string, string>, res: http.ServerResponse): void {
        const v = this.values;
        const oauthError = (status: number, error: string, description: string): void => json(res, status, { error, error_description: description });
        if (form.grant_type !== "client_credentials") return oauthError(400, "unsupported_grant_type", "AADSTS70003: unsupported grant type");
        if (form.client_id !== v.clientId) return oauthError(400, "unauthorized_client", "AADSTS700016: application not found in the directory");
        if (!form.scope?.endsWith("/.default")) return oauthError(400, "invalid_scope", "AADSTS70011: the scope must end in /.default");
        const bySecret = form.client_secret !== undefined && form.client_assertion === undefined;
        const byAssertion = form.client_assertion_type === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" && form.client_secret === undefined;
        if (bySecret ? form.client_secret !== v.clientSecret : !byAssertion || form.client_assertion !== v.federatedToken) {
            return oauthError(401, "invalid_client", `AADSTS7000215: invalid client secret provided. Trace ID: 00000000\nmore detail`);
        }
        json(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: v.entraToken });
    }

    private applyFault(fault: Fault, res: http.ServerResponse): void {
        switch (fault.kind) {
            case "status":
                res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
                res.end(fault.body ?? JSON.stringify(errors(String(fault.status), "injected")));
                return;
            case "hang":
                this.hung.hold(res);
                return;
            case "malformed":
                res.writeHead(200, { "content-type": "application/json" });
                res.end('{"refresh_token": "trunc');
                return;
            case "reset":
                res.socket?.destroy();
                return;
        }
    }
}

function errors(code: string, message: string): { errors: { code: string; message: string }[] } {
    return { errors: [{ code, message }] };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
}
