/**
 * Which team each planned resource belongs to (issue 9, item 6), for the plan's tree and JSON.
 *
 * The rule, in order:
 * 1. A resource whose `tags` are known and carry `team` (components/team-tags.ts `TEAM_TAG`)
 *    belongs to that team.
 * 2. A resource with known tags but no `team` tag belongs to no team (the platform's own
 *    resources: network, DNS, shared monitoring carry the platform tags only).
 * 3. A resource without tags (role assignments, diagnostic settings, subnets, zone groups:
 *    types Azure gives no tags) or with tags unknown in preview belongs to the team of its nearest
 *    ancestor on the URN parent chain that has one. A custom ancestor has its team by these rules;
 *    a component (components carry no tags) has team X when its subtree holds at least one tagged
 *    resource and every tagged resource of its subtree carries `team: X`. So the team's component,
 *    and every component inside it, is the team's; the platform component, whose subtree also holds
 *    the platform's own resources or several teams, is nobody's.
 * 4. Otherwise no team: the plan shows it under "platform".
 * No naming convention is involved: the integrator only has to tag the team's subtree (the
 * transformation does) and keep each team's resources under the team's component.
 */
import type { CapturedResource, CapturedStack } from "./graph";
import { isSecret, UNKNOWN } from "./graph";
import { TEAM_TAG } from "../components/team-tags";

/** Own tags of a resource: the map, `"none"` when it has no tags input, `"unknown"` when unreadable. */
function ownTags(r: CapturedResource): Record<string, unknown> | "none" | "unknown" {
    if (!r.custom || !("tags" in r.inputs) || r.inputs.tags === undefined || r.inputs.tags === null) return "none";
    const tags = isSecret(r.inputs.tags) ? r.inputs.tags.value : r.inputs.tags;
    if (tags === UNKNOWN || typeof tags !== "object" || tags === null) return "unknown";
    return tags as Record<string, unknown>;
}

/** The team of every resource by URN (`undefined`: no team). */
export function teamsOf(stack: CapturedStack): Map<string, string | undefined> {
    const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
    const children = new Map<string, CapturedResource[]>();
    for (const r of stack.resources) if (r.parent && byUrn.has(r.parent)) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);

    // A tagged resource's own verdict: its team, or null for "tagged, no team".
    const tagged = new Map<string, string | null>();
    for (const r of stack.resources) {
        const tags = ownTags(r);
        if (tags === "none" || tags === "unknown") continue;
        const team = tags[TEAM_TAG];
        tagged.set(r.urn, typeof team === "string" && team !== "" ? team : null);
    }

    // Component team: the one team all tagged resources of its subtree carry (memoised, post-order).
    const subtree = new Map<string, Set<string | null>>();
    const verdictsBelow = (urn: string): Set<string | null> => {
        const memo = subtree.get(urn);
        if (memo) return memo;
        const out = new Set<string | null>();
        subtree.set(urn, out);
        for (const c of children.get(urn) ?? []) {
            if (tagged.has(c.urn)) out.add(tagged.get(c.urn) as string | null);
            for (const v of verdictsBelow(c.urn)) out.add(v);
        }
        return out;
    };
    const componentTeam = (r: CapturedResource): string | undefined => {
        const verdicts = verdictsBelow(r.urn);
        const [only] = [...verdicts];
        return verdicts.size === 1 && only !== null ? only : undefined;
    };

    const result = new Map<string, string | undefined>();
    const resolve = (r: CapturedResource): string | undefined => {
        if (result.has(r.urn)) return result.get(r.urn);
        let team: string | undefined;
        if (tagged.has(r.urn)) team = tagged.get(r.urn) ?? undefined;
        else if (!r.custom && componentTeam(r) !== undefined) team = componentTeam(r);
        else {
            const parent = r.parent ? byUrn.get(r.parent) : undefined;
            team = parent ? resolve(parent) : undefined;
        }
        result.set(r.urn, team);
        return team;
    };
    for (const r of stack.resources) resolve(r);
    return result;
}

/** True when any resource of the stack belongs to a team (the plan then groups by team). */
export function hasTeams(teams: ReadonlyMap<string, string | undefined>): boolean {
    for (const t of teams.values()) if (t !== undefined) return true;
    return false;
}
