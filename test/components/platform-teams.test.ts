/**
 * MlPlatform with teams: both sharing models, stable names and URNs when a team is added, access
 * with principal types and deterministic names, the model registry and its consumers.
 */
import type { CapturedStack } from "../../offline/graph";
import { runProgram, type StackRun } from "../../offline/run-stack";
import { MlPlatform } from "../../components/platform";
import type { MlPlatformArgs, PlatformTeamArgs } from "../../components/platform-args";
import { allOfType } from "../helpers/stack";

const GROUP = (n: number): string => `00000000-0000-0000-0000-00000000a${String(n).padStart(3, "0")}`;
const team = (n: number): PlatformTeamArgs => ({
    tags: { costCenter: `CC-${n}` },
    access: [
        { principalId: GROUP(n), principalType: "Group", label: `team-${n}-data-scientists`, role: "AzureML Data Scientist" },
        { principalId: GROUP(100 + n), principalType: "Group", label: `team-${n}-operators`, role: "AzureML Compute Operator" },
    ],
    quota: { maxNodes: 8, vmFamilies: ["standardDSv2Family"] },
    compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 4 } } },
});

function platform(sharing: "independent" | "hub", teamKeys: string[]): () => Record<string, unknown> {
    return () => {
        const args: MlPlatformArgs = {
            location: "westeurope",
            namePrefix: "aml-t",
            tags: { owner: "ml-platform", costCenter: "CC-0", environment: "dev" },
            deployment: { project: "aml-workspace", stack: "teams" },
            sharing,
            teams: Object.fromEntries(teamKeys.map((k, i) => [k, team(i + 1)])),
            access: [{ principalId: GROUP(900), principalType: "ServicePrincipal", label: "ci-deployer", role: "AzureML Data Scientist", scope: sharing === "hub" ? "hub" : "resourceGroup" }],
            modelRegistry: { consumers: teamKeys },
        };
        const p = new MlPlatform("platform", args);
        return { teamWorkspaces: p.teamWorkspaces };
    };
}

const run = (sharing: "independent" | "hub", keys: string[]): Promise<StackRun> => runProgram(platform(sharing, keys), { stack: "teams" });
const workspaces = (g: CapturedStack) => allOfType(g, "azure-native:machinelearningservices:Workspace");
const namesAndUrns = (g: CapturedStack) =>
    new Map(g.resources.filter((r) => r.custom).map((r) => [r.urn, JSON.stringify([r.inputs.workspaceName, r.inputs.accountName, r.inputs.vaultName, r.inputs.roleAssignmentName, r.inputs.registryName, r.inputs.resourceName])]));

describe.each(["independent", "hub"] as const)("sharing %s", (sharing) => {
    let two: StackRun;
    let three: StackRun;
    beforeAll(async () => {
        two = await run(sharing, ["risk", "fraud"]);
        three = await run(sharing, ["risk", "fraud", "churn"]);
    });

    it("gives each team its own workspace with its own identity, all on one network", () => {
        const ws = workspaces(two.graph);
        const teamWs = ws.filter((w) => String(w.inputs.workspaceName).startsWith("mlw-aml-t-"));
        expect(teamWs.map((w) => w.inputs.workspaceName).sort()).toEqual(["mlw-aml-t-fraud", "mlw-aml-t-risk"]);
        expect(allOfType(two.graph, "azure-native:network:VirtualNetwork")).toHaveLength(1);
        if (sharing === "hub") {
            expect(ws.find((w) => w.inputs.workspaceName === "mlw-aml-t")?.inputs.kind).toBe("Hub");
            for (const w of teamWs) expect(w.inputs).toMatchObject({ kind: "Project", identity: { type: "SystemAssigned" } });
        } else {
            const identities = teamWs.map((w) => JSON.stringify(w.inputs.primaryUserAssignedIdentity));
            expect(new Set(identities).size).toBe(2);
            expect(allOfType(two.graph, "azure-native:operationalinsights:Workspace")).toHaveLength(1);
            expect(allOfType(two.graph, "azure-native:storage:StorageAccount")).toHaveLength(2);
        }
    });

    it("grants every role with a principal type and a GUID name, never Owner", () => {
        const grants = allOfType(two.graph, "azure-native:authorization:RoleAssignment");
        expect(grants.length).toBeGreaterThan(4);
        for (const g of grants) {
            expect(g.inputs.principalType).toMatch(/^(User|Group|ServicePrincipal)$/);
            expect(g.inputs.roleAssignmentName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
            expect(String(g.inputs.roleDefinitionId)).not.toMatch(/8e3af657-a8ff-443c-a75c-2fe8c4bcb635$/);
        }
        const people = grants.filter((g) => g.inputs.principalType === "Group");
        expect(people).toHaveLength(4);
        for (const g of people) expect(String(g.inputs.scope)).toMatch(/workspaces\/mlw-aml-t-(risk|fraud)$/);
    });

    it("creates the model registry with a private endpoint and lets each team's workspace identity use it", () => {
        expect(allOfType(two.graph, "azure-native:machinelearningservices:Registry")).toHaveLength(1);
        const registryUsers = allOfType(two.graph, "azure-native:authorization:RoleAssignment").filter((g) => String(g.inputs.scope).includes("/registries/"));
        expect(registryUsers).toHaveLength(2);
        expect(allOfType(two.graph, "azure-native:network:PrivateEndpoint").some((p) => JSON.stringify(p.inputs).includes("amlregistry"))).toBe(true);
    });

    it("tags every taggable resource of a team with its key", () => {
        const teamRes = two.graph.resources.filter((r) => r.custom && r.urn.includes("aml-workspace:index:Team") && r.inputs.tags !== undefined);
        expect(teamRes.length).toBeGreaterThan(3);
        for (const r of teamRes) expect((r.inputs.tags as Record<string, string>).team).toMatch(/^(risk|fraud)$/);
    });

    it("adding a team changes no existing resource's URN or name", () => {
        const before = namesAndUrns(two.graph);
        const after = namesAndUrns(three.graph);
        const changed = [...before].filter(([urn, n]) => after.get(urn) !== n).map(([urn]) => urn);
        expect(changed).toEqual([]);
        expect(after.size).toBeGreaterThan(before.size);
    });
});

it("passes the model registry's storage settings from the platform args to every region", async () => {
    const run = await runProgram(
        () => {
            new MlPlatform("platform", {
                location: "westeurope",
                namePrefix: "aml-r",
                tags: { owner: "ml-platform", costCenter: "CC-0" },
                deployment: { project: "aml-workspace", stack: "registry" },
                modelRegistry: { storageHierarchicalNamespace: true, storageAccountType: "Standard_ZRS" },
            });
        },
        { stack: "registry" },
    );
    const [registry] = allOfType(run.graph, "azure-native:machinelearningservices:Registry");
    const text = JSON.stringify(registry.inputs);
    expect(text).toContain('"storageAccountHnsEnabled":true');
    expect(text).toContain('"storageAccountType":"Standard_ZRS"');
});
