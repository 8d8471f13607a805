/**
 * One run of the real program with a cluster the platform creates (`kubernetes.clusters.shared.create`)
 * in a private hub stack whose network has an `aks` subnet, the AzureML extension on it and one
 * team attaching it: the cluster sits in the platform's group and the aks subnet, reports to the
 * platform's Log Analytics, keeps local accounts (as told) and is named by the rule; the extension
 * waits for the cluster and its user pool; the attach names the created cluster's ID. The simulator
 * refuses what ARM refuses (an attach without the extension, pools outside the subnet...), so the
 * run completing is itself a check. In the created cluster, through a Kubernetes provider built from
 * the cluster-user (Entra ID) kubeconfig: each attachment's namespace (not `default`) and its
 * instance types; an adopted cluster (`existingId`) gets nothing in-cluster.
 */
import { isSecret, type CapturedResource } from "../../../offline/graph";
import { instanceTypeManifests } from "../../../components/kubernetes/instance-types";
import { runPlatform } from "../../helpers/stack";
import type { StackRun } from "../../../offline/run-stack";
import { allOfType, at, baseConfig, oneOfType } from "../../helpers/stack";

const T = {
    cluster: "azure-native:containerservice:ManagedCluster",
    pool: "azure-native:containerservice:AgentPool",
    extension: "azure-native:kubernetesconfiguration:Extension",
    compute: "azure-native:machinelearningservices:Compute",
    subnet: "azure-native:network:Subnet",
    logs: "azure-native:operationalinsights:Workspace",
    k8sProvider: "pulumi:providers:kubernetes",
    namespace: "kubernetes:core/v1:Namespace",
    instanceType: "kubernetes:amlarc.azureml.com/v1alpha1:InstanceType",
};
const FOREIGN_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-foreign";
const types = {
    "cpu-small": { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: "4Gi" } },
    "gpu-large": { nodeSelector: { pool: "gpu" }, requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "8", memory: "32Gi", gpu: 1 } },
};

let run: StackRun;
let cluster: CapturedResource;
let pool: CapturedResource;
let extension: CapturedResource;
let attach: CapturedResource;
let aksSubnetId: string;
/** The simulated deployment's subscription. */
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const idOf = (r: CapturedResource, provider: string, nameKey: string) => `${SUB}/resourceGroups/${String(r.inputs.resourceGroupName)}/providers/${provider}/${String(r.inputs[nameKey])}`;

beforeAll(async () => {
    run = await runPlatform(
        baseConfig({
            sharing: "hub",
            network: {
                publicNetworkAccess: "Disabled",
                privateEndpoints: true,
                virtualNetwork: { addressSpace: ["10.20.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.20.0.0/24" }, aks: { addressPrefix: "10.20.8.0/21" } } },
                privateDns: { mode: "create" },
            },
            containerRegistry: { mode: "always" },
            workspace: { imageBuildCompute: "build" },
            compute: { clusters: { build: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } },
            kubernetes: {
                clusters: {
                    shared: {
                        create: { localAccounts: true, userPools: { cpu: { vmSize: "Standard_D8ds_v5", maxCount: 3, labels: { workload: "serving" } } } },
                        azureml: { enableTraining: true, enableInference: true, sslCname: "scoring.example.com", sslSecretName: "azureml-tls" },
                    },
                    foreign: { existingId: FOREIGN_ID, azureml: { enableTraining: true, enableInference: false } },
                },
            },
            teams: {
                risk: { compute: { kubernetes: { "risk-aks": { cluster: "shared", namespace: "risk", defaultInstanceType: "cpu-small", instanceTypes: types } } } },
                ops: { compute: { kubernetes: { "ops-aks": { cluster: "shared" } } } },
                fraud: { compute: { kubernetes: { "fraud-aks": { cluster: "foreign", namespace: "fraud" } } } },
            },
        }),
    );
    cluster = oneOfType(run.graph, T.cluster);
    pool = oneOfType(run.graph, T.pool);
    extension = allOfType(run.graph, T.extension).filter((e) => e.inputs.clusterName === "aks-aml-test-shared")[0];
    attach = allOfType(run.graph, T.compute).filter((c) => c.inputs.computeName === "risk-aks")[0];
    // The graph holds inputs: the IDs ARM gives are built the way ARM builds them.
    const subnet = allOfType(run.graph, T.subnet).find((s) => String(s.inputs.subnetName).includes("aks"));
    aksSubnetId = `${SUB}/resourceGroups/${String(subnet?.inputs.resourceGroupName)}/providers/Microsoft.Network/virtualNetworks/${String(subnet?.inputs.virtualNetworkName)}/subnets/${String(subnet?.inputs.subnetName)}`;
}, 60_000);

describe("the created cluster", () => {
    it("is named by the rule, in the platform's resource group and region, keeping local accounts as told", () => {
        expect(cluster.inputs).toMatchObject({ resourceName: "aks-aml-test-shared", location: "westeurope", disableLocalAccounts: false, enableRBAC: true });
        expect(cluster.inputs.resourceGroupName).toBe(oneOfType(run.graph, "azure-native:resources:ResourceGroup").inputs.resourceGroupName);
        expect(at(cluster.inputs, "aadProfile")).toMatchObject({ managed: true, enableAzureRBAC: true });
        expect(typeof at(cluster.inputs, "aadProfile.tenantID")).toBe("string");
    });
    it("puts its system and user pools in the stack's aks subnet", () => {
        expect(aksSubnetId).toMatch(/\/virtualNetworks\/vnet-[^/]+\/subnets\/[^/]*aks[^/]*$/);
        expect(at(cluster.inputs, "agentPoolProfiles.0.vnetSubnetID")).toBe(aksSubnetId);
        expect(pool.inputs).toMatchObject({ agentPoolName: "cpu", mode: "User", vnetSubnetID: aksSubnetId, nodeLabels: { workload: "serving" } });
    });
    it("reports to the platform's Log Analytics workspace", () => {
        const logsId = idOf(oneOfType(run.graph, T.logs), "Microsoft.OperationalInsights/workspaces", "workspaceName");
        expect(at(cluster.inputs, "addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID")).toBe(logsId);
        expect(at(cluster.inputs, "securityProfile.defender.logAnalyticsWorkspaceResourceId")).toBe(logsId);
    });
});

describe("the extension and the attach", () => {
    it("the extension is on the created cluster and waits for it and its user pool", () => {
        expect(extension.inputs).toMatchObject({ clusterName: "aks-aml-test-shared", resourceGroupName: cluster.inputs.resourceGroupName });
        expect(extension.dependencies).toEqual(expect.arrayContaining([cluster.urn, pool.urn]));
    });
    it("the team's attach names the created cluster's ID and waits for the extension", () => {
        expect(attach).toBeDefined();
        expect(at(attach.inputs, "properties.resourceId")).toBe(idOf(cluster, "Microsoft.ContainerService/managedClusters", "resourceName"));
        expect(attach.dependencies).toContain(extension.urn);
    });
});

describe("in the created cluster, through the Entra ID provider", () => {
    const named = (type: string, name: string) => allOfType(run.graph, type).filter((r) => at(r.inputs, "metadata.name") === name);
    it("has one Kubernetes provider, whose kubeconfig is the cluster-user exec kubeconfig, secret", () => {
        const [provider] = allOfType(run.graph, T.k8sProvider);
        expect(allOfType(run.graph, T.k8sProvider)).toHaveLength(1);
        const kubeconfig = provider.inputs.kubeconfig;
        expect(isSecret(kubeconfig)).toBe(true);
        const text = String(isSecret(kubeconfig) ? kubeconfig.value : kubeconfig);
        // listManagedClusterUserCredentials(format=exec) of the created cluster: kubelogin, no credential.
        expect(text).toContain("user: clusterUser_");
        expect(text).toContain("command: kubelogin");
        // The private cluster's private FQDN, as the simulator computes it for the created cluster.
        expect(text).toMatch(/server: https:\/\/aks-aml-test-shared-[^\s]*\.privatelink\.westeurope\.azmk8s\.io:443/);
        expect(text).not.toMatch(/clusterAdmin|client-key-data|token:/);
    });
    it("creates the namespace of each attachment once, labelled, after the extension, and never `default`", () => {
        const [ns] = named(T.namespace, "risk");
        expect(ns).toBeDefined();
        expect(at(ns.inputs, "metadata.labels")).toEqual({ "app.kubernetes.io/managed-by": "aml-workspace", "aml-workspace/cluster": "shared" });
        expect(ns.dependencies).toContain(extension.urn);
        expect(named(T.namespace, "default")).toHaveLength(0);
    });
    it("the attach waits for its namespace", () => {
        expect(attach.dependencies).toContain(named(T.namespace, "risk")[0].urn);
    });
    it("creates the attachment's instance types as InstanceType custom resources with the manifests' spec, after the extension", () => {
        const manifests = instanceTypeManifests(types, "cpu-small");
        expect(allOfType(run.graph, T.instanceType)).toHaveLength(manifests.length);
        for (const m of manifests) {
            const [cr] = named(T.instanceType, m.metadata.name);
            expect(cr.inputs).toMatchObject({ apiVersion: "amlarc.azureml.com/v1alpha1", kind: "InstanceType", spec: m.spec });
            expect(cr.dependencies).toContain(extension.urn);
        }
    });
    it("creates nothing in the adopted cluster", () => {
        expect(named(T.namespace, "fraud")).toHaveLength(0);
        const fraud = allOfType(run.graph, T.compute).filter((c) => c.inputs.computeName === "fraud-aks")[0];
        expect(at(fraud.inputs, "properties.properties.namespace")).toBe("fraud");
        const k8sUrns = new Set([...allOfType(run.graph, T.namespace), ...allOfType(run.graph, T.instanceType)].map((r) => r.urn));
        expect(fraud.dependencies.filter((u) => k8sUrns.has(u))).toEqual([]);
    });
});
