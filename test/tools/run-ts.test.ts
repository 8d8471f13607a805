/**
 * tools/run-ts.js, the runner of `npm run plan`/`audit`/`bench`: it must run a file exactly as tsx
 * does (the policy pack's order, and so every report, follows esbuild's export order), resolve
 * `await import()` of extensionless .ts paths, keep `require.main === module`, reuse its cache,
 * and map stack traces to the .ts source only under AML_DEBUG.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "../..");
const RUN_TS = path.join(ROOT, "tools/run-ts.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aml-run-ts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A unique token per test run, so the first run below is a cache miss.
const token = `${process.pid}-${Date.now()}`;
fs.writeFileSync(
    path.join(dir, "mod.ts"),
    `export const zeta: number = 1;\nexport function alpha(): string { return "${token}"; }\nexport interface Shape { x: number }\nexport const middle = 2;\n`,
);
fs.writeFileSync(
    path.join(dir, "main.ts"),
    [
        `import * as mod from "./mod";`,
        `async function run(): Promise<void> {`,
        `    const lazy = await import("./mod");`,
        `    console.log(JSON.stringify({ keys: Object.keys(mod), lazy: lazy.alpha(), main: require.main === module, args: process.argv.slice(2) }));`,
        `    if (process.argv.includes("--throw")) {`,
        `        const e: Error = new Error("boom");`,
        `        console.log(e.stack?.split("\\n")[1]);`,
        `    }`,
        `}`,
        `void run();`,
    ].join("\n"),
);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
    const p = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
    expect(p.stderr).toBe("");
    expect(p.status).toBe(0);
    return p.stdout;
}

// tsx itself is not spawned here (a second or more under load); test/offline/run-ts.e2e.test.ts
// compares the whole plan of prod under both.
test("runs a file as tsx does: esbuild's export order (by name), dynamic import, require.main, argv", () => {
    const out = run(process.execPath, [RUN_TS, path.join(dir, "main.ts"), "a", "--b"]);
    expect(JSON.parse(out)).toEqual({ keys: ["alpha", "middle", "zeta"], lazy: token, main: true, args: ["a", "--b"] });
});

test("a second run reads the cache: the same output without starting esbuild", () => {
    const first = run(process.execPath, [RUN_TS, path.join(dir, "main.ts")]);
    // With esbuild unloadable, a cache miss would fail; a hit never asks for it.
    const second = run(process.execPath, ["--require", path.join(dir, "no-esbuild.js"), RUN_TS, path.join(dir, "main.ts")]);
    expect(second).toBe(first);
});

test("stack traces point into the .ts source only under AML_DEBUG (source maps off otherwise)", () => {
    const plain = run(process.execPath, [RUN_TS, path.join(dir, "main.ts"), "--throw"]).split("\n")[1];
    const debug = run(process.execPath, [RUN_TS, path.join(dir, "main.ts"), "--throw"], { AML_DEBUG: "1" }).split("\n")[1];
    expect(debug).toContain("main.ts:6:");
    expect(plain).not.toContain("main.ts:6:");
});

// Blocks esbuild for the cache test.
fs.writeFileSync(
    path.join(dir, "no-esbuild.js"),
    `const Module = require("node:module");\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n    if (/(^|[\\\\/])esbuild([\\\\/]|$)/.test(request)) throw new Error("esbuild loaded on a cache hit");\n    return load.call(this, request, ...rest);\n};\n`,
);
