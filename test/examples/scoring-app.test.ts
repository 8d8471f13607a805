/**
 * The sample scoring app (examples/scoring-app): the server runs as a child process on 127.0.0.1
 * (python3, standard library only) and answers its routes; a server whose model cannot load stays
 * live but not ready; SIGTERM stops it. Its Dockerfile passes the image rules
 * (components/serving/dockerfile-check.ts) and copies what exists. Docker itself is not needed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dockerfileProblems, execForm, parseDockerfile } from "../../components/serving/dockerfile-check";

const APP = path.resolve(__dirname, "../../examples/scoring-app");
const MODEL = JSON.parse(fs.readFileSync(path.join(APP, "model/model.json"), "utf8")) as { name: string; version: string; features: string[]; coefficients: number[]; intercept: number };
const SERVER_SOURCE = fs.readFileSync(path.join(APP, "app/server.py"), "utf8");
/** The port the server listens on without PORT set, read from its source. */
const DEFAULT_PORT = Number(/^DEFAULT_PORT = (\d+)$/m.exec(SERVER_SOURCE)?.[1]);

interface Running {
    child: ChildProcess;
    stderr: () => string;
    base: string;
    logs: Record<string, unknown>[];
    exited: Promise<number | null>;
}

const running: Running[] = [];

/** Start the server on a free port; resolves once it logs that it listens (bounded). */
async function startServer(env: Record<string, string> = {}): Promise<Running> {
    const child = spawn("python3", ["-m", "app.server"], {
        cwd: APP,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PYTHONDONTWRITEBYTECODE: "1", PORT: "0", HOST: "127.0.0.1", ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    const logs: Record<string, unknown>[] = [];
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start within 5 s; stderr: ${stderr}`)), 5_000);
        let buffered = "";
        child.stdout!.on("data", (d: Buffer) => {
            buffered += d.toString();
            let nl: number;
            while ((nl = buffered.indexOf("\n")) >= 0) {
                const line = JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>;
                buffered = buffered.slice(nl + 1);
                logs.push(line);
                if (line.event === "listening") {
                    clearTimeout(timer);
                    resolve(line.port as number);
                }
            }
        });
        child.on("exit", (code) => reject(new Error(`server exited with ${code}; stderr: ${stderr}`)));
    });
    const r = { child, stderr: () => stderr, base: `http://127.0.0.1:${port}`, logs, exited };
    running.push(r);
    return r;
}

/** Poll `url` until it answers `status` (bounded). */
async function waitFor(url: string, status: number): Promise<Response> {
    const deadline = Date.now() + 5_000;
    for (;;) {
        const res = await fetch(url);
        if (res.status === status) return res;
        if (Date.now() > deadline) throw new Error(`${url} still answers ${res.status}`);
        await new Promise((r) => setTimeout(r, 25));
    }
}

function score(base: string, body: string, contentType = "application/json"): Promise<Response> {
    return fetch(`${base}/score`, { method: "POST", headers: { "content-type": contentType }, body });
}

const expected = (row: number[]): number => MODEL.intercept + row.reduce((sum, x, i) => sum + x * MODEL.coefficients[i], 0);

let app: Running;

beforeAll(async () => {
    app = await startServer();
    await waitFor(`${app.base}/healthz/ready`, 200);
});

afterAll(async () => {
    for (const r of running) if (r.child.exitCode === null) r.child.kill("SIGKILL");
    await Promise.all(running.map((r) => r.exited));
});

describe("routes", () => {
    test("liveness and readiness", async () => {
        const live = await fetch(`${app.base}/healthz/live`);
        expect(live.status).toBe(200);
        expect(await live.json()).toEqual({ status: "live" });
        const ready = await fetch(`${app.base}/healthz/ready`);
        expect(await ready.json()).toEqual({ status: "ready", model: { name: MODEL.name, version: MODEL.version } });
        expect(app.logs.map((l) => l.event)).toEqual(expect.arrayContaining(["listening", "model_loaded"]));
    });

    test("POST /score: predictions of the shipped linear model, by position and by feature name", async () => {
        const rows = [
            [120, 0.2, 3, 400],
            [5000, 0.9, 40, 2],
        ];
        const byName = Object.fromEntries(MODEL.features.map((f, i) => [f, rows[1][i]]));
        const res = await score(app.base, JSON.stringify({ instances: [rows[0], byName] }));
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/json");
        const body = (await res.json()) as { predictions: number[]; model: unknown };
        expect(body.model).toEqual({ name: MODEL.name, version: MODEL.version });
        expect(body.predictions).toHaveLength(2);
        body.predictions.forEach((p, i) => expect(p).toBeCloseTo(expected(rows[i]), 9));
    });

    test.each([
        ["not json", "{", 400, "invalid_json"],
        ["no instances", JSON.stringify({ data: [] }), 400, "missing_instances"],
        ["empty instances", JSON.stringify({ instances: [] }), 400, "missing_instances"],
        ["wrong length", JSON.stringify({ instances: [[1, 2]] }), 400, "bad_instance"],
        ["a string value", JSON.stringify({ instances: [[1, "2", 3, 4]] }), 400, "bad_instance"],
        ["a boolean value", JSON.stringify({ instances: [[1, true, 3, 4]] }), 400, "bad_instance"],
        ["an unknown feature", JSON.stringify({ instances: [{ amount_eur: 1, merchant_risk: 0, transactions_last_24h: 0, account_age_days: 0, colour: 1 }] }), 400, "bad_instance"],
        ["too many instances", JSON.stringify({ instances: Array.from({ length: 1001 }, () => [0, 0, 0, 0]) }), 413, "too_large_or_many"],
    ])("%s: a JSON error", async (_name, body, status, code) => {
        const res = await score(app.base, body);
        expect(res.status).toBe(status);
        const err = (await res.json()) as { error: { code: string; message: string } };
        if (code === "too_large_or_many") expect(err.error.code).toBe("too_many_instances");
        else expect(err.error.code).toBe(code);
        expect(err.error.message.length).toBeGreaterThan(5);
    });

    test("the message names the instance and the features", async () => {
        const res = await score(app.base, JSON.stringify({ instances: [[0, 0, 0, 0], [1, 2]] }));
        expect(((await res.json()) as { error: { message: string } }).error.message).toBe(`instances[1]: 2 values, the model takes 4 (${MODEL.features.join(", ")})`);
    });

    test("wrong content type, wrong method, unknown route", async () => {
        expect((await score(app.base, "{}", "text/plain")).status).toBe(415);
        const get = await fetch(`${app.base}/score`);
        expect(get.status).toBe(405);
        expect(await get.json()).toEqual({ error: { code: "method_not_allowed", message: "use POST /score" } });
        const missing = await fetch(`${app.base}/nope`);
        expect(missing.status).toBe(404);
        expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    });
});

describe("lifecycle", () => {
    test("a model that cannot load: live, never ready, /score answers 503", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoring-app-"));
        const bad = path.join(dir, "model.json");
        fs.writeFileSync(bad, JSON.stringify({ features: ["a", "b"], coefficients: [1], intercept: 0 }));
        const broken = await startServer({ MODEL_PATH: bad });
        expect((await fetch(`${broken.base}/healthz/live`)).status).toBe(200);
        const ready = await waitFor(`${broken.base}/healthz/ready`, 503);
        expect(((await ready.json()) as { reason: string }).reason).toContain("coefficients must be 2 finite numbers");
        const res = await score(broken.base, JSON.stringify({ instances: [[1, 2]] }));
        expect(res.status).toBe(503);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_ready");
        fs.rmSync(dir, { recursive: true, force: true });
    });

    test("SIGTERM stops the server cleanly within a second", async () => {
        const r = await startServer();
        const started = Date.now();
        r.child.kill("SIGTERM");
        const code = await r.exited;
        expect(r.stderr()).toBe("");
        expect(code).toBe(0);
        expect(Date.now() - started).toBeLessThan(1_000);
        expect(r.logs.map((l) => l.event)).toEqual(expect.arrayContaining(["stopping", "stopped"]));
    });

    test("a bad PORT exits with a message instead of a traceback", async () => {
        const child = spawn("python3", ["-m", "app.server"], { cwd: APP, env: { PATH: process.env.PATH ?? "", PYTHONDONTWRITEBYTECODE: "1", PORT: "http" }, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
        expect(code).toBe(2);
        expect(JSON.parse(out.trim())).toMatchObject({ event: "bad_setting", setting: "PORT", value: "http" });
    });
});

describe("the image", () => {
    const dockerfile = fs.readFileSync(path.join(APP, "Dockerfile"), "utf8");
    const instructions = parseDockerfile(dockerfile);

    test("the Dockerfile passes the image rules for the server's port", () => {
        expect(DEFAULT_PORT).toBe(8080);
        expect(dockerfileProblems(dockerfile, { port: DEFAULT_PORT })).toEqual([]);
    });

    test("the base is an exact public tag (not a digest placeholder), the user numeric and non-root", () => {
        expect(instructions.filter((i) => i.keyword === "FROM").map((i) => i.args)).toEqual(["python:3.12.8-slim-bookworm"]);
        const user = instructions.filter((i) => i.keyword === "USER").pop()!.args;
        expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    });

    test("what the Dockerfile copies exists and is in the build context; the entrypoint runs the tested module", () => {
        const sources = instructions.filter((i) => i.keyword === "COPY").map((i) => i.args.split(/\s+/)[0]);
        expect(sources).toEqual(["app/", "model/"]);
        for (const s of sources) expect(fs.existsSync(path.join(APP, s))).toBe(true);
        const ignore = fs.readFileSync(path.join(APP, ".dockerignore"), "utf8").split("\n").map((l) => l.trim());
        expect(ignore).toEqual(expect.arrayContaining(["**", "!app/", "!model/"]));
        const entrypoint = execForm(instructions.find((i) => i.keyword === "ENTRYPOINT")!.args);
        expect(entrypoint).toEqual(["python", "-m", "app.server"]);
        const env = instructions.filter((i) => i.keyword === "ENV").map((i) => i.args).join(" ");
        expect(env).toContain("MODEL_PATH=/app/model/model.json");
    });

    test("no HEALTHCHECK and no ADD (probes come from the host; content from the context)", () => {
        expect(instructions.map((i) => i.keyword)).not.toContain("HEALTHCHECK");
        expect(instructions.map((i) => i.keyword)).not.toContain("ADD");
    });
});
