/**
 * Config checks of teams (issue 9) through the same path a stack file takes
 * (`loadPlatformConfig`): each problem names the key the user wrote under
 * `teams.<key>`, `access`, `customRoles` or `modelRegistry`, with its fix.
 * Also: the shipped prod stack (hub, two teams, a registry) loads clean.
 */
import { loadPlatformConfig } from "../../stacks/config";
import { teamNames } from "../../stacks/config-semantics-teams";
import { readStackConfig } from "../../offline/stack-file";
import { problemLines } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const KEY = "aml-workspace:platform";
const DS_GROUP = "00000000-0000-0000-0000-00000000a001";
const OPS_GROUP = "00000000-0000-0000-0000-00000000a002";

/** A grant of `role` to a group, with extra fields. */
function grant(role: string, extra: Record<string, unknown> = {}, principalId = DS_GROUP): Record<string, unknown> {
    return { principalId, principalType: "Group", role, ...extra };
}

/** A config with the given teams (and other top-level keys). */
function withTeams(teams: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return baseConfig({ teams, ...extra });
}

describe("a platform with teams", () => {
    it("is valid with access, quotas, compute and a registry both teams consume", () => {
        const config = withTeams(
            {
                risk: { access: [grant("AzureML Data Scientist")], quota: { maxNodes: 8, vmFamilies: ["standardDSv2Family"] }, compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v2", maxNodes: 8 } } } },
                fraud: { access: [grant("AzureML Data Scientist", {}, OPS_GROUP), grant("AzureML Registry User", { scope: "registry" }, OPS_GROUP)] },
            },
            { sharing: "hub", modelRegistry: { consumers: ["risk", "fraud"] }, access: [grant("Reader", { scope: "hub" })] },
        );
        expect(problemLines(config)).toEqual([]);
        const loaded = loadPlatformConfig(config, { project: "aml-workspace", stack: "t" });
        // Schema defaults reach a team's compute like the platform's.
        expect(loaded.teams?.risk.compute?.clusters["risk-cpu"]).toMatchObject({ minNodes: 0, vmPriority: "Dedicated" });
        expect(loaded.sharing).toBe("hub");
    });

    it("a hub with no teams is a hub alone, and the default sharing is independent", () => {
        expect(problemLines(baseConfig({ sharing: "hub" }))).toEqual([]);
        expect(loadPlatformConfig(baseConfig(), { project: "aml-workspace", stack: "t" }).sharing).toBe("independent");
    });

    it("refuses a team key that names cannot carry", () => {
        expect(problemLines(withTeams({ Risk_Team: {} })).join("\n")).toContain(`${KEY}.teams`);
    });
});

describe("access lists: scopes by where the list sits", () => {
    it.each<[string, Record<string, unknown>, string]>([
        ["a team's hub grant when sharing is independent", withTeams({ risk: { access: [grant("Reader", { scope: "hub" })] } }), `${KEY}.teams.risk.access[0].scope: scope "hub" is not available here (sharing is independent`],
        ["a registry grant with no modelRegistry", withTeams({ risk: { access: [grant("AzureML Registry User", { scope: "registry" })] } }), `${KEY}.teams.risk.access[0].scope: scope "registry" is not available here (no modelRegistry is configured) (use one of "workspace", "resourceGroup")`],
        ["a platform grant at a workspace", baseConfig({ access: [grant("Reader", { scope: "workspace" })] }), `${KEY}.access[0].scope: scope "workspace" is not available here (the platform list grants at platform scopes; grant a team's workspace under teams.<key>.access) (use one of "resourceGroup")`],
        ["an unknown role in a team's list", withTeams({ risk: { access: [grant("AzureML Data Scientists")] } }), `${KEY}.teams.risk.access[0].role:`],
        ["Owner without breakGlass in the platform list", baseConfig({ access: [grant("Owner")] }), `${KEY}.access[0].role: "Owner" lets`],
        ["the same grant twice in a team's list", withTeams({ risk: { access: [grant("Reader"), grant("Reader", { scope: "workspace" })] } }), `${KEY}.teams.risk.access[1]: grants "Reader"`],
    ])("%s", (_label, config, line) => {
        expect(problemLines(config)).toEqual(expect.arrayContaining([expect.stringContaining(line)]));
    });

    it("a platform grant with no scope is at the resource group, a team grant at its workspace", () => {
        expect(problemLines(withTeams({ risk: { access: [grant("Reader")] } }, { access: [grant("Reader")] }))).toEqual([]);
    });

    it("custom roles are checked, and granted by key", () => {
        const customRoles = { "model-reader": { actions: ["Microsoft.MachineLearningServices/workspaces/models/read"] }, everything: { actions: ["*"] } };
        const lines = problemLines(withTeams({ risk: { access: [grant("model-reader")] } }, { customRoles }));
        expect(lines).toEqual([expect.stringMatching(new RegExp(`^${KEY}\\.customRoles\\.everything\\.actions\\[0\\]: `))]);
    });
});

describe("the model registry", () => {
    it("takes only team keys as consumers", () => {
        expect(problemLines(withTeams({ risk: {} }, { modelRegistry: { consumers: ["risk", "fraud"] } }))).toEqual([
            `${KEY}.modelRegistry.consumers[1]: fraud is not a team of this platform (use a key of teams: risk)`,
        ]);
    });
});

describe("a team's compute: the platform compute's rules, and the team's quota", () => {
    it.each<[string, Record<string, unknown>, string]>([
        ["an unknown VM size", { compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v9", maxNodes: 2 } } } }, `${KEY}.teams.risk.compute.clusters.risk-cpu.vmSize: "Standard_DS3_v9" is not an Azure VM size that Azure ML compute supports (did you mean`],
        ["a compute name too long", { compute: { clusters: { "risk-training-cluster": { vmSize: "Standard_DS3_v2", maxNodes: 2 } } } }, `${KEY}.teams.risk.compute.clusters.risk-training-cluster: compute cluster name must be`],
        ["minNodes above maxNodes", { compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v2", minNodes: 3, maxNodes: 2 } } } }, `${KEY}.teams.risk.compute.clusters.risk-cpu.minNodes: (3) is above maxNodes (2)`],
        ["an instance with a cluster's name", { compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v2", maxNodes: 2 } }, instances: { "risk-cpu": { vmSize: "Standard_DS3_v2", assignedUserObjectId: "00000000-0000-0000-0000-00000000b001" } } } }, `${KEY}.teams.risk.compute.instances.risk-cpu: has the name of teams.risk.compute.clusters.risk-cpu`],
        ["an idle shutdown beyond three days", { compute: { instances: { "risk-ci": { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "P4D", assignedUserObjectId: "00000000-0000-0000-0000-00000000b001" } } } }, `${KEY}.teams.risk.compute.instances.risk-ci.idleTimeBeforeShutdown: "P4D" is 5760 minutes`],
        ["compute over the quota", { quota: { maxNodes: 4 }, compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v2", maxNodes: 6 } } } }, `${KEY}.teams.risk.quota.maxNodes: team risk may use at most 4 nodes, but its compute totals 6`],
        ["a size outside the team's families", { quota: { vmFamilies: ["standardDDSv5Family"] }, compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v2", maxNodes: 2 } } } }, `${KEY}.teams.risk.compute.clusters.risk-cpu.vmSize: Standard_DS3_v2 is in`],
    ])("%s", (_label, team, line) => {
        expect(problemLines(withTeams({ risk: team }))).toEqual([expect.stringContaining(line)]);
    });
});

describe("team names", () => {
    it("workspace.name beside teams in independent mode names no workspace", () => {
        expect(problemLines(withTeams({ risk: {} }, { workspace: { name: "mlw-main" } }))).toEqual([
            `${KEY}.workspace.name: names one workspace, but with teams and sharing independent every team gets its own workspace (name each team's workspace under teams.<key>.workspace.name (e.g. teams.risk.workspace.name), or set sharing: hub to make workspace the hub)`,
        ]);
        // In hub mode it names the hub.
        expect(problemLines(withTeams({ risk: {} }, { sharing: "hub", workspace: { name: "mlw-main" } }))).toEqual([]);
    });

    it("an invalid team workspace name is refused", () => {
        expect(problemLines(withTeams({ risk: { workspace: { name: "ml workspace" } } }))).toEqual([expect.stringMatching(new RegExp(`^${KEY}\\.teams\\.risk\\.workspace\\.name: .*\\(choose a name that follows the rule`))]);
    });

    it("workspace names are unique across teams and the hub, case-insensitively", () => {
        const lines = problemLines(withTeams({ risk: { workspace: { name: "mlw-Shared" } }, fraud: { workspace: { name: "MLW-shared" } } }, { sharing: "hub", workspace: { name: "mlw-hub" } }));
        expect(lines).toEqual([`${KEY}.teams.fraud.workspace.name: gives the workspace name "MLW-shared", which ${KEY}.teams.risk.workspace.name already has (workspace names are case-insensitive) (give teams.fraud.workspace.name a name no other workspace of the platform has)`]);
        // A team given the derived name of another team collides with it too.
        const derived = teamNames("aml-t", "risk", {}).workspace;
        expect(problemLines(withTeams({ risk: {}, fraud: { workspace: { name: derived } } }))).toEqual([expect.stringContaining(`${KEY}.teams.fraud.workspace.name: gives the workspace name "${derived}", which team risk (derived) already has`)]);
        // And a team named like the hub.
        expect(problemLines(withTeams({ risk: { workspace: { name: "mlw-hub" } } }, { sharing: "hub", workspace: { name: "mlw-hub" } }))).toEqual([expect.stringContaining(`which ${KEY}.workspace.name already has`)]);
    });

    it("names derived from the team key are checked, against the team", () => {
        // `<namePrefix>-<teamKey>` with a reserved word makes the derived names invalid.
        expect(problemLines(withTeams({ windows: {} }, { namePrefix: "ml" })).join("\n")).toContain(`${KEY}.teams.windows: gives the team's resources an invalid name (derived from "ml-windows"`);
    });

    it("derives a team's names from <namePrefix>-<teamKey>, stable whatever other teams exist", () => {
        expect(teamNames("aml-prod", "risk", {}).workspace).toBe("mlw-aml-prod-risk");
        expect(teamNames("aml-prod", "risk", { workspace: { name: "mlw-risk" } }).workspace).toBe("mlw-risk");
        expect(teamNames("aml-prod", "risk", {}).storageAccount).not.toBe(teamNames("aml-prod", "fraud", {}).storageAccount);
    });
});

describe("team tags", () => {
    it("never set the tags the toolkit sets", () => {
        expect(problemLines(withTeams({ risk: { tags: { Team: "x", dataOwner: "risk-analytics" } } }))).toEqual([expect.stringContaining(`${KEY}.teams.risk.tags.Team: is a tag the toolkit sets`)]);
    });
    it("follow Azure's tag name rules", () => {
        expect(problemLines(withTeams({ risk: { tags: { azureCost: "x" } } }))).toEqual([expect.stringContaining(`${KEY}.teams.risk.tags.azureCost: tag name starts with 'azure'`)]);
    });
});

describe("the shipped stacks", () => {
    it("prod runs a hub with two teams, a registry both consume, and no Owner grant; it loads clean", () => {
        const platform = readStackConfig("prod")[KEY] as Record<string, unknown>;
        const c = loadPlatformConfig(platform, { project: "aml-workspace", stack: "prod", source: "Pulumi.prod.yaml" });
        expect(c.sharing).toBe("hub");
        const teams = Object.keys(c.teams ?? {});
        expect(teams.length).toBeGreaterThanOrEqual(2);
        expect(c.modelRegistry?.consumers).toEqual(expect.arrayContaining(teams));
        const grants = [...(c.access ?? []), ...Object.values(c.teams ?? {}).flatMap((t) => t.access ?? [])];
        expect(grants.map((g) => g.principalType)).toEqual(expect.arrayContaining(["Group", "ServicePrincipal"]));
        expect(grants.filter((g) => g.role === "Owner")).toEqual([]);
    });
    it("onboarding a team as the README shows (prod plus one team, a consumer of the registry) loads clean", () => {
        const platform = readStackConfig("prod")[KEY] as { teams: Record<string, unknown>; modelRegistry: { consumers: string[] } };
        platform.teams.credit = { workspace: { friendlyName: "Credit scoring" }, access: [grant("AzureML Data Scientist", { label: "credit-data-scientists" }, "00000000-0000-0000-0000-00000000a006")], quota: { maxNodes: 4, vmFamilies: ["standardDSv2Family"] } };
        platform.modelRegistry.consumers.push("credit");
        expect(problemLines(platform, { project: "aml-workspace", stack: "prod" })).toEqual([]);
        // A typo in the new team's role is reported against that team's key.
        (platform.teams.credit as { access: { role: string }[] }).access[0].role = "AzureML Data Scientst";
        expect(problemLines(platform, { project: "aml-workspace", stack: "prod" })).toEqual([expect.stringMatching(new RegExp(`^${KEY}\\.teams\\.credit\\.access\\[0\\]\\.role: `))]);
    });
    it("dev stays one workspace", () => {
        const platform = readStackConfig("dev")[KEY] as Record<string, unknown>;
        expect(loadPlatformConfig(platform, { project: "aml-workspace", stack: "dev", source: "Pulumi.dev.yaml" }).teams).toBeUndefined();
    });
});

describe("all problems of a file in one run, across teams", () => {
    it("a schema error in one team's compute does not hide another team's compute problem", () => {
        const lines = problemLines(
            baseConfig({
                teams: {
                    alpha: { compute: { clusters: { "a-cpu": { vmSize: "Standard_DS3_v2", maxNodes: "ten" } } } },
                    beta: { compute: { clusters: { "b-cpu": { vmSize: "Standard_DS3_v2", minNodes: 5, maxNodes: 2 } } } },
                },
            }),
        );
        expect(lines).toContainEqual(expect.stringMatching(/teams\.alpha\.compute\.clusters\.a-cpu\.maxNodes: must be an integer/));
        expect(lines).toContainEqual(expect.stringMatching(/teams\.beta\.compute\.clusters\.b-cpu\.minNodes: \(5\) is above maxNodes \(2\)/));
    });
});
