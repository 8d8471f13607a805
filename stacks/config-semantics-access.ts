/**
 * Config checks of access: a list of grants (principal, role, scope) and the custom roles they
 * may name. Pure functions over one section and its key path, returning every problem as
 * `<key path>: <problem> (<fix>)`; the role table is components/access/builtin-roles.ts.
 */
import { GrantScope } from "../components/enums";
import type { AccessGrant, CustomRole } from "./config-schema.generated";
import { ACCESS_ADMIN_ROLES, BUILTIN_ROLE_NAMES, type BuiltinRoleName } from "../components/access/builtin-roles";
import { resolveRole } from "../components/access/role-resolution";
import { at, type ConfigProblem } from "./config-errors";

/** Where a grant applies: the library's one value set. */
export const GRANT_SCOPES: readonly GrantScope[] = Object.values(GrantScope);
export type { GrantScope };

/** One grant as the config writes it (`$defs/accessGrant`; the type is generated from the schema). */
export type AccessGrantConfig = AccessGrant;

/** One custom role as the config writes it (`$defs/customRole`; generated from the schema). */
export type CustomRoleConfig = CustomRole;

/** Where a list of grants sits, which decides the scopes its entries may name. */
export interface AccessContext {
    /** Scopes an entry may name here, e.g. no `hub` when sharing is independent, no `registry` without a model registry. */
    allowedScopes: readonly GrantScope[];
    /** Scope of an entry that names none (a team's list: `workspace`). */
    defaultScope: GrantScope;
    /** Why a scope is not allowed here, by scope, for the fix text (e.g. `{ hub: "sharing is independent" }`). Default: no reason given. */
    refusedBecause?: Partial<Record<GrantScope, string>>;
}

/** Default assignable scope of a custom role: the narrowest. */
export const DEFAULT_CUSTOM_ROLE_SCOPE = "workspace";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = "00000000-0000-0000-0000-000000000000";
/** The action that lets a principal grant roles, hence any access. */
const ROLE_ASSIGNMENT_WRITE = "Microsoft.Authorization/roleAssignments/write";

/** True when the action pattern (Azure wildcard `*` matches any text, case-insensitive) covers `action`. */
export function actionCovers(pattern: string, action: string): boolean {
    const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`, "i");
    return re.test(action);
}

/** True when a custom role lets its holder write role assignments (and so give themselves any role). */
export function customRoleGrantsAccess(role: CustomRoleConfig): boolean {
    return role.actions.some((a) => actionCovers(a, ROLE_ASSIGNMENT_WRITE)) && !(role.notActions ?? []).some((a) => actionCovers(a, ROLE_ASSIGNMENT_WRITE));
}

/**
 * Problems of one list of grants at `basePath` (e.g. `teams.risk.access`): a malformed or nil
 * principal ID, an unknown role (with the close matches), a scope not allowed in `context`, a
 * custom role granted outside its assignable scope, an access-admin role without `breakGlass`,
 * `breakGlass` on a role that needs none, and an entry that repeats another's principal, role
 * and scope.
 */
export function accessProblems(
    grants: readonly AccessGrantConfig[],
    basePath: string,
    customRoles: Readonly<Record<string, CustomRoleConfig>> = {},
    context: AccessContext = { allowedScopes: ["workspace"], defaultScope: "workspace" },
): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const seen = new Map<string, number>();
    grants.forEach((g, i) => {
        const entry = `${basePath}[${i}]`;
        const principalOk = principalProblem(g.principalId, at(`${entry}.principalId`), out);
        const scope = g.scope ?? context.defaultScope;
        const scopeOk = context.allowedScopes.includes(scope);
        if (!scopeOk) {
            const why = context.refusedBecause?.[scope];
            out.push({
                path: at(g.scope === undefined ? entry : `${entry}.scope`),
                problem: `scope ${JSON.stringify(scope)} is not available here${why ? ` (${why})` : ""}`,
                fix: `use one of ${context.allowedScopes.map((s) => JSON.stringify(s)).join(", ")}`,
            });
        }
        const role = resolveRole(g.role, Object.keys(customRoles));
        if (role.kind === "unknown") {
            out.push({ path: at(`${entry}.role`), problem: role.problem, fix: role.fix });
            return;
        }
        const custom = role.kind === "custom" ? customRoles[role.key] : undefined;
        const grantsAccess = role.kind === "builtin" ? ACCESS_ADMIN_ROLES.includes(role.name) : custom !== undefined && customRoleGrantsAccess(custom);
        if (grantsAccess && g.breakGlass !== true) {
            out.push({
                path: at(`${entry}.role`),
                problem: `${JSON.stringify(g.role)} lets ${describePrincipal(g)} assign any role to anyone, including itself`,
                fix: `grant a narrower role (e.g. "AzureML Data Scientist", "AzureML Compute Operator", "Azure AI Developer" or "Reader"); for an emergency-access principal, set breakGlass: true on this entry`,
            });
        } else if (!grantsAccess && g.breakGlass === true) {
            out.push({
                path: at(`${entry}.breakGlass`),
                problem: `${JSON.stringify(g.role)} cannot assign roles, so breakGlass has nothing to allow`,
                fix: `remove breakGlass; it is only for ${ACCESS_ADMIN_ROLES.map((r) => JSON.stringify(r)).join(", ")} and custom roles that write role assignments`,
            });
        }
        if (custom && scopeOk && (custom.assignableScope ?? DEFAULT_CUSTOM_ROLE_SCOPE) === "workspace" && (scope === "resourceGroup" || scope === "registry")) {
            // "Azure custom roles" (https://learn.microsoft.com/azure/role-based-access-control/custom-roles):
            // AssignableScopes are "the scopes that the custom role is available for assignment".
            out.push({
                path: at(g.scope === undefined ? entry : `${entry}.scope`),
                problem: `custom role ${JSON.stringify(g.role)} is assignable only at a workspace (its assignableScope), so Azure refuses it at scope ${JSON.stringify(scope)}`,
                fix: `grant it at scope "workspace" or "hub", or set customRoles.${g.role}.assignableScope: resourceGroup`,
            });
        }
        if (!principalOk) return;
        const roleId = role.kind === "builtin" ? role.roleGuid : `custom:${role.key}`;
        const key = `${g.principalId.toLowerCase()}|${roleId}|${scope}`;
        const first = seen.get(key);
        if (first !== undefined) {
            out.push({
                path: at(entry),
                problem: `grants ${JSON.stringify(g.role)} to ${describePrincipal(g)} at scope ${JSON.stringify(scope)}, as ${at(`${basePath}[${first}]`)} already does`,
                fix: `list each principal, role and scope once: remove ${basePath}[${i}] or ${basePath}[${first}]`,
            });
        } else {
            seen.set(key, i);
        }
    });
    return out;
}

/**
 * Problems of the custom roles at `basePath` (default `customRoles`): a key equal to a built-in
 * role name (any case), no actions and no data actions, a `*` action (all actions of every
 * provider: CONTROLS.md forbids it although Azure allows it), an action that spans every
 * resource provider (`*\/write`), and more than one wildcard in one action string, which Azure
 * refuses ("Azure custom roles", https://learn.microsoft.com/azure/role-based-access-control/custom-roles,
 * "Custom role limits"; checked 2026-12-02).
 */
export function customRoleProblems(customRoles: Readonly<Record<string, CustomRoleConfig>>, basePath = "customRoles"): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const [key, role] of Object.entries(customRoles)) {
        const base = `${basePath}.${key}`;
        const builtin = BUILTIN_ROLE_NAMES.find((n: BuiltinRoleName) => n.toLowerCase() === key.toLowerCase());
        if (builtin) {
            out.push({ path: at(base), problem: `the key collides with the built-in role ${JSON.stringify(builtin)}, so a grant naming it would be ambiguous`, fix: `rename the custom role, e.g. ${JSON.stringify(`${key.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-custom`)}` });
        }
        if (role.actions.length === 0 && (role.dataActions ?? []).length === 0) {
            out.push({ path: at(base), problem: "the role allows nothing (actions and dataActions are both empty)", fix: `list the operations it allows under ${base}.actions or ${base}.dataActions` });
        }
        for (const list of ["actions", "notActions", "dataActions", "notDataActions"] as const) {
            (role[list] ?? []).forEach((action, i) => {
                const path = at(`${base}.${list}[${i}]`);
                const allows = list === "actions" || list === "dataActions";
                if (allows && action.trim() === "*") {
                    out.push({ path, problem: `"*" allows every ${list === "actions" ? "" : "data "}action of every resource provider`, fix: "list the exact operations the role needs (e.g. Microsoft.MachineLearningServices/workspaces/models/read)" });
                } else if (allows && action.trim().startsWith("*")) {
                    out.push({ path, problem: `${JSON.stringify(action)} applies to every resource provider`, fix: "start the action with its provider namespace (e.g. Microsoft.MachineLearningServices/...)" });
                } else if ((action.match(/\*/g) ?? []).length > 1) {
                    out.push({ path, problem: `${JSON.stringify(action)} has more than one wildcard, which Azure refuses in an action string`, fix: "use at most one * per action string, or list the actions" });
                }
            });
        }
    }
    return out;
}

/** Adds a problem for a malformed or nil principal ID; true when the ID is usable. */
function principalProblem(id: string, path: string, out: ConfigProblem[]): boolean {
    if (!GUID.test(id)) {
        out.push({ path, problem: `${JSON.stringify(id)} is not an object ID`, fix: "write the principal's Entra ID object ID, a GUID like 3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f (az ad group show --group <name> --query id)" });
        return false;
    }
    // The nil GUID is reported once, for every principal ID of the config (config-semantics-limits.ts nilGuidProblems).
    if (id === NIL_GUID) return false;
    return true;
}

function describePrincipal(g: AccessGrantConfig): string {
    return g.label ? `${g.label} (${g.principalType} ${g.principalId})` : `${g.principalType} ${g.principalId}`;
}
