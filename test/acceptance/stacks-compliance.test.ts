/**
 * The shipped stacks against the shipped policy pack, through the same path
 * `npm run plan` takes, with no policy config file: production comes from the
 * `environment` tag the toolkit puts on every taggable resource. dev has no
 * mandatory violation, prod has none but one named advisory, on every Azure cloud; a new prod
 * stack with public access fails the plan (exit 1) out of the box.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { CLOUDS, type AzureCloud } from "../../components/clouds";
import { supportsIdentityInVirtualNetwork } from "../../components/serving/hosts/container-group-rules";
import { FPGA_REGIONS, isFpgaVmSize } from "../../components/fpga";
import { PRIVATE_LINK_ZONES } from "../../components/network/private-link-zones";
import type { CliIo } from "../../offline/cli-io";
import type { CapturedStack } from "../../offline/graph";
import { main as plan } from "../../offline/plan-cli";
import { evaluatePolicies } from "../../offline/policy-harness";
import type { PolicyReport } from "../../offline/policy-report";
import { runStack } from "../../offline/run-stack";
import { readStackConfig } from "../../offline/stack-file";
import { allPolicies } from "../../policies/all";
import { baseConfig, runPlatform } from "../helpers/stack";

const reports: Record<string, PolicyReport> = {};

/**
 * The one violation prod has: its created AKS cluster keeps local accounts because Azure ML
 * documents that it does not support disabling them ("Deploy Azure Machine Learning extension on
 * AKS or Arc Kubernetes cluster", Limitations), reported as advisory, naming that limitation.
 */
const PROD_LOCAL_ACCOUNTS_ADVISORY = {
    policyName: "aks-local-accounts-disabled",
    enforcementLevel: "advisory",
    urn: expect.stringMatching(/azure-native:containerservice:ManagedCluster::platform-k8s-shared-aks-cluster$/),
    message: expect.stringContaining("disableLocalAccounts is false; set it to true (kept: the AzureML extension platform-k8s-shared-azureml-extension targets this cluster and Azure Machine Learning doesn't support disabling local accounts for AKS"),
};
/**
 * The other: its Kubernetes online endpoint authenticates with Azure ML tokens, the strongest mode a
 * Kubernetes online endpoint offers (Entra ID tokens are for managed endpoints only: "Authenticate
 * clients for online endpoints"), reported as advisory.
 */
const PROD_AML_TOKEN_ADVISORY = {
    policyName: "online-endpoint-token-auth",
    enforcementLevel: "advisory",
    urn: expect.stringMatching(/azure-native:machinelearningservices:OnlineEndpoint::platform-team-fraud-endpoint-fraud-scoring-endpoint$/),
    message: expect.stringContaining("properties.authMode is AMLToken; set it to AADToken where the endpoint is managed (Kubernetes endpoints offer AMLToken at best)"),
};
/** Prod's advisories, in report order; nothing else. */
const PROD_ADVISORIES = [PROD_LOCAL_ACCOUNTS_ADVISORY, PROD_AML_TOKEN_ADVISORY];
/** A report's violations, as compared with {@link PROD_ADVISORIES}. */
const violationsOf = (r: PolicyReport) => r.violations.map((v) => ({ policyName: v.policyName, enforcementLevel: v.enforcementLevel, urn: v.urn, message: v.message }));
const graphs: Record<string, CapturedStack> = {};

/** The shipped stack file's config with the platform (and provider) moved to another cloud and region. */
function onCloud(stack: string, cloud: AzureCloud, location: string): Record<string, unknown> {
    const config = readStackConfig(stack);
    const platform = config["aml-workspace:platform"] as Record<string, unknown>;
    platform.cloud = cloud;
    platform.location = location;
    if ("azure-native:location" in config) config["azure-native:location"] = location;
    // Azure Government supports no managed identity on a container group in a virtual network, which
    // the config refuses (stacks/config-semantics-serving-aci.ts): there prod serves on its other hosts.
    if (!supportsIdentityInVirtualNetwork(cloud)) {
        for (const team of Object.values((platform.teams ?? {}) as Record<string, { serving?: { endpoints?: Record<string, { host: string }> } }>)) {
            const endpoints = team.serving?.endpoints ?? {};
            for (const [key, e] of Object.entries(endpoints)) if (e.host === "containerInstance") delete endpoints[key];
        }
    }
    // FPGA sizes exist only in the regions of components/fpga.ts, which the config enforces: elsewhere the
    // edge stack serves on its other host, and its FPGA cluster goes.
    if (!FPGA_REGIONS.includes(location)) {
        const endpoints = ((platform.serving ?? {}) as { endpoints?: Record<string, { host: string }> }).endpoints ?? {};
        for (const [key, e] of Object.entries(endpoints)) if (e.host === "fpga") delete endpoints[key];
        const clusters = ((platform.kubernetes ?? {}) as { clusters?: Record<string, { create?: { userPools?: Record<string, { vmSize: string }> } }> }).clusters ?? {};
        for (const [key, cl] of Object.entries(clusters)) if (Object.values(cl.create?.userPools ?? {}).some((p) => isFpgaVmSize(p.vmSize))) delete clusters[key];
    }
    return config;
}

/** One valid Azure ML region per cloud, from the cloud table (not the region the stacks ship with). */
const REGIONS: Record<AzureCloud, string> = { AzureCloud: "eastus2", AzureUSGovernment: "usgovvirginia", AzureChinaCloud: "chinanorth3" };

beforeAll(async () => {
    for (const stack of ["dev", "prod"]) {
        const run = await runStack({ stack, config: readStackConfig(stack) });
        graphs[stack] = run.graph;
        reports[stack] = evaluatePolicies(run.graph);
    }
    for (const cloud of Object.keys(CLOUDS) as AzureCloud[]) {
        expect(CLOUDS[cloud].mlRegions).toContain(REGIONS[cloud]);
        for (const stack of ["dev", "prod", "edge"]) {
            const run = await runStack({ stack, config: onCloud(stack, cloud, REGIONS[cloud]) });
            graphs[`${stack}@${cloud}`] = run.graph;
            reports[`${stack}@${cloud}`] = evaluatePolicies(run.graph);
        }
    }
    // A hub-and-spoke landing zone: adopted spoke network, zones in a central DNS subscription.
    const hubSub = "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-hub-dns/providers";
    const spoke = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke-ml";
    const zones = [...new Set(Object.values(PRIVATE_LINK_ZONES).flatMap((row) => row.AzureCloud).filter((z) => !z.includes("{region}")))];
    const hub = readStackConfig("prod");
    const hubPlatform = hub["aml-workspace:platform"] as Record<string, Record<string, unknown>>;
    hubPlatform.network = {
        ...hubPlatform.network,
        virtualNetwork: { existingId: spoke, subnetIds: { privateEndpoints: `${spoke}/subnets/snet-pe`, scoring: `${spoke}/subnets/snet-scoring`, aks: `${spoke}/subnets/snet-aks` } },
        privateDns: { mode: "existing", zoneIds: Object.fromEntries(zones.map((z) => [z, `${hubSub}/Microsoft.Network/privateDnsZones/${z}`])) },
    };
    reports.hubSpoke = evaluatePolicies((await runStack({ stack: "prod", config: hub })).graph);
    const preview = await runStack({ stack: "prod", config: readStackConfig("prod"), preview: true });
    reports.prodPreview = evaluatePolicies(preview.graph);
    const policyDns = await runPlatform(baseConfig({ network: { privateDns: { mode: "policyManaged" } } }), { stack: "policydns" });
    const dnsOn = { dnsManagedByPolicy: true };
    reports.policyDnsDefault = evaluatePolicies(policyDns.graph);
    reports.policyDnsDeclared = evaluatePolicies(policyDns.graph, { "private-endpoint-when-private": dnsOn, "ml-workspace-private-endpoint": dnsOn });
    const weakened = readStackConfig("prod");
    const platform = weakened["aml-workspace:platform"] as Record<string, unknown>;
    // Public, but still with its virtual network: the container group keeps its private IP in the scoring subnet.
    platform.network = { virtualNetwork: (platform.network as Record<string, unknown>).virtualNetwork, publicNetworkAccess: "Enabled", allowedIpRanges: ["203.0.113.0/24"] };
    // The model registry follows: public too, since no private endpoint would reach it.
    if (platform.modelRegistry) (platform.modelRegistry as Record<string, unknown>).publicNetworkAccess = "Enabled";
    const run = await runStack({ stack: "prod", config: weakened });
    graphs.weakened = run.graph;
    reports.weakened = evaluatePolicies(run.graph);
    reports.weakenedOverridden = evaluatePolicies(run.graph, Object.fromEntries(allPolicies.filter((p) => p.productionGated).map((p) => [p.name, { production: false }])));
});

const mandatory = (r: PolicyReport) => r.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}: ${v.message}`);

it("dev: no mandatory violation, no policy failure, no skipped evaluation", () => {
    expect(mandatory(reports.dev)).toEqual([]);
    expect(reports.dev.errors).toEqual([]);
    expect(reports.dev.skipped).toEqual([]);
    expect(reports.dev.summary.passed).toBe(true);
});

it("dev: its deliberate weakenings are still reported, as advisories (its resources are tagged environment: dev)", () => {
    const names = new Set(reports.dev.violations.map((v) => v.policyName));
    expect(names).toContain("ml-workspace-public-network-disabled");
    expect(names).toContain("storage-public-network-disabled");
    expect(names).toContain("stateful-resources-protected");
});

it("prod: no violation but the local-accounts advisory of its AzureML cluster, and every policy ran", () => {
    expect(violationsOf(reports.prod)).toEqual(PROD_ADVISORIES);
    expect(reports.prod.errors).toEqual([]);
    expect(reports.prod.evaluated.map((o) => o.policyName)).toEqual(allPolicies.map((p) => p.name));
});

it("prod: each stack policy checked something and passed, but aks-local-accounts-disabled's advisory (from the harness's report)", () => {
    const stackOutcomes = reports.prod.evaluated.filter((o) => o.kind === "stack");
    expect(stackOutcomes.length).toBe(allPolicies.filter((p) => p.kind === "stack").length);
    for (const o of stackOutcomes) {
        const outcome = o.policyName === PROD_LOCAL_ACCOUNTS_ADVISORY.policyName ? "violated" : "passed";
        expect({ policy: o.policyName, outcome: o.outcome, applied: o.applied }).toEqual({ policy: o.policyName, outcome, applied: 1 });
    }
});

it("prod in a hub-and-spoke landing zone with central DNS: no violation but the local-accounts advisory (zone names read from the zone IDs)", () => {
    expect(violationsOf(reports.hubSpoke)).toEqual(PROD_ADVISORIES);
});

it("prod in preview (IDs unknown): relations are found through the dependency graph, so no false violation; unreadable values are skipped, not passed", () => {
    // The extension names the created cluster through the graph (its name is unknown in preview): the advisory still applies.
    // The Kubernetes endpoint's properties hold its compute's ID, unknown in preview: its auth mode is
    // judged on the deployed values (skipped, never passed, here).
    expect(violationsOf(reports.prodPreview)).toEqual([PROD_LOCAL_ACCOUNTS_ADVISORY]);
    expect(reports.prodPreview.skipped).toContainEqual(expect.objectContaining({ policyName: PROD_AML_TOKEN_ADVISORY.policyName }));
    expect(reports.prodPreview.skipped.length).toBeGreaterThan(0);
    for (const s of reports.prodPreview.skipped) expect(s.reason).toMatch(/can't be known during preview/);
});

describe("production follows the stack's environment, with no policy config file", () => {
    it("prod with public access turned on: mandatory violations naming the workspace", () => {
        const levels = reports.weakened.violations.filter((v) => v.enforcementLevel === "mandatory");
        expect(levels.map((v) => v.policyName)).toEqual(expect.arrayContaining(["ml-workspace-public-network-disabled", "storage-public-network-disabled"]));
        expect(levels.find((v) => v.policyName === "ml-workspace-public-network-disabled")?.urn).toMatch(/azure-native:machinelearningservices:Workspace::platform-ml-workspace$/);
        expect(reports.weakened.summary.passed).toBe(false);
    });

    it("an explicit production: false in the pack config still wins over the tags", () => {
        expect(mandatory(reports.weakenedOverridden)).toEqual([]);
        expect(reports.weakenedOverridden.violations.map((v) => v.policyName)).toContain("ml-workspace-public-network-disabled");
    });

    it("a stack tag decides for resources without an environment tag of their own", () => {
        const stripped: CapturedStack = {
            ...graphs.weakened,
            resources: graphs.weakened.resources.map((r) => ({ ...r, inputs: Object.fromEntries(Object.entries(r.inputs).filter(([k]) => k !== "tags")), outputs: undefined })),
        };
        const gated = (r: PolicyReport) => mandatory(r).filter((m) => !m.startsWith("required-tags"));
        expect(gated(evaluatePolicies(stripped))).toEqual([]);
        const tagged = evaluatePolicies(stripped, undefined, { stackTags: new Map([["environment", "prod"]]) });
        expect(gated(tagged).some((m) => m.startsWith("ml-workspace-public-network-disabled"))).toBe(true);
    });

    it("a new prod stack with public access and no policy config: `npm run plan` exits 1", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aml-newprod-"));
        try {
            const platform = { environment: "prod", location: "eastus2", tags: { owner: "ml-platform", costCenter: "CC-1" }, network: { publicNetworkAccess: "Enabled", allowedIpRanges: ["203.0.113.0/24"] } };
            fs.writeFileSync(path.join(dir, "Pulumi.newprod.yaml"), stringify({ config: { "aml-workspace:platform": platform } }));
            expect(fs.existsSync(path.join(__dirname, "../../policies/config/newprod.json"))).toBe(false);
            let out = "";
            const io: CliIo = { out: (t) => void (out += `${t}\n`), err: (t) => void (out += `${t}\n`) };
            const code = await plan(["newprod", "--stack-dir", dir], io);
            expect(code).toBe(1);
            expect(out).toMatch(/Policy config: none/);
            expect(out).toMatch(/MANDATORY \[high\] ml-workspace-public-network-disabled/);
            expect(out).toMatch(/MANDATORY \[high\] storage-public-network-disabled/);
            // eastus2 is an Azure ML region: the organisation-choice defaults do not get in the way.
            // (Both still have a row, with no violation, in the per-policy table.)
            expect(out).not.toMatch(/(MANDATORY|advisory) +\[\w+\] (allowed-locations|ml-compute-allowed-vm-sizes)/);
            expect(out).toMatch(/\n +allowed-locations +\S+ +\d+ +0 +0\n/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe.each((Object.keys(CLOUDS) as AzureCloud[]).map((c) => [c, REGIONS[c]] as const))("the shipped stack shapes on %s (%s)", (cloud, region) => {
    it.each(["dev", "prod", "edge"])("%s: no mandatory violation and no failure", (stack) => {
        const report = reports[`${stack}@${cloud}`];
        expect(mandatory(report)).toEqual([]);
        expect(report.errors).toEqual([]);
        expect(report.summary.passed).toBe(true);
    });

    it("edge: the IoT hub's private endpoint registers in the cloud's own zones", () => {
        const zones = graphs[`edge@${cloud}`].resources.filter((r) => r.type === "azure-native:privatedns:PrivateZone").map((r) => r.inputs.privateZoneName);
        expect(zones).toEqual(expect.arrayContaining([...PRIVATE_LINK_ZONES.iotHub[cloud]]));
        const groups = graphs[`edge@${cloud}`].resources.filter((r) => r.type === "azure-native:network:PrivateDnsZoneGroup" && r.name.includes("iothub"));
        expect(groups).toHaveLength(1);
        expect(JSON.stringify(groups[0].inputs.privateDnsZoneConfigs)).toContain(PRIVATE_LINK_ZONES.iotHub[cloud][0]);
    });

    it("prod: no violation but the local-accounts advisory, and its endpoints use the cloud's own zones and suffixes", () => {
        expect(violationsOf(reports[`prod@${cloud}`])).toEqual(PROD_ADVISORIES);
        const zones = graphs[`prod@${cloud}`].resources.filter((r) => r.type === "azure-native:privatedns:PrivateZone").map((r) => r.inputs.privateZoneName);
        expect(zones).toEqual(expect.arrayContaining([...PRIVATE_LINK_ZONES.amlworkspace[cloud], ...PRIVATE_LINK_ZONES.vault[cloud], ...PRIVATE_LINK_ZONES.registry[cloud]]));
        const locations = new Set(graphs[`prod@${cloud}`].resources.map((r) => r.inputs.location).filter((l) => l !== undefined && l !== "global"));
        expect([...locations]).toEqual([region]);
    });
});
