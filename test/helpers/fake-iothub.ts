/**
 * A local fake of the IoT Hub service data plane for the edge provider tests: node's http server on
 * 127.0.0.1 and a random port, the device identity (`/devices/{id}`) and configuration
 * (`/configurations/{id}`) endpoints as the REST reference describes them (api-version 2021-04-12,
 * bearer token, If-Match: none on create, 409 when it exists, 412 on a stale ETag, `*` matches any,
 * 404 when absent, configuration content immutable), hub-generated symmetric keys and ETags.
 * Faults are queued per route (`PUT /devices`, `GET /configurations`...) and consumed one per
 * request; a fault may let the request through first (`after: "apply"`: the change lands, then the
 * answer fails), which is how a lost answer looks to a client. Every request is counted per route,
 * so a test asserts exact request counts (a retry storm fails it).
 */
import { randomBytes } from "node:crypto";
import * as http from "node:http";
import { closeLocally, FaultQueues, HungAnswers, listenLocally, localEndpoint, whenBodyRead } from "./local-http";

/** What the fake does instead of answering normally, for one request. */
export type HubFault =
    | { readonly kind: "status"; readonly status: number; readonly code?: string; readonly headers?: Readonly<Record<string, string>>; readonly after?: "apply" }
    /** Never answer (the client's timeout must end it); with `after: "apply"` the change lands first. */
    | { readonly kind: "hang"; readonly after?: "apply" };

/** A route: method and collection, e.g. `PUT /devices`. */
export type HubRoute = `${"GET" | "PUT" | "DELETE"} /${"devices" | "configurations"}`;

/** One recorded request. */
export interface HubRequestRecord {
    readonly route: string;
    readonly id: string;
    readonly ifMatch: string | undefined;
    readonly body: unknown;
}

type Stored = Record<string, unknown> & { etag: string };

/** A running fake hub. */
export class FakeIotHub {
    readonly requests: HubRequestRecord[] = [];
    readonly devices = new Map<string, Stored>();
    readonly configurations = new Map<string, Stored>();
    private readonly faults = new FaultQueues<HubFault>();
    private readonly hung = new HungAnswers();
    private etagCounter = 0;

    private constructor(
        private readonly server: http.Server,
        /** The one bearer token the fake accepts. */
        readonly token: string,
    ) {}

    /** Start on 127.0.0.1, a port the OS picks. */
    static async start(token: string): Promise<FakeIotHub> {
        let fake: FakeIotHub | undefined;
        const server = await listenLocally((req, res) => fake!.handle(req, res));
        fake = new FakeIotHub(server, token);
        return fake;
    }

    /** `http://127.0.0.1:<port>`. */
    get endpoint(): string {
        return localEndpoint(this.server);
    }

    /** Queue faults for the next requests on `route`, in order. */
    inject(route: HubRoute, ...faults: HubFault[]): void {
        this.faults.inject(route, ...faults);
    }

    /** Requests received on `route`. */
    count(route: HubRoute): number {
        return this.requests.filter((r) => r.route === route).length;
    }

    /** Change a stored object as someone else would (new ETag): a concurrent writer. */
    tamper(collection: "devices" | "configurations", id: string, change: Record<string, unknown>): void {
        const store = collection === "devices" ? this.devices : this.configurations;
        const current = store.get(id);
        if (current === undefined) throw new Error(`no ${collection} ${id}`);
        store.set(id, { ...current, ...change, etag: this.nextEtag() });
    }

    /** Forget requests, objects and faults; end hung answers. */
    reset(): void {
        this.requests.length = 0;
        this.devices.clear();
        this.configurations.clear();
        this.faults.clear();
        this.hung.release();
    }

    async stop(): Promise<void> {
        this.hung.release();
        await closeLocally(this.server);
    }

    private nextEtag(): string {
        this.etagCounter += 1;
        return Buffer.from(`etag-${this.etagCounter}`).toString("base64");
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        whenBodyRead(req, (raw) => {
            const url = new URL(req.url ?? "/", "http://127.0.0.1");
            const match = /^\/(devices|configurations)\/([^/]+)$/.exec(url.pathname);
            const method = req.method ?? "";
            const route = match ? `${method} /${match[1]}` : `${method} ${url.pathname}`;
            const id = match ? decodeURIComponent(match[2]) : "";
            const text = raw.toString("utf8");
            let body: unknown = undefined;
            try {
                body = text === "" ? undefined : (JSON.parse(text) as unknown);
            } catch {
                return error(res, 400, "ArgumentInvalid", "body is not JSON");
            }
            const ifMatch = req.headers["if-match"];
            this.requests.push({ route, id, ifMatch, body });
            if (req.headers.authorization !== `Bearer ${this.token}`) return error(res, 401, "IotHubUnauthorizedAccess", "Unauthorized");
            if (url.searchParams.get("api-version") !== "2021-04-12") return error(res, 400, "InvalidProtocolVersion", "api-version 2021-04-12 expected");
            if (match === null) return error(res, 404, "NotFound", "no such endpoint");
            const fault = this.faults.next(route);
            if (fault !== undefined && fault.after !== "apply") return this.applyFault(fault, res);
            const answer = this.answer(method, match[1] as "devices" | "configurations", id, ifMatch, body);
            if (fault !== undefined) return this.applyFault(fault, res);
            res.writeHead(answer.status, { "content-type": "application/json", ...(answer.etag !== undefined ? { etag: `"${answer.etag}"` } : {}), ...(answer.code !== undefined ? { "iothub-errorcode": answer.code } : {}) });
            res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
        });
    }

    /** The hub's behaviour for one request. */
    private answer(method: string, collection: "devices" | "configurations", id: string, ifMatch: string | undefined, body: unknown): { status: number; body?: unknown; etag?: string; code?: string } {
        const store = collection === "devices" ? this.devices : this.configurations;
        const current = store.get(id);
        const fail = (status: number, code: string, message: string): { status: number; body: unknown; code: string } => ({ status, code, body: { Message: `ErrorCode:${code};${message}`, ExceptionMessage: "" } });
        const etagMatches = (value: string | undefined): boolean => value === "*" || (current !== undefined && value?.replace(/^"|"$/g, "") === current.etag);
        if (method === "GET") return current === undefined ? fail(404, collection === "devices" ? "DeviceNotFound" : "ConfigurationNotFound", `${id} not found`) : { status: 200, body: current, etag: current.etag };
        if (method === "DELETE") {
            if (current === undefined) return fail(404, collection === "devices" ? "DeviceNotFound" : "ConfigurationNotFound", `${id} not found`);
            if (ifMatch === undefined) return fail(400, "ArgumentNull", "If-Match is required");
            if (!etagMatches(ifMatch)) return fail(412, "PreconditionFailed", "ETag mismatch");
            store.delete(id);
            return { status: 204 };
        }
        if (method !== "PUT") return fail(405, "MethodNotAllowed", method);
        const b = (body ?? {}) as Record<string, unknown>;
        if ((b[collection === "devices" ? "deviceId" : "id"] ?? id) !== id) return fail(400, "ArgumentInvalid", "the ID in the body differs from the path");
        if (current === undefined) {
            if (ifMatch !== undefined && ifMatch !== "*") return fail(412, "PreconditionFailed", "no such object to update");
        } else {
            if (ifMatch === undefined) return fail(409, collection === "devices" ? "DeviceAlreadyExists" : "ConfigurationAlreadyExists", `${id} already exists`);
            if (!etagMatches(ifMatch)) return fail(412, "PreconditionFailed", "ETag mismatch");
        }
        const etag = this.nextEtag();
        let stored: Stored;
        if (collection === "devices") {
            const auth = (b.authentication ?? {}) as { type?: string; symmetricKey?: { primaryKey?: string | null; secondaryKey?: string | null } };
            const authentication =
                auth.type === "sas"
                    ? { ...auth, symmetricKey: { primaryKey: auth.symmetricKey?.primaryKey ?? randomBytes(32).toString("base64"), secondaryKey: auth.symmetricKey?.secondaryKey ?? randomBytes(32).toString("base64") } }
                    : auth;
            stored = { ...b, authentication, etag, generationId: (current?.generationId as string | undefined) ?? `6390${this.etagCounter}`, connectionState: "Disconnected" };
        } else {
            if (current !== undefined && JSON.stringify(current.content) !== JSON.stringify(b.content)) return fail(400, "ArgumentInvalid", "Configuration content cannot be updated");
            stored = { ...b, etag, createdTimeUtc: (current?.createdTimeUtc as string | undefined) ?? "2026-12-04T00:00:00Z", systemMetrics: { results: {}, queries: {} } };
        }
        store.set(id, stored);
        return { status: current === undefined && collection === "configurations" ? 201 : 200, body: stored, etag };
    }

    private applyFault(fault: HubFault, res: http.ServerResponse): void {
        if (fault.kind === "hang") {
            this.hung.hold(res);
            return;
        }
        const code = fault.code ?? (fault.status === 429 ? "ThrottlingException" : fault.status >= 500 ? "ServerError" : "Injected");
        res.writeHead(fault.status, { "content-type": "application/json", "iothub-errorcode": code, ...fault.headers });
        res.end(JSON.stringify({ Message: `ErrorCode:${code};injected`, ExceptionMessage: "" }));
    }
}

function error(res: http.ServerResponse, status: number, code: string, message: string): void {
    res.writeHead(status, { "content-type": "application/json", "iothub-errorcode": code });
    res.end(JSON.stringify({ Message: `ErrorCode:${code};${message}`, ExceptionMessage: "" }));
}
