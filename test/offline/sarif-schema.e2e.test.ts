/**
 * The SARIF that `plan --sarif` and `audit --format sarif` write is valid
 * SARIF 2.1.0 (checked against the schema the @microsoft/jest-sarif package
 * ships, with ajv and ajv-formats, so `format: uri` is enforced), and its
 * results are placed in the input file, on the line of a config key, so code
 * scanning can annotate them.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { main as plan } from "../../offline/plan-cli";
import { main as audit } from "../../offline/audit-cli";
import { listStacks } from "../../offline/stack-file";
import { allPolicies } from "../../policies/all";

const ROOT = path.join(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-sarif-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface SarifResult {
    ruleId: string;
    level: string;
    message: { text: string };
    locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[];
}
interface SarifLog {
    runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: SarifResult[]; artifacts?: { location: { uri: string } }[] }[];
}

/** The SARIF 2.1.0 schema as published, loaded into ajv (draft-04 `id` is ajv 8's `$id`). */
function sarifValidator() {
    const schema = JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;
    const { $schema: _draft, id, ...body } = schema;
    // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only the u flag refuses.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile({ ...body, $id: String(id) });
}
const validate = sarifValidator();
const errorsOf = (log: unknown): string[] => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const silent = { out: () => undefined, err: () => undefined };

/** A policy config that makes every production-gated control mandatory, so the dev stack has results to place. */
function productionPolicyConfig(): string {
    const file = path.join(tmp, "production.json");
    const gated = allPolicies.filter((p) => p.configSchema.properties?.production !== undefined);
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(gated.map((p) => [p.name, { production: true }]))));
    return file;
}

describe("the schema check itself", () => {
    it("refuses a relative helpUri, as code scanning would", () => {
        const log = { version: "2.1.0", runs: [{ tool: { driver: { name: "t", rules: [{ id: "r", helpUri: "policies/README.md#r" }] } }, results: [] }] };
        expect(errorsOf(log).join("\n")).toMatch(/helpUri must match format "uri"/);
    });
});

describe.each(listStacks())("plan --sarif of the shipped stack %s", (stack) => {
    let log: SarifLog;
    let stackLines: string[];
    beforeAll(async () => {
        const file = path.join(tmp, stack, "plan.sarif");
        // Production's policy config makes the dev stack's weaker settings mandatory: results to place.
        const code = await plan([stack, "--sarif", file, "--policy-config", productionPolicyConfig()], silent);
        expect(code).toBeLessThan(2);
        log = JSON.parse(fs.readFileSync(file, "utf8")) as SarifLog;
        stackLines = fs.readFileSync(path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8").split("\n");
    });

    it("validates against the SARIF 2.1.0 schema", () => {
        expect(errorsOf(log)).toEqual([]);
    });

    it("gives every rule's helpUri as an absolute URL or not at all", () => {
        for (const rule of log.runs[0].tool.driver.rules) {
            if (rule.helpUri !== undefined) expect(rule.helpUri).toMatch(/^https:\/\//);
        }
    });

    it("places every result in the stack file, on the line of a config key", () => {
        const run = log.runs[0];
        expect(run.artifacts?.[0].location.uri).toBe(`stacks/Pulumi.${stack}.yaml`);
        for (const r of run.results) {
            const physical = r.locations[0].physicalLocation;
            expect(physical?.artifactLocation.uri).toBe(`stacks/Pulumi.${stack}.yaml`);
            const region = physical?.region;
            expect(region).toBeDefined();
            // The column is where a key starts: `<key>:` on that line.
            expect(stackLines[(region?.startLine ?? 0) - 1].slice((region?.startColumn ?? 0) - 1)).toMatch(/^[\w:.-]+:/);
        }
    });
});

describe("plan --sarif places a finding on the key that causes it", () => {
    it("public network access of dev is reported on network.publicNetworkAccess", async () => {
        const file = path.join(tmp, "dev-placed.sarif");
        await plan(["dev", "--sarif", file, "--policy-config", productionPolicyConfig()], silent);
        const log = JSON.parse(fs.readFileSync(file, "utf8")) as SarifLog;
        const lines = fs.readFileSync(path.join(ROOT, "stacks/Pulumi.dev.yaml"), "utf8").split("\n");
        const result = log.runs[0].results.find((r) => r.ruleId === "storage-public-network-disabled");
        expect(result?.level).toBe("error");
        const line = result?.locations[0].physicalLocation?.region?.startLine ?? 0;
        expect(lines[line - 1].trim()).toBe("publicNetworkAccess: Enabled");
    });
});

describe("audit --format sarif", () => {
    it("validates against the SARIF 2.1.0 schema and names the export file", async () => {
        const out = path.join(tmp, "audit", "insecure.sarif");
        const code = await audit([path.join(ROOT, "test/fixtures/audit/insecure-prod.json"), "--format", "sarif", "--out", out], silent);
        expect(code).toBe(1);
        const log = JSON.parse(fs.readFileSync(out, "utf8")) as SarifLog;
        expect(log.runs[0].results.length).toBeGreaterThan(10);
        expect(errorsOf(log)).toEqual([]);
        expect(log.runs[0].results[0].locations[0].physicalLocation?.artifactLocation.uri).toBe("test/fixtures/audit/insecure-prod.json");
        // Each result with a resource sits on that resource's "urn" line of the export.
        const lines = fs.readFileSync(path.join(ROOT, "test/fixtures/audit/insecure-prod.json"), "utf8").split("\n");
        const placed = (log.runs[0].results as (SarifResult & { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] })[]).filter((r) => r.locations[0].physicalLocation?.region);
        expect(placed.length).toBeGreaterThan(10);
        for (const r of placed) {
            const region = r.locations[0].physicalLocation?.region;
            const urn = r.locations[0].logicalLocations[0].fullyQualifiedName;
            expect(lines[(region?.startLine ?? 0) - 1].slice((region?.startColumn ?? 0) - 1).startsWith(JSON.stringify(urn))).toBe(true);
        }
    });
});
