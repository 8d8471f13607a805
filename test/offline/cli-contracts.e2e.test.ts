/**
 * The promises `npm run plan` keeps to a user at a terminal or in CI: --help,
 * one-line misuse errors with exit 2 and no stack trace, report files whose
 * folders are created and whose paths are shown as typed, JSON on stdout with
 * `-`, the outputs at the end of the text plan, grouped skips, and progress
 * only on a terminal. Most run `main` with injected streams; two run the real
 * process for the exit code.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../offline/plan-cli";
import type { CliIo } from "../../offline/cli-io";

const ROOT = path.join(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-contracts-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture(withProgress = false): CliIo & { stdout: string; stderr: string; progressLines: string[] } {
    const io = {
        stdout: "",
        stderr: "",
        progressLines: [] as string[],
        out: (t: string) => void (io.stdout += `${t}\n`),
        err: (t: string) => void (io.stderr += `${t}\n`),
        ...(withProgress ? { progress: (t: string) => void io.progressLines.push(t) } : {}),
    };
    return io;
}

/** Exit 2, nothing on stdout, exactly one line on stderr matching `message`, no stack frame. */
async function expectOneLineError(argv: string[], message: RegExp): Promise<void> {
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr.trimEnd()).toMatch(message);
    expect(io.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(io.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe("help", () => {
    it.each([["--help"], ["-h"], ["dev", "--help"]])("%s prints the usage and exits 0 without planning", async (...argv) => {
        const io = capture();
        expect(await main(argv, io)).toBe(0);
        expect(io.stderr).toBe("");
        expect(io.stdout).toMatch(/^usage: npm run plan -- <stack>/);
        for (const flag of ["--json", "--sarif", "--policy-config", "--preview", "--stack-dir", "--only"]) expect(io.stdout).toContain(flag);
        expect(io.stdout).toContain("Filters what is shown");
        expect(io.stdout).toContain("the exit code is the whole stack's");
        expect(io.stdout).not.toContain("Planning");
    });
});

describe("misuse exits 2 with one line", () => {
    const file = path.join(tmp, "a-file");
    beforeAll(() => fs.writeFileSync(file, "not a folder\n"));

    it.each([
        ["an unknown flag", ["dev", "--colour"], /^plan: unknown flag --colour \(run `npm run plan -- --help` for usage\)$/m],
        ["a short unknown flag", ["dev", "-x"], /^plan: unknown flag -x /],
        ["a flag missing its value", ["dev", "--json"], /^plan: --json needs a value /],
        ["a value flag followed by a flag", ["dev", "--sarif", "--preview"], /^plan: --sarif needs a value \(got the flag --preview/],
        ["a value given to a switch", ["dev", "--preview=yes"], /^plan: --preview takes no value/],
        ["two stacks", ["dev", "prod"], /^plan: one stack at a time; got dev, prod/],
        ["both reports on stdout", ["dev", "--json", "-", "--sarif", "-"], /^plan: --json and --sarif cannot both write to stdout/],
        ["an unknown --only kind", ["dev", "--only", "colour:red"], /^plan: --only "colour:red": the kind must be one of policy:<value>, type:<value>, team:<value> \(run/],
        ["an --only without its value", ["dev", "--only", "team:"], /^plan: --only team: needs a value/],
    ])("%s", async (_title, argv, message) => expectOneLineError(argv, message));

    it("a missing --stack-dir, named as typed", async () => {
        await expectOneLineError(["dev", "--stack-dir", "no/such/dir"], /^plan: cannot read the stack folder no\/such\/dir: no such file or directory$/);
    });

    it("a file given as --stack-dir", async () => {
        await expectOneLineError(["dev", "--stack-dir", file], /^plan: stack folder .*a-file is a file, not a folder/);
    });

    it("a missing stack file names the folder and the stacks there", async () => {
        await expectOneLineError(["staging"], /^plan: no stack file for "staging" in stacks: expected Pulumi\.staging\.yaml \(stacks here: dev, edge, prod\)$/);
    });

    it("a folder where the stack file should be", async () => {
        const dir = path.join(tmp, "folder-stack");
        fs.mkdirSync(path.join(dir, "Pulumi.x.yaml"), { recursive: true });
        await expectOneLineError(["x", "--stack-dir", dir], /^plan: cannot read .*Pulumi\.x\.yaml: it is a directory$/);
    });

    it("a folder as the policy config", async () => {
        await expectOneLineError(["dev", "--policy-config", tmp], /^plan: .*cannot read the file \(it is a directory\)/);
    });

    it.each([
        ["--json naming a folder", ["dev", "--json", tmp], /^plan: cannot write .*: it is a directory; give a file name$/],
        ["--sarif under a file", ["dev", "--sarif", path.join(file, "x.sarif")], /^plan: cannot write .*a-file\/x\.sarif: a part of the path is a file, not a directory$/],
        ["--json ending in a slash", ["dev", "--json", "out/"], /^plan: cannot write "out\/": give a file name, not a folder$/],
    ])("%s fails before planning", async (_title, argv, message) => expectOneLineError(argv, message));
});

describe("the real process", () => {
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    it("--help exits 0 with the usage on stdout", () => {
        const p = spawnSync(tsx, ["offline/plan-cli.ts", "--help"], { cwd: ROOT, encoding: "utf8" });
        expect(p.status).toBe(0);
        expect(p.stdout).toMatch(/^usage: npm run plan/);
        expect(p.stderr).toBe("");
    });

    it("an unknown flag exits 2 with exactly one line on stderr", () => {
        const p = spawnSync(tsx, ["offline/plan-cli.ts", "dev", "--colour"], { cwd: ROOT, encoding: "utf8" });
        expect(p.status).toBe(2);
        expect(p.stdout).toBe("");
        expect(p.stderr).toBe("plan: unknown flag --colour (run `npm run plan -- --help` for usage)\n");
    });
});

describe("a preview of dev with reports", () => {
    const rel = path.relative(process.cwd(), path.join(tmp, "new", "deeper"));
    let io: ReturnType<typeof capture>;
    let code: number;
    beforeAll(async () => {
        io = capture(true);
        code = await main(["dev", "--preview", "--json", path.join(rel, "plan.json"), "--sarif", path.join(rel, "sarif", "plan.sarif")], io);
    });

    it("creates the folders of every report file and names them as typed", () => {
        expect(code).toBe(0);
        expect(fs.existsSync(path.join(rel, "plan.json"))).toBe(true);
        expect(fs.existsSync(path.join(rel, "sarif", "plan.sarif"))).toBe(true);
        expect(io.stdout).toContain(`Wrote ${path.join(rel, "plan.json")}\n`);
        expect(io.stdout).toContain(`Wrote ${path.join(rel, "sarif", "plan.sarif")}\n`);
    });

    it("ends the text plan with the outputs: unknown ones [unknown], secrets [secret]", () => {
        const text = io.stdout.slice(0, io.stdout.indexOf("Wrote "));
        const outputs = text.slice(text.lastIndexOf("\nOutputs:\n") + 1).trimEnd().split("\n");
        const json = JSON.parse(fs.readFileSync(path.join(rel, "plan.json"), "utf8")) as { outputs: Record<string, unknown> };
        expect(outputs[0]).toBe("Outputs:");
        // Every output of the stack, nothing after them.
        expect(outputs.slice(1).map((l) => l.trim().split(":")[0])).toEqual(Object.keys(json.outputs));
        expect(outputs).toContainEqual(expect.stringMatching(/^ {4}applicationInsightsConnectionString: +\[secret\]$/));
        // In a preview Azure has computed nothing yet: no output may show a value (an empty string included).
        for (const line of outputs.slice(1)) expect(line).toMatch(/: +\[(unknown|secret)\]$/);
    });

    it("groups skipped evaluations: one line per policy with a count and a few names", () => {
        const skipped = io.stdout.slice(io.stdout.indexOf("Skipped (values not known):\n")).split("\n\n")[0].split("\n").slice(1);
        const policies = skipped.map((l) => l.trim().split(":")[0]);
        expect(new Set(policies).size).toBe(policies.length);
        const rbac = skipped.find((l) => l.trim().startsWith("rbac-least-privilege:"));
        expect(rbac).toMatch(/^ {2}rbac-least-privilege: \d+ resources \([^,]+, [^,]+, [^,]+, and \d+ more\): string value at \.scope can't be known during preview$/);
        const json = JSON.parse(fs.readFileSync(path.join(rel, "plan.json"), "utf8")) as { policies: { skipped: unknown[] } };
        expect(skipped.length).toBeLessThan(json.policies.skipped.length);
    });

    it("reports progress through the progress line and clears it before printing", () => {
        const counts = io.progressLines.map((l) => /(\d+) resources registered/.exec(l)?.[1]).filter((n): n is string => n !== undefined).map(Number);
        expect(counts.length).toBeGreaterThan(0);
        expect(counts).toEqual([...counts].sort((a, b) => a - b));
        const json = JSON.parse(fs.readFileSync(path.join(rel, "plan.json"), "utf8")) as { summary: { total: number } };
        expect(counts[counts.length - 1]).toBe(json.summary.total);
        expect(io.progressLines[io.progressLines.length - 1]).toBe("");
    });
});

describe("--json -", () => {
    it("writes only the JSON plan to stdout and shows no progress", async () => {
        const io = capture(true);
        expect(await main(["dev", "--json", "-"], io)).toBe(0);
        const json = JSON.parse(io.stdout) as { stack: string; resources: unknown[] };
        expect(json.stack).toBe("dev");
        expect(json.resources.length).toBeGreaterThan(10);
        expect(io.progressLines).toEqual([]);
        expect(io.stderr).toBe("");
    });
});

describe("--only", () => {
    const file = path.join(tmp, "only", "plan.json");
    let io: ReturnType<typeof capture>;
    let code: number;
    beforeAll(async () => {
        io = capture();
        code = await main(["dev", "--preview", "--only", "type:Workspace", "--only", "team:platform", "--json", file], io);
    });

    it("shows only the matching resources in the tree and the JSON, with the per-policy table", () => {
        expect(code).toBe(0);
        const tree = io.stdout.slice(0, io.stdout.indexOf("\nResources:"));
        const rows = tree.split("\n").filter((l) => l.startsWith(" +   ") && !l.includes("pulumi:pulumi:Stack"));
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toMatch(/:Workspace\s/);
        const json = JSON.parse(fs.readFileSync(file, "utf8")) as {
            only: string[];
            summary: { total: number };
            resources: { type: string; team: string | null }[];
            policies: { byPolicy: { policy: string; checked: number; violations: number; skipped: number }[]; evaluated: unknown[] };
        };
        expect(json.only).toEqual(["type:Workspace", "team:platform"]);
        expect(json.resources.length).toBe(rows.length);
        for (const r of json.resources) {
            expect(r.type).toMatch(/:Workspace$/);
            expect(r.team).toBeNull();
        }
        // The summary counts stay the whole stack's.
        expect(json.summary.total).toBeGreaterThan(json.resources.length);
        expect(json.policies.byPolicy.map((r) => r.policy)).toContain("ml-workspace-public-network-disabled");
        expect(json.policies.byPolicy.map((r) => r.policy)).not.toContain("aks-rbac-enabled");
        expect(io.stdout).toMatch(/\nPer policy:\n {2}Policy +Enforcement +Checked +Violations +Skipped\n/);
        expect(io.stdout).toMatch(/\nShown: only type:Workspace, team:platform \(\d+ of \d+ violations\); --only filters what is shown; the exit code/);
    });

    it("a value that matches nothing exits 2 with one line naming the stack's values", async () => {
        await expectOneLineError(["dev", "--preview", "--only", "type:NoSuchThing"], /^plan: --only type:NoSuchThing matches nothing in this stack \(types: .*Workspace.*\) \(run/);
    });
});
