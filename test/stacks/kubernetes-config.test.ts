/**
 * `kubernetes.clusters` and `compute.kubernetes` in the stack config: a valid attachment loads with
 * its defaults, and every problem is reported at its key path with the fix, all in one run.
 */
import { loadPlatformConfig } from "../../stacks/config";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const SUB = "/subscriptions/00000000-0000-0000-0000-00000000a001";
const CLUSTER_ID = `${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-shared`;
const https = { sslCname: "scoring.example.com", sslSecretName: "azureml-tls" };
const cluster = (azureml: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    kubernetes: { clusters: { shared: { existingId: CLUSTER_ID, azureml: { enableTraining: true, enableInference: true, ...https, ...azureml }, ...extra } } },
});
const small = { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: "4Gi" } };
/** A platform-level attachment makes the (private) registry exist, so images build on a cluster. */
const attach = (k: Record<string, unknown>) => ({ compute: { kubernetes: k, clusters: { build: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } }, workspace: { imageBuildCompute: "build" } });
const teams = (risk: Record<string, unknown>, fraud: Record<string, unknown>) => ({ teams: { risk: { compute: { kubernetes: risk } }, fraud: { compute: { kubernetes: fraud } } } });
/** Only the Kubernetes lines (a prod config has other requirements this file does not test). */
const k8sLines = (raw: unknown): string[] => problemLines(raw).filter((l) => /\.(kubernetes|compute)\b/.test(l.split(":")[1] ?? "") || l.includes("kubernetes"));

describe("a valid attachment", () => {
    it("loads with the extension's and the attachment's defaults", () => {
        const c = loadPlatformConfig(baseConfig({ ...cluster(), ...attach({ "ml-aks": { cluster: "shared", instanceTypes: { "cpu-small": small }, defaultInstanceType: "cpu-small" } }) }), TEST_CONTEXT);
        expect(c.kubernetes.clusters.shared.azureml).toEqual({
            enableTraining: true,
            enableInference: true,
            ...https,
            inferenceRouterServiceType: "loadBalancer",
            internalLoadBalancer: true,
            allowInsecureConnections: false,
            inferenceRouterHA: true,
            installNvidiaDevicePlugin: false,
            installPromOp: true,
            installVolcano: true,
            installDcgmExporter: false,
            releaseTrain: "stable",
            autoUpgradeMinorVersion: true,
        });
        expect(c.compute.kubernetes["ml-aks"].namespace).toBe("default");
    });

    it("two teams may attach one cluster, each in its own namespace, sharing an instance type defined alike", () => {
        const t = { instanceTypes: { "cpu-small": small } };
        expect(problemLines(baseConfig({ ...cluster(), ...teams({ "risk-aks": { cluster: "shared", namespace: "risk", ...t } }, { "fraud-aks": { cluster: "shared", namespace: "fraud", ...t } }) }))).toEqual([]);
    });
});

describe("cluster problems", () => {
    it("the cluster ID must name an AKS cluster", () => {
        expect(problemLines(baseConfig({ kubernetes: { clusters: { shared: { existingId: `${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/arc`, azureml: { enableTraining: true, enableInference: false } } } } }))).toEqual([
            `${P}.kubernetes.clusters.shared.existingId: is a Microsoft.Kubernetes/connectedClusters ID (give the ID of a Microsoft.ContainerService/managedClusters)`,
        ]);
    });
    it("a cluster in another subscription than the adopted resource group is refused", () => {
        const raw = baseConfig({ resourceGroup: { existingId: "/subscriptions/00000000-0000-0000-0000-00000000b002/resourceGroups/rg-ml" }, ...cluster() });
        expect(problemLines(raw)).toEqual([expect.stringMatching(new RegExp(`^${P}\\.kubernetes\\.clusters\\.shared\\.existingId: is in subscription 00000000-0000-0000-0000-00000000a001, not the platform's .*across subscriptions`))]);
    });
    it("a private stack needs the cluster in its region", () => {
        expect(problemLines(baseConfig(cluster({}, { location: "northeurope" })))).toEqual([
            `${P}.kubernetes.clusters.shared.location: is northeurope, but a workspace with a private endpoint needs its AKS cluster in its own region (westeurope) (use a cluster in westeurope)`,
        ]);
    });
    it("an extension with neither training nor inference is refused", () => {
        expect(problemLines(baseConfig({ kubernetes: { clusters: { shared: { existingId: CLUSTER_ID, azureml: { enableTraining: false, enableInference: false } } } } }))).toEqual([
            `${P}.kubernetes.clusters.shared.azureml.enableTraining: and enableInference are both false: the extension would run nothing (set enableTraining: true (jobs) and/or enableInference: true (online endpoints))`,
        ]);
    });
    it("the toggles are required: no silent default", () => {
        expect(problemLines(baseConfig({ kubernetes: { clusters: { shared: { existingId: CLUSTER_ID, azureml: {} } } } }))).toEqual([
            expect.stringContaining(`${P}.kubernetes.clusters.shared.azureml`),
            expect.stringContaining(`${P}.kubernetes.clusters.shared.azureml`),
        ]);
    });
    it("a public inference router in a private stack is refused", () => {
        expect(problemLines(baseConfig(cluster({ internalLoadBalancer: false })))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.kubernetes\\.clusters\\.shared\\.azureml\\.internalLoadBalancer: is false, which gives the inference router a public load balancer in a private stack`)),
        ]);
        // Allowed when the stack is public (the policy pack still reports it).
        expect(problemLines(baseConfig({ network: { publicNetworkAccess: "Enabled" }, ...cluster({ internalLoadBalancer: false }) }))).toEqual([]);
    });
    it("plain HTTP is refused in production, and needs saying outside it", () => {
        const insecure = { allowInsecureConnections: true, sslCname: undefined, sslSecretName: undefined };
        expect(problemLines(baseConfig(cluster(insecure)))).toEqual([]);
        expect(k8sLines(baseConfig({ environment: "prod", ...cluster(insecure) }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.kubernetes\\.clusters\\.shared\\.azureml\\.allowInsecureConnections: is true in a production stack`)),
        ]);
        expect(problemLines(baseConfig(cluster({ sslCname: undefined, sslSecretName: undefined })))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.kubernetes\\.clusters\\.shared\\.azureml\\.sslCname: and a certificate are required for inference`)),
        ]);
    });
    it("a CNAME needs a certificate, a certificate needs a CNAME, a key needs its certificate", () => {
        expect(problemLines(baseConfig(cluster({ sslSecretName: undefined })))).toEqual([
            `${P}.kubernetes.clusters.shared.azureml.sslCname: is set without a certificate (add sslSecretName (a secret with cert.pem and key.pem in the azureml namespace) or sslCertPemSecret + sslKeyPemSecret)`,
            expect.stringMatching(/azureml\.sslCname: and a certificate are required for inference/),
        ]);
        expect(problemLines(baseConfig(cluster({ sslCname: undefined })))).toEqual([
            `${P}.kubernetes.clusters.shared.azureml.sslCname: is required with a certificate: the HTTPS endpoint is served under this name (set sslCname to the DNS name the certificate is issued for)`,
        ]);
        expect(problemLines(baseConfig(cluster({ sslSecretName: undefined, sslCertPemSecret: "aksTlsCert" })))).toEqual([
            `${P}.kubernetes.clusters.shared.azureml.sslKeyPemSecret: is missing: a certificate is given without its key (give both sslCertPemSecret and sslKeyPemSecret, or sslSecretName instead)`,
            expect.stringMatching(/azureml\.sslCname: is set without a certificate/),
            expect.stringMatching(/azureml\.sslCname: and a certificate are required for inference/),
        ]);
    });
    it("inference settings without inference are refused", () => {
        expect(problemLines(baseConfig({ kubernetes: { clusters: { shared: { existingId: CLUSTER_ID, azureml: { enableTraining: true, enableInference: false, inferenceRouterHA: false } } } } }))).toEqual([
            `${P}.kubernetes.clusters.shared.azureml.inferenceRouterHA: applies to inference, which is not enabled (remove it, or set enableInference: true)`,
        ]);
    });
});

describe("attachment problems", () => {
    it("an unknown cluster key, with a guess", () => {
        expect(problemLines(baseConfig({ ...cluster(), ...attach({ "ml-aks": { cluster: "shard" } }) }))).toEqual([`${P}.compute.kubernetes.ml-aks.cluster: "shard" is not a key of kubernetes.clusters (did you mean shared?)`]);
        expect(problemLines(baseConfig(attach({ "ml-aks": { cluster: "shared" } })))).toEqual([
            `${P}.compute.kubernetes.ml-aks.cluster: "shared" is not a key of kubernetes.clusters (add kubernetes.clusters.shared with its existingId (or create settings) and azureml settings)`,
        ]);
    });
    it("namespaces follow the Kubernetes rule and are not the extension's or the system's", () => {
        expect(problemLines(baseConfig({ ...cluster(), ...attach({ "a-aks": { cluster: "shared", namespace: "Risk_Team" }, "b-aks": { cluster: "shared", namespace: "azureml" }, "c-aks": { cluster: "shared", namespace: "kube-system" } }) }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.compute\\.kubernetes\\.a-aks\\.namespace: "Risk_Team" is not an RFC 1123 label`)),
            expect.stringMatching(new RegExp(`^${P}\\.compute\\.kubernetes\\.b-aks\\.namespace: "azureml" is the AzureML extension's own namespace`)),
            expect.stringMatching(new RegExp(`^${P}\\.compute\\.kubernetes\\.c-aks\\.namespace: "kube-system" is reserved`)),
        ]);
    });
    it("two attachments of one cluster in one namespace, across teams", () => {
        expect(problemLines(baseConfig({ ...cluster(), ...teams({ "risk-aks": { cluster: "shared" } }, { "fraud-aks": { cluster: "shared" } }) }))).toEqual([
            `${P}.teams.fraud.compute.kubernetes.fraud-aks.namespace: "default" of cluster shared is already the namespace of teams.risk.compute.kubernetes.risk-aks; attachments of one cluster isolate their workloads by namespace (give each attachment of the cluster its own namespace)`,
        ]);
    });
    it("instance types: names, quantities, requests above limits, one definition per cluster", () => {
        const bad = {
            "CPU_Small": small,
            big: { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "1", memory: "4Gi" } },
            odd: { requests: { cpu: "two", memory: "0" }, limits: { cpu: "1", memory: "4GB" } },
        };
        expect(problemLines(baseConfig({ ...cluster(), ...attach({ "ml-aks": { cluster: "shared", instanceTypes: bad } }) }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.compute\\.kubernetes\\.ml-aks\\.instanceTypes\\.CPU_Small: "CPU_Small" is not a Kubernetes object name`)),
            `${P}.compute.kubernetes.ml-aks.instanceTypes.big.requests.cpu: (2) is above limits.cpu (1); Kubernetes refuses such a pod (lower requests.cpu or raise limits.cpu)`,
            `${P}.compute.kubernetes.ml-aks.instanceTypes.big.requests.memory: (8Gi) is above limits.memory (4Gi); Kubernetes refuses such a pod (lower requests.memory or raise limits.memory)`,
            expect.stringMatching(/instanceTypes\.odd\.requests\.cpu: "two" is not a CPU quantity/),
            expect.stringMatching(/instanceTypes\.odd\.requests\.memory: "0" is below 1 MB/),
            expect.stringMatching(/instanceTypes\.odd\.limits\.memory: "4GB" is not a memory quantity/),
        ]);
        const other = { "cpu-small": { ...small, limits: { cpu: "2", memory: "4Gi" } } };
        expect(problemLines(baseConfig({ ...cluster(), ...teams({ "risk-aks": { cluster: "shared", namespace: "risk", instanceTypes: { "cpu-small": small } } }, { "fraud-aks": { cluster: "shared", namespace: "fraud", instanceTypes: other } }) }))).toEqual([
            `${P}.teams.fraud.compute.kubernetes.fraud-aks.instanceTypes.cpu-small: differs from teams.risk.compute.kubernetes.risk-aks.instanceTypes.cpu-small: an instance type is one object in the cluster, shared by every attachment (define it the same way in both places, or rename one)`,
        ]);
    });
    it("one default per cluster: two attachments whose defaults differ would write two defaultinstancetype objects", () => {
        const big = { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "16Gi" } };
        const types = { "cpu-small": small, "cpu-large": big };
        const risk = { "risk-aks": { cluster: "shared", namespace: "risk", defaultInstanceType: "cpu-small", instanceTypes: types } };
        expect(problemLines(baseConfig({ ...cluster(), ...teams(risk, { "fraud-aks": { cluster: "shared", namespace: "fraud", defaultInstanceType: "cpu-large", instanceTypes: types } }) }))).toEqual([
            `${P}.teams.fraud.compute.kubernetes.fraud-aks.defaultInstanceType: "cpu-large" differs from teams.risk.compute.kubernetes.risk-aks.defaultInstanceType: the default is the cluster's one defaultinstancetype object, shared by every attachment of cluster shared (give every attachment of the cluster the same default (defined the same way), or leave defaultInstanceType unset on all but one)`,
        ]);
        expect(problemLines(baseConfig({ ...cluster(), ...teams(risk, { "fraud-aks": { cluster: "shared", namespace: "fraud", defaultInstanceType: "cpu-small", instanceTypes: types } }) }))).toEqual([]);
    });
    it("GPUs only in limits", () => {
        expect(problemLines(baseConfig({ ...cluster(), ...attach({ "ml-aks": { cluster: "shared", instanceTypes: { gpu: { ...small, requests: { ...small.requests, gpu: 1 } } } } }) }))).toEqual([
            expect.stringContaining(`${P}.compute.kubernetes.ml-aks.instanceTypes.gpu.requests`),
        ]);
    });
    it("an unknown default instance type", () => {
        expect(problemLines(baseConfig({ ...cluster(), ...attach({ "ml-aks": { cluster: "shared", defaultInstanceType: "cpu-large", instanceTypes: { "cpu-small": small } } }) }))).toEqual([
            `${P}.compute.kubernetes.ml-aks.defaultInstanceType: "cpu-large" is not one of this attachment's instanceTypes (use one of: cpu-small)`,
        ]);
    });
    it("compute names follow the Azure ML rule and share one namespace with clusters and instances", () => {
        expect(problemLines(baseConfig({ ...cluster(), workspace: { imageBuildCompute: "cpu" }, compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 2 } }, kubernetes: { "aks-1": { cluster: "shared" }, CPU: { cluster: "shared", namespace: "other" } } } }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.compute\\.kubernetes\\.aks-1: Kubernetes compute name`)),
            expect.stringMatching(new RegExp(`^${P}\\.compute\\.kubernetes\\.CPU: has the name of compute\\.clusters\\.cpu`)),
        ]);
    });
});
