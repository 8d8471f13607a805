/** The team tags (components/team-tags.ts): pure rules, and the transformation (components/team-tag-options.ts) on a two-team program. */
import { parseQuotaTags, quotaTagProblem, quotaTags, teamTagsFor, QUOTA_MAX_NODES_TAG, QUOTA_VM_FAMILIES_TAG, TEAM_TAG } from "../../components/team-tags";
import { VM_FAMILIES } from "../../components/vm-sizes";
import type { CapturedStack } from "../../offline/graph";
import { runProgram } from "../../offline/run-stack";
import { teamsProgram } from "../helpers/teams-program";

describe("quota tags", () => {
    it("carry maxNodes and the families, and read back", () => {
        const quota = { maxNodes: 12, vmFamilies: ["standardDSv2Family", "standardNCASv3_T4Family"] };
        expect(quotaTags(quota)).toEqual({ [QUOTA_MAX_NODES_TAG]: "12", [QUOTA_VM_FAMILIES_TAG]: "standardDSv2Family standardNCASv3_T4Family" });
        expect(parseQuotaTags(quotaTags(quota))).toEqual(quota);
        expect(quotaTags(undefined)).toEqual({});
        expect(parseQuotaTags({ [QUOTA_MAX_NODES_TAG]: "many" })).toEqual({});
    });
    it("only the workspace gets them; every type gets the team tag", () => {
        expect(teamTagsFor("azure-native:storage:StorageAccount", "risk", { maxNodes: 3 })).toEqual({ [TEAM_TAG]: "risk" });
        expect(teamTagsFor("azure-native:machinelearningservices:Workspace", "risk", { maxNodes: 3 })).toEqual({ [TEAM_TAG]: "risk", [QUOTA_MAX_NODES_TAG]: "3" });
    });
    it("a family list over Azure's 256-character tag value is refused", () => {
        expect(quotaTagProblem({ vmFamilies: VM_FAMILIES.slice(0, 5) })).toBeUndefined();
        expect(quotaTagProblem({ vmFamilies: [...VM_FAMILIES] })).toMatch(/quota-vm-families tag would hold \d+ characters; Azure allows 256/);
    });
});

describe("the team tag transformation on a program of two teams", () => {
    let graph: CapturedStack;
    beforeAll(async () => {
        const run = await runProgram(
            teamsProgram([
                { key: "risk", vmSize: "Standard_DS3_v2", maxNodes: 4, quota: { maxNodes: 8, vmFamilies: ["standardDSv2Family"] } },
                { key: "fraud", vmSize: "Standard_NC4as_T4_v3", maxNodes: 2 },
            ]),
        );
        graph = run.graph;
    });
    const tagsOf = (name: string) => graph.resources.find((r) => r.name === name)?.inputs.tags as Record<string, string> | undefined;

    it("tags every taggable resource of a team with its key, keeping its own tags", () => {
        for (const [name, team] of [["risk-ws", "risk"], ["risk-cpu", "risk"], ["risk-sa", "risk"], ["fraud-ws", "fraud"], ["fraud-sa", "fraud"]]) {
            expect({ name, tags: tagsOf(name) }).toEqual({ name, tags: expect.objectContaining({ [TEAM_TAG]: team, owner: "ml-platform", environment: "dev" }) });
        }
    });
    it("puts the quota tags on the team's workspace only", () => {
        expect(tagsOf("risk-ws")).toMatchObject({ [QUOTA_MAX_NODES_TAG]: "8", [QUOTA_VM_FAMILIES_TAG]: "standardDSv2Family" });
        expect(Object.keys(tagsOf("risk-cpu") ?? {})).not.toContain(QUOTA_MAX_NODES_TAG);
        expect(Object.keys(tagsOf("fraud-ws") ?? {})).not.toContain(QUOTA_MAX_NODES_TAG);
    });
    it("leaves the platform's resources and untaggable resources alone", () => {
        expect(tagsOf("rg")).not.toHaveProperty(TEAM_TAG);
        expect(tagsOf("vnet")).not.toHaveProperty(TEAM_TAG);
        expect(graph.resources.find((r) => r.name === "risk-grant")?.inputs).not.toHaveProperty("tags");
    });
});
