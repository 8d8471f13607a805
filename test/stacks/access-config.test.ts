/**
 * Access config checks (stacks/config-semantics-access.ts): each problem a grant list or a custom
 * role can have, as the one-line message the user reads, at the key they wrote.
 */
import { configAjv } from "../../stacks/config";
import { formatProblem } from "../../stacks/config-errors";
import schema from "../../stacks/schema/platform.schema.json";
import { accessProblems, actionCovers, customRoleProblems, type AccessContext, type AccessGrantConfig, type CustomRoleConfig } from "../../stacks/config-semantics-access";
import { problemLines } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const GROUP = "3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f";
const SP = "7a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
const BASE = "teams.risk.access";
const TEAM: AccessContext = { allowedScopes: ["workspace", "resourceGroup"], defaultScope: "workspace", refusedBecause: { hub: "sharing is independent", registry: "no modelRegistry is configured" } };

const grant = (over: Partial<AccessGrantConfig> = {}): AccessGrantConfig => ({ principalId: GROUP, principalType: "Group", label: "risk-ds", role: "AzureML Data Scientist", ...over });
const lines = (grants: AccessGrantConfig[], roles: Record<string, CustomRoleConfig> = {}, ctx: AccessContext = TEAM): string[] => accessProblems(grants, BASE, roles, ctx).map(formatProblem);

describe("grants", () => {
    it("accepts realistic grants: a group, a CI service principal, a custom role", () => {
        const roles = { "model-reader": { actions: ["Microsoft.MachineLearningServices/workspaces/models/read"] } };
        expect(
            lines(
                [
                    grant(),
                    grant({ role: "AzureML Compute Operator" }),
                    grant({ principalId: SP, principalType: "ServicePrincipal", label: "ci", role: "Azure AI Developer" }),
                    grant({ principalId: SP, principalType: "ServicePrincipal", role: "Reader", scope: "resourceGroup" }),
                    grant({ role: "model-reader" }),
                ],
                roles,
            ),
        ).toEqual([]);
    });

    it("refuses an unknown role and lists the close matches", () => {
        expect(lines([grant(), grant({ role: "AzureML Data Scientst" })])).toEqual([
            'aml-workspace:platform.teams.risk.access[1].role: role "AzureML Data Scientst" is neither a built-in role display name (and no customRoles are defined) (did you mean "AzureML Data Scientist"? Built-in names are written exactly as Azure spells them)',
        ]);
        const [p] = accessProblems([grant({ role: "Data Scientist" })], BASE, {}, TEAM);
        expect(p.fix).toContain('"AzureML Data Scientist"');
    });

    it("refuses a principal, role and scope given twice, naming both entries", () => {
        const out = lines([grant(), grant({ role: "Reader" }), grant({ principalId: GROUP.toUpperCase(), scope: "workspace" })]);
        expect(out).toEqual([
            'aml-workspace:platform.teams.risk.access[2]: grants "AzureML Data Scientist" to risk-ds (Group 3F2B8C1E-5D4A-4E6B-9C7D-1A2B3C4D5E6F) at scope "workspace", as aml-workspace:platform.teams.risk.access[0] already does (list each principal, role and scope once: remove teams.risk.access[2] or teams.risk.access[0])',
        ]);
    });

    it("does not call the same role at two scopes a duplicate", () => {
        expect(lines([grant({ role: "Reader" }), grant({ role: "Reader", scope: "resourceGroup" })])).toEqual([]);
    });

    it("refuses Owner, User Access Administrator and Role Based Access Control Administrator unless break-glass", () => {
        for (const role of ["Owner", "User Access Administrator", "Role Based Access Control Administrator"]) {
            const out = accessProblems([grant({ role })], BASE, {}, TEAM);
            expect(out.map((p) => p.path)).toEqual(["aml-workspace:platform.teams.risk.access[0].role"]);
            expect(out[0].problem).toContain("assign any role");
            expect(out[0].fix).toContain("breakGlass: true");
            expect(lines([grant({ role, breakGlass: true })])).toEqual([]);
        }
    });

    it("treats a custom role that writes role assignments like Owner", () => {
        const roles = { delegator: { actions: ["Microsoft.Authorization/roleAssignments/*"] }, safe: { actions: ["Microsoft.Authorization/*"], notActions: ["Microsoft.Authorization/roleAssignments/write"] } };
        expect(accessProblems([grant({ role: "delegator" })], BASE, roles, TEAM).map((p) => p.path)).toEqual(["aml-workspace:platform.teams.risk.access[0].role"]);
        expect(lines([grant({ role: "delegator", breakGlass: true }), grant({ role: "safe" })], roles)).toEqual([]);
    });

    it("refuses breakGlass on a role that cannot assign roles", () => {
        expect(accessProblems([grant({ breakGlass: true })], BASE, {}, TEAM).map((p) => p.path)).toEqual(["aml-workspace:platform.teams.risk.access[0].breakGlass"]);
    });

    it("refuses malformed principal IDs; the nil GUID is reported once, by the check of every principal ID", () => {
        const out = accessProblems([grant({ principalId: "00000000-0000-0000-0000-000000000000" }), grant({ principalId: "risk-ds@contoso.com" })], BASE, {}, TEAM);
        expect(out.map((p) => [p.path, p.problem])).toEqual([["aml-workspace:platform.teams.risk.access[1].principalId", '"risk-ds@contoso.com" is not an object ID']]);
        const nil = problemLines(baseConfig({ teams: { risk: { access: [grant({ principalId: "00000000-0000-0000-0000-000000000000" })] } } })).filter((l) => l.includes("nil GUID"));
        expect(nil).toEqual([expect.stringMatching(/^aml-workspace:platform\.teams\.risk\.access\[0\]\.principalId: is the nil GUID 0{8}-0{4}-0{4}-0{4}-0{12}, which is no Entra object/)]);
        // Two unusable IDs are not also reported as a duplicate of each other.
        expect(accessProblems([grant({ principalId: "x" }), grant({ principalId: "x" })], BASE, {}, TEAM)).toHaveLength(2);
    });

    it("refuses a scope not available in this list, saying why", () => {
        expect(lines([grant({ scope: "hub" }), grant({ role: "AzureML Registry User", scope: "registry" })])).toEqual([
            'aml-workspace:platform.teams.risk.access[0].scope: scope "hub" is not available here (sharing is independent) (use one of "workspace", "resourceGroup")',
            'aml-workspace:platform.teams.risk.access[1].scope: scope "registry" is not available here (no modelRegistry is configured) (use one of "workspace", "resourceGroup")',
        ]);
        const platform: AccessContext = { allowedScopes: ["hub", "resourceGroup", "registry"], defaultScope: "hub" };
        expect(lines([grant({ role: "AzureML Registry User", scope: "registry" }), grant()], {}, platform)).toEqual([]);
    });

    it("refuses a workspace-assignable custom role granted at the resource group", () => {
        const roles = { "model-reader": { actions: ["Microsoft.MachineLearningServices/workspaces/models/read"] }, "rg-reader": { actions: ["Microsoft.Resources/subscriptions/resourceGroups/read"], assignableScope: "resourceGroup" as const } };
        const out = accessProblems([grant({ role: "model-reader", scope: "resourceGroup" }), grant({ role: "rg-reader", scope: "resourceGroup" })], BASE, roles, TEAM);
        expect(out.map((p) => p.path)).toEqual(["aml-workspace:platform.teams.risk.access[0].scope"]);
        expect(out[0].fix).toContain("customRoles.model-reader.assignableScope: resourceGroup");
    });

    it("does not count a custom role and a built-in as the same role", () => {
        const roles = { "ds-plus": { actions: ["Microsoft.MachineLearningServices/workspaces/*/read"] } };
        expect(lines([grant(), grant({ role: "ds-plus" })], roles)).toEqual([]);
    });
});

describe("custom roles", () => {
    it("accepts explicit actions and data actions", () => {
        expect(
            customRoleProblems({
                "endpoint-invoker": { dataActions: ["Microsoft.MachineLearningServices/workspaces/endpoints/score/action"], actions: [] },
                "model-publisher": { actions: ["Microsoft.MachineLearningServices/registries/assets/*", "Microsoft.MachineLearningServices/workspaces/models/read"] },
            }),
        ).toEqual([]);
    });

    it("refuses * in actions and dataActions", () => {
        const out = customRoleProblems({ wide: { actions: ["Microsoft.MachineLearningServices/workspaces/read", "*"], dataActions: ["*"] } });
        expect(out.map((p) => p.path)).toEqual(["aml-workspace:platform.customRoles.wide.actions[1]", "aml-workspace:platform.customRoles.wide.dataActions[0]"]);
        expect(out[0].fix).toContain("list the exact operations");
    });

    it("refuses actions that span every provider and strings with two wildcards", () => {
        const out = customRoleProblems({ r: { actions: ["*/write", "Microsoft.MachineLearningServices/*/computes/*"] } });
        expect(out.map((p) => [p.path, p.problem])).toEqual([
            ["aml-workspace:platform.customRoles.r.actions[0]", '"*/write" applies to every resource provider'],
            ["aml-workspace:platform.customRoles.r.actions[1]", '"Microsoft.MachineLearningServices/*/computes/*" has more than one wildcard, which Azure refuses in an action string'],
        ]);
    });

    it("refuses a role that allows nothing", () => {
        expect(customRoleProblems({ empty: { actions: [], notActions: ["Microsoft.Storage/*"] } }).map(formatProblem)).toEqual([
            "aml-workspace:platform.customRoles.empty: the role allows nothing (actions and dataActions are both empty) (list the operations it allows under customRoles.empty.actions or customRoles.empty.dataActions)",
        ]);
    });

    it("refuses a key that collides with a built-in role name, in any case", () => {
        const out = customRoleProblems({ reader: { actions: ["Microsoft.Resources/subscriptions/resourceGroups/read"] } });
        expect(out.map((p) => p.path)).toEqual(["aml-workspace:platform.customRoles.reader"]);
        expect(out[0].problem).toContain('"Reader"');
    });

    it("matches Azure action wildcards", () => {
        expect(actionCovers("Microsoft.Authorization/*", "Microsoft.Authorization/roleAssignments/write")).toBe(true);
        expect(actionCovers("microsoft.authorization/roleassignments/write", "Microsoft.Authorization/roleAssignments/write")).toBe(true);
        expect(actionCovers("Microsoft.Authorization/*/read", "Microsoft.Authorization/roleAssignments/write")).toBe(false);
    });
});

describe("schema fragments", () => {
    const ajv = configAjv({ useDefaults: false });
    ajv.addSchema(schema);
    const validator = (def: string) => {
        const v = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
        if (!v) throw new Error(`no $defs/${def}`);
        return (value: unknown): boolean => v(value) as boolean;
    };
    const defs = schema.$defs as unknown as Record<string, { properties: Record<string, { description?: string }> }>;

    it("describe every property", () => {
        for (const def of ["accessGrant", "customRole"]) {
            const undocumented = Object.entries(defs[def].properties).filter(([, p]) => !p.description?.trim()).map(([k]) => k);
            expect({ def, undocumented }).toEqual({ def, undocumented: [] });
        }
    });

    it("accessGrant takes a GUID principal, a principal type and a role, and nothing else", () => {
        const ok = validator("accessGrant");
        expect(ok({ principalId: GROUP, principalType: "Group", role: "AzureML Data Scientist", label: "risk-ds", scope: "workspace" })).toBe(true);
        expect(ok({ principalId: GROUP, principalType: "Group", role: "Owner", breakGlass: true })).toBe(true);
        expect(ok({ principalId: "risk-ds", principalType: "Group", role: "Reader" })).toBe(false);
        expect(ok({ principalId: GROUP, role: "Reader" })).toBe(false);
        expect(ok({ principalId: GROUP, principalType: "MSI", role: "Reader" })).toBe(false);
        expect(ok({ principalId: GROUP, principalType: "User", role: "Reader", scope: "subscription" })).toBe(false);
        expect(ok({ principalId: GROUP, principalType: "User", role: "Reader", roles: ["Reader"] })).toBe(false);
        expect(defs.accessGrant.properties.principalId).toMatchObject({ $ref: "#/$defs/guid" });
    });

    it("customRole takes action lists and an assignable scope", () => {
        const ok = validator("customRole");
        expect(ok({ actions: ["Microsoft.MachineLearningServices/workspaces/models/read"], assignableScope: "resourceGroup", description: "reads models" })).toBe(true);
        expect(ok({ actions: [], dataActions: ["Microsoft.MachineLearningServices/workspaces/endpoints/score/action"] })).toBe(true);
        expect(ok({ dataActions: ["x/y"] })).toBe(false);
        expect(ok({ actions: ["a b"] })).toBe(false);
        expect(ok({ actions: ["x/read"], assignableScope: "subscription" })).toBe(false);
    });
});
