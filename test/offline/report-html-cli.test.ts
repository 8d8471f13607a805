/**
 * The HTML report's flags: `audit --format html` (the same page as the plan's, offline/report-html.ts,
 * its diagram drawn from the exported resources) and `plan --html`'s bad input, refused before the
 * stack runs. (`plan --html` on the shipped stacks, in a browser: report-html.e2e.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../offline/audit-cli";
import { main as plan } from "../../offline/plan-cli";

const INSECURE = join(__dirname, "../fixtures/audit/insecure-prod.json");
const tmp = mkdtempSync(join(tmpdir(), "audit-html-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function audit(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
}

describe("audit --format html", () => {
    let html: string;
    let code: number;
    let err: string;
    const exported = (JSON.parse(readFileSync(INSECURE, "utf8")) as { deployment: { resources: { type: string; urn: string }[] } }).deployment.resources;

    beforeAll(async () => {
        const file = join(tmp, "nested", "report.html");
        ({ code, err } = await audit(INSECURE, "--format", "html", "--out", file));
        html = readFileSync(file, "utf8");
    });

    it("writes the page (folders created), exits 1 on the export's mandatory violations", () => {
        expect(code).toBe(1);
        expect(err).toMatch(/audit: wrote html report to .*report\.html \(\d+ mandatory, \d+ advisory\)/);
        expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
        expect(html).toContain("audit of the stack export");
    });

    it("draws one node per workspace of the export, and a row per exported resource", () => {
        const workspaces = exported.filter((r) => r.type === "azure-native:machinelearningservices:Workspace").length;
        expect(workspaces).toBeGreaterThan(0);
        expect(html.match(/<g class="node"[^>]* data-kind="workspace"/g)).toHaveLength(workspaces);
        expect(html.match(/<tr id="row-/g)).toHaveLength(exported.length);
    });

    it("links each violation drawn on the diagram to a node that exists", () => {
        const ids = new Set([...html.matchAll(/<g class="node" id="([^"]+)"/g)].map((m) => m[1]));
        const links = [...html.matchAll(/<tr id="violation-\d+"[^>]*data-node="([^"]*)"/g)].map((m) => m[1]);
        expect(links.length).toBeGreaterThan(0);
        for (const id of links.filter((l) => l !== "")) expect(ids.has(id)).toBe(true);
        expect(links.filter((l) => l !== "").length).toBeGreaterThan(links.length / 2);
    });

    it("refuses --only with html (the page shows the whole stack)", async () => {
        const r = await audit(INSECURE, "--format", "html", "--only", "team:risk");
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/--only applies to the text and json formats, not html/);
    });
});

describe("plan --html, bad input", () => {
    const run = async (...argv: string[]) => {
        let out = "";
        let err = "";
        const code = await plan(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
        return { code, out, err };
    };

    it("two reports to stdout: exit 2, one line", async () => {
        const r = await run("dev", "--html", "-", "--json", "-");
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expect(r.err).toBe("plan: only one report can write to stdout (-) (run `npm run plan -- --help` for usage)");
    });

    it("a folder as the report file: exit 2 before anything runs", async () => {
        const r = await run("dev", "--html", `${tmp}/`);
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expect(r.err).toMatch(/^plan: cannot write ".*\/": give a file name, not a folder$/);
    });

    it("the usage names the flag", async () => {
        const r = await run("--help");
        expect(r.out).toMatch(/--html <file>\s+write one self-contained HTML report/);
    });
});
