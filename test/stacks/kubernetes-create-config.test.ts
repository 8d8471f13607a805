/**
 * `kubernetes.clusters.<key>` as bring-your-own: `existingId` adopts, `create` creates a hardened
 * AKS cluster. Both or neither is refused; a created cluster is checked with checkAksCluster under
 * its full key path, keeps local accounts only when told (Azure ML's documented limitation), needs
 * a user pool for the extension's pods, and its derived name is checked.
 */
import { aksClusterName } from "../../components/platform-names";
import { loadPlatformConfig } from "../../stacks/config";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const K = `${P}.kubernetes.clusters.shared`;
const CLUSTER_ID = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-shared";
const azureml = { enableTraining: true, enableInference: true, sslCname: "scoring.example.com", sslSecretName: "azureml-tls" };
const pools = { cpu: { vmSize: "Standard_D8ds_v5", maxCount: 3 } };
const shared = (entry: Record<string, unknown>, more: Record<string, unknown> = {}) => baseConfig({ kubernetes: { clusters: { shared: { azureml, ...entry } } }, ...more });
const create = (settings: Record<string, unknown>, more: Record<string, unknown> = {}) => shared({ create: { localAccounts: true, userPools: pools, ...settings } }, more);

describe("create or adopt", () => {
    it("a created cluster loads with AKS_DEFAULTS filled in and no problem", () => {
        const c = loadPlatformConfig(create({}), TEST_CONTEXT);
        expect(c.kubernetes.clusters.shared.existingId).toBeUndefined();
        expect(c.kubernetes.clusters.shared.create).toMatchObject({ skuTier: "Standard", localAccounts: true, apiServer: { private: true }, systemPool: { name: "system", minCount: 2 }, userPools: { cpu: { minCount: 1, maxPods: 110 } } });
        expect(problemLines(create({}))).toEqual([]);
    });
    it("an adopted cluster needs no create settings", () => {
        expect(problemLines(shared({ existingId: CLUSTER_ID }))).toEqual([]);
    });
    it("both existingId and create is refused, naming the key and the fix", () => {
        expect(problemLines(shared({ existingId: CLUSTER_ID, create: { localAccounts: true, userPools: pools } }))).toEqual([
            `${K}.existingId: set together with kubernetes.clusters.shared.create (an adopted cluster keeps its own settings) (set only existingId to adopt the cluster, or only create to create one)`,
        ]);
    });
    it("neither is refused, naming both ways out", () => {
        expect(problemLines(shared({}))).toEqual([
            `${K}: has neither existingId nor create (adopt a cluster with existingId: <ARM ID of the AKS cluster>, or create one with create: { ... } (create: {} takes every default))`,
        ]);
    });
});

describe("a created cluster", () => {
    it("without localAccounts: true is refused, citing Azure ML's limitation and saying what to write", () => {
        const lines = problemLines(shared({ create: { userPools: pools } }));
        expect(lines).toEqual([
            `${K}.create.localAccounts: is false, but this cluster gets the AzureML extension and Azure Machine Learning doesn't support disabling local accounts for AKS ("Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster", Limitations); the aks-local-accounts-disabled policy reports the cluster as advisory (write localAccounts: true under create (with a comment citing the limitation), or adopt a cluster with existingId)`,
        ]);
        expect(problemLines(shared({ create: { userPools: pools, localAccounts: false } }))).toEqual(lines);
    });
    it("without a user pool is refused: the extension's pods cannot run on the tainted system pool", () => {
        expect(problemLines(shared({ create: { localAccounts: true } }))).toEqual([
            `${K}.create.userPools: is empty, but the AzureML extension's pods need a user pool: the system pool is tainted CriticalAddonsOnly=true:NoSchedule and no Azure ML document says the extension tolerates it (add a user pool, e.g. userPools: { cpu: { vmSize: Standard_D8ds_v5, maxCount: 3 } })`,
        ]);
    });
    it("reports checkAksCluster's problems under the full key path, all in one run", () => {
        const lines = problemLines(create({ kubernetesVersion: "v1.30", systemPool: { minCount: 1 }, userPools: { GPU: { vmSize: "Standard_D8ds_v5", maxCount: 2 } } }));
        expect(lines.map((l) => l.split(": ")[0])).toEqual(expect.arrayContaining([`${K}.create.kubernetesVersion`, `${K}.create.systemPool.minCount`, `${K}.create.userPools.GPU`]));
        expect(lines.find((l) => l.startsWith(`${K}.create.kubernetesVersion`))).toContain('"v1.30" is not a Kubernetes version');
    });
    it("a public API server is refused in a private stack", () => {
        const raw = create({ apiServer: { private: false, authorizedIpRanges: ["203.0.113.0/24"] } }, { network: { publicNetworkAccess: "Disabled" } });
        expect(problemLines(raw)).toContain(
            `${K}.create.apiServer.private: is false in a private stack (network.publicNetworkAccess Disabled) (keep the API server private; reach it from the VNet (or a peered network, a jump host, az aks command invoke))`,
        );
    });
    it("goes in the platform's region", () => {
        const raw = shared({ create: { localAccounts: true, userPools: pools }, location: "northeurope" });
        expect(problemLines(raw).filter((l) => l.startsWith(`${K}.location`))[0]).toMatch(/a created cluster goes in the platform's region/);
    });
    it("has a deterministic derived name that keeps the key whole (namePrefix and key are at most 16 characters each)", () => {
        expect(aksClusterName("aml-dev", "shared")).toBe("aks-aml-dev-shared");
        const longest = aksClusterName("p".repeat(16), "k".repeat(16));
        expect(longest).toBe(`aks-${"p".repeat(16)}-${"k".repeat(16)}`);
        expect(problemLines(create({}, { namePrefix: "p".repeat(16) }))).toEqual([]);
    });
});
