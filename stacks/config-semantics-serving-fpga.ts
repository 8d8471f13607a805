/**
 * Checks of `host: fpga` endpoints (`serving.endpoints.<key>` and
 * `teams.<team>.serving.endpoints.<key>`), with full key paths. What it shares with `host:
 * kubernetes` (cluster, namespace, replicas, quantities) is checked by
 * config-semantics-serving-kubernetes.ts; the FPGA facts are components/fpga.ts's (sizes, regions,
 * the device plugin and its resource names, with their sources):
 * - `fpgaResource` is required for host fpga, and is a U250 resource of the pinned plugin;
 *   it is a field of host fpga only;
 * - the endpoint's cluster has a user pool of a current FPGA size (NP-series): a PB-series pool is
 *   an Intel Arria card the Xilinx plugin does not serve;
 * - the stack's region offers the FPGA sizes (the pool's own vmSize is reported by the AKS checks;
 *   here the endpoint says why it cannot run);
 * - no endpoint takes the device plugin's namespace.
 */
import { FPGA_DEVICE_PLUGIN, FPGA_REGIONS, currentFpgaSizes, fpgaResourceProblem, fpgaVmSize, isFpgaVmSize } from "../components/fpga";
import { EndpointHost } from "../components/serving/serving-enums";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";
import { servingBlocksOf } from "./config-serving";
import { guardedEntries } from "./config-guard";

/** Problems of every `host: fpga` endpoint, and of `fpgaResource` or the plugin's namespace elsewhere. */
export function fpgaServingProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const { path, serving } of servingBlocksOf(c)) {
        for (const [key, e] of guardedEntries(out, serving.endpoints)) {
            const base = `${path}.endpoints.${key}`;
            const problem = (field: string, text: string, fix: string) => out.push({ path: at(`${base}.${field}`), problem: text, fix });
            const isK8s = e.host === EndpointHost.Kubernetes || e.host === EndpointHost.Fpga;
            if (isK8s && (e.namespace ?? key) === FPGA_DEVICE_PLUGIN.namespace) {
                problem("namespace", `"${FPGA_DEVICE_PLUGIN.namespace}" is the FPGA device plugin's namespace (Pod Security level privileged)`, "set a namespace of the endpoint's own");
            }
            if (e.host !== EndpointHost.Fpga) {
                if (e.fpgaResource !== undefined) problem("fpgaResource", `is a field of host fpga, not of host ${e.host}`, "remove it");
                continue;
            }
            if (e.fpgaResource === undefined) {
                problem("fpgaResource", "is required for host fpga: the extended resource the FPGA device plugin registers, which each pod requests one of", `set it to the name \`kubectl describe node\` shows on an FPGA node, e.g. ${FPGA_DEVICE_PLUGIN.resourcePrefix}${FPGA_DEVICE_PLUGIN.u250ShellPrefix}gen3x16_xdma_shell_2_1-<timestamp>`);
            } else {
                const issue = fpgaResourceProblem(e.fpgaResource);
                if (issue) problem("fpgaResource", issue, "copy the resource name from `kubectl describe node` on an FPGA node");
            }
            if (!FPGA_REGIONS.includes(c.location.toLowerCase())) {
                problem("host", `is fpga but the stack's region ${c.location} offers no FPGA VM sizes (components/fpga.ts)`, `deploy the stack in one of ${FPGA_REGIONS.join(", ")}, or use host kubernetes`);
            }
            const cluster = e.cluster === undefined ? undefined : c.kubernetes.clusters[e.cluster];
            const pools = Object.entries(cluster?.create?.userPools ?? {});
            // A missing, unknown or adopted cluster is config-semantics-serving-kubernetes.ts's.
            if (cluster?.create === undefined) continue;
            const fpgaPools = pools.filter(([, p]) => isFpgaVmSize(p.vmSize));
            const current = fpgaPools.filter(([, p]) => fpgaVmSize(p.vmSize)?.retired === false);
            if (fpgaPools.length === 0) {
                problem("cluster", `"${e.cluster}" has no FPGA user pool`, `add one to kubernetes.clusters.${e.cluster}.create.userPools, e.g. fpga: { vmSize: Standard_NP10s, maxCount: 2 } (it is tainted and labelled for FPGA pods)`);
            } else if (current.length === 0) {
                problem("cluster", `"${e.cluster}" has only retired or unknown FPGA pools (${fpgaPools.map(([n, p]) => `${n}: ${p.vmSize}`).join(", ")}); the Xilinx device plugin serves the U250 cards of the NP-series`, `add a pool of ${currentFpgaSizes().join(", ")}`);
            }
        }
    }
    return out;
}

/** The checks, for SEMANTIC_CHECKS. */
export const SERVING_FPGA_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [fpgaServingProblems];
