/**
 * The result of a policy run reduced to a comparable fingerprint, so the
 * throughput benchmark can prove that making the pack faster changed nothing it
 * reports: every violation (policy, URN, message, level, severity), every
 * skipped evaluation and failure, in the order the harness reports them, and
 * every policy's outcome counters. The expected fingerprints live in
 * bench/policy-results.expected.json, recorded with `--record` (see
 * {@link main}) from the pack before a change; the benchmark refuses to print a
 * figure when the pack's results differ.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCheckpoint } from "../offline/checkpoint";
import { evaluatePolicies, type PolicyReport } from "../offline/policy-harness";

/** What is compared. */
export interface ResultFingerprint {
    /** Violations found. */
    violations: number;
    /** Skipped evaluations (unknown or undecryptable values). */
    skipped: number;
    /** Policy failures. */
    errors: number;
    /** Not-applicable outcomes. */
    notApplicable: number;
    /** sha256 of every violation, skip and failure in report order, and every policy's outcome. */
    digest: string;
    /** Violations per policy (readable, to see which policy changed when the digest differs). */
    byPolicy: Record<string, number>;
}

/** The fingerprint of a report. */
export function fingerprint(report: PolicyReport): ResultFingerprint {
    const hash = createHash("sha256");
    const line = (fields: unknown[]): void => void hash.update(`${JSON.stringify(fields)}\n`);
    for (const v of report.violations) {
        line(["violation", v.policyName, v.urn, v.enforcementLevel, v.severity, v.message, v.resourceName ?? null, v.resourceType ?? null]);
    }
    for (const s of report.skipped) {
        line(["skipped", s.policyName, s.urn ?? null, s.reason]);
    }
    for (const e of report.errors) {
        line(["error", e.policyName, e.urn ?? null, e.message]);
    }
    for (const o of report.evaluated) {
        line(["outcome", o.policyName, o.kind, o.enforcementLevel, o.outcome, o.evaluations, o.applied, o.violations, o.notApplicable, o.skipped, o.errors]);
    }
    line(["summary", report.summary]);
    const byPolicy: Record<string, number> = {};
    for (const v of report.violations) {
        byPolicy[v.policyName] = (byPolicy[v.policyName] ?? 0) + 1;
    }
    return {
        violations: report.summary.violations,
        skipped: report.summary.skipped,
        errors: report.summary.errors,
        notApplicable: report.summary.notApplicable,
        digest: hash.digest("hex"),
        byPolicy,
    };
}

/** Where the expected fingerprints are kept. */
export const EXPECTED_FILE = join(__dirname, "policy-results.expected.json");

/** Expected fingerprints by input name. */
export type ExpectedResults = Record<string, ResultFingerprint>;

/** Reads the recorded fingerprints. */
export function readExpected(): ExpectedResults {
    return JSON.parse(readFileSync(EXPECTED_FILE, "utf8")) as ExpectedResults;
}

/** Throws, naming what differs, when `actual` is not the recorded fingerprint of `input`. */
export function assertSameResults(input: string, actual: ResultFingerprint, expected: ExpectedResults = readExpected()): void {
    const want = expected[input];
    if (!want) {
        throw new Error(`${EXPECTED_FILE} has no results for ${input}; record them with: npx tsx bench/policy-results.ts --record`);
    }
    if (want.digest === actual.digest) {
        return;
    }
    const policies = new Set([...Object.keys(want.byPolicy), ...Object.keys(actual.byPolicy)]);
    const changed = [...policies].filter((p) => want.byPolicy[p] !== actual.byPolicy[p]).map((p) => `${p}: ${want.byPolicy[p] ?? 0} -> ${actual.byPolicy[p] ?? 0}`);
    throw new Error(
        [
            `policy results on ${input} differ from the recorded ones (${EXPECTED_FILE}):`,
            `  violations ${want.violations} -> ${actual.violations}, skipped ${want.skipped} -> ${actual.skipped}, errors ${want.errors} -> ${actual.errors}, not applicable ${want.notApplicable} -> ${actual.notApplicable}`,
            ...(changed.length > 0 ? changed.map((c) => `  ${c}`) : ["  same counts per policy: order, messages, levels or outcomes differ"]),
        ].join("\n"),
    );
}

/** The audit fixtures the synthetic export is made of, each checked on its own as well. */
export const FIXTURES = ["secure-prod.json", "insecure-prod.json"];

/** Fingerprints of the pack on each fixture. */
export function fixtureResults(): Record<string, ResultFingerprint> {
    const dir = join(__dirname, "..", "test", "fixtures", "audit");
    const out: Record<string, ResultFingerprint> = {};
    for (const f of FIXTURES) {
        out[f] = fingerprint(evaluatePolicies(parseCheckpoint(readFileSync(join(dir, f), "utf8"), f)));
    }
    return out;
}

/** `npx tsx bench/policy-results.ts [--record]`: checks (or records) the pack's results on the benchmark inputs. */
async function main(): Promise<void> {
    const { syntheticExport, SYNTHETIC_INPUT, SYNTHETIC_RESOURCES } = await import("./policy-throughput");
    const actual: ExpectedResults = {
        ...fixtureResults(),
        [SYNTHETIC_INPUT]: fingerprint(evaluatePolicies(parseCheckpoint(syntheticExport(SYNTHETIC_RESOURCES), SYNTHETIC_INPUT))),
    };
    if (process.argv.includes("--record")) {
        writeFileSync(EXPECTED_FILE, `${JSON.stringify(actual, null, 2)}\n`);
        process.stdout.write(`recorded ${Object.keys(actual).join(", ")} in ${EXPECTED_FILE}\n`);
        return;
    }
    const expected = readExpected();
    for (const [input, fp] of Object.entries(actual)) {
        assertSameResults(input, fp, expected);
        process.stdout.write(`${input}: same results (${fp.violations} violations, ${fp.skipped} skipped, ${fp.errors} errors)\n`);
    }
}

if (require.main === module) {
    main().catch((e: unknown) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    });
}
