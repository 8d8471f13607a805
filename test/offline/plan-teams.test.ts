/**
 * The offline plan grouped by team (offline/plan-teams.ts, offline/plan.ts): a two-team program
 * (test/helpers/teams-program.ts), and a stack without teams that renders as before.
 */
import type { CapturedStack } from "../../offline/graph";
import { planJson, renderTree } from "../../offline/plan";
import { teamsOf } from "../../offline/plan-teams";
import { runProgram } from "../../offline/run-stack";
import { teamsProgram } from "../helpers/teams-program";
import { res, stackOf } from "../policies/helpers";

describe("a plan of two teams", () => {
    let graph: CapturedStack;
    beforeAll(async () => {
        const run = await runProgram(
            teamsProgram([
                { key: "risk", vmSize: "Standard_DS3_v2", maxNodes: 4 },
                { key: "fraud", vmSize: "Standard_DS3_v2", maxNodes: 2 },
            ]),
            { preview: true },
        );
        graph = run.graph;
    });
    const teamByName = (json: Record<string, unknown>) =>
        Object.fromEntries((json.resources as { name: string; team: string | null }[]).map((r) => [r.name, r.team]));

    it("the JSON gives each resource its team: by tag, by the nearest team ancestor, else null", () => {
        expect(teamByName(planJson(graph, {}))).toEqual({
            platform: null,
            rg: null,
            vnet: null,
            "team-risk": "risk",
            "risk-ws": "risk",
            "risk-cpu": "risk",
            "risk-data": "risk",
            "risk-sa": "risk",
            // Untagged (role assignments take no tags): the team of its component.
            "risk-grant": "risk",
            "team-fraud": "fraud",
            "fraud-ws": "fraud",
            "fraud-cpu": "fraud",
            "fraud-data": "fraud",
            "fraud-sa": "fraud",
            "fraud-grant": "fraud",
        });
    });

    it("the tree has a platform heading, then one heading per team with its resources", () => {
        const lines = renderTree(graph).split("\n");
        const headings = lines.filter((l) => !l.includes(" +   ") && /platform|team /.test(l)).map((l) => l.trim().replace(/\s+/g, " "));
        expect(headings).toEqual(["├─ platform (no team) (3 resources)", "├─ team risk (6 resources)", "└─ team fraud (6 resources)"]);
        const at = (name: string) => lines.findIndex((l) => l.trimEnd().endsWith(` ${name}`));
        const heading = (key: string) => lines.findIndex((l) => new RegExp(`^\\s+[├└]─ team\\s+${key}\\s`).test(l));
        expect([heading("risk"), heading("fraud")].every((i) => i > 0)).toBe(true);
        expect(at("risk-grant")).toBeGreaterThan(heading("risk"));
        expect(at("risk-grant")).toBeLessThan(heading("fraud"));
        expect(at("fraud-sa")).toBeGreaterThan(heading("fraud"));
        // Inside a group the hierarchy holds: the storage account hangs under the team's data component.
        const indent = (name: string) => (lines[at(name)].match(/[├└]/)?.index ?? 0);
        expect(indent("risk-sa")).toBeGreaterThan(indent("risk-data"));
    });
});

describe("rule details", () => {
    const comp = (name: string, parent?: string) => ({ ...res("aml-workspace:index:X", name, {}, { parent }), custom: false });
    it("a component holding several teams, or platform resources too, is nobody's; its untagged child too", () => {
        const top = comp("top");
        const a = res("azure-native:storage:StorageAccount", "a", { tags: { team: "a" } }, { parent: top.urn });
        const p = res("azure-native:network:VirtualNetwork", "p", { tags: { owner: "x" } }, { parent: top.urn });
        const loose = res("azure-native:authorization:RoleAssignment", "loose", {}, { parent: top.urn });
        const teams = teamsOf(stackOf([top, a, p, loose]));
        expect([...teams.values()]).toEqual([undefined, "a", undefined, undefined]);
    });
    it("an untagged resource under a tagged custom resource takes that resource's team", () => {
        const pe = res("azure-native:network:PrivateEndpoint", "pe", { tags: { team: "risk" } });
        const group = res("azure-native:network:PrivateDnsZoneGroup", "zg", {}, { parent: pe.urn });
        expect(teamsOf(stackOf([pe, group])).get(group.urn)).toBe("risk");
    });
});

describe("a stack without teams", () => {
    it("renders the tree as pulumi preview does, with no headings, and team null in the JSON", () => {
        const c = { ...res("aml-workspace:index:Workspace", "ws"), custom: false };
        const sa = res("azure-native:storage:StorageAccount", "sa", { tags: { owner: "x" } }, { parent: c.urn, protect: true });
        const stack = stackOf([c, sa]);
        expect(renderTree(stack).split("\n")).toEqual([
            "     Type                                       Name",
            " +   pulumi:pulumi:Stack                        aml-test",
            " +   └─ aml-workspace:index:Workspace           ws",
            " +      └─ azure-native:storage:StorageAccount  sa  [protected]",
        ]);
        expect((planJson(stack, {}).resources as { team: unknown }[]).map((r) => r.team)).toEqual([null, null]);
    });
});
