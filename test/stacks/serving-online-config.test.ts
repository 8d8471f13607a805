/**
 * Online endpoints (`host: managedOnline` / `kubernetesOnline`) in the stack config: valid
 * blue/green and mirror configs load; every problem (traffic, mirror, auth mode per host, the
 * Kubernetes compute of the same workspace and its instance types, managed VM sizes, autoscaling
 * bounds, public access in a private stack, other hosts' fields) is reported at its key path with
 * the fix, all in one run.
 */
import { loadPlatformConfig } from "../../stacks/config";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const SUB = "/subscriptions/00000000-0000-0000-0000-00000000a001";
const CLUSTER_ID = `${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-shared`;
const DIGEST = `sha256:${"a".repeat(64)}`;
const small = { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "1", memory: "4Gi" } };

const serving = (endpoints: Record<string, unknown>) => ({
    images: { scorer: { reference: `crexample.azurecr.io/scorer@${DIGEST}` } },
    models: { "credit-risk": { versions: { "1": { path: "https://stexample.blob.core.windows.net/models/credit-risk/1" }, "2": { path: "https://stexample.blob.core.windows.net/models/credit-risk/2" } } } },
    endpoints,
    // Endpoints alert by default; these tests are about the online hosts, so the block names an action group.
    alerts: { actionGroup: { emails: ["ml-oncall@contoso.example"] } },
});
const cluster = { kubernetes: { clusters: { shared: { existingId: CLUSTER_ID, azureml: { enableTraining: true, enableInference: true, sslCname: "scoring.example.com", sslSecretName: "azureml-tls" } } } } };
/** Two teams: risk serves, fraud owns the Kubernetes compute `fraud-aks`; risk owns `risk-aks`. */
const config = (endpoints: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    baseConfig({
        ...cluster,
        teams: {
            risk: { compute: { kubernetes: { "risk-aks": { cluster: "shared", namespace: "risk", instanceTypes: { "cpu-small": small }, defaultInstanceType: "cpu-small" } } }, serving: serving(endpoints) },
            fraud: { compute: { kubernetes: { "fraud-aks": { cluster: "shared", namespace: "fraud", instanceTypes: { "cpu-small": small } } } } },
        },
        ...extra,
    });
const E = `${P}.teams.risk.serving.endpoints`;
const onlineLines = (raw: unknown): string[] => problemLines(raw).filter((l) => l.includes(".serving."));

const blueGreen = {
    host: "managedOnline",
    deployments: {
        blue: { model: "credit-risk:1", image: "scorer", traffic: 90 },
        green: { model: "credit-risk:2", image: "scorer", traffic: 10 },
    },
};

describe("valid online endpoints", () => {
    it("a managed blue/green 90/10 and a mirrored shadow load, token auth by default", () => {
        const shadow = { host: "managedOnline", deployments: { blue: { model: "credit-risk:1", image: "scorer", traffic: 100 }, shadow: { model: "credit-risk:2", image: "scorer", mirrorTraffic: 10 } } };
        const c = loadPlatformConfig(config({ scoring: blueGreen, shadowed: shadow }), TEST_CONTEXT);
        expect(c.teams?.risk.serving?.endpoints?.scoring.authMode).toBe("aadToken");
        expect(onlineLines(config({ scoring: blueGreen, shadowed: shadow }))).toEqual([]);
    });
    it("a Kubernetes endpoint on its workspace's compute with amlToken, and an only deployment taking all traffic", () => {
        const k8s = { host: "kubernetesOnline", compute: "risk-aks", authMode: "amlToken", deployments: { blue: { model: "credit-risk:1", image: "scorer", instanceType: "cpu-small" } } };
        expect(onlineLines(config({ k8s }))).toEqual([]);
    });
});

describe("traffic and mirror", () => {
    it("traffic that does not sum to 100 is refused at the deployments", () => {
        const e = { host: "managedOnline", deployments: { blue: { model: "credit-risk:1", image: "scorer", traffic: 80 }, green: { model: "credit-risk:2", image: "scorer", traffic: 10 } } };
        expect(onlineLines(config({ scoring: e }))).toEqual([
            `${E}.scoring.deployments: the deployments' live traffic sums to 90, not 100 (give the deployments traffic percentages that add up to 100)`,
        ]);
    });
    it("two deployments without traffic give none live traffic: refused", () => {
        const e = { host: "managedOnline", deployments: { blue: { model: "credit-risk:1", image: "scorer" }, green: { model: "credit-risk:2", image: "scorer" } } };
        expect(onlineLines(config({ scoring: e }))).toEqual([expect.stringContaining(`${E}.scoring.deployments: the deployments' live traffic sums to 0, not 100`)]);
    });
    it("mirroring to a live deployment, to two deployments, or on Kubernetes is refused", () => {
        const both = { host: "managedOnline", deployments: { blue: { model: "credit-risk:1", image: "scorer", traffic: 90, mirrorTraffic: 10 }, green: { model: "credit-risk:2", image: "scorer", traffic: 10 } } };
        expect(onlineLines(config({ scoring: both }))).toEqual([expect.stringContaining(`${E}.scoring.deployments: mirrors to "blue", which also has 90% live traffic`)]);
        const two = {
            host: "managedOnline",
            deployments: { blue: { model: "credit-risk:1", image: "scorer", traffic: 100 }, a: { model: "credit-risk:2", image: "scorer", mirrorTraffic: 30 }, b2: { model: "credit-risk:2", image: "scorer", mirrorTraffic: 30 } },
        };
        const lines = onlineLines(config({ scoring: two }));
        expect(lines).toEqual(
            expect.arrayContaining([
                expect.stringContaining("mirrors to 2 deployments (a, b2); an endpoint mirrors to one"),
                expect.stringContaining("mirrors 60% of the traffic; at most 50%"),
                expect.stringContaining(`${E}.scoring.deployments.a: online deployment name must be`),
            ]),
        );
        const k8s = { host: "kubernetesOnline", compute: "risk-aks", authMode: "key", deployments: { blue: { model: "credit-risk:1", image: "scorer", traffic: 100 }, green: { model: "credit-risk:2", image: "scorer", mirrorTraffic: 10 } } };
        expect(onlineLines(config({ k8s }))).toEqual([expect.stringContaining(`${E}.k8s.deployments: is set, but Kubernetes online endpoints do not mirror traffic`)]);
    });
});

describe("hosts, computes and sizes", () => {
    it("a Kubernetes endpoint with the default aadToken is refused with the doc and the modes it offers", () => {
        const k8s = { host: "kubernetesOnline", compute: "risk-aks", deployments: { blue: { model: "credit-risk:1", image: "scorer" } } };
        expect(onlineLines(config({ k8s }))).toEqual([
            `${E}.k8s.authMode: aadToken (the default) is not offered by kubernetesOnline endpoints: Microsoft Entra tokens are for managed online endpoints only ("Authenticate clients for online endpoints") (set authMode: amlToken or key (amlToken: short-lived tokens; key: static keys))`,
        ]);
    });
    it("compute is required, and must be a Kubernetes compute of the same workspace", () => {
        const none = { host: "kubernetesOnline", authMode: "key", deployments: { blue: { model: "credit-risk:1", image: "scorer" } } };
        expect(onlineLines(config({ k8s: none }))).toEqual([`${E}.k8s.compute: is required for a kubernetesOnline endpoint (name a Kubernetes compute of teams.risk.compute.kubernetes (risk-aks))`]);
        const foreign = { ...none, compute: "fraud-aks" };
        expect(onlineLines(config({ k8s: foreign }))).toEqual([
            `${E}.k8s.compute: "fraud-aks" is not a Kubernetes compute of this workspace (name one of teams.risk.compute.kubernetes (risk-aks); an endpoint runs on its own workspace's compute)`,
        ]);
    });
    it("an instance type that the cluster does not offer fails with the key path", () => {
        const k8s = { host: "kubernetesOnline", compute: "risk-aks", authMode: "key", deployments: { blue: { model: "credit-risk:1", image: "scorer", instanceType: "gpu-large" } } };
        expect(onlineLines(config({ k8s }))).toEqual([
            `${E}.k8s.deployments.blue.instanceType: "gpu-large" is an instance type that the cluster does not offer to compute risk-aks (use one of: cpu-small, defaultinstancetype, or declare it under teams.risk.compute.kubernetes.risk-aks.instanceTypes)`,
        ]);
    });
    it("a managed VM size outside the SKU list, maxInstances below instanceCount, and unknown model and image are refused together", () => {
        const e = { host: "managedOnline", deployments: { blue: { model: "credit-risk:9", image: "scorerx", instanceType: "Standard_B2s", instanceCount: 3, scale: { maxInstances: 2 } } } };
        expect(onlineLines(config({ scoring: e }))).toEqual([
            expect.stringContaining(`${E}.scoring.deployments.blue.instanceType: "Standard_B2s" is not a VM size of managed online endpoints ("Managed online endpoints SKU list")`),
            `${E}.scoring.deployments.blue.scale.maxInstances: (2) is below instanceCount (3), the autoscaler's minimum (set maxInstances to at least 3)`,
            // The unknown names are reported by the artifacts check, once for every host.
            `${E}.scoring.deployments.blue.image: names scorerx, which is not an image of teams.risk.serving.images (use one of scorer)`,
            `${E}.scoring.deployments.blue.model: names credit-risk:9, which is not a version of teams.risk.serving.models (use one of credit-risk:1, credit-risk:2)`,
        ]);
    });
    it("deployments are required; other hosts' fields and managed-only settings are refused at their keys", () => {
        expect(onlineLines(config({ scoring: { host: "managedOnline" } }))).toEqual([expect.stringContaining(`${E}.scoring.deployments: is required for a managedOnline endpoint`)]);
        const e = { ...blueGreen, cluster: "shared", replicas: 3, cpu: 2, compute: "risk-aks" };
        expect(onlineLines(config({ scoring: e }))).toEqual([
            expect.stringContaining(`${E}.scoring.cpu: is a setting of the containerInstance and kubernetes hosts, not of managedOnline`),
            expect.stringContaining(`${E}.scoring.cluster: is a setting of the containerInstance and kubernetes hosts`),
            expect.stringContaining(`${E}.scoring.replicas: is a setting of the containerInstance and kubernetes hosts`),
            expect.stringContaining(`${E}.scoring.compute: is a setting of kubernetesOnline endpoints`),
        ]);
    });
    it("request durations must be ISO 8601, the timeout at most 180 seconds", () => {
        const e = { host: "managedOnline", deployments: { blue: { model: "credit-risk:1", image: "scorer", requestSettings: { requestTimeout: "PT5M", maxQueueWait: "500ms" } } } };
        expect(onlineLines(config({ scoring: e }))).toEqual([
            `${E}.scoring.deployments.blue.requestSettings.requestTimeout: (PT5M) is longer than the 180 seconds Azure allows ("CLI (v2) managed online deployment YAML schema") (set at most PT180S)`,
            `${E}.scoring.deployments.blue.requestSettings.maxQueueWait: "500ms" is not an ISO 8601 duration above zero (write it like PT5S or PT0.5S)`,
        ]);
    });
    it("a public endpoint in a private stack is refused", () => {
        const e = { ...blueGreen, publicNetworkAccess: "Enabled" };
        expect(onlineLines(config({ scoring: e }, { network: { publicNetworkAccess: "Disabled" } }))).toEqual([
            expect.stringContaining(`${E}.scoring.publicNetworkAccess: is Enabled, but network.publicNetworkAccess is Disabled`),
        ]);
    });
});
