/**
 * The plan's cost estimate (offline/cost-estimate.ts) on small graphs: quantities (pool minimums,
 * scale to zero, instance counts, schedules), per-team totals, usage-based items, and the price
 * table's sources (offline/price-table.ts).
 */
import type { CapturedResource } from "../../offline/graph";
import { UNKNOWN } from "../../offline/graph";
import { estimateCost, renderCostEstimate, SCHEDULED_INSTANCE_HOURS } from "../../offline/cost-estimate";
import { allPrices, HOURS_PER_MONTH, PRICE_TABLE_DATE, PRICES, VM_PRICES } from "../../offline/price-table";
import { res, stackOf } from "../policies/helpers";

const tagged = (team: string | undefined) => ({ tags: team ? { team } : { env: "test" } });

const aml = (name: string, team: string | undefined, props: Record<string, unknown>): CapturedResource =>
    res("azure-native:machinelearningservices:Compute", name, { ...tagged(team), properties: props });

const cluster = (name: string, team: string | undefined, vmSize: string, minNodeCount: number) =>
    aml(name, team, { computeType: "AmlCompute", properties: { vmSize, scaleSettings: { minNodeCount, maxNodeCount: 4 } } });

const pe = (name: string) => res("azure-native:network:PrivateEndpoint", name, tagged(undefined));

describe("estimateCost on small graphs", () => {
    it("a compute cluster with minimum 0 scales to zero: no cost, listed as not estimated", () => {
        const e = estimateCost(stackOf([cluster("c0", "risk", "Standard_DS3_v2", 0)]));
        expect(e.lines).toEqual([]);
        expect(e.total).toBe(0);
        expect(e.usageBased).toEqual([expect.objectContaining({ resource: "c0", team: "risk", reason: expect.stringContaining("scales to zero") })]);
    });

    it("a compute cluster with a minimum pays for its minimum nodes all month", () => {
        const e = estimateCost(stackOf([cluster("c2", "risk", "Standard_DS3_v2", 2)]));
        expect(e.lines).toHaveLength(1);
        expect(e.lines[0]).toMatchObject({ team: "risk", quantity: 2, hours: HOURS_PER_MONTH, unitPrice: VM_PRICES.Standard_DS3_v2.usd });
        expect(e.total).toBeCloseTo(2 * HOURS_PER_MONTH * VM_PRICES.Standard_DS3_v2.usd, 2);
    });

    it("AKS: the tier per cluster and every pool at its autoscaling minimum (or fixed count)", () => {
        const aks = res("azure-native:containerservice:ManagedCluster", "aks", {
            ...tagged(undefined),
            sku: { name: "Base", tier: "Standard" },
            agentPoolProfiles: [{ name: "system", vmSize: "Standard_D4ds_v5", count: 3, minCount: 2, maxCount: 5, enableAutoScaling: true }],
        });
        const pool = res("azure-native:containerservice:AgentPool", "pool", { agentPoolName: "gpu", vmSize: "Standard_D8ds_v5", count: 4, enableAutoScaling: false });
        const free = res("azure-native:containerservice:ManagedCluster", "free", { ...tagged(undefined), sku: { name: "Base", tier: "Free" }, agentPoolProfiles: [] });
        const e = estimateCost(stackOf([aks, pool, free]));
        expect(e.lines.map((l) => [l.resource, l.item, l.quantity])).toEqual([
            ["aks", PRICES.aksStandard.item, 1],
            ["aks", VM_PRICES.Standard_D4ds_v5.item, 2],
            ["pool", VM_PRICES.Standard_D8ds_v5.item, 4],
        ]);
        const expected = HOURS_PER_MONTH * (PRICES.aksStandard.usd + 2 * VM_PRICES.Standard_D4ds_v5.usd + 4 * VM_PRICES.Standard_D8ds_v5.usd);
        expect(e.total).toBeCloseTo(expected, 1);
    });

    it("managed online deployments count instanceCount × VM; Kubernetes ones run on the counted nodes", () => {
        const managed = res("azure-native:machinelearningservices:OnlineDeployment", "blue", {
            ...tagged("risk"),
            sku: { name: "Default", capacity: 3 },
            properties: { endpointComputeType: "Managed", instanceType: "Standard_DS3_v2" },
        });
        const k8s = res("azure-native:machinelearningservices:OnlineDeployment", "k8s", {
            ...tagged("fraud"),
            sku: { name: "Default", capacity: 5 },
            properties: { endpointComputeType: "Kubernetes", instanceType: "cpu-large" },
        });
        const e = estimateCost(stackOf([managed, k8s]));
        expect(e.lines.map((l) => [l.resource, l.quantity])).toEqual([["blue", 3]]);
        expect(e.teams).toEqual([
            { team: "platform", monthly: 0 },
            { team: "risk", monthly: Math.round(3 * HOURS_PER_MONTH * VM_PRICES.Standard_DS3_v2.usd * 100) / 100 },
        ]);
    });

    it("compute instances: 730 h without a stop schedule, the stated business hours with one", () => {
        const props = (schedules?: unknown) => ({ computeType: "ComputeInstance", properties: { vmSize: "Standard_D4ds_v5", ...(schedules ? { schedules } : {}) } });
        const always = aml("always", "risk", props());
        const stopped = aml("stopped", "risk", props({ computeStartStop: [{ action: "Stop", triggerType: "Cron", cron: { expression: "0 20 * * 1-5" } }] }));
        const e = estimateCost(stackOf([always, stopped]));
        expect(e.lines.map((l) => [l.resource, l.hours])).toEqual([
            ["always", HOURS_PER_MONTH],
            ["stopped", SCHEDULED_INSTANCE_HOURS],
        ]);
        expect(e.lines[1].note).toMatch(/assumed 220 h/);
    });

    it("the managed network firewall only with FQDN rules in approved-outbound mode; PE rules as private endpoints", () => {
        const ws = (name: string, isolationMode: string, outboundRules: Record<string, unknown>) =>
            res("azure-native:machinelearningservices:Workspace", name, { ...tagged(undefined), managedNetwork: { isolationMode, outboundRules } });
        const e = estimateCost(
            stackOf([
                ws("approved", "AllowOnlyApprovedOutbound", { pypi: { type: "FQDN", destination: "pypi.org" }, lake: { type: "PrivateEndpoint", destination: {} } }),
                ws("tags-only", "AllowOnlyApprovedOutbound", { monitor: { type: "ServiceTag", destination: {} } }),
                ws("internet", "AllowInternetOutbound", { pypi: { type: "FQDN", destination: "pypi.org" } }),
            ]),
        );
        expect(e.lines.map((l) => [l.resource, l.item, l.quantity])).toEqual([
            ["approved", PRICES.firewallStandard.item, 1],
            ["approved", PRICES.privateEndpoint.item, 1],
        ]);
    });

    it("registries, HSM keys, IoT Hub units and private endpoints are priced per their SKU and count", () => {
        const e = estimateCost(
            stackOf([
                res("azure-native:containerregistry:Registry", "acr", { ...tagged(undefined), sku: { name: "Premium" } }),
                res("azure-native:keyvault:Key", "cmk", { properties: { kty: "RSA-HSM", keySize: 3072 } }),
                res("azure-native:keyvault:Key", "soft", { properties: { kty: "RSA", keySize: 2048 } }),
                res("azure-native:iothub:IotHubResource", "hub", { ...tagged(undefined), sku: { name: "S1", capacity: 2 } }),
                pe("pe1"),
                pe("pe2"),
            ]),
        );
        expect(e.lines.map((l) => [l.resource, l.item, l.quantity])).toEqual([
            ["acr", PRICES.acrPremium.item, 1],
            ["cmk", PRICES.kvHsmKeyLarge.item, 1],
            ["hub", PRICES.iotHubS1.item, 2],
            ["pe1", PRICES.privateEndpoint.item, 1],
            ["pe2", PRICES.privateEndpoint.item, 1],
        ]);
        expect(e.lines.find((l) => l.resource === "hub")?.monthly).toBe(2 * PRICES.iotHubS1.usd);
        expect(e.lines.find((l) => l.resource === "pe1")?.monthly).toBe(7.3);
        expect(e.usageBased.map((u) => u.resource)).toEqual(["soft"]);
    });

    it("per-team totals add up to the total; platform first, then teams in registration order", () => {
        const e = estimateCost(stackOf([cluster("f", "fraud", "Standard_D4ds_v5", 1), pe("pe"), cluster("r", "risk", "Standard_DS3_v2", 1), cluster("r2", "risk", "Standard_DS3_v2", 1)]));
        expect(e.teams.map((t) => t.team)).toEqual(["platform", "fraud", "risk"]);
        expect(e.teams.reduce((s, t) => s + t.monthly, 0)).toBeCloseTo(e.total, 2);
        expect(e.teams.find((t) => t.team === "risk")?.monthly).toBeCloseTo(2 * HOURS_PER_MONTH * VM_PRICES.Standard_DS3_v2.usd, 1);
    });

    it("a VM size without a price is reported as unpriced, never guessed; unknown values price nothing", () => {
        const e = estimateCost(stackOf([cluster("odd", "risk", "Standard_Z99", 1), cluster("later", "risk", UNKNOWN as unknown as string, 1)]));
        expect(e.lines).toEqual([]);
        expect(e.unpriced.map((u) => [u.resource, u.reason])).toEqual([
            ["odd", expect.stringContaining("Standard_Z99")],
            ["later", expect.stringContaining("(unknown)")],
        ]);
        expect(renderCostEstimate(e)).toContain("not counted ($0): odd (VM size Standard_Z99 × 1: no price in offline/price-table.ts)");
    });

    it("a managed network unknown in a preview is named as not counted, not dropped silently", () => {
        const ws = res("azure-native:machinelearningservices:Workspace", "ws", { ...tagged(undefined), managedNetwork: UNKNOWN });
        const e = estimateCost(stackOf([ws]));
        expect(e.lines).toEqual([]);
        expect(e.unpriced).toEqual([expect.objectContaining({ resource: "ws", reason: expect.stringMatching(/not known until deployment.*firewall/) })]);
    });

    it("the plan region is the most common location, not 'global'", () => {
        const at = (name: string, location: string) => res("azure-native:privatedns:PrivateZone", name, { location });
        expect(estimateCost(stackOf([at("a", "global"), at("b", "global"), at("c", "swedencentral")])).region).toBe("swedencentral");
        expect(estimateCost(stackOf([])).region).toBe("unknown");
    });

    it("the text section is labelled an estimate with region, date and hours, and lists each team and the total", () => {
        const located = { ...cluster("r", "risk", "Standard_DS3_v2", 1), inputs: { ...cluster("r", "risk", "Standard_DS3_v2", 1).inputs, location: "northeurope" } };
        const text = renderCostEstimate(estimateCost(stackOf([located, pe("pe")])));
        const lines = text.split("\n");
        expect(lines[0]).toBe(`Monthly cost (estimate, list prices in USD, northeurope, price table of ${PRICE_TABLE_DATE}: US list prices; 730 h/month):`);
        expect(lines.slice(1, 4).map((l) => l.trim().split(/\s+/)[0])).toEqual(["platform", "risk", "total"]);
        expect(lines[3]).toMatch(/total\s+\$221\.19$/);
        expect(text).toMatch(/toolkit estimates \(verify on the Azure pricing calculator\); not a quote/);
    });
});

describe("the price table", () => {
    it("every price has a positive figure, a source, a region and a basis; estimates say to verify", () => {
        for (const p of allPrices()) {
            expect(p.usd).toBeGreaterThan(0);
            expect(p.source.length).toBeGreaterThan(20);
            expect(p.region).not.toBe("");
            if (p.basis === "estimate") expect(p.source).toMatch(/verify on the Azure pricing calculator/);
            else expect(p.source).toMatch(/azure\.microsoft\.com|Microsoft Learn|Retail Prices/);
        }
    });

    it("prices the VM sizes the shipped stacks use", () => {
        expect(Object.keys(VM_PRICES).sort()).toEqual(["Standard_D4ds_v5", "Standard_D8ds_v5", "Standard_DS3_v2", "Standard_NP10s"]);
    });
});
