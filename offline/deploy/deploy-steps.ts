/**
 * The deploy sequence, in the order that keeps a bad change away from Azure:
 *
 * 1. the Pulumi CLI is there (else one line saying what is missing, exit 2);
 * 2. the offline plan and policy gate (`npm run plan -- <stack>`, in process): a mandatory
 *    violation (1) or bad config (2) stops here, before any credential is used;
 * 3. `pulumi preview` with the repository's policy pack (`--policy-pack policies`, plus
 *    `policies/config/<stack>.json` when it exists), as the README's "Deploying for real";
 * 4. `pulumi up`, only when asked (`--yes`) and only after 2 and 3 passed.
 *
 * Exit codes are the plan's: 0 clean (or advisory only), 1 a mandatory policy violation,
 * 2 anything else that stopped the run (missing CLI, config, backend, credentials, engine).
 */
import * as path from "node:path";
import { EXIT, type CliIo } from "../cli-io";
import { EventTally, eventLine, LineBuffer, renderSummary, type Phase } from "./event-stream";
import { PulumiOperationError, type DeployStack, type DeployWorkspace, type EngineEvent, type OperationOptions } from "./deploy-types";

/** What to run. */
export interface DeployRequest {
    /** Stack name as Pulumi knows it: `<stack>` or `<org>/<stack>` (the stack file is `Pulumi.<stack>.yaml`). */
    stack: string;
    /** `preview` stops after the preview; `up` deploys after it. */
    mode: "preview" | "up";
    /** `json`: engine events as JSON lines on stdout (CI); `text`: the CLI's own display and a summary (terminal). */
    format: "json" | "text";
    /** Cancels a running preview or update (Ctrl-C). Default: none. */
    signal?: AbortSignal;
}

/** What the steps need from outside; tests pass fakes. */
export interface DeployDeps {
    /** The Automation API (offline/deploy/pulumi-workspace.ts), or a fake. */
    workspace: DeployWorkspace;
    /** Runs the offline plan and policy gate of a stack file's stack; returns the plan's exit code. */
    offlinePlan: (stack: string, io: CliIo) => Promise<number>;
    /** The project folder: holds Pulumi.yaml, and the policy pack in `policies/`. */
    projectRoot: string;
    /** The policy pack config of a stack (`policies/config/<stack>.json`), when there is one. */
    policyConfigFor: (stack: string) => Promise<string | undefined>;
}

/** The stack file's name part of a stack name: `acme/dev` and `acme/aml-workspace/dev` are `dev`. */
export function stackFileName(stack: string): string {
    return stack.split("/").at(-1) ?? stack;
}

/** Runs the sequence; returns the exit code. Errors it cannot word as a result propagate to the CLI. */
export async function deploy(req: DeployRequest, deps: DeployDeps, io: CliIo): Promise<number> {
    const json = req.format === "json";
    // stdout carries only JSON lines in CI; human notes go to stderr there.
    const note = json ? io.err : io.out;
    const emit = (line: Record<string, unknown>): void => {
        if (json) io.out(JSON.stringify(line));
    };

    const version = await deps.workspace.cliVersion();
    emit({ stack: req.stack, phase: "setup", type: "cli", version });

    const short = stackFileName(req.stack);
    note(`Offline plan and policy gate of ${short} (simulated Azure, no credentials)…`);
    // In CI the plan's text goes to stderr so stdout stays JSON lines.
    const planCode = await deps.offlinePlan(short, json ? { out: io.err, err: io.err } : io);
    emit({ stack: req.stack, phase: "offline-plan", type: "result", exitCode: planCode });
    if (planCode !== EXIT.ok) {
        io.err(`deploy: the offline plan of ${short} failed (exit ${planCode}: ${planCode === EXIT.violation ? "a mandatory policy violation" : "bad config or input"}); not running pulumi preview${req.mode === "up" ? " or up" : ""}`);
        return planCode;
    }

    const stack = await deps.workspace.openStack({ workDir: deps.projectRoot, stackName: req.stack });
    const policyConfig = await deps.policyConfigFor(short);
    const base: Omit<OperationOptions, "onEvent" | "onOutput"> = {
        policyPacks: [path.join(deps.projectRoot, "policies")],
        policyPackConfigs: policyConfig ? [policyConfig] : [],
        color: json ? "never" : "always",
        ...(req.signal ? { signal: req.signal } : {}),
    };

    const preview = await runPhase("preview", stack, base, req, io);
    if (preview !== EXIT.ok) {
        if (req.mode === "up") io.err(`deploy: not running pulumi up on ${req.stack}: the preview did not pass`);
        return preview;
    }
    if (req.mode === "preview") return EXIT.ok;
    return runPhase("up", stack, base, req, io);
}

/** Runs one operation, streaming its events; returns 0, 1 (mandatory violation) or throws. */
async function runPhase(phase: Phase, stack: DeployStack, base: Omit<OperationOptions, "onEvent" | "onOutput">, req: DeployRequest, io: CliIo): Promise<number> {
    const json = req.format === "json";
    const tally = new EventTally();
    // Engine events carry a unique, increasing sequence number. The Automation API tails an event
    // log file for CLIs before 3.206, and that tail can deliver an event twice under load (seen in
    // this repository's tests): a repeat is dropped so nothing is logged or counted twice.
    const seen = new Set<number>();
    const onEvent = (event: EngineEvent): void => {
        if (seen.has(event.sequence)) return;
        seen.add(event.sequence);
        tally.add(event);
        const line = json ? eventLine(stack.name, phase, event) : undefined;
        if (line) io.out(JSON.stringify(line));
    };
    // On a terminal the CLI's own display is the progress; in CI the events are.
    const display = new LineBuffer(io.out);
    const onOutput = (text: string): void => {
        if (!json) display.push(text);
    };
    if (!json) io.out(`\n${phase === "preview" ? "Previewing" : "Updating"} ${stack.name} with the policy pack…`);
    let failure: PulumiOperationError | undefined;
    try {
        await (phase === "preview" ? stack.preview({ ...base, onEvent, onOutput }) : stack.up({ ...base, onEvent, onOutput }));
    } catch (e) {
        if (!(e instanceof PulumiOperationError)) throw e;
        // Ctrl-C: Pulumi cancelled gracefully and exited non-zero; say so rather than its last line.
        failure = req.signal?.aborted ? new PulumiOperationError(`pulumi ${phase} of ${stack.name} was cancelled`) : e;
    } finally {
        display.flush();
    }
    const summary = tally.tally();
    if (json) io.out(JSON.stringify({ stack: stack.name, phase, type: "result", changes: summary.changes, violations: summary.violations.length, mandatory: tally.mandatory, errors: summary.errors.length, ok: !failure }));
    else io.out(`\n${renderSummary(stack.name, phase, summary)}`);
    if (!failure) return EXIT.ok;
    // A mandatory violation fails the CLI run: that is the policy gate speaking, exit 1 as the plan's.
    if (tally.mandatory > 0) {
        io.err(`deploy: pulumi ${phase} of ${stack.name} stopped by ${tally.mandatory} mandatory policy violation${tally.mandatory === 1 ? "" : "s"}`);
        return EXIT.violation;
    }
    throw failure;
}
