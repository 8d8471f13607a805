/**
 * The team tags of components/team-tags.ts applied as a Pulumi transformation, like
 * components/lifecycle-options.ts: given on a team's component it runs for every resource
 * constructed below it ("Resource option: transformations",
 * https://www.pulumi.com/docs/iac/concepts/resources/options/transformations/). It tags the custom
 * resources that take `tags` as an input (the toolkit's components pass the platform tags to every
 * taggable resource they create, which the `required-tags` policy checks), keeping their own tags
 * (the team's tags win over a same-named own tag).
 */
import * as pulumi from "@pulumi/pulumi";
import { teamTagsFor, type TeamQuotaTags } from "./team-tags";

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
        const own = args.props.tags as pulumi.Input<Record<string, pulumi.Input<string>>> | undefined;
        // Plain tags (what the toolkit's components pass) merge plainly: wrapping them in an output
        // makes every registration below a custom parent walk a growing dependency set (a team's
        // plan took ~40% longer). Tags given as outputs or promises merge once they resolve.
        const tags = isPlainTagMap(own) ? { ...(own ?? {}), ...added } : pulumi.output(own).apply((resolved) => ({ ...(resolved ?? {}), ...added }));
        return { props: { ...args.props, tags }, opts: args.opts };
    };
}

/** Whether tags are absent or a plain map of plain strings (no output or promise anywhere). */
function isPlainTagMap(tags: unknown): tags is Record<string, string> | undefined {
    if (tags === undefined) return true;
    if (tags === null || typeof tags !== "object" || pulumi.Output.isInstance(tags) || tags instanceof Promise) return false;
    return Object.values(tags).every((v) => typeof v === "string");
}
