/**
 * What simulated ARM refuses of action groups and metric alerts (offline/azure-sim/arm-rules-monitor.ts),
 * through the rule table and once through a program run.
 */
import { ActionGroup } from "@pulumi/azure-native/monitor";
import { armRejections, type RuleSubject } from "../../offline/azure-sim/arm-rules";
import { runProgram } from "../../offline/run-stack";

const subject = (type: string, inputs: Record<string, unknown>): RuleSubject => ({ type, logicalName: "r", inputs, subscriptionId: "s", lookup: () => undefined, all: () => [] });
const ALERT = "azure-native:monitor:MetricAlert";
const AG = "azure-native:monitor:ActionGroup";
const good = { severity: 1, windowSize: "PT5M", evaluationFrequency: "PT1M", scopes: ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/appi"] };

describe("metric alert rules", () => {
    it("accepts what EndpointAlerts creates", () => {
        expect(armRejections(subject(ALERT, good))).toEqual([]);
        expect(armRejections(subject(AG, { groupShortName: "amlprod", emailReceivers: [{ name: "email-1" }, { name: "email-2" }] }))).toEqual([]);
    });
    it("refuses a severity, window or frequency ARM does not take", () => {
        expect(armRejections(subject(ALERT, { ...good, severity: 5, windowSize: "PT10M", evaluationFrequency: "PT2M" }))).toEqual([
            `${ALERT} "r": severity 5 is not one of 0, 1, 2, 3, 4`,
            `${ALERT} "r": windowSize "PT10M" is not one of PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, PT24H`,
            `${ALERT} "r": evaluationFrequency "PT2M" is not one of PT1M, PT5M, PT15M, PT30M, PT1H`,
        ]);
    });
    it("needs a target type and region for several scopes", () => {
        const two = { ...good, scopes: ["/a", "/b"] };
        expect(armRejections(subject(ALERT, two))).toEqual([`${ALERT} "r": scopes has 2 resources; set targetResourceType and targetResourceRegion (mandatory for more than one resource)`]);
        expect(armRejections(subject(ALERT, { ...two, targetResourceType: "microsoft.insights/components", targetResourceRegion: "westeurope" }))).toEqual([]);
    });
    it("refuses a long short name and receivers sharing a name", () => {
        expect(armRejections(subject(AG, { groupShortName: "ml-oncall-team", emailReceivers: [{ name: "oncall" }], smsReceivers: [{ name: "oncall" }] }))).toEqual([
            `${AG} "r": groupShortName "ml-oncall-team" has 14 characters; it must have 1-12`,
            `${AG} "r": receiver name(s) oncall used twice; names must be unique across all receivers of the group`,
        ]);
    });
    it("is wired into the simulated deployment", async () => {
        await expect(runProgram(() => void new ActionGroup("ag", { resourceGroupName: "rg", actionGroupName: "ag", location: "global", enabled: true, groupShortName: "a-very-long-name" }))).rejects.toThrow(/groupShortName "a-very-long-name" has 16 characters/);
    });
});
