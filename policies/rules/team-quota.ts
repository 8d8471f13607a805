/**
 * Per-team compute quotas (issue 9, item 4): the same rule config validation applies to a team's
 * `quota` (stacks/config-semantics-quota.ts), read from the resources, so a deployed stack or one
 * changed outside the toolkit is still held to it.
 *
 * A compute's team is its `team` tag, else its workspace's (components/team-tags.ts). A team's
 * quota is the policy config `teamQuotas.<team>`, else the quota tags the toolkit puts on the team's
 * workspace (`quota-max-nodes`, `quota-vm-families`), so an organisation need not repeat the stack
 * config; a config entry wins field by field. Nodes: a cluster counts its
 * `scaleSettings.maxNodeCount`, an instance one; VM families are the quota families of
 * components/vm-sizes.ts, compared case- and space-insensitively as Azure's APIs spell them
 * differently.
 */
import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { dependsThrough, ofType, peek } from "../lib/relations";
import { eqi, isObject, readPath } from "../lib/read";
import { TYPES } from "../lib/tokens";
import { parseQuotaTags, TEAM_TAG, type TeamQuotaTags } from "../../components/team-tags";
import { vmFamilyKey, vmFamilyOf } from "../../components/vm-sizes";

/** Config of the team-quota policy. */
interface TeamQuotaConfig extends ProductionConfig {
    /** Quota per team key; absent teams fall back to their workspace's quota tags. */
    teamQuotas?: Record<string, { maxNodes?: number; vmFamilies?: string[] }>;
}

/** A tag's value by case-insensitive name (Azure tag names are case-insensitive). */
function tagOf(r: PolicyResource, name: string): string | undefined {
    const tags = peek(() => r.props.tags);
    if (!isObject(tags)) return undefined;
    const key = Object.keys(tags).find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? undefined : peek(() => tags[key]);
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** Tags as a plain map of known strings. */
function tagsOf(r: PolicyResource): Record<string, string> {
    const tags = peek(() => r.props.tags);
    if (!isObject(tags)) return {};
    const out: Record<string, string> = {};
    for (const k of Object.keys(tags)) {
        const v = peek(() => tags[k]);
        if (typeof v === "string") out[k.toLowerCase()] = v;
    }
    return out;
}

/** The workspace a compute belongs to (graph first, then by name). */
function workspaceOf(compute: PolicyResource, workspaces: readonly PolicyResource[]): PolicyResource | undefined {
    const byGraph = workspaces.find((w) => dependsThrough(compute, "workspaceName", w));
    if (byGraph) return byGraph;
    const name = peek(() => compute.props.workspaceName);
    return workspaces.find((w) => peek(() => w.props.name) === name || peek(() => w.props.workspaceName) === name);
}

/** True for the compute kinds that run VMs of a size (instances and clusters; not attached Kubernetes). */
function isVmCompute(compute: PolicyResource): boolean {
    const type = peek(() => readPath(compute.props, "properties.computeType"));
    return eqi(type, "ComputeInstance") || eqi(type, "AmlCompute");
}

/** Nodes a compute can hold: a cluster's max node count, an instance one, other kinds none. */
function nodesOf(compute: PolicyResource): number {
    const type = peek(() => readPath(compute.props, "properties.computeType"));
    if (eqi(type, "ComputeInstance")) return 1;
    if (!eqi(type, "AmlCompute")) return 0;
    const max = peek(() => readPath(compute.props, "properties.properties.scaleSettings.maxNodeCount"));
    return typeof max === "number" ? max : 0;
}

/** Per-team compute quotas: total nodes and VM families. */
export const teamQuota = stackPolicy<TeamQuotaConfig>({
    name: "team-quota",
    description: "Each team's Azure ML compute must stay within its quota: total nodes (clusters' max nodes plus one per instance) and allowed VM families.",
    severity: "medium",
    remediation:
        "Lower the team's cluster maxNodes or remove instances, or pick a VM size of an allowed family; or raise the team's quota (stack config teams.<team>.quota, or the policy config teamQuotas).",
    sources: { other: ["cost guardrail", "Azure ML quotas per VM family (Manage and increase quotas and limits for resources with Azure Machine Learning)"] },
    controls: ["compute.team-quota"],
    types: [TYPES.compute],
    config: {
        teamQuotas: {
            type: "object",
            additionalProperties: {
                type: "object",
                properties: {
                    maxNodes: { type: "integer", minimum: 0, description: "Most nodes the team's compute may total." },
                    vmFamilies: { type: "array", items: { type: "string", minLength: 1 }, description: "Quota families the team's VM sizes must belong to, e.g. standardDSv2Family." },
                },
                additionalProperties: false,
            },
            description:
                "Quota per team key. Unset for a team (the default): the quota-max-nodes / quota-vm-families tags on the team's workspace, else no quota.",
        },
    },
    check: ({ subjects, resources, config, report }) => {
        const workspaces = ofType(resources, TYPES.workspace);
        const byTeam = new Map<string, PolicyResource[]>();
        for (const c of subjects) {
            const ws = workspaceOf(c, workspaces);
            const team = tagOf(c, TEAM_TAG) ?? (ws ? tagOf(ws, TEAM_TAG) : undefined);
            if (team !== undefined) byTeam.set(team, [...(byTeam.get(team) ?? []), c]);
        }
        for (const [team, computes] of byTeam) {
            const teamWorkspaces = workspaces.filter((w) => tagOf(w, TEAM_TAG) === team);
            const fromTags = teamWorkspaces.map((w) => parseQuotaTags(tagsOf(w))).find((q) => q.maxNodes !== undefined || q.vmFamilies !== undefined) ?? {};
            const quota: TeamQuotaTags = { ...fromTags, ...(config.teamQuotas?.[team] ?? {}) };
            const source = config.teamQuotas?.[team] !== undefined ? "policy config teamQuotas" : "its workspace's quota tags";
            if (quota.maxNodes !== undefined) {
                const total = computes.reduce((n, c) => n + nodesOf(c), 0);
                if (total > quota.maxNodes) {
                    const parts = computes.filter((c) => nodesOf(c) > 0).map((c) => `${c.name} ${nodesOf(c)}`).join(", ");
                    report(`team ${team}'s compute totals ${total} nodes (${parts}); its quota (${source}) allows ${quota.maxNodes}`, teamWorkspaces[0] ?? computes[0]);
                }
            }
            if (quota.vmFamilies !== undefined) {
                const allowed = new Set(quota.vmFamilies.map(vmFamilyKey));
                for (const c of computes) {
                    if (!isVmCompute(c)) continue;
                    const size = peek(() => readPath(c.props, "properties.properties.vmSize"));
                    if (typeof size !== "string") continue;
                    const family = vmFamilyOf(size);
                    if (family !== undefined && allowed.has(vmFamilyKey(family))) continue;
                    const where = family === undefined ? "is in no VM family the toolkit knows" : `is in ${family}`;
                    report(`${c.name}: vmSize ${size} ${where}; team ${team} may use ${quota.vmFamilies.join(", ") || "no family"} (${source})`, c);
                }
            }
        }
    },
});
