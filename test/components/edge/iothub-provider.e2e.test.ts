/**
 * The IoT Hub dynamic providers against a local fake hub (test/helpers/fake-iothub.ts): CRUD and
 * diff of the edge device identity and of its deployment, idempotency (adopting what exists, a
 * write whose answer was lost), ETag updates that never overwrite a concurrent change, and the
 * transport's fault handling (429 with and without Retry-After, 500, timeouts, 401/403), with exact
 * request counts so a retry storm or a lost update fails, and no token or key in any message.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildEdgeManifest } from "../../../components/edge/edge-manifest";
import { entraTokenFromAzureCli } from "../../../components/edge/azure-cli-token";
import { iotEdgeDeploymentProvider, iotEdgeDeviceProvider, type IotHubProviderRuntime } from "../../../components/edge/iothub-dynamic";
import { configurationIdFor, deviceTargetCondition } from "../../../components/edge/iothub-resources";
import { IOTHUB_ENTRA_SCOPE, IotHubClient } from "../../../components/edge/iothub-rest";
import type { RetryReport } from "../../../components/serving/http-retry";
import { FakeIotHub } from "../../helpers/fake-iothub";

// A token-shaped placeholder (JWT layout, meaningless content); not a real credential.
const TOKEN = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJpb3RodWJzIn0.aW90aHViLXNpZw";
const HUB = "contoso-edge-hub.azure-devices.net";
const THUMB_A = "a".repeat(40);
const THUMB_B = "B".repeat(64);
/** Small bounds so the whole file runs in well under 5 s. */
const FAST = { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 80, requestTimeoutMs: 300, totalTimeoutMs: 3_000 };
const MANIFEST = buildEdgeManifest({
    module: { name: "fraudscorer", image: `contosoreg.azurecr.io/models/fraud@sha256:${"cd".repeat(32)}` },
    registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: "placeholder-token-password" },
});

let fake: FakeIotHub;
let scopes: string[];
let reports: RetryReport[];
/** Every error message and retry reason, checked for secrets at the end. */
const seen: string[] = [];

function runtime(overrides: Partial<IotHubProviderRuntime> = {}, retry: Partial<typeof FAST> = {}): IotHubProviderRuntime {
    return {
        tokenSource: async (scope: string) => {
            scopes.push(scope);
            return TOKEN;
        },
        baseUrl: fake.endpoint,
        transport: { retry: { ...FAST, ...retry }, random: () => 0, onRetry: (r) => (reports.push(r), seen.push(r.reason)) },
        ...overrides,
    };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (err) {
        seen.push((err as Error).message);
        return err as Error;
    }
    throw new Error("expected a failure");
}

const device = (p = iotEdgeDeviceProvider(runtime())) => p as Required<typeof p>;
const deployment = (p = iotEdgeDeploymentProvider(runtime())) => p as Required<typeof p>;

/** The provider's checked inputs (defaults applied), failing the test on a check failure. */
async function checked<T>(provider: { check: (o: T, n: T) => Promise<pulumi.dynamic.CheckResult<T>> }, news: Partial<T>): Promise<T> {
    const result = await provider.check({} as T, news as T);
    expect(result.failures).toEqual([]);
    return result.inputs as T;
}

beforeAll(async () => {
    fake = await FakeIotHub.start(TOKEN);
    await fetch(`${fake.endpoint}/warm-up`).then((r) => r.text());
});
afterAll(async () => {
    await fake.stop();
    // No message or retry report ever carried the token or a device key.
    const keys = [...fake.devices.values()].flatMap((d) => Object.values(((d.authentication as { symmetricKey?: Record<string, string> }).symmetricKey ?? {})));
    for (const text of seen) for (const secret of [TOKEN, ...keys, "placeholder-token-password"]) expect(text).not.toContain(secret);
});
beforeEach(() => {
    fake.reset();
    scopes = [];
    reports = [];
});

describe("edge device identity", () => {
    it("creates an edge device with X.509 CA authentication by default, with a token for the IoT Hub scope", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-01" });
        const created = await p.create(inputs);
        expect(created.id).toBe(`${HUB}/devices/edge-01`);
        const put = fake.requests.find((r) => r.route === "PUT /devices")!;
        expect(put.ifMatch).toBeUndefined();
        expect(put.body).toEqual({ deviceId: "edge-01", status: "enabled", authentication: { type: "certificateAuthority" }, capabilities: { iotEdge: true } });
        expect(created.outs).toMatchObject({ deviceId: "edge-01", authentication: "certificateAuthority", enabled: true, etag: fake.devices.get("edge-01")!.etag });
        expect(created.outs!.primaryKey).toBeUndefined();
        expect([fake.count("GET /devices"), fake.count("PUT /devices")]).toEqual([1, 1]);
        expect(new Set(scopes)).toEqual(new Set([IOTHUB_ENTRA_SCOPE]));
    });

    it("adopts an existing identical device without writing, and refuses a different one naming the fields", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-02", authentication: "selfSigned", primaryThumbprint: THUMB_A });
        const first = await p.create(inputs);
        const again = await p.create({ ...inputs, primaryThumbprint: THUMB_A.toUpperCase() });
        expect(again.outs!.etag).toBe(first.outs!.etag);
        expect(fake.count("PUT /devices")).toBe(1);
        const error = await failure(p.create({ ...inputs, primaryThumbprint: THUMB_B, enabled: false }));
        expect(error.message).toBe(`IoT hub ${HUB}: device edge-02 already exists with different primaryThumbprint, enabled; import it (pulumi import), delete it, or choose another deviceId`);
        expect(fake.count("PUT /devices")).toBe(1);
    });

    it("adopts the device when its create landed but the answer was lost (timeout, then 409 on the retry)", async () => {
        fake.inject("PUT /devices", { kind: "hang", after: "apply" });
        const p = device();
        const created = await p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-03" }));
        expect(created.outs!.etag).toBe(fake.devices.get("edge-03")!.etag);
        expect([fake.count("GET /devices"), fake.count("PUT /devices")]).toEqual([2, 2]);
        expect(reports.map((r) => r.reason)).toEqual(["timeout after 300 ms"]);
    });

    it("keeps hub-generated symmetric keys as outputs and does not rotate them on update", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-04", authentication: "sas" });
        const created = await p.create(inputs);
        const stored = fake.devices.get("edge-04")!.authentication as { symmetricKey: { primaryKey: string; secondaryKey: string } };
        expect(created.outs).toMatchObject({ primaryKey: stored.symmetricKey.primaryKey, secondaryKey: stored.symmetricKey.secondaryKey });
        const updated = await p.update(created.id, created.outs!, { ...inputs, enabled: false });
        expect(updated.outs).toMatchObject({ enabled: false, primaryKey: stored.symmetricKey.primaryKey });
        expect((fake.devices.get("edge-04")!.authentication as typeof stored).symmetricKey).toEqual(stored.symmetricKey);
    });

    it("updates with the ETag Pulumi last saw", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-05", authentication: "selfSigned", primaryThumbprint: THUMB_A });
        const created = await p.create(inputs);
        const updated = await p.update(created.id, created.outs!, { ...inputs, secondaryThumbprint: THUMB_B });
        const put = fake.requests.filter((r) => r.route === "PUT /devices")[1];
        expect(put.ifMatch).toBe(`"${created.outs!.etag}"`);
        expect(updated.outs!.etag).toBe(fake.devices.get("edge-05")!.etag);
        expect(updated.outs!.etag).not.toBe(created.outs!.etag);
    });

    it("refuses to overwrite a concurrent change (412) and leaves it in place", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-06" });
        const created = await p.create(inputs);
        fake.tamper("devices", "edge-06", { status: "disabled" });
        const error = await failure(p.update(created.id, created.outs!, { ...inputs, authentication: "selfSigned", primaryThumbprint: THUMB_A }));
        expect(error.message).toMatch(/^IoT hub contoso-edge-hub\.azure-devices\.net: update device edge-06: HTTP 412, the device changed on the hub since Pulumi last read it .* nothing was overwritten: run pulumi refresh/);
        expect(fake.devices.get("edge-06")).toMatchObject({ status: "disabled", authentication: { type: "certificateAuthority" } });
        expect(fake.count("PUT /devices")).toBe(2);
    });

    it("treats a 412 caused by its own retried write as success", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-07" });
        const created = await p.create(inputs);
        fake.inject("PUT /devices", { kind: "hang", after: "apply" });
        const updated = await p.update(created.id, created.outs!, { ...inputs, enabled: false });
        expect(updated.outs).toMatchObject({ enabled: false, etag: fake.devices.get("edge-07")!.etag });
        expect(fake.count("PUT /devices")).toBe(3);
    });

    it("reads the device back, and reports it gone after an out-of-band delete", async () => {
        const p = device();
        const inputs = await checked(p, { hubHostName: HUB, deviceId: "edge-08", authentication: "selfSigned", primaryThumbprint: THUMB_A });
        const created = await p.create(inputs);
        fake.tamper("devices", "edge-08", { status: "disabled" });
        const read = await p.read(created.id, created.outs);
        expect(read.props).toMatchObject({ enabled: false, primaryThumbprint: THUMB_A, etag: fake.devices.get("edge-08")!.etag });
        fake.devices.delete("edge-08");
        expect(await p.read(created.id, created.outs)).toEqual({});
    });

    it("deletes unconditionally and tolerates a device already gone", async () => {
        const p = device();
        const created = await p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-09" }));
        await p.delete(created.id, created.outs!);
        await p.delete(created.id, created.outs!);
        expect(fake.devices.has("edge-09")).toBe(false);
        expect(fake.requests.filter((r) => r.route === "DELETE /devices").map((r) => r.ifMatch)).toEqual(["*", "*"]);
    });

    it("diffs: another hub or ID replaces (new first), settings update in place, identical is no change", async () => {
        const p = device();
        const olds = { ...(await checked(p, { hubHostName: HUB, deviceId: "edge-10" })), etag: "e", generationId: "g", primaryKey: undefined, secondaryKey: undefined };
        expect(await p.diff("id", olds, { ...olds })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
        expect(await p.diff("id", olds, { ...olds, deviceId: "edge-11" })).toEqual({ changes: true, replaces: ["deviceId"], deleteBeforeReplace: false });
        expect(await p.diff("id", olds, { ...olds, hubHostName: "other-hub.azure-devices.net" })).toMatchObject({ replaces: ["hubHostName"] });
        expect(await p.diff("id", olds, { ...olds, enabled: false })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
        expect(await p.diff("id", olds, { ...olds, authentication: "sas" })).toMatchObject({ changes: true, replaces: [] });
        // A token source change is recorded without a request to the hub.
        const updated = await p.update("id", olds, { ...olds, tokenSource: "azureCli" });
        expect(updated.outs).toMatchObject({ tokenSource: "azureCli", etag: "e" });
        expect(fake.requests).toHaveLength(0);
    });

    it("fails check with the field and the reason", async () => {
        const p = device();
        const result = await p.check({} as never, { hubHostName: "not a hub", deviceId: "bad id", authentication: "selfSigned", primaryThumbprint: "xyz", tokenSource: "password" } as never);
        expect(result.failures!.map((f) => f.property)).toEqual(["hubHostName", "tokenSource", "deviceId", "primaryThumbprint"]);
        const sasWithThumbprint = await p.check({} as never, { hubHostName: HUB, deviceId: "d", authentication: "sas", primaryThumbprint: THUMB_A } as never);
        expect(sasWithThumbprint.failures!.map((f) => f.reason)).toEqual(["thumbprints only apply to selfSigned authentication, not sas"]);
    });
});

describe("deployment", () => {
    const base = { hubHostName: HUB, idPrefix: "fraud-edge-01", targetDeviceId: "edge-01", modulesContent: MANIFEST };

    it("creates an automatic deployment targeting the one device, its ID carrying the content hash", async () => {
        const p = deployment();
        const inputs = await checked(p, base);
        const created = await p.create(inputs);
        const id = configurationIdFor("fraud-edge-01", MANIFEST);
        expect(id).toMatch(/^fraud-edge-01-[0-9a-f]{12}$/);
        expect(created.id).toBe(`${HUB}/configurations/${id}`);
        const put = fake.requests.find((r) => r.route === "PUT /configurations")!;
        expect(put.ifMatch).toBeUndefined();
        expect(put.body).toEqual({ id, schemaVersion: "1.0", labels: {}, content: { modulesContent: MANIFEST }, targetCondition: "deviceId='edge-01'", priority: 10, metrics: { queries: {} } });
        expect(created.outs).toMatchObject({ configurationId: id, etag: fake.configurations.get(id)!.etag });
        // Adopted on a second create, without a write.
        await p.create(inputs);
        expect([fake.count("GET /configurations"), fake.count("PUT /configurations")]).toEqual([2, 1]);
    });

    it("hashes content independently of key order, and escapes quotes in the target", () => {
        const reordered = JSON.parse(JSON.stringify({ $edgeHub: MANIFEST.$edgeHub, $edgeAgent: MANIFEST.$edgeAgent })) as typeof MANIFEST;
        expect(configurationIdFor("p", reordered)).toBe(configurationIdFor("p", MANIFEST));
        expect(configurationIdFor("p", { ...MANIFEST, extra: { "properties.desired": {} } })).not.toBe(configurationIdFor("p", MANIFEST));
        expect(() => configurationIdFor("Upper_Case", MANIFEST)).toThrow(/lowercase letters, digits and "-"/);
        expect(deviceTargetCondition("o'brien")).toBe("deviceId='o''brien'");
    });

    it("diffs: new content replaces (created before the old one is deleted), priority and labels update in place", async () => {
        const p = deployment();
        const olds = { ...(await checked(p, base)), configurationId: "x", etag: "e" };
        const otherContent = buildEdgeManifest({ module: { name: "fraudscorer", image: `contosoreg.azurecr.io/models/fraud@sha256:${"ef".repeat(32)}` }, registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: "placeholder-token-password" } });
        expect(await p.diff("id", olds, { ...olds, modulesContent: otherContent })).toEqual({ changes: true, replaces: ["modulesContent"], deleteBeforeReplace: false });
        expect(await p.diff("id", olds, { ...olds, priority: 20, labels: { app: "fraud" } })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
        expect(await p.diff("id", olds, { ...olds, modulesContent: JSON.parse(JSON.stringify(MANIFEST)) as typeof MANIFEST })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("replaces by creating the new deployment beside the old one, then deleting the old one", async () => {
        const p = deployment();
        const inputs = await checked(p, base);
        const old = await p.create(inputs);
        const next = buildEdgeManifest({ module: { name: "fraudscorer", image: `contosoreg.azurecr.io/models/fraud@sha256:${"ef".repeat(32)}` }, registry: { loginServer: "contosoreg.azurecr.io", username: "edge-fraud-pull", password: "placeholder-token-password" } });
        const created = await p.create({ ...inputs, modulesContent: next });
        expect(fake.configurations.size).toBe(2);
        await p.delete(old.id, old.outs!);
        expect([...fake.configurations.keys()]).toEqual([created.outs!.configurationId]);
    });

    it("updates priority and labels with the ETag, and refuses to overwrite a concurrent change", async () => {
        const p = deployment();
        const inputs = await checked(p, base);
        const created = await p.create(inputs);
        const updated = await p.update(created.id, created.outs!, { ...inputs, priority: 20, labels: { app: "fraud" } });
        const put = fake.requests.filter((r) => r.route === "PUT /configurations")[1];
        expect(put.ifMatch).toBe(`"${created.outs!.etag}"`);
        expect(fake.configurations.get(created.outs!.configurationId)).toMatchObject({ priority: 20, labels: { app: "fraud" } });
        fake.tamper("configurations", created.outs!.configurationId, { priority: 99 });
        const error = await failure(p.update(created.id, updated.outs!, { ...inputs, priority: 30, labels: { app: "fraud" } }));
        expect(error.message).toMatch(/update deployment fraud-edge-01-[0-9a-f]{12}: HTTP 412, it changed on the hub since Pulumi last read it .*nothing was overwritten/);
        expect(fake.configurations.get(created.outs!.configurationId)).toMatchObject({ priority: 99 });
    });

    it("brings an existing deployment with the same content to the wanted priority on create", async () => {
        const p = deployment();
        const inputs = await checked(p, base);
        await p.create(inputs);
        const created = await p.create({ ...inputs, priority: 50 });
        expect(fake.configurations.get(created.outs!.configurationId)).toMatchObject({ priority: 50, etag: created.outs!.etag });
        expect(fake.requests.filter((r) => r.route === "PUT /configurations").map((r) => r.ifMatch === undefined)).toEqual([true, false]);
    });

    it("reads back, reports a deleted deployment gone, and deletes tolerating 404", async () => {
        const p = deployment();
        const created = await p.create(await checked(p, { ...base, targetDeviceId: "o'brien" }));
        const read = await p.read(created.id, created.outs);
        expect(read.props).toMatchObject({ targetDeviceId: "o'brien", priority: 10, modulesContent: MANIFEST });
        await p.delete(created.id, created.outs!);
        await p.delete(created.id, created.outs!);
        expect(await p.read(created.id, created.outs)).toEqual({});
        expect(fake.count("DELETE /configurations")).toBe(2);
    });

    it("fails check naming each wrong input", async () => {
        const p = deployment();
        const result = await p.check({} as never, { hubHostName: HUB, idPrefix: "UPPER", targetDeviceId: "a b", priority: -1, modulesContent: { only: {} } } as never);
        expect(result.failures!.map((f) => f.property)).toEqual(["idPrefix", "targetDeviceId", "priority", "modulesContent"]);
    });
});

describe("transport faults", () => {
    it("retries 429 and 500 with backoff, then succeeds (exact request count)", async () => {
        fake.inject("GET /devices", { kind: "status", status: 429 }, { kind: "status", status: 500 });
        const p = device();
        await p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-20" }));
        expect(fake.count("GET /devices")).toBe(3);
        expect(reports.map((r) => [r.reason, r.delayMs])).toEqual([
            ["HTTP 429 (ThrottlingException)", 5],
            ["HTTP 500 (ServerError)", 10],
        ]);
    });

    it("honours Retry-After within the bounds", async () => {
        fake.inject("PUT /devices", { kind: "status", status: 429, headers: { "retry-after": "1" } });
        const p = iotEdgeDeviceProvider(runtime({}, { maxDelayMs: 1_500 })) as Required<pulumi.dynamic.ResourceProvider>;
        const started = Date.now();
        await p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-21" }));
        expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
        expect(reports.map((r) => r.delayMs)).toEqual([1_000]);
        expect(fake.count("PUT /devices")).toBe(2);
    });

    it("gives up at once when Retry-After exceeds the largest wait", async () => {
        fake.inject("GET /devices", { kind: "status", status: 429, headers: { "retry-after": "30" } });
        const p = device();
        const error = await failure(p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-22" })));
        expect(error.message).toBe(`IoT hub ${HUB}: read device edge-22 failed: HTTP 429 (ThrottlingException) and asked to wait 30 s, more than retry.maxDelayMs (80 ms); gave up after 1 attempt`);
        expect(fake.count("GET /devices")).toBe(1);
    });

    it("stops after maxAttempts on a hub that keeps failing (no retry storm)", async () => {
        fake.inject("DELETE /configurations", ...Array.from({ length: 10 }, () => ({ kind: "status" as const, status: 503 })));
        const p = deployment();
        const error = await failure(p.delete("id", { hubHostName: HUB, configurationId: "c1", tokenSource: "environment" } as never));
        expect(error.message).toBe(`IoT hub ${HUB}: delete deployment c1 failed: HTTP 503 (ServerError); gave up after 4 attempts (retry.maxAttempts)`);
        expect(fake.count("DELETE /configurations")).toBe(4);
    });

    it("retries timeouts, bounded by the total time", async () => {
        fake.inject("GET /configurations", { kind: "hang" }, { kind: "hang" });
        const p = deployment();
        await p.create(await checked(p, { hubHostName: HUB, idPrefix: "t", targetDeviceId: "edge-23", modulesContent: MANIFEST }));
        expect(fake.count("GET /configurations")).toBe(3);
        expect(reports.map((r) => r.reason)).toEqual(["timeout after 300 ms", "timeout after 300 ms"]);
        fake.inject("GET /devices", ...Array.from({ length: 10 }, () => ({ kind: "hang" as const })));
        const bounded = iotEdgeDeviceProvider(runtime({}, { maxAttempts: 10, totalTimeoutMs: 700 })) as Required<pulumi.dynamic.ResourceProvider>;
        const error = await failure(bounded.create(await checked(bounded, { hubHostName: HUB, deviceId: "edge-24" })));
        expect(error.message).toMatch(/read device edge-24 failed: timeout after \d+ ms; gave up after [23] attempts/);
    });

    it("does not retry 403, and says which role is missing", async () => {
        fake.inject("GET /devices", { kind: "status", status: 403, code: "IotHubUnauthorizedAccess" });
        const p = device();
        const error = await failure(p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-25" })));
        expect(error.message).toBe(`IoT hub ${HUB}: read device edge-25 failed: HTTP 403 (IotHubUnauthorizedAccess) (1 attempt, not retried): the identity lacks an IoT Hub data role; grant it IoT Hub Registry Contributor on the hub`);
        expect(fake.count("GET /devices")).toBe(1);
    });

    it("does not retry a refused token and never shows it", async () => {
        const wrong = "eyJhbGciOiJub25lIn0.eyJ3cm9uZyI6dHJ1ZX0.d3Jvbmc";
        const p = iotEdgeDeviceProvider(runtime({ tokenSource: async () => wrong })) as Required<pulumi.dynamic.ResourceProvider>;
        const error = await failure(p.create(await checked(p, { hubHostName: HUB, deviceId: "edge-26" })));
        expect(error.message).toMatch(/read device edge-26 failed: HTTP 401 \(IotHubUnauthorizedAccess\) \(1 attempt, not retried\): the hub refused the Entra ID token/);
        expect(error.message).not.toContain(wrong);
        expect(fake.count("GET /devices")).toBe(1);
    });

    it("reports a token source failure without a request", async () => {
        const p = iotEdgeDeviceProvider(runtime({ tokenSource: async () => Promise.reject(new Error("set AZURE_TENANT_ID")) })) as Required<pulumi.dynamic.ResourceProvider>;
        const error = await failure(p.delete("id", { hubHostName: HUB, deviceId: "edge-27", tokenSource: "environment" }));
        expect(error.message).toBe(`IoT hub ${HUB}: delete device edge-27: no Entra ID token for https://iothubs.azure.net/.default: set AZURE_TENANT_ID`);
        expect(fake.requests).toHaveLength(0);
    });

    it("sends the token only over https, or to a local fake", () => {
        expect(() => new IotHubClient({ hubHostName: HUB, tokenSource: async () => TOKEN, baseUrl: "http://contoso-edge-hub.azure-devices.net" })).toThrow(/must be https/);
        expect(() => new IotHubClient({ hubHostName: "https://x", tokenSource: async () => TOKEN })).toThrow(/not an IoT hub host name/);
    });
});

describe("Azure CLI token source", () => {
    it("asks az for the scope and returns the trimmed token; a CLI failure names the scope", async () => {
        const calls: string[][] = [];
        const source = entraTokenFromAzureCli({ exec: async (file, args) => (calls.push([file, ...args]), `${TOKEN}\n`) });
        expect(await source(IOTHUB_ENTRA_SCOPE)).toBe(TOKEN);
        expect(calls).toEqual([["az", "account", "get-access-token", "--scope", IOTHUB_ENTRA_SCOPE, "--query", "accessToken", "--output", "tsv"]]);
        const failing = entraTokenFromAzureCli({ exec: async () => Promise.reject(new Error("Please run 'az login' to setup account.")) });
        await expect(failing(IOTHUB_ENTRA_SCOPE)).rejects.toThrow(`Azure CLI could not issue a token for ${IOTHUB_ENTRA_SCOPE}: Please run 'az login' to setup account.`);
        await expect(entraTokenFromAzureCli({ exec: async () => "\n" })(IOTHUB_ENTRA_SCOPE)).rejects.toThrow(/returned no token/);
    });
});
