/**
 * The pure Kubernetes rules without mocks: the extension's settings as the CLI sends them, the
 * instance type custom resources and quantities, and the simulator's refusals (an attach without the
 * AzureML extension on a cluster the stack declares; a cluster of another subscription; a
 * namespace-scoped or certificate-less extension).
 */
import { azureMlConfigurationSettings, azureMlExtensionProblems, pemToSetting, resolveAzureMlExtensionSettings } from "../../../components/kubernetes/azureml-extension-settings";
import { cpuCores, instanceTypeListJson, instanceTypeManifests, memoryBytes, namespaceProblem } from "../../../components/kubernetes/instance-types";
import { armRejections, type RuleSubject } from "../../../offline/azure-sim/arm-rules";
import { SECRET_SIG, SIG_KEY } from "../../../offline/wire";

const SUB = "00000000-0000-0000-0000-00000000a001";
const CLUSTER_ID = `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks`;
const cluster = { id: CLUSTER_ID, name: "aks", location: "westeurope" };

describe("the extension's settings", () => {
    it("default to an internal load balancer and HTTPS, as the CLI sends them", () => {
        const s = resolveAzureMlExtensionSettings({ enableTraining: true, enableInference: true, sslCname: "ml.example.com", sslSecretName: "tls" });
        expect(azureMlConfigurationSettings(s, cluster)).toEqual({
            enableTraining: "True",
            enableInference: "True",
            installNvidiaDevicePlugin: "False",
            installPromOp: "True",
            installVolcano: "True",
            installDcgmExporter: "False",
            "relayserver.enabled": "false",
            "servicebus.enabled": "false",
            "nginxIngress.enabled": "true",
            cluster_name: CLUSTER_ID,
            clusterId: CLUSTER_ID,
            "prometheus.prometheusSpec.externalLabels.cluster_name": CLUSTER_ID,
            cluster_name_friendly: "aks",
            location: "westeurope",
            jobSchedulerLocation: "westeurope",
            domain: "westeurope.cloudapp.azure.com",
            inferenceRouterServiceType: "loadBalancer",
            internalLoadBalancerProvider: "azure",
            "scoringFe.serviceType.internalLoadBalancer": "True",
            allowInsecureConnections: "False",
            inferenceRouterHA: "True",
            sslCname: "ml.example.com",
            sslSecret: "tls",
            "scoringFe.sslSecret": "tls",
        });
    });

    it("send no router settings for training alone, and node selectors as nodeSelector.<label>", () => {
        const out = azureMlConfigurationSettings(resolveAzureMlExtensionSettings({ enableTraining: true, enableInference: false, nodeSelector: { pool: "ml" } }), cluster);
        expect(out["nodeSelector.pool"]).toBe("ml");
        expect(Object.keys(out).filter((k) => /inference|scoringFe|ssl|LoadBalancer/i.test(k) && k !== "enableInference")).toEqual([]);
    });

    it("mark a node port for the router, never with an internal load balancer", () => {
        const out = azureMlConfigurationSettings(resolveAzureMlExtensionSettings({ enableTraining: false, enableInference: true, inferenceRouterServiceType: "nodePort", allowInsecureConnections: true }), cluster);
        expect(out["scoringFe.serviceType.nodePort"]).toBe("True");
        expect(out.internalLoadBalancerProvider).toBeUndefined();
        expect(azureMlExtensionProblems({ enableTraining: false, enableInference: true, inferenceRouterServiceType: "nodePort", internalLoadBalancer: true, allowInsecureConnections: true }, { privateStack: true, production: false }).map((p) => p.key)).toEqual([
            "internalLoadBalancer",
        ]);
    });

    it("encode a PEM as the CLI does (base64 of the text)", () => {
        expect(pemToSetting("-----BEGIN CERTIFICATE-----\n")).toBe("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==");
    });

    it("accept HTTPS with a certificate pair and refuse a secret with it", () => {
        const ctx = { privateStack: true, production: true };
        expect(azureMlExtensionProblems({ enableTraining: false, enableInference: true, sslCname: "ml.example.com", hasSslCertPem: true, hasSslKeyPem: true }, ctx)).toEqual([]);
        expect(azureMlExtensionProblems({ enableTraining: false, enableInference: true, sslCname: "ml.example.com", sslSecretName: "tls", hasSslCertPem: true, hasSslKeyPem: true }, ctx).map((p) => p.key)).toEqual(["sslSecretName"]);
    });
});

describe("instance types", () => {
    const small = { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: "4Gi" } };
    const gpu = { nodeSelector: { pool: "gpu" }, requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "8", memory: "32Gi", gpu: 1 } };

    it("become InstanceType custom resources, the default one also as defaultinstancetype", () => {
        expect(instanceTypeManifests({ "cpu-small": small, "gpu-large": gpu }, "cpu-small")).toEqual([
            { apiVersion: "amlarc.azureml.com/v1alpha1", kind: "InstanceType", metadata: { name: "cpu-small" }, spec: { resources: { requests: small.requests, limits: small.limits } } },
            {
                apiVersion: "amlarc.azureml.com/v1alpha1",
                kind: "InstanceType",
                metadata: { name: "gpu-large" },
                spec: { nodeSelector: { pool: "gpu" }, resources: { requests: gpu.requests, limits: { cpu: "8", memory: "32Gi", "nvidia.com/gpu": 1 } } },
            },
            { apiVersion: "amlarc.azureml.com/v1alpha1", kind: "InstanceType", metadata: { name: "defaultinstancetype" }, spec: { resources: { requests: small.requests, limits: small.limits } } },
        ]);
        expect(instanceTypeManifests({ "cpu-small": small })).toHaveLength(1);
    });

    it("are offered as one InstanceTypeList document, as the docs create several at once", () => {
        const list = JSON.parse(instanceTypeListJson({ "cpu-small": small }, "cpu-small")) as { apiVersion: string; kind: string; items: { metadata: { name: string } }[] };
        expect([list.apiVersion, list.kind, list.items.map((i) => i.metadata.name)]).toEqual(["amlarc.azureml.com/v1alpha1", "InstanceTypeList", ["cpu-small", "defaultinstancetype"]]);
    });

    it("read Kubernetes quantities", () => {
        expect([cpuCores("500m"), cpuCores("2"), cpuCores("0.5"), cpuCores("1.5m"), cpuCores("two")]).toEqual([0.5, 2, 0.5, 0.0015, undefined]);
        expect([memoryBytes("1Gi"), memoryBytes("1500Mi"), memoryBytes("1G"), memoryBytes("4GB")]).toEqual([2 ** 30, 1500 * 2 ** 20, 1e9, undefined]);
    });

    it("namespaces are RFC 1123 labels of at most 63 characters", () => {
        expect(namespaceProblem("risk")).toBeUndefined();
        expect(namespaceProblem("a".repeat(64))).toMatch(/at most 63/);
        expect(namespaceProblem("-risk")).toMatch(/RFC 1123/);
    });
});

describe("the simulator", () => {
    const compute = (clusterId: string): RuleSubject["inputs"] => ({ resourceGroupName: "rg-ml", workspaceName: "mlw", computeName: "k8s", properties: { computeType: "Kubernetes", resourceId: clusterId, disableLocalAuth: true } });
    const subject = (inputs: RuleSubject["inputs"], created: { type: string; id: string; inputs: Record<string, unknown> }[]): RuleSubject => ({
        type: "azure-native:machinelearningservices:Compute",
        logicalName: "k8s",
        inputs,
        subscriptionId: SUB,
        lookup: (id) => created.find((r) => r.id.toLowerCase() === id.toLowerCase()),
        all: () => created.map((r) => ({ ...r, logicalName: r.type })),
    });
    const aks = { type: "azure-native:containerservice:ManagedCluster", id: CLUSTER_ID, inputs: {} };
    const ext = { type: "azure-native:kubernetesconfiguration:Extension", id: `${CLUSTER_ID}/providers/Microsoft.KubernetesConfiguration/extensions/azureml`, inputs: { extensionType: "Microsoft.AzureML.Kubernetes" } };

    it("refuses attaching a cluster of the stack that has no AzureML extension", () => {
        expect(armRejections(subject(compute(CLUSTER_ID), [aks]))).toEqual([expect.stringContaining('has no Microsoft.AzureML.Kubernetes extension in the stack; attach fails with "extension not installed"')]);
        expect(armRejections(subject(compute(CLUSTER_ID), [aks, ext]))).toEqual([]);
        // An adopted cluster may carry the extension already: not refused.
        expect(armRejections(subject(compute(CLUSTER_ID), []))).toEqual([]);
    });

    it("refuses a cluster of another subscription", () => {
        expect(armRejections(subject(compute(CLUSTER_ID.replace(SUB, "00000000-0000-0000-0000-00000000b002")), []))).toEqual([expect.stringContaining("across subscriptions")]);
    });

    it("refuses a namespace-scoped AzureML extension and inference without a certificate", () => {
        const s: RuleSubject = {
            type: "azure-native:kubernetesconfiguration:Extension",
            logicalName: "azureml",
            inputs: { extensionType: "Microsoft.AzureML.Kubernetes", scope: { namespace: { targetNamespace: "ml" } }, configurationSettings: { enableInference: "True", allowInsecureConnections: "False" } },
            subscriptionId: SUB,
            lookup: () => undefined,
            all: () => [],
        };
        const [found] = armRejections(s);
        expect(found).toContain("scope.namespace: the AzureML extension installs only at cluster scope");
        expect(found).toContain("inference over HTTPS needs a certificate");
        // A settings map holding a secret (the secret's name) reaches ARM marked secret as a whole: read through it.
        const wrapped = { [SIG_KEY]: SECRET_SIG, value: { enableInference: "True", allowInsecureConnections: "False", "scoringFe.sslSecret": { [SIG_KEY]: SECRET_SIG, value: "tls" } } };
        expect(armRejections({ ...s, inputs: { extensionType: "Microsoft.AzureML.Kubernetes", scope: { cluster: { releaseNamespace: "azureml" } }, configurationSettings: wrapped } })).toEqual([]);
    });
});
