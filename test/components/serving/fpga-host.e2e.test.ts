/**
 * `host: fpga` under the offline engine (simulated Azure and Kubernetes + capture), in one program
 * run: a created cluster in eastus with an NP10s pool and two FPGA endpoints on it through the host
 * factory. The pool's taint and label as ARM receives them, ONE device plugin per cluster (its
 * DaemonSet only on the FPGA pool), the FPGA Deployments (limit, toleration, selector, the Kubernetes
 * host's hardening), waiting for the plugin, and the Kubernetes policies with the stack's device
 * plugin exemption: nothing reported once the plugin's image is mirrored and pinned.
 */
import * as pulumi from "@pulumi/pulumi";
import { AksCluster } from "../../../components";
import { createFpgaEndpoint } from "../../../components/serving/hosts/fpga-host";
import type { ServingContext } from "../../../components/serving/serving-context";
import type { ResolvedServing } from "../../../components/serving/platform-serving-args";
import type { CapturedResource } from "../../../offline/graph";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { allPolicies } from "../../../policies/all";
import * as k8sRules from "../../../policies/rules/kubernetes";
import { fakeKubernetesArtifacts } from "../../helpers/serving-fakes-kubernetes";
import { at } from "../../helpers/stack";

const SUB = "00000000-0000-0000-0000-000000000000";
const TENANT = "00000000-0000-0000-0000-0000000000aa";
const RG = "rg-aml-edge";
const LAW = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aml-edge`;
const ACR = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerRegistry/registries/cramledge`;
const APPI = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Insights/components/appi-aml-edge`;
const IMAGE = `cramledge.azurecr.io/fpga-scorer@sha256:${"d".repeat(64)}`;
const RESOURCE = "amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-1604359526";
/** The edge stack's policy config: the device plugin named in both policies with a device-plugin exemption. */
const PLUGIN_ENTRY = { devicePluginWorkloads: ["fpga-device-plugin/xilinx-fpga-device-plugin"] };
const NAMED_PLUGIN = { "k8s-non-root-read-only-fs": PLUGIN_ENTRY, "k8s-no-host-access": PLUGIN_ENTRY };
/** The plugin mirrored into the workspace registry and pinned (kubernetes.clusters.<key>.create.fpgaDevicePluginImage). */
const PLUGIN_IMAGE = `cramledge.azurecr.io/xilinx/k8s-device-plugin@sha256:${"e".repeat(64)}`;

let run: StackRun;
const warnings: string[] = [];
beforeAll(async () => {
    const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(async (message: string) => void warnings.push(message));
    run = await runProgram(
        () => {
            // A legacy PB pool: accepted, never silently (AksCluster warns).
            new AksCluster("legacy", { resourceGroupName: RG, location: "eastus", tags: { owner: "ml" }, tenantId: TENANT, subscriptionId: SUB, logAnalyticsWorkspaceId: LAW, clusterName: "aks-legacy", userPools: [{ name: "pb", vmSize: "Standard_PB6s", maxCount: 1 }] });
            const aks = new AksCluster("fpga", {
                resourceGroupName: RG,
                location: "eastus",
                tags: { owner: "ml" },
                tenantId: TENANT,
                subscriptionId: SUB,
                logAnalyticsWorkspaceId: LAW,
                clusterName: "aks-fpga",
                userPools: [{ name: "fpga", vmSize: "Standard_NP10s", maxCount: 2, nodeLabels: { team: "cv" } }],
            });
            const parent = new pulumi.ComponentResource("test:index:Serving", "platform-serving");
            const ctx: ServingContext = {
                name: "platform",
                namePrefix: "aml-edge",
                uniqueBy: ["aml-edge"],
                resourceGroupName: RG,
                location: "eastus",
                tags: { owner: "ml" },
                subscriptionId: SUB,
                tenantId: TENANT,
                workspace: {
                    name: "mlw-edge",
                    id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-edge`,
                    principalId: "00000000-0000-0000-0000-00000000d001",
                    storageAccountId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stamledge`,
                    registryId: ACR,
                    registryLoginServer: "cramledge.azurecr.io",
                    applicationInsightsId: APPI,
                    applicationInsightsConnectionString: pulumi.secret("InstrumentationKey=00000000-0000-0000-0000-00000000e001"),
                },
                publicNetworkAccess: "Disabled",
                logAnalyticsWorkspaceId: LAW,
                virtualNetworkAddressSpace: ["10.30.0.0/16"],
                clusters: {
                    fpga: { id: aks.id, created: true, kubeconfig: aks.userKubeconfig, oidcIssuerUrl: aks.oidcIssuerUrl, kubeletIdentityObjectId: aks.kubeletIdentityObjectId, userPoolVmSizes: ["Standard_NP10s"], fpgaDevicePluginImage: PLUGIN_IMAGE, ready: [aks] },
                },
                kubernetesComputes: {},
                dependsOn: [],
            };
            const serving: ResolvedServing = {
                images: { scorer: { reference: IMAGE } },
                models: {},
                endpoints: {
                    vision: { host: "fpga", cluster: "fpga", image: "scorer", fpgaResource: RESOURCE, replicas: 2, minAvailable: 1 },
                    ocr: { host: "fpga", cluster: "fpga", image: "scorer", fpgaResource: RESOURCE, serviceType: "ClusterIP" },
                },
                alerts: {},
            };
            const artifacts = fakeKubernetesArtifacts({ scorer: IMAGE }, {});
            const made = Object.fromEntries(Object.entries(serving.endpoints).map(([key, endpoint]) => [key, createFpgaEndpoint({ key, endpoint, serving, artifacts, ctx, parent })]));
            // The library refuses what the config checks refuse first: a cluster without an NP pool, a foreign resource name.
            const refusal = (endpoint: ResolvedServing["endpoints"][string], clusterOver: Partial<ServingContext["clusters"][string]>): string => {
                const c2 = { ...ctx, clusters: { fpga: { ...ctx.clusters.fpga, ...clusterOver } } };
                try {
                    createFpgaEndpoint({ key: "bad", endpoint, serving, artifacts, ctx: c2, parent });
                    return "created";
                } catch (e) {
                    return (e as Error).message;
                }
            };
            const refusals = [
                refusal({ host: "fpga", cluster: "fpga", image: "scorer", fpgaResource: RESOURCE }, { userPoolVmSizes: ["Standard_PB6s", "Standard_D8ds_v5"] }),
                refusal({ host: "fpga", cluster: "fpga", image: "scorer", fpgaResource: "nvidia.com/gpu" }, {}),
                refusal({ host: "fpga", cluster: "fpga", image: "scorer" }, {}),
            ];
            return { visionUri: made.vision.scoringUri, ocrUri: made.ocr.scoringUri, refusals };
        },
        { stack: "edge" },
    );
    warn.mockRestore();
});

const ofType = (type: string): CapturedResource[] => run.graph.resources.filter((r) => r.type === type);
const one = (type: string, name: string): CapturedResource => {
    const found = run.graph.resources.filter((r) => r.type === type && r.name === name);
    expect(found).toHaveLength(1);
    return found[0];
};
const PLUGIN = "aks-fpga-fpga-device-plugin";

describe("the FPGA pool", () => {
    it("a retired PB pool is created tainted too, with a warning naming the pool", () => {
        expect(warnings.filter((w) => w.includes("PB-series"))).toEqual([expect.stringMatching(/^AKS user pool pb: Standard_PB6s \(Intel Arria 10\) is a PB-series size, which Azure has retired/)]);
        expect(one("azure-native:containerservice:AgentPool", "legacy-pool-pb").inputs.nodeTaints).toEqual(["sku=fpga:NoSchedule"]);
    });

    it("is an NP10s user pool, tainted sku=fpga:NoSchedule and labelled, the user's label kept", () => {
        const pool = one("azure-native:containerservice:AgentPool", "fpga-pool-fpga").inputs;
        expect(pool).toMatchObject({ vmSize: "Standard_NP10s", mode: "User", nodeTaints: ["sku=fpga:NoSchedule"], nodeLabels: { team: "cv", "aml-workspace/accelerator": "fpga" } });
    });
});

describe("the device plugin", () => {
    it("is made once per cluster, in its own namespace behind a default-deny policy, through the Entra ID provider", () => {
        expect(ofType("kubernetes:apps/v1:DaemonSet").map((d) => d.name)).toEqual([`${PLUGIN}-daemonset`]);
        const ns = one("kubernetes:core/v1:Namespace", `${PLUGIN}-namespace`).inputs;
        expect(at(ns, "metadata.labels")).toMatchObject({ "pod-security.kubernetes.io/enforce": "privileged", "pod-security.kubernetes.io/warn": "baseline" });
        expect(at(one("kubernetes:networking.k8s.io/v1:NetworkPolicy", `${PLUGIN}-deny-all`).inputs, "spec.policyTypes")).toEqual(["Ingress", "Egress"]);
        const ds = one("kubernetes:apps/v1:DaemonSet", `${PLUGIN}-daemonset`);
        expect(ds.dependencies).toContain(one("kubernetes:core/v1:Namespace", `${PLUGIN}-namespace`).urn);
        expect(ds.provider).toContain(`${PLUGIN}-provider`);
    });

    it("runs only on the FPGA pool, with the cluster's mirrored image, root without privilege, one hostPath", () => {
        const ds = one("kubernetes:apps/v1:DaemonSet", `${PLUGIN}-daemonset`).inputs;
        expect(at(ds, "metadata.namespace")).toBe("fpga-device-plugin");
        expect(at(ds, "spec.template.spec.nodeSelector")).toEqual({ "aml-workspace/accelerator": "fpga" });
        expect(at(ds, "spec.template.spec.tolerations")).toEqual([{ key: "sku", operator: "Equal", value: "fpga", effect: "NoSchedule" }]);
        expect(at(ds, "spec.template.spec.containers.0.image")).toBe(PLUGIN_IMAGE);
        expect(at(ds, "spec.template.spec.containers.0.securityContext.privileged")).toBe(false);
        expect(at(ds, "spec.template.spec.volumes")).toEqual([{ name: "device-plugins", hostPath: { path: "/var/lib/kubelet/device-plugins", type: "Directory" } }]);
    });
});

describe("the FPGA endpoints", () => {
    it("request one FPGA, tolerate the taint, select the pool, and wait for the device plugin", () => {
        const d = one("kubernetes:apps/v1:Deployment", "platform-fpga-vision-deployment");
        expect(at(d.inputs, "spec.template.spec.containers.0.resources.limits")).toEqual({ cpu: "1", memory: "2Gi", [RESOURCE]: "1" });
        expect(at(d.inputs, "spec.template.spec.tolerations")).toEqual([{ key: "sku", operator: "Equal", value: "fpga", effect: "NoSchedule" }]);
        expect(at(d.inputs, "spec.template.spec.nodeSelector")).toEqual({ "aml-workspace/accelerator": "fpga" });
        expect(at(d.inputs, "spec.template.spec.containers.0.securityContext.runAsNonRoot")).toBe(true);
        // A dependency on the plugin component reaches its children: the Deployment waits for the DaemonSet.
        expect(d.dependencies).toContain(one("kubernetes:apps/v1:DaemonSet", `${PLUGIN}-daemonset`).urn);
        expect(ofType("aml-workspace:index:KubernetesEndpoint").map((c) => c.name).sort()).toEqual(["platform-fpga-ocr", "platform-fpga-vision"]);
    });

    it("have the Kubernetes host's Service, autoscaler, budget and scoring URIs", () => {
        expect(at(one("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "platform-fpga-vision-autoscaler").inputs, "spec.minReplicas")).toBe(2);
        expect(at(one("kubernetes:policy/v1:PodDisruptionBudget", "platform-fpga-vision-disruption-budget").inputs, "spec.minAvailable")).toBe(1);
        expect(run.outputs.visionUri).toMatch(/^http:\/\/10\.\d+\.\d+\.\d+:8080\/score$/);
        expect(run.outputs.ocrUri).toBe("http://ocr.ocr.svc.cluster.local:8080/score");
    });
});

describe("the library's own refusals", () => {
    it("a cluster without an NP pool (a PB pool does not count), a foreign or missing FPGA resource, with the key path", () => {
        expect(run.outputs.refusals).toEqual([
            expect.stringContaining('serving.endpoints.bad.cluster: "fpga" has no NP-series FPGA user pool'),
            expect.stringContaining('serving.endpoints.bad.fpgaResource: "nvidia.com/gpu" is not a U250 resource of the pinned device plugin'),
            expect.stringContaining("serving.endpoints.bad.fpgaResource: required for host fpga"),
        ]);
    });
});

describe("the Kubernetes policies", () => {
    const k8sPolicies = allPolicies.filter((p) => Object.values(k8sRules).includes(p as never));
    const lines = (config?: Record<string, Record<string, unknown>>) =>
        evaluatePolicies(run.graph, config as never, { policies: k8sPolicies }).violations.map((v) => `${v.policyName}: ${v.message.split("\n")[1]}`);

    it("with the device plugin named in the stack's config and its image mirrored and pinned: nothing is reported", () => {
        expect(lines(NAMED_PLUGIN)).toEqual([]);
    });

    it("without it, the plugin's root is reported too: no silent exemption", () => {
        expect(lines()).toEqual([
            "k8s-no-host-access: spec.template.spec.volumes[0].hostPath.path is /var/lib/kubelet/device-plugins; remove the hostPath volume",
            "k8s-non-root-read-only-fs: spec.template.spec.containers[0].securityContext.runAsNonRoot is false; set it to true",
        ]);
    });
});
