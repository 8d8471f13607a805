/**
 * FPGA virtual machines (pure data): which VM sizes are FPGA sizes and where they are offered.
 * The AKS FPGA policy reads this table (its `fpgaRegions` default) and an FPGA node pool
 * component will read the same one.
 *
 * Sizes: "NP-series - Azure Virtual Machines" (https://learn.microsoft.com/azure/virtual-machines/np-series):
 * Standard_NP10s/20s/40s, Xilinx U250 FPGAs; the newer "'NP' family FPGA-accelerated VM size
 * series" page says the NP sizes retire on 2027-05-31. PB-series sizes are matched by name too.
 * Regions: the size pages give none; the list below is the toolkit's own reading of regional
 * availability (what the policy has shipped with), not a Microsoft table, so the policy lets an
 * organisation override it (`fpgaRegions`). Checked 2026-12-02; verify against "Products
 * available by region" for the NP-series before relying on it.
 */

/** Regions (ARM names) where FPGA VM sizes (NP-series, PB-series) are offered. */
export const FPGA_REGIONS: readonly string[] = Object.freeze(["eastus", "westus2", "westeurope", "southeastasia"]);

/** True for FPGA VM sizes (`Standard_NP*`, `Standard_PB*`, any case). */
export function isFpgaVmSize(size: unknown): boolean {
    return typeof size === "string" && /^standard_(np|pb)\d/i.test(size);
}
