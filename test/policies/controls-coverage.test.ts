/**
 * Every control of the catalogue (policies/controls.ts, transcribed from
 * CONTROLS.md) is implemented by a policy, every claimed id exists, every
 * policy has complete metadata and a test, and the stack config files cover
 * every production-dependent policy.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allPolicies } from "../../policies/all";
import { CONTROLS } from "../../policies/controls";
import { DATA_PLANE_CASES } from "./cases/data-plane";
import { HOST_CASES } from "./cases/hosts";

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
    });

    it("every resource policy has table-driven test cases", () => {
        const tested = new Set([...DATA_PLANE_CASES, ...HOST_CASES].map((c) => c.policy));
        expect(allPolicies.filter((p) => p.kind === "resource" && !tested.has(p.name)).map((p) => p.name)).toEqual([]);
    });

    it("every stack policy is exercised by the stack policy tests", () => {
        const source = readFileSync(join(__dirname, "stack-policies.test.ts"), "utf8");
        expect(allPolicies.filter((p) => p.kind === "stack" && !source.includes(`"${p.name}"`)).map((p) => p.name)).toEqual([]);
    });
});

describe("stack policy config files", () => {
    const load = (stack: string) => JSON.parse(readFileSync(join(__dirname, "../../policies/config", `${stack}.json`), "utf8")) as Record<string, { production?: boolean }>;
    const withProduction = allPolicies.filter((p) => "production" in p.configSchema.properties).map((p) => p.name);

    it("prod.json sets production: true for every policy that has the setting", () => {
        const prod = load("prod");
        expect(withProduction.filter((n) => prod[n]?.production !== true)).toEqual([]);
    });

    it("dev.json keeps production off", () => {
        const dev = load("dev");
        expect(Object.entries(dev).filter(([, v]) => v.production === true)).toEqual([]);
    });
});
