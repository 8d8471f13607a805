/**
 * Config checks of the teams (issue 9): the platform's and each team's access lists, the custom
 * roles, the model registry, each team's quota, compute and tags, and the names a team gets.
 * The rules themselves live elsewhere and are reused here, with each team's key path:
 * config-semantics-access.ts (grants, custom roles), config-semantics-registry.ts,
 * config-semantics-quota.ts, config-semantics-compute.ts and config-semantics-limits.ts (compute
 * names, VM sizes, idle shutdown), components/naming.ts and components/platform-names.ts (names).
 */
import { nameProblem, NamingError } from "../components/naming";
import { privateEndpointsEnabled } from "../components/network/network-plan";
import { givenNames, platformNames } from "../components/platform-names";
import { strictestTagLimits, tagNameProblem } from "../components/tag-limits";
import { QUOTA_MAX_NODES_TAG, QUOTA_VM_FAMILIES_TAG, TEAM_TAG } from "../components/team-tags";
import { at, type ConfigProblem } from "./config-errors";
import { accessProblems, customRoleProblems, type AccessContext, type GrantScope } from "./config-semantics-access";
import { computeSectionProblems } from "./config-semantics-compute";
import { idleShutdownProblemsOf, vmSizeProblemsOf } from "./config-semantics-limits";
import { modelRegistryProblems } from "./config-semantics-registry";
import { teamQuotaProblems } from "./config-semantics-quota";
import type { PlatformConfig } from "./config-types";
import { guardedEntries, guardedFlatMap } from "./config-guard";

/** This file's checks, each on its own so a schema-invalid input skips only the check that reads it. */
export const TEAM_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [
    teamAccessProblems,
    teamRegistryProblems,
    teamComputeProblems,
    teamNameProblems,
    teamTagProblems,
];

/**
 * Stand-in for the deployment identity that seeds global suffixes (as in
 * config-semantics-names.ts): a suffix's length and characters do not depend on it.
 */
const SUFFIX_SEED = ["config-check"];

type Team = NonNullable<PlatformConfig["teams"]>[string];

function teamsOf(c: PlatformConfig): [string, Team][] {
    return Object.entries(c.teams ?? {});
}

/** The base of a team's derived names: `<namePrefix>-<teamKey>` (the integrator's MlPlatform derives them the same way). */
export function teamNamePrefix(namePrefix: string, teamKey: string): string {
    return `${namePrefix}-${teamKey}`;
}

/** The names a team's resources get, exactly as MlPlatform derives them (throws NamingError when one is invalid). */
export function teamNames(namePrefix: string, teamKey: string, team: { workspace?: { name?: string } }, uniqueBy: readonly string[] = SUFFIX_SEED): ReturnType<typeof platformNames> {
    return platformNames({ prefix: teamNamePrefix(namePrefix, teamKey), uniqueBy: [...uniqueBy, `team:${teamKey}`], given: { workspace: team.workspace?.name } });
}

/** The scopes a grant list may name, and why the others are refused. */
function accessContext(c: PlatformConfig, list: "team" | "platform"): AccessContext {
    const hub = c.sharing === "hub";
    const registry = c.modelRegistry !== undefined;
    const allowed: GrantScope[] = [...(list === "team" ? (["workspace"] as const) : []), "resourceGroup", ...(registry ? (["registry"] as const) : []), ...(hub ? (["hub"] as const) : [])];
    return {
        allowedScopes: allowed,
        defaultScope: list === "team" ? "workspace" : "resourceGroup",
        refusedBecause: {
            hub: "sharing is independent, so there is no hub; set sharing: hub or grant at the team's workspace",
            registry: "no modelRegistry is configured",
            workspace: "the platform list grants at platform scopes; grant a team's workspace under teams.<key>.access",
        },
    };
}

/** The platform's access list, each team's, and the custom roles they name. */
export function teamAccessProblems(c: PlatformConfig): ConfigProblem[] {
    const roles = c.customRoles ?? {};
    return [
        ...customRoleProblems(roles, "customRoles"),
        ...accessProblems(c.access ?? [], "access", roles, accessContext(c, "platform")),
        ...guardedFlatMap(c.teams, (key, team) => accessProblems(team.access ?? [], `teams.${key}.access`, roles, accessContext(c, "team"))),
    ];
}

/** The model registry, whose consumers must be team keys. */
export function teamRegistryProblems(c: PlatformConfig): ConfigProblem[] {
    if (c.modelRegistry === undefined) return [];
    return modelRegistryProblems(c.modelRegistry, "modelRegistry", {
        cloud: c.cloud,
        location: c.location,
        privateEndpoints: privateEndpointsEnabled(c),
        teamKeys: teamsOf(c).map(([key]) => key),
    });
}

/** Each team's compute, with the platform compute's rules, and its quota. */
export function teamComputeProblems(c: PlatformConfig): ConfigProblem[] {
    return guardedFlatMap(c.teams, (key, team) => {
        const compute = team.compute ?? { clusters: {}, instances: {} };
        const path = `teams.${key}.compute`;
        return [
            ...computeSectionProblems(compute, path),
            ...vmSizeProblemsOf(compute, path),
            ...idleShutdownProblemsOf(compute, path),
            ...teamQuotaProblems(key, team.quota, compute, `teams.${key}`),
        ];
    });
}

/**
 * Workspace names: each valid, none shared (Azure ML workspace names are compared
 * case-insensitively within a resource group), and in independent mode no platform
 * `workspace.name` beside teams (each team names its own). The names derived from a team key
 * must be valid too, reported against the team.
 */
export function teamNameProblems(c: PlatformConfig): ConfigProblem[] {
    const teams = teamsOf(c);
    if (teams.length === 0) return [];
    const out: ConfigProblem[] = [];
    const hub = c.sharing === "hub";
    if (!hub && c.workspace.name !== undefined) {
        out.push({
            path: at("workspace.name"),
            problem: "names one workspace, but with teams and sharing independent every team gets its own workspace",
            fix: `name each team's workspace under teams.<key>.workspace.name (e.g. teams.${teams[0][0]}.workspace.name), or set sharing: hub to make workspace the hub`,
        });
    }
    // Who holds each workspace name (lowercased), to report the later holder against the first.
    const holders = new Map<string, string>();
    if (hub) {
        try {
            const hubName = platformNames({ prefix: c.namePrefix, uniqueBy: SUFFIX_SEED, given: givenNames(c) }).workspace;
            holders.set(hubName.toLowerCase(), c.workspace.name !== undefined ? at("workspace.name") : "the hub workspace (derived from namePrefix)");
        } catch (e) {
            // An invalid platform name is the derived-names check's finding.
            if (!(e instanceof NamingError)) throw e;
        }
    }
    for (const [key, team] of teams) {
        const given = team.workspace?.name;
        if (given !== undefined) {
            const problem = nameProblem("workspace", given);
            if (problem) {
                out.push({ path: at(`teams.${key}.workspace.name`), problem, fix: "choose a name that follows the rule, or remove the key to derive one from the team key" });
                continue;
            }
        }
        let name: string;
        try {
            name = teamNames(c.namePrefix, key, team).workspace;
        } catch (e) {
            if (!(e instanceof NamingError)) throw e;
            out.push({
                path: at(`teams.${key}`),
                problem: `gives the team's resources an invalid name (derived from "${teamNamePrefix(c.namePrefix, key)}", namePrefix and the team key): ${e.message}`,
                fix: "choose a shorter team key or namePrefix, without reserved words (microsoft, windows, login...)",
            });
            continue;
        }
        const path = given !== undefined ? `teams.${key}.workspace.name` : `teams.${key}`;
        const first = holders.get(name.toLowerCase());
        if (first !== undefined) {
            out.push({
                path: at(path),
                problem: `gives the workspace name "${name}", which ${first} already has (workspace names are case-insensitive)`,
                fix: `give teams.${key}.workspace.name a name no other workspace of the platform has`,
            });
        } else {
            holders.set(name.toLowerCase(), given !== undefined ? at(path) : `team ${key} (derived)`);
        }
    }
    return out;
}

/**
 * A team's tags: the names Azure accepts, within the tag count once merged over the platform's
 * (and the toolkit's own `team` and quota tags), and never one of the tags the toolkit sets.
 */
export function teamTagProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    // Independent teams get their own storage account, whose tag limits are the strictest.
    const limits = strictestTagLimits(c.sharing === "hub" ? [] : ["Microsoft.Storage/storageAccounts"]);
    const toolkit = [TEAM_TAG, QUOTA_MAX_NODES_TAG, QUOTA_VM_FAMILIES_TAG];
    for (const [key, team] of guardedEntries(out, c.teams)) {
        const names = Object.keys(team.tags ?? {});
        for (const name of names) {
            const path = at(`teams.${key}.tags.${name}`);
            if (toolkit.includes(name.toLowerCase())) {
                out.push({ path, problem: `is a tag the toolkit sets on the team's resources (Azure tag names are case-insensitive)`, fix: `remove it: ${TEAM_TAG} is the team key, the quota tags come from teams.${key}.quota` });
                continue;
            }
            const p = tagNameProblem(name, limits, limits.nameLimitedBy);
            if (p) out.push({ path, ...p });
        }
        // The quota tags go on the team's workspace only when the team has a quota.
        const added = team.quota === undefined ? [TEAM_TAG] : toolkit;
        const merged = new Set([...Object.keys(c.tags), ...names, ...added].map((n) => n.toLowerCase()));
        if (merged.size > limits.maxCount) {
            out.push({
                path: at(`teams.${key}.tags`),
                problem: `with the platform's tags and the toolkit's ${added.join(", ")} gives ${merged.size} tags; Azure allows at most ${limits.maxCount} per resource`,
                fix: `remove ${merged.size - limits.maxCount} tag(s) here or in tags`,
            });
        }
    }
    return out;
}
