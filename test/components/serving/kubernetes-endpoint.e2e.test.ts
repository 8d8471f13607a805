/**
 * `host: kubernetes` under the offline engine (simulated Azure and Kubernetes + capture), in one
 * program run: a created cluster, and two endpoints on it through the host factory (an internal
 * load balancer endpoint with a model and secrets, a ClusterIP one). The inputs Azure and the API
 * server receive, the scoring URIs, one kubelet pull grant per workspace and cluster, and the
 * Kubernetes policies reporting nothing on the result.
 */
import * as pulumi from "@pulumi/pulumi";
import { AksCluster } from "../../../components";
import { createKubernetesEndpoint } from "../../../components/serving/hosts/kubernetes-host";
import type { ServingContext } from "../../../components/serving/serving-context";
import type { ResolvedServing } from "../../../components/serving/platform-serving-args";
import type { CapturedResource } from "../../../offline/graph";
import { isSecret } from "../../../offline/graph";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { allPolicies } from "../../../policies/all";
import * as k8sRules from "../../../policies/rules/kubernetes";
import { fakeKubernetesArtifacts } from "../../helpers/serving-fakes-kubernetes";
import { at } from "../../helpers/stack";

const SUB = "00000000-0000-0000-0000-000000000000";
const TENANT = "00000000-0000-0000-0000-0000000000aa";
const RG = "rg-aml-prod";
const LAW = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aml-prod`;
const ACR = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerRegistry/registries/craml`;
const STORAGE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stamlfraud`;
const APPI = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Insights/components/appi-aml-prod`;
const IMAGE = `craml.azurecr.io/scorer@sha256:${"b".repeat(64)}`;

let run: StackRun;
beforeAll(async () => {
    run = await runProgram(
        () => {
            const aks = new AksCluster("shared", { resourceGroupName: RG, location: "westeurope", tags: { owner: "ml" }, tenantId: TENANT, subscriptionId: SUB, logAnalyticsWorkspaceId: LAW, clusterName: "aks-shared" });
            const parent = new pulumi.ComponentResource("test:index:Serving", "platform-team-fraud-serving");
            const ctx: ServingContext = {
                name: "platform-team-fraud",
                teamKey: "fraud",
                namePrefix: "aml-prod-fraud",
                uniqueBy: ["aml-prod", "fraud"],
                resourceGroupName: RG,
                location: "westeurope",
                tags: { owner: "ml" },
                subscriptionId: SUB,
                tenantId: TENANT,
                workspace: {
                    name: "mlw-fraud",
                    id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-fraud`,
                    principalId: "00000000-0000-0000-0000-00000000d001",
                    storageAccountId: STORAGE,
                    registryId: ACR,
                    registryLoginServer: "craml.azurecr.io",
                    applicationInsightsId: APPI,
                    applicationInsightsConnectionString: pulumi.secret("InstrumentationKey=00000000-0000-0000-0000-00000000e001"),
                },
                publicNetworkAccess: "Disabled",
                logAnalyticsWorkspaceId: LAW,
                virtualNetworkAddressSpace: ["10.20.0.0/16"],
                clusters: { shared: { id: aks.id, created: true, kubeconfig: aks.userKubeconfig, oidcIssuerUrl: aks.oidcIssuerUrl, kubeletIdentityObjectId: aks.kubeletIdentityObjectId, ready: [aks] } },
                kubernetesComputes: {},
                dependsOn: [],
            };
            const serving: ResolvedServing = {
                images: { scorer: { reference: IMAGE } },
                models: {},
                endpoints: {
                    scorer: { host: "kubernetes", cluster: "shared", image: "scorer", model: "fraud:1", namespace: "fraud-scoring", secretEnvironmentVariables: { API_TOKEN: pulumi.secret("s3cr3t") } },
                    internal: { host: "kubernetes", cluster: "shared", image: "scorer", serviceType: "ClusterIP", replicas: 3, minAvailable: 2 },
                },
                alerts: {},
            };
            const artifacts = fakeKubernetesArtifacts({ scorer: IMAGE }, { "fraud:1": { uri: "azureml://fraud/1", storageAccountId: STORAGE } });
            const made = Object.fromEntries(Object.entries(serving.endpoints).map(([key, endpoint]) => [key, createKubernetesEndpoint({ key, endpoint, serving, artifacts, ctx, parent })]));
            return { scorerUri: made.scorer.scoringUri, internalUri: made.internal.scoringUri, metrics: made.scorer.metrics.kind, metricsId: made.scorer.metrics.resourceId };
        },
        { stack: "prod" },
    );
});

const all = (type: string, prefix: string): CapturedResource[] => run.graph.resources.filter((r) => r.type === type && r.name.startsWith(prefix));
const one = (type: string, name: string): CapturedResource => {
    const found = run.graph.resources.filter((r) => r.type === type && r.name === name);
    expect(found).toHaveLength(1);
    return found[0];
};
const SCORER = "platform-team-fraud-k8s-scorer";

describe("the Azure side", () => {
    it("a user-assigned identity federated to the endpoint's service account on the cluster's issuer", () => {
        const fic = one("azure-native:managedidentity:FederatedIdentityCredential", `${SCORER}-federation`).inputs;
        expect(fic).toMatchObject({ subject: "system:serviceaccount:fraud-scoring:scorer", audiences: ["api://AzureADTokenExchange"], resourceGroupName: RG, federatedIdentityCredentialResourceName: "aks-shared-fraud-scoring-scorer" });
        expect(String(fic.issuer)).toMatch(/^https:\/\//);
        expect(one("azure-native:managedidentity:UserAssignedIdentity", `${SCORER}-identity`).inputs.resourceName).toBe("id-aml-prod-fraud-scorer");
    });

    it("Storage Blob Data Reader on the model's account for the identity; one kubelet AcrPull per workspace and cluster", () => {
        const reader = one("azure-native:authorization:RoleAssignment", `${SCORER}-model-reader`).inputs;
        expect(reader).toMatchObject({ scope: STORAGE, principalType: "ServicePrincipal" });
        expect(String(reader.roleDefinitionId)).toMatch(/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1$/);
        // Application Insights takes Entra ID ingestion only: the workload identity publishes its telemetry.
        const telemetry = one("azure-native:authorization:RoleAssignment", `${SCORER}-telemetry`).inputs;
        expect(telemetry).toMatchObject({ principalType: "ServicePrincipal" });
        expect(String(telemetry.scope)).toMatch(/\/providers\/Microsoft\.Insights\/components\//);
        expect(String(telemetry.roleDefinitionId)).toMatch(/3913510d-42f4-4e42-8a64-420c390055eb$/);
        const pulls = all("azure-native:authorization:RoleAssignment", "platform-team-fraud-aks-");
        expect(pulls.map((p) => p.name)).toEqual(["platform-team-fraud-aks-shared-acr-pull"]);
        expect(pulls[0].inputs).toMatchObject({ scope: ACR, principalType: "ServicePrincipal" });
        expect(String(pulls[0].inputs.roleDefinitionId)).toMatch(/7f951dda-4ed3-4680-a7ca-43fe172d538d$/);
        // The kubelet identity's object ID (AksCluster.kubeletIdentityObjectId), not the endpoint's identity.
        const cluster = run.graph.resources.find((r) => r.type === "azure-native:containerservice:ManagedCluster")!;
        expect(pulls[0].propertyDependencies.principalId).toContain(cluster.urn);
        expect(pulls[0].inputs.principalId).toMatch(/^[0-9a-f-]{36}$/);
    });
});

describe("the in-cluster objects", () => {
    it("go through a Kubernetes provider with the cluster's Entra ID kubeconfig, kept secret", () => {
        const provider = one("pulumi:providers:kubernetes", `${SCORER}-provider`);
        expect(isSecret(provider.inputs.kubeconfig)).toBe(true);
        expect(JSON.stringify(provider.inputs.kubeconfig)).toContain("kubelogin");
    });

    it("are all parented to the endpoint component, and the Deployment waits for the grants and policies", () => {
        const component = one("aml-workspace:index:KubernetesEndpoint", SCORER);
        const children = run.graph.resources.filter((r) => r.name.startsWith(`${SCORER}-`));
        expect(children.length).toBeGreaterThanOrEqual(14);
        expect(children.filter((r) => r.parent !== component.urn).map((r) => r.name)).toEqual([]);
        const deployment = one("kubernetes:apps/v1:Deployment", `${SCORER}-deployment`);
        const needs = ["federation", "model-reader", "deny-all", "allow-scoring", "allow-egress", "secret", "service-account"].map((r) => run.graph.resources.find((x) => x.name === `${SCORER}-${r}`)!.urn);
        expect(deployment.dependencies).toEqual(expect.arrayContaining(needs));
        expect(deployment.dependencies).toContain(run.graph.resources.find((r) => r.name === "platform-team-fraud-aks-shared-acr-pull")!.urn);
    });

    it("the Deployment: digest-pinned image, the identity's client ID on the service account, the model URI", () => {
        const d = one("kubernetes:apps/v1:Deployment", `${SCORER}-deployment`).inputs;
        expect(at(d, "metadata.namespace")).toBe("fraud-scoring");
        expect(at(d, "spec.template.spec.containers.0.image")).toBe(IMAGE);
        const env = at(d, "spec.template.spec.containers.0.env") as { name: string; value?: unknown }[];
        expect(env.find((e) => e.name === "MODEL_URI")?.value).toBe("azureml://fraud/1");
        // The role name its alerts filter on: fraud.scorer (endpoint-telemetry.ts).
        expect(env.find((e) => e.name === "OTEL_SERVICE_NAME")?.value).toBe("scorer");
        expect(env.find((e) => e.name === "OTEL_RESOURCE_ATTRIBUTES")?.value).toBe("service.namespace=fraud");
        const sa = one("kubernetes:core/v1:ServiceAccount", `${SCORER}-service-account`).inputs;
        const identity = one("azure-native:managedidentity:UserAssignedIdentity", `${SCORER}-identity`);
        expect((at(sa, "metadata.annotations") as Record<string, string>)["azure.workload.identity/client-id"]).toMatch(/^[0-9a-f-]{36}$/);
        expect(one("kubernetes:core/v1:ServiceAccount", `${SCORER}-service-account`).dependencies).toContain(identity.urn);
    });

    it("the Secret holds the connection string and secret variables, as a secret", () => {
        const s = one("kubernetes:core/v1:Secret", `${SCORER}-secret`).inputs;
        expect(isSecret(s.stringData)).toBe(true);
        const values = (s.stringData as { value: Record<string, string> }).value;
        expect(values).toEqual({ APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=00000000-0000-0000-0000-00000000e001", API_TOKEN: "s3cr3t" });
    });

    it("the scoring URIs: the internal load balancer's private IP, the Service's cluster DNS name", () => {
        expect(run.outputs.scorerUri).toMatch(/^http:\/\/10\.\d+\.\d+\.\d+:8080\/score$/);
        expect(run.outputs.internalUri).toBe("http://internal.internal.svc.cluster.local:8080/score");
        expect(run.outputs.metrics).toBe("applicationInsights");
        expect(run.outputs.metricsId).toBe(APPI);
    });

    it("the ClusterIP endpoint: its replicas and budget, callers from any pod of the cluster and the VNet", () => {
        expect(at(one("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "platform-team-fraud-k8s-internal-autoscaler").inputs, "spec.minReplicas")).toBe(3);
        expect(at(one("kubernetes:policy/v1:PodDisruptionBudget", "platform-team-fraud-k8s-internal-disruption-budget").inputs, "spec.minAvailable")).toBe(2);
        const from = at(one("kubernetes:networking.k8s.io/v1:NetworkPolicy", "platform-team-fraud-k8s-internal-allow-scoring").inputs, "spec.ingress.0.from");
        expect(from).toEqual([{ namespaceSelector: {} }, { ipBlock: { cidr: "10.20.0.0/16" } }]);
    });
});

describe("the Kubernetes policies", () => {
    it("report nothing on the endpoints", () => {
        const k8sPolicies = allPolicies.filter((p) => Object.values(k8sRules).includes(p as never));
        const report = evaluatePolicies(run.graph, undefined, { policies: k8sPolicies });
        expect(report.errors).toEqual([]);
        expect(report.violations.map((v) => `${v.policyName}: ${v.message}`)).toEqual([]);
        expect(report.evaluated.filter((e) => e.policyName === "k8s-seccomp-capabilities" && e.outcome === "passed").length).toBeGreaterThan(0);
    });
});
