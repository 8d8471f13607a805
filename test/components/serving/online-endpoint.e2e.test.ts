/**
 * The online endpoint hosts under the offline engine (one program run, many assertions): a managed
 * endpoint with blue/green 90/10 and a mirrored shadow, a Kubernetes endpoint with AML tokens, an
 * explicit key endpoint reading a model from another account. What Azure is asked for (the endpoint
 * without traffic, then the deployments, then the template that PUTs the traffic), what simulated
 * Azure answers (scoring URI, identity), and what it refuses (traffic naming deployments that do
 * not exist yet, Entra tokens on Kubernetes).
 */
import * as pulumi from "@pulumi/pulumi";
import { OnlineEndpoint } from "@pulumi/azure-native/machinelearningservices";
import { Deployment } from "@pulumi/azure-native/resources";
import type { CapturedResource } from "../../../offline/graph";
import { runProgram } from "../../../offline/run-stack";
import { createOnlineEndpoint, defaultOnlineInstanceType, grantsModelStorage } from "../../../components/serving/hosts/online-endpoint-host";
import { onlineServingEndpointArgProblems, OnlineServingEndpoint } from "../../../components/serving/hosts/online-endpoint";
import { onlineEndpointName } from "../../../components/platform-names";
import type { PlatformEndpointArgs } from "../../../components/serving/platform-serving-args";
import type { ServingContext } from "../../../components/serving/serving-context";
import { resolveServing } from "../../../components/serving/platform-serving-args";
import { fakeOnlineArtifacts } from "../../helpers/serving-fakes-online";
import { evaluatePolicies } from "../../../offline/policy-harness";
import type { CapturedStack } from "../../../offline/graph";
import { allPolicies } from "../../../policies/all";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = "rg-aml-prod";
const WS_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-aml-prod-risk`;
const OTHER_ST = `/subscriptions/${SUB}/resourceGroups/rg-models/providers/Microsoft.Storage/storageAccounts/stmodels`;

const ctx = (publicNetworkAccess: "Enabled" | "Disabled"): ServingContext => ({
    name: "platform-team-risk",
    teamKey: "risk",
    namePrefix: "aml-prod-risk",
    uniqueBy: ["seed", "team:risk"],
    resourceGroupName: RG,
    location: "westeurope",
    tags: { environment: "prod" },
    subscriptionId: SUB,
    tenantId: "00000000-0000-0000-0000-0000000000aa",
    workspace: {
        name: "mlw-aml-prod-risk",
        id: WS_ID,
        principalId: "p",
        storageAccountId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stamlprod`,
        registryId: undefined,
        registryLoginServer: undefined,
        applicationInsightsId: "/appi",
        applicationInsightsConnectionString: undefined,
    },
    publicNetworkAccess,
    logAnalyticsWorkspaceId: "/log",
    clusters: {},
    kubernetesComputes: { "risk-aks": { id: `${WS_ID}/computes/risk-aks`, cluster: "shared", namespace: "risk", instanceTypes: ["cpu-small", "cpu-large"], defaultInstanceType: "cpu-small" } },
    dependsOn: [],
});

const ENDPOINTS: Record<string, PlatformEndpointArgs> = {
    scoring: {
        host: "managedOnline",
        deployments: {
            blue: { model: "credit-risk:1", image: "scorer", traffic: 90, instanceCount: 2, scale: { maxInstances: 4 } },
            green: { model: "credit-risk:2", image: "scorer", traffic: 10 },
            shadow: { model: "credit-risk:2", image: "scorer", mirrorTraffic: 10, environmentVariables: { MODE: "shadow" } },
        },
    },
    fraud: { host: "kubernetesOnline", compute: "risk-aks", authMode: "amlToken", deployments: { main: { model: "credit-risk:1", image: "scorer" } } },
    partner: { host: "managedOnline", authMode: "key", deployments: { only: { model: "credit-risk:3", image: "scorer", instanceType: "Standard_F4s_v2" } } },
};

let graph: CapturedStack;
let resources: CapturedResource[];
let outputs: Record<string, unknown>;

beforeAll(async () => {
    const run = await runProgram(() => {
        const parent = new pulumi.ComponentResource("test:index:Parent", "serving", {});
        const serving = resolveServing({ endpoints: ENDPOINTS });
        const artifacts = fakeOnlineArtifacts(WS_ID, { "credit-risk:3": OTHER_ST, "credit-risk:1": ctx("Disabled").workspace.storageAccountId as string });
        const out: Record<string, unknown> = {};
        for (const [key, endpoint] of Object.entries(ENDPOINTS)) {
            const created = createOnlineEndpoint({ key, endpoint, serving, artifacts, ctx: ctx("Disabled"), parent });
            out[`${key}Uri`] = created.scoringUri;
            out[`${key}Metrics`] = created.metrics;
        }
        return out;
    });
    graph = run.graph;
    resources = run.graph.resources;
    outputs = run.outputs;
});

const ofType = (type: string) => resources.filter((r) => r.type === type);
const endpoint = (key: string) => ofType("azure-native:machinelearningservices:OnlineEndpoint").find((r) => r.inputs.endpointName === onlineEndpointName("aml-prod-risk", key, ["seed", "team:risk"])) as CapturedResource;
const deployment = (key: string, name: string) =>
    ofType("azure-native:machinelearningservices:OnlineDeployment").find((r) => r.inputs.endpointName === endpoint(key).inputs.endpointName && r.inputs.deploymentName === name) as CapturedResource;
const trafficOf = (key: string) => ofType("azure-native:resources:Deployment").find((r) => r.inputs.deploymentName === `${String(endpoint(key).inputs.endpointName)}-traffic`) as CapturedResource;

describe("a managed endpoint with blue/green and a mirror", () => {
    it("is created private, token-authenticated, with a system identity and no traffic of its own", () => {
        const e = endpoint("scoring");
        expect(e.inputs).toMatchObject({ workspaceName: "mlw-aml-prod-risk", location: "westeurope", identity: { type: "SystemAssigned" }, properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" } });
        expect(e.inputs.endpointName).toMatch(/^aml-prod-risk-scoring-[a-z0-9]{6}$/);
        expect((e.inputs.properties as Record<string, unknown>).traffic).toBeUndefined();
        expect((e.inputs.properties as Record<string, unknown>).compute).toBeUndefined();
    });
    it("each deployment: its model and environment, DS3_v2 by default, probes, app insights, egress closed in a private stack", () => {
        const blue = deployment("scoring", "blue");
        expect(blue.inputs.properties).toMatchObject({
            endpointComputeType: "Managed",
            model: `${WS_ID}/models/credit-risk/versions/1`,
            environmentId: `${WS_ID}/environments/scorer/versions/1`,
            instanceType: "Standard_DS3_v2",
            appInsightsEnabled: true,
            egressPublicNetworkAccess: "Disabled",
            scaleSettings: { scaleType: "TargetUtilization", minInstances: 2, maxInstances: 4, targetUtilizationPercentage: 70 },
            requestSettings: { maxConcurrentRequestsPerInstance: 1, requestTimeout: "PT5S", maxQueueWait: "PT0.5S" },
            livenessProbe: { initialDelay: "PT10S", period: "PT10S", timeout: "PT2S", successThreshold: 1, failureThreshold: 30 },
            readinessProbe: { period: "PT10S" },
        });
        expect(blue.inputs.sku).toEqual({ name: "Default", capacity: 2 });
        expect(deployment("scoring", "green").inputs.properties).toMatchObject({ scaleSettings: { scaleType: "Default" } });
        // The user's variables, and the role name the endpoint's availability alert filters on (endpoint-telemetry.ts).
        expect(deployment("scoring", "shadow").inputs.properties).toMatchObject({ environmentVariables: { MODE: "shadow", OTEL_SERVICE_NAME: "scoring" } });
    });
    it("the traffic template PUTs the endpoint after every deployment, with 90/10 and a 10% mirror to the shadow", () => {
        const t = trafficOf("scoring");
        const props = t.inputs.properties as { mode: string; parameters: Record<string, { value: unknown }>; template: { resources: Record<string, unknown>[] } };
        expect(props.mode).toBe("Incremental");
        expect(props.template.resources[0]).toMatchObject({ type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints", properties: "[parameters('properties')]", identity: { type: "SystemAssigned" } });
        expect(props.parameters.name.value).toBe(`mlw-aml-prod-risk/${String(endpoint("scoring").inputs.endpointName)}`);
        expect(props.parameters.properties.value).toEqual({ authMode: "AADToken", publicNetworkAccess: "Disabled", traffic: { blue: 90, green: 10, shadow: 0 }, mirrorTraffic: { shadow: 10 } });
        for (const d of ["blue", "green", "shadow"]) expect(t.dependencies).toContain(deployment("scoring", d).urn);
        // A refresh that reads the live split never makes the endpoint's next update erase it; destroying the
        // endpoint deletes its deployments and leaves nothing for the template record to undo.
        expect(endpoint("scoring").ignoreChanges).toEqual(["properties.traffic", "properties.mirrorTraffic"]);
        expect(t.deletedWith).toBe(endpoint("scoring").urn);
        expect(deployment("scoring", "blue").deletedWith).toBe(endpoint("scoring").urn);
        const order = resources.map((r) => r.urn);
        expect(order.indexOf(t.urn)).toBeGreaterThan(Math.max(...["blue", "green", "shadow"].map((d) => order.indexOf(deployment("scoring", d).urn))));
        expect(order.indexOf(deployment("scoring", "blue").urn)).toBeGreaterThan(order.indexOf(endpoint("scoring").urn));
    });
    it("sends the endpoint's logs and metrics to the stack's Log Analytics", () => {
        const d = ofType("azure-native:monitor:DiagnosticSetting").find((r) => r.parent === resources.find((x) => x.urn === endpoint("scoring").parent)?.urn);
        expect(d?.inputs).toMatchObject({ workspaceId: "/log", logs: [{ categoryGroup: "allLogs", enabled: true }], metrics: [{ category: "AllMetrics", enabled: true }] });
        expect(String(d?.inputs.resourceUri)).toMatch(/\/onlineEndpoints\/aml-prod-risk-scoring-/);
    });
    it("reports the simulated scoring URI and the endpoint's metrics", () => {
        const name = String(endpoint("scoring").inputs.endpointName);
        expect(outputs.scoringUri).toBe(`https://${name}.westeurope.inference.ml.azure.com/score`);
        expect(outputs.scoringMetrics).toEqual({ resourceId: `${WS_ID}/onlineEndpoints/${name}`, kind: "onlineEndpoint" });
    });
});

describe("a Kubernetes endpoint and an explicit key endpoint", () => {
    it("the Kubernetes endpoint runs on its compute with AML tokens, the compute's default instance type, no egress flag, no mirror", () => {
        expect(endpoint("fraud").inputs.properties).toEqual({ authMode: "AMLToken", publicNetworkAccess: "Disabled", compute: `${WS_ID}/computes/risk-aks` });
        const main = deployment("fraud", "main").inputs.properties as Record<string, unknown>;
        expect(main).toMatchObject({ endpointComputeType: "Kubernetes", instanceType: "cpu-small" });
        expect(main.egressPublicNetworkAccess).toBeUndefined();
        expect((trafficOf("fraud").inputs.properties as { parameters: Record<string, { value: unknown }> }).parameters.properties.value).toMatchObject({ traffic: { main: 100 }, mirrorTraffic: {} });
    });
    it("key auth only when asked; its model's other account gets a reader grant for the endpoint identity, the workspace's default none", () => {
        expect(endpoint("partner").inputs.properties).toMatchObject({ authMode: "Key" });
        expect(deployment("partner", "only").inputs.properties).toMatchObject({ instanceType: "Standard_F4s_v2" });
        const grants = ofType("azure-native:authorization:RoleAssignment");
        expect(grants.map((g) => g.inputs.scope)).toEqual([OTHER_ST]);
        expect(grants[0].inputs).toMatchObject({ principalType: "ServicePrincipal", principalId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
        expect(String(grants[0].inputs.roleDefinitionId)).toMatch(/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1$/);
        expect(deployment("partner", "only").dependencies).toContain(grants[0].urn);
    });
});

describe("the policy pack on the plan (prod-tagged)", () => {
    it("token auth passes; explicit key auth is a mandatory violation in prod, AML tokens on Kubernetes an advisory one; nothing else", () => {
        const policies = allPolicies.filter((p) => p.name.startsWith("online-"));
        expect(policies.map((p) => p.name).sort()).toEqual(["online-deployment-app-insights", "online-deployment-egress", "online-endpoint-managed-identity", "online-endpoint-public-network", "online-endpoint-token-auth"]);
        const report = evaluatePolicies(graph, undefined, { policies });
        expect(report.errors).toEqual([]);
        const found = report.violations.map((v) => `${v.policyName} ${v.enforcementLevel} ${v.urn.split("::").pop()}`).sort();
        expect(found).toEqual([
            "online-endpoint-token-auth advisory platform-team-risk-endpoint-fraud-endpoint",
            "online-endpoint-token-auth mandatory platform-team-risk-endpoint-partner-endpoint",
        ]);
    });
});

describe("default instance types", () => {
    it("managed: Standard_DS3_v2; Kubernetes: the compute's default, else the extension's defaultinstancetype", () => {
        const compute = { id: "/c", cluster: "shared", namespace: "risk", instanceTypes: ["cpu-small"] };
        expect(defaultOnlineInstanceType("managedOnline", undefined)).toBe("Standard_DS3_v2");
        expect(defaultOnlineInstanceType("kubernetesOnline", { ...compute, defaultInstanceType: "cpu-small" })).toBe("cpu-small");
        expect(defaultOnlineInstanceType("kubernetesOnline", compute)).toBe("defaultinstancetype");
    });
});

describe("which model storage gets a grant", () => {
    it("never the workspace's own account (Azure grants it), any other one", () => {
        const ws = pulumi.output("/ws-storage");
        expect(grantsModelStorage(undefined, ws)).toBe(false);
        expect(grantsModelStorage(ws, ws)).toBe(false);
        expect(grantsModelStorage(pulumi.output("/lake"), ws)).toBe(true);
        expect(grantsModelStorage(OTHER_ST, ws)).toBe(true);
        expect(grantsModelStorage(OTHER_ST.toUpperCase(), OTHER_ST)).toBe(false);
        expect(grantsModelStorage(OTHER_ST, "/ws-storage")).toBe(true);
    });
});

describe("what is refused", () => {
    it("the component refuses bad names, Entra tokens on Kubernetes, and traffic that does not add up, before creating anything", () => {
        const base = { resourceGroupName: RG, workspaceName: "w", location: "westeurope", endpointName: "ep-1", host: "managedOnline" as const, deployments: { blue: { model: "m", environmentId: "e", instanceType: "Standard_DS3_v2" } } };
        expect(onlineServingEndpointArgProblems(base)).toEqual([]);
        expect(onlineServingEndpointArgProblems({ ...base, host: "kubernetesOnline", endpointName: "1ep" })).toEqual([
            expect.stringContaining("endpointName: online endpoint name must be"),
            "authMode aadToken: a kubernetesOnline endpoint offers amlToken, key",
            "computeId is required for a kubernetesOnline endpoint",
        ]);
        expect(onlineServingEndpointArgProblems({ ...base, deployments: { ...base.deployments, green: { ...base.deployments.blue, traffic: 20 } } })).toEqual([
            "traffic: the deployments' live traffic sums to 20, not 100",
        ]);
    });
    it("simulated Azure refuses an endpoint whose traffic names a deployment that does not exist yet", async () => {
        await expect(
            runProgram(() => {
                new OnlineEndpoint("direct", { resourceGroupName: RG, workspaceName: "mlw-x", endpointName: "ep-direct", location: "westeurope", identity: { type: "SystemAssigned" }, properties: { authMode: "AADToken", traffic: { blue: 100 } } });
            }),
        ).rejects.toThrow(/properties\.traffic: names deployment "blue", which does not exist/);
    });
    it("simulated Azure refuses a traffic template that runs before the deployment it names", async () => {
        await expect(
            runProgram(() => {
                const e = new OnlineEndpoint("early", { resourceGroupName: RG, workspaceName: "mlw-x", endpointName: "ep-early", location: "westeurope", identity: { type: "SystemAssigned" }, properties: { authMode: "AADToken" } });
                new Deployment("early-traffic", {
                    resourceGroupName: RG,
                    deploymentName: "ep-early-traffic",
                    properties: {
                        mode: "Incremental",
                        template: { resources: [{ type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints", name: "[parameters('name')]", properties: "[parameters('properties')]" }] },
                        parameters: { name: { value: "mlw-x/ep-early" }, properties: { value: { authMode: "AADToken", traffic: { blue: 90, green: 10 } } } },
                    },
                }, { dependsOn: [e] });
            }),
        ).rejects.toThrow(/endpoint ep-early: properties\.traffic: names deployment "blue", which does not exist/);
    });
    it("simulated Azure refuses Entra tokens on a Kubernetes endpoint", async () => {
        await expect(
            runProgram(() => {
                new OnlineEndpoint("k8s", { resourceGroupName: RG, workspaceName: "mlw-x", endpointName: "ep-k8s", location: "westeurope", properties: { authMode: "AADToken", compute: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-x/computes/aks` } });
            }),
        ).rejects.toThrow(/AADToken: Microsoft Entra token authentication is supported for managed online endpoints only/);
    });
    it("a component endpoint without traffic problems passes the simulator end to end", async () => {
        const run = await runProgram(() => {
            const e = new OnlineServingEndpoint("solo", { resourceGroupName: RG, workspaceName: "mlw-x", location: "westeurope", endpointName: "ep-solo", host: "managedOnline", deployments: { blue: { model: "m", environmentId: "e", instanceType: "Standard_DS3_v2" } } });
            return { uri: e.scoringUri, traffic: e.traffic };
        });
        expect(run.outputs).toEqual({ uri: "https://ep-solo.westeurope.inference.ml.azure.com/score", traffic: { blue: 100 } });
    });
});
