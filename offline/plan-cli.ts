/**
 * `npm run plan -- <stack> [--json <file>|-] [--sarif <file>|-] [--html <file>|-] [--policy-config <file>] [--stack-tag <name>=<value>]... [--preview] [--stack-dir <dir>] [--only <kind>:<value>]... [--against <stack export> [--allow <rule>]...]`
 *
 * Runs the stack's program against simulated Azure (no account, no Pulumi
 * CLI), prints the resource tree and a summary, evaluates the policy pack on
 * the captured resources (with `policies/config/<stack>.json` when present),
 * ends with the stack outputs, and optionally writes the plan as JSON and the
 * policy results as SARIF (placed in the stack file), and the HTML report (offline/report-html.ts).
 * With `--against`, it also compares the plan with a deployed stack's export (plan-against.ts).
 * Exit codes: 0 clean or advisory only; 1 a mandatory violation or a dangerous change not allowed; 2 bad input.
 */
import * as path from "node:path";
import { ConfigError } from "../stacks/config-errors";
import { estimateCost, renderCostEstimate } from "./cost-estimate";
import { checkWritable, EXIT, FileAccessError, parseFlags, processIo, STDOUT, usageHint, UsageError, writeReportFile, type CliIo } from "./cli-io";
import { evaluatePolicies, loadPolicyConfig, parseStackTags, PolicyConfigError, stackPolicyConfigPath } from "./policy-harness";
import { exitCodeFor } from "./policy-report";
import { toJsonReport } from "./report-json";
import { stackFileLocator } from "./report-locations";
import { renderHtmlReport } from "./report-html";
import { renderSarif } from "./report-sarif";
import { renderText } from "./report-text";
import { describeOnly, filterReport, parseOnly, resolveOnly } from "./report-filter";
import { planJson, renderOutputs, renderSummary, renderTree } from "./plan";
import { criticalPath } from "./critical-path";
import { deployTimeJson, renderDeployTime } from "./deploy-time-report";
import { runStack, SimulationError } from "./run-stack";
import { readStackFile, StackFileError } from "./stack-file";
import { CheckpointError } from "./checkpoint";
import { DANGER_RULE_IDS } from "./dangerous-changes";
import { compareAgainst, loadAgainst } from "./plan-against";

/** Usage text (`--help`). */
export const USAGE = `usage: npm run plan -- <stack> [--json <file>|-] [--sarif <file>|-] [--html <file>|-] [--policy-config <file>] [--stack-tag <name>=<value>]... [--preview] [--stack-dir <dir>] [--only <kind>:<value>]... [--against <stack export> [--allow <rule>]...]

  <stack>           stack name: reads <stack-dir>/Pulumi.<stack>.yaml
  --json <file>     write the plan (resources, inputs with secrets redacted, outputs, cost and deploy-time estimates, policy results) as JSON; - for stdout
  --sarif <file>    write the policy results as SARIF 2.1.0, placed in the stack file; - for stdout
  --html <file>     write one self-contained HTML report; - for stdout (summary, cost and deploy-time estimates, architecture diagram,
                    violations with remediation, searchable resource table; secrets redacted, nothing loaded from the network)
  --policy-config   policy pack config (default policies/config/<stack>.json when it exists)
  --stack-tag <n=v> a stack tag the policies see, as the real engine passes them (repeatable); none by default
  --preview         leave IDs and computed values unknown, as \`pulumi preview\` does
  --stack-dir <dir> folder of the stack files (default stacks/)
  --only <k>:<v>    show only policy:<name>, type:<token or last part, e.g. ManagedCluster> or team:<key> (platform: no team);
                    repeatable: values of one kind are alternatives, kinds combine. Filters what is shown (tree, violations,
                    per-policy table, JSON resources and policy results; not --sarif); the exit code is the whole stack's
  --against <file>  compare the plan with a deployed stack (\`pulumi stack export --file <file>\`), as \`pulumi preview\` would:
                    create, update (changed input paths), replace (the property forcing it), delete, unchanged; and flag
                    the changes that fail or lose data (exit 1 unless allowed). JSON: the \`diff\` object
  --allow <rule>    with --against: a dangerous change of this rule does not fail the plan (repeatable); rules:
                    ${DANGER_RULE_IDS.join(", ")}
  -h, --help        this text

Folders of --json, --sarif and --html files are created. With - the text plan is not printed, so stdout is only the report.
exit codes: 0 clean or advisory only, 1 mandatory policy violation or (with --against) a dangerous change not allowed, 2 bad input
`;

const FLAGS = {
    json: { type: "string" },
    sarif: { type: "string" },
    html: { type: "string" },
    "policy-config": { type: "string" },
    preview: { type: "boolean" },
    "stack-dir": { type: "string" },
    "stack-tag": { type: "string", multiple: true },
    only: { type: "string", multiple: true },
    against: { type: "string" },
    allow: { type: "string", multiple: true },
} as const;

const PROJECT_ROOT = path.resolve(__dirname, "..");

/** Runs the plan CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
    let progress: ((text: string) => void) | undefined;
    try {
        const { values, positionals, help } = parseFlags(argv, FLAGS);
        if (help) {
            io.out(USAGE);
            return EXIT.ok;
        }
        if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name the stack to plan, e.g. dev" : `one stack at a time; got ${positionals.join(", ")}`);
        if (values.json === STDOUT && values.sarif === STDOUT) throw new UsageError("--json and --sarif cannot both write to stdout (-)");
        if (values.html === STDOUT && (values.json === STDOUT || values.sarif === STDOUT)) throw new UsageError("only one report can write to stdout (-)");
        const stack = positionals[0];
        const toStdout = values.json === STDOUT || values.sarif === STDOUT || values.html === STDOUT;
        // Text and notices go where the report is not: stdout carries only the report when it is "-".
        const say = toStdout ? io.err : io.out;
        const show = toStdout ? () => undefined : io.out;
        // Progress goes to a terminal only, and never while stdout carries a report.
        progress = toStdout ? undefined : io.progress;
        // Refuse unwritable report targets before the run, not after it.
        for (const target of [values.json, values.sarif, values.html]) if (target !== undefined) checkWritable(target);
        const stackTags = parseStackTags(values["stack-tag"]);
        const only = parseOnly(values.only);
        const stackFile = readStackFile(stack, values["stack-dir"]);
        // Read the deployed stack's export before the run, so a bad file fails fast.
        const against = loadAgainst(values.against, values.allow);
        // Read the policy config before running anything, so a bad file fails fast.
        const policyConfigFile = values["policy-config"] ?? stackPolicyConfigPath(stack, PROJECT_ROOT);
        const policyConfig = policyConfigFile ? loadPolicyConfig(policyConfigFile) : undefined;
        const shownPolicyConfig = values["policy-config"] ?? (policyConfigFile ? path.relative(process.cwd(), policyConfigFile) : undefined);
        const verb = values.preview ? "Previewing" : "Planning";
        progress?.(`${verb} ${stack}: starting the program…`);
        const run = await runStack({
            stack,
            config: stackFile.config,
            preview: values.preview ?? false,
            configSource: stackFile.file,
            onProgress: progress && ((n) => progress?.(`${verb} ${stack}: ${n} resources registered…`)),
        });
        progress?.(`Evaluating the policy pack on ${run.graph.resources.length} resources…`);
        const report = evaluatePolicies(run.graph, policyConfig, { configFile: policyConfigFile, stackTags });
        progress?.("");
        // --only narrows what is shown; `report` (all of it) still decides the exit code.
        const selection = only && resolveOnly(only, run.graph, report);
        const shown = selection ? filterReport(report, selection) : report;
        const shownUrns = new Set(run.graph.resources.filter((r) => !selection || selection.resource(r)).map((r) => r.urn));
        show(`${verb} stack ${run.graph.project}/${stack} (offline: simulated Azure, no credentials)\n`);
        show(renderTree(run.graph, selection?.resource));
        show(`\n${renderSummary(run.graph)}\n`);
        const comparison = against && compareAgainst(against, run.graph, run.states);
        if (comparison) show(`\n${comparison.text}\n`);
        const deployTime = criticalPath(run.graph);
        show(`\n${renderDeployTime(deployTime)}\n`);
        // The monthly cost estimate of what the plan creates (offline/cost-estimate.ts).
        const costEstimate = estimateCost(run.graph);
        show(`\n${renderCostEstimate(costEstimate)}\n`);
        show(`Policy config: ${shownPolicyConfig ?? "none (pack defaults)"}`);
        show(renderText(shown));
        if (values.only) show(describeOnly(values.only, report, shown));
        show(`\n${renderOutputs(run.outputs)}`);
        if (values.json) {
            const plan = planJson(run.graph, run.outputs, { costEstimate, policies: toJsonReport(shown), deployTime: deployTimeJson(deployTime), ...(values.only ? { only: values.only } : {}), ...(comparison ? { diff: comparison.json } : {}) });
            // Summary and teams are computed on the whole stack; --only narrows the resource list.
            if (selection) plan.resources = (plan.resources as { urn: string }[]).filter((r) => shownUrns.has(r.urn));
            writeReportFile(values.json, JSON.stringify(plan, null, 2), io);
            if (values.json !== STDOUT) say(`Wrote ${values.json}`);
        }
        if (values.sarif) {
            writeReportFile(values.sarif, renderSarif(report, { artifactUri: stackFile.file, locate: stackFileLocator(stackFile.keys) }), io);
            if (values.sarif !== STDOUT) say(`Wrote ${values.sarif}`);
        }
        if (values.html) {
            // The whole stack and its whole report: --only narrows the text and JSON, not the picture.
            writeReportFile(values.html, await renderHtmlReport({ stack: run.graph, report, source: `offline plan of ${stackFile.file}`, costEstimate, deployTime }), io);
            if (values.html !== STDOUT) say(`Wrote ${values.html}`);
        }
        return Math.max(exitCodeFor(report), comparison?.exitCode ?? EXIT.ok);
    } catch (e) {
        progress?.("");
        return reportError(e, io);
    }
}

/** Reports an error in one message (no stack trace) and returns exit code 2. */
function reportError(e: unknown, io: CliIo): number {
    if (e instanceof ConfigError) {
        io.err(e.message);
    } else if (e instanceof SimulationError) {
        io.err(`${e.message}\n(Azure would reject these at deploy time; fix the stack config or the component.)`);
    } else if (e instanceof StackFileError || e instanceof PolicyConfigError || e instanceof FileAccessError || e instanceof CheckpointError) {
        io.err(`plan: ${e.message}`);
    } else if (e instanceof UsageError) {
        io.err(`plan: ${e.message} ${usageHint("plan")}`);
    } else {
        // A bug: one line, the trace only on request, so users never face a wall of frames.
        io.err(`plan: unexpected error: ${e instanceof Error ? e.message : String(e)}${process.env.AML_DEBUG ? `\n${(e as Error).stack ?? ""}` : " (set AML_DEBUG=1 for the stack trace)"}`);
    }
    return EXIT.badInput;
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
