/** Policies for Kubernetes workloads deployed with @pulumi/kubernetes (matched by type token). */
import type { PolicyResource } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { registryPatterns } from "../lib/clouds";
import { imageProblems, IMAGE_CONFIG_SCHEMA, type ImageConfig } from "../lib/images";
import { containersOf, INFERENCE_TYPES, namespaceOf, podSpec, WORKLOAD_TYPES } from "../lib/k8s";
import { peek } from "../lib/relations";
import { eqi, isObject, readArray, readObject, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

/** Not privileged and no privilege escalation. */
export const k8sNoPrivilegedContainers = resourcePolicy({
    name: "k8s-no-privileged-containers",
    description: "Kubernetes containers must not run privileged and must disallow privilege escalation (device plugins can be exempted by name).",
    severity: "critical",
    remediation: "Set securityContext.privileged to false and securityContext.allowPrivilegeEscalation to false; exempt device plugins with exemptResourceNames.",
    sources: { other: ["Kubernetes Pod Security Standards (baseline)"], checkov: ["CKV_K8S_16", "CKV_K8S_20"], mcsb: ["PV-2"] },
    controls: ["k8s.not-privileged"],
    types: WORKLOAD_TYPES,
    check: ({ props, report }) => {
        for (const c of containersOf(props)) {
            if (readPath(c.spec, "securityContext.privileged") === true) {
                report(`${c.path}.securityContext.privileged is true; set it to false`);
            }
            const escalation = readPath(c.spec, "securityContext.allowPrivilegeEscalation");
            if (escalation !== false) {
                report(`${c.path}.securityContext.allowPrivilegeEscalation is ${show(escalation)}; set it to false`);
            }
        }
    },
});

/** Config of the policies with a device-plugin exemption: device plugins named for the host access they need. */
interface DevicePluginConfig extends ProductionConfig {
    /** DaemonSets (`<namespace>/<name>`) that are device plugins (root, the kubelet's device plugin directory). */
    devicePluginWorkloads: string[];
}

/** Kind of the workloads `devicePluginWorkloads` may name: node agents only, never a Deployment. */
const DEVICE_PLUGIN_TYPE = TYPES.k8sDaemonSet;

/**
 * The one host directory a device plugin needs: the kubelet's, holding its registration socket and
 * the plugin's own ("Device Plugins",
 * https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/).
 */
const DEVICE_PLUGIN_HOST_PATH = "/var/lib/kubelet/device-plugins";

/** The `devicePluginWorkloads` config (one schema for every policy that honours it). */
const DEVICE_PLUGIN_CONFIG_SCHEMA = {
    devicePluginWorkloads: {
        type: "array" as const,
        items: { type: "string" as const, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" },
        default: [],
        description: "Device plugin DaemonSets (<namespace>/<name>) allowed to run as root and to mount the kubelet's device plugin directory, e.g. fpga-device-plugin/xilinx-fpga-device-plugin for the FPGA host. Default none: every exemption is named in the stack's policy config.",
    },
};

/** True when the workload is a DaemonSet named in `devicePluginWorkloads`. */
function isNamedDevicePlugin(type: string, props: unknown, config: DevicePluginConfig): boolean {
    const workload = `${peek(() => readPath(props, "metadata.namespace")) ?? "default"}/${peek(() => readPath(props, "metadata.name"))}`;
    return type === DEVICE_PLUGIN_TYPE && config.devicePluginWorkloads.includes(workload);
}

/** Non-root with a read-only root filesystem. */
export const k8sNonRootReadOnlyFs = resourcePolicy<DevicePluginConfig>({
    name: "k8s-non-root-read-only-fs",
    description: "Kubernetes containers must run as non-root with a read-only root filesystem (device plugin DaemonSets listed in devicePluginWorkloads may run as root, never with a writable root filesystem).",
    severity: "high",
    remediation: "Set runAsNonRoot: true (pod or container securityContext) and readOnlyRootFilesystem: true; mount an emptyDir for scratch space. A device plugin DaemonSet that must run as root is listed by <namespace>/<name> in devicePluginWorkloads.",
    sources: { other: ["Kubernetes Pod Security Standards (restricted)", "Kubernetes Device Plugins (a DaemonSet serving on /var/lib/kubelet/device-plugins)"], checkov: ["CKV_K8S_23", "CKV_K8S_22"], mcsb: ["PV-2"] },
    controls: ["k8s.non-root-read-only-fs"],
    types: WORKLOAD_TYPES,
    config: DEVICE_PLUGIN_CONFIG_SCHEMA,
    check: ({ props, config, report, args }) => {
        const podNonRoot = readPath(podSpec(props), "securityContext.runAsNonRoot");
        const rootAllowed = isNamedDevicePlugin(args.type, props, config);
        for (const c of containersOf(props)) {
            const own = readPath(c.spec, "securityContext.runAsNonRoot");
            if ((own ?? podNonRoot) !== true && !rootAllowed) {
                report(`${c.path}.securityContext.runAsNonRoot is ${show(own ?? podNonRoot)}; set it to true`);
            }
            const ro = readPath(c.spec, "securityContext.readOnlyRootFilesystem");
            if (ro !== true) {
                report(`${c.path}.securityContext.readOnlyRootFilesystem is ${show(ro)}; set it to true`);
            }
        }
    },
});

/** No host namespaces and no host directories, but the kubelet's device plugin directory for a named device plugin. */
export const k8sNoHostAccess = resourcePolicy<DevicePluginConfig>({
    name: "k8s-no-host-access",
    description: `Kubernetes workloads must not share the node's network, PID or IPC namespace nor mount host paths (a device plugin DaemonSet listed in devicePluginWorkloads may mount ${DEVICE_PLUGIN_HOST_PATH} only).`,
    severity: "high",
    remediation: `Remove hostNetwork, hostPID, hostIPC and hostPath volumes (use emptyDir, ConfigMaps, Secrets or CSI volumes). A device plugin DaemonSet that needs ${DEVICE_PLUGIN_HOST_PATH} is listed by <namespace>/<name> in devicePluginWorkloads.`,
    sources: { other: ["Kubernetes Pod Security Standards (baseline: host namespaces, hostPath volumes)", "Kubernetes Device Plugins"], checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"], mcsb: ["PV-2"] },
    controls: ["k8s.no-host-access"],
    types: WORKLOAD_TYPES,
    config: DEVICE_PLUGIN_CONFIG_SCHEMA,
    check: ({ props, config, report, args }) => {
        const pod = podSpec(props);
        for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
            if (readPath(pod, field) === true) report(`spec.template.spec.${field} is true; remove it`);
        }
        const plugin = isNamedDevicePlugin(args.type, props, config);
        readArray(pod, "volumes").forEach((v, i) => {
            const path = readPath(v, "hostPath.path");
            if (path === undefined) return;
            if (plugin && path === DEVICE_PLUGIN_HOST_PATH) return;
            report(`spec.template.spec.volumes[${i}].hostPath.path is ${show(path)}; remove the hostPath volume${plugin ? ` (a named device plugin may mount ${DEVICE_PLUGIN_HOST_PATH} only)` : ""}`);
        });
    },
});

/** Capabilities a container of the restricted Pod Security Standard may add back after dropping ALL. */
const RESTRICTED_ADDABLE_CAPABILITIES = ["NET_BIND_SERVICE"];

/** A seccomp profile and no capabilities beyond the restricted standard's. */
export const k8sSeccompCapabilities = resourcePolicy({
    name: "k8s-seccomp-capabilities",
    description: "Kubernetes containers must run with a RuntimeDefault or Localhost seccomp profile and drop ALL capabilities (adding back only NET_BIND_SERVICE).",
    severity: "medium",
    remediation: "Set securityContext.seccompProfile.type to RuntimeDefault (pod or container) and securityContext.capabilities.drop to [ALL] on every container.",
    sources: { other: ["Kubernetes Pod Security Standards (restricted)"], checkov: ["CKV_K8S_31", "CKV_K8S_37", "CKV_K8S_28"], mcsb: ["PV-2"] },
    controls: ["k8s.seccomp-capabilities"],
    types: WORKLOAD_TYPES,
    check: ({ props, report }) => {
        const podProfile = readPath(podSpec(props), "securityContext.seccompProfile.type");
        for (const c of containersOf(props)) {
            const profile = readPath(c.spec, "securityContext.seccompProfile.type") ?? podProfile;
            if (profile !== "RuntimeDefault" && profile !== "Localhost") {
                report(`${c.path}.securityContext.seccompProfile.type is ${show(profile)}; set it to RuntimeDefault`);
            }
            const drop = readArray(c.spec, "securityContext.capabilities.drop");
            if (!drop.some((d) => d === "ALL")) {
                report(`${c.path}.securityContext.capabilities.drop does not contain ALL; set it to [ALL]`);
            }
            const added = readArray(c.spec, "securityContext.capabilities.add").filter((a) => !RESTRICTED_ADDABLE_CAPABILITIES.includes(String(a)));
            if (added.length > 0) {
                report(`${c.path}.securityContext.capabilities.add has ${added.map(String).join(", ")}; add back only NET_BIND_SERVICE`);
            }
        }
    },
});

/** Requests and limits for cpu/memory, and limits for extended resources (FPGA, GPU). */
export const k8sResourceRequestsLimits = resourcePolicy({
    name: "k8s-resource-requests-limits",
    description: "Kubernetes containers must set cpu and memory requests and limits, and limits for any FPGA/GPU resource they use.",
    severity: "medium",
    remediation: "Set resources.requests and resources.limits for cpu and memory; put extended resources (e.g. nvidia.com/gpu, xilinx.com/fpga-*) in limits.",
    sources: { checkov: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"], mcsb: ["PV-2"] },
    controls: ["k8s.resource-requests-limits"],
    types: WORKLOAD_TYPES,
    check: ({ props, report }) => {
        for (const c of containersOf(props, false)) {
            const requests = readObject(c.spec, "resources.requests");
            const limits = readObject(c.spec, "resources.limits");
            for (const kind of ["requests", "limits"] as const) {
                const set = kind === "requests" ? requests : limits;
                for (const r of ["cpu", "memory"]) {
                    if (set[r] === undefined) {
                        report(`${c.path}.resources.${kind}.${r} is not set; set it`);
                    }
                }
            }
            // Extended resources (vendor/resource) are only honoured as limits.
            for (const r of Object.keys(requests).filter((k) => k.includes("/"))) {
                if (limits[r] === undefined) {
                    report(`${c.path}.resources.limits.${r} is not set but requested; set it equal to the request`);
                }
            }
        }
    },
});

/** Liveness and readiness probes on inference containers. */
export const k8sInferenceProbes = resourcePolicy({
    name: "k8s-inference-probes",
    description: "Kubernetes inference containers (Deployments, StatefulSets) must define liveness and readiness probes.",
    severity: "low",
    remediation: "Set livenessProbe and readinessProbe (httpGet on the scoring server's health route).",
    sources: { checkov: ["CKV_K8S_8", "CKV_K8S_9"], other: ["own: reliability"] },
    controls: ["k8s.probes"],
    types: INFERENCE_TYPES,
    check: ({ props, report }) => {
        for (const c of containersOf(props, false)) {
            for (const probe of ["livenessProbe", "readinessProbe"]) {
                if (readPath(c.spec, probe) === undefined) {
                    report(`${c.path}.${probe} is not set; set it`);
                }
            }
        }
    },
});

/** Images from allowed registries, pinned by digest. */
export const k8sImageProvenance = resourcePolicy<ImageConfig & ProductionConfig>({
    name: "k8s-image-provenance",
    description: "Kubernetes container images must come from allowed registries and be pinned by digest.",
    severity: "high",
    remediation: "Reference images as <registry login server>/<repo>@sha256:<digest> (an Azure container registry of any cloud, or MCR); add other trusted registries to allowedRegistries.",
    sources: { checkov: ["CKV_K8S_43"], other: ["own: supply chain"], mcsb: ["DS-6"] },
    controls: ["k8s.image-provenance"],
    types: WORKLOAD_TYPES,
    config: IMAGE_CONFIG_SCHEMA([...registryPatterns(), "mcr.microsoft.com"]),
    check: ({ props, config, report }) => {
        for (const c of containersOf(props)) {
            for (const problem of imageProblems(readPath(c.spec, "image"), config.allowedRegistries)) {
                report(`${c.path}.image ${problem}`);
            }
        }
    },
});

/** True for a NetworkPolicy that denies all ingress to every pod of its namespace. */
function isDefaultDenyIngress(np: PolicyResource): boolean {
    const spec = readObject(np.props, "spec");
    const selector = readObject(spec, "podSelector");
    const selectsAll = Object.keys(readObject(selector, "matchLabels")).length === 0 && readArray(selector, "matchExpressions").length === 0;
    const types = readArray(spec, "policyTypes");
    const coversIngress = types.length === 0 || types.some((t) => t === "Ingress");
    return selectsAll && coversIngress && readArray(spec, "ingress").length === 0;
}

/** Type token of a Kubernetes namespace. */
const K8S_NAMESPACE = "kubernetes:core/v1:Namespace";

/** Default-deny NetworkPolicy in each inference namespace. */
export const k8sNamespaceDefaultDeny = stackPolicy({
    name: "k8s-namespace-default-deny",
    description: "Every Kubernetes namespace with an inference workload must have a default-deny ingress NetworkPolicy.",
    severity: "high",
    remediation: "Add a networking.k8s.io/v1 NetworkPolicy with podSelector {} and policyTypes [Ingress] (no ingress rules) in the namespace, then allow the scoring traffic explicitly.",
    sources: { other: ["Kubernetes network policy guidance"], mcsb: ["NS-1"] },
    controls: ["k8s.namespace-default-deny"],
    types: INFERENCE_TYPES,
    check: ({ subjects, resources, report }) => {
        const denied = new Set(
            resources.filter((r) => r.type === TYPES.k8sNetworkPolicy && isDefaultDenyIngress(r)).map(namespaceOf),
        );
        // The namespace is what lacks the policy: report on its Namespace resource when the stack
        // declares it (once), and on each workload, so either URN leads to the fix.
        const namespaces = new Map(resources.filter((r) => r.type === K8S_NAMESPACE).map((r) => [peek(() => readPath(r.props, "metadata.name")), r]));
        const reportedNamespaces = new Set<string>();
        for (const w of subjects) {
            const ns = namespaceOf(w);
            if (denied.has(ns)) continue;
            const message = `namespace ${ns} of ${w.name} has no default-deny NetworkPolicy; add one with podSelector {} and policyTypes [Ingress]`;
            report(message, w);
            const nsResource = namespaces.get(ns);
            if (nsResource && !reportedNamespaces.has(ns)) {
                reportedNamespaces.add(ns);
                report(message, nsResource);
            }
        }
    },
});

/** Annotation that makes an AKS LoadBalancer service internal. */
export const INTERNAL_LB_ANNOTATION = "service.beta.kubernetes.io/azure-load-balancer-internal";

/** Config of the load-balancer policy. */
interface LbConfig extends ProductionConfig {
    /** Allow public LoadBalancer services. */
    allowPublicLoadBalancer: boolean;
}

/** LoadBalancer services are internal unless allowed. */
export const k8sNoPublicLoadBalancer = resourcePolicy<LbConfig>({
    name: "k8s-no-public-load-balancer",
    description: "Kubernetes LoadBalancer services must be internal unless public load balancers are allowed by config.",
    severity: "high",
    remediation: `Add the annotation ${INTERNAL_LB_ANNOTATION}: "true", or set allowPublicLoadBalancer in the policy config.`,
    sources: { other: ["AKS internal load balancer guidance"], mcsb: ["NS-2"] },
    controls: ["k8s.no-public-load-balancer"],
    types: [TYPES.k8sService],
    config: { allowPublicLoadBalancer: { type: "boolean", default: false, description: "Allow public LoadBalancer services." } },
    check: ({ props, config, report, args }) => {
        if (readPath(props, "spec.type") !== "LoadBalancer") {
            args.notApplicable("only LoadBalancer services");
        }
        const internal = readObject(props, "metadata.annotations")[INTERNAL_LB_ANNOTATION];
        // The Azure cloud provider compares the value case-insensitively ("True" is internal too).
        if (!eqi(typeof internal === "string" ? internal.trim() : internal, "true") && !config.allowPublicLoadBalancer) {
            report(`metadata.annotations["${INTERNAL_LB_ANNOTATION}"] is ${show(internal)}; set it to "true"`);
        }
    },
});

/** True when every matchLabel of the selector is among `labels`. */
function selects(selector: unknown, labels: Record<string, unknown>): boolean {
    const match = readObject(selector, "matchLabels");
    return Object.keys(match).length > 0 && Object.entries(match).every(([k, v]) => labels[k] === v);
}

/** Replicated inference workloads have a PodDisruptionBudget. */
export const k8sDisruptionBudget = stackPolicy({
    name: "k8s-pdb-for-replicated",
    description: "Kubernetes inference workloads with more than one replica (spec.replicas, or the minReplicas of their HorizontalPodAutoscaler) must have a PodDisruptionBudget selecting their pods.",
    severity: "low",
    remediation: "Add a policy/v1 PodDisruptionBudget in the same namespace whose selector.matchLabels match the pod template labels (minAvailable or maxUnavailable 1).",
    sources: { other: ["Kubernetes disruption guidance"] },
    controls: ["k8s.disruption-budget"],
    types: INFERENCE_TYPES,
    check: ({ subjects, resources, report }) => {
        const pdbs = resources.filter((r) => r.type === TYPES.k8sPdb);
        const hpas = resources.filter((r) => r.type === TYPES.k8sHpa);
        for (const w of subjects) {
            // A workload scaled by an autoscaler leaves spec.replicas out: its minReplicas is the floor.
            const hpa = hpas.find((h) => namespaceOf(h) === namespaceOf(w) && peek(() => readPath(h.props, "spec.scaleTargetRef.kind")) === w.type.split(":").pop() && peek(() => readPath(h.props, "spec.scaleTargetRef.name")) === peek(() => readPath(w.props, "metadata.name")));
            const own = readPath(w.props, "spec.replicas");
            const min = hpa ? peek(() => readPath(hpa.props, "spec.minReplicas")) : undefined;
            const replicas = typeof own === "number" ? own : typeof min === "number" ? min : undefined;
            if (!(typeof replicas === "number" && replicas > 1)) {
                continue;
            }
            const labels = readObject(w.props, "spec.template.metadata.labels");
            const ns = namespaceOf(w);
            const covered = pdbs.some((p) => {
                const selector = peek(() => readPath(p.props, "spec.selector"));
                return namespaceOf(p) === ns && (selector === undefined ? false : isObject(selector) && selects(selector, labels));
            });
            if (!covered) {
                report(`${w.name} has ${typeof own === "number" ? "spec.replicas" : "autoscaler minReplicas"} ${replicas} but no PodDisruptionBudget selects its pods; add one`, w);
            }
        }
    },
});
