/**
 * The model folder upload provider (components/serving/blob-upload-dynamic.ts) against a local fake
 * Blob service (test/helpers/fake-blob.ts): create (Put Blob for small files, Put Block + Put Block
 * List for a file over 4 MiB, MD5s, bearer token and x-ms-version on every request), the diff (an
 * unchanged folder is a no-op, the local path alone is no change, a changed folder an update,
 * another container a replacement), an update re-uploading and deleting what left the folder, a
 * delete removing exactly its blobs, and the faults: throttling and server errors retried within
 * bounds, a hung answer timed out, a refusal final with a message naming account, container, blob
 * and status but never the token, a folder changed since the plan refused before any request.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { modelFolderUploadProvider, type BlobUploadProviderRuntime } from "../../../components/serving/blob-upload-dynamic";
import { folderDigest, folderDigestAsync, MODEL_UPLOAD_LIMITS } from "../../../components/serving/blob-upload";
import { BLOB_API_VERSION } from "../../../components/serving/blob-rest";
import { FakeBlobService } from "../../helpers/fake-blob";

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3N0b3JhZ2UuYXp1cmUuY29tIn0.c2lnbmF0dXJl";
let fake: FakeBlobService;
let dir: string;
const large = Buffer.alloc(MODEL_UPLOAD_LIMITS.blockBytes * 2 + 1000, 7);

beforeAll(async () => {
    fake = await FakeBlobService.start(TOKEN, ["models"]);
});
afterAll(async () => {
    await fake.stop();
});
beforeEach(() => {
    fake.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "upload-"));
    fs.mkdirSync(path.join(dir, "weights"));
    fs.writeFileSync(path.join(dir, "model.json"), '{"kind":"sample"}');
    fs.writeFileSync(path.join(dir, "weights", "big.bin"), large);
    fs.writeFileSync(path.join(dir, "weights", "small bin.txt"), "small");
});

const runtime = (over: Partial<BlobUploadProviderRuntime["transport"]> = {}): BlobUploadProviderRuntime => ({
    tokenSource: async () => TOKEN,
    baseUrl: fake.endpoint,
    transport: { retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 50, requestTimeoutMs: 300, totalTimeoutMs: 4000 }, random: () => 0, ...over },
});
const inputsFor = (localPath: string) => ({ accountName: "stamldev", storageSuffix: "core.windows.net", container: "models", prefix: "churn/1/", localPath, contentDigest: folderDigest(localPath), tokenSource: "auto" as const });
const md5 = (b: Buffer | string): string => createHash("md5").update(b).digest("base64");

describe("create", () => {
    it("uploads every file under the prefix, small ones in one Put Blob, a large one in blocks, with MD5s, bearer token and x-ms-version", async () => {
        const provider = modelFolderUploadProvider(runtime());
        const checked = await provider.check!({} as never, inputsFor(dir));
        expect(checked.failures).toEqual([]);
        const created = await provider.create(checked.inputs!);
        const outs = created.outs!;
        expect(created.id).toBe("stamldev/models/churn/1/");
        expect(outs.blobs).toEqual(["churn/1/model.json", "churn/1/weights/big.bin", "churn/1/weights/small bin.txt"]);
        expect(outs.bytes).toBe(large.length + 17 + 5);
        expect(fake.list("models")).toEqual(outs.blobs);
        // Buffer.equals, not toEqual: jest compares 8 MiB element by element in seconds.
        const big = fake.blobs.get("models/churn/1/weights/big.bin");
        expect([big?.body.equals(large), big?.md5]).toEqual([true, md5(large)]);
        expect(fake.blobs.get("models/churn/1/model.json")?.md5).toBe(md5('{"kind":"sample"}'));
        expect([fake.count("put blob"), fake.count("put block"), fake.count("put block list")]).toEqual([2, 3, 1]);
        expect(new Set(fake.requests.map((r) => `${r.authorization} ${r.version}`))).toEqual(new Set([`Bearer ${TOKEN} ${BLOB_API_VERSION}`]));
    });

    it("uploads a single file under the prefix by its name", async () => {
        const file = path.join(dir, "model.json");
        const created = await modelFolderUploadProvider(runtime()).create({ ...inputsFor(file) });
        expect(created.outs!.blobs).toEqual(["churn/1/model.json"]);
    });
});

describe("diff and update", () => {
    it("an unchanged folder is no change, wherever it is checked out; a changed one an update; another container a replacement", async () => {
        const provider = modelFolderUploadProvider(runtime());
        const olds = { ...inputsFor(dir), blobs: [], bytes: 0 };
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), "upload-copy-"));
        fs.cpSync(dir, copy, { recursive: true });
        expect(await provider.diff!("id", olds, inputsFor(copy))).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
        fs.writeFileSync(path.join(copy, "model.json"), '{"kind":"changed"}');
        expect(await provider.diff!("id", olds, inputsFor(copy))).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
        expect(await provider.diff!("id", olds, { ...inputsFor(dir), container: "models-risk" })).toEqual({ changes: true, replaces: ["container"], deleteBeforeReplace: false });
        expect(fake.requests).toEqual([]);
    });

    it("a changed folder is uploaded again and what left it is deleted; a token source change sends nothing", async () => {
        const provider = modelFolderUploadProvider(runtime());
        const created = await provider.create(inputsFor(dir));
        fs.writeFileSync(path.join(dir, "model.json"), '{"kind":"changed"}');
        fs.rmSync(path.join(dir, "weights", "small bin.txt"));
        fake.requests.length = 0;
        const updated = await provider.update!("id", created.outs!, inputsFor(dir));
        expect(updated.outs?.blobs).toEqual(["churn/1/model.json", "churn/1/weights/big.bin"]);
        expect(fake.list("models")).toEqual(["churn/1/model.json", "churn/1/weights/big.bin"]);
        expect(fake.blobs.get("models/churn/1/model.json")?.body.toString()).toBe('{"kind":"changed"}');
        expect(fake.requests.filter((r) => r.operation === "delete blob").map((r) => r.blob)).toEqual(["churn/1/weights/small bin.txt"]);
        fake.requests.length = 0;
        const again = await provider.update!("id", updated.outs!, { ...inputsFor(dir), tokenSource: "azureCli" });
        expect(again.outs).toMatchObject({ tokenSource: "azureCli", blobs: updated.outs?.blobs });
        expect(fake.requests).toEqual([]);
    });
});

describe("delete", () => {
    it("removes exactly the blobs it uploaded, one already gone included", async () => {
        const provider = modelFolderUploadProvider(runtime());
        const created = await provider.create(inputsFor(dir));
        fake.blobs.set("models/other/1/keep.bin", { body: Buffer.from("x"), md5: undefined });
        fake.blobs.delete("models/churn/1/model.json");
        await provider.delete!("id", created.outs!);
        expect(fake.list("models")).toEqual(["other/1/keep.bin"]);
        expect(fake.count("delete blob")).toBe(3);
    });
});

describe("faults", () => {
    it("retries throttling (honouring Retry-After), server errors and a hung answer within bounds", async () => {
        fake.inject("put blob", { kind: "status", status: 429, headers: { "retry-after": "0" } }, { kind: "status", status: 503 });
        fake.inject("put block", { kind: "hang" });
        fake.inject("put block list", { kind: "status", status: 500, after: "apply" });
        const retries: string[] = [];
        const created = await modelFolderUploadProvider(runtime({ onRetry: (r) => retries.push(`${r.step}: ${r.reason}`) })).create(inputsFor(dir));
        expect(created.outs!.blobs).toHaveLength(3);
        expect(retries).toEqual(["put blob: HTTP 429 (TooManyRequests)", "put blob: HTTP 503 (ServerBusy)", "put block 1 of 3: timeout after 300 ms", "put block list: HTTP 500 (InternalError)"]);
        expect([fake.count("put blob"), fake.count("put block"), fake.count("put block list")]).toEqual([4, 4, 2]);
        expect(fake.blobs.get("models/churn/1/weights/big.bin")?.body.equals(large)).toBe(true);
    });

    it("gives up after retry.maxAttempts, and a refusal is final, naming account, container, blob and status, never the token", async () => {
        fake.inject("put blob", { kind: "status", status: 500 }, { kind: "status", status: 500 }, { kind: "status", status: 500 });
        const gaveUp = await modelFolderUploadProvider(runtime()).create(inputsFor(dir)).catch((e: Error) => e.message);
        expect(gaveUp).toBe("storage account stamldev, container models, blob churn/1/model.json: put blob failed: HTTP 500 (InternalError); gave up after 3 attempts (retry.maxAttempts)");
        fake.reset();
        const refused = await modelFolderUploadProvider({ ...runtime(), tokenSource: async () => "eyJ0eXAiOiJKV1QifQ.eyJ3cm9uZyI6dHJ1ZX0.c2ln" }).create(inputsFor(dir)).catch((e: Error) => e.message);
        expect(refused).toMatch(/^storage account stamldev, container models, blob churn\/1\/model\.json: put blob failed: HTTP 401 \(InvalidAuthenticationInfo\) \(1 attempt, not retried\): the deploying identity needs Storage Blob Data Contributor/);
        expect(refused).not.toMatch(/eyJ/);
        expect(fake.count("put blob")).toBe(1);
    });

    it("a missing container is named, and a folder changed since the plan is refused before any request", async () => {
        const missing = await modelFolderUploadProvider(runtime()).create({ ...inputsFor(dir), container: "nope" }).catch((e: Error) => e.message);
        expect(missing).toMatch(/^storage account stamldev, container nope, blob churn\/1\/model\.json: put blob failed: HTTP 404 \(ContainerNotFound\)/);
        fake.reset();
        const planned = inputsFor(dir);
        fs.writeFileSync(path.join(dir, "model.json"), "{}");
        const changed = await modelFolderUploadProvider(runtime()).create(planned).catch((e: Error) => e.message);
        expect(changed).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} changed since the plan \\(content digest [0-9a-f]{12}, planned ${planned.contentDigest.slice(0, 12)}\\): run pulumi up again$`));
        expect(fake.requests).toEqual([]);
    });
});

describe("the content digest", () => {
    it("is the same from the program (sync) and the provider (async), and changes with a name or a byte", async () => {
        const digest = folderDigest(dir);
        expect(await folderDigestAsync(dir)).toBe(digest);
        fs.renameSync(path.join(dir, "model.json"), path.join(dir, "model2.json"));
        const renamed = folderDigest(dir);
        expect(renamed).not.toBe(digest);
        fs.writeFileSync(path.join(dir, "model2.json"), '{"kind":"samplf"}');
        expect(folderDigest(dir)).not.toBe(renamed);
        expect(await folderDigestAsync(dir)).toBe(folderDigest(dir));
    });
});

describe("check", () => {
    it("names every bad input, defaults the token source to auto", async () => {
        const checked = await modelFolderUploadProvider(runtime()).check!({} as never, { accountName: "St-Bad", storageSuffix: "core.windows.net", container: "Models", prefix: "/x", localPath: "", contentDigest: "abc", tokenSource: "key" } as never);
        expect(checked.failures!.map((f) => f.property)).toEqual(["accountName", "container", "prefix", "localPath", "contentDigest", "tokenSource"]);
        expect((await modelFolderUploadProvider(runtime()).check!({} as never, { ...inputsFor(dir), tokenSource: undefined } as never)).inputs!.tokenSource).toBe("auto");
    });
});
