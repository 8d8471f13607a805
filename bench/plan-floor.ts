/**
 * `node tools/run-ts.js bench/plan-floor.ts [--runs N] [--copies 1,10,50] [--tsx]`: the offline plan of prod (policies, reports and JSON
 * included, as `npm run plan -- prod --json <file>` runs it) against a floor: Pulumi's SDK alone
 * under its bare `setMocks`, registering the same resources with plain inputs from plain
 * JavaScript (bench/floor-program.js). Each run is its own process, so peak RSS is that run's; plan
 * and floor alternate, and the ratios are of medians measured in the same run. Also the floor at
 * 10 and 50 copies of prod's resources, to show how the SDK's own cost grows with size.
 * A benchmark, not a test: it checks that the floor registered exactly the plan's resources.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { isSecret, UNKNOWN, type CapturedResource } from "../offline/graph";
import { ROOT, RUN_TS } from "./child";

const STACK = "prod";

/** One resource of the floor's list: indexes point back into the list. */
export interface FloorResource {
    type: string;
    name: string;
    custom: boolean;
    /** Index of the parent in the list, -1 for none. */
    parent: number;
    /** Index of the explicit provider resource in the list, -1 for the default provider. */
    provider: number;
    inputs: Record<string, unknown>;
}

/** One measured process. */
interface Sample {
    seconds: number;
    maxRssMb: number;
    resources: number;
    digest?: string;
}

/** Inputs as plain values: a secret becomes its plaintext, an unknown a placeholder string. */
function plain(v: unknown): unknown {
    if (v === UNKNOWN) return "unknown";
    if (isSecret(v)) return plain(v.value);
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
}

/** The captured graph as the floor's list. */
export function floorList(resources: readonly CapturedResource[]): FloorResource[] {
    const index = new Map(resources.map((r, i) => [r.urn, i]));
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        custom: r.custom,
        parent: r.parent ? (index.get(r.parent) ?? -1) : -1,
        // `<provider urn>::<id>`: an explicit provider is in the list; a default one is not.
        provider: r.provider ? (index.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) ?? -1) : -1,
        inputs: plain(r.inputs) as Record<string, unknown>,
    }));
}

/** JSON with sorted keys (the floor's digest uses the same rule). */
function canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
            .join(",")}}`;
    }
    return JSON.stringify(v) ?? "null";
}

/** Digest of (type, name, inputs) of every resource, as the floor computes it from what its mocks received. */
function listDigest(list: readonly FloorResource[]): string {
    const lines = list.map((r) => canonical([r.type, r.name, r.inputs])).sort();
    return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16);
}

/** Child: runs prod's program once and writes the floor's list. */
async function capture(file: string): Promise<void> {
    const { runStack } = await import("../offline/run-stack");
    const { readStackFile } = await import("../offline/stack-file");
    const stackFile = readStackFile(STACK);
    const run = await runStack({ stack: STACK, config: stackFile.config, configSource: stackFile.file });
    writeFileSync(file, JSON.stringify({ urns: run.graph.resources.map((r) => r.urn), list: floorList(run.graph.resources) }));
}

/** Child: the plan exactly as `npm run plan -- prod --json <file>` runs it, its text output discarded. */
async function plan(jsonFile: string): Promise<void> {
    const { main } = await import("../offline/plan-cli");
    const code = await main([STACK, "--json", jsonFile], { out: () => undefined, err: (t) => process.stderr.write(`${t}\n`) });
    if (code === 2) throw new Error(`plan exited ${code}`);
    const resources = (JSON.parse(readFileSync(jsonFile, "utf8")) as { resources: unknown[] }).resources.length;
    process.stdout.write(`${JSON.stringify({ resources, seconds: process.uptime(), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

/** Runs one child and reads its last JSON line; wall time is measured here, around the whole process. */
function child(args: string[]): Sample {
    const start = process.hrtime.bigint();
    const out = execFileSync(process.execPath, args, { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const last = JSON.parse(out.trim().split("\n").pop() ?? "{}") as Sample;
    return { ...last, seconds };
}

const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

/** Options of {@link runPlanFloor}. */
export interface PlanFloorOptions {
    /** Plan/floor pairs (alternating); medians are reported. Default 5. */
    runs?: number;
    /** Floor sizes in copies of prod's resources. Default [1, 10, 50]. */
    copies?: number[];
    /** Also run the plan under tsx (how `npm run plan` ran before tools/run-ts.js), alternating with the others. Default false. */
    tsx?: boolean;
    /** Written to as the benchmark goes. */
    write?: (text: string) => void;
}

/** Runs the benchmark and prints its figures. */
export function runPlanFloor(opts: PlanFloorOptions = {}): void {
    const runs = opts.runs ?? 5;
    const write = opts.write ?? ((t: string) => process.stdout.write(t));
    const dir = mkdtempSync(path.join(tmpdir(), "plan-floor-"));
    // Children run as `npm run plan` runs: through tools/run-ts.js.
    const self = [RUN_TS, __filename];
    try {
        const listFile = path.join(dir, "resources.json");
        execFileSync(process.execPath, [...self, "--capture", listFile], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
        const { urns, list } = JSON.parse(readFileSync(listFile, "utf8")) as { urns: string[]; list: FloorResource[] };
        const expected = listDigest(list);
        const floorArgs = (copies: number): string[] => [path.join(__dirname, "floor-program.js"), listFile, String(copies)];
        const planJsonFile = path.join(dir, "plan.json");
        const plans: Sample[] = [];
        const viaTsx: Sample[] = [];
        const floors: Sample[] = [];
        for (let i = 0; i < runs; i++) {
            floors.push(child(floorArgs(1)));
            plans.push(child([...self, "--plan", planJsonFile]));
            if (opts.tsx) viaTsx.push(child(["--import", "tsx", __filename, "--plan", planJsonFile]));
        }
        // The same resources on both sides: the plan's URNs are the captured list's, and the floor's
        // mocks received exactly the list's types, names and inputs.
        const planUrns = (JSON.parse(readFileSync(planJsonFile, "utf8")) as { resources: { urn: string }[] }).resources.map((r) => r.urn);
        if (planUrns.join("\n") !== urns.join("\n")) throw new Error("the plan's resources differ from the floor's list");
        for (const f of floors) if (f.digest !== expected) throw new Error(`the floor registered other inputs than the plan's (digest ${f.digest} vs ${expected})`);
        const t = (xs: Sample[]): number[] => xs.map((x) => x.seconds);
        const m = (xs: Sample[]): number[] => xs.map((x) => x.maxRssMb);
        const [pt, ft, pm, fm] = [median(t(plans)), median(t(floors)), median(m(plans)), median(m(floors))];
        write(`offline plan of ${STACK} vs Pulumi's SDK alone under bare setMocks (same ${list.length} resources, plain inputs), ${runs} alternating runs each, medians (min–max)\n`);
        write(`  plan (npm run plan -- ${STACK} --json, policies incl.): ${pt.toFixed(2)} s (${spread(t(plans))}), peak ${Math.round(pm)} MB (${spread(m(plans).map((x) => Math.round(x)))})\n`);
        write(`  floor (bench/floor-program.js):                      ${ft.toFixed(2)} s (${spread(t(floors))}), peak ${Math.round(fm)} MB (${spread(m(floors).map((x) => Math.round(x)))})\n`);
        if (opts.tsx) {
            const [xt, xm] = [median(t(viaTsx)), median(m(viaTsx))];
            write(`  plan under tsx (before tools/run-ts.js):              ${xt.toFixed(2)} s (${spread(t(viaTsx))}), peak ${Math.round(xm)} MB (${spread(m(viaTsx).map((x) => Math.round(x)))}); ratio to floor: time ${(xt / ft).toFixed(2)}x, memory ${(xm / fm).toFixed(2)}x\n`);
        }
        write(`  ratio plan/floor: time ${(pt / ft).toFixed(2)}x, memory ${(pm / fm).toFixed(2)}x (target <= 1.00x); inputs digest ${expected} on both sides\n`);
        const sizes = opts.copies ?? [1, 10, 50];
        const grown = sizes.map((c) => ({ copies: c, s: c === 1 ? { seconds: ft, maxRssMb: fm, resources: list.length } : child(floorArgs(c)) }));
        write(`floor alone at N copies of ${STACK}'s resources (one process each; per-resource ratio against 1 copy)\n`);
        const per = (s: Sample): number => (s.seconds * 1000) / s.resources;
        for (const { copies, s } of grown) {
            write(
                `  ${String(copies).padStart(2)} copies: ${String(s.resources).padStart(5)} resources, ${s.seconds.toFixed(2)} s (${per(s).toFixed(2)} ms/resource, ${(per(s) / per(grown[0].s)).toFixed(2)}x), peak ${Math.round(s.maxRssMb)} MB (${(s.maxRssMb / s.resources).toFixed(2)} MB/resource)\n`,
            );
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const flag = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
};
if (require.main === module) {
    const done = (p: Promise<void>): void => {
        p.catch((e: unknown) => {
            console.error(e instanceof Error ? e.message : String(e));
            process.exitCode = 1;
        });
    };
    const captureFile = flag("--capture");
    const planFile = flag("--plan");
    if (captureFile) done(capture(captureFile));
    else if (planFile) done(plan(planFile));
    else done(Promise.resolve().then(() => runPlanFloor({ runs: Number(flag("--runs") ?? 5), copies: flag("--copies")?.split(",").map(Number), tsx: process.argv.includes("--tsx") })));
}
