/**
 * Onboarding a team into the shipped prod stack: adding `teams.<key>` changes no existing
 * resource's URN or name (names derive from each team's own key), and removing it takes away only
 * that team's resources. Planned as a simulated `up` of the real stack program.
 */
import type { CapturedStack } from "../../offline/graph";
import { runStack } from "../../offline/run-stack";
import { readStackConfig } from "../../offline/stack-file";

const NAME_KEYS = ["resourceGroupName", "workspaceName", "accountName", "vaultName", "registryName", "resourceName", "roleAssignmentName", "privateEndpointName", "computeName", "keyName"];
const identity = (g: CapturedStack): Map<string, string> =>
    new Map(g.resources.filter((r) => r.custom).map((r) => [r.urn, JSON.stringify(NAME_KEYS.map((k) => r.inputs[k]))]));

let before: Map<string, string>;
let after: Map<string, string>;
beforeAll(async () => {
    const prod = readStackConfig("prod");
    before = identity((await runStack({ stack: "prod", config: prod })).graph);
    const platform = prod["aml-workspace:platform"] as { teams: Record<string, unknown> };
    platform.teams = {
        ...platform.teams,
        churn: {
            workspace: { friendlyName: "Churn prediction" },
            access: [{ principalId: "00000000-0000-0000-0000-00000000c001", principalType: "Group", label: "churn-data-scientists", role: "AzureML Data Scientist" }],
        },
    };
    after = identity((await runStack({ stack: "prod", config: prod })).graph);
});

it("adding a team keeps every existing resource's URN and name", () => {
    const changed = [...before].filter(([urn, names]) => after.get(urn) !== names).map(([urn]) => urn);
    expect(changed).toEqual([]);
});

it("adds only the new team's resources, under its team component", () => {
    const added = [...after.keys()].filter((urn) => !before.has(urn));
    expect(added.length).toBeGreaterThan(0);
    for (const urn of added) expect(urn).toMatch(/platform-team-churn/);
});
