/**
 * `node tools/run-ts.js bench/plan-floor.ts [--runs N] [--copies 1,10,50] [--program-copies 1,10] [--tsx]`: the offline plan of prod (policies, reports and JSON
 * included, as `npm run plan -- prod --json <file>` runs it) against two floors, each registering the
 * same resources with plain inputs under Pulumi's bare `setMocks` and doing nothing else:
 *
 * - the program floor (bench/floor-typed-program.ts), the target's reference: a TypeScript program as
 *   one is written and run (tsx, Node's and the SDK's defaults), each resource through its own SDK
 *   class; the kind of floor issue 14 measured;
 * - the bare floor (bench/floor-program.js): plain JavaScript and the SDK's generic classes, the
 *   cheapest program that registers these resources at all; shown for scale.
 *
 * Each run is its own process, so peak RSS is that run's; plan and floors alternate, and the ratios
 * are of medians measured in the same run. Also both floors at N copies of prod's resources, to show
 * how the SDK's own cost grows with size. A benchmark, not a test: it checks that each floor
 * registered exactly the plan's resources (the bare one with the same inputs).
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

/** Digest of (type, name) of every resource, as the program floor computes it from what its mocks received. */
function identityDigest(list: readonly FloorResource[]): string {
    return createHash("sha256").update(list.map((r) => `${r.type}::${r.name}`).sort().join("\n")).digest("hex").slice(0, 16);
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
    /** Bare floor sizes in copies of prod's resources. Default [1, 10, 50]. */
    copies?: number[];
    /** Program floor sizes in copies (it costs ~10 ms and ~0.8 MB a resource). Default [1, 10]. */
    programCopies?: number[];
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
        const expectedIds = identityDigest(list);
        const bareArgs = (copies: number): string[] => [path.join(__dirname, "floor-program.js"), listFile, String(copies)];
        // The program floor runs as a TypeScript program usually does: under tsx, with Node's defaults.
        const programArgs = (copies: number): string[] => ["--import", "tsx", path.join(__dirname, "floor-typed-program.ts"), listFile, String(copies)];
        const planJsonFile = path.join(dir, "plan.json");
        const plans: Sample[] = [];
        const viaTsx: Sample[] = [];
        const floors: Sample[] = [];
        const bares: Sample[] = [];
        for (let i = 0; i < runs; i++) {
            floors.push(child(programArgs(1)));
            plans.push(child([...self, "--plan", planJsonFile]));
            bares.push(child(bareArgs(1)));
            if (opts.tsx) viaTsx.push(child(["--import", "tsx", __filename, "--plan", planJsonFile]));
        }
        // The same resources on every side: the plan's URNs are the captured list's, the program
        // floor's mocks received exactly the list's types and names, the bare floor's also its inputs.
        const planUrns = (JSON.parse(readFileSync(planJsonFile, "utf8")) as { resources: { urn: string }[] }).resources.map((r) => r.urn);
        if (planUrns.join("\n") !== urns.join("\n")) throw new Error("the plan's resources differ from the floor's list");
        for (const f of floors) if (f.digest !== expectedIds) throw new Error(`the program floor registered other resources than the plan's (digest ${f.digest} vs ${expectedIds})`);
        for (const f of bares) if (f.digest !== expected) throw new Error(`the bare floor registered other inputs than the plan's (digest ${f.digest} vs ${expected})`);
        const t = (xs: Sample[]): number[] => xs.map((x) => x.seconds);
        const m = (xs: Sample[]): number[] => xs.map((x) => x.maxRssMb);
        const [pt, ft, pm, fm] = [median(t(plans)), median(t(floors)), median(m(plans)), median(m(floors))];
        const [bt, bm] = [median(t(bares)), median(m(bares))];
        const row = (label: string, xs: Sample[]): string =>
            `  ${label.padEnd(58)}${median(t(xs)).toFixed(2)} s (${spread(t(xs))}), peak ${Math.round(median(m(xs)))} MB (${spread(m(xs).map((x) => Math.round(x)))})\n`;
        write(`offline plan of ${STACK} vs Pulumi's SDK alone under bare setMocks (same ${list.length} resources, plain inputs), ${runs} alternating runs each, medians (min–max)\n`);
        write(row(`plan (npm run plan -- ${STACK} --json, policies incl.):`, plans));
        write(row("program floor (bench/floor-typed-program.ts, tsx):", floors));
        write(row("bare floor (bench/floor-program.js, plain JS):", bares));
        if (opts.tsx) write(row("plan under tsx (before tools/run-ts.js):", viaTsx));
        write(`  ratio plan/program floor: time ${(pt / ft).toFixed(2)}x, memory ${(pm / fm).toFixed(2)}x (target <= 1.00x)\n`);
        write(`  ratio plan/bare floor:    time ${(pt / bt).toFixed(2)}x, memory ${(pm / bm).toFixed(2)}x (for scale)\n`);
        const per = (s: Sample): number => (s.seconds * 1000) / s.resources;
        const grow = (label: string, sizes: number[], first: Sample, args: (c: number) => string[]): void => {
            const grown = sizes.map((c) => ({ copies: c, s: c === 1 ? { ...first, resources: list.length } : child(args(c)) }));
            write(`${label} at N copies of ${STACK}'s resources (one process each; per-resource ratio against 1 copy)\n`);
            for (const { copies, s } of grown) {
                write(
                    `  ${String(copies).padStart(2)} copies: ${String(s.resources).padStart(5)} resources, ${s.seconds.toFixed(2)} s (${per(s).toFixed(2)} ms/resource, ${(per(s) / per(grown[0].s)).toFixed(2)}x), peak ${Math.round(s.maxRssMb)} MB (${(s.maxRssMb / s.resources).toFixed(2)} MB/resource)\n`,
                );
            }
        };
        grow("program floor", opts.programCopies ?? [1, 10], { seconds: ft, maxRssMb: fm, resources: list.length }, programArgs);
        grow("bare floor", opts.copies ?? [1, 10, 50], { seconds: bt, maxRssMb: bm, resources: list.length }, bareArgs);
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
    else done(Promise.resolve().then(() => runPlanFloor({ runs: Number(flag("--runs") ?? 5), copies: flag("--copies")?.split(",").map(Number), programCopies: flag("--program-copies")?.split(",").map(Number), tsx: process.argv.includes("--tsx") })));
}
