/**
 * Resolves a role as a config writes it (a built-in role's display name, or the key of a custom
 * role the config defines) to what a role assignment needs. Pure.
 */
import { suggestions } from "../text-match";
import { BUILTIN_ROLE_IDS, BUILTIN_ROLE_NAMES, isBuiltinRoleName, type BuiltinRoleName } from "./builtin-roles";

/** A role name resolved to a built-in role. */
export interface BuiltinRoleResolution {
    kind: "builtin";
    /** Display name, as Azure spells it. */
    name: BuiltinRoleName;
    /** Role definition GUID. */
    roleGuid: string;
}

/** A role name resolved to a custom role of the config. */
export interface CustomRoleResolution {
    kind: "custom";
    /** The custom role's key. */
    key: string;
}

/** A role name that is neither. */
export interface UnknownRoleResolution {
    kind: "unknown";
    /** What is wrong, for a config problem. */
    problem: string;
    /** How to fix it, naming the close matches when there are any. */
    fix: string;
    /** Built-in names and custom keys close to the name, nearest first. */
    matches: string[];
}

/** What {@link resolveRole} returns. */
export type RoleResolution = BuiltinRoleResolution | CustomRoleResolution | UnknownRoleResolution;

/**
 * Resolves `name`: a built-in display name spelled exactly, else a custom role key, else unknown
 * with the close matches among both. Built-in names win, and a custom key equal to one is a
 * config error of its own (config-semantics-access.ts), so the two never shadow each other.
 */
export function resolveRole(name: string, customRoleKeys: readonly string[]): RoleResolution {
    if (isBuiltinRoleName(name)) return { kind: "builtin", name, roleGuid: BUILTIN_ROLE_IDS[name] };
    if (customRoleKeys.includes(name)) return { kind: "custom", key: name };
    const candidates = [...BUILTIN_ROLE_NAMES, ...customRoleKeys];
    const matches = suggestions(name, candidates);
    const where = customRoleKeys.length > 0 ? "a built-in role display name nor a key of customRoles" : "a built-in role display name (and no customRoles are defined)";
    return {
        kind: "unknown",
        problem: `role ${JSON.stringify(name)} is neither ${where}`,
        fix:
            matches.length > 0
                ? `did you mean ${matches.map((m) => JSON.stringify(m)).join(" or ")}? Built-in names are written exactly as Azure spells them`
                : `use a built-in role display name such as "AzureML Data Scientist", "AzureML Compute Operator" or "Reader" (components/access/builtin-roles.ts lists them), or define the role under customRoles`,
        matches,
    };
}
