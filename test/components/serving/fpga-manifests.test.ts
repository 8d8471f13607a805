/**
 * The FPGA host's manifests: the device plugin's namespace, default-deny policy and DaemonSet (only
 * the FPGA pool, one hostPath, root without privilege or capabilities), and the scoring Deployment
 * with the FPGA accelerator (limit, toleration, node selector) keeping every hardening field of the
 * Kubernetes host; each validated against the Kubernetes OpenAPI schema with kubernetes-models.
 */
import { Namespace } from "kubernetes-models/v1/Namespace";
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { FPGA_DEVICE_PLUGIN, FPGA_POOL_LABEL, FPGA_POOL_TAINT, FPGA_POOL_TAINT_TEXT, FPGA_REGIONS, FPGA_TABLE_SOURCE, FPGA_VM_SIZES, fpgaLegacyWarning, fpgaRegionProblem, fpgaResourceProblem, fpgaSizeProblem } from "../../../components/fpga";
import { poolMarks, poolWarning } from "../../../components/kubernetes/fpga-pool";
import { fpgaDevicePluginManifests } from "../../../components/serving/hosts/fpga-device-plugin-manifests";
import { servingManifests, type KubernetesServingSpec } from "../../../components/serving/hosts/kubernetes-serving-manifests";

const plain = <T>(o: T): T => JSON.parse(JSON.stringify(o));
const RESOURCE = "amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-1604359526";
const spec = (over: Partial<KubernetesServingSpec> = {}): KubernetesServingSpec => ({
    key: "vision",
    clusterKey: "fpga",
    namespace: "vision",
    image: `crml.azurecr.io/fpga-scorer@sha256:${"b".repeat(64)}`,
    port: 8080,
    routes: { scoring: "/score", liveness: "/healthz/live", readiness: "/healthz/ready" },
    clientId: "00000000-0000-0000-0000-00000000c001",
    environmentVariables: {},
    secretEnvironmentVariableNames: [],
    replicas: 2,
    maxReplicas: 2,
    targetCpuUtilization: 70,
    minAvailable: 1,
    resources: { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "16Gi" } },
    serviceType: "InternalLoadBalancer",
    allowFrom: ["10.20.0.0/16"],
    accelerator: { resourceName: RESOURCE, count: 1, nodeSelector: { [FPGA_POOL_LABEL.key]: FPGA_POOL_LABEL.value }, tolerations: [{ ...FPGA_POOL_TAINT }] },
    ...over,
});

describe("the FPGA table", () => {
    it("has the NP sizes with their cards, the PB size as retired, a dated source and ARM region names", () => {
        expect(FPGA_VM_SIZES.filter((s) => !s.retired).map((s) => [s.name, s.vcpus, s.fpgas])).toEqual([["Standard_NP10s", 10, 1], ["Standard_NP20s", 20, 2], ["Standard_NP40s", 40, 4]]);
        expect(FPGA_VM_SIZES.filter((s) => s.retired).map((s) => s.name)).toEqual(["Standard_PB6s"]);
        expect(FPGA_TABLE_SOURCE.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const r of FPGA_REGIONS) expect(r).toMatch(/^[a-z0-9]+$/);
        expect(fpgaRegionProblem("Standard_NP10s", "eastus")).toBeUndefined();
        expect(fpgaRegionProblem("standard_np40s", "NorthEurope")).toBe("standard_np40s is an FPGA size, not offered in NorthEurope");
        expect(fpgaRegionProblem("Standard_D8ds_v5", "northeurope")).toBeUndefined();
        expect(fpgaSizeProblem("Standard_NP80s")).toMatch(/not an FPGA VM size Azure offers/);
        expect(fpgaSizeProblem("standard_np20s")).toBeUndefined();
        expect(fpgaLegacyWarning("Standard_PB6s")).toMatch(/PB-series size, which Azure has retired/);
        expect(fpgaLegacyWarning("Standard_NP10s")).toBeUndefined();
        expect(fpgaResourceProblem(RESOURCE)).toBeUndefined();
        expect(fpgaResourceProblem("xilinx.com/fpga-xilinx_u250_gen3x16_xdma_shell_2_1-1")).toMatch(/not a U250 resource of the pinned device plugin/);
    });

    it("taints and labels every FPGA pool, keeping the user's marks and replacing a clashing sku taint", () => {
        expect(poolMarks("Standard_NP10s", { team: "cv" }, ["sku=gpu:NoSchedule", "dedicated=cv:NoExecute"])).toEqual({
            nodeLabels: { team: "cv", [FPGA_POOL_LABEL.key]: "fpga" },
            nodeTaints: ["dedicated=cv:NoExecute", FPGA_POOL_TAINT_TEXT],
        });
        expect(poolMarks("Standard_NP20s", undefined, undefined)).toEqual({ nodeLabels: { "aml-workspace/accelerator": "fpga" }, nodeTaints: ["sku=fpga:NoSchedule"] });
        expect(poolMarks("Standard_D8ds_v5", { a: "b" }, undefined)).toEqual({ nodeLabels: { a: "b" }, nodeTaints: undefined });
        // The retired PB size is never accepted silently: AksCluster logs this warning for the pool.
        expect(poolWarning("legacy", "Standard_PB6s")).toBe("AKS user pool legacy: Standard_PB6s (Intel Arria 10) is a PB-series size, which Azure has retired: it is accepted only for an existing legacy pool; use one of Standard_NP10s, Standard_NP20s, Standard_NP40s");
        expect(poolWarning("fpga", "Standard_NP10s")).toBeUndefined();
    });
});

describe("the FPGA device plugin's objects", () => {
    const m = plain(fpgaDevicePluginManifests("fpga")) as Record<string, any>;
    const pod = m.daemonSet.spec.template.spec;
    const c = pod.containers[0];

    it("validate against the Kubernetes schema", () => {
        expect(() => new Namespace(plain(m.namespace) as never).validate()).not.toThrow();
        expect(() => new NetworkPolicy(plain(m.denyAll) as never).validate()).not.toThrow();
        expect(() => new DaemonSet(plain(m.daemonSet) as never).validate()).not.toThrow();
        // The validation is real: a DaemonSet without a selector is refused.
        const broken = plain(m.daemonSet) as Record<string, any>;
        delete broken.spec.selector;
        expect(() => new DaemonSet(broken as never).validate()).toThrow();
    });

    it("runs only on the FPGA pool, pinned, as root for the socket directory but with no privilege", () => {
        expect(m.daemonSet.metadata).toMatchObject({ name: FPGA_DEVICE_PLUGIN.name, namespace: FPGA_DEVICE_PLUGIN.namespace });
        expect(pod.nodeSelector).toEqual({ "aml-workspace/accelerator": "fpga" });
        expect(pod.tolerations).toEqual([{ key: "sku", operator: "Equal", value: "fpga", effect: "NoSchedule" }]);
        expect(c.image).toBe("public.ecr.aws/xilinx_dcg/k8s-device-plugin:1.3.0");
        expect(c.securityContext).toEqual({
            runAsUser: 0,
            runAsNonRoot: false,
            privileged: false,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });
        expect(pod.hostNetwork).toBeUndefined();
        expect(pod.hostPID).toBeUndefined();
        expect(pod.automountServiceAccountToken).toBe(false);
        // One hostPath, the kubelet's device plugin directory: no /dev, no /sys.
        expect(pod.volumes).toEqual([{ name: "device-plugins", hostPath: { path: "/var/lib/kubelet/device-plugins", type: "Directory" } }]);
        expect(c.volumeMounts).toEqual([{ name: "device-plugins", mountPath: "/var/lib/kubelet/device-plugins" }]);
        expect(c.resources.limits).toEqual({ cpu: "100m", memory: "64Mi" });
    });

    it("fences the namespace: privileged enforced only for the hostPath, baseline warned, all traffic denied", () => {
        expect(m.namespace.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "privileged", "pod-security.kubernetes.io/warn": "baseline", "pod-security.kubernetes.io/audit": "baseline" });
        expect(m.denyAll.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    });
});

describe("the FPGA scoring Deployment", () => {
    const m = plain(servingManifests(spec())) as Record<string, any>;
    const pod = m.deployment.spec.template.spec;
    const c = pod.containers[0];

    it("validates against the Kubernetes schema", () => {
        expect(() => new Deployment(plain(m.deployment) as never).validate()).not.toThrow();
    });

    it("requests one FPGA as a limit, tolerates the pool's taint and selects its label", () => {
        expect(c.resources).toEqual({ requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "16Gi", [RESOURCE]: "1" } });
        expect(pod.nodeSelector).toEqual({ "aml-workspace/accelerator": "fpga" });
        expect(pod.tolerations).toEqual([{ key: "sku", operator: "Equal", value: "fpga", effect: "NoSchedule" }]);
    });

    it("keeps the Kubernetes host's hardening", () => {
        expect(c.securityContext).toMatchObject({ runAsNonRoot: true, privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(m.namespace.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted" });
        expect(m.denyAll.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    });

    it("is the plain Kubernetes host's Deployment without an accelerator", () => {
        const plainPod = (plain(servingManifests(spec({ accelerator: undefined }))) as Record<string, any>).deployment.spec.template.spec;
        expect(plainPod.nodeSelector).toBeUndefined();
        expect(plainPod.tolerations).toBeUndefined();
        expect(plainPod.containers[0].resources.limits).toEqual({ cpu: "4", memory: "16Gi" });
    });
});
