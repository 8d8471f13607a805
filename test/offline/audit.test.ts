/**
 * The audit CLI on `pulumi stack export` files: exit codes, formats, grouping,
 * bad input, and one real process run for the exit code and a clean stderr.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allPolicies } from "../../policies/all";
import { main } from "../../offline/audit-cli";

const ROOT = join(__dirname, "../..");
const FIX = join(ROOT, "test/fixtures/audit");
const SECURE = join(FIX, "secure-prod.json");
const INSECURE = join(FIX, "insecure-prod.json");
const tmp = mkdtempSync(join(tmpdir(), "audit-test-"));
/**
 * An organisation's config: explicit production (the exports are tagged environment: prod anyway;
 * this is the override path) and the allow-lists the pack leaves open by default.
 */
const PROD = join(tmp, "organisation.json");
writeFileSync(
    PROD,
    JSON.stringify({
        ...Object.fromEntries(allPolicies.filter((p) => "production" in p.configSchema.properties).map((p) => [p.name, { production: true }])),
        "allowed-locations": { allowedLocations: ["westeurope", "northeurope"] },
        "ml-compute-allowed-vm-sizes": { allowedVmSizes: ["Standard_DS3_v2", "Standard_D4s_v5"] },
        "team-quota": { teamQuotas: { risk: { maxNodes: 2 } } },
    }),
);

/** Runs main() capturing output. */
async function audit(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
}

/** Writes a temp file and returns its path. */
function temp(name: string, text: string): string {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
}

const NO_STACK_TRACE = /\n\s+at |Error: /;

describe("audit of a secure export", () => {
    it("passes with the production config: exit 0, no violation at all", async () => {
        const r = await audit(SECURE, "--config", PROD);
        expect(r.code).toBe(0);
        expect(r.err).toBe("");
        expect(r.out).toMatch(/0 mandatory, 0 advisory, 0 skipped, 0 failed: PASSED\n$/);
    });

    it("exits 0 when only advisory violations remain", async () => {
        const data = JSON.parse(readFileSync(SECURE, "utf8"));
        const sa = data.deployment.resources.find((r: { type: string }) => r.type === "azure-native:storage:StorageAccount");
        sa.inputs.sku.name = "Standard_LRS";
        const r = await audit(temp("advisory.json", JSON.stringify(data)), "--format", "json");
        expect(r.code).toBe(0);
        const json = JSON.parse(r.out);
        expect(json.summary).toMatchObject({ mandatory: 0, advisory: 1, passed: true });
        expect(json.violations[0]).toMatchObject({ policyName: "storage-geo-zone-redundancy", enforcementLevel: "advisory", urn: sa.urn });
    });
});

describe("audit of an insecure export", () => {
    it("exits 1 and groups violations under each resource", async () => {
        const r = await audit(INSECURE);
        expect(r.code).toBe(1);
        const lines = r.out.split("\n");
        const header = lines.indexOf("storage (azure-native:storage:StorageAccount)");
        expect(header).toBeGreaterThan(0);
        expect(lines[header + 1]).toBe("  urn:pulumi:prod::aml-workspace::azure-native:storage:StorageAccount::storage");
        expect(lines[header + 2]).toMatch(/^ {2}MANDATORY \[high\] storage-https-only: /);
        expect(lines).toContain("      minimumTlsVersion is TLS1_0; set it to TLS1_2");
        expect(r.out).toMatch(/FAILED\n$/);
    });

    it("--format json prints only JSON, with every policy reporting its offending URN", async () => {
        const r = await audit(INSECURE, "--format", "json", "--config", PROD);
        expect(r.code).toBe(1);
        const json = JSON.parse(r.out) as { violations: Array<Record<string, string>>; summary: Record<string, unknown> };
        for (const v of json.violations) {
            expect(Object.keys(v)).toEqual(expect.arrayContaining(["policyName", "enforcementLevel", "severity", "urn", "message"]));
        }
        const reported = new Set(json.violations.map((v) => v.policyName));
        expect(allPolicies.map((p) => p.name).filter((n) => !reported.has(n))).toEqual([]);
        const urnsOf = (policy: string) => [...new Set(json.violations.filter((v) => v.policyName === policy).map((v) => v.urn))];
        expect(urnsOf("keyvault-purge-protection")).toEqual(["urn:pulumi:prod::aml-workspace::azure-native:keyvault:Vault::vault"]);
        expect(urnsOf("k8s-no-privileged-containers")).toEqual(["urn:pulumi:prod::aml-workspace::kubernetes:apps/v1:Deployment::fraud-scorer"]);
        expect(urnsOf("acr-token-scope-read-only")).toEqual(["urn:pulumi:prod::aml-workspace::azure-native:containerregistry:Token::edge-token"]);
        expect(json.summary).toMatchObject({ project: "aml-workspace", stack: "prod", passed: false });
    });

    it("never reports encrypted secrets as plaintext", async () => {
        const json = JSON.parse((await audit(INSECURE, "--format", "json")).out) as { violations: Array<Record<string, string>> };
        const plaintext = json.violations.filter((v) => v.policyName === "no-plaintext-secrets");
        expect(plaintext.map((v) => v.message.split("\n")[1]).sort()).toEqual([
            "containers[0].environmentVariables[0].value (DB_PASSWORD) holds a plain value; make it a Pulumi secret",
            "servicePrincipalProfile.secret holds a plain value; make it a Pulumi secret",
            "spec.template.spec.containers[0].env[0].value (STORAGE_CONNECTION_STRING) holds a plain value; make it a Pulumi secret",
        ]);
        expect(JSON.stringify(json)).not.toContain("hunter2");
    });

    it("treats --show-secrets plaintext secrets as secret", async () => {
        const SIG = "4dabf18193072939515e22adb298388d";
        const data = {
            version: 3,
            deployment: {
                manifest: { time: "t", magic: "m", version: "v3" },
                resources: [
                    { urn: "urn:pulumi:dev::p::azure-native:containerservice:ManagedCluster::c", custom: true, type: "azure-native:containerservice:ManagedCluster",
                      inputs: { windowsProfile: { adminPassword: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: "\"hunter2\"" } } } },
                ],
            },
        };
        const json = JSON.parse((await audit(temp("plain.json", JSON.stringify(data)), "--format", "json")).out);
        expect(json.violations.filter((v: { policyName: string }) => v.policyName === "no-plaintext-secrets")).toEqual([]);
    });

    it("--format sarif writes SARIF 2.1.0 with the policies as rules", async () => {
        const r = await audit(INSECURE, "--format", "sarif");
        const sarif = JSON.parse(r.out);
        expect(sarif.version).toBe("2.1.0");
        expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
        const run = sarif.runs[0];
        expect(run.tool.driver.rules).toHaveLength(allPolicies.length);
        const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === "storage-min-tls-1-2");
        expect(rule.helpUri).toBe("https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Storage.MinTLS/");
        expect(rule.fullDescription.text).toMatch(/Sources: AzP fe83a0eb/);
        const result = run.results.find((x: { ruleId: string }) => x.ruleId === "storage-min-tls-1-2");
        expect(result.level).toBe("error");
        expect(run.tool.driver.rules[result.ruleIndex].id).toBe("storage-min-tls-1-2");
        expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe("urn:pulumi:prod::aml-workspace::azure-native:storage:StorageAccount::storage");
        expect(new Set(run.results.map((x: { level: string }) => x.level))).toEqual(new Set(["error", "warning"]));
    });

    it("--out writes the report to a file and keeps stdout empty", async () => {
        const out = join(tmp, "report.json");
        const r = await audit(INSECURE, "--format", "json", "--out", out);
        expect(r.code).toBe(1);
        expect(r.out).toBe("");
        expect(JSON.parse(readFileSync(out, "utf8")).summary.passed).toBe(false);
    });
});

describe("bad input exits 2 with a message that says what is wrong", () => {
    const text = readFileSync(SECURE, "utf8");
    it.each([
        ["a missing file", () => join(tmp, "nope.json"), /nope\.json: file not found/],
        ["a directory", () => tmp, /cannot read the file \(it is a directory\)/],
        ["an empty file", () => temp("empty.json", ""), /empty\.json: the file is empty/],
        ["a truncated export", () => temp("cut.json", text.slice(0, Math.floor(text.length / 2))), /cut\.json: the JSON ends early; the file looks truncated/],
        ["a file that is not JSON", () => temp("yaml.json", "version: 3\ndeployment: {}\n"), /yaml\.json: not valid JSON/],
        ["JSON that is not a stack export", () => temp("other.json", '{"name": "x"}'), /other\.json: not a Pulumi stack export \(no deployment/],
        ["an unsupported version", () => temp("v9.json", '{"version": 9, "deployment": {"manifest": {}, "resources": []}}'), /v9\.json: deployment version 9 is not supported/],
        ["a resource without a URN", () => temp("nourn.json", '{"version": 3, "deployment": {"resources": [{"type": "x"}]}}'), /nourn\.json: deployment\.resources\[0\] has no valid urn/],
    ])("%s", async (_title, file, message) => {
        const r = await audit(file());
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expect(r.err).toMatch(message);
        expect(r.err).not.toMatch(NO_STACK_TRACE);
    });

    it("an invalid policy config names the file, policy and key", async () => {
        const cfg = temp("cfg.json", '{"log-analytics-retention": {"minRetentionDays": "a month"}}');
        const r = await audit(SECURE, "--config", cfg);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/cfg\.json: invalid for the pack's config schema:\n {2}log-analytics-retention: minRetentionDays must be integer/);
    });

    it.each([
        ["no file", [], /^audit: missing the stack export file/],
        ["an unknown format", [SECURE, "--format", "xml"], /^audit: --format must be one of text, json, sarif, html, not "xml"/],
        ["an unknown flag", [SECURE, "--colour"], /^audit: unknown flag --colour /],
        ["a flag without its value", [SECURE, "--config"], /^audit: --config needs a value /],
        ["a flag followed by another flag", [SECURE, "--out", "--format", "json"], /^audit: --out needs a value \(got the flag --format/],
    ])("%s: one line naming the problem, pointing at --help", async (_title, argv, message) => {
        const r = await audit(...(argv as string[]));
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expect(r.err).toMatch(message);
        expect(r.err).toMatch(/\(run `npm run audit -- --help` for usage\)\n$/);
        expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    });

    it.each([["--help"], ["-h"]])("%s prints the usage on stdout and exits 0", async (flag) => {
        const r = await audit(flag);
        expect(r.code).toBe(0);
        expect(r.err).toBe("");
        expect(r.out).toMatch(/^usage: npm run audit -- <stack-export.json>/);
        expect(r.out).toMatch(/--out .*- is stdout/);
        expect(r.out).toMatch(/--only <kind>:<v> +show only policy:<name>, type:.*team:<key>/);
        expect(r.out).toContain("the exit code is the whole stack's");
    });

    it.each([
        ["a folder", () => tmp, /^audit: cannot write .*: it is a directory; give a file name\n$/],
        ["a path under a file", () => join(SECURE, "report.json"), /^audit: cannot write .*secure-prod\.json\/report\.json: a part of the path is a file, not a directory\n$/],
    ])("--out naming %s exits 2 with one line", async (_title, out, message) => {
        const r = await audit(SECURE, "--out", out());
        expect(r.code).toBe(2);
        expect(r.err).toMatch(message);
    });

    it("--out creates the folders of its file and names it as given", async () => {
        const rel = join("out-test-" + process.pid, "a", "report.txt");
        try {
            const r = await audit(SECURE, "--out", rel);
            expect(r.code).toBe(0);
            expect(readFileSync(rel, "utf8")).toMatch(/PASSED\n$/);
            expect(r.err).toContain(`wrote text report to ${rel} `);
        } finally {
            rmSync("out-test-" + process.pid, { recursive: true, force: true });
        }
    });
});

describe("the real process", () => {
    it("exits 2 on a missing file with one clean line on stderr", () => {
        const tsx = join(ROOT, "node_modules/.bin/tsx");
        const p = spawnSync(tsx, ["offline/audit-cli.ts", "missing-export.json", "--format", "json"], { cwd: ROOT, encoding: "utf8" });
        expect(p.status).toBe(2);
        expect(p.stdout).toBe("");
        expect(p.stderr).toBe("audit: missing-export.json: file not found\n");
    });
});

describe("--stack-tag", () => {
    it("gives policies the stack tags passed, so an untagged export is production only when the stack says so", async () => {
        const data = JSON.parse(readFileSync(INSECURE, "utf8"));
        for (const r of data.deployment.resources) {
            delete r.inputs?.tags;
            delete r.outputs?.tags;
        }
        const file = temp("untagged.json", JSON.stringify(data));
        const gated = new Set(allPolicies.filter((p) => p.productionGated && p.enforcementLevel === "mandatory").map((p) => p.name));
        const levels = async (...flags: string[]) => {
            const json = JSON.parse((await audit(file, "--format", "json", ...flags)).out) as { violations: Array<{ policyName: string; enforcementLevel: string }> };
            return new Set(json.violations.filter((v) => gated.has(v.policyName)).map((v) => v.enforcementLevel));
        };
        expect(await levels()).toEqual(new Set(["advisory"]));
        expect(await levels("--stack-tag", "environment=prod")).toEqual(new Set(["mandatory"]));
        expect(await levels("--stack-tag", "environment=dev", "--stack-tag", "team=ml")).toEqual(new Set(["advisory"]));
    });

    it("a malformed tag is a usage error (exit 2, one line, no stack trace)", async () => {
        const r = await audit(SECURE, "--stack-tag", "environment");
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/--stack-tag environment: expected <name>=<value>/);
        expect(r.err).not.toMatch(NO_STACK_TRACE);
    });
});

describe("--only and the per-policy table", () => {
    it("the text report ends with the per-policy table before the verdict", async () => {
        const r = await audit(INSECURE);
        const table = r.out.slice(r.out.indexOf("Per policy:\n")).split("\n\n")[0].split("\n").slice(2);
        expect(table.length).toBeGreaterThan(10);
        const violations = table.map((l) => Number(l.trim().split(/\s+/)[3]));
        expect(violations).toEqual([...violations].sort((a, b) => b - a));
        expect(violations[0]).toBeGreaterThan(0);
    });

    it("filters what is shown (text and json), never the exit code", async () => {
        const full = JSON.parse((await audit(INSECURE, "--format", "json")).out) as { violations: { resourceType: string }[]; byPolicy: { policy: string }[] };
        expect(full.byPolicy.length).toBeGreaterThan(10);
        const r = await audit(INSECURE, "--format", "json", "--only", "type:StorageAccount");
        expect(r.code).toBe(1);
        const json = JSON.parse(r.out) as typeof full & { summary: { violations: number } };
        expect(json.violations.length).toBeGreaterThan(0);
        expect(json.violations.length).toBeLessThan(full.violations.length);
        for (const v of json.violations) expect(v.resourceType).toBe("azure-native:storage:StorageAccount");
        // The verdict and counts stay the whole stack's.
        expect(json.summary.violations).toBe(full.violations.length);
        expect(json.byPolicy.map((p) => p.policy)).toContain("storage-https-only");
        expect(json.byPolicy.map((p) => p.policy)).not.toContain("aks-rbac-enabled");
        const text = await audit(INSECURE, "--only", "team:risk", "--only", "policy:required-tags");
        expect(text.code).toBe(1);
        expect(text.out).toMatch(/\nShown: only team:risk, policy:required-tags \(\d+ of \d+ violations\); --only filters what is shown; the exit code .* is the whole stack's\n$/);
    });

    it.each([
        ["an unknown kind", ["--only", "owner:me"], /^audit: --only "owner:me": the kind must be one of policy:<value>, type:<value>, team:<value> \(run/],
        ["a team the export lacks", ["--only", "team:ops"], /^audit: --only team:ops matches nothing in this stack \(teams: platform, risk\) \(run/],
        ["sarif, which is the whole pack's", ["--format", "sarif", "--only", "team:risk"], /^audit: --only applies to the text and json formats, not sarif/],
    ])("%s exits 2 with one line", async (_title, argv, message) => {
        const r = await audit(INSECURE, ...argv);
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expect(r.err).toMatch(message);
        expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    });
});
