/**
 * endpoint-metric-alerts through the real harness: online endpoints and container groups linked to
 * their alerts by the dependency graph or by ARM ID, disabled or action-less alerts, Kubernetes
 * workloads by the service name they report telemetry under, and the advisory level.
 */
import type { CapturedResource } from "../../offline/graph";
import { TELEMETRY_ENV } from "../../components/serving/endpoint-telemetry";
import { details, res, violations } from "./helpers";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers";
const AG = `${SUB}/Microsoft.Insights/actionGroups/ag-aml-serving`;
const T = {
    endpoint: "azure-native:machinelearningservices:OnlineEndpoint",
    group: "azure-native:containerinstance:ContainerGroup",
    alert: "azure-native:monitor:MetricAlert",
    actionGroup: "azure-native:monitor:ActionGroup",
    deploy: "kubernetes:apps/v1:Deployment",
};
const arm = (type: string, name: string, armType: string): CapturedResource => res(type, name, {}, { outputs: { id: `${SUB}/${armType}/${name}`, name } });
const idOf = (r: CapturedResource) => r.outputs!.id as string;
const endpoint = arm(T.endpoint, "fraud", "Microsoft.MachineLearningServices/workspaces/mlw/onlineEndpoints");
const group = arm(T.group, "ci-churn", "Microsoft.ContainerInstance/containerGroups");
const ag = arm(T.actionGroup, "ag", "Microsoft.Insights/actionGroups");

function alert(name: string, inputs: Record<string, unknown>, extra: Partial<CapturedResource> = {}): CapturedResource {
    return res(T.alert, name, { enabled: true, actions: [{ actionGroupId: AG }], ...inputs }, extra);
}
const workload = (service?: string, namespace?: string) =>
    res(T.deploy, "churn-k8s", {
        spec: { template: { spec: { containers: [{ name: "score", env: [
            ...(service ? [{ name: TELEMETRY_ENV.serviceName, value: service }] : []),
            ...(namespace ? [{ name: TELEMETRY_ENV.resourceAttributes, value: `service.namespace=${namespace}` }] : []),
        ] }] } } },
    });
const roleAlert = (role: string, more: Record<string, unknown> = {}) =>
    alert(`alert-${role}`, { scopes: [`${SUB}/Microsoft.Insights/components/appi`], criteria: { allOf: [{ metricName: "requests/failed", dimensions: [{ name: "cloud/roleName", operator: "Include", values: [role] }] }] }, ...more });

describe("endpoint-metric-alerts", () => {
    it("passes alerts linked by ARM ID (any case) and by the dependency graph", () => {
        const byId = alert("a1", { scopes: [idOf(endpoint).toUpperCase()] });
        const byGraph = alert("a2", { scopes: ["(unknown in preview)"] }, { propertyDependencies: { scopes: [group.urn] }, dependencies: [group.urn] });
        expect(violations("endpoint-metric-alerts", [endpoint, group, byId, byGraph])).toEqual([]);
    });

    it("counts an action group found through the graph", () => {
        const a = alert("a", { scopes: [idOf(endpoint)], actions: ["(unknown)"] }, { propertyDependencies: { actions: [ag.urn] }, dependencies: [ag.urn] });
        expect(details("endpoint-metric-alerts", [endpoint, ag, a])).toEqual([]);
    });

    it("reports each endpoint without an alert, against it, as advisory", () => {
        const v = violations("endpoint-metric-alerts", [endpoint, group, alert("other", { scopes: [`${SUB}/Microsoft.Storage/storageAccounts/st`] })]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1], x.enforcementLevel])).toEqual([
            [endpoint.urn, "online endpoint fraud has no monitor:MetricAlert scoped to it; add one (serving alerts create error, latency and availability alerts)", "advisory"],
            [group.urn, "container group ci-churn has no monitor:MetricAlert scoped to it; add one (serving alerts create error, latency and availability alerts)", "advisory"],
        ]);
    });

    it("reports alerts that are disabled or notify nobody", () => {
        const off = alert("fraud-errors", { scopes: [idOf(endpoint)], enabled: false });
        const silent = alert("fraud-latency", { scopes: [idOf(endpoint)], actions: [] });
        expect(details("endpoint-metric-alerts", [endpoint, off, silent])).toEqual([
            "the metric alerts of online endpoint fraud (fraud-errors, fraud-latency) are disabled or notify no action group; enable one with actions [{ actionGroupId }]",
        ]);
    });

    it("ties a Kubernetes workload to the alerts filtering cloud/roleName on its service name", () => {
        expect(details("endpoint-metric-alerts", [workload("churn"), roleAlert("churn")])).toEqual([]);
        expect(details("endpoint-metric-alerts", [workload("churn"), roleAlert("fraud")])).toEqual([
            "Kubernetes workload churn-k8s reports telemetry as churn, but no enabled metric alert with an action group filters cloud/roleName on churn",
        ]);
        expect(details("endpoint-metric-alerts", [workload("churn"), roleAlert("churn", { enabled: false })])).toHaveLength(1);
        // A team's workload reports <team>.<key>: an alert on the bare key does not watch it.
        expect(details("endpoint-metric-alerts", [workload("churn", "risk"), roleAlert("risk.churn")])).toEqual([]);
        expect(details("endpoint-metric-alerts", [workload("churn", "risk"), roleAlert("churn")])).toEqual([
            "Kubernetes workload churn-k8s reports telemetry as risk.churn, but no enabled metric alert with an action group filters cloud/roleName on risk.churn",
        ]);
        // A workload that reports no telemetry name is not a monitored scoring endpoint the policy can tie to an alert.
        expect(details("endpoint-metric-alerts", [workload()])).toEqual([]);
    });

    it("honours exemptions by name", () => {
        expect(details("endpoint-metric-alerts", [endpoint], { "endpoint-metric-alerts": { exemptResourceNames: ["fraud"] } })).toEqual([]);
    });
});
