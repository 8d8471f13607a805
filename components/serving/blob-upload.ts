/**
 * Uploading a local model folder (or one file) to the serving workspace's default storage account
 * (pure apart from reading files and the injected {@link BlobClient}): where the files go (the one
 * container and prefix rule), the folder's content digest (what decides whether anything is
 * uploaded again), the upload itself and the delete of exactly what was uploaded.
 *
 * Why a container of its own: the workspace's default blob datastore (`workspaceblobstore`) points
 * at a container Azure names when it creates the workspace (`azureml-blobstore-<workspace GUID>`;
 * "az ml datastore": "A blob container is created in this account, and its connection information
 * is stored as a datastore named 'workspaceblobstore'", https://learn.microsoft.com/cli/azure/ml/datastore),
 * a GUID the program does not know before the workspace exists and azure-native does not output. A
 * container the program creates itself (azure-native `storage.BlobContainer`, management plane, no
 * keys) has a name known at plan time, and the model version names its files by their https URL,
 * which a model's `path` accepts ("CLI (v2) model YAML schema", https://learn.microsoft.com/azure/machine-learning/reference-yaml-model:
 * "the URI of a cloud path to the model file(s) ... either a file or a directory"; the supported
 * cloud URI types azureml, https, wasbs, abfss: "CLI (v2) data YAML schema").
 */
import { createHash } from "node:crypto";
// Named imports: a dynamic provider captures these, and Pulumi's serializer recognizes a built-in
// module only as the module object itself (not a namespace copy some transpilers make).
import { closeSync, lstatSync, openSync, promises as fsPromises, readdirSync, readSync, statSync, type Stats } from "node:fs";
import { basename, join } from "node:path";
import type { BlobClient } from "./blob-rest";
import { contextFiles } from "./build-context";

/**
 * Limits of an upload. Sizes: "Put Blob" takes at most 5000 MiB in one request and "Put Block"
 * 4000 MiB per block (versions 2019-12-12 and later), at most 50,000 blocks per blob; the toolkit
 * sends files up to 4 MiB in one Put Blob and larger ones in 4 MiB blocks (small requests retry
 * cheaply and need little memory). The file count and total size are the toolkit's own bounds (set
 * 2026-12-05): `pulumi up` uploads them on every change, and larger models belong in storage the
 * training job wrote (`path` or `datastore` + `datastorePath`).
 */
export const MODEL_UPLOAD_LIMITS = {
    /** Files up to this size go in one Put Blob; larger ones in blocks of this size. */
    blockBytes: 4 * 1024 * 1024,
    /** Most files in one folder. (One file may take 50,000 blocks of {@link blockBytes}, ~195 GiB; the total bound is lower.) */
    maxFiles: 10_000,
    /** Largest total size of a folder (10 GiB). */
    maxTotalBytes: 10 * 1024 * 1024 * 1024,
} as const;

/** The container of the uploaded model folders of a serving workspace: `models`, or `models-<team>` (a hub's projects share its account). */
export function modelUploadContainer(teamKey: string | undefined): string {
    return teamKey === undefined ? "models" : `models-${teamKey}`;
}

/** The blob prefix of one model version inside its container: `<model>/<version>/`. */
export function modelUploadPrefix(model: string, version: string): string {
    return `${model}/${version}/`;
}

/** The https URL of an uploaded folder, or of the one file when a file was uploaded (what the model version registers). */
export function modelUploadUri(accountName: string, storageSuffix: string, container: string, prefix: string, singleFile: string | undefined): string {
    return `https://${accountName}.blob.${storageSuffix}/${container}/${prefix}${singleFile ?? ""}`;
}

/** A storage account's name and resource group from its ARM ID. */
export function storageAccountOfId(id: string): { resourceGroupName: string; accountName: string } {
    const m = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i.exec(id);
    if (!m) throw new Error(`"${id}" is not a storage account ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>)`);
    return { resourceGroupName: m[1], accountName: m[2] };
}

/** One file to upload: its path relative to the folder (`/`-separated; the file name for a single file) and on disk. */
export interface UploadFile {
    readonly relative: string;
    readonly absolute: string;
    readonly size: number;
}

/** The files of `localPath` (a folder's files, sorted, the ignored folders of build-context.ts skipped; or the one file). */
export function uploadFiles(localPath: string): UploadFile[] {
    const stat = statSync(localPath);
    if (stat.isFile()) return [{ relative: basename(localPath), absolute: localPath, size: stat.size }];
    return contextFiles(localPath).map((relative) => {
        const absolute = join(localPath, ...relative.split("/"));
        return { relative, absolute, size: statSync(absolute).size };
    });
}

/** Reads a file in chunks of `chunkBytes` (never the whole file at once). */
function forEachChunk(absolute: string, chunkBytes: number, visit: (chunk: Buffer) => void): void {
    const fd = openSync(absolute, "r");
    try {
        const buffer = Buffer.alloc(chunkBytes);
        for (;;) {
            const read = readSync(fd, buffer, 0, chunkBytes, null);
            if (read === 0) break;
            visit(Buffer.from(buffer.subarray(0, read)));
        }
    } finally {
        closeSync(fd);
    }
}

/**
 * sha256 (hex) of `localPath`'s files: for each file in sorted order its relative path, its length
 * and its bytes (length-prefixed, so no two different trees hash the same stream). A file uploaded
 * alone hashes as a folder holding it. Unchanged files give the same digest: the upload's diff.
 */
export function folderDigest(localPath: string): string {
    const hash = createHash("sha256");
    for (const file of uploadFiles(localPath)) {
        hash.update(`\n${file.relative}\n${file.size}\n`);
        forEachChunk(file.absolute, MODEL_UPLOAD_LIMITS.blockBytes, (chunk) => hash.update(chunk));
    }
    return hash.digest("hex");
}

/**
 * {@link folderDigest}, reading through `fsPromises` file handles: what the provider uses (the
 * synchronous fd calls are patched by graceful-fs in some hosts, e.g. jest, and do not survive
 * Pulumi's function serialization there; the result is the same, which a test checks).
 */
export async function folderDigestAsync(localPath: string): Promise<string> {
    const hash = createHash("sha256");
    for (const file of uploadFiles(localPath)) {
        hash.update(`\n${file.relative}\n${file.size}\n`);
        await forEachChunkAsync(file.absolute, file.size, (chunk) => {
            hash.update(chunk);
            return Promise.resolve();
        });
    }
    return hash.digest("hex");
}

/** Reads a file of `size` bytes block by block ({@link MODEL_UPLOAD_LIMITS}.blockBytes), one block in memory at a time. */
async function forEachChunkAsync(absolute: string, size: number, visit: (chunk: Buffer, index: number, count: number) => Promise<void>): Promise<void> {
    const handle = await fsPromises.open(absolute, "r");
    try {
        const count = Math.ceil(size / MODEL_UPLOAD_LIMITS.blockBytes);
        for (let i = 0; i < count; i++) {
            const chunk = Buffer.alloc(Math.min(MODEL_UPLOAD_LIMITS.blockBytes, size - i * MODEL_UPLOAD_LIMITS.blockBytes));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, i * MODEL_UPLOAD_LIMITS.blockBytes);
            if (bytesRead !== chunk.length) throw new Error(`${absolute} changed while it was read (expected ${size} bytes)`);
            await visit(chunk, i, count);
        }
    } finally {
        await handle.close();
    }
}

/** Why `localPath` cannot be uploaded (missing, empty, a link, too big), or undefined. */
export function uploadSourceProblem(localPath: string): string | undefined {
    let stat: Stats;
    try {
        stat = lstatSync(localPath);
    } catch {
        return "does not exist";
    }
    if (stat.isSymbolicLink()) return "is a symbolic link (name the folder or file itself)";
    if (!stat.isDirectory() && !stat.isFile()) return "is neither a folder nor a file";
    if (stat.isDirectory()) {
        const links: string[] = [];
        const walk = (rel: string): void => {
            for (const entry of readdirSync(join(localPath, rel), { withFileTypes: true })) {
                const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
                if (entry.isSymbolicLink()) links.push(child);
                else if (entry.isDirectory()) walk(child);
            }
        };
        walk("");
        // A link could point outside the stack folder (or loop); contextFiles would skip it silently.
        if (links.length > 0) return `holds symbolic links (${links.slice(0, 3).join(", ")}${links.length > 3 ? ", ..." : ""}), which are not uploaded`;
    }
    const files = uploadFiles(localPath);
    if (files.length === 0) return "holds no files";
    if (files.length > MODEL_UPLOAD_LIMITS.maxFiles) return `holds ${files.length} files, more than the ${MODEL_UPLOAD_LIMITS.maxFiles} an upload takes`;
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > MODEL_UPLOAD_LIMITS.maxTotalBytes) return `holds ${(total / 2 ** 30).toFixed(1)} GiB, more than the ${MODEL_UPLOAD_LIMITS.maxTotalBytes / 2 ** 30} GiB an upload takes`;
    return undefined;
}

/** The block ID of block `index` (0-based): same length for every block of a blob, base64 of at most 64 bytes. */
export function blockId(index: number): string {
    return Buffer.from(`block-${String(index).padStart(6, "0")}`).toString("base64");
}

/** What an upload did. */
export interface UploadResult {
    /** Digest of what was uploaded. */
    readonly digest: string;
    /** Blob names uploaded, sorted (the delete removes exactly these). */
    readonly blobs: string[];
    /** Total bytes. */
    readonly bytes: number;
}

/**
 * Uploads every file of `localPath` under `prefix` of `container`. Refuses (before any request) a
 * folder whose digest is not `expectedDigest`: it changed between the plan and the update, so what
 * would be uploaded is not what was planned.
 */
export async function uploadFolder(client: BlobClient, container: string, prefix: string, localPath: string, expectedDigest: string): Promise<UploadResult> {
    const problem = uploadSourceProblem(localPath);
    if (problem !== undefined) throw new Error(`${localPath} ${problem}`);
    const digest = await folderDigestAsync(localPath);
    if (digest !== expectedDigest) throw new Error(`${localPath} changed since the plan (content digest ${digest.slice(0, 12)}, planned ${expectedDigest.slice(0, 12)}): run pulumi up again`);
    const files = uploadFiles(localPath);
    const blobs: string[] = [];
    let bytes = 0;
    for (const file of files) {
        const blob = `${prefix}${file.relative}`;
        const whole = createHash("md5");
        if (file.size <= MODEL_UPLOAD_LIMITS.blockBytes) {
            let body: Buffer = Buffer.alloc(0);
            await forEachChunkAsync(file.absolute, file.size, (chunk) => {
                body = chunk;
                return Promise.resolve();
            });
            await client.putBlob(container, blob, body, whole.update(body).digest("base64"));
        } else {
            // One block in memory at a time, read at its offset.
            const ids: string[] = [];
            await forEachChunkAsync(file.absolute, file.size, async (chunk, i, count) => {
                whole.update(chunk);
                const id = blockId(i);
                await client.putBlock(container, blob, id, chunk, createHash("md5").update(chunk).digest("base64"), `put block ${i + 1} of ${count}`);
                ids.push(id);
            });
            await client.putBlockList(container, blob, ids, whole.digest("base64"));
        }
        blobs.push(blob);
        bytes += file.size;
    }
    return { digest, blobs: blobs.sort(), bytes };
}

/** Deletes `blobs` of `container` (one missing is already done). */
export async function deleteBlobs(client: BlobClient, container: string, blobs: readonly string[]): Promise<void> {
    for (const blob of blobs) await client.deleteBlob(container, blob);
}
