/** The pack's version and description are stated once; everything that reports them reads that one place. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PACK_DESCRIPTION } from "../../policies/all";
import { PACK_PACKAGE_NAME, PACK_VERSION } from "../../policies/lib/pack-version";
import { evaluatePolicies } from "../../offline/policy-harness";
import { toSarif } from "../../offline/report-sarif";
import { stackOf } from "./helpers";

const POLICIES = path.resolve(__dirname, "../../policies");
const manifest = JSON.parse(fs.readFileSync(path.join(POLICIES, "package.json"), "utf8"));

describe("pack identity", () => {
    test("the version and name are policies/package.json's (what `pulumi policy publish` publishes)", () => {
        expect(PACK_VERSION).toBe(manifest.version);
        expect(PACK_PACKAGE_NAME).toBe(manifest.name);
        expect(PACK_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    });

    test("the SARIF driver states that version unless told otherwise", () => {
        const log = toSarif(evaluatePolicies(stackOf([])), {}) as { runs: { tool: { driver: { name: string; version: string } } }[] };
        expect(log.runs[0].tool.driver).toMatchObject({ name: manifest.name, version: manifest.version });
    });

    test("PulumiPolicy.yaml's description is the pack's", () => {
        const project = parse(fs.readFileSync(path.join(POLICIES, "PulumiPolicy.yaml"), "utf8")) as { description: string };
        expect(project.description).toBe(PACK_DESCRIPTION);
    });
});
