/**
 * One run of the real program: a single workspace (user-assigned identity, the default) attaches
 * an existing AKS cluster for training only, twice (two namespaces). Its identity gets the roles
 * attach needs on the cluster once, before the first attach, and the second attach waits for it; the attachment makes an `onDemand` registry exist; training-only
 * extension settings carry no inference router.
 */
import type { CapturedResource } from "../../../offline/graph";
import type { StackRun } from "../../../offline/run-stack";
import { BUILTIN_ROLES } from "../../../components/access/roles";
import { allOfType, at, baseConfig, oneOfType, runPlatform } from "../../helpers/stack";

const CLUSTER_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-train";
const RA = "azure-native:authorization:RoleAssignment";

let run: StackRun;
let compute: CapturedResource;
let second: CapturedResource;

beforeAll(async () => {
    run = await runPlatform(
        baseConfig({
            kubernetes: { clusters: { train: { existingId: CLUSTER_ID, azureml: { enableTraining: true, enableInference: false } } } },
            compute: {
                kubernetes: { "train-aks": { cluster: "train", namespace: "training" }, "batch-aks": { cluster: "train", namespace: "batch" } },
                // The attachments make the registry exist, and it is private: images build on a cluster.
                clusters: { build: { vmSize: "Standard_DS3_v2", maxNodes: 1 } },
            },
            workspace: { imageBuildCompute: "build" },
        }),
    );
    const computes = allOfType(run.graph, "azure-native:machinelearningservices:Compute");
    compute = computes.find((c) => c.inputs.computeName === "train-aks") as CapturedResource;
    second = computes.find((c) => c.inputs.computeName === "batch-aks") as CapturedResource;
});

const roleOf = (r: CapturedResource): string => String(r.inputs.roleDefinitionId).split("/").pop() ?? "";

it("grants the workspace's user-assigned identity Reader, Kubernetes Extension Contributor and AKS Cluster Admin on the cluster, before the attach", () => {
    const onCluster = allOfType(run.graph, RA).filter((r) => r.inputs.scope === CLUSTER_ID);
    expect(onCluster.map(roleOf).sort()).toEqual([BUILTIN_ROLES.reader, BUILTIN_ROLES.kubernetesExtensionContributor, BUILTIN_ROLES.aksClusterAdmin].sort());
    const identity = oneOfType(run.graph, "azure-native:managedidentity:UserAssignedIdentity");
    expect(onCluster.every((r) => (r.propertyDependencies.principalId ?? []).includes(identity.urn))).toBe(true);
    for (const g of onCluster) expect(compute.dependencies).toContain(g.urn);
    // One set of grants for the workspace identity, however many attachments (ARM refuses a duplicate assignment).
    expect(onCluster).toHaveLength(3);
    expect(second.dependencies).toContain(compute.urn);
});

it("makes the onDemand registry exist and grants the compute AcrPull on it", () => {
    const registry = oneOfType(run.graph, "azure-native:containerregistry:Registry");
    const acr = allOfType(run.graph, RA).filter((r) => roleOf(r) === BUILTIN_ROLES.acrPull && r.name.includes("-k8s-"));
    expect(acr).toHaveLength(2);
    for (const g of acr) expect(g.propertyDependencies.scope).toContain(registry.urn);
});

it("sends training-only settings and the namespace", () => {
    const settings = oneOfType(run.graph, "azure-native:kubernetesconfiguration:Extension").inputs.configurationSettings as Record<string, unknown>;
    expect([settings.enableTraining, settings.enableInference, settings.installVolcano]).toEqual(["True", "False", "True"]);
    expect(Object.keys(settings).filter((k) => /inferenceRouter|LoadBalancer|ssl|scoringFe/i.test(k))).toEqual([]);
    expect(at(compute.inputs, "properties.properties.namespace")).toBe("training");
    expect(at(compute.inputs, "properties.properties.defaultInstanceType")).toBeUndefined();
});
