/**
 * The plan's cost estimate (issue 13, item 4): the monthly list price of the fixed-price things the
 * plan creates, per team and in total, from offline/price-table.ts. Pure: a captured graph in, line
 * items out. Usage-based charges (storage, data, ingestion, requests) are listed as not estimated
 * rather than invented.
 *
 * Quantities, and the assumptions behind them:
 * - AKS: the cluster tier (Standard/Premium per cluster hour; Free costs nothing) plus every node pool at
 *   its minimum count (`minCount` with autoscaling, else `count`), 730 h.
 * - AML compute clusters: `minNodeCount` nodes for 730 h (0: "scales to zero", nothing fixed).
 * - Compute instances: 730 h when no stop schedule is set; with a stop schedule, business hours
 *   (10 h × 22 working days = 220 h): the schedule's exact hours are not evaluated.
 * - Managed online deployments: `sku.capacity` (instance count) × the instance type's VM, 730 h.
 *   Kubernetes online deployments run on the AKS nodes already counted: no extra line.
 * - Container instances: requested vCPU and memory for 730 h.
 * - Private endpoints, including the workspace managed network's private endpoint outbound rules: 730 h.
 * - The managed network firewall: one per workspace in "allow only approved outbound" mode with FQDN
 *   rules ("FQDN rules are implemented by an Azure Firewall": MicrosoftDocs azure-docs
 *   articles/machine-learning/how-to-managed-network.md, Pricing), at its `firewallSku` (default Standard).
 * - Registries: the ACR SKU per day; an AML registry creates an ACR per region (its `acrAccountSku`).
 * - Key Vault HSM keys (kty RSA-HSM/EC-HSM): per key per month. IoT Hub: units × SKU unit price.
 */
import type { CapturedResource, CapturedStack } from "./graph";
import { isSecret, UNKNOWN } from "./graph";
import { teamsOf } from "./plan-teams";
import {
    HOURS_PER_MONTH,
    monthlyOf,
    PRICE_TABLE_CURRENCY,
    PRICE_TABLE_DATE,
    PRICE_TABLE_REGION,
    PRICES,
    VM_PRICES,
    type PriceEntry,
} from "./price-table";

/** Group name of resources that belong to no team. */
export const PLATFORM_GROUP = "platform";

/** Hours a compute instance with a stop schedule is assumed to run in a month (10 h × 22 days). */
export const SCHEDULED_INSTANCE_HOURS = 220;

/** One priced line. */
export interface CostLine {
    /** Team, or "platform". */
    team: string;
    /** Logical name of the resource the charge comes from. */
    resource: string;
    /** What is charged (the price table's item). */
    item: string;
    /** How many units (nodes, instances, endpoints, keys, hub units...). */
    quantity: number;
    /** Hours per month each unit is counted for (hourly items), else null. */
    hours: number | null;
    /** The list price per unit and its unit. */
    unitPrice: number;
    /** "hour", "day" or "month". */
    unit: string;
    /** quantity × unit price for a month, USD, rounded to cents. */
    monthly: number;
    /** "published" or "estimate" (price-table.ts). */
    basis: string;
    /** The price's source. */
    source: string;
    /** The assumption behind the quantity, when there is one. */
    note?: string;
}

/** A resource whose charge is usage-based or not in the price table. */
export interface UncountedItem {
    /** Team, or "platform". */
    team: string;
    /** Logical name. */
    resource: string;
    /** Short kind for the text summary, e.g. "storage". */
    kind: string;
    /** What it is and why it is not counted. */
    reason: string;
}

/** The estimate the plan prints and writes. */
export interface CostEstimate {
    /** Always says it is an estimate. */
    label: string;
    /** Currency of every figure. */
    currency: string;
    /** The region the plan deploys to (the most common `location` input), "unknown" when none is known. */
    region: string;
    /** Where the price table's figures are for (price-table.ts PRICE_TABLE_REGION). */
    priceRegion: string;
    /** Date of the price table. */
    priceTableDate: string;
    /** Hours per month used. */
    hoursPerMonth: number;
    /** Priced lines, in registration order. */
    lines: CostLine[];
    /** Per group ("platform" first, then teams in registration order): monthly total. */
    teams: { team: string; monthly: number }[];
    /** Sum of all lines. */
    total: number;
    /** How many lines rest on toolkit estimates rather than published figures. */
    estimatedLines: number;
    /** Usage-based charges, listed, not estimated. */
    usageBased: UncountedItem[];
    /** Fixed-price items the table has no price for, or whose inputs are not known yet (preview): counted as 0. */
    unpriced: UncountedItem[];
}

const cents = (n: number): number => Math.round(n * 100) / 100;

/** The plain value of an input (secrets unwrapped; unknowns stay UNKNOWN). */
function plain(v: unknown): unknown {
    return isSecret(v) ? v.value : v;
}

/** A nested input by path, undefined when absent or unknown. */
function at(r: CapturedResource, ...path: string[]): unknown {
    let v: unknown = r.inputs;
    for (const k of path) {
        v = plain(v);
        if (v === UNKNOWN || v === null || typeof v !== "object") return undefined;
        v = (v as Record<string, unknown>)[k];
    }
    v = plain(v);
    return v === UNKNOWN ? undefined : v;
}

/** True when the value at the path is not known yet (preview). */
function unknownAt(r: CapturedResource, ...path: string[]): boolean {
    let v: unknown = r.inputs;
    for (const k of path) {
        v = plain(v);
        if (v === UNKNOWN) return true;
        if (v === null || typeof v !== "object") return false;
        v = (v as Record<string, unknown>)[k];
    }
    return plain(v) === UNKNOWN;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Usage-based resource types: listed, never estimated. */
const USAGE_BASED: Readonly<Record<string, readonly [kind: string, reason: string]>> = {
    "azure-native:storage:StorageAccount": ["storage", "storage capacity, transactions and egress: usage-based, not estimated"],
    "azure-native:operationalinsights:Workspace": ["Log Analytics", "Log Analytics ingestion and retention: usage-based, not estimated"],
    "azure-native:applicationinsights:Component": ["Application Insights", "Application Insights ingestion: usage-based, not estimated"],
    "azure-native:machinelearningservices:OnlineEndpoint": ["endpoint traffic", "endpoint requests and data processed: usage-based, not estimated (its deployments' instances are counted)"],
    "azure-native:privatedns:PrivateZone": ["private DNS", "private DNS zone and queries: small fixed fee plus queries, not estimated"],
};

/** Builds the estimate from a captured stack. */
export function estimateCost(stack: CapturedStack): CostEstimate {
    const teams = teamsOf(stack);
    const groupOf = (r: CapturedResource): string => teams.get(r.urn) ?? PLATFORM_GROUP;
    const lines: CostLine[] = [];
    const usageBased: UncountedItem[] = [];
    const unpriced: UncountedItem[] = [];

    const add = (r: CapturedResource, price: PriceEntry, quantity: number, note?: string): void => {
        const hours = price.unit === "hour" ? HOURS_PER_MONTH : null;
        lines.push({
            team: groupOf(r),
            resource: r.name,
            item: price.item,
            quantity,
            hours,
            unitPrice: price.usd,
            unit: price.unit,
            monthly: cents(quantity * monthlyOf(price)),
            basis: price.basis,
            source: price.source,
            ...(note ? { note } : {}),
        });
    };
    /** A line at a fraction of the month (scheduled compute instances). */
    const addHours = (r: CapturedResource, price: PriceEntry, quantity: number, hours: number, note: string): void => {
        lines.push({
            team: groupOf(r),
            resource: r.name,
            item: price.item,
            quantity,
            hours,
            unitPrice: price.usd,
            unit: price.unit,
            monthly: cents(quantity * hours * price.usd),
            basis: price.basis,
            source: price.source,
            note,
        });
    };
    const missing = (r: CapturedResource, what: string): void => {
        unpriced.push({ team: groupOf(r), resource: r.name, kind: "unpriced", reason: `${what}: no price in offline/price-table.ts` });
    };
    const vm = (r: CapturedResource, size: string | undefined, count: number, note: string): void => {
        if (count <= 0) return;
        const price = size ? VM_PRICES[size] : undefined;
        if (price) add(r, price, count, note);
        else missing(r, `VM size ${size ?? "(unknown)"} × ${count}`);
    };
    const registry = (r: CapturedResource, sku: string | undefined): void => {
        const price = sku === "Basic" ? PRICES.acrBasic : sku === "Standard" ? PRICES.acrStandard : sku === "Premium" ? PRICES.acrPremium : undefined;
        if (price) add(r, price, 1);
        else missing(r, `container registry SKU ${sku ?? "(unknown)"}`);
    };
    const pool = (r: CapturedResource, p: Record<string, unknown>): void => {
        const auto = p.enableAutoScaling === true;
        const count = num(auto ? p.minCount : p.count) ?? num(p.count) ?? 0;
        vm(r, str(p.vmSize), count, `node pool ${str(p.name) ?? r.name}: ${auto ? "autoscaling minimum" : "fixed count"} ${count}`);
    };

    for (const r of stack.resources) {
        if (!r.custom) continue;
        if (USAGE_BASED[r.type]) {
            const [kind, reason] = USAGE_BASED[r.type];
            usageBased.push({ team: groupOf(r), resource: r.name, kind, reason });
            continue;
        }
        switch (r.type) {
            case "azure-native:network:PrivateEndpoint":
                add(r, PRICES.privateEndpoint, 1);
                break;
            case "azure-native:containerregistry:Registry":
                registry(r, str(at(r, "sku", "name")));
                break;
            case "azure-native:machinelearningservices:Registry": {
                const regions = at(r, "regionDetails");
                for (const d of Array.isArray(regions) ? regions : []) {
                    for (const acr of Array.isArray((d as Record<string, unknown>).acrDetails) ? ((d as Record<string, unknown>).acrDetails as Record<string, unknown>[]) : []) {
                        const sku = (acr.systemCreatedAcrAccount as Record<string, unknown> | undefined)?.acrAccountSku;
                        if (sku !== undefined) registry(r, str(sku));
                    }
                }
                break;
            }
            case "azure-native:keyvault:Key": {
                const kty = str(at(r, "properties", "kty"));
                if (kty === "RSA-HSM" || kty === "EC-HSM") {
                    const size = num(at(r, "properties", "keySize"));
                    add(r, kty === "RSA-HSM" && (size ?? 2048) <= 2048 ? PRICES.kvHsmKey2048 : PRICES.kvHsmKeyLarge, 1, `${kty}${size ? ` ${size}` : ""}`);
                } else {
                    usageBased.push({ team: groupOf(r), resource: r.name, kind: "key operations", reason: "software-protected key: per-operation charges, not estimated" });
                }
                break;
            }
            case "azure-native:iothub:IotHubResource": {
                const name = str(at(r, "sku", "name"));
                const units = num(at(r, "sku", "capacity")) ?? 1;
                const price = { B1: PRICES.iotHubB1, S1: PRICES.iotHubS1, S2: PRICES.iotHubS2, S3: PRICES.iotHubS3 }[name ?? ""];
                if (name === "F1") break;
                if (price) add(r, price, units, `${units} unit${units === 1 ? "" : "s"}`);
                else missing(r, `IoT Hub SKU ${name ?? "(unknown)"}`);
                break;
            }
            case "azure-native:containerservice:ManagedCluster": {
                const tier = str(at(r, "sku", "tier")) ?? "Free";
                if (tier === "Standard") add(r, PRICES.aksStandard, 1);
                else if (tier === "Premium") add(r, PRICES.aksPremium, 1);
                const profiles = at(r, "agentPoolProfiles");
                for (const p of Array.isArray(profiles) ? profiles : []) pool(r, p as Record<string, unknown>);
                break;
            }
            case "azure-native:containerservice:AgentPool":
                pool(r, { ...r.inputs, name: plain(r.inputs.agentPoolName) ?? r.name });
                break;
            case "azure-native:machinelearningservices:Compute": {
                const kind = str(at(r, "properties", "computeType"));
                if (kind === "AmlCompute") {
                    const min = num(at(r, "properties", "properties", "scaleSettings", "minNodeCount")) ?? 0;
                    const size = str(at(r, "properties", "properties", "vmSize"));
                    if (min === 0) usageBased.push({ team: groupOf(r), resource: r.name, kind: "compute clusters scaling to zero", reason: `compute cluster ${size ?? ""}: minimum 0 nodes, scales to zero (job hours are usage-based)` });
                    else vm(r, size, min, `compute cluster minimum ${min} node${min === 1 ? "" : "s"}`);
                } else if (kind === "ComputeInstance") {
                    const size = str(at(r, "properties", "properties", "vmSize"));
                    const schedules = at(r, "properties", "properties", "schedules", "computeStartStop");
                    const stops = Array.isArray(schedules) && schedules.some((s) => (s as Record<string, unknown>).action === "Stop");
                    const price = size ? VM_PRICES[size] : undefined;
                    if (!price) missing(r, `compute instance VM size ${size ?? "(unknown)"}`);
                    else if (stops) addHours(r, price, 1, SCHEDULED_INSTANCE_HOURS, `stop schedule: assumed ${SCHEDULED_INSTANCE_HOURS} h (10 h × 22 working days)`);
                    else add(r, price, 1, "no stop schedule: runs 730 h");
                }
                // Kubernetes (attached AKS) computes cost nothing themselves: the nodes are counted on the cluster.
                break;
            }
            case "azure-native:machinelearningservices:OnlineDeployment": {
                if (str(at(r, "properties", "endpointComputeType")) !== "Managed") break; // on AKS nodes already counted
                const count = num(at(r, "sku", "capacity")) ?? 1;
                vm(r, str(at(r, "properties", "instanceType")), count, `managed online deployment: ${count} instance${count === 1 ? "" : "s"}`);
                break;
            }
            case "azure-native:containerinstance:ContainerGroup": {
                const containers = at(r, "containers");
                let cpu = 0;
                let mem = 0;
                for (const c of Array.isArray(containers) ? containers : []) {
                    const req = ((c as Record<string, unknown>).resources as Record<string, unknown> | undefined)?.requests as Record<string, unknown> | undefined;
                    cpu += num(req?.cpu) ?? 0;
                    mem += num(req?.memoryInGB) ?? 0;
                }
                if (cpu > 0) add(r, PRICES.aciVcpu, cpu, "requested vCPU, running all month");
                if (mem > 0) add(r, PRICES.aciMemoryGb, mem, "requested memory GB, running all month");
                break;
            }
            case "azure-native:machinelearningservices:Workspace": {
                // In a preview the managed network is unknown as a whole when a rule names a resource ID not
                // created yet: say what is not counted rather than dropping the firewall silently.
                if (unknownAt(r, "managedNetwork")) {
                    unpriced.push({ team: groupOf(r), resource: r.name, kind: "unknown", reason: "managed network not known until deployment (preview): its firewall and private endpoint rules are not counted" });
                    break;
                }
                const mode = str(at(r, "managedNetwork", "isolationMode"));
                const rules = at(r, "managedNetwork", "outboundRules");
                const list = rules && typeof rules === "object" ? Object.values(rules as Record<string, unknown>) : [];
                const type = (x: unknown): unknown => (x && typeof x === "object" ? (x as Record<string, unknown>).type : undefined);
                const fqdn = list.filter((x) => type(x) === "FQDN").length;
                const pe = list.filter((x) => type(x) === "PrivateEndpoint").length;
                if (mode === "AllowOnlyApprovedOutbound" && fqdn > 0) {
                    const sku = str(at(r, "managedNetwork", "firewallSku")) ?? "Standard";
                    add(r, sku === "Basic" ? PRICES.firewallBasic : PRICES.firewallStandard, 1, `managed network firewall for ${fqdn} FQDN rule${fqdn === 1 ? "" : "s"}`);
                }
                if (pe > 0) add(r, PRICES.privateEndpoint, pe, "managed network private endpoint outbound rules");
                break;
            }
            default:
                break;
        }
    }

    const order: string[] = [PLATFORM_GROUP];
    for (const r of stack.resources) {
        const g = groupOf(r);
        if (!order.includes(g)) order.push(g);
    }
    const perTeam = order
        .map((team) => ({ team, monthly: cents(lines.filter((l) => l.team === team).reduce((s, l) => s + l.monthly, 0)) }))
        .filter((t) => t.team === PLATFORM_GROUP || lines.some((l) => l.team === t.team));
    return {
        label: "estimate: monthly list prices of fixed-price items; not a quote (usage, discounts and tax not included)",
        currency: PRICE_TABLE_CURRENCY,
        region: planRegion(stack),
        priceRegion: PRICE_TABLE_REGION,
        priceTableDate: PRICE_TABLE_DATE,
        hoursPerMonth: HOURS_PER_MONTH,
        lines,
        teams: perTeam,
        total: cents(lines.reduce((s, l) => s + l.monthly, 0)),
        estimatedLines: lines.filter((l) => l.basis === "estimate").length,
        usageBased,
        unpriced,
    };
}

/** The region most resources of the plan are in (by their `location` input). */
export function planRegion(stack: CapturedStack): string {
    const count = new Map<string, number>();
    for (const r of stack.resources) {
        const loc = plain(r.inputs.location);
        // "global" is where DNS zones and similar non-regional resources live, not a deployment region.
        if (typeof loc === "string" && loc !== "" && loc !== "global") count.set(loc, (count.get(loc) ?? 0) + 1);
    }
    return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "unknown";
}

const usd = (n: number): string => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The short text section of the plan: per team and total. */
export function renderCostEstimate(e: CostEstimate): string {
    const rows = [...e.teams.map((t) => [t.team, usd(t.monthly)] as const), ["total", usd(e.total)] as const];
    const width = Math.max(...rows.map(([n]) => n.length));
    const kinds = new Map<string, number>();
    for (const u of e.usageBased) {
        kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    }
    return [
        `Monthly cost (estimate, list prices in ${e.currency}, ${e.region}, price table of ${e.priceTableDate}: ${e.priceRegion} prices; ${e.hoursPerMonth} h/month):`,
        ...rows.map(([n, v]) => `    ${n.padEnd(width)}  ${v.padStart(12)}`),
        `    ${e.lines.length} priced item${e.lines.length === 1 ? "" : "s"}, ${e.estimatedLines} at toolkit estimates (verify on the Azure pricing calculator); not a quote.`,
        ...(e.unpriced.length ? [`    not counted ($0): ${e.unpriced.map((u) => `${u.resource} (${u.reason})`).join("; ")}`] : []),
        ...(kinds.size ? [`    usage-based, not estimated: ${[...kinds].map(([k, n]) => `${k} (${n})`).join(", ")}`] : []),
    ].join("\n");
}
