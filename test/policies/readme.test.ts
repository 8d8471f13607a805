/** policies/README.md is generated from the metadata; this fails when it is stale. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allPolicies } from "../../policies/all";
import { renderPoliciesReadme } from "../../policies/tools/generate-readme";

describe("policies/README.md", () => {
    it("is current (run `npm run policies:readme`)", () => {
        const committed = readFileSync(join(__dirname, "../../policies/README.md"), "utf8");
        expect(committed).toBe(renderPoliciesReadme());
    });

    it("has one row per policy with severity, level, sources and remediation", () => {
        const text = renderPoliciesReadme();
        for (const p of allPolicies) {
            const row = text.split("\n").find((l) => l.startsWith(`| <a id="${p.name}">`));
            expect(row).toBeDefined();
            expect(row).toContain(` ${p.severity} `);
            expect(row).toContain(p.remediationSteps.replace(/\|/g, "\\|"));
        }
    });
});
