/**
 * One run of the real program: a hub whose two teams attach one existing AKS cluster, each in its
 * own namespace. The AzureML extension is installed once (not per team), each attachment waits for
 * it and names its identity, local auth is off, the TLS key reaches Azure only as a secret, and the
 * compute identities get AcrPull and Storage Blob Data Contributor.
 */
import { isSecret, type CapturedResource } from "../../../offline/graph";
import { runStack, type StackRun } from "../../../offline/run-stack";
import { BUILTIN_ROLES } from "../../../components/access/roles";
import { allOfType, at, baseConfig, oneOfType } from "../../helpers/stack";

const CLUSTER_ID = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-shared";
const EXTENSION = "azure-native:kubernetesconfiguration:Extension";
const COMPUTE = "azure-native:machinelearningservices:Compute";
const RA = "azure-native:authorization:RoleAssignment";
const types = {
    "cpu-small": { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: "4Gi" } },
    "gpu-large": { nodeSelector: { pool: "gpu" }, requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "8", memory: "32Gi", gpu: 1 } },
};
const attach = (namespace: string) => ({ kubernetes: { [`${namespace}-aks`]: { cluster: "shared", namespace, defaultInstanceType: "cpu-small", instanceTypes: types } } });

let run: StackRun;
let extension: CapturedResource;
let computes: CapturedResource[];

beforeAll(async () => {
    const platform = baseConfig({
        sharing: "hub",
        // Subscription of the simulated deployment: Azure ML attaches no cluster across subscriptions.
        resourceGroup: { existingId: "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-ml" },
        containerRegistry: { mode: "always" },
        // The hub's registry is private: images build on a cluster of the hub.
        workspace: { imageBuildCompute: "build" },
        compute: { clusters: { build: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } },
        kubernetes: {
            clusters: {
                shared: {
                    existingId: CLUSTER_ID,
                    azureml: { enableTraining: true, enableInference: true, sslCname: "scoring.example.com", sslCertPemSecret: "aksTlsCert", sslKeyPemSecret: "aksTlsKey", installNvidiaDevicePlugin: true },
                },
            },
        },
        teams: { risk: { compute: attach("risk") }, fraud: { compute: attach("fraud") } },
    });
    run = await runStack({
        stack: "test",
        config: { "aml-workspace:platform": platform, "aml-workspace:aksTlsCert": { secure: "v1:cert" }, "aml-workspace:aksTlsKey": { secure: "v1:key" } },
    });
    extension = oneOfType(run.graph, EXTENSION);
    computes = allOfType(run.graph, COMPUTE).filter((c) => at(c.inputs, "properties.computeType") === "Kubernetes");
});

describe("the AzureML extension", () => {
    it("is installed once on the cluster, however many teams attach it", () => {
        expect(allOfType(run.graph, EXTENSION)).toHaveLength(1);
        expect(extension.inputs).toMatchObject({
            resourceGroupName: "rg-aks",
            clusterRp: "Microsoft.ContainerService",
            clusterResourceName: "managedClusters",
            clusterName: "aks-shared",
            extensionName: "azureml",
            extensionType: "Microsoft.AzureML.Kubernetes",
            releaseTrain: "stable",
            autoUpgradeMinorVersion: true,
            scope: { cluster: { releaseNamespace: "azureml" } },
            identity: { type: "SystemAssigned" },
        });
        // Not under any team: removing a team never touches it.
        expect(extension.urn).not.toContain("aml-workspace:index:Team");
    });

    it("exposes inference only through an internal load balancer, over HTTPS", () => {
        expect(extension.inputs.configurationSettings).toMatchObject({
            enableTraining: "True",
            enableInference: "True",
            inferenceRouterServiceType: "loadBalancer",
            internalLoadBalancerProvider: "azure",
            "scoringFe.serviceType.internalLoadBalancer": "True",
            allowInsecureConnections: "False",
            sslCname: "scoring.example.com",
            inferenceRouterHA: "True",
            installNvidiaDevicePlugin: "True",
            "relayserver.enabled": "false",
            cluster_name: CLUSTER_ID,
        });
    });

    it("sends the certificate and key only as a secret in the protected settings", () => {
        const prot = extension.inputs.configurationProtectedSettings;
        expect(isSecret(prot)).toBe(true);
        expect(Object.keys((prot as { value: Record<string, unknown> }).value).sort()).toEqual(["scoringFe.sslCert", "scoringFe.sslKey"]);
        // The placeholder secret the engine gives for a `secure:` value, base64 as the CLI sends it.
        expect((prot as { value: Record<string, unknown> }).value["scoringFe.sslKey"]).toBe(Buffer.from("[secret]").toString("base64"));
        const plain = JSON.stringify(run.graph.resources.map((r) => ({ ...r.inputs, configurationProtectedSettings: undefined })));
        expect(plain).not.toContain("BEGIN PRIVATE KEY");
        expect(plain).not.toContain(Buffer.from("[secret]").toString("base64"));
    });
});

describe("the attachments", () => {
    it("attach the same cluster to each team's project, each in its own namespace", () => {
        expect(computes.map((c) => [c.inputs.computeName, at(c.inputs, "properties.properties.namespace")]).sort()).toEqual([
            ["fraud-aks", "fraud"],
            ["risk-aks", "risk"],
        ]);
        for (const c of computes) {
            expect(at(c.inputs, "properties.resourceId")).toBe(CLUSTER_ID);
            expect(at(c.inputs, "properties.disableLocalAuth")).toBe(true);
            expect(at(c.inputs, "properties.properties.defaultInstanceType")).toBe("cpu-small");
            expect(at(c.inputs, "identity.type")).toBe("SystemAssigned");
            // The instance types are custom resources in the cluster, not ARM properties.
            expect(at(c.inputs, "properties.properties.instanceTypes")).toBeUndefined();
            expect(String(c.inputs.workspaceName)).toContain(c.inputs.computeName === "risk-aks" ? "risk" : "fraud");
            expect(c.urn).toContain("aml-workspace:index:Team");
        }
    });

    it("wait for the extension and name its identity and release train", () => {
        for (const c of computes) {
            expect(c.dependencies).toContain(extension.urn);
            expect(at(c.inputs, "properties.properties.extensionPrincipalId")).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
            expect(at(c.inputs, "properties.properties.extensionInstanceReleaseTrain")).toBe("stable");
        }
    });

    it("grant each compute identity AcrPull on the registry and Storage Blob Data Contributor on the storage", () => {
        const grants = allOfType(run.graph, RA).filter((r) => r.name.includes("-k8s-"));
        const roleOf = (r: CapturedResource): string => String(r.inputs.roleDefinitionId).split("/").pop() ?? "";
        const principals = computes.map((c) => {
            const mine = grants.filter((g) => g.name.includes(`-k8s-${String(c.inputs.computeName)}-`));
            expect(mine.map(roleOf).sort()).toEqual([BUILTIN_ROLES.acrPull, BUILTIN_ROLES.storageBlobDataContributor].sort());
            expect(mine.every((g) => g.inputs.principalType === "ServicePrincipal" && g.dependencies.includes(c.urn))).toBe(true);
            // Both grants name the compute's own system-assigned identity.
            expect(new Set(mine.map((g) => g.inputs.principalId)).size).toBe(1);
            return mine[0].inputs.principalId;
        });
        expect(new Set(principals).size).toBe(2);
        const acr = grants.find((g) => roleOf(g) === BUILTIN_ROLES.acrPull);
        expect(String(acr?.inputs.scope)).toContain("Microsoft.ContainerRegistry/registries/");
        // A project's system-assigned identity needs no attach grants on the cluster.
        expect(grants.filter((g) => g.inputs.scope === CLUSTER_ID)).toEqual([]);
    });
});
