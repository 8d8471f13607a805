/**
 * The GitHub Actions workflows: valid against SchemaStore's published github-workflow schema
 * (through @action-validator/core, the schema as its maintainers ship it, not a hand-written
 * check), and the properties a reviewer of a deploying pipeline looks for.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse, stringify } from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");
const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

interface Step {
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
}
interface Job {
    "runs-on"?: string;
    if?: string;
    needs?: string[];
    environment?: string;
    permissions?: Record<string, string>;
    concurrency?: { group: string; "cancel-in-progress": boolean };
    strategy?: { matrix: { stack: string[] }; "max-parallel"?: number; "fail-fast"?: boolean };
    env?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
}

const source = fs.readFileSync(path.join(WORKFLOWS, "platform.yml"), "utf8");
const workflow = parse(source) as Workflow;
const { jobs } = workflow;
const stacks = fs
    .readdirSync(path.join(ROOT, "stacks"))
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();

describe("schema", () => {
    it.each(files)("%s validates against the published workflow schema", (file) => {
        const state = validateWorkflow(fs.readFileSync(path.join(WORKFLOWS, file), "utf8"));
        expect(state.actionType).toBe("workflow");
        expect(state.errors).toEqual([]);
    });

    it("the check can fail: a job without runs-on, or with an unknown key, is reported", () => {
        const broken = parse(source) as Workflow;
        delete broken.jobs.test["runs-on"];
        const noRunsOn = validateWorkflow(stringify(broken)).errors;
        expect(noRunsOn.length).toBeGreaterThan(0);
        expect(JSON.stringify(noRunsOn)).toContain("/jobs/test/runs-on");

        const typo = parse(source) as Workflow & { jobs: Record<string, Job & { "runs-onn"?: string }> };
        typo.jobs.plan["runs-onn"] = "ubuntu-latest";
        expect(validateWorkflow(stringify(typo)).errors.length).toBeGreaterThan(0);
    });
});

describe("what the pipeline does", () => {
    it("runs on pull requests and pushes to main", () => {
        expect(workflow.on).toEqual({ pull_request: { branches: ["main"] }, push: { branches: ["main"] } });
    });

    it("tests: npm ci, the browser setup, npm test and the acceptance suite", () => {
        const runs = jobs.test.steps.map((s) => s.run).filter(Boolean);
        expect(runs).toEqual(["npm ci", "bash scripts/setup-browser.sh", "npm test", "npm run test:acceptance"]);
        const node = jobs.test.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
        expect(node?.with).toEqual({ "node-version": 20, cache: "npm" });
    });

    it("plans, previews and deploys every stack in stacks/ (and only those)", () => {
        expect(stacks.length).toBeGreaterThan(0);
        for (const job of ["plan", "preview", "up"]) expect([...jobs[job].strategy!.matrix.stack].sort()).toEqual(stacks);
    });

    it("the plan job writes SARIF uploaded to code scanning with one category per stack, and the HTML report as an artifact", () => {
        const plan = jobs.plan.steps.find((s) => s.name === "plan")!;
        expect(plan.run).toBe("npm run plan -- ${{ matrix.stack }} --sarif reports/${{ matrix.stack }}.sarif --html reports/${{ matrix.stack }}.html");
        const sarif = jobs.plan.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
        expect(sarif.with).toEqual({ sarif_file: "reports/${{ matrix.stack }}.sarif", category: "offline-plan-${{ matrix.stack }}" });
        const html = jobs.plan.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
        expect(html.with).toMatchObject({ name: "plan-report-${{ matrix.stack }}", path: "reports/${{ matrix.stack }}.html" });
        // Reports upload even when the plan fails on a mandatory violation (that is when they matter).
        for (const step of [sarif, html]) expect(step.if).toContain("!cancelled()");
    });

    it("the preview runs on pull requests from this repository only, after tests and plans, with the policy pack, and comments", () => {
        expect(jobs.preview.needs).toEqual(["test", "plan"]);
        expect(jobs.preview.if).toContain("github.event_name == 'pull_request'");
        expect(jobs.preview.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        const preview = jobs.preview.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        expect(preview.with).toMatchObject({ command: "preview", "comment-on-pr": true, policyPacks: "policies", "stack-name": "${{ env.STACK }}" });
        expect(jobs.preview.env?.PULUMI_ACCESS_TOKEN).toBe("${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });

    it("up runs only on main, behind the stack's environment, one update per stack, through the deploy driver", () => {
        expect(jobs.up.if).toBe("${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}");
        expect(jobs.up.needs).toEqual(["test", "plan"]);
        expect(jobs.up.environment).toBe("${{ matrix.stack }}");
        expect(jobs.up.concurrency).toEqual({ group: "pulumi-up-${{ matrix.stack }}", "cancel-in-progress": false });
        expect(jobs.up.strategy).toMatchObject({ "max-parallel": 1, "fail-fast": true });
        expect(jobs.up.strategy!.matrix.stack[0]).toBe("dev");
        expect(jobs.up.steps.at(-1)?.run).toBe("npm run deploy -- ${{ env.STACK }} --yes");
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
        // Run as the other CLIs are (tools/run-ts.js), the deploy driver's own file.
        expect(pkg.scripts.deploy).toBe("node tools/run-ts.js offline/deploy/deploy-cli.ts");
    });

    it("the Pulumi CLI installed is the version of the Pulumi SDK the project locks", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        const pulumiSteps = Object.values(jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith("pulumi/actions@")));
        expect(pulumiSteps).toHaveLength(2);
        for (const step of pulumiSteps) expect(String(step.with?.["pulumi-version"])).toBe(pkg.dependencies["@pulumi/pulumi"]);
    });

    it("Azure credentials are OIDC only: no client secret, ids from repository variables", () => {
        for (const job of ["preview", "up"]) {
            const login = jobs[job].steps.find((s) => s.uses?.startsWith("azure/login@"))!;
            expect(login.with).toEqual({ "client-id": "${{ vars.AZURE_CLIENT_ID }}", "tenant-id": "${{ vars.AZURE_TENANT_ID }}", "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}" });
            expect(jobs[job].env).toMatchObject({ ARM_USE_OIDC: "true", ARM_CLIENT_ID: "${{ vars.AZURE_CLIENT_ID }}" });
        }
        expect(source).not.toMatch(/client-secret|ARM_CLIENT_SECRET|creds:/);
    });
});

describe("least privilege and supply chain", () => {
    it("the workflow grants nothing by default and every job states its permissions", () => {
        expect(workflow.permissions).toEqual({});
        for (const job of Object.values(jobs)) expect(job.permissions).toBeDefined();
    });

    it("an OIDC token only where Azure is called; code scanning writes only in the plan; PR comments only in the preview", () => {
        const holders = (scope: string): string[] => Object.keys(jobs).filter((j) => jobs[j].permissions?.[scope] === "write");
        expect(holders("id-token")).toEqual(["preview", "up"]);
        expect(holders("security-events")).toEqual(["plan"]);
        expect(holders("pull-requests")).toEqual(["preview"]);
        expect(holders("contents")).toEqual([]);
    });

    it("every action is pinned to a release (a version tag or a commit SHA), never a branch", () => {
        const uses = Object.values(jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
        expect(uses.length).toBeGreaterThan(0);
        for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    });
});

describe("README", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Deploying from CI"), readme.indexOf("\n## ", readme.indexOf("## Deploying from CI") + 5));

    it("has a Deploying from CI section naming what to create", () => {
        expect(section.length).toBeGreaterThan(200);
        for (const name of ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "PULUMI_ACCESS_TOKEN", "PULUMI_ORG", ":pull_request", ":environment:"]) expect(section).toContain(name);
        for (const stack of stacks) expect(section).toContain(`\`${stack}\``);
    });

    it("shows the same plan and deploy commands the workflow runs", () => {
        const plan = jobs.plan.steps.find((s) => s.name === "plan")!.run!.replaceAll("${{ matrix.stack }}", "<stack>");
        expect(section).toContain(plan);
        expect(section).toContain(jobs.up.steps.at(-1)!.run!.replace("${{ env.STACK }}", "<stack>"));
    });
});
