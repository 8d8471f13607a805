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
