/**
 * Endpoint alerts under the offline engine (simulated Azure + capture), in one program run per
 * case group: createEndpointAlerts as the serving dispatcher calls it, with fake hosts (a tiny
 * component standing for each endpoint, no dependency on the real hosts), for each metrics kind;
 * then EndpointAlerts directly with an existing action group. The inputs Azure receives (criteria,
 * dimension filters, windows and frequencies, action group wiring) and the simulator's ARM rules.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { createEndpointAlerts } from "../../../components/serving/endpoint-alerts";
import { EndpointAlerts } from "../../../components/serving/endpoint-alert-rules";
import { ALERT_NAMES, failedRequestThreshold } from "../../../components/serving/endpoint-alert-metrics";
import { cloudRoleName, endpointRoleName, endpointTelemetryEnvironment, serviceNamespaceOf, TELEMETRY_ENV } from "../../../components/serving/endpoint-telemetry";
import { resolveServing, type PlatformServingArgs } from "../../../components/serving/platform-serving-args";
import type { CreatedEndpoint } from "../../../components/serving/hosts/host";
import type { ServingContext } from "../../../components/serving/serving-context";
import type { CapturedResource } from "../../../offline/graph";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { allPolicies } from "../../../policies/all";

const SUB = "00000000-0000-0000-0000-00000000a001";
const RG = "rg-aml-prod";
const ARM = `/subscriptions/${SUB}/resourceGroups/${RG}/providers`;
const APPI = `${ARM}/Microsoft.Insights/components/appi-aml-prod`;
/** An Application Insights component one endpoint reports to instead of the workspace's. */
const OWN_APPI = `${ARM}/Microsoft.Insights/components/appi-ranker`;
const ENDPOINT_ID = `${ARM}/Microsoft.MachineLearningServices/workspaces/mlw-aml-prod/onlineEndpoints/fraud`;
const GROUP_ID = `${ARM}/Microsoft.ContainerInstance/containerGroups/ci-aml-prod-churn`;
const EXISTING_AG = `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ag-ml-oncall`;
const ALERT = "azure-native:monitor:MetricAlert";
const AG = "azure-native:monitor:ActionGroup";

/**
 * A host's component standing for an endpoint. Waiting on a component means waiting on its custom
 * children, so it holds one (a resource group: any type the simulator knows).
 */
class FakeEndpoint extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions & { standIn?: boolean }) {
        super("test:index:FakeEndpoint", name, {}, opts);
        if (opts?.standIn) new ResourceGroup(`${name}-stand-in`, { resourceGroupName: `rg-${name}` }, { parent: this });
        this.registerOutputs({});
    }
}

function ctxOf(parent: pulumi.Resource): ServingContext {
    return {
        name: "platform",
        namePrefix: "aml-prod",
        uniqueBy: [SUB, RG],
        resourceGroupName: RG,
        location: "westeurope",
        tags: { environment: "prod", owner: "ml-platform" },
        subscriptionId: SUB,
        tenantId: "00000000-0000-0000-0000-0000000000aa",
        workspace: { name: "mlw-aml-prod", id: `${ARM}/Microsoft.MachineLearningServices/workspaces/mlw-aml-prod`, principalId: "p", storageAccountId: "s", registryId: undefined, registryLoginServer: undefined, applicationInsightsId: APPI, applicationInsightsConnectionString: "InstrumentationKey=x" },
        publicNetworkAccess: "Disabled",
        logAnalyticsWorkspaceId: `${ARM}/Microsoft.OperationalInsights/workspaces/log-aml-prod`,
        clusters: {},
        kubernetesComputes: {},
        dependsOn: [parent],
    };
}

const servingArgs: PlatformServingArgs = {
    endpoints: {
        fraud: { host: "managedOnline", alerts: { errorRatePercent: 2 } },
        churn: { host: "containerInstance", memoryInGB: 2 },
        ranker: { host: "kubernetes", alerts: { window: "PT15M", latencyMs: 250 } },
        quiet: { host: "kubernetes", alerts: { enabled: false } },
    },
    alerts: { actionGroup: { emails: ["ml-oncall@contoso.example", "ml-leads@contoso.example"] }, thresholds: { expectedRequestsPerMinute: 120 } },
};

let run: StackRun;
beforeAll(async () => {
    run = await runProgram(
        () => {
            const parent = new FakeEndpoint("platform-serving");
            const fake = (key: string, resourceId: string, kind: CreatedEndpoint["metrics"]["kind"]): CreatedEndpoint => ({
                scoringUri: pulumi.output(`https://${key}.example/score`),
                resource: new FakeEndpoint(`endpoint-${key}`, { parent, standIn: true }),
                metrics: { resourceId, kind },
            });
            const endpoints = {
                fraud: fake("fraud", ENDPOINT_ID, "onlineEndpoint"),
                churn: fake("churn", GROUP_ID, "containerInstance"),
                ranker: fake("ranker", OWN_APPI, "applicationInsights"),
                quiet: fake("quiet", APPI, "applicationInsights"),
            };
            const created = createEndpointAlerts(resolveServing(servingArgs), endpoints, ctxOf(parent), parent);
            // A team whose alerts are all off creates nothing, not even an action group.
            const none = createEndpointAlerts(resolveServing({ endpoints: { x: { host: "kubernetes" } }, alerts: { thresholds: { enabled: false } } }), { x: fake("x", APPI, "applicationInsights") }, { ...ctxOf(parent), name: "team-x", namePrefix: "aml-prod-x" }, parent);
            // A team's endpoint reports as <team>.<key> (a hub's projects share one Application Insights).
            createEndpointAlerts(resolveServing({ endpoints: { churn: { host: "kubernetes" } }, alerts: { actionGroup: { emails: ["risk-oncall@contoso.example"] } } }), { churn: fake("risk-churn", APPI, "applicationInsights") }, { ...ctxOf(parent), name: "team-risk", teamKey: "risk", namePrefix: "aml-prod-risk" }, parent);
            new EndpointAlerts("byo", { resourceGroupName: RG, namePrefix: "aml-prod-byo", applicationInsightsId: APPI, actionGroup: { existingId: EXISTING_AG }, endpoints: { score: { resourceId: ENDPOINT_ID, kind: "onlineEndpoint" } } }, { parent });
            return { created: created.length, none: none.length };
        },
        { stack: "prod" },
    );
});

const alerts = (): CapturedResource[] => run.graph.resources.filter((r) => r.type === ALERT);
const alert = (ruleName: string): CapturedResource => {
    const found = alerts().filter((r) => r.inputs.ruleName === ruleName);
    if (found.length !== 1) throw new Error(`expected one alert ${ruleName}, found ${alerts().map((a) => a.inputs.ruleName).join(", ")}`);
    return found[0];
};
const criterion = (r: CapturedResource) => (r.inputs.criteria as { allOf: Record<string, unknown>[] }).allOf[0];

describe("createEndpointAlerts", () => {
    it("creates one component for the workspace and nothing when every endpoint's alerts are off", () => {
        expect(run.outputs).toEqual({ created: 1, none: 0 });
        expect(alerts().map((a) => a.inputs.ruleName).filter((n) => String(n).includes("-x-"))).toEqual([]);
        expect(run.graph.resources.filter((r) => r.type === AG).map((r) => r.inputs.actionGroupName).sort()).toEqual(["ag-aml-prod-risk-serving", "ag-aml-prod-serving"]);
    });

    it("the action group: global, derived short name, email receivers on the common alert schema, tagged", () => {
        const ag = run.graph.resources.find((r) => r.type === AG && r.inputs.actionGroupName === "ag-aml-prod-serving")!;
        expect(ag.inputs).toMatchObject({
            location: "global",
            enabled: true,
            groupShortName: "amlprod",
            emailReceivers: [
                { name: "email-1", emailAddress: "ml-oncall@contoso.example", useCommonAlertSchema: true },
                { name: "email-2", emailAddress: "ml-leads@contoso.example", useCommonAlertSchema: true },
            ],
            tags: { environment: "prod", owner: "ml-platform" },
        });
        expect(ALERT_NAMES.shortName("aml-production-team-risk")).toBe("amlproductio");
    });

    it("an online endpoint: 5xx per minute and latency on the endpoint, availability on Application Insights", () => {
        const errors = alert("alert-aml-prod-fraud-errors");
        expect(errors.inputs.scopes).toEqual([ENDPOINT_ID]);
        // 2% of 120 requests per minute: the metric is a per-minute average, so the threshold is per minute.
        expect(criterion(errors)).toMatchObject({ metricNamespace: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints", metricName: "RequestsPerMinute", timeAggregation: "Average", operator: "GreaterThanOrEqual", threshold: 3, dimensions: [{ name: "statusCodeClass", operator: "Include", values: ["5xx"] }] });
        expect(criterion(alert("alert-aml-prod-fraud-latency"))).toMatchObject({ metricName: "RequestLatency", operator: "GreaterThan", threshold: 1000, dimensions: [] });
        const availability = alert("alert-aml-prod-fraud-availability");
        expect(availability.inputs.scopes).toEqual([APPI]);
        expect(criterion(availability)).toMatchObject({ metricName: "availabilityResults/availabilityPercentage", operator: "LessThan", threshold: 99, dimensions: [{ name: "availabilityResult/name", operator: "Include", values: ["fraud"] }] });
    });

    it("a container group: request alerts on the workspace's Application Insights by role name, memory on the group", () => {
        const errors = alert("alert-aml-prod-churn-errors");
        expect(errors.inputs.scopes).toEqual([APPI]);
        expect(criterion(errors)).toMatchObject({ metricName: "requests/failed", timeAggregation: "Count", threshold: failedRequestThreshold({ errorRatePercent: 5, expectedRequestsPerMinute: 120 }, 5), dimensions: [{ name: "cloud/roleName", operator: "Include", values: ["churn"] }] });
        expect(criterion(errors).threshold).toBe(30);
        expect(criterion(alert("alert-aml-prod-churn-latency"))).toMatchObject({ metricName: "requests/duration", dimensions: [{ name: "cloud/roleName", values: ["churn"] }] });
        const memory = alert("alert-aml-prod-churn-memory");
        expect(memory.inputs.scopes).toEqual([GROUP_ID]);
        expect(criterion(memory)).toMatchObject({ metricNamespace: "Microsoft.ContainerInstance/containerGroups", metricName: "MemoryUsage", operator: "GreaterThan", threshold: Math.round(2 * 1024 ** 3 * 0.9) });
    });

    it("Application Insights kind: scoped to the reported component, the endpoint's window and frequency; disabled endpoints get none", () => {
        const latency = alert("alert-aml-prod-ranker-latency");
        expect(latency.inputs).toMatchObject({ scopes: [OWN_APPI], windowSize: "PT15M", evaluationFrequency: "PT5M", severity: 2, autoMitigate: true, enabled: true, location: "global" });
        expect(criterion(latency)).toMatchObject({ threshold: 250, dimensions: [{ name: "cloud/roleName", values: ["ranker"] }] });
        // 5% of 120/min over 15 minutes.
        expect(criterion(alert("alert-aml-prod-ranker-errors")).threshold).toBe(90);
        expect(alerts().filter((a) => String(a.inputs.ruleName).startsWith("alert-aml-prod-ranker-")).map((a) => a.inputs.scopes)).toEqual([[OWN_APPI], [OWN_APPI], [OWN_APPI]]);
        expect(alerts().filter((a) => String(a.inputs.ruleName).includes("quiet"))).toEqual([]);
        expect(alerts().filter((a) => String(a.inputs.ruleName).startsWith("alert-aml-prod-")).map((a) => a.inputs.windowSize)).toEqual(expect.arrayContaining(["PT5M", "PT15M"]));
    });

    it("every rule notifies the created group and waits for its endpoint", () => {
        const ag = run.graph.resources.find((r) => r.type === AG && r.inputs.actionGroupName === "ag-aml-prod-serving")!;
        const ours = alerts().filter((a) => !/byo|risk/.test(String(a.inputs.ruleName)));
        expect(ours).toHaveLength(3 + 4 + 3);
        for (const a of ours) {
            expect(a.inputs.actions).toEqual([{ actionGroupId: expect.stringMatching(/\/resourceGroups\/rg-aml-prod\/providers\/Microsoft\.Insights\/actionGroups\/ag-aml-prod-serving$/) }]);
            expect(a.propertyDependencies.actions).toEqual([ag.urn]);
            const key = String(a.inputs.ruleName).split("-")[3];
            expect(a.dependencies).toEqual(expect.arrayContaining([expect.stringContaining(`::endpoint-${key}-stand-in`)]));
        }
    });

    it("a team's endpoint: the role name and availability name are <team>.<key>, the names carry the team's prefix", () => {
        expect(criterion(alert("alert-aml-prod-risk-churn-errors")).dimensions).toEqual([{ name: "cloud/roleName", operator: "Include", values: ["risk.churn"] }]);
        expect(criterion(alert("alert-aml-prod-risk-churn-availability")).dimensions).toEqual([{ name: "availabilityResult/name", operator: "Include", values: ["risk.churn"] }]);
    });

    it("an existing action group: no group created, the rules notify it", () => {
        const byo = alerts().filter((a) => String(a.inputs.ruleName).startsWith("alert-aml-prod-byo-"));
        expect(byo.map((a) => a.inputs.ruleName).sort()).toEqual(["alert-aml-prod-byo-score-availability", "alert-aml-prod-byo-score-errors", "alert-aml-prod-byo-score-latency"]);
        expect(run.graph.resources.filter((r) => r.type === AG && String(r.name).startsWith("byo"))).toEqual([]);
        expect(byo.every((a) => JSON.stringify(a.inputs.actions) === JSON.stringify([{ actionGroupId: EXISTING_AG }]))).toBe(true);
    });

    it("the alert policies pass on what was created", () => {
        const report = evaluatePolicies(run.graph, undefined, { policies: allPolicies.filter((p) => p.name === "metric-alert-notifies") });
        expect(report.violations).toEqual([]);
        expect(report.evaluated.filter((o) => o.outcome === "passed").length).toBeGreaterThan(0);
    });
});

describe("EndpointAlerts args and the telemetry variables", () => {
    it("refuses a missing action group or a window it has no frequency for, before creating anything", async () => {
        await expect(
            runProgram(() => {
                new EndpointAlerts("bad", { resourceGroupName: RG, namePrefix: "p", applicationInsightsId: APPI, actionGroup: {}, endpoints: { a: { resourceId: APPI, kind: "applicationInsights", thresholds: { window: "PT6H" } } } });
            }),
        ).rejects.toThrow(/actionGroup: set existingId or at least one email; endpoints\.a\.thresholds\.window: "PT6H" is not one of PT1M, PT5M, PT15M, PT30M, PT1H/);
    });

    it("the hosts' environment: the service name is the endpoint key, the connection string secret", () => {
        expect(endpointTelemetryEnvironment("churn", "InstrumentationKey=x")).toEqual({ plain: { [TELEMETRY_ENV.serviceName]: "churn" }, secret: { APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=x" } });
        expect(endpointTelemetryEnvironment("churn", undefined)).toEqual({ plain: { OTEL_SERVICE_NAME: "churn" }, secret: {} });
        // A team's: the team is the service namespace, so Application Insights records risk.churn.
        const team = endpointTelemetryEnvironment("churn", undefined, "risk");
        expect(team.plain).toEqual({ OTEL_SERVICE_NAME: "churn", OTEL_RESOURCE_ATTRIBUTES: "service.namespace=risk" });
        expect(cloudRoleName(team.plain.OTEL_SERVICE_NAME, serviceNamespaceOf(team.plain.OTEL_RESOURCE_ATTRIBUTES))).toBe(endpointRoleName("churn", "risk"));
        expect(serviceNamespaceOf("service.instance.id=i-1, service.namespace = fraud ")).toBe("fraud");
        expect(serviceNamespaceOf("service.instance.id=i-1")).toBeUndefined();
    });
});
