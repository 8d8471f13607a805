/**
 * A small client of the Blob service data plane (block blobs only) over node's built-in `fetch`,
 * authenticated with a Microsoft Entra ID token: the toolkit's storage accounts have shared key
 * access disabled, so neither the account key nor a SAS signed with it is available.
 *
 * Sources (read 2026-12-05):
 * - "Authorize access to blobs using Microsoft Entra ID"
 *   (https://learn.microsoft.com/azure/storage/blobs/authorize-access-azure-active-directory) and
 *   "Authorize with Microsoft Entra ID" (https://learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory):
 *   `Authorization: Bearer <token>` for the resource `https://storage.azure.com/` (scope
 *   `https://storage.azure.com/.default`), `x-ms-version` 2017-11-09 or later; writing needs
 *   Storage Blob Data Contributor (or Owner) on the account or container.
 * - "Put Blob" (https://learn.microsoft.com/rest/api/storageservices/put-blob):
 *   `PUT https://<account>.blob.core.windows.net/<container>/<blob>`, `x-ms-blob-type: BlockBlob`,
 *   `Content-Length`, optional `Content-MD5` (checked by the service, 400 when it differs) and
 *   `x-ms-blob-content-md5` (stored as the blob's MD5); answers 201 Created; replaces an existing blob.
 * - "Put Block" (https://learn.microsoft.com/rest/api/storageservices/put-block): `?comp=block&blockid=<base64>`,
 *   block IDs of one blob all of the same length (at most 64 bytes before encoding), block size at most
 *   4000 MiB since 2019-12-12, `Content-MD5` checked per block; answers 201.
 * - "Put Block List" (https://learn.microsoft.com/rest/api/storageservices/put-block-list):
 *   `?comp=blocklist`, body `<BlockList><Latest>id</Latest>...</BlockList>`, `x-ms-blob-content-md5`
 *   stored for the whole blob; answers 201.
 * - "Delete Blob" (https://learn.microsoft.com/rest/api/storageservices/delete-blob): answers 202; 404
 *   (BlobNotFound) when it is gone, which a delete treats as done.
 * - "Versioning for Azure Storage" (https://learn.microsoft.com/rest/api/storageservices/versioning-for-the-azure-storage-services):
 *   2023-11-03 is a current service version (OAuth supported since 2017-11-09).
 *
 * Transport: the bounds and helpers of http-retry.ts (same {@link RetryPolicy}, Retry-After parsing,
 * redaction), bounded retries with exponential backoff and equal jitter on 408, 429, 5xx, network
 * errors and timeouts; any other answer is final. Every request here is idempotent (a Put replaces, a
 * block with the same ID replaces the uncommitted one, a repeated delete is a 404), so a retry after a
 * lost answer is safe. Messages name the account, container, blob, operation and status with the
 * Storage error code, never the token.
 */
import { bearerTokenFor, resolveRetryPolicy, unansweredAttempt, retryAfter, withRetries, type AttemptOutcome, type RetryPolicy, type TransportOptions } from "./http-retry";
import type { EntraTokenSource } from "./registry-auth";

/** The Blob service version of every request (supports OAuth; "Versioning for Azure Storage"). */
export const BLOB_API_VERSION = "2023-11-03";
/** The Entra ID scope of Azure Storage. */
export const STORAGE_ENTRA_SCOPE = "https://storage.azure.com/.default";
/** A storage account name: 3-24 lowercase letters and digits. */
export const STORAGE_ACCOUNT_PATTERN = /^[a-z0-9]{3,24}$/;
/** A container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit ("Naming and referencing containers, blobs, and metadata"). */
export const CONTAINER_NAME_PATTERN = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** How the client reaches one account; every field but the account, suffix and token source has a default. */
export interface BlobClientOptions extends TransportOptions {
    /** Storage account name (required). */
    readonly accountName: string;
    /** DNS suffix of storage endpoints, e.g. `core.windows.net` (required). */
    readonly storageSuffix: string;
    /** Entra ID tokens for {@link STORAGE_ENTRA_SCOPE} (required). */
    readonly tokenSource: EntraTokenSource;
    /** Base URL (default `https://<account>.blob.<suffix>`; `http://127.0.0.1:<port>` only, for a local fake). */
    readonly baseUrl?: string;
}

/**
 * A request that failed for good: a plain `Error` with the status and the Storage error code (not a
 * subclass: Pulumi's function serialization loses a subclass's message; see iothub-rest.ts).
 */
export interface BlobRequestError extends Error {
    /** HTTP status of the last answer, if any. */
    readonly status: number | undefined;
    /** Storage error code (`AuthorizationPermissionMismatch`, `Md5Mismatch`...), if the answer had one. */
    readonly code: string | undefined;
}

/** A {@link BlobRequestError}. */
export function blobRequestError(message: string, status: number | undefined, code: string | undefined): BlobRequestError {
    return Object.assign(new Error(message), { name: "BlobRequestError", status, code });
}

/** One request. */
interface BlobRequest {
    readonly method: "PUT" | "DELETE";
    readonly container: string;
    readonly blob: string;
    /** Query beyond the blob path (`comp=block&blockid=...`). */
    readonly query?: string;
    /** What is being done, for messages: `put blob`, `put block 3 of 7`. */
    readonly operation: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: Uint8Array | string;
    /** Statuses besides 2xx the caller handles itself (404 on delete). */
    readonly handled?: readonly number[];
}

/** One attempt's outcome: the final status, or why it failed (the shared retry loop's shape). */
type Attempt = AttemptOutcome<number>;

/** Encodes each path segment of a blob name (the `/` separators stay). */
export function encodeBlobName(blob: string): string {
    return blob.split("/").map(encodeURIComponent).join("/");
}

/** A client bound to one storage account. */
export class BlobClient {
    private readonly policy: RetryPolicy;
    private readonly baseUrl: string;

    constructor(private readonly options: BlobClientOptions) {
        if (!STORAGE_ACCOUNT_PATTERN.test(options.accountName)) {
            throw blobRequestError(`"${options.accountName}" is not a storage account name (3-24 lowercase letters and digits)`, undefined, undefined);
        }
        const policy = resolveRetryPolicy(options.retry);
        if ("problem" in policy) throw blobRequestError(policy.problem, undefined, undefined);
        this.policy = policy;
        const base = (options.baseUrl ?? `https://${options.accountName}.blob.${options.storageSuffix}`).replace(/\/+$/, "");
        // The bearer token only ever travels over TLS, except to a local fake.
        if (!base.startsWith("https://") && !/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
            throw blobRequestError(`blob endpoint must be https (got ${base})`, undefined, undefined);
        }
        this.baseUrl = base;
    }

    /** The account name, for messages. */
    get account(): string {
        return this.options.accountName;
    }

    /** Put Blob (BlockBlob) of one body, with its MD5 checked in transit and stored. */
    async putBlob(container: string, blob: string, body: Uint8Array, md5Base64: string): Promise<void> {
        await this.request({
            method: "PUT",
            container,
            blob,
            operation: "put blob",
            headers: { "x-ms-blob-type": "BlockBlob", "content-type": "application/octet-stream", "content-md5": md5Base64, "x-ms-blob-content-md5": md5Base64 },
            body,
        });
    }

    /** Put Block: one uncommitted block, its MD5 checked in transit. */
    async putBlock(container: string, blob: string, blockId: string, body: Uint8Array, md5Base64: string, operation: string): Promise<void> {
        await this.request({ method: "PUT", container, blob, query: `comp=block&blockid=${encodeURIComponent(blockId)}`, operation, headers: { "content-md5": md5Base64 }, body });
    }

    /** Put Block List: commits the blocks in order, storing the whole blob's MD5. */
    async putBlockList(container: string, blob: string, blockIds: readonly string[], md5Base64: string): Promise<void> {
        const xml = `<?xml version="1.0" encoding="utf-8"?><BlockList>${blockIds.map((id) => `<Latest>${id}</Latest>`).join("")}</BlockList>`;
        await this.request({
            method: "PUT",
            container,
            blob,
            query: "comp=blocklist",
            operation: "put block list",
            headers: { "content-type": "application/xml", "x-ms-blob-content-type": "application/octet-stream", "x-ms-blob-content-md5": md5Base64 },
            body: xml,
        });
    }

    /** Delete Blob; resolves to false when it did not exist. */
    async deleteBlob(container: string, blob: string): Promise<boolean> {
        const status = await this.request({ method: "DELETE", container, blob, operation: "delete blob", handled: [404] });
        return status !== 404;
    }

    /** Make a request with the retry policy; resolves to the final 2xx or handled status. */
    private async request(request: BlobRequest): Promise<number> {
        const label = `storage account ${this.account}, container ${request.container}, blob ${request.blob}: ${request.operation}`;
        const token = await bearerTokenFor(this.options.tokenSource, STORAGE_ENTRA_SCOPE, label, (message) => blobRequestError(message, undefined, undefined));
        const secrets = [token];
        const url = `${this.baseUrl}/${request.container}/${encodeBlobName(request.blob)}${request.query ? `?${request.query}` : ""}`;
        const { value } = await withRetries(
            (timeoutMs) => this.attempt(url, request, token, timeoutMs),
            { label, target: this.account, step: request.operation, secrets, hint },
            this.policy,
            this.options,
            (f) => blobRequestError(f.message, f.status, f.code),
        );
        return value;
    }

    private async attempt(url: string, request: BlobRequest, token: string, timeoutMs: number): Promise<Attempt> {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            const headers: Record<string, string> = { authorization: `Bearer ${token}`, "x-ms-version": BLOB_API_VERSION, "x-ms-date": new Date().toUTCString(), ...request.headers };
            const response = await (this.options.fetch ?? fetch)(url, {
                method: request.method,
                headers,
                ...(request.body !== undefined ? { body: request.body } : {}),
                signal: controller.signal,
                // Never follow a redirect: it would carry the token elsewhere.
                redirect: "manual",
            });
            const text = await response.text();
            if ((response.status >= 200 && response.status < 300) || (request.handled ?? []).includes(response.status)) return { done: true, value: response.status };
            const code = response.headers.get("x-ms-error-code") ?? /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? undefined;
            const reason = `HTTP ${response.status}${code !== undefined ? ` (${code})` : ""}`;
            const retry = response.status === 408 || response.status === 429 || response.status >= 500;
            const wait = retry ? retryAfter(response.headers.get("retry-after")) : undefined;
            return { done: false, retry, status: response.status, ...(code !== undefined ? { code } : {}), reason, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
        } catch (err) {
            return unansweredAttempt(err, controller.signal, timeoutMs);
        } finally {
            clearTimeout(timer);
        }
    }
}

/** What to do about a final answer. */
function hint(status: number | undefined): string {
    if (status === 401 || status === 403) return ": the deploying identity needs Storage Blob Data Contributor on the account (or the container), and network line of sight to its blob endpoint when public network access is disabled";
    if (status === 404) return ": the container does not exist (it is created by the program before the upload)";
    if (status === 400) return ": the service refused the request (an MD5 mismatch means the file changed while it was read)";
    return "";
}
