/**
 * A stand-in `pulumi` executable for driving the real Automation API without the Pulumi CLI:
 * it records every invocation's arguments, answers `version` with a CLI older than 3.206 (so the
 * Automation API reads engine events from the `--event-log` file, not a gRPC stream), and for
 * `preview` / `up` writes the scripted engine events to that file, prints the scripted output
 * and exits with the scripted code. After `up`, `stack output` and `stack history` answer as the CLI
 * would (Stack.up reads them for its result).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EngineEvent } from "../../../offline/deploy/deploy-types";

/** What the fake does for one command. */
export interface FakeCliStep {
    events?: EngineEvent[];
    stdout?: string;
    stderr?: string;
    exit?: number;
    /** For `up`: the resource changes `pulumi stack history` reports afterwards. */
    historyChanges?: Record<string, number>;
}

/** The fake's behaviour, per command. */
export interface FakeCliScript {
    stack?: FakeCliStep;
    preview?: FakeCliStep;
    up?: FakeCliStep;
}

const SOURCE = `
const fs = require("fs");
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_PULUMI_LOG, JSON.stringify(args) + "\\n");
const script = JSON.parse(process.env.FAKE_PULUMI_SCRIPT || "{}");
if (args[0] === "version") { process.stdout.write("v3.200.0\\n"); process.exit(0); }
// What Stack.up reads after the update: the outputs, and the last history entry as its summary.
if (args[0] === "stack" && args[1] === "output") { process.stdout.write("{}"); process.exit(0); }
if (args[0] === "stack" && args[1] === "history") {
  const changes = (script.up && script.up.historyChanges) || {};
  process.stdout.write(JSON.stringify([{ kind: "update", startTime: "2026-01-01T00:00:00Z", endTime: "2026-01-01T00:01:00Z", message: "", environment: {}, config: {}, result: "succeeded", version: 1, resourceChanges: changes }]));
  process.exit(0);
}
const step = script[args[0]] || {};
const log = args.indexOf("--event-log");
if (log >= 0) fs.appendFileSync(args[log + 1], (step.events || []).map((e) => JSON.stringify(e) + "\\n").join(""));
if (step.stdout) process.stdout.write(step.stdout);
if (step.stderr) process.stderr.write(step.stderr);
process.exit(step.exit || 0);
`;

/** Installs the fake in a fresh folder; `use(script)` puts it first on PATH until `restore()`. */
export function fakePulumiCli(): { invocations(): string[][]; use(script: FakeCliScript): void; restore(): void; remove(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aml-fake-pulumi-"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, "pulumi"), `#!${process.execPath}\n${SOURCE}`, { mode: 0o755 });
    const log = path.join(dir, "invocations.jsonl");
    const saved = { PATH: process.env.PATH, FAKE_PULUMI_LOG: process.env.FAKE_PULUMI_LOG, FAKE_PULUMI_SCRIPT: process.env.FAKE_PULUMI_SCRIPT };
    const restore = (): void => {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
    };
    return {
        invocations: () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as string[]) : []),
        use(script) {
            fs.rmSync(log, { force: true });
            process.env.PATH = `${bin}${path.delimiter}${saved.PATH ?? ""}`;
            process.env.FAKE_PULUMI_LOG = log;
            process.env.FAKE_PULUMI_SCRIPT = JSON.stringify(script);
        },
        restore,
        remove() {
            restore();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
