/**
 * `host: fpga`: the Kubernetes host's endpoint (kubernetes-host.ts: the same Deployment, Service,
 * autoscaler, disruption budget, network policies, workload identity and hardening) placed on the
 * cluster's FPGA pool: each pod requests one FPGA (`fpgaResource`, the extended resource the
 * device plugin registers), tolerates the pool's taint and selects its label (components/fpga.ts).
 * The first FPGA endpoint on a cluster also creates the cluster's FPGA device plugin
 * (FpgaDevicePlugin), which the endpoint waits for.
 *
 * The cluster must be created by the stack with a user pool of an FPGA size (NP-series): the config
 * checks say so first (stacks/config-semantics-serving-fpga.ts); this host refuses it again so the
 * library cannot be driven into a pod that never schedules.
 */
import * as pulumi from "@pulumi/pulumi";
import { FPGA_POOL_LABEL, FPGA_POOL_TAINT, fpgaResourceProblem, fpgaVmSize } from "../../fpga";
import type { ServingCluster } from "../serving-context";
import type { CreatedEndpoint, HostInputs } from "./host";
import { createClusterEndpoint } from "./kubernetes-host";
import { FpgaDevicePlugin } from "./fpga-device-plugin";

/** The device plugin made per cluster (one DaemonSet per cluster, whichever workspace serves first). */
const PLUGINS = new WeakMap<ServingCluster, FpgaDevicePlugin>();

/** FPGAs each pod requests: one card (an NP10s node has one, NP20s two, NP40s four). */
export const FPGAS_PER_POD = 1;

/** Creates one endpoint on this host. */
export function createFpgaEndpoint(inputs: HostInputs): CreatedEndpoint {
    const { key, endpoint: e, ctx, parent } = inputs;
    return createClusterEndpoint(inputs, {
        host: "fpga",
        componentName: `${ctx.name}-fpga-${key}`,
        prepare: (clusterKey, cluster, fail) => {
            const resourceName = e.fpgaResource ?? fail("fpgaResource", "required for host fpga (the extended resource the device plugin registers, e.g. amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-<timestamp>)");
            const resourceIssue = fpgaResourceProblem(resourceName);
            if (resourceIssue) fail("fpgaResource", resourceIssue);
            // A current (NP) pool: the Xilinx plugin serves U250 cards, not a retired PB pool's.
            if (!(cluster.userPoolVmSizes ?? []).some((size) => fpgaVmSize(size)?.retired === false)) {
                fail("cluster", `"${clusterKey}" has no NP-series FPGA user pool; add one to kubernetes.clusters.${clusterKey}.create.userPools (vmSize Standard_NP10s, NP20s or NP40s)`);
            }
            return {
                waitFor: [devicePlugin(clusterKey, cluster, parent)],
                accelerator: {
                    resourceName,
                    count: FPGAS_PER_POD,
                    nodeSelector: { [FPGA_POOL_LABEL.key]: FPGA_POOL_LABEL.value },
                    tolerations: [{ key: FPGA_POOL_TAINT.key, value: FPGA_POOL_TAINT.value, effect: FPGA_POOL_TAINT.effect }],
                },
            };
        },
    });
}

/** The cluster's device plugin, made once (named by the cluster only, so endpoints come and go without moving it). */
function devicePlugin(clusterKey: string, cluster: ServingCluster, parent: pulumi.Resource): FpgaDevicePlugin {
    const made = PLUGINS.get(cluster);
    if (made) return made;
    const plugin = new FpgaDevicePlugin(`aks-${clusterKey}-fpga-device-plugin`, { clusterKey, kubeconfig: cluster.kubeconfig as pulumi.Input<string>, image: cluster.fpgaDevicePluginImage }, { parent, dependsOn: cluster.ready });
    PLUGINS.set(cluster, plugin);
    return plugin;
}
