/**
 * A local fake of an Azure container registry's token endpoints, for the registry authentication
 * tests: node's http server on 127.0.0.1 and a random port, `POST /oauth2/exchange` and
 * `POST /oauth2/token` as "Azure Container Registry integration with Azure Active Directory"
 * (https://github.com/Azure/acr/blob/main/docs/AAD-OAuth.md) describes them, each form field
 * checked. Faults are queued per endpoint and consumed one per request; every request is recorded,
 * so a test asserts exact request counts (a retry storm fails it).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

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
}

const SCOPE = /^repository:[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*:(?:pull|pull,push)$/;

/** A running fake registry. */
export class FakeRegistry {
    readonly requests: RecordedRequest[] = [];
    private readonly faults: Record<string, Fault[]> = { "/oauth2/exchange": [], "/oauth2/token": [] };
    private readonly hung: http.ServerResponse[] = [];
    private readonly started = Date.now();
    private constructor(
        private readonly server: http.Server,
        readonly values: FakeRegistryValues,
    ) {}

    /** Start on 127.0.0.1, a port the OS picks. */
    static async start(values: FakeRegistryValues): Promise<FakeRegistry> {
        let fake: FakeRegistry | undefined;
        const server = http.createServer((req, res) => fake!.handle(req, res));
        fake = new FakeRegistry(server, values);
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        return fake;
    }

    /** `http://127.0.0.1:<port>`. */
    get endpoint(): string {
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    /** Queue faults for the next requests to `/oauth2/<step>`, in order. */
    inject(step: "exchange" | "token", ...faults: Fault[]): void {
        this.faults[`/oauth2/${step}`].push(...faults);
    }

    /** Requests to `/oauth2/<step>`. */
    count(step: "exchange" | "token"): number {
        return this.requests.filter((r) => r.path === `/oauth2/${step}`).length;
    }

    /** Forget requests and queued faults; end hung answers. */
    reset(): void {
        this.requests.length = 0;
        for (const queue of Object.values(this.faults)) queue.length = 0;
        this.releaseHung();
    }

    async stop(): Promise<void> {
        this.releaseHung();
        this.server.closeAllConnections();
        await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
    }

    private releaseHung(): void {
        for (const res of this.hung.splice(0)) res.destroy();
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const path = (req.url ?? "").split("?")[0];
            const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
            this.requests.push({ path, method: req.method ?? "", contentType: req.headers["content-type"], form, at: Date.now() - this.started });
            const fault = this.faults[path]?.shift();
            if (fault !== undefined) return this.applyFault(fault, res);
            if (req.method !== "POST") return json(res, 405, errors("UNSUPPORTED", "POST only"));
            if (req.headers["content-type"] !== "application/x-www-form-urlencoded") return json(res, 400, errors("BAD_REQUEST", "form body expected"));
            if (path === "/oauth2/exchange") return this.exchange(form, res);
            if (path === "/oauth2/token") return this.token(form, res);
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

    private applyFault(fault: Fault, res: http.ServerResponse): void {
        switch (fault.kind) {
            case "status":
                res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
                res.end(fault.body ?? JSON.stringify(errors(String(fault.status), "injected")));
                return;
            case "hang":
                this.hung.push(res);
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
