/**
 * Test helpers over the offline engine: run the real program for a config
 * object and look resources up in the captured graph.
 */
import type { CapturedResource, CapturedStack } from "../../offline/graph";
import { runStack, type StackRun } from "../../offline/run-stack";
import { readPath } from "../../components/object-path";

/** A minimal valid platform config; tests override what they exercise. */
export function baseConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        environment: "dev",
        location: "westeurope",
        tags: { owner: "ml-platform", costCenter: "CC-1" },
        ...overrides,
    };
}

/** Runs the program for one platform config. */
export function runPlatform(platform: Record<string, unknown>, opts: { stack?: string; preview?: boolean } = {}): Promise<StackRun> {
    return runStack({ stack: opts.stack ?? "test", config: { "aml-workspace:platform": platform }, preview: opts.preview });
}

/** Every custom resource of a type. */
export function allOfType(graph: CapturedStack, type: string): CapturedResource[] {
    return graph.resources.filter((r) => r.type === type);
}

/** The single resource of a type; fails the test when there are none or several. */
export function oneOfType(graph: CapturedStack, type: string): CapturedResource {
    const found = allOfType(graph, type);
    if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
    return found[0];
}

/** Reads a dotted path from a value (the library's one reader, components/object-path.ts). */
export const at = readPath;

/**
 * The platform's own part of a run: every resource outside the team components
 * (`aml-workspace:index:Team`). Tests of the hub (or single workspace) use it; the teams have
 * their own tests (test/components/platform-teams.test.ts).
 */
export function platformPart(run: StackRun): StackRun {
    const inTeam = (urn: string): boolean => urn.includes("aml-workspace:index:Team$") || urn.includes("::aml-workspace:index:Team::");
    return { ...run, graph: { ...run.graph, resources: run.graph.resources.filter((r) => !inTeam(r.urn)) } };
}
