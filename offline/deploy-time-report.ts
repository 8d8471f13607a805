/**
 * How the plan shows the deploy-time estimate (offline/critical-path.ts): a short text section and
 * a `deployTime` JSON block, both labelled as an estimate from nominal figures.
 */
import type { DeployTimeEstimate } from "./critical-path";

/** Where the figures come from, printed with them. */
export const DEPLOY_TIME_SOURCE = "estimate: critical path of the dependency graph with nominal create times per resource type (offline/provisioning-times.ts), not a measurement";

const minutes = (m: number): string => `${Number.isInteger(m) ? m : m.toFixed(1)} min`;

/** The "Deploy time (estimate)" section of the text plan. */
export function renderDeployTime(e: DeployTimeEstimate): string {
    const lines = [`Deploy time (estimate): ~${minutes(e.totalMinutes)} on the critical path`, `    (${DEPLOY_TIME_SOURCE})`];
    const width = Math.max(0, ...e.criticalPath.map((s) => s.type.length));
    for (const s of e.criticalPath) lines.push(`    ${minutes(s.minutes).padStart(8)}  ${s.type.padEnd(width)}  ${s.name}${s.known ? "" : "  (default: type not in the table)"}`);
    if (e.defaultedTypes.length > 0) lines.push(`    Types without a nominal time (default used): ${e.defaultedTypes.join(", ")}`);
    return lines.join("\n");
}

/** The `deployTime` block of the JSON plan. */
export function deployTimeJson(e: DeployTimeEstimate): Record<string, unknown> {
    return {
        totalMinutes: e.totalMinutes,
        criticalPath: e.criticalPath.map((s) => ({ type: s.type, name: s.name, urn: s.urn, minutes: s.minutes, nominal: s.known })),
        defaultedTypes: e.defaultedTypes,
        source: DEPLOY_TIME_SOURCE,
    };
}
