/**
 * Issue 13 item 5: the per-policy summary table (offline/policy-summary.ts) and the `--only`
 * filters of what plan and audit show (offline/report-filter.ts), on a hand-built report over a
 * small two-team stack, so every count is known.
 */
import { UsageError } from "../../offline/cli-io";
import type { PolicyMeta, PolicyOutcome, PolicyReport, Violation } from "../../offline/policy-report";
import { policySummary, renderPolicySummary } from "../../offline/policy-summary";
import { filterReport, parseOnly, resolveOnly, typeMatches } from "../../offline/report-filter";
import { renderTree } from "../../offline/plan";
import { toJsonReport } from "../../offline/report-json";
import { renderText } from "../../offline/report-text";
import { res, stackOf } from "../policies/helpers";

const WS = "azure-native:machinelearningservices:Workspace";
const AKS = "azure-native:containerservice:ManagedCluster";
const SA = "azure-native:storage:StorageAccount";
const stack = stackOf([
    res(WS, "hub", { tags: { environment: "prod" } }),
    res(WS, "risk-ws", { tags: { team: "risk" } }),
    res(SA, "risk-sa", { tags: { team: "risk" } }),
    res(AKS, "fraud-aks", { tags: { team: "fraud" } }),
]);
const urn = (name: string): string => stack.resources.find((r) => r.name === name)!.urn;

function outcome(policyName: string, enforcementLevel: PolicyOutcome["enforcementLevel"], applied: number): PolicyOutcome {
    return { policyName, kind: "resource", enforcementLevel, outcome: "passed", evaluations: applied, applied, violations: 0, notApplicable: 0, skipped: 0, errors: 0 };
}
function meta(name: string, resourceTypes: string[]): PolicyMeta {
    return { name, resourceTypes, kind: "resource" } as PolicyMeta;
}
function violation(policyName: string, name: string, type: string, level: Violation["enforcementLevel"] = "mandatory"): Violation {
    return { policyName, enforcementLevel: level, severity: "high", urn: urn(name), message: `${policyName} on ${name}`, resourceName: name, resourceType: type };
}

const report: PolicyReport = {
    violations: [violation("ws-public", "hub", WS), violation("ws-public", "risk-ws", WS), violation("aks-rbac", "fraud-aks", AKS, "advisory")],
    skipped: [{ policyName: "sa-tls", urn: urn("risk-sa"), reason: "value unknown" }],
    errors: [],
    warnings: [],
    summary: { project: stack.project, stack: stack.stack, preview: false, resources: 4, policiesEvaluated: 4, violations: 3, mandatory: 2, advisory: 1, skipped: 1, errors: 0, notApplicable: 0, passed: false },
    policies: [meta("ws-public", [WS]), meta("aks-rbac", [AKS]), meta("sa-tls", [SA]), meta("tags", [WS, SA, AKS])],
    evaluated: [outcome("ws-public", "mandatory", 2), outcome("aks-rbac", "advisory", 1), outcome("sa-tls", "mandatory", 0), outcome("tags", "advisory", 4)],
};

describe("the per-policy summary", () => {
    it("has one row per evaluated policy: most violations first, then by name", () => {
        expect(policySummary(report)).toEqual([
            { policy: "ws-public", enforcement: "mandatory", checked: 2, violations: 2, skipped: 0 },
            { policy: "aks-rbac", enforcement: "advisory", checked: 1, violations: 1, skipped: 0 },
            { policy: "sa-tls", enforcement: "mandatory", checked: 0, violations: 0, skipped: 1 },
            { policy: "tags", enforcement: "advisory", checked: 4, violations: 0, skipped: 0 },
        ]);
    });

    it("renders aligned columns: names left, counts right", () => {
        expect(renderPolicySummary(policySummary(report))).toBe(
            [
                "Per policy:",
                "  Policy     Enforcement  Checked  Violations  Skipped",
                "  ws-public  mandatory          2           2        0",
                "  aks-rbac   advisory           1           1        0",
                "  sa-tls     mandatory          0           0        1",
                "  tags       advisory           4           0        0",
            ].join("\n"),
        );
        expect(renderPolicySummary([])).toContain("(no policy ran)");
    });

    it("is in the text report before the verdict and in the JSON as byPolicy", () => {
        const text = renderText(report);
        expect(text.indexOf("Per policy:")).toBeGreaterThan(text.indexOf("ws-public on risk-ws"));
        expect(text.indexOf("Per policy:")).toBeLessThan(text.indexOf("FAILED"));
        expect(toJsonReport(report).byPolicy).toEqual(policySummary(report));
    });
});

describe("--only", () => {
    it("parses repeatable kind:value pairs", () => {
        expect(parseOnly(undefined)).toBeUndefined();
        expect(parseOnly(["policy:a", "type:ManagedCluster", "team:risk", "policy:b:c"])).toEqual({ policy: ["a", "b:c"], type: ["ManagedCluster"], team: ["risk"] });
    });

    it.each([
        ["colour:red", /^--only "colour:red": the kind must be one of policy:<value>, type:<value>, team:<value>$/],
        ["risk", /^--only "risk": the kind must be one of/],
        ["team:", /^--only team: needs a value/],
    ])("refuses %s in one line", (value, message) => {
        expect(() => parseOnly([value])).toThrow(UsageError);
        expect(() => parseOnly([value])).toThrow(message);
    });

    it("matches a type by its token or its last part, never a part of a word", () => {
        expect(typeMatches(AKS, AKS)).toBe(true);
        expect(typeMatches(AKS, "ManagedCluster")).toBe(true);
        expect(typeMatches("kubernetes:core/v1:Namespace", "Namespace")).toBe(true);
        expect(typeMatches(AKS, "Cluster")).toBe(false);
        expect(typeMatches(AKS, "containerservice")).toBe(false);
    });

    it("a value that matches nothing names the stack's known values", () => {
        const resolve = (v: string) => () => resolveOnly(parseOnly([v])!, stack, report);
        expect(resolve("team:ops")).toThrow("--only team:ops matches nothing in this stack (teams: platform, risk, fraud)");
        expect(resolve("policy:nope")).toThrow("--only policy:nope matches no policy that ran (policies: aks-rbac, sa-tls, tags, ws-public)");
        expect(resolve("policy:ws-private")).toThrow("(policies starting ws-: ws-public; 4 in all)");
        expect(resolve("type:Vault")).toThrow("(types: ManagedCluster, StorageAccount, Workspace)");
    });

    it("policy: keeps that policy's findings and row, every resource", () => {
        const sel = resolveOnly(parseOnly(["policy:ws-public"])!, stack, report);
        const shown = filterReport(report, sel);
        expect(shown.violations.map((v) => v.resourceName)).toEqual(["hub", "risk-ws"]);
        expect(shown.skipped).toEqual([]);
        expect(shown.evaluated.map((o) => o.policyName)).toEqual(["ws-public"]);
        expect(stack.resources.filter(sel.resource)).toHaveLength(4);
        // The verdict stays the whole stack's.
        expect(shown.summary).toBe(report.summary);
    });

    it("team: keeps the team's resources and findings, and the policies that inspect their types", () => {
        const sel = resolveOnly(parseOnly(["team:risk"])!, stack, report);
        expect(stack.resources.filter(sel.resource).map((r) => r.name)).toEqual(["risk-ws", "risk-sa"]);
        const shown = filterReport(report, sel);
        expect(shown.violations.map((v) => v.resourceName)).toEqual(["risk-ws"]);
        expect(shown.skipped.map((k) => k.policyName)).toEqual(["sa-tls"]);
        expect(shown.evaluated.map((o) => o.policyName)).toEqual(["ws-public", "sa-tls", "tags"]);
        expect(policySummary(shown)[0]).toEqual({ policy: "ws-public", enforcement: "mandatory", checked: 2, violations: 1, skipped: 0 });
    });

    it("platform is the team of resources without one; kinds combine, values of one kind are alternatives", () => {
        const platform = resolveOnly(parseOnly(["team:platform"])!, stack, report);
        expect(stack.resources.filter(platform.resource).map((r) => r.name)).toEqual(["hub"]);
        const sel = resolveOnly(parseOnly(["type:Workspace", "type:ManagedCluster", "team:risk", "team:fraud"])!, stack, report);
        expect(stack.resources.filter(sel.resource).map((r) => r.name)).toEqual(["risk-ws", "fraud-aks"]);
        const shown = filterReport(report, resolveOnly(parseOnly(["type:ManagedCluster", "policy:ws-public"])!, stack, report));
        expect(shown.violations).toEqual([]);
        expect(shown.evaluated).toEqual([]);
    });

    it("a stack-wide finding is kept by policy: but not by type: or team:", () => {
        const stackWide: PolicyReport = { ...report, violations: [{ ...report.violations[0], urn: `urn:pulumi:${stack.stack}::${stack.project}::pulumi:pulumi:Stack::x` }] };
        expect(filterReport(stackWide, resolveOnly(parseOnly(["policy:ws-public"])!, stack, stackWide)).violations).toHaveLength(1);
        expect(filterReport(stackWide, resolveOnly(parseOnly(["team:platform"])!, stack, stackWide)).violations).toHaveLength(0);
    });

    it("the tree shows only the kept resources, under their teams from the whole stack", () => {
        const tree = renderTree(stack, resolveOnly(parseOnly(["type:Workspace"])!, stack, report).resource);
        expect(tree).toMatch(/─ platform +\(no team\)  \(1 resource\)/);
        expect(tree).toContain("risk  (1 resource)");
        expect(tree).toContain("risk-ws");
        expect(tree).not.toContain("risk-sa");
        expect(tree).not.toContain("fraud");
    });
});
