/**
 * Per-team guard rails (issue 9, item 4): a team's `quota: { maxNodes?, vmFamilies? }` checked
 * against the compute the team declares, before anything is created.
 *
 * - `maxNodes` bounds the team's total nodes: each cluster counts its `maxNodes` (the most it can
 *   scale to), each compute instance one node.
 * - `vmFamilies` lists the quota families (components/vm-sizes.ts `VM_FAMILIES`, named as Azure's
 *   quota APIs name them, compared case- and space-insensitively) the team's sizes must belong to.
 *   Azure ML meters dedicated cores per VM family ("Manage and increase quotas and limits for
 *   resources with Azure Machine Learning",
 *   https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas), so a family list is the
 *   unit an organisation budgets in.
 * Pure: wired into the semantic checks by the teams integration (one call per team).
 */
import { quotaTagProblem } from "../components/team-tags";
import { canonicalVmFamily, canonicalVmSize, VM_FAMILIES, vmFamilyKey, vmFamilyOf } from "../components/vm-sizes";
import { at, closest, type ConfigProblem } from "./config-errors";
import type { TeamQuota } from "./config-schema.generated";

/** A team's quota (`$defs/teamQuota`, type generated from the schema). */
export type { TeamQuota };

/** The part of a team's compute the quota reads. */
export interface TeamComputeUsage {
    /** Clusters by name. Default none. */
    clusters?: Record<string, { vmSize: string; maxNodes: number }>;
    /** Compute instances by name. Default none. */
    instances?: Record<string, { vmSize: string }>;
}

/** Total nodes a team's compute can reach: each cluster's `maxNodes`, plus one per instance. */
export function teamNodeCount(compute: TeamComputeUsage): number {
    const clusters = Object.values(compute.clusters ?? {}).reduce((n, c) => n + c.maxNodes, 0);
    return clusters + Object.keys(compute.instances ?? {}).length;
}

/**
 * Problems of one team's quota against its compute.
 * @param teamKey the team's key, named in messages.
 * @param quota the team's `quota` section; undefined means no quota (no problems).
 * @param compute the team's clusters and instances.
 * @param basePath key path of the team under the platform key, e.g. `teams.risk` (quota at `<basePath>.quota`).
 * @param computePath key path of the team's compute section. Default `<basePath>.compute`.
 */
export function teamQuotaProblems(
    teamKey: string,
    quota: TeamQuota | undefined,
    compute: TeamComputeUsage,
    basePath: string,
    computePath = `${basePath}.compute`,
): ConfigProblem[] {
    if (quota === undefined) return [];
    const problems: ConfigProblem[] = [];
    const known = (quota.vmFamilies ?? []).filter((f) => canonicalVmFamily(f) !== undefined);
    (quota.vmFamilies ?? []).forEach((family, i) => {
        if (canonicalVmFamily(family) !== undefined) return;
        const guess = closest(vmFamilyKey(family), VM_FAMILIES.map(vmFamilyKey));
        const match = guess === undefined ? undefined : canonicalVmFamily(guess);
        problems.push({
            path: at(`${basePath}.quota.vmFamilies[${i}]`),
            problem: `"${family}" is not a VM quota family Azure ML compute can use`,
            fix: match ? `did you mean ${match}?` : `use a family from components/vm-sizes.ts, e.g. standardDSv2Family or standardDDSv5Family`,
        });
    });
    const tagProblem = quotaTagProblem(quota);
    if (tagProblem !== undefined) {
        problems.push({
            path: at(`${basePath}.quota.vmFamilies`),
            problem: `${tagProblem}, and the team-quota policy reads the quota from that tag on the team's workspace`,
            fix: "list fewer families (about nine fit), or give the organisation's quota in the team-quota policy config teamQuotas",
        });
    }
    if (quota.maxNodes !== undefined) {
        const total = teamNodeCount(compute);
        if (total > quota.maxNodes) {
            problems.push({
                path: at(`${basePath}.quota.maxNodes`),
                problem: `team ${teamKey} may use at most ${quota.maxNodes} nodes, but its compute totals ${total} (clusters' maxNodes plus one per instance)`,
                fix: `lower the clusters' maxNodes under ${at(computePath)}, remove an instance, or raise quota.maxNodes`,
            });
        }
    }
    if (quota.vmFamilies !== undefined && known.length === quota.vmFamilies.length) {
        // Only when every listed family is known: an unknown name is reported above, and judging sizes
        // against a list with a typo would report every size of the family the user meant.
        const allowed = new Set(known.map(vmFamilyKey));
        const sizes: [string, string][] = [
            ...Object.entries(compute.clusters ?? {}).map(([n, c]): [string, string] => [`${computePath}.clusters.${n}.vmSize`, c.vmSize]),
            ...Object.entries(compute.instances ?? {}).map(([n, c]): [string, string] => [`${computePath}.instances.${n}.vmSize`, c.vmSize]),
        ];
        for (const [path, size] of sizes) {
            // A size that does not exist is the VM size check's finding, not the quota's.
            if (canonicalVmSize(size) === undefined) continue;
            const family = vmFamilyOf(size) as string;
            if (allowed.has(vmFamilyKey(family))) continue;
            problems.push({
                path: at(path),
                problem: `${size} is in ${family}, which team ${teamKey}'s quota does not allow (allowed: ${quota.vmFamilies.join(", ") || "none"})`,
                fix: `pick a size of ${quota.vmFamilies.join(", ") || "an allowed family"}, or add ${family} to ${at(`${basePath}.quota.vmFamilies`)}`,
            });
        }
    }
    return problems;
}
