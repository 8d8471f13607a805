/**
 * `npm run audit -- <stack export> [--format text|json|sarif|html] [--config <file>] [--stack-tag <name>=<value>]... [--out <file>] [--only <kind>:<value>]...`
 *
 * Evaluates every policy of the pack on a `pulumi stack export` file.
 * Results go to stdout (or --out), problems to stderr, never a stack trace.
 * Exit codes: 0 clean or advisory only; 1 a mandatory violation (or a policy
 * failure); 2 bad input: usage, missing/unreadable/truncated/wrong-format file,
 * invalid policy config, unwritable --out.
 */
import { checkWritable, EXIT, FileAccessError, parseFlags, processIo, STDOUT, usageHint, UsageError, writeReportFile, type CliIo } from "./cli-io";
import { readFileSync } from "node:fs";
import { CheckpointError, readCheckpoint } from "./checkpoint";
import { exportFileLocator } from "./report-locations";
import { evaluatePolicies, loadPolicyConfig, parseStackTags, PolicyConfigError } from "./policy-harness";
import { exitCodeFor, type PolicyReport } from "./policy-report";
import { renderAuditHtml } from "./report-html";
import { renderJson } from "./report-json";
import { renderSarif } from "./report-sarif";
import { renderText } from "./report-text";
import { describeOnly, filterReport, parseOnly, resolveOnly, type OnlyFilter } from "./report-filter";

/** Output formats. */
export const FORMATS = ["text", "json", "sarif", "html"] as const;
/** One output format. */
export type Format = (typeof FORMATS)[number];

/** Usage text. */
export const USAGE = `usage: npm run audit -- <stack-export.json> [--format text|json|sarif|html] [--config <policy-config.json>] [--stack-tag <name>=<value>]... [--out <file>] [--only <kind>:<value>]...

  <stack-export.json>  output of \`pulumi stack export --file <file>\`
  --format             text (default, grouped by resource), json, sarif (SARIF 2.1.0), or html (one self-contained page:
                       architecture diagram of the export's resources, violations with remediation, resource table)
  --config             policy pack config, as for \`pulumi preview --policy-pack-config\`
  --stack-tag          a stack tag policies see (repeatable), e.g. environment=prod; none by default
  --out                write the report to a file instead of stdout (its folders are created; - is stdout)
  --only <kind>:<v>    show only policy:<name>, type:<token or last part, e.g. ManagedCluster> or team:<key> (platform: no team);
                       repeatable: values of one kind are alternatives, kinds combine. Filters what is shown (violations,
                       skips, per-policy table; text and json); the exit code is the whole stack's
  -h, --help           this text

exit codes: 0 clean or advisory only, 1 mandatory violation, 2 bad input
`;

const FLAGS = {
    format: { type: "string", short: "f" },
    config: { type: "string", short: "c" },
    out: { type: "string", short: "o" },
    "stack-tag": { type: "string", multiple: true },
    only: { type: "string", multiple: true },
} as const;

/** Parses argv into options; throws UsageError. */
function parse(argv: string[]): { file: string; format: Format; config?: string; out?: string; stackTags: Map<string, string>; only?: OnlyFilter; onlyValues?: string[] } | "help" {
    const { values, positionals, help } = parseFlags(argv, FLAGS);
    if (help) {
        return "help";
    }
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0 ? "missing the stack export file" : `expected one file, got ${positionals.length}: ${positionals.join(" ")}`);
    }
    const format = (values.format ?? "text") as Format;
    if (!FORMATS.includes(format)) {
        throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${values.format}"`);
    }
    const only = parseOnly(values.only);
    // SARIF is the whole pack's result for code scanning; narrowing it would hide findings from it.
    if (only && format === "sarif") throw new UsageError("--only applies to the text and json formats, not sarif");
    if (only && format === "html") throw new UsageError("--only applies to the text and json formats, not html (the page shows the whole stack)");
    return { file: positionals[0], format, config: values.config, out: values.out, stackTags: parseStackTags(values["stack-tag"]), only, onlyValues: values.only };
}

/**
 * Renders a report in a text format (text, json, sarif); html, which needs the stack and an async
 * layout, is offline/report-html.ts's `renderAuditHtml`.
 * @param artifactUri the audited file; SARIF places results in it. Default: none.
 * @param artifactText its content, for SARIF lines. Default: none (results name the file only).
 */
export function render(report: PolicyReport, format: Format, artifactUri?: string, artifactText?: string): string {
    switch (format) {
        case "json":
            return renderJson(report);
        case "sarif":
            return renderSarif(report, { artifactUri, ...(artifactText === undefined ? {} : { locate: exportFileLocator(artifactText) }) });
        default:
            return renderText(report);
    }
}

/** Runs the audit; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
    try {
        const opts = parse(argv);
        if (opts === "help") {
            io.out(USAGE);
            return EXIT.ok;
        }
        if (opts.out !== undefined) checkWritable(opts.out);
        const config = opts.config ? loadPolicyConfig(opts.config) : undefined;
        // Progress on a terminal only, and not while stdout carries a machine-readable report.
        const toStdout = !opts.out || opts.out === STDOUT;
        const progress = toStdout && opts.format !== "text" ? undefined : io.progress;
        progress?.(`Reading ${opts.file}…`);
        const stack = readCheckpoint(opts.file);
        progress?.(`Evaluating the policy pack on ${stack.resources.length} resources…`);
        let report;
        try {
            report = evaluatePolicies(stack, config, { configFile: opts.config, stackTags: opts.stackTags });
        } finally {
            progress?.("");
        }
        for (const w of report.warnings) {
            io.err(`audit: warning: ${w}\n`);
        }
        // --only narrows what is shown; `report` (all of it) still decides the exit code.
        const shown = opts.only ? filterReport(report, resolveOnly(opts.only, stack, report)) : report;
        const note = opts.onlyValues && opts.format === "text" ? `${describeOnly(opts.onlyValues, report, shown)}\n` : "";
        const output = opts.format === "html" ? await renderAuditHtml(stack, report, opts.file) : render(shown, opts.format, opts.file, opts.format === "sarif" ? readFileSync(opts.file, "utf8") : undefined) + note;
        if (opts.out && opts.out !== STDOUT) {
            writeReportFile(opts.out, output, io);
            io.err(`audit: wrote ${opts.format} report to ${opts.out} (${report.summary.mandatory} mandatory, ${report.summary.advisory} advisory)\n`);
        } else {
            io.out(output);
        }
        return exitCodeFor(report);
    } catch (e) {
        if (e instanceof UsageError) {
            io.err(`audit: ${e.message} ${usageHint("audit")}\n`);
        } else if (e instanceof CheckpointError || e instanceof PolicyConfigError || e instanceof FileAccessError) {
            io.err(`audit: ${e.message}\n`);
        } else {
            io.err(`audit: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
        }
        return EXIT.badInput;
    }
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
