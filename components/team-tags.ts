/**
 * The tags that say which team a resource belongs to (issue 9, item 4), for cost reports and for
 * the `team-quota` policy, and the Pulumi transformation that puts them on a team's subtree.
 *
 * Tag names (one table, read by the transformation, the policy and the offline plan):
 * - `team`: the team key, on every resource of the team that carries tags;
 * - `quota-max-nodes`: the team's `quota.maxNodes`, on the team's workspace only;
 * - `quota-vm-families`: the team's `quota.vmFamilies`, space-separated, on the team's workspace only.
 * A tag value holds at most 256 characters ("Use tags to organize your Azure resources",
 * Limitations, https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources;
 * components/tag-limits.ts), which bounds the family list (about nine families): see
 * {@link quotaTagProblem}.
 *
 * Pure (the policy pack and the offline plan read it); the transformation that applies the tags is
 * components/team-tag-options.ts.
 */
import { DEFAULT_TAG_LIMITS } from "./tag-limits";

/** The tag naming a resource's team. */
export const TEAM_TAG = "team";
/** The tag on a team's workspace with the team's most nodes (`quota.maxNodes`). */
export const QUOTA_MAX_NODES_TAG = "quota-max-nodes";
/** The tag on a team's workspace with the team's VM quota families (`quota.vmFamilies`), space-separated. */
export const QUOTA_VM_FAMILIES_TAG = "quota-vm-families";
/** The resource type that carries a team's quota tags. */
export const TEAM_WORKSPACE_TYPE = "azure-native:machinelearningservices:Workspace";

/** A team's quota as the tags carry it. */
export interface TeamQuotaTags {
    /** Most nodes. Default: no limit (no tag). */
    maxNodes?: number;
    /** Allowed quota families. Default: any family (no tag). */
    vmFamilies?: readonly string[];
}

/** The quota tags of a team's workspace (absent settings give no tag). */
export function quotaTags(quota: TeamQuotaTags | undefined): Record<string, string> {
    const tags: Record<string, string> = {};
    if (quota?.maxNodes !== undefined) tags[QUOTA_MAX_NODES_TAG] = String(quota.maxNodes);
    if (quota?.vmFamilies !== undefined) tags[QUOTA_VM_FAMILIES_TAG] = quota.vmFamilies.join(" ");
    return tags;
}

/** Reads quota tags back (what the policy falls back to); malformed values are ignored. */
export function parseQuotaTags(tags: Record<string, unknown> | undefined): TeamQuotaTags {
    const out: TeamQuotaTags = {};
    const max = tags?.[QUOTA_MAX_NODES_TAG];
    if (typeof max === "string" && /^\d+$/.test(max.trim())) out.maxNodes = Number(max.trim());
    const families = tags?.[QUOTA_VM_FAMILIES_TAG];
    if (typeof families === "string") out.vmFamilies = families.split(/\s+/).filter((f) => f !== "");
    return out;
}

/** Why a quota cannot be carried as tags (a value over Azure's 256 characters), or undefined. */
export function quotaTagProblem(quota: TeamQuotaTags | undefined): string | undefined {
    const value = quotaTags(quota)[QUOTA_VM_FAMILIES_TAG];
    if (value !== undefined && value.length > DEFAULT_TAG_LIMITS.maxValueLength) {
        return `the ${QUOTA_VM_FAMILIES_TAG} tag would hold ${value.length} characters; Azure allows ${DEFAULT_TAG_LIMITS.maxValueLength}`;
    }
    return undefined;
}

/** The tags a team adds to one resource of `type`: `team` always, the quota tags on the workspace. */
export function teamTagsFor(type: string, teamKey: string, quota?: TeamQuotaTags): Record<string, string> {
    return { [TEAM_TAG]: teamKey, ...(type === TEAM_WORKSPACE_TYPE ? quotaTags(quota) : {}) };
}
