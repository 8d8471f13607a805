/**
 * The local HTTP server under each fake service of the tests (registry, IoT Hub, Blob): bound to
 * 127.0.0.1 on a port the OS picks, addressed as `http://127.0.0.1:<port>`, and stopped with its
 * open connections (a hung answer must not keep jest waiting).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** A server for `handler`, listening on 127.0.0.1. */
export async function listenLocally(handler: http.RequestListener): Promise<http.Server> {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return server;
}

/** `http://127.0.0.1:<port>` of a listening server. */
export function localEndpoint(server: http.Server): string {
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server and every connection still open. */
export async function closeLocally(server: http.Server): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}

/** Faults queued per request kind (operation, route, path), taken in order by the requests that follow. */
export class FaultQueues<F> {
    private readonly queues = new Map<string, F[]>();

    /** Queue `faults` for the next requests of `key`. */
    inject(key: string, ...faults: F[]): void {
        this.queues.set(key, [...(this.queues.get(key) ?? []), ...faults]);
    }

    /** The next fault for a request of `key`, if one is queued. */
    next(key: string): F | undefined {
        return this.queues.get(key)?.shift();
    }

    /** Forget every queued fault. */
    clear(): void {
        this.queues.clear();
    }
}

/** Answers a fake holds without replying (a "hang" fault), ended on reset or stop. */
export class HungAnswers {
    private readonly held: http.ServerResponse[] = [];

    /** Keep `res` open without answering. */
    hold(res: http.ServerResponse): void {
        this.held.push(res);
    }

    /** End every held answer. */
    release(): void {
        for (const res of this.held.splice(0)) res.destroy();
    }
}

/** Calls `onBody` with the request's whole body once it has arrived. */
export function whenBodyRead(req: http.IncomingMessage, onBody: (body: Buffer) => void): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => onBody(Buffer.concat(chunks)));
}
