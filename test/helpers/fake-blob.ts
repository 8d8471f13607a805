/**
 * A local fake of the Blob service data plane (block blobs) for the model upload tests: node's
 * http server on 127.0.0.1 and a random port, path `/<container>/<blob>` as the REST reference
 * describes it for one account (components/serving/blob-rest.ts cites the pages): bearer token
 * (401 otherwise), `x-ms-version` of at least 2017-11-09 (OAuth; 403 otherwise, as the service
 * refuses a bearer token with an older version), Put Blob (`x-ms-blob-type: BlockBlob`, Content-MD5
 * checked: 400 Md5Mismatch), Put Block (`comp=block&blockid=`, block IDs of one blob of equal
 * length), Put Block List (`comp=blocklist`, commits the named blocks in order, each the
 * uncommitted block of that ID or else the committed one, 400 InvalidBlockList for an unknown one), Delete Blob (202, 404 BlobNotFound), 404 ContainerNotFound
 * for a container it was not told about. Faults are queued per operation (`put blob`, `put block`,
 * `put block list`, `delete blob`) and consumed one per request; `after: "apply"` lets the request
 * land first (a lost answer). Every request is recorded.
 */
import { createHash } from "node:crypto";
import * as http from "node:http";
import { closeLocally, FaultQueues, HungAnswers, listenLocally, localEndpoint, whenBodyRead } from "./local-http";

/** One operation of the fake. */
export type BlobOperation = "put blob" | "put block" | "put block list" | "delete blob";

/** What the fake does instead of answering normally, for one request. */
export type BlobFault =
    | { readonly kind: "status"; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly after?: "apply" }
    /** Never answer (the client's timeout must end it). */
    | { readonly kind: "hang"; readonly after?: "apply" };

/** One recorded request. */
export interface BlobRequestRecord {
    readonly operation: string;
    readonly container: string;
    readonly blob: string;
    readonly version: string | undefined;
    readonly authorization: string | undefined;
}

/** A running fake Blob service. */
export class FakeBlobService {
    readonly requests: BlobRequestRecord[] = [];
    /** Committed blobs by `<container>/<blob>`, with their stored MD5 header. */
    readonly blobs = new Map<string, { body: Buffer; md5: string | undefined }>();
    private readonly uncommitted = new Map<string, Map<string, Buffer>>();
    /** The committed block list of each blob written by Put Block List. */
    private readonly committed = new Map<string, Map<string, Buffer>>();
    private readonly faults = new FaultQueues<BlobFault>();
    private readonly hung = new HungAnswers();

    private constructor(
        private readonly server: http.Server,
        /** The one bearer token the fake accepts. */
        readonly token: string,
        /** Containers that exist. */
        readonly containers: Set<string>,
    ) {}

    /** Start on 127.0.0.1, a port the OS picks. */
    static async start(token: string, containers: readonly string[]): Promise<FakeBlobService> {
        let fake: FakeBlobService | undefined;
        const server = await listenLocally((req, res) => fake!.handle(req, res));
        fake = new FakeBlobService(server, token, new Set(containers));
        return fake;
    }

    /** `http://127.0.0.1:<port>`. */
    get endpoint(): string {
        return localEndpoint(this.server);
    }

    /** Queue faults for the next requests of `operation`, in order. */
    inject(operation: BlobOperation, ...faults: BlobFault[]): void {
        this.faults.inject(operation, ...faults);
    }

    /** Requests received for `operation`. */
    count(operation: BlobOperation): number {
        return this.requests.filter((r) => r.operation === operation).length;
    }

    /** Committed blob names of a container, sorted. */
    list(container: string): string[] {
        return [...this.blobs.keys()].filter((k) => k.startsWith(`${container}/`)).map((k) => k.slice(container.length + 1)).sort();
    }

    /** Forget requests, blobs and faults; end hung answers. */
    reset(): void {
        this.requests.length = 0;
        this.blobs.clear();
        this.uncommitted.clear();
        this.committed.clear();
        this.faults.clear();
        this.hung.release();
    }

    async stop(): Promise<void> {
        this.hung.release();
        await closeLocally(this.server);
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        whenBodyRead(req, (body) => {
            const url = new URL(req.url ?? "/", "http://127.0.0.1");
            const [, container = "", ...rest] = url.pathname.split("/");
            const blob = rest.map(decodeURIComponent).join("/");
            const comp = url.searchParams.get("comp");
            const method = req.method ?? "";
            const operation = method === "DELETE" ? "delete blob" : comp === "block" ? "put block" : comp === "blocklist" ? "put block list" : method === "PUT" ? "put blob" : `${method} ${comp ?? ""}`;
            const version = req.headers["x-ms-version"] as string | undefined;
            this.requests.push({ operation, container, blob, version, authorization: req.headers.authorization });
            if (req.headers.authorization !== `Bearer ${this.token}`) return error(res, 401, "InvalidAuthenticationInfo");
            if (version === undefined || version < "2017-11-09") return error(res, 403, "AuthenticationFailed");
            if (!this.containers.has(container)) return error(res, 404, "ContainerNotFound");
            const fault = this.faults.next(operation);
            if (fault !== undefined && fault.after !== "apply") return this.applyFault(fault, res);
            const status = this.answer(operation, `${container}/${blob}`, url, req.headers, body);
            if (fault !== undefined) return this.applyFault(fault, res);
            if (typeof status === "string") return error(res, Number(status.split(" ")[0]), status.split(" ")[1]);
            res.writeHead(status, { "x-ms-version": version });
            res.end();
        });
    }

    /** The service's behaviour: a 2xx status, or `<status> <code>`. */
    private answer(operation: string, key: string, url: URL, headers: http.IncomingHttpHeaders, body: Buffer): number | string {
        const md5 = createHash("md5").update(body).digest("base64");
        const sentMd5 = headers["content-md5"] as string | undefined;
        if (operation === "put blob") {
            if (headers["x-ms-blob-type"] !== "BlockBlob") return "400 InvalidHeaderValue";
            if (sentMd5 !== undefined && sentMd5 !== md5) return "400 Md5Mismatch";
            this.blobs.set(key, { body, md5: headers["x-ms-blob-content-md5"] as string | undefined });
            this.uncommitted.delete(key);
            this.committed.delete(key);
            return 201;
        }
        if (operation === "put block") {
            const id = url.searchParams.get("blockid") ?? "";
            if (sentMd5 !== undefined && sentMd5 !== md5) return "400 Md5Mismatch";
            const blocks = this.uncommitted.get(key) ?? new Map<string, Buffer>();
            const other = [...blocks.keys()][0];
            if (id === "" || (other !== undefined && other.length !== id.length)) return "400 InvalidBlockId";
            blocks.set(id, body);
            this.uncommitted.set(key, blocks);
            return 201;
        }
        if (operation === "put block list") {
            const ids = [...body.toString("utf8").matchAll(/<Latest>([^<]+)<\/Latest>/g)].map((m) => m[1]);
            // <Latest>: the uncommitted block of that ID, else the committed one ("Put Block List"),
            // which is what makes a repeated commit (its first answer lost) succeed.
            const uncommitted = this.uncommitted.get(key) ?? new Map<string, Buffer>();
            const committed = this.committed.get(key) ?? new Map<string, Buffer>();
            const latest = (id: string): Buffer | undefined => uncommitted.get(id) ?? committed.get(id);
            if (ids.some((id) => latest(id) === undefined)) return "400 InvalidBlockList";
            const list = new Map(ids.map((id) => [id, latest(id)!]));
            this.blobs.set(key, { body: Buffer.concat([...list.values()]), md5: headers["x-ms-blob-content-md5"] as string | undefined });
            this.committed.set(key, list);
            this.uncommitted.delete(key);
            return 201;
        }
        if (operation === "delete blob") {
            if (!this.blobs.has(key)) return "404 BlobNotFound";
            this.blobs.delete(key);
            this.committed.delete(key);
            return 202;
        }
        return "400 UnsupportedHttpVerb";
    }

    private applyFault(fault: BlobFault, res: http.ServerResponse): void {
        if (fault.kind === "hang") {
            this.hung.hold(res);
            return;
        }
        const code = fault.status === 429 ? "TooManyRequests" : fault.status === 503 ? "ServerBusy" : fault.status >= 500 ? "InternalError" : "Injected";
        res.writeHead(fault.status, { "x-ms-error-code": code, ...fault.headers });
        res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>injected</Message></Error>`);
    }
}

function error(res: http.ServerResponse, status: number, code: string): void {
    res.writeHead(status, { "x-ms-error-code": code, "content-type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}
