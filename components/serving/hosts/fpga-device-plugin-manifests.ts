/**
 * The Xilinx/AMD FPGA device plugin's objects on a cluster with an FPGA pool, as plain manifests
 * (pure). The plugin registers each node's U250 cards with the kubelet as an extended resource,
 * which the FPGA host's pods request (fpga-host.ts). Facts and sources: components/fpga.ts
 * (FPGA_DEVICE_PLUGIN) and "Device Plugins"
 * (https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/): a
 * plugin serves gRPC on a Unix socket under /var/lib/kubelet/device-plugins and registers through
 * the kubelet's socket there; it "should" run as a DaemonSet, and the directory is a hostPath.
 *
 * What the plugin truly needs, and nothing more:
 * - the one hostPath /var/lib/kubelet/device-plugins (no /dev: it hands device paths to the kubelet,
 *   which puts them into the consumer's container; no /sys mount: sysfs is readable in a container);
 * - root (uid 0): the directory is root's (0755) on AKS nodes, and the socket is created there. No
 *   capability, no privilege, no escalation: the upstream DaemonSet drops ALL and is not privileged.
 *   Running as root is what the policy pack's `k8s-non-root-read-only-fs` reports unless the
 *   workload is listed in its `devicePluginWorkloads` config (policies/rules/kubernetes.ts);
 * - a read-only root filesystem: it writes only its socket (in the hostPath) and logs to stdout.
 * Its namespace enforces the `privileged` Pod Security level (baseline forbids hostPath volumes)
 * and warns and audits at `baseline`, and it is fenced by a default-deny NetworkPolicy (ingress
 * and egress): the plugin talks to the kubelet over Unix sockets only.
 */
import type * as k8s from "@pulumi/kubernetes/types/input";
import { FPGA_DEVICE_PLUGIN, FPGA_POOL_LABEL, FPGA_POOL_TAINT } from "../../fpga";
import { MANAGED_BY_LABEL } from "../../kubernetes/aks-cluster-objects";

/** The plugin's objects. */
export interface FpgaDevicePluginManifests {
    namespace: k8s.core.v1.Namespace;
    denyAll: k8s.networking.v1.NetworkPolicy;
    daemonSet: k8s.apps.v1.DaemonSet;
}

/** Labels selecting the plugin's pods (stable: a DaemonSet's selector is immutable). */
export function devicePluginSelector(): Record<string, string> {
    return { "app.kubernetes.io/name": FPGA_DEVICE_PLUGIN.name, "app.kubernetes.io/component": "device-plugin" };
}

/** The plugin's manifests for the cluster `clusterKey`, with its image (default: the table's pinned release). */
export function fpgaDevicePluginManifests(clusterKey: string, image: string = FPGA_DEVICE_PLUGIN.image): FpgaDevicePluginManifests {
    const p = FPGA_DEVICE_PLUGIN;
    const selector = devicePluginSelector();
    const labels = { ...MANAGED_BY_LABEL, ...selector, "aml-workspace/cluster": clusterKey };
    return {
        namespace: {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: {
                name: p.namespace,
                labels: {
                    ...labels,
                    // hostPath volumes are outside baseline: only this namespace enforces the privileged level.
                    "pod-security.kubernetes.io/enforce": "privileged",
                    "pod-security.kubernetes.io/warn": "baseline",
                    "pod-security.kubernetes.io/audit": "baseline",
                },
            },
        },
        denyAll: {
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: "default-deny", namespace: p.namespace, labels },
            spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
        },
        daemonSet: {
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            metadata: { name: p.name, namespace: p.namespace, labels },
            spec: {
                selector: { matchLabels: selector },
                updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
                template: {
                    metadata: { labels },
                    spec: {
                        // Only the FPGA pool: its label selected, its taint tolerated (components/fpga.ts).
                        nodeSelector: { [FPGA_POOL_LABEL.key]: FPGA_POOL_LABEL.value },
                        tolerations: [{ key: FPGA_POOL_TAINT.key, operator: "Equal", value: FPGA_POOL_TAINT.value, effect: FPGA_POOL_TAINT.effect }],
                        // Evicted last under node pressure: without it no FPGA pod can start on the node.
                        priorityClassName: "system-node-critical",
                        automountServiceAccountToken: false,
                        enableServiceLinks: false,
                        securityContext: { seccompProfile: { type: "RuntimeDefault" } },
                        containers: [
                            {
                                name: "device-plugin",
                                image,
                                imagePullPolicy: "IfNotPresent",
                                // The upstream DaemonSet's settings: U30 cards named and allocated per card (no effect on U250).
                                env: [
                                    { name: "U30NameConvention", value: "CommonName" },
                                    { name: "U30AllocUnit", value: "Card" },
                                ],
                                resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
                                securityContext: {
                                    // Root for the root-owned socket directory (see the header); nothing else.
                                    runAsUser: 0,
                                    runAsNonRoot: false,
                                    privileged: false,
                                    allowPrivilegeEscalation: false,
                                    readOnlyRootFilesystem: true,
                                    capabilities: { drop: ["ALL"] },
                                    seccompProfile: { type: "RuntimeDefault" },
                                },
                                volumeMounts: [{ name: "device-plugins", mountPath: p.kubeletDevicePluginPath }],
                            },
                        ],
                        volumes: [{ name: "device-plugins", hostPath: { path: p.kubeletDevicePluginPath, type: "Directory" } }],
                    },
                },
            },
        },
    };
}
