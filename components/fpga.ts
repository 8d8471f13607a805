/**
 * FPGA virtual machines and their Kubernetes device plugin (pure data): the ONE table read by the
 * AKS pool component (taint and label of an FPGA pool), the config checks (sizes, regions), the
 * FPGA serving host (device plugin, extended resource), the AKS FPGA policy (its `fpgaRegions`
 * default) and the simulator (sizes refused outside these regions).
 *
 * Sources (checked 2026-12-05):
 * - Sizes: "NP-series - Azure Virtual Machines" (https://learn.microsoft.com/azure/virtual-machines/np-series)
 *   and "'NP' family FPGA-accelerated VM size series": Standard_NP10s / NP20s / NP40s with 1 / 2 / 4
 *   Xilinx Alveo U250 cards and 10 / 20 / 40 vCPUs; the NP family retires on 2027-05-31.
 * - PB-series (Standard_PB6s, Intel Arria 10): the FPGAs of Azure ML's retired "Hardware Accelerated
 *   Models" (azureml-accel-models, "Deploy ML models to field-programmable gate arrays (FPGAs) with
 *   Azure Machine Learning", quota family "PBS"), which Azure has retired. Accepted only as legacy,
 *   with a warning (the AksCluster component logs it; README "Serving: FPGA"), so an existing pool is
 *   not refused outright; nothing new should use it.
 * - Shell and runtime on the U250 of NP VMs: "FPGA attestation for Azure NP-series VMs"
 *   (https://learn.microsoft.com/azure/virtual-machines/field-programmable-gate-arrays-attestation):
 *   shell `xilinx_u250_gen3x16_xdma_2_1_202010_1`, designs built with Vitis 2022.1 run with XRT 2022.1
 *   (older attested designs keep working on it).
 * - Regions: NO per-region table of the NP sizes exists in the pages above (the size pages list no
 *   regions, and "Products available by region" is an interactive page with no stable text). The
 *   list below is the TOOLKIT's reading of where the NP sizes were offered, not a Microsoft table:
 *   verify with `az vm list-skus --location <region> --size Standard_NP --all --output table`
 *   (restrictions column) before relying on it. The AKS FPGA policy lets an organisation override
 *   it (`fpgaRegions`).
 * - Device plugin: Xilinx/AMD "k8s-fpga-device-plugin" (https://github.com/Xilinx/FPGA_as_a_Service,
 *   k8s-device-plugin/k8s-device-plugin.yml and server.go; docs "Xilinx Kubernetes Device Plugin",
 *   https://docs.xilinx.com/r/en-US/Xilinx_Kubernetes_Device_Plugin): image
 *   `public.ecr.aws/xilinx_dcg/k8s-device-plugin:1.3.0`; the upstream DaemonSet runs it NOT
 *   privileged, with allowPrivilegeEscalation false, capabilities drop ALL, and one hostPath,
 *   /var/lib/kubelet/device-plugins (its gRPC socket and the kubelet's registration socket). It finds
 *   the cards in sysfs (/sys/bus/pci/devices, readable in any container) and hands the device nodes
 *   (/dev/dri/renderD*, /dev/xclmgmt*) to the kubelet as DeviceSpecs, so it needs no /dev mount. It
 *   registers `amd.com/<shell VBNV>-<shell timestamp>` per shell type (1.3.0's prefix; older
 *   releases used `xilinx.com/fpga-`). The image is pinned by its exact release tag: the registry
 *   publishes no digest in the plugin's documentation, so the toolkit cannot pin one it has not
 *   read; mirror it into the workspace registry and set the digest to meet the image policy.
 */

/** One FPGA VM size. */
export interface FpgaVmSize {
    /** ARM name. */
    name: string;
    /** vCPUs (what the family's vCPU quota counts). */
    vcpus: number;
    /** FPGA cards per VM (what the device plugin reports per node). */
    fpgas: number;
    /** The card. */
    card: string;
    /** True when Azure retired the size (accepted only with a warning). */
    retired: boolean;
}

/** The table of FPGA VM sizes. */
export const FPGA_VM_SIZES: readonly FpgaVmSize[] = Object.freeze([
    { name: "Standard_NP10s", vcpus: 10, fpgas: 1, card: "Xilinx Alveo U250", retired: false },
    { name: "Standard_NP20s", vcpus: 20, fpgas: 2, card: "Xilinx Alveo U250", retired: false },
    { name: "Standard_NP40s", vcpus: 40, fpgas: 4, card: "Xilinx Alveo U250", retired: false },
    { name: "Standard_PB6s", vcpus: 6, fpgas: 1, card: "Intel Arria 10", retired: true },
]);

/** Where the table's facts come from, and when they were read. */
export const FPGA_TABLE_SOURCE = {
    sizes: "https://learn.microsoft.com/azure/virtual-machines/np-series",
    regions: "toolkit list (no Microsoft per-region table found); verify with az vm list-skus",
    checked: "2026-12-05",
} as const;

/** Regions (ARM names) where the NP sizes are offered, per the toolkit's list (see the header). */
export const FPGA_REGIONS: readonly string[] = Object.freeze(["eastus", "westus2", "westeurope", "southeastasia"]);

/** True for FPGA VM sizes by name (`Standard_NP*`, `Standard_PB*`, any case), known to the table or not. */
export function isFpgaVmSize(size: unknown): boolean {
    return typeof size === "string" && /^standard_(np|pb)\d/i.test(size);
}

/** The table's entry of a size (case-insensitive), or undefined. */
export function fpgaVmSize(size: string): FpgaVmSize | undefined {
    return FPGA_VM_SIZES.find((s) => s.name.toLowerCase() === size.toLowerCase());
}

/** The sizes a new FPGA pool may use (not retired). */
export function currentFpgaSizes(): string[] {
    return FPGA_VM_SIZES.filter((s) => !s.retired).map((s) => s.name);
}

/** Why an FPGA-looking size cannot be used (unknown to the table), or undefined. */
export function fpgaSizeProblem(size: string): string | undefined {
    if (!isFpgaVmSize(size) || fpgaVmSize(size)) return undefined;
    return `"${size}" is not an FPGA VM size Azure offers (the FPGA sizes are ${currentFpgaSizes().join(", ")})`;
}

/** The warning for a retired (legacy) FPGA size, or undefined. */
export function fpgaLegacyWarning(size: string): string | undefined {
    const s = fpgaVmSize(size);
    return s?.retired ? `${s.name} (${s.card}) is a PB-series size, which Azure has retired: it is accepted only for an existing legacy pool; use one of ${currentFpgaSizes().join(", ")}` : undefined;
}

/** Why an FPGA size cannot be in this region, or undefined. */
export function fpgaRegionProblem(size: string, location: string): string | undefined {
    if (!isFpgaVmSize(size) || FPGA_REGIONS.includes(location.toLowerCase())) return undefined;
    return `${size} is an FPGA size, not offered in ${location}`;
}

/**
 * The taint every FPGA pool gets, so only pods that tolerate it (the FPGA workloads and the device
 * plugin) land on the expensive nodes. `sku=<accelerator>:NoSchedule` follows AKS's own GPU pool
 * convention ("Use GPUs for compute-intensive workloads on AKS": `--node-taints sku=gpu:NoSchedule`).
 */
export const FPGA_POOL_TAINT = { key: "sku", value: "fpga", effect: "NoSchedule" } as const;

/** The taint as AKS's `nodeTaints` writes it. */
export const FPGA_POOL_TAINT_TEXT = `${FPGA_POOL_TAINT.key}=${FPGA_POOL_TAINT.value}:${FPGA_POOL_TAINT.effect}`;

/** The label every FPGA pool's nodes get; the device plugin and FPGA workloads select on it. */
export const FPGA_POOL_LABEL = { key: "aml-workspace/accelerator", value: "fpga" } as const;

/** The Xilinx/AMD device plugin the FPGA host runs on each FPGA node (see the header for the sources). */
export const FPGA_DEVICE_PLUGIN = {
    /** Exact release tag (no documented digest). */
    image: "public.ecr.aws/xilinx_dcg/k8s-device-plugin:1.3.0",
    /** Namespace of its own: its hostPath needs the `privileged` Pod Security level, which no serving namespace gets. */
    namespace: "fpga-device-plugin",
    /** DaemonSet and container name (the policy exemption names it). */
    name: "xilinx-fpga-device-plugin",
    /** The kubelet's device plugin directory: its socket and the plugin's. */
    kubeletDevicePluginPath: "/var/lib/kubelet/device-plugins",
    /** Prefix of the extended resources it registers (`<prefix><shell VBNV>-<timestamp>`). */
    resourcePrefix: "amd.com/",
    /** Shell VBNV prefix of the U250 cards of NP VMs. */
    u250ShellPrefix: "xilinx_u250_",
} as const;

/** Why an extended resource name is not one the pinned plugin registers for a U250, or undefined. */
export function fpgaResourceProblem(resource: string): string | undefined {
    const p = FPGA_DEVICE_PLUGIN;
    if (!/^[a-z0-9.-]+\/[A-Za-z0-9_.-]+$/.test(resource)) return `"${resource}" is not an extended resource name (<domain>/<name>)`;
    if (!resource.startsWith(`${p.resourcePrefix}${p.u250ShellPrefix}`)) {
        return `"${resource}" is not a U250 resource of the pinned device plugin (${p.image} registers ${p.resourcePrefix}<shell>-<timestamp>, e.g. ${p.resourcePrefix}${p.u250ShellPrefix}gen3x16_xdma_shell_2_1-<timestamp>)`;
    }
    return undefined;
}
