/**
 * `npm run deploy -- <stack> [--preview] [--yes] [--json]`
 *
 * Deploys a stack with Pulumi's Automation API (LocalWorkspace on this project):
 * the offline plan and policy gate first, then `pulumi preview` with the policy pack,
 * then `pulumi up` only with `--yes`. Engine and policy events stream as JSON lines
 * when stdout is not a terminal (CI logs), and as the CLI's display plus a summary on one.
 * Exit codes as the plan's: 0 clean or advisory only, 1 a mandatory policy violation,
 * 2 anything else (usage, missing Pulumi CLI, config, backend, credentials, engine).
 */
import * as path from "node:path";
import { EXIT, parseFlags, processIo, usageHint, UsageError, type CliIo } from "../cli-io";
import { deploy, type DeployDeps } from "./deploy-steps";
import { MissingPulumiCliError, PulumiOperationError } from "./deploy-types";

/** Usage text (`--help`). */
export const USAGE = `usage: npm run deploy -- <stack> [--preview] [--yes] [--json]

  <stack>     stack name (<stack> or <org>/<stack>); its config is stacks/Pulumi.<stack>.yaml
  --preview   stop after \`pulumi preview\` (never deploys)
  --yes       deploy: run \`pulumi up\` after the offline plan and the preview pass
  --json      engine events as JSON lines on stdout even on a terminal (the default when stdout is not one)
  -h, --help  this text

Steps: the Pulumi CLI must be installed (https://www.pulumi.com/docs/iac/download-install/); the offline plan
and policy gate (npm run plan -- <stack>) must pass; then \`pulumi preview --policy-pack policies\` (with
policies/config/<stack>.json when it exists); then \`pulumi up\` with the same pack, only with --yes.
Without --preview or --yes it previews and says how to deploy.
exit codes: 0 clean or advisory only, 1 mandatory policy violation, 2 anything else (one line on stderr)
`;

const FLAGS = {
    preview: { type: "boolean" },
    yes: { type: "boolean" },
    json: { type: "boolean" },
} as const;

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

/** The real dependencies, loaded lazily: a missing CLI is reported before the engine loads. */
export function defaultDeps(): DeployDeps {
    let workspace: DeployDeps["workspace"] | undefined;
    const real = async (): Promise<DeployDeps["workspace"]> => {
        if (!workspace) workspace = new (await import("./pulumi-workspace")).PulumiAutomationWorkspace();
        return workspace;
    };
    return {
        workspace: {
            cliVersion: async () => (await real()).cliVersion(),
            openStack: async (target) => (await real()).openStack(target),
        },
        offlinePlan: async (stack, io) => (await import("../plan-cli")).main([stack], io),
        projectRoot: PROJECT_ROOT,
        policyConfigFor: async (stack) => (await import("../policy-harness")).stackPolicyConfigPath(stack, PROJECT_ROOT),
    };
}

/** Options of {@link main}. */
export interface MainOptions {
    /** Dependencies; default the Automation API, the offline plan and this project. */
    deps?: DeployDeps;
    /** Whether stdout is a terminal (text display) rather than a log (JSON lines). Default: process.stdout.isTTY. */
    isTty?: boolean;
    /** Cancels a running operation. Default: none. */
    signal?: AbortSignal;
}

/** Runs the deploy CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo, opts: MainOptions = {}): Promise<number> {
    try {
        const { values, positionals, help } = parseFlags(argv, FLAGS);
        if (help) {
            io.out(USAGE);
            return EXIT.ok;
        }
        if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name the stack to deploy, e.g. dev" : `one stack at a time; got ${positionals.join(", ")}`);
        if (values.preview && values.yes) throw new UsageError("--preview and --yes contradict each other: --preview never deploys");
        const stack = positionals[0];
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*){0,2}$/.test(stack)) throw new UsageError(`"${stack}" is not a stack name (<stack>, <org>/<stack> or <org>/<project>/<stack>)`);
        const tty = opts.isTty ?? process.stdout.isTTY === true;
        const mode = values.yes ? "up" : "preview";
        const code = await deploy({ stack, mode, format: values.json || !tty ? "json" : "text", ...(opts.signal ? { signal: opts.signal } : {}) }, opts.deps ?? defaultDeps(), io);
        if (code === EXIT.ok && !values.yes && !values.preview) io.err(`Not deployed: run \`npm run deploy -- ${stack} --yes\` to deploy.`);
        return code;
    } catch (e) {
        return reportError(e, io);
    }
}

/** Reports an error in one line (no stack trace) and returns exit code 2. */
function reportError(e: unknown, io: CliIo): number {
    if (e instanceof UsageError) io.err(`deploy: ${e.message} ${usageHint("deploy")}`);
    else if (e instanceof MissingPulumiCliError || e instanceof PulumiOperationError) io.err(`deploy: ${e.message}`);
    else io.err(`deploy: unexpected error: ${e instanceof Error ? e.message : String(e)}${process.env.AML_DEBUG ? `\n${(e as Error).stack ?? ""}` : " (set AML_DEBUG=1 for the stack trace)"}`);
    return EXIT.badInput;
}

if (require.main === module) {
    // Ctrl-C once: Pulumi cancels the operation gracefully (the Automation API's `signal`); twice: exit now.
    const abort = new AbortController();
    process.once("SIGINT", () => {
        processIo.err("deploy: cancelling (Pulumi stops at a safe point; Ctrl-C again to exit now)");
        abort.abort();
    });
    void main(process.argv.slice(2), processIo, { signal: abort.signal }).then((code) => {
        process.exitCode = code;
    });
}
