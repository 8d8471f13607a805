/** Test helpers for config checks: what `loadPlatformConfig` reports for a raw config. */
import { loadPlatformConfig } from "../../stacks/config";
import { ConfigError, formatProblem, type ConfigProblem } from "../../stacks/config-errors";

/** The context most config tests load in. */
export const TEST_CONTEXT = { project: "aml-workspace", stack: "t" };

/** The problems of a config, empty when it is valid; any error other than a ConfigError fails the test. */
export function configProblems(raw: unknown, context: typeof TEST_CONTEXT & { source?: string } = TEST_CONTEXT): ConfigProblem[] {
    try {
        loadPlatformConfig(raw, context);
        return [];
    } catch (e) {
        if (e instanceof ConfigError) return [...e.problems];
        throw e;
    }
}

/** The problem lines (`<key path>: <problem> (<fix>)`) of a config, empty when it is valid. */
export function problemLines(raw: unknown, context: typeof TEST_CONTEXT & { source?: string } = TEST_CONTEXT): string[] {
    return configProblems(raw, context).map(formatProblem);
}
