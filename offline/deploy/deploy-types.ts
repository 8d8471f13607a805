/**
 * The contract between the deploy driver's steps and Pulumi's Automation API:
 * the steps see only these interfaces, so tests drive them with a fake and
 * only offline/deploy/pulumi-workspace.ts imports `@pulumi/pulumi/automation`.
 * The event and summary shapes are the Automation API's own (type imports only).
 */
import type { EngineEvent, OpMap } from "@pulumi/pulumi/automation";

export type { EngineEvent, OpMap };

/** What the steps pass to `preview` and `up` (a subset of the Automation API's PreviewOptions/UpOptions). */
export interface OperationOptions {
    /** Local policy pack folders, as `--policy-pack` (absolute paths). */
    policyPacks: string[];
    /** Config files of those packs, one per pack, as `--policy-pack-config`; empty for the pack's defaults. */
    policyPackConfigs: string[];
    /** `--color`: `always` on a terminal, `never` in logs. */
    color: "always" | "never";
    /** Every engine event, as it happens. */
    onEvent: (event: EngineEvent) => void;
    /** The CLI's own progress text (shown on a terminal only). */
    onOutput: (text: string) => void;
    /** Cancels the operation (Ctrl-C): Pulumi stops gracefully. */
    signal?: AbortSignal;
}

/** What an operation reports when it ends without an error. */
export interface OperationResult {
    /** Resource counts per operation (create, update, same, ...). */
    changeSummary: OpMap;
}

/** One stack, selected or created in the workspace. */
export interface DeployStack {
    /** The stack name as Pulumi knows it (`<org>/<stack>` or `<stack>`). */
    readonly name: string;
    /** `pulumi preview`. Rejects when the CLI exits non-zero (a mandatory policy violation included). */
    preview(opts: OperationOptions): Promise<OperationResult>;
    /** `pulumi up --yes --skip-preview` (the steps ran the preview already). */
    up(opts: OperationOptions): Promise<OperationResult>;
}

/** Where the stack lives: the project folder and the stack name. */
export interface StackTarget {
    /** The project folder (holds Pulumi.yaml). */
    workDir: string;
    /** The stack name as given (`<org>/<stack>` or `<stack>`). */
    stackName: string;
}

/** The Automation API as the steps use it. */
export interface DeployWorkspace {
    /**
     * Finds the Pulumi CLI and returns its version. Throws {@link MissingPulumiCliError}
     * when there is none on PATH, or a message when it is too old.
     */
    cliVersion(): Promise<string>;
    /** Selects the stack, creating it when it does not exist yet (`pulumi stack select --create`). */
    openStack(target: StackTarget): Promise<DeployStack>;
}

/** Where the Pulumi CLI is documented for installing. */
export const PULUMI_INSTALL_URL = "https://www.pulumi.com/docs/iac/download-install/";

/** No `pulumi` executable: the Automation API drives the CLI and cannot run without it. */
export class MissingPulumiCliError extends Error {
    constructor() {
        super(`the Pulumi CLI is not installed (no \`pulumi\` on PATH), and deploy drives it: install it from ${PULUMI_INSTALL_URL} (the offline plan needs none: npm run plan -- <stack>)`);
        this.name = "MissingPulumiCliError";
    }
}

/** The Pulumi CLI could not run the operation (credentials, backend, program or provider errors). */
export class PulumiOperationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PulumiOperationError";
    }
}
