/**
 * `npm run plan -- <stack> [--json <file>] [--sarif <file>] [--policy-config <file>] [--stack-tag <name>=<value>]... [--preview] [--stack-dir <dir>]`
 *
 * Runs the stack's program against simulated Azure (no account, no Pulumi
 * CLI), prints the resource tree and a summary, evaluates the policy pack on
 * the captured resources (with `policies/config/<stack>.json` when present),
 * and optionally writes the plan as JSON and the policy results as SARIF.
 * Exit codes: 0 clean or advisory only; 1 a mandatory violation; 2 bad input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../stacks/config-errors";
import { EXIT, UsageError, processIo, type CliIo } from "./cli-io";
import { evaluatePolicies, loadPolicyConfig, parseStackTags, PolicyConfigError, stackPolicyConfigPath } from "./policy-harness";
import { exitCodeFor } from "./policy-report";
import { toJsonReport } from "./report-json";
import { renderSarif } from "./report-sarif";
import { renderText } from "./report-text";
import { planJson, renderSummary, renderTree } from "./plan";
import { runStack, SimulationError } from "./run-stack";
import { readStackConfig, StackFileError } from "./stack-file";

const USAGE = "usage: npm run plan -- <stack> [--json <file>] [--sarif <file>] [--policy-config <file>] [--stack-tag <name>=<value>]... [--preview] [--stack-dir <dir>]";
const PROJECT_ROOT = path.resolve(__dirname, "..");

/** Runs the plan CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
    try {
        const { values, positionals } = parseCli(argv);
        const stack = positionals[0];
        const config = readStackConfig(stack, values.stackDir);
        // Read the policy config before running anything, so a bad file fails fast.
        const policyConfigFile = values.policyConfig ?? stackPolicyConfigPath(stack, PROJECT_ROOT);
        const policyConfig = policyConfigFile ? loadPolicyConfig(policyConfigFile) : undefined;
        const stackTags = parseStackTags(values.stackTag);
        const run = await runStack({ stack, config, preview: values.preview });
        io.out(`${values.preview ? "Previewing" : "Planning"} stack ${run.graph.project}/${stack} (offline: simulated Azure, no credentials)\n`);
        io.out(renderTree(run.graph));
        io.out(`\n${renderSummary(run.graph)}\n`);
        const report = evaluatePolicies(run.graph, policyConfig, { configFile: policyConfigFile, stackTags });
        io.out(`Policy config: ${policyConfigFile ? path.relative(process.cwd(), policyConfigFile) : "none (pack defaults)"}`);
        io.out(renderText(report));
        if (values.json) {
            writeReport(values.json, JSON.stringify(planJson(run.graph, run.outputs, { policies: toJsonReport(report) }), null, 2), io);
        }
        if (values.sarif) writeReport(values.sarif, renderSarif(report), io);
        return exitCodeFor(report);
    } catch (e) {
        return reportInputError(e, io);
    }
}

/**
 * Reports an error the user can fix and returns exit code 2; rethrows anything
 * unexpected (a bug, which deserves its stack trace).
 */
function reportInputError(e: unknown, io: CliIo): number {
    if (e instanceof ConfigError) {
        io.err(e.message);
    } else if (e instanceof SimulationError) {
        io.err(`${e.message}\n(Azure would reject these at deploy time; fix the stack config or the component.)`);
    } else if (e instanceof StackFileError || e instanceof PolicyConfigError) {
        io.err(`error: ${e.message}`);
    } else if (e instanceof UsageError) {
        io.err(`error: ${e.message}\n${USAGE}`);
    } else {
        throw e;
    }
    return EXIT.badInput;
}

function writeReport(target: string, content: string, io: CliIo): void {
    const file = path.resolve(target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content.endsWith("\n") ? content : `${content}\n`);
    io.out(`Wrote ${path.relative(process.cwd(), file)}`);
}

interface PlanOptions {
    json?: string;
    sarif?: string;
    policyConfig?: string;
    stackTag?: string[];
    preview: boolean;
    stackDir?: string;
}

function parseCli(argv: string[]): { values: PlanOptions; positionals: string[] } {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                json: { type: "string" },
                sarif: { type: "string" },
                "policy-config": { type: "string" },
                "stack-tag": { type: "string", multiple: true },
                preview: { type: "boolean", default: false },
                "stack-dir": { type: "string" },
            },
        });
    } catch (e) {
        throw new UsageError((e as Error).message);
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? "name the stack to plan, e.g. dev" : `one stack at a time; got ${parsed.positionals.join(", ")}`);
    const v = parsed.values;
    return { values: { json: v.json, sarif: v.sarif, policyConfig: v["policy-config"], stackTag: v["stack-tag"], preview: v.preview ?? false, stackDir: v["stack-dir"] }, positionals: parsed.positionals };
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            console.error(e);
            process.exit(EXIT.badInput);
        },
    );
}
