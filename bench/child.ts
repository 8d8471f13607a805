/**
 * Benchmarks run each measurement in its own process, so peak memory is that run's alone. Children
 * run through tools/run-ts.js, as `npm run plan` does (cached transpile, no source maps).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..");
/** The TypeScript runner the npm scripts use. */
export const RUN_TS = path.join(ROOT, "tools", "run-ts.js");

/** Runs a TypeScript file in a new Node process (through run-ts) and returns its stdout. */
export function runTs(file: string, args: string[], nodeFlags: string[] = []): string {
    return execFileSync(process.execPath, [...nodeFlags, RUN_TS, file, ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
}
