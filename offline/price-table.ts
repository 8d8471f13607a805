/**
 * Monthly list prices (USD, pay-as-you-go, before discounts and tax) of the fixed-price items the
 * plan's cost estimate counts (offline/cost-estimate.ts). One table, with each price's source,
 * region and the date the table was written; nothing here is a quote.
 *
 * `basis` says how far to trust a figure:
 * - "published": the figure is in the cited source (a Microsoft page or Microsoft's Retail Prices
 *   feed as read by the cited source) for the stated region.
 * - "estimate": the docs corpus the toolkit was written against gave NO figure for it; the value is a
 *   toolkit estimate of the list price and must be checked on the Azure pricing calculator
 *   (https://azure.microsoft.com/pricing/calculator/) before anyone relies on it.
 * Prices change and differ by region, agreement and currency: the estimate is labelled as such in
 * every output.
 */

/** Hours in a billing month, as the Azure pricing pages and calculator count them. */
export const HOURS_PER_MONTH = 730;

/** Days in a billing month for per-day prices (730 h / 24). */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/** How a price is charged. */
export type PriceUnit = "hour" | "day" | "month";

/** How far a figure is backed by its source. */
export type PriceBasis = "published" | "estimate";

/** One row of the price table. */
export interface PriceEntry {
    /** What is charged, as the pricing page names it. */
    item: string;
    /** The charge per unit, USD. */
    usd: number;
    /** The unit the charge is per. */
    unit: PriceUnit;
    /** Region the figure is for ("global" when the meter is not regional). */
    region: string;
    /** Where the figure (or the absence of one) comes from. */
    source: string;
    /** "published" or "estimate" (see the file comment). */
    basis: PriceBasis;
}

/** When the table was written. */
export const PRICE_TABLE_DATE = "2026-12-05";
/**
 * Where the table's figures are for: US list prices ("us (list)" entries; the private endpoint meter is
 * global). Prices in other regions (the shipped stacks deploy to westeurope) differ, usually by a few
 * percent; the plan prints both the plan's region and this one, so nobody reads one as the other.
 */
export const PRICE_TABLE_REGION = "US list";
/** Currency of every figure. */
export const PRICE_TABLE_CURRENCY = "USD";

const CALCULATOR = "no figure in the docs corpus; toolkit estimate, verify on the Azure pricing calculator (https://azure.microsoft.com/pricing/calculator/)";

/** Fixed-price items other than VM sizes. */
export const PRICES = {
    privateEndpoint: {
        item: "Private endpoint (Standard)",
        usd: 0.01,
        unit: "hour",
        region: "global",
        // Azure Retail Prices API, productName 'Virtual Network Private Link', meter 'Standard Private Endpoint',
        // 1 Hour = 0.01 USD, effective 2020-02-01, read 2026-09-17 (as recorded in
        // github.com/api-evangelist/microsoft-azure-private-link plans/microsoft-azure-private-link-plans-pricing.yml);
        // page https://azure.microsoft.com/pricing/details/private-link/
        source: "Azure Retail Prices API, 'Virtual Network Private Link' / 'Standard Private Endpoint' (read 2026-09-17); https://azure.microsoft.com/pricing/details/private-link/",
        basis: "published",
    },
    firewallStandard: {
        item: "Azure Firewall Standard (managed network, deployment hour)",
        usd: 1.25,
        unit: "hour",
        region: "us (list)",
        // The figure is from a third-party article (dev.to, "Azure Firewall Premium Without TLS Inspection"),
        // not from a Microsoft page: treat as an estimate. The managed network uses a Standard firewall for FQDN
        // rules (MicrosoftDocs azure-docs articles/machine-learning/how-to-managed-network.md).
        source: "third-party article quoting $1.25/h (dev.to, 'Azure Firewall Premium Without TLS Inspection'); https://azure.microsoft.com/pricing/details/azure-firewall/ — verify on the Azure pricing calculator",
        basis: "estimate",
    },
    firewallBasic: {
        item: "Azure Firewall Basic (managed network, deployment hour)",
        usd: 0.395,
        unit: "hour",
        region: "us (list)",
        source: CALCULATOR,
        basis: "estimate",
    },
    acrBasic: {
        item: "Container Registry Basic",
        usd: 0.167,
        unit: "day",
        region: "us (list)",
        // Microsoft Learn, "Azure Container Registry service tiers" (container-registry-skus), worked example:
        // "If you purchase a Basic tier registry ... The price you pay here is $0.167 per day."
        source: "Microsoft Learn, 'Azure Container Registry service tiers' (container-registry-skus), Basic example $0.167/day",
        basis: "published",
    },
    acrStandard: { item: "Container Registry Standard", usd: 0.667, unit: "day", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    acrPremium: { item: "Container Registry Premium", usd: 1.667, unit: "day", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    // Key Vault Premium: HSM-protected RSA keys are charged per key per month; 3072- and 4096-bit keys at a higher rate.
    kvHsmKey2048: { item: "Key Vault HSM-protected key, RSA 2048", usd: 1, unit: "month", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    kvHsmKeyLarge: { item: "Key Vault HSM-protected key, RSA 3072/4096 or EC", usd: 5, unit: "month", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    iotHubB1: { item: "IoT Hub B1 unit", usd: 10, unit: "month", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    iotHubS1: { item: "IoT Hub S1 unit", usd: 25, unit: "month", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    iotHubS2: { item: "IoT Hub S2 unit", usd: 250, unit: "month", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    iotHubS3: { item: "IoT Hub S3 unit", usd: 2500, unit: "month", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    aksStandard: {
        item: "AKS Standard tier cluster management",
        usd: 0.1,
        unit: "hour",
        region: "us (list)",
        // The AKS tier page (MicrosoftDocs azure-aks-docs free-standard-pricing-tiers.md) says Standard is charged per
        // cluster hour but gives no figure.
        source: `AKS tiers page (learn.microsoft.com/azure/aks/free-standard-pricing-tiers) states a per-cluster-hour charge without the figure; ${CALCULATOR}`,
        basis: "estimate",
    },
    aksPremium: { item: "AKS Premium tier cluster management", usd: 0.6, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    aciVcpu: { item: "Container Instances vCPU (Linux)", usd: 0.0405, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    aciMemoryGb: { item: "Container Instances memory GB (Linux)", usd: 0.00445, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
} as const satisfies Record<string, PriceEntry>;

/** Linux pay-as-you-go VM prices per hour for the sizes the shipped stacks use (AML compute bills the VM only). */
export const VM_PRICES: Readonly<Record<string, PriceEntry>> = {
    Standard_DS3_v2: { item: "VM Standard_DS3_v2 (4 vCPU, 14 GiB)", usd: 0.293, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    Standard_D4ds_v5: { item: "VM Standard_D4ds_v5 (4 vCPU, 16 GiB)", usd: 0.226, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    Standard_D8ds_v5: { item: "VM Standard_D8ds_v5 (8 vCPU, 32 GiB)", usd: 0.452, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
    Standard_NP10s: { item: "VM Standard_NP10s (10 vCPU, 168 GiB, 1 Xilinx U250 FPGA)", usd: 1.65, unit: "hour", region: "us (list)", source: CALCULATOR, basis: "estimate" },
};

/** Every entry of the table (for listing and tests). */
export function allPrices(): PriceEntry[] {
    return [...Object.values(PRICES), ...Object.values(VM_PRICES)];
}

/** A price per month for one unit of the entry (730 h, 730/24 days). */
export function monthlyOf(p: PriceEntry): number {
    return p.unit === "hour" ? p.usd * HOURS_PER_MONTH : p.unit === "day" ? p.usd * DAYS_PER_MONTH : p.usd;
}
