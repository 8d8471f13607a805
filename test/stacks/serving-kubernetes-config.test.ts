/**
 * `host: kubernetes` endpoints in the config: a clean endpoint loads; the cluster, namespace,
 * disruption budget, autoscaler, CIDRs, quantities, pinned cluster version and other hosts' fields
 * are checked with full key paths, platform and team alike, all problems in one run.
 */
import { problemLines } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const E = `${P}.serving.endpoints.scorer`;
const CLUSTER_ID = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-shared";
const azureml = { enableTraining: true, enableInference: true, sslCname: "scoring.example.com", sslSecretName: "azureml-tls" };
const created = { azureml, create: { localAccounts: true, userPools: { cpu: { vmSize: "Standard_D8ds_v5", maxCount: 3 } } } };
const images = { scorer: { reference: `crfraud.azurecr.io/scorer@sha256:${"a".repeat(64)}` } };
const models = { fraud: { versions: { "1": { path: "https://stexample.blob.core.windows.net/models/fraud/1" } } } };
/** Endpoints alert by default; these tests are about the Kubernetes host, so the block names an action group. */
const alerts = { actionGroup: { emails: ["ml-oncall@contoso.example"] } };
const withEndpoints = (endpoints: Record<string, unknown>, more: Record<string, unknown> = {}, clusters: Record<string, unknown> = { shared: created }) =>
    baseConfig({ kubernetes: { clusters }, serving: { images, models, alerts, endpoints }, ...more });
const endpoint = (over: Record<string, unknown> = {}) => ({ host: "kubernetes", cluster: "shared", image: "scorer", model: "fraud:1", ...over });

describe("host kubernetes endpoints", () => {
    it("a clean endpoint on a created cluster loads with no problem", () => {
        expect(problemLines(withEndpoints({ scorer: endpoint({ namespace: "fraud-scoring", replicas: 3, minAvailable: 2, allowFrom: ["10.20.0.0/16"] }) }))).toEqual([]);
    });

    it("needs a cluster of kubernetes.clusters, created by the stack, and an image", () => {
        expect(problemLines(withEndpoints({ scorer: { host: "kubernetes" } }))).toEqual([
            // Missing image and model: the artifacts check's, the same for every host.
            `${E}.image: is not set, so the endpoint has neither an image nor a build context (name a key of serving.images (scorer))`,
            `${E}.model: is not set (name a model version <name>:<version> of serving.models)`,
            `${E}.cluster: is required for host kubernetes (set it to one of: shared)`,
        ]);
        expect(problemLines(withEndpoints({ scorer: endpoint({ cluster: "shard" }) }))).toEqual([`${E}.cluster: "shard" is not a key of kubernetes.clusters (did you mean shared?)`]);
        expect(problemLines(withEndpoints({ scorer: endpoint() }, {}, { shared: { azureml, existingId: CLUSTER_ID } }))).toEqual([
            `${E}.cluster: "shared" is an adopted cluster (kubernetes.clusters.shared.existingId); host kubernetes needs a cluster the stack creates (its Entra ID kubeconfig, OIDC issuer and kubelet identity) (create the cluster with kubernetes.clusters.shared.create, or serve on it with host kubernetesOnline)`,
        ]);
    });

    it("refuses a disruption budget that blocks node drains, citing the replicas", () => {
        expect(problemLines(withEndpoints({ scorer: endpoint({ replicas: 2, minAvailable: 2 }) }))).toEqual([
            `${E}.minAvailable: is 2 with 2 replicas: the disruption budget then allows no voluntary eviction, so node drains (upgrades, scale-down) block (set minAvailable below replicas (e.g. replicas 3, or minAvailable 1))`,
        ]);
        expect(problemLines(withEndpoints({ scorer: endpoint({ replicas: 1 }) }))[0]).toMatch(/^.*minAvailable: is 1 with 1 replica:/);
    });

    it("refuses an autoscaler maximum below replicas", () => {
        expect(problemLines(withEndpoints({ scorer: endpoint({ replicas: 5, autoscale: { maxReplicas: 4 } }) }))).toEqual([`${E}.autoscale.maxReplicas: is 4, below replicas (5), the autoscaler's minimum (set it to 5 or more)`]);
    });

    it("refuses reserved and invalid namespaces, and namespaces another endpoint or an attachment uses", () => {
        expect(problemLines(withEndpoints({ scorer: endpoint({ namespace: "default" }) }))).toEqual([`${E}.namespace: namespace "default" is shared by everything created without a namespace (set namespace to a namespace of its own (an RFC 1123 label))`]);
        expect(problemLines(withEndpoints({ scorer: endpoint({ namespace: "kube-scoring" }) }))[0]).toMatch(/namespace: namespace "kube-scoring" is reserved/);
        expect(problemLines(withEndpoints({ scorer: endpoint({ namespace: "Fraud_Scoring" }) }))[0]).toMatch(/namespace: namespace "Fraud_Scoring" is not an RFC 1123 label/);
        const teams = { fraud: { serving: { images, models, alerts, endpoints: { scorer: endpoint() } } } };
        expect(problemLines(withEndpoints({ scorer: endpoint() }, { teams }))).toEqual([
            `${P}.teams.fraud.serving.endpoints.scorer: namespace scorer on cluster shared is already used by the endpoint serving.endpoints.scorer; an endpoint's namespace is its own (its default-deny policy and Pod Security labels) (set a different namespace)`,
        ]);
        const compute = { kubernetes: { aks: { cluster: "shared", namespace: "risk" } } };
        expect(problemLines(withEndpoints({ scorer: endpoint({ namespace: "risk" }) }, { compute }))).toContain(
            `${E}.namespace: namespace risk on cluster shared is already used by the AzureML attachment compute.kubernetes.aks; an endpoint's namespace is its own (its default-deny policy and Pod Security labels) (set a different namespace)`,
        );
    });

    it("refuses an endpoint key that cannot name a Service", () => {
        expect(problemLines(withEndpoints({ "1scorer": endpoint({ namespace: "scoring" }) }))[0]).toMatch(/serving\.endpoints\.1scorer: the endpoint key "1scorer" names its Service.*RFC 1035 label/);
    });

    it("refuses malformed CIDRs and quantities, and requests above limits", () => {
        expect(
            problemLines(withEndpoints({ scorer: endpoint({ allowFrom: ["10.20.0.0/33", "10.20.1.0/16"], resources: { requests: { cpu: "2", memory: "1Gb" }, limits: { cpu: "1500m", memory: "2Gi" } } }) })),
        ).toEqual([
            `${E}.allowFrom[0]: "10.20.0.0/33" has a prefix above /32 (give an IPv4 CIDR block such as 10.20.0.0/16)`,
            `${E}.allowFrom[1]: "10.20.1.0/16" has host bits set (the block starts at 10.20.0.0/16) (give an IPv4 CIDR block such as 10.20.0.0/16)`,
            `${E}.resources.requests.cpu: is 2, above the limit 1500m; Kubernetes refuses a request above its limit (lower the request or raise resources.limits.cpu)`,
            `${E}.resources.requests.memory: "1Gb" is not a Kubernetes quantity (a number with an optional suffix: m, k, M, G, Ki, Mi, Gi, ...; e.g. 500m, 1, 2Gi) (write memory with a binary suffix, e.g. 512Mi or 2Gi)`,
        ]);
    });

    it("refuses fields of other hosts, and a pinned cluster version older than the manifests need", () => {
        const old = { shared: { azureml, create: { ...created.create, kubernetesVersion: "1.24" } } };
        const lines = problemLines(withEndpoints({ scorer: endpoint({ publicDnsLabel: "fraud", cpu: 2, deployments: { blue: { model: "m:1", image: "scorer" } } }) }, {}, old));
        expect(lines).toEqual(
            expect.arrayContaining([
                `${E}.publicDnsLabel: is a field of host containerInstance, not of host kubernetes (remove it)`,
                `${E}.cpu: is a field of host containerInstance, not of host kubernetes (remove it)`,
                `${E}.deployments: is a field of host managedOnline, kubernetesOnline, not of host kubernetes (remove it)`,
                `${E}.cluster: the cluster pins Kubernetes 1.24, older than 1.25, where Pod Security Admission (the namespace's restricted labels) became GA (raise kubernetes.clusters.shared.create.kubernetesVersion, or leave it unset (AKS's default))`,
            ]),
        );
    });
});
