/**
 * Benchmark: evaluation throughput of the whole policy pack on a synthetic
 * `pulumi stack export` of 10,000+ resources (copies of the realistic secure
 * and insecure audit fixtures, so every resource type and relation is there).
 * (a) baseline: parse the export and walk every resource's inputs;
 * (b) the whole pack through the same harness as the audit.
 * Every pack run's results are compared with the recorded ones
 * (bench/policy-results.ts) before any figure is returned, so a faster pack
 * that finds something different fails the benchmark instead of looking good.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseCheckpoint } from "../offline/checkpoint";
import { evaluatePolicies } from "../offline/policy-harness";
import { assertSameResults, fingerprint, readExpected } from "./policy-results";

/** Name of the synthetic export in the recorded results. */
export const SYNTHETIC_INPUT = "synthetic-10000";
/** Minimum resources of the synthetic export the results are recorded for. */
export const SYNTHETIC_RESOURCES = 10_000;

/** Options for {@link runPolicyThroughput}. */
export interface ThroughputOptions {
    /** Minimum number of resources in the synthetic export (default 10,000). */
    minResources?: number;
    /** Repetitions; the median is reported (default 5). */
    repetitions?: number;
}

/** Figures of one benchmark run. */
export interface ThroughputResult {
    /** Resources in the synthetic export. */
    resources: number;
    /** Median seconds for parse + walk. */
    baselineSeconds: number;
    /** Median seconds for parse + whole pack. */
    packSeconds: number;
    /** Baseline resources per second. */
    baselinePerSecond: number;
    /** Whole-pack resources per second. */
    packPerSecond: number;
    /** Pack time / baseline time. */
    ratio: number;
    /** Fastest and slowest whole-pack resources per second over the repetitions (the machine is shared). */
    packPerSecondRange: [number, number];
    /** Repetitions run. */
    repetitions: number;
    /** Violations found (the same as recorded, or the run throws). */
    violations: number;
}

type RawResource = { urn: string; id?: string; parent?: string; dependencies?: string[]; propertyDependencies?: Record<string, string[]>; [k: string]: unknown };

/** Builds the synthetic export text by copying the fixtures' resources under distinct names. */
export function syntheticExport(minResources: number): string {
    const dir = join(__dirname, "..", "test", "fixtures", "audit");
    const sources = ["secure-prod.json", "insecure-prod.json"].map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
    const header = sources[0].deployment.resources.filter((r: RawResource) => String(r.urn).includes("pulumi:pulumi:Stack") || String(r.urn).includes("pulumi:providers:"));
    const templates: RawResource[][] = sources.map((s) =>
        s.deployment.resources.filter((r: RawResource) => !header.some((h: RawResource) => h.urn === r.urn) && !String(r.urn).includes("pulumi:pulumi:Stack")),
    );
    const resources: RawResource[] = [...header];
    for (let copy = 0; resources.length < minResources; copy++) {
        const group = templates[copy % templates.length];
        const suffix = `-c${copy}`;
        const rename = (urn: string) => (group.some((g) => g.urn === urn) ? `${urn}${suffix}` : urn);
        // Each copy lives in its own resource group, as a real multi-workspace stack would.
        const text = JSON.stringify(group).replace(/rg-aml-prod/g, `rg-aml-prod${suffix}`);
        for (const r of JSON.parse(text) as RawResource[]) {
            r.urn = rename(r.urn);
            r.parent = r.parent ? rename(r.parent) : r.parent;
            r.dependencies = (r.dependencies ?? []).map(rename);
            for (const k of Object.keys(r.propertyDependencies ?? {})) {
                r.propertyDependencies![k] = r.propertyDependencies![k].map(rename);
            }
            resources.push(r);
        }
    }
    return JSON.stringify({ version: 3, deployment: { manifest: sources[0].deployment.manifest, resources } });
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

/** Counts leaves of a value (the baseline's "iterate every resource" work). */
function walk(v: unknown): number {
    if (Array.isArray(v)) return v.reduce((n: number, x) => n + walk(x), 0);
    if (typeof v === "object" && v !== null) return Object.values(v).reduce((n: number, x) => n + walk(x), 0);
    return 1;
}

/** Runs the benchmark and returns its figures. */
export function runPolicyThroughput(options: ThroughputOptions = {}): ThroughputResult {
    const minResources = options.minResources ?? SYNTHETIC_RESOURCES;
    const text = syntheticExport(minResources);
    const reps = options.repetitions ?? 5;
    // Results are recorded for the standard size only; other sizes are timed unchecked.
    const expected = minResources === SYNTHETIC_RESOURCES ? readExpected() : undefined;
    const base: number[] = [];
    const pack: number[] = [];
    let resources = 0;
    let violations = 0;
    for (let i = 0; i < reps; i++) {
        let t = performance.now();
        const s1 = parseCheckpoint(text, "synthetic.json");
        let leaves = 0;
        for (const r of s1.resources) leaves += walk(r.inputs);
        base.push((performance.now() - t) / 1000);
        resources = s1.resources.length;
        if (leaves === 0) throw new Error("empty synthetic export");

        t = performance.now();
        const s2 = parseCheckpoint(text, "synthetic.json");
        const report = evaluatePolicies(s2);
        pack.push((performance.now() - t) / 1000);
        violations = report.summary.violations;
        if (expected) {
            assertSameResults(SYNTHETIC_INPUT, fingerprint(report), expected);
        }
    }
    const baselineSeconds = median(base);
    const packSeconds = median(pack);
    return {
        resources,
        baselineSeconds,
        packSeconds,
        baselinePerSecond: resources / baselineSeconds,
        packPerSecond: resources / packSeconds,
        ratio: packSeconds / baselineSeconds,
        packPerSecondRange: [resources / Math.max(...pack), resources / Math.min(...pack)],
        repetitions: reps,
        violations,
    };
}
