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
 * The transformation works like components/lifecycle-options.ts: given on a team's component it runs
 * for every resource constructed below it ("Resource option: transformations",
 * https://www.pulumi.com/docs/iac/concepts/resources/options/transformations/). It tags the custom
 * resources that take `tags` as an input (the toolkit's components pass the platform tags to every
 * taggable resource they create, which the `required-tags` policy checks), keeping their own tags.
 */
import * as pulumi from "@pulumi/pulumi";
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

/**
 * Builds the transformation that tags every taggable resource below a team's component.
 * @param teamKey the team key (the `team` tag's value).
 * @param quota the team's quota, put on its workspace as tags. Default: none.
 */
export function teamTagTransformation(teamKey: string, quota?: TeamQuotaTags): pulumi.ResourceTransformation {
    return (args) => {
        // Components carry no tags; only custom resources that take `tags` get them. (`isInstance`
        // reads a brand the SDK sets after the transformations ran, so the prototype decides.)
        if (!(args.resource instanceof pulumi.CustomResource) || !("tags" in args.props)) return undefined;
        const added = teamTagsFor(args.type, teamKey, quota);
        const tags = pulumi
            .output(args.props.tags as pulumi.Input<Record<string, pulumi.Input<string>>> | undefined)
            .apply((own) => ({ ...(own ?? {}), ...added }));
        return { props: { ...args.props, tags }, opts: args.opts };
    };
}
