/**
 * `npm run plan`: the tree and summary, the JSON file with secrets redacted,
 * and bad input reported in one clear message with exit code 2.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../offline/plan-cli";
import type { CliIo } from "../../offline/cli-io";
import type { CostEstimate } from "../../offline/cost-estimate";

function capture(): CliIo & { stdout: string; stderr: string } {
    const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
    return io;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-plan-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("plan of the prod stack", () => {
    let io: ReturnType<typeof capture>;
    let code: number;
    let json: { summary: { total: number; protected: number }; resources: { type: string; protect: boolean; parent: string | null; inputs: Record<string, unknown> }[]; outputs: Record<string, unknown> };

    beforeAll(async () => {
        io = capture();
        code = await main(["prod", "--json", path.join(tmp, "prod.json")], io);
        json = JSON.parse(fs.readFileSync(path.join(tmp, "prod.json"), "utf8"));
    });

    it("exits 0 and prints the tree under the stack root and a summary", () => {
        expect(code).toBe(0);
        expect(io.stderr).toBe("");
        expect(io.stdout).toMatch(/pulumi:pulumi:Stack\s+aml-workspace-prod/);
        expect(io.stdout).toMatch(/└─ aml-workspace:index:MlPlatform\s+platform/);
        expect(io.stdout).toMatch(/azure-native:machinelearningservices:Workspace\s+platform-ml-workspace\s+\[protected, retained\]/);
        expect(io.stdout).toMatch(new RegExp(`\\+ ${json.summary.total} to create`));
    });

    it("writes every resource with type, name, URN, parent, inputs, dependencies and protect", () => {
        expect(json.resources.length).toBe(json.summary.total);
        const ws = json.resources.find((r) => r.type === "azure-native:machinelearningservices:Workspace");
        expect(ws).toMatchObject({ protect: true, inputs: { publicNetworkAccess: "Disabled" } });
        expect(ws?.parent).toMatch(/::platform-ml$/);
        expect(json.summary.protected).toBeGreaterThanOrEqual(5);
    });

    it("includes the policy results, which pass with two advisories: the created AKS cluster keeps local accounts for Azure ML, the Kubernetes online endpoint uses AML tokens", () => {
        const policies = (json as unknown as { policies: { violations: unknown[]; summary: { passed: boolean } } }).policies;
        expect(policies.summary.passed).toBe(true);
        expect(policies.violations).toEqual([
            expect.objectContaining({
                policyName: "aks-local-accounts-disabled",
                enforcementLevel: "advisory",
                resourceName: "platform-k8s-shared-aks-cluster",
                message: expect.stringContaining("Azure Machine Learning doesn't support disabling local accounts for AKS"),
            }),
            expect.objectContaining({
                policyName: "online-endpoint-token-auth",
                enforcementLevel: "advisory",
                resourceName: "platform-team-fraud-endpoint-fraud-scoring-endpoint",
                message: expect.stringContaining("properties.authMode is AMLToken"),
            }),
        ]);
    });

    it("carries the monthly cost estimate per team and in total, and prints it labelled as an estimate", () => {
        const cost = (json as unknown as { costEstimate: CostEstimate }).costEstimate;
        expect(cost.label).toMatch(/^estimate/);
        expect(cost.region).toBe("westeurope");
        expect(cost.teams.map((t) => t.team)).toEqual(["platform", "risk", "fraud"]);
        expect(cost.teams.reduce((s, t) => s + t.monthly, 0)).toBeCloseTo(cost.total, 2);
        expect(cost.total).toBeGreaterThan(0);
        // Every fixed-price item of the prod stack has a price: nothing falls back to $0.
        expect(cost.unpriced).toEqual([]);
        // Each line has its source; the items the issue names are all there.
        for (const line of cost.lines) expect(line.source).not.toBe("");
        const items = new Set(cost.lines.map((l) => l.item));
        for (const kind of [/^Private endpoint/, /^Azure Firewall Standard/, /^Container Registry Premium/, /^Key Vault HSM/, /^AKS Standard/, /^VM Standard_D8ds_v5/]) {
            expect([...items].some((i) => kind.test(i))).toBe(true);
        }
        // The risk team's managed deployments (blue 3, green 3, canary 1) are fixed capacity; the clusters scale to zero.
        const managed = cost.lines.filter((l) => l.team === "risk" && /managed online deployment/.test(l.note ?? ""));
        expect(managed.reduce((s, l) => s + l.quantity, 0)).toBe(7);
        expect(cost.usageBased.filter((u) => /scales to zero/.test(u.reason))).toHaveLength(3);
        expect(io.stdout).toMatch(/Monthly cost \(estimate, list prices in USD, westeurope, .*\n {4}platform +\$[\d,.]+\n {4}risk +\$[\d,.]+\n {4}fraud +\$[\d,.]+\n {4}total +\$[\d,.]+\n/);
    });

    it("redacts secret values", () => {
        expect(json.outputs.applicationInsightsConnectionString).toBe("[secret]");
        expect(JSON.stringify(json)).not.toContain("InstrumentationKey=");
    });
});

describe("bad input", () => {
    it("an unknown stack names the expected file and the known stacks", async () => {
        const io = capture();
        expect(await main(["staging"], io)).toBe(2);
        expect(io.stderr).toMatch(/no stack file for "staging".*Pulumi\.staging\.yaml \(stacks here: .*dev.*prod/);
    });

    it("a missing stack argument says so in one line pointing at --help", async () => {
        const io = capture();
        expect(await main([], io)).toBe(2);
        expect(io.stderr).toBe("plan: name the stack to plan, e.g. dev (run `npm run plan -- --help` for usage)\n");
    });

    it("a broken stack config lists each problem with its key path, no stack trace, no plan", async () => {
        const dir = path.join(tmp, "broken");
        fs.mkdirSync(dir, { recursive: true });
        const prod = fs.readFileSync(path.join(__dirname, "../../stacks/Pulumi.prod.yaml"), "utf8");
        fs.writeFileSync(
            path.join(dir, "Pulumi.broken.yaml"),
            prod.replace("location: westeurope\n    dataClassification", "location: atlantis\n    dataClassification").replace("sku: Standard_GZRS", "sku: Standard_GZRS\n      skuTier: hot"),
        );
        const io = capture();
        expect(await main(["broken", "--stack-dir", dir], io)).toBe(2);
        expect(io.stdout).toBe("");
        expect(io.stderr).toContain("aml-workspace:platform.storage.skuTier: is not a known setting");
        // Schema and semantic problems of one file come in one run.
        expect(io.stderr).toContain('aml-workspace:platform.location: "atlantis" is not a region');
        expect(io.stderr).not.toMatch(/\n\s+at /);
    });

    it("a stack file without the platform key names the file actually read (--stack-dir)", async () => {
        const dir = path.join(tmp, "empty");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "Pulumi.empty.yaml"), "config:\n  aml-workspace:other: 1\n");
        const io = capture();
        expect(await main(["empty", "--stack-dir", dir], io)).toBe(2);
        expect(io.stderr).toContain(`aml-workspace:platform: is missing (add a aml-workspace:platform object to ${path.join(dir, "Pulumi.empty.yaml")}`);
    });

    it("a mandatory policy violation exits 1 and names the policy", async () => {
        const dir = path.join(tmp, "public");
        fs.mkdirSync(dir, { recursive: true });
        const dev = fs.readFileSync(path.join(__dirname, "../../stacks/Pulumi.dev.yaml"), "utf8");
        fs.writeFileSync(path.join(dir, "Pulumi.public.yaml"), dev);
        const io = capture();
        // dev's resources are tagged environment: dev; an explicit production setting in the pack config wins.
        const policyConfig = path.join(tmp, "production.json");
        fs.writeFileSync(policyConfig, JSON.stringify({ "ml-workspace-public-network-disabled": { production: true } }));
        const code = await main(["public", "--stack-dir", dir, "--policy-config", policyConfig, "--sarif", path.join(tmp, "public.sarif")], io);
        expect(code).toBe(1);
        expect(io.stdout).toMatch(/MANDATORY \[high\] ml-workspace-public-network-disabled/);
        const sarif = JSON.parse(fs.readFileSync(path.join(tmp, "public.sarif"), "utf8"));
        expect(sarif.version).toBe("2.1.0");
        expect(sarif.runs[0].results.some((r: { ruleId: string; level: string }) => r.ruleId === "ml-workspace-public-network-disabled" && r.level === "error")).toBe(true);
    });

    it("invalid YAML names the file and line", async () => {
        const dir = path.join(tmp, "yaml");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "Pulumi.bad.yaml"), "config:\n  aml-workspace:platform: {\n    environment: dev\n");
        const io = capture();
        expect(await main(["bad", "--stack-dir", dir], io)).toBe(2);
        expect(io.stderr).toMatch(/Pulumi\.bad\.yaml:\d+:\d+: invalid YAML/);
    });

    it("invalid YAML shows the offending line with a caret under the column", async () => {
        const dir = path.join(tmp, "yaml-caret");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "Pulumi.bad.yaml"), "config:\n  aml-workspace:platform:\n    environment: dev\n     location: westeurope\n");
        const io = capture();
        expect(await main(["bad", "--stack-dir", dir], io)).toBe(2);
        const [headline, source, caret] = io.stderr.split("\n");
        const [, line, col] = /Pulumi\.bad\.yaml:(\d+):(\d+): invalid YAML: /.exec(headline) ?? [];
        expect(line).toBe("3");
        expect(source).toBe("  3 |     environment: dev");
        // The caret sits under the reported column of the quoted line.
        expect(caret.indexOf("^") - "  3 | ".length + 1).toBe(Number(col));
        expect(io.stderr).not.toMatch(/\n\s+at /);
    });
});
