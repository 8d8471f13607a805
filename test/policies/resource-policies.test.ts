/**
 * Table-driven tests for every resource policy (cases in ./cases): a compliant
 * resource passes, each violation is reported with its message, config changes
 * the outcome as documented, exemptions by name and production mode work
 * (from the resource's `environment` tag, the stack tag, or an explicit
 * override in config).
 */
import { allPolicies } from "../../policies/all";
import type { PolicyPackConfigFile } from "../../offline/policy-harness";
import { evaluatePolicies } from "../../offline/policy-harness";
import { DATA_PLANE_CASES } from "./cases/data-plane";
import { HOST_CASES } from "./cases/hosts";
import { SERVING_CASES } from "./cases/serving";
import { details, patch, policy, res, run, stackOf, violations } from "./helpers";

const CASES = [...DATA_PLANE_CASES, ...HOST_CASES, ...SERVING_CASES];

describe.each(CASES.map((c) => [`${c.policy} (${c.type.split(":").pop()})`, c] as const))("%s", (_title, c) => {
    const resource = (changes: Record<string, unknown>) => [res(c.type, "target", patch(c.compliant, changes))];
    /** The policy config of this case: its base entries under `entry`. */
    const cfg = (entry: Record<string, unknown> = {}): PolicyPackConfigFile | undefined =>
        c.baseConfig || Object.keys(entry).length > 0 ? { [c.policy]: { ...(c.baseConfig ?? {}), ...entry } } : undefined;

    it("passes a compliant resource", () => {
        expect(details(c.policy, resource({}), cfg())).toEqual([]);
    });

    it.each(c.violations.map((v) => [JSON.stringify(v.patch).slice(0, 80), v] as const))("reports %s", (_p, v) => {
        const found = violations(c.policy, resource(v.patch), cfg());
        expect(found.map((f) => f.message.split("\n")[1])).toEqual(v.messages);
        expect(found.every((f) => f.urn === `urn:pulumi:test::aml::${c.type}::target` && f.resourceName === "target")).toBe(true);
    });

    for (const k of c.config ?? []) {
        it(`config: ${k.title}`, () => {
            expect(details(c.policy, resource(k.patch), cfg(k.config))).toEqual(k.messages);
        });
    }

    it("skips resources exempted by name (glob and regex)", () => {
        const bad = resource(c.violations[0].patch);
        expect(violations(c.policy, bad, cfg({ exemptResourceNames: ["tar*"] }))).toEqual([]);
        expect(violations(c.policy, bad, cfg({ exemptResourceNames: ["/^TARGET$/i"] }))).toEqual([]);
        expect(violations(c.policy, bad, cfg({ exemptResourceNames: ["other-*"] })).length).toBeGreaterThan(0);
    });

    const appliesToAll = allPolicies.find((x) => x.name === c.policy)?.resourceTypes.includes("*");
    if (!appliesToAll) {
        it("ignores other resource types", () => {
            const report = run(c.policy, [res("azure-native:resources:ResourceGroup", "target", patch(c.compliant, c.violations[0].patch))], cfg());
            expect(report.violations).toEqual([]);
        });
    }

    it("reports at the level its production mode says: tags decide, an explicit production setting wins", () => {
        const p = policy(c.policy);
        const levels = (changes: Record<string, unknown>, entry: Record<string, unknown> = {}, stackTags?: Map<string, string>) =>
            new Set(
                evaluatePolicies(stackOf(resource({ ...c.violations[0].patch, ...changes })), cfg(entry), { policies: [p], stackTags }).violations.map(
                    (v) => v.enforcementLevel,
                ),
            );
        const untagged = levels({});
        expect(untagged.size).toBeGreaterThan(0);
        if (!p.productionGated) {
            expect(untagged).toEqual(new Set([p.enforcementLevel]));
            return;
        }
        const inProduction = new Set([p.enforcementLevel === "advisory" ? "advisory" : "mandatory"]);
        expect(untagged).toEqual(new Set(["advisory"]));
        expect(levels({ "tags.environment": "prod" })).toEqual(inProduction);
        expect(levels({ "tags.Environment": "Production" })).toEqual(inProduction);
        expect(levels({ "tags.environment": "dev" })).toEqual(new Set(["advisory"]));
        expect(levels({}, {}, new Map([["environment", "prod"]]))).toEqual(inProduction);
        // The resource's own tag beats the stack tag; explicit config beats both.
        expect(levels({ "tags.environment": "dev" }, {}, new Map([["environment", "prod"]]))).toEqual(new Set(["advisory"]));
        expect(levels({ "tags.environment": "prod" }, { production: false })).toEqual(new Set(["advisory"]));
        expect(levels({ "tags.environment": "dev" }, { production: true })).toEqual(inProduction);
        expect(levels({ "tags.environment": "live" }, { productionEnvironments: ["live"] })).toEqual(inProduction);
    });
});
