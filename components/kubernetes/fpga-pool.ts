/**
 * What makes a user pool an FPGA pool (pure): a pool whose VM size is an FPGA size
 * (components/fpga.ts) always gets the FPGA taint and label, whatever else its args say, so no
 * ordinary pod lands on an FPGA node and the device plugin and FPGA workloads find the pool by
 * label. The user's own labels and taints are kept; a user taint on the same key is replaced (AKS
 * and Kubernetes allow one taint per key and effect, and the FPGA one must hold).
 */
import { FPGA_POOL_LABEL, FPGA_POOL_TAINT, FPGA_POOL_TAINT_TEXT, fpgaLegacyWarning, isFpgaVmSize } from "../fpga";

/** A user pool's node labels and taints as created. */
export interface PoolMarks {
    /** Node labels. */
    nodeLabels?: Record<string, string>;
    /** Node taints (`key=value:Effect`). */
    nodeTaints?: string[];
}

/** The labels and taints of a pool of this size: the given ones, plus the FPGA ones for an FPGA size. */
export function poolMarks(vmSize: string, labels: Record<string, string> | undefined, taints: string[] | undefined): PoolMarks {
    if (!isFpgaVmSize(vmSize)) return { nodeLabels: labels, nodeTaints: taints };
    const sameKey = (t: string) => t.split(/[=:]/)[0] === FPGA_POOL_TAINT.key && t.endsWith(`:${FPGA_POOL_TAINT.effect}`);
    return {
        nodeLabels: { ...(labels ?? {}), [FPGA_POOL_LABEL.key]: FPGA_POOL_LABEL.value },
        nodeTaints: [...(taints ?? []).filter((t) => !sameKey(t)), FPGA_POOL_TAINT_TEXT],
    };
}

/** True when a pool of this size is an FPGA pool (tainted, labelled). */
export function isFpgaPool(vmSize: string): boolean {
    return isFpgaVmSize(vmSize);
}

/** The legacy-size warning for a pool, or undefined. */
export function poolWarning(poolName: string, vmSize: string): string | undefined {
    const w = fpgaLegacyWarning(vmSize);
    return w ? `AKS user pool ${poolName}: ${w}` : undefined;
}
