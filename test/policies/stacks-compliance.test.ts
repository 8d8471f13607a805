/**
 * The shipped stacks against the shipped policy pack, through the same path
 * `npm run plan` takes: dev has no mandatory violation, prod has none at all,
 * and weakening prod is caught as mandatory.
 */
import * as path from "node:path";
import { runStack } from "../../offline/run-stack";
import { readStackConfig } from "../../offline/stack-file";
import { evaluatePolicies, loadPolicyConfig } from "../../offline/policy-harness";
import type { PolicyReport } from "../../offline/policy-report";
import { baseConfig, runPlatform } from "../helpers/stack";

const ROOT = path.resolve(__dirname, "../..");
const reports: Record<string, PolicyReport> = {};

beforeAll(async () => {
    for (const stack of ["dev", "prod"]) {
        const run = await runStack({ stack, config: readStackConfig(stack) });
        reports[stack] = evaluatePolicies(run.graph, loadPolicyConfig(path.join(ROOT, "policies", "config", `${stack}.json`)));
    }
    const preview = await runStack({ stack: "prod", config: readStackConfig("prod"), preview: true });
    reports.prodPreview = evaluatePolicies(preview.graph, loadPolicyConfig(path.join(ROOT, "policies", "config", "prod.json")));
    const policyDns = await runPlatform(baseConfig({ network: { privateDns: { mode: "policyManaged" } } }), { stack: "policydns" });
    const dnsOn = { dnsManagedByPolicy: true };
    reports.policyDnsDefault = evaluatePolicies(policyDns.graph);
    reports.policyDnsDeclared = evaluatePolicies(policyDns.graph, { "private-endpoint-when-private": dnsOn, "ml-workspace-private-endpoint": dnsOn });
    const weakened = readStackConfig("prod");
    const platform = weakened["aml-workspace:platform"] as Record<string, unknown>;
    platform.network = { publicNetworkAccess: "Enabled", allowedIpRanges: ["203.0.113.0/24"] };
    const run = await runStack({ stack: "prod", config: weakened });
    reports.weakened = evaluatePolicies(run.graph, loadPolicyConfig(path.join(ROOT, "policies", "config", "prod.json")));
});

it("dev: no mandatory violation, no policy failure, no skipped evaluation", () => {
    expect(reports.dev.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    expect(reports.dev.errors).toEqual([]);
    expect(reports.dev.skipped).toEqual([]);
    expect(reports.dev.summary.passed).toBe(true);
});

it("dev: its deliberate weakenings are still reported, as advisories", () => {
    const names = new Set(reports.dev.violations.map((v) => v.policyName));
    expect(names).toContain("ml-workspace-public-network-disabled");
    expect(names).toContain("storage-public-network-disabled");
    expect(names).toContain("stateful-resources-protected");
});

it("prod: no violation at all, mandatory or advisory", () => {
    expect(reports.prod.violations.map((v) => `${v.policyName}: ${v.message}`)).toEqual([]);
    expect(reports.prod.errors).toEqual([]);
    expect(reports.prod.summary.policiesEvaluated).toBeGreaterThan(80);
});

it("prod in preview (IDs unknown): relations are found through the dependency graph, so no false violation; unreadable values are skipped, not passed", () => {
    expect(reports.prodPreview.violations.map((v) => `${v.policyName}: ${v.message}`)).toEqual([]);
    expect(reports.prodPreview.skipped.length).toBeGreaterThan(0);
    for (const s of reports.prodPreview.skipped) expect(s.reason).toMatch(/can't be known during preview/);
});

it("prod with public access turned on: mandatory violations naming the workspace", () => {
    const mandatory = reports.weakened.violations.filter((v) => v.enforcementLevel === "mandatory");
    expect(mandatory.map((v) => v.policyName)).toEqual(expect.arrayContaining(["ml-workspace-public-network-disabled", "storage-public-network-disabled"]));
    expect(mandatory.find((v) => v.policyName === "ml-workspace-public-network-disabled")?.urn).toMatch(/azure-native:machinelearningservices:Workspace::platform-ml-workspace$/);
    expect(reports.weakened.summary.passed).toBe(false);
});

it("DNS managed by Azure Policy: endpoints without zone groups are flagged until the policy config says so", () => {
    const flagged = (r: PolicyReport) => r.violations.filter((v) => ["private-endpoint-when-private", "ml-workspace-private-endpoint"].includes(v.policyName));
    expect(flagged(reports.policyDnsDefault).length).toBeGreaterThan(0);
    expect(flagged(reports.policyDnsDeclared)).toEqual([]);
});
