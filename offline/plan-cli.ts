/**
 * `npm run plan -- <stack> [--json <file>] [--preview] [--stack-dir <dir>]`
 *
 * Runs the stack's program against simulated Azure (no account, no Pulumi
 * CLI), prints the resource tree and a summary, and optionally writes every
 * captured resource as JSON.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, processIo, reportInputError, type CliIo } from "./cli-io";
import { planJson, renderSummary, renderTree } from "./plan";
import { runStack } from "./run-stack";
import { readStackConfig } from "./stack-file";

const USAGE = "usage: npm run plan -- <stack> [--json <file>] [--preview] [--stack-dir <dir>]";

/** Runs the plan CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
    try {
        const { values, positionals } = parseCli(argv);
        const stack = positionals[0];
        const config = readStackConfig(stack, values.stackDir);
        const run = await runStack({ stack, config, preview: values.preview });
        io.out(`${values.preview ? "Previewing" : "Planning"} stack ${run.graph.project}/${stack} (offline: simulated Azure, no credentials)\n`);
        io.out(renderTree(run.graph));
        io.out(`\n${renderSummary(run.graph)}`);
        if (values.json) {
            const file = path.resolve(values.json);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, `${JSON.stringify(planJson(run.graph, run.outputs), null, 2)}\n`);
            io.out(`\nWrote ${path.relative(process.cwd(), file)}`);
        }
        return EXIT.ok;
    } catch (e) {
        return reportInputError(e, io, USAGE);
    }
}

function parseCli(argv: string[]): { values: { json?: string; preview: boolean; stackDir?: string }; positionals: string[] } {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "string" }, preview: { type: "boolean", default: false }, "stack-dir": { type: "string" } } });
    } catch (e) {
        throw new UsageError((e as Error).message);
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? "name the stack to plan, e.g. dev" : `one stack at a time; got ${parsed.positionals.join(", ")}`);
    return { values: { json: parsed.values.json, preview: parsed.values.preview ?? false, stackDir: parsed.values["stack-dir"] }, positionals: parsed.positionals };
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
