/**
 * Runs the stack program under Pulumi's mock runtime against simulated Azure
 * and returns the captured graph. The program is `stacks/program.ts`, the
 * same code `pulumi up` runs; nothing here is a second code path.
 */
import * as pulumi from "@pulumi/pulumi";
import { CapturingMonitor, type ResourceState } from "./capture";
import type { CapturedStack } from "./graph";
import { SimulatedAzure } from "./azure-sim/simulator";
import type { AzureCloud } from "../components/clouds";
import { settleMarked } from "./outputs";
import { DeferredTypeAliases } from "./deferred-aliases";

// waitForRPCs is @internal in @pulumi/pulumi; `disconnect()` would also tear the mock runtime down.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

/** The project name from Pulumi.yaml. */
export const PROJECT = "aml-workspace";
/** Organization Pulumi reports for the local backend; seeds name suffixes like a real run. */
export const DEFAULT_ORGANIZATION = "organization";

/** Options of {@link runStack}. */
export interface RunStackOptions {
    /** Stack name. */
    stack: string;
    /** The stack file's `config:` map. */
    config: Record<string, unknown>;
    /** Preview mode (IDs and computed outputs unknown). Default false: a simulated `up`. */
    preview?: boolean;
    /** Pulumi organization. Default `organization` (local backend). */
    organization?: string;
    /** The stack file the config was read from, named in config messages. Default `stacks/Pulumi.<stack>.yaml`. */
    configSource?: string;
    /** The program to run. Default: the stack program, `definePlatform` from stacks/program.ts. */
    program?: () => Record<string, pulumi.Output<unknown>>;
    /** Told the number of resources registered so far, as it grows (for a progress line). Default: none. */
    onProgress?: (registered: number) => void;
    /** Resolve plain type aliases after the run rather than in each Resource constructor (deferred-aliases.ts). Default true; false only to compare. */
    deferTypeAliases?: boolean;
}

/** What a run produced. */
export interface StackRun {
    /** The captured graph. */
    graph: CapturedStack;
    /** Stack outputs, resolved; secret outputs wrapped with `secret()`, unknown ones `UNKNOWN`. */
    outputs: Record<string, unknown>;
    /** IDs and outputs of the custom resources by URN, as the simulated deployment gave them (for a stack export). */
    states: ReadonlyMap<string, ResourceState>;
}

/** Deployment failed in simulation (ARM rejections or program errors). */
export class SimulationError extends Error {
    /** Each failure message. */
    readonly failures: readonly string[];
    constructor(failures: readonly string[]) {
        super(`Simulated deployment failed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
        this.name = "SimulationError";
        this.failures = failures;
    }
}

/** Turns the stack file's config map into the string map Pulumi gives a program. */
export function toRuntimeConfig(config: Record<string, unknown>): { values: Record<string, string>; secretKeys: string[] } {
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(config)) {
        const fullKey = key.includes(":") ? key : `${PROJECT}:${key}`;
        if (value !== null && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
            // Encrypted values cannot be decrypted offline; the program sees a placeholder secret.
            values[fullKey] = "[secret]";
            secretKeys.push(fullKey);
        } else {
            values[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { values, secretKeys };
}

/**
 * Tells the SDK the monitor keeps secrets, `deletedWith` and alias specs (as the Pulumi CLI does),
 * as `setMocks` does before `setMockOptions` resets it. Alias specs matter for speed: without them
 * the SDK computes every alias URN of every resource itself, through several outputs each, and
 * azure-native gives each resource one alias per API version (~45): about 40% of what a plan
 * allocated. With them the SDK sends the specs and the engine (here: capture.ts) resolves them.
 */
function markSecretsSupported(): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { supportsSecrets: boolean; supportsDeletedWith: boolean; supportsAliasSpecs: boolean } };
    state.getStore().supportsSecrets = true;
    state.getStore().supportsDeletedWith = true;
    state.getStore().supportsAliasSpecs = true;
}

/** Runs the program of `stacks/program.ts` for one stack. */
export async function runStack(opts: RunStackOptions): Promise<StackRun> {
    const preview = opts.preview ?? false;
    const { values, secretKeys } = toRuntimeConfig(opts.config);
    const platform = opts.config[`${PROJECT}:platform`] as { cloud?: AzureCloud } | undefined;
    const sim = new SimulatedAzure({ preview, cloud: platform?.cloud });
    const monitor = new CapturingMonitor(sim);
    const organization = opts.organization ?? DEFAULT_ORGANIZATION;
    await pulumi.runtime.setMocks(sim, PROJECT, opts.stack, preview, organization);
    pulumi.runtime.setMockOptions(monitor, PROJECT, opts.stack, preview, organization);
    // setMockOptions resets the feature flags setMocks turned on: without secrets the SDK sends a
    // secret input as plain text, and the capture (and the no-plaintext-secrets policy) could not
    // tell a Pulumi secret from a plain value. The capturing monitor answers "secrets" as supported.
    markSecretsSupported();
    pulumi.runtime.setAllConfig(values, secretKeys);

    const failures: string[] = [];
    // A refused registration rejects promises nobody awaits; collect those instead of crashing.
    const onRejection = (reason: unknown): void => {
        failures.push(reason instanceof Error ? reason.message : String(reason));
    };
    process.on("unhandledRejection", onRejection);
    // The Pulumi SDK records a stack trace for every promise and resource it creates; with source
    // maps on (tsx, jest) formatting those dominates a run. Offline runs need none of them: no
    // frame at all (0, not 1) also skips source-mapping the one frame (~7% of a run under jest).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const progress = opts.onProgress ? watchCount(monitor, opts.onProgress) : undefined;
    // Plain type aliases are resolved after the run instead of by every Resource constructor (why: deferred-aliases.ts).
    const typeAliases = new DeferredTypeAliases();
    let uninstallTypeAliases = (): void => undefined;
    // Image pushes log in to the simulated registry, never a real one (loaded once mocks are in place, like the program).
    const { setRegistryLoginSource } = await import("../components/serving/registry-login");
    const { simulatedRegistryLogin } = await import("./azure-sim/registry-login");
    setRegistryLoginSource(simulatedRegistryLogin);
    try {
        // Inside the try: the finally must empty the SDK's stack-resource slot whatever fails next.
        if (opts.deferTypeAliases !== false) uninstallTypeAliases = typeAliases.install();
        // Imported lazily: the program (and azure-native) load only once mocks are in place.
        const { definePlatform } = await import("../stacks/program");
        const program = opts.program ?? ((): Record<string, pulumi.Output<unknown>> => ({ ...definePlatform({ configSource: opts.configSource }) }));
        const outputs: Record<string, pulumi.Output<unknown>> = { ...program() };
        const resolved: Record<string, unknown> = {};
        const settleAll = async (): Promise<void> => {
            for (const [k, v] of Object.entries(outputs)) {
                try {
                    resolved[k] = await settleMarked(v);
                } catch (e) {
                    failures.push(e instanceof Error ? e.message : String(e));
                }
            }
            await waitForRPCs();
            // Let rejection handlers of the last registrations run.
            await new Promise((r) => setImmediate(r));
        };
        // After a failure, outputs downstream of the failed resource never resolve: stop
        // once the failure is recorded and registrations have settled, instead of hanging.
        await Promise.race([settleAll(), failureSettled(() => sim.rejections.length + monitor.failures.length + failures.length, () => monitor.captured.length)]);
        const all = [...new Set([...sim.rejections, ...monitor.failures, ...failures])];
        if (all.length > 0) throw new SimulationError(all);
        await typeAliases.resolve(monitor.captured, opts.stack, PROJECT);
        return { graph: { project: PROJECT, stack: opts.stack, preview, resources: monitor.captured }, outputs: resolved, states: monitor.states };
    } finally {
        progress?.stop();
        uninstallTypeAliases();
        setRegistryLoginSource(undefined);
        Error.stackTraceLimit = stackTraceLimit;
        process.off("unhandledRejection", onRejection);
    }
}

/** Resolves once some failure is recorded and no resource has registered for a quiet period. */
function failureSettled(failureCount: () => number, registered: () => number, quietMs = 200): Promise<void> {
    return new Promise((resolve) => {
        let last = registered();
        let quietSince = Date.now();
        const timer = setInterval(() => {
            const now = registered();
            if (now !== last) {
                last = now;
                quietSince = Date.now();
            }
            if (failureCount() > 0 && Date.now() - quietSince >= quietMs) {
                clearInterval(timer);
                resolve();
            }
        }, 20);
        // Never keep the process alive just for this watch.
        timer.unref();
    });
}

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
    /** Stack name. Default `dev`. */
    stack?: string;
    /** Stack config, as a stack file's `config:` map (e.g. `azure-native:location`). Default none. */
    config?: Record<string, unknown>;
    /** Preview mode. Default false: a simulated `up`. */
    preview?: boolean;
    /** Pulumi organization. Default `organization` (local backend). */
    organization?: string;
}

/**
 * Runs any Pulumi program, such as a user's own program built from the components, under the
 * same simulated Azure and capture as {@link runStack}. `program` plays the program module: it
 * registers resources when called and returns what the module exports, the stack outputs.
 */
export function runProgram(program: () => Record<string, unknown> | void, opts: RunProgramOptions = {}): Promise<StackRun> {
    return runStack({
        stack: opts.stack ?? "dev",
        config: opts.config ?? {},
        preview: opts.preview,
        organization: opts.organization,
        program: () => Object.fromEntries(Object.entries(program() ?? {}).map(([k, v]) => [k, pulumi.output(v)])),
    });
}

/**
 * Reports the number of captured resources after each registration, at most every
 * `everyMs` (a terminal line needs no finer grain), and once more on stop. Registrations
 * settle in promise callbacks, so a timer alone would rarely get a turn during a run.
 */
function watchCount(monitor: CapturingMonitor, report: (n: number) => void, everyMs = 50): { stop(): void } {
    let last = -1;
    let lastAt = 0;
    const tick = (force: boolean): void => {
        const n = monitor.captured.length;
        if (n === last || (!force && Date.now() - lastAt < everyMs)) return;
        last = n;
        lastAt = Date.now();
        report(n);
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) =>
        register(req, (err, response) => {
            callback(err, response);
            tick(false);
        });
    return { stop: () => tick(true) };
}
