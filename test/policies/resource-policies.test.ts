/**
 * Table-driven tests for every resource policy (cases in ./cases): a compliant
 * resource passes, each violation is reported with its message, config changes
 * the outcome as documented, exemptions by name and production mode work.
 */
import { allPolicies } from "../../policies/all";
import { DATA_PLANE_CASES } from "./cases/data-plane";
import { HOST_CASES } from "./cases/hosts";
import { details, patch, res, run, violations } from "./helpers";

const CASES = [...DATA_PLANE_CASES, ...HOST_CASES];

describe.each(CASES.map((c) => [`${c.policy} (${c.type.split(":").pop()})`, c] as const))("%s", (_title, c) => {
    const resource = (changes: Record<string, unknown>) => [res(c.type, "target", patch(c.compliant, changes))];

    it("passes a compliant resource", () => {
        expect(details(c.policy, resource({}))).toEqual([]);
    });

    it.each(c.violations.map((v) => [JSON.stringify(v.patch).slice(0, 80), v] as const))("reports %s", (_p, v) => {
        const found = violations(c.policy, resource(v.patch));
        expect(found.map((f) => f.message.split("\n")[1])).toEqual(v.messages);
        expect(found.every((f) => f.urn === `urn:pulumi:test::aml::${c.type}::target` && f.resourceName === "target")).toBe(true);
    });

    for (const k of c.config ?? []) {
        it(`config: ${k.title}`, () => {
            expect(details(c.policy, resource(k.patch), { [c.policy]: k.config })).toEqual(k.messages);
        });
    }

    it("skips resources exempted by name (glob and regex)", () => {
        const bad = resource(c.violations[0].patch);
        expect(violations(c.policy, bad, { [c.policy]: { exemptResourceNames: ["tar*"] } })).toEqual([]);
        expect(violations(c.policy, bad, { [c.policy]: { exemptResourceNames: ["/^TARGET$/i"] } })).toEqual([]);
        expect(violations(c.policy, bad, { [c.policy]: { exemptResourceNames: ["other-*"] } }).length).toBeGreaterThan(0);
    });

    const appliesToAll = allPolicies.find((x) => x.name === c.policy)?.resourceTypes.includes("*");
    if (!appliesToAll) {
        it("ignores other resource types", () => {
            const report = run(c.policy, [res("azure-native:resources:ResourceGroup", "target", patch(c.compliant, c.violations[0].patch))]);
            expect(report.violations).toEqual([]);
        });
    }

    it("reports at the level its production mode says", () => {
        const p = allPolicies.find((x) => x.name === c.policy)!;
        const bad = resource(c.violations[0].patch);
        const plain = violations(c.policy, bad).map((v) => v.enforcementLevel);
        const prod = violations(c.policy, bad, { [c.policy]: { production: true } }).map((v) => v.enforcementLevel);
        expect(plain.length).toBeGreaterThan(0);
        if (p.productionGated) {
            expect(new Set(plain)).toEqual(new Set(["advisory"]));
            expect(new Set(prod)).toEqual(new Set([p.enforcementLevel === "advisory" ? "advisory" : "mandatory"]));
        } else {
            expect(new Set(plain)).toEqual(new Set([p.enforcementLevel]));
        }
    });
});
