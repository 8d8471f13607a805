/**
 * The one module that imports Pulumi's Automation API (`@pulumi/pulumi/automation`):
 * a {@link DeployWorkspace} over `LocalWorkspace` on this project folder, the same
 * Pulumi.yaml (`main: stacks/index.ts`, `stackConfigDir: stacks`) `pulumi up` reads.
 *
 * Automation API drives the Pulumi CLI, so the CLI must be installed ("Automation API",
 * https://www.pulumi.com/docs/iac/concepts/automation-api/). `PulumiCommand.get()` runs
 * `pulumi version` from PATH; with no CLI that spawn fails with ENOENT, which we turn into
 * {@link MissingPulumiCliError} (one line with the install link) instead of the
 * Automation API's multi-line "code: -2 ... spawn pulumi ENOENT" dump.
 */
import { CommandError, LocalWorkspace, PulumiCommand, type PreviewOptions, type UpOptions } from "@pulumi/pulumi/automation";
import { MissingPulumiCliError, PulumiOperationError, type DeployStack, type DeployWorkspace, type OperationOptions, type StackTarget } from "./deploy-types";

/**
 * What the Automation API's CommandError carries. Its `exec` wraps every failure, a non-zero exit
 * included, in a CommandResult with code -2 and the underlying execa error as `err` (cmd.js, SDK
 * 3.248), so the real exit code, stderr and spawn errno are read from `err`, not from `code`.
 */
interface FailedRun {
    code?: number;
    stdout?: string;
    stderr?: string;
    err?: { code?: string; exitCode?: number; stdout?: string; stderr?: string; isCanceled?: boolean; signal?: string };
}

function failedRun(e: unknown): FailedRun | undefined {
    // commandResult is private in the typings; the Automation API sets it on every CommandError.
    return e instanceof CommandError ? (e as unknown as { commandResult?: FailedRun }).commandResult : undefined;
}

/** Whether an Automation API error is the spawn of a `pulumi` that does not exist (errno ENOENT). */
export function isMissingCli(e: unknown): boolean {
    const run = failedRun(e);
    if (!run) return (e as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
    return run.err?.code === "ENOENT";
}

/**
 * The most useful line of a failed CLI run: its first `error:` line (Pulumi's own
 * wording), else the last non-empty line of its output. Never the whole dump.
 */
export function operationFailure(verb: string, e: unknown): PulumiOperationError {
    const run = failedRun(e);
    if (!run) return new PulumiOperationError(`pulumi ${verb} failed: ${e instanceof Error ? e.message : String(e)}`);
    const exit = run.err?.exitCode ?? run.code;
    if (run.err?.isCanceled || run.err?.signal === "SIGINT") return new PulumiOperationError(`pulumi ${verb} was cancelled`);
    const text = run.err ? `${run.err.stderr ?? ""}\n${run.err.stdout ?? ""}` : `${run.stderr ?? ""}\n${run.stdout ?? ""}`;
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    const line = lines.find((l) => /^error:/i.test(l)) ?? lines.at(-1) ?? "no output";
    return new PulumiOperationError(`pulumi ${verb} failed (exit code ${exit ?? "unknown"}): ${line.replace(/^error:\s*/i, "")}`);
}

/** The Automation API's options for one operation, from the steps' options. */
export function automationOptions(opts: OperationOptions): PreviewOptions & UpOptions {
    return {
        policyPacks: opts.policyPacks,
        ...(opts.policyPackConfigs.length > 0 ? { policyPackConfigs: opts.policyPackConfigs } : {}),
        color: opts.color,
        onEvent: opts.onEvent,
        onOutput: opts.onOutput,
        // Errors the CLI prints land in the CommandError and in diagnostic events; shown once, from the events.
        onError: () => undefined,
        ...(opts.signal ? { signal: opts.signal } : {}),
    };
}

/** A {@link DeployWorkspace} backed by the Pulumi CLI through `LocalWorkspace`. */
export class PulumiAutomationWorkspace implements DeployWorkspace {
    private command?: PulumiCommand;

    async cliVersion(): Promise<string> {
        try {
            this.command = await PulumiCommand.get();
        } catch (e) {
            if (isMissingCli(e)) throw new MissingPulumiCliError();
            // Too old for this SDK: the Automation API's own sentence names both versions.
            throw new PulumiOperationError(`the Pulumi CLI cannot be used: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
        }
        return this.command.version?.toString() ?? "unknown";
    }

    async openStack(target: StackTarget): Promise<DeployStack> {
        const pulumiCommand = this.command ?? (await PulumiCommand.get());
        let stack;
        try {
            // A local program: the project's Pulumi.yaml and stack files, as `pulumi` run in that folder.
            stack = await LocalWorkspace.createOrSelectStack({ stackName: target.stackName, workDir: target.workDir }, { pulumiCommand });
        } catch (e) {
            throw operationFailure("stack select", e);
        }
        return {
            name: stack.name,
            async preview(opts) {
                try {
                    return { changeSummary: (await stack.preview(automationOptions(opts))).changeSummary };
                } catch (e) {
                    throw operationFailure("preview", e);
                }
            },
            async up(opts) {
                try {
                    return { changeSummary: (await stack.up(automationOptions(opts))).summary.resourceChanges ?? {} };
                } catch (e) {
                    throw operationFailure("up", e);
                }
            },
        };
    }
}
