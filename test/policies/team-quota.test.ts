/**
 * The team-quota policy (policies/rules/team-quota.ts) on hand-written graphs and on the captured
 * two-team program (whose quota tags come from components/team-tags.ts).
 */
import { runProgram } from "../../offline/run-stack";
import { evaluatePolicies } from "../../offline/policy-harness";
import type { CapturedResource } from "../../offline/graph";
import { teamsProgram } from "../helpers/teams-program";
import { details, policy, res, violations } from "./helpers";

const WS = "azure-native:machinelearningservices:Workspace";
const COMPUTE = "azure-native:machinelearningservices:Compute";

function workspace(team: string, tags: Record<string, string> = {}): CapturedResource {
    return res(WS, `${team}-ws`, { workspaceName: `mlw-${team}`, tags: { team, ...tags } });
}
function cluster(name: string, ws: CapturedResource, vmSize: string, maxNodeCount: number, tags: Record<string, string> = {}): CapturedResource {
    return res(COMPUTE, name, { workspaceName: ws.inputs.workspaceName, tags, properties: { computeType: "AmlCompute", properties: { vmSize, scaleSettings: { minNodeCount: 0, maxNodeCount } } } }, {
        propertyDependencies: { workspaceName: [ws.urn] },
        dependencies: [ws.urn],
    });
}
function instance(name: string, ws: CapturedResource, vmSize: string): CapturedResource {
    return res(COMPUTE, name, { workspaceName: ws.inputs.workspaceName, tags: { team: String((ws.inputs.tags as Record<string, string>).team) }, properties: { computeType: "ComputeInstance", properties: { vmSize } } });
}

describe("team-quota", () => {
    const risk = workspace("risk", { "quota-max-nodes": "5", "quota-vm-families": "standardDSv2Family standardNCASv3_T4Family" });
    const cpu = cluster("risk-cpu", risk, "Standard_DS3_v2", 4);
    const alice = instance("alice", risk, "Standard_DS3_v2");

    it("passes compute within the quota its workspace's tags carry", () => {
        expect(violations("team-quota", [risk, cpu, alice])).toEqual([]);
    });
    it("reports a team over its node quota, against its workspace", () => {
        const gpu = cluster("risk-gpu", risk, "Standard_NC4as_T4_v3", 2);
        const v = violations("team-quota", [risk, cpu, gpu, alice]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([
            [risk.urn, "team risk's compute totals 7 nodes (risk-cpu 4, risk-gpu 2, alice 1); its quota (its workspace's quota tags) allows 5"],
        ]);
    });
    it("reports a VM size outside the team's families, against the compute", () => {
        const e = cluster("risk-mem", risk, "Standard_E4ds_v4", 0);
        const v = violations("team-quota", [risk, cpu, e]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([
            [e.urn, "risk-mem: vmSize Standard_E4ds_v4 is in standardEDSv4Family; team risk may use standardDSv2Family, standardNCASv3_T4Family (its workspace's quota tags)"],
        ]);
    });
    it("the policy config wins over the tags, field by field, and covers teams without tags", () => {
        const config = { "team-quota": { teamQuotas: { risk: { maxNodes: 4 }, fraud: { vmFamilies: ["standard DDSv5 Family"] } } } };
        const fraud = workspace("fraud");
        const fraudCpu = cluster("fraud-cpu", fraud, "Standard_D4ds_v5", 40);
        const fraudOdd = cluster("fraud-odd", fraud, "Standard_DS3_v2", 1);
        expect(details("team-quota", [risk, cpu, alice, fraud, fraudCpu, fraudOdd], config)).toEqual([
            "team risk's compute totals 5 nodes (risk-cpu 4, alice 1); its quota (policy config teamQuotas) allows 4",
            "fraud-odd: vmSize Standard_DS3_v2 is in standardDSv2Family; team fraud may use standard DDSv5 Family (policy config teamQuotas)",
        ]);
    });
    it("a compute's team comes from its own tag, else from its workspace; untagged compute is no team's", () => {
        const tagged = cluster("own", res(WS, "plain", { workspaceName: "plain" }), "Standard_E4ds_v4", 9, { team: "risk" });
        expect(details("team-quota", [risk, tagged])).toHaveLength(2);
        const loose = cluster("loose", res(WS, "plain", { workspaceName: "plain" }), "Standard_E4ds_v4", 99);
        expect(violations("team-quota", [risk, loose])).toEqual([]);
    });
    it("declares its config in the schema the analyzer validates", () => {
        expect(policy("team-quota").configSchema.properties.teamQuotas).toBeDefined();
    });
});

describe("team-quota on the captured two-team program", () => {
    it("reads the quota tags the team transformation put on each workspace", async () => {
        const run = await runProgram(
            teamsProgram([
                { key: "risk", vmSize: "Standard_DS3_v2", maxNodes: 10, quota: { maxNodes: 8, vmFamilies: ["standardDSv2Family"] } },
                { key: "fraud", vmSize: "Standard_NC4as_T4_v3", maxNodes: 2, quota: { vmFamilies: ["standardDSv2Family"] } },
            ]),
        );
        const report = evaluatePolicies(run.graph, undefined, { policies: [policy("team-quota")] });
        expect(report.errors).toEqual([]);
        expect(report.violations.map((v) => v.message.split("\n")[1]).sort()).toEqual([
            "fraud-cpu: vmSize Standard_NC4as_T4_v3 is in standardNCASv3_T4Family; team fraud may use standardDSv2Family (its workspace's quota tags)",
            "team risk's compute totals 10 nodes (risk-cpu 10); its quota (its workspace's quota tags) allows 8",
        ]);
    });
});
