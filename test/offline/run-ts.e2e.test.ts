/**
 * `npm run plan` runs through tools/run-ts.js (cached transpile, no ESM loader, no source maps)
 * instead of tsx, to be faster and smaller: the plan of prod must stay the same byte for byte,
 * the JSON and the text, as it was under tsx. Edge too: its IoT Hub dynamic providers serialize
 * program code, whose JavaScript the runner must emit as tsx does (keepNames kept for program code).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-run-ts-plan-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function plan(cmd: string, args: string[], json: string, stack = "prod"): { stdout: string; json: string } {
    const p = spawnSync(cmd, [...args, "offline/plan-cli.ts", stack, "--json", json], { cwd: ROOT, encoding: "utf8" });
    expect(p.stderr).toBe("");
    expect(p.status).toBe(0);
    return { stdout: p.stdout.replace(json, "<json>"), json: fs.readFileSync(json, "utf8") };
}

test("the plan of prod through tools/run-ts.js is tsx's, byte for byte", () => {
    const viaTsx = plan(path.join(ROOT, "node_modules/.bin/tsx"), [], path.join(tmp, "tsx.json"));
    const viaRunTs = plan(process.execPath, [path.join(ROOT, "tools/run-ts.js")], path.join(tmp, "run-ts.json"));
    expect(viaRunTs.json).toBe(viaTsx.json);
    expect(viaRunTs.stdout).toBe(viaTsx.stdout);
    expect(JSON.parse(viaRunTs.json).resources.length).toBeGreaterThan(200);
});

test("the plan of edge (dynamic providers serialize program code) through tools/run-ts.js is tsx's, byte for byte", () => {
    const viaTsx = plan(path.join(ROOT, "node_modules/.bin/tsx"), [], path.join(tmp, "edge-tsx.json"), "edge");
    const viaRunTs = plan(process.execPath, [path.join(ROOT, "tools/run-ts.js")], path.join(tmp, "edge-run-ts.json"), "edge");
    expect(viaRunTs.json).toBe(viaTsx.json);
    expect(viaRunTs.json).toContain("serialized dynamic provider");
});
