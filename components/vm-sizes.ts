/**
 * Azure VM sizes Azure Machine Learning compute (clusters and instances) can
 * use, as data with its source, so a typo or a size that does not exist is
 * refused before the deployment (ARM answers `InvalidVmSize` / "VM size not
 * supported" only at create time). This is not the organisation's allow-list
 * (that is the policy pack's `allowed-vm-sizes`): it is what exists.
 *
 * Sources, read 2026-12-02:
 *   - "What are compute targets in Azure Machine Learning?", section "Supported VM series and sizes"
 *     (learn.microsoft.com/azure/machine-learning/concept-compute-target#supported-vm-series-and-sizes):
 *     the series Azure ML supports.
 *   - "Sizes for virtual machines in Azure" and each series page
 *     (learn.microsoft.com/azure/virtual-machines/sizes/overview): the sizes of each series.
 *   - Quota families: "Quota - Create Or Update" (learn.microsoft.com/rest/api/quota/quota/create-or-update:
 *     the resource name is the SKU family for Microsoft.Compute and Microsoft.MachineLearningServices,
 *     e.g. `standardFSv2Family`) and "Resource Skus - List"
 *     (learn.microsoft.com/rest/api/compute/resource-skus/list: each size's `family`); per-series names
 *     cross-checked against Red Hat OpenShift's "Installing a cluster on Azure", tested instance types by
 *     family. Azure spells some families differently per API (`Standard NCASv3_T4 Family` in
 *     Microsoft.Compute usages, `standardNCASv3_T4Family` in Microsoft.Quota; Azure ML's own quota API says
 *     `Standard D Family Cluster Dedicated vCPUs`): the table keeps the Microsoft.Quota spelling and
 *     {@link vmFamilyKey} compares case- and space-insensitively.
 * Availability per region and per subscription quota still varies; that is checked by Azure
 * at deploy time and is not what this table claims.
 */

/** One VM series: how its size names are built. */
interface Series {
    /** Series name as the docs write it. */
    series: string;
    /**
     * Quota family as Azure's quota APIs name it (Microsoft.Quota resource name, the
     * `family` of a Microsoft.Compute resource SKU), e.g. `standardDSv2Family`.
     */
    family: string;
    /** Size names (without the `Standard_` prefix). */
    sizes: string[];
}

/** `D2s_v5`-style names: one per vCPU count, with an infix after the count and an optional version. */
function family(letter: string, counts: readonly number[], infix: string, version: string): string[] {
    return counts.map((n) => `${letter}${n}${infix}${version ? `_${version}` : ""}`);
}

const SERIES: readonly Series[] = [
    // General purpose.
    { series: "Dv2", family: "standardDv2Family", sizes: ["D1_v2", "D2_v2", "D3_v2", "D4_v2", "D5_v2", "D11_v2", "D12_v2", "D13_v2", "D14_v2", "D15_v2"] },
    { series: "DSv2", family: "standardDSv2Family", sizes: ["DS1_v2", "DS2_v2", "DS3_v2", "DS4_v2", "DS5_v2", "DS11_v2", "DS12_v2", "DS13_v2", "DS14_v2", "DS15_v2"] },
    { series: "Dv3", family: "standardDv3Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64], "", "v3") },
    { series: "Dsv3", family: "standardDSv3Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64], "s", "v3") },
    { series: "Dav4", family: "standardDAv4Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "a", "v4") },
    { series: "Dasv4", family: "standardDASv4Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "as", "v4") },
    { series: "Dv4", family: "standardDv4Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64], "", "v4") },
    { series: "Dsv4", family: "standardDSv4Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64], "s", "v4") },
    { series: "Ddsv4", family: "standardDDSv4Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64], "ds", "v4") },
    { series: "Dv5", family: "standardDv5Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "", "v5") },
    { series: "Dsv5", family: "standardDSv5Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "s", "v5") },
    { series: "Ddsv5", family: "standardDDSv5Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "ds", "v5") },
    { series: "Dadsv5", family: "standardDADSv5Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "ads", "v5") },
    { series: "Dasv5", family: "standardDASv5Family", sizes: family("D", [2, 4, 8, 16, 32, 48, 64, 96], "as", "v5") },
    // Memory optimised.
    { series: "Ev3", family: "standardEv3Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64], "", "v3") },
    { series: "Esv3", family: "standardESv3Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64], "s", "v3") },
    { series: "Eav4", family: "standardEAv4Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64, 96], "a", "v4") },
    { series: "Easv4", family: "standardEASv4Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64, 96], "as", "v4") },
    { series: "Ev4", family: "standardEv4Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64], "", "v4") },
    { series: "Esv4", family: "standardESv4Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64], "s", "v4") },
    { series: "Edv4", family: "standardEDv4Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64], "d", "v4") },
    { series: "Edsv4", family: "standardEDSv4Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64], "ds", "v4") },
    { series: "Ev5", family: "standardEv5Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64, 96, 104], "", "v5") },
    { series: "Esv5", family: "standardESv5Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64, 96, 104], "s", "v5") },
    { series: "Edsv5", family: "standardEDSv5Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64, 96, 104], "ds", "v5") },
    { series: "Easv5", family: "standardEASv5Family", sizes: family("E", [2, 4, 8, 16, 20, 32, 48, 64, 96, 112], "as", "v5") },
    { series: "M", family: "standardMSFamily", sizes: ["M8ms", "M16ms", "M32ts", "M32ls", "M32ms", "M64s", "M64ls", "M64ms", "M128s", "M128ms"] },
    // Compute optimised.
    { series: "Fsv2", family: "standardFSv2Family", sizes: family("F", [2, 4, 8, 16, 32, 48, 64, 72], "s", "v2") },
    { series: "FX", family: "standardFXMDVSFamily", sizes: ["FX4mds", "FX12mds", "FX24mds", "FX36mds", "FX48mds"] },
    // Storage optimised.
    { series: "Lsv2", family: "standardLSv2Family", sizes: family("L", [8, 16, 32, 48, 64, 80], "s", "v2") },
    // High performance compute.
    { series: "HB", family: "standardHBSFamily", sizes: ["HB60rs"] },
    { series: "HBv2", family: "standardHBrsv2Family", sizes: ["HB120rs_v2"] },
    { series: "HBv3", family: "standardHBv3Family", sizes: ["HB120rs_v3", "HB120-16rs_v3", "HB120-32rs_v3", "HB120-64rs_v3", "HB120-96rs_v3"] },
    { series: "HC", family: "standardHCSFamily", sizes: ["HC44rs"] },
    // GPU.
    { series: "NCv3", family: "standardNCSv3Family", sizes: ["NC6s_v3", "NC12s_v3", "NC24s_v3", "NC24rs_v3"] },
    { series: "NCasT4_v3", family: "standardNCASv3_T4Family", sizes: ["NC4as_T4_v3", "NC8as_T4_v3", "NC16as_T4_v3", "NC64as_T4_v3"] },
    { series: "NC_A100_v4", family: "standardNCADSA100v4Family", sizes: ["NC24ads_A100_v4", "NC48ads_A100_v4", "NC96ads_A100_v4"] },
    { series: "NCads_H100_v5", family: "standardNCadsH100v5Family", sizes: ["NC40ads_H100_v5", "NC80adis_H100_v5"] },
    { series: "NDv2", family: "standardNDSv2Family", sizes: ["ND40rs_v2"] },
    { series: "ND_A100_v4", family: "standardNDASv4_A100Family", sizes: ["ND96asr_v4"] },
    { series: "NDm_A100_v4", family: "standardNDAMSv4_A100Family", sizes: ["ND96amsr_A100_v4"] },
    { series: "ND_H100_v5", family: "standardNDSH100v5Family", sizes: ["ND96isr_H100_v5"] },
    { series: "NVv3", family: "standardNVSv3Family", sizes: ["NV12s_v3", "NV24s_v3", "NV48s_v3"] },
    { series: "NVv4", family: "standardNVSv4Family", sizes: ["NV4as_v4", "NV8as_v4", "NV16as_v4", "NV32as_v4"] },
    { series: "NVadsA10_v5", family: "standardNVADSA10v5Family", sizes: ["NV6ads_A10_v5", "NV12ads_A10_v5", "NV18ads_A10_v5", "NV36ads_A10_v5", "NV36adms_A10_v5", "NV72ads_A10_v5"] },
];

/** Every size Azure ML compute can use, `Standard_` prefixed, e.g. `Standard_DS3_v2`. */
export const AML_VM_SIZES: readonly string[] = Object.freeze(SERIES.flatMap((s) => s.sizes.map((size) => `Standard_${size}`)));

const BY_LOWER = new Map(AML_VM_SIZES.map((s) => [s.toLowerCase(), s]));

/** The canonical spelling of a size (ARM compares sizes case-insensitively), or undefined when no such size exists. */
export function canonicalVmSize(size: string): string | undefined {
    return BY_LOWER.get(size.toLowerCase());
}

/** The series a size belongs to, e.g. `DSv2` for `Standard_DS3_v2`. */
export function seriesOfVmSize(size: string): string | undefined {
    const canonical = canonicalVmSize(size);
    return canonical === undefined ? undefined : SERIES.find((s) => s.sizes.some((x) => `Standard_${x}` === canonical))?.series;
}

/** Every quota family of the table, as the table spells it (Microsoft.Quota resource names). */
export const VM_FAMILIES: readonly string[] = Object.freeze([...new Set(SERIES.map((s) => s.family))]);

/**
 * The comparison key of a family name: Azure spells one family several ways across its APIs
 * (`Standard NCASv3_T4 Family`, `standardNCASv3_T4Family`), differing only in case and spaces.
 */
export function vmFamilyKey(family: string): string {
    return family.replace(/\s+/g, "").toLowerCase();
}

const FAMILY_BY_KEY = new Map(VM_FAMILIES.map((f) => [vmFamilyKey(f), f]));

/** The table's spelling of a family name given in any of Azure's spellings, or undefined when unknown. */
export function canonicalVmFamily(family: string): string | undefined {
    return FAMILY_BY_KEY.get(vmFamilyKey(family));
}

/** The quota family of a size, e.g. `standardDSv2Family` for `Standard_DS3_v2`; undefined for an unknown size. */
export function vmFamilyOf(size: string): string | undefined {
    const canonical = canonicalVmSize(size);
    return canonical === undefined ? undefined : SERIES.find((s) => s.sizes.some((x) => `Standard_${x}` === canonical))?.family;
}
