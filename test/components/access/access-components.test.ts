/**
 * CustomRoleDefinition and AccessGrants under the offline engine (simulated Azure + capture):
 * the inputs Azure would receive, deterministic names that survive a re-run and reordering, and
 * principalType on every assignment.
 */
import { AccessGrants, BUILTIN_ROLE_IDS, CustomRoleDefinition, accessGrantName, customRoleGuid, type AccessGrantArgs } from "../../../components";
import type { CapturedResource } from "../../../offline/graph";
import { runProgram } from "../../../offline/run-stack";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-ml-prod`;
const WS = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-risk`;
const GROUP = "3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f";
const CI = "7a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A team's access: two built-in grants and one custom role, in the given order. */
function teamAccess(reverse = false): () => Record<string, unknown> {
    return () => {
        const publisher = new CustomRoleDefinition("risk-model-publisher", {
            roleKey: "model-publisher",
            scopeKey: "team/risk/workspace",
            assignableScopeId: WS,
            namePrefix: "aml-prod risk",
            actions: ["Microsoft.MachineLearningServices/workspaces/models/*"],
            dataActions: ["Microsoft.MachineLearningServices/workspaces/endpoints/score/action"],
        });
        const grants: AccessGrantArgs[] = [
            { principalId: GROUP, principalType: "Group", label: "risk-data-scientists", roleDefinitionId: BUILTIN_ROLE_IDS["AzureML Data Scientist"], roleKey: "AzureML Data Scientist", scopeId: WS, scopeKey: "team/risk/workspace" },
            { principalId: CI, principalType: "ServicePrincipal", roleDefinitionId: BUILTIN_ROLE_IDS.Reader, scopeId: RG, scopeKey: "platform/resourceGroup" },
            { principalId: CI, principalType: "ServicePrincipal", label: "ci", roleDefinitionId: publisher.roleDefinitionId, roleKey: "model-publisher", scopeId: WS, scopeKey: "team/risk/workspace" },
        ];
        const access = new AccessGrants("risk-access", { subscriptionId: SUB, grants: reverse ? [...grants].reverse() : grants });
        return { names: access.roleAssignmentNames, ids: access.roleAssignmentIds, role: publisher.roleDefinitionId };
    };
}

const assignments = (rs: readonly CapturedResource[]): CapturedResource[] => rs.filter((r) => r.type === "azure-native:authorization:RoleAssignment");

it("creates one role assignment per grant with principalType, the full role ID and a description naming the label", async () => {
    const run = await runProgram(teamAccess(), { stack: "prod" });
    const ras = assignments(run.graph.resources);
    expect(ras).toHaveLength(3);
    const byPrincipalRole = Object.fromEntries(ras.map((r) => [`${String(r.inputs.principalId)} ${String(r.inputs.roleDefinitionId).split("/").pop()}`, r.inputs]));
    expect(byPrincipalRole[`${GROUP} ${BUILTIN_ROLE_IDS["AzureML Data Scientist"]}`]).toMatchObject({
        principalType: "Group",
        scope: WS,
        roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE_IDS["AzureML Data Scientist"]}`,
        roleAssignmentName: accessGrantName("team/risk/workspace", GROUP, "AzureML Data Scientist"),
        description: expect.stringContaining("risk-data-scientists"),
    });
    expect(byPrincipalRole[`${CI} ${BUILTIN_ROLE_IDS.Reader}`]).toMatchObject({ principalType: "ServicePrincipal", scope: RG, description: expect.stringContaining(CI) });
    const custom = ras.find((r) => String(r.inputs.roleDefinitionId).endsWith(customRoleGuid("team/risk/workspace", "model-publisher")));
    expect(custom?.inputs).toMatchObject({ principalType: "ServicePrincipal", scope: WS, description: expect.stringContaining("ci") });
    for (const r of ras) expect({ name: r.inputs.roleAssignmentName, principalType: r.inputs.principalType }).toEqual({ name: expect.stringMatching(GUID), principalType: expect.stringMatching(/^(User|Group|ServicePrincipal)$/) });
});

it("defines the custom role at its one assignable scope with a deterministic GUID and the prefixed name", async () => {
    const run = await runProgram(teamAccess(), { stack: "prod" });
    const defs = run.graph.resources.filter((r) => r.type === "azure-native:authorization:RoleDefinition");
    expect(defs).toHaveLength(1);
    expect(defs[0].inputs).toEqual({
        roleDefinitionId: customRoleGuid("team/risk/workspace", "model-publisher"),
        scope: WS,
        roleName: "aml-prod risk model-publisher",
        roleType: "CustomRole",
        description: "Custom role model-publisher (aml-workspace)",
        assignableScopes: [WS],
        permissions: [
            {
                actions: ["Microsoft.MachineLearningServices/workspaces/models/*"],
                notActions: [],
                dataActions: ["Microsoft.MachineLearningServices/workspaces/endpoints/score/action"],
                notDataActions: [],
            },
        ],
    });
    expect(run.outputs.role).toBe(`${WS}/providers/Microsoft.Authorization/roleDefinitions/${customRoleGuid("team/risk/workspace", "model-publisher")}`);
});

it("keeps every name and URN across two runs and when the grants are reordered", async () => {
    const first = await runProgram(teamAccess(), { stack: "prod" });
    const second = await runProgram(teamAccess(), { stack: "prod" });
    const reordered = await runProgram(teamAccess(true), { stack: "prod" });
    const key = (rs: readonly CapturedResource[]): string[] => rs.filter((r) => r.type.startsWith("azure-native:authorization:")).map((r) => `${r.urn} ${String(r.inputs.roleAssignmentName ?? r.inputs.roleDefinitionId)}`).sort();
    expect(key(second.graph.resources)).toEqual(key(first.graph.resources));
    expect(key(reordered.graph.resources)).toEqual(key(first.graph.resources));
    expect(new Set(first.outputs.names as string[]).size).toBe(3);
});

it("derives a different name for a different scope, principal or role", () => {
    const base = accessGrantName("team/risk/workspace", GROUP, "Reader");
    expect(accessGrantName("team/fraud/workspace", GROUP, "Reader")).not.toBe(base);
    expect(accessGrantName("team/risk/workspace", CI, "Reader")).not.toBe(base);
    expect(accessGrantName("team/risk/workspace", GROUP, "AzureML Data Scientist")).not.toBe(base);
    expect(accessGrantName("team/risk/workspace", GROUP.toUpperCase(), "Reader")).toBe(base);
    expect(customRoleGuid("team/fraud/workspace", "model-publisher")).not.toBe(customRoleGuid("team/risk/workspace", "model-publisher"));
});

it("refuses a grant listed twice and a custom role grant without a role key", async () => {
    const twice = (): void => {
        const g: AccessGrantArgs = { principalId: GROUP, principalType: "Group", roleDefinitionId: BUILTIN_ROLE_IDS.Reader, scopeId: WS, scopeKey: "team/risk/workspace" };
        new AccessGrants("dup", { subscriptionId: SUB, grants: [g, { ...g }] });
    };
    await expect(runProgram(twice)).rejects.toThrow(/grants\[1\] repeats grants\[0\]/);
    const keyless = (): void => {
        const role = new CustomRoleDefinition("r", { roleKey: "k", scopeKey: "s", assignableScopeId: WS, namePrefix: "p", actions: ["Microsoft.MachineLearningServices/workspaces/read"] });
        new AccessGrants("nokey", { subscriptionId: SUB, grants: [{ principalId: GROUP, principalType: "Group", roleDefinitionId: role.roleDefinitionId, scopeId: WS, scopeKey: "s" }] });
    };
    await expect(runProgram(keyless)).rejects.toThrow(/roleKey is required/);
});
