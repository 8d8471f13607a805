/**
 * Every control of the catalogue (policies/controls.ts, transcribed from
 * CONTROLS.md) is implemented by a policy, every claimed id exists, every
 * policy has complete metadata and table-driven cases, and production is left
 * to the tags unless config overrides it.
 */
import { allPolicies } from "../../policies/all";
import { CONTROLS } from "../../policies/controls";
import { DATA_PLANE_CASES } from "./cases/data-plane";
import { HOST_CASES } from "./cases/hosts";
import { SERVING_CASES } from "./cases/serving";

const ids = new Set(CONTROLS.map((c) => c.id));

describe("controls coverage", () => {
    it("control ids are unique", () => {
        expect(ids.size).toBe(CONTROLS.length);
    });

    it.each(CONTROLS.map((c) => [c.id, c] as const))("%s is implemented by a policy", (id) => {
        expect(allPolicies.filter((p) => p.controls.includes(id)).map((p) => p.name)).not.toEqual([]);
    });

    it("every control a policy claims exists", () => {
        const unknown = allPolicies.flatMap((p) => p.controls.filter((c) => !ids.has(c)).map((c) => `${p.name}: ${c}`));
        expect(unknown).toEqual([]);
    });
});

describe("policy metadata", () => {
    it("names are unique, stable kebab-case, and not the reserved `all`", () => {
        const names = allPolicies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.filter((n) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(n) || n === "all")).toEqual([]);
    });

    it.each(allPolicies.map((p) => [p.name, p] as const))("%s has complete metadata", (_n, p) => {
        expect(p.description).toMatch(/^[A-Z].*\.$/);
        expect(p.remediationSteps.length).toBeGreaterThan(10);
        expect(["low", "medium", "high", "critical"]).toContain(p.severity);
        expect(["advisory", "mandatory"]).toContain(p.enforcementLevel);
        expect(Object.values(p.sources).flat().length).toBeGreaterThan(0);
        expect(p.controls.length).toBeGreaterThan(0);
        expect(p.configSchema.properties.exemptResourceNames).toBeDefined();
        // The analyzer server refuses these (server.js serve()).
        expect(p.configSchema.properties.enforcementLevel).toBeUndefined();
        if (p.productionGated) {
            expect(p.configSchema.properties.production).toBeDefined();
        }
        if (p.configSchema.properties.production) {
            // No default: the engine would fill it in and the stack's tags could never decide.
            expect(p.configSchema.properties.production.default).toBeUndefined();
            expect(p.configSchema.properties.productionEnvironments?.default).toEqual(["prod", "production"]);
        }
    });

    it("every resource policy has table-driven test cases", () => {
        const tested = new Set([...DATA_PLANE_CASES, ...HOST_CASES, ...SERVING_CASES].map((c) => c.policy));
        expect(allPolicies.filter((p) => p.kind === "resource" && !tested.has(p.name)).map((p) => p.name)).toEqual([]);
    });
    // Stack policies: proven by the harness's reports in stack-policies.test.ts (its last test).
});
