/**
 * A fake of the Automation API as the deploy steps see it (DeployWorkspace): records
 * every call and its options, and replays scripted engine events and outcomes.
 */
import type { DeployStack, DeployWorkspace, EngineEvent, OperationOptions, OperationResult, StackTarget } from "../../../offline/deploy/deploy-types";
import { MissingPulumiCliError, PulumiOperationError } from "../../../offline/deploy/deploy-types";

/** How one fake operation behaves. */
export interface FakeOperation {
    /** Events to send through onEvent, in order. */
    events?: EngineEvent[];
    /** Text to send through onOutput. */
    output?: string[];
    /** Fail with this message (as the CLI's non-zero exit) after the events. */
    fail?: string;
    /** The change summary on success. */
    changes?: OperationResult["changeSummary"];
}

export interface FakeCall {
    op: "cliVersion" | "openStack" | "preview" | "up";
    target?: StackTarget;
    opts?: OperationOptions;
}

export class FakeWorkspace implements DeployWorkspace {
    readonly calls: FakeCall[] = [];
    constructor(
        private readonly script: { missingCli?: boolean; openFails?: string; preview?: FakeOperation; up?: FakeOperation } = {},
    ) {}

    ops(): string[] {
        return this.calls.map((c) => c.op);
    }

    async cliVersion(): Promise<string> {
        this.calls.push({ op: "cliVersion" });
        if (this.script.missingCli) throw new MissingPulumiCliError();
        return "3.248.0";
    }

    async openStack(target: StackTarget): Promise<DeployStack> {
        this.calls.push({ op: "openStack", target });
        if (this.script.openFails) throw new PulumiOperationError(this.script.openFails);
        const run = async (op: "preview" | "up", opts: OperationOptions): Promise<OperationResult> => {
            this.calls.push({ op, opts });
            const behaviour = this.script[op] ?? {};
            for (const text of behaviour.output ?? []) opts.onOutput(text);
            for (const event of behaviour.events ?? []) opts.onEvent(event);
            if (behaviour.fail) throw new PulumiOperationError(behaviour.fail);
            return { changeSummary: behaviour.changes ?? {} };
        };
        return { name: target.stackName, preview: (opts) => run("preview", opts), up: (opts) => run("up", opts) };
    }
}

let sequence = 0;
const at = (e: Omit<EngineEvent, "sequence" | "timestamp">): EngineEvent => ({ sequence: ++sequence, timestamp: 1_700_000_000 + sequence, ...e });

/** Engine events, shaped as the Automation API's EngineEvent. */
export const events = {
    prelude: (): EngineEvent => at({ preludeEvent: { config: {} } }),
    pre: (op: "create" | "update" | "same" | "delete" | "replace", name: string, type = "azure-native:storage:StorageAccount", diffs?: string[]): EngineEvent =>
        at({ resourcePreEvent: { metadata: { op, urn: `urn:pulumi:dev::aml-workspace::${type}::${name}`, type, provider: "", ...(diffs ? { diffs } : {}), new: { type, urn: "", id: "", parent: "", provider: "", inputs: { secretInput: "do-not-log" }, outputs: {} } } } }),
    done: (op: "create" | "update" | "same", name: string, type = "azure-native:storage:StorageAccount"): EngineEvent =>
        at({ resOutputsEvent: { metadata: { op, urn: `urn:pulumi:dev::aml-workspace::${type}::${name}`, type, provider: "" } } }),
    policy: (policyName: string, enforcementLevel: "mandatory" | "warning", message: string, name?: string): EngineEvent =>
        at({
            policyEvent: {
                policyName,
                enforcementLevel,
                message,
                color: "never",
                policyPackName: "aml-workspace-policies",
                policyPackVersion: "0.1.0",
                policyPackVersionTag: "0.1.0",
                ...(name ? { resourceUrn: `urn:pulumi:dev::aml-workspace::azure-native:storage:StorageAccount::${name}` } : {}),
            },
        }),
    diagnostic: (severity: "info" | "warning" | "error", message: string, ephemeral = false): EngineEvent => at({ diagnosticEvent: { severity, message, color: "never", ephemeral } }),
    summary: (resourceChanges: Record<string, number>, durationSeconds = 12): EngineEvent => at({ summaryEvent: { maybeCorrupt: false, durationSeconds, resourceChanges, policyPacks: { "aml-workspace-policies": "0.1.0" } } }),
    cancel: (): EngineEvent => at({ cancelEvent: {} }),
};
