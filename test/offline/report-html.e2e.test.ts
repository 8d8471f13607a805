/**
 * The HTML report of each shipped stack (dev, prod, edge) opened in headless Chromium: Debian's
 * `chromium` (scripts/setup-browser.sh installs it; CHROMIUM_PATH overrides the path) driven by
 * playwright-core. Each stack is planned once through the CLI (`plan <stack> --json --html`); the
 * counts the diagram must show are computed from the plan JSON by the test's own rules, not by the
 * report's code. A full-page screenshot of each report is written to test-output/report-<stack>.png
 * and the diagram alone to test-output/report-<stack>-diagram.png (gitignored), for a person to look at.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { CliIo } from "../../offline/cli-io";
import { main } from "../../offline/plan-cli";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-html-"));

interface PlanResource {
    type: string;
    name: string;
    urn: string;
    parent: string | null;
    team: string | null;
}
interface Plan {
    resources: PlanResource[];
    policies: { violations: { urn: string; policyName: string }[] };
    costEstimate: { total: number; teams: { team: string; monthly: number }[] };
    deployTime: { totalMinutes: number; criticalPath: { name: string }[] };
}

/** The type token in a URN (`…::<parent types $ type>::<name>`). */
const typeOfUrn = (urn: string): string => (urn.split("::")[2] ?? "").split("$").pop() ?? "";

/** Endpoints by the test's own reading of the serving components: one answering resource per endpoint. */
function expectedEndpoints(plan: Plan): PlanResource[] {
    return plan.resources.filter(
        (r) =>
            r.type === "azure-native:containerinstance:ContainerGroup" ||
            r.type === "azure-native:machinelearningservices:OnlineEndpoint" ||
            r.type === "pulumi-nodejs:dynamic/edge:IotEdgeDeployment" ||
            (r.type === "kubernetes:apps/v1:Deployment" && r.parent !== null && typeOfUrn(r.parent) === "aml-workspace:index:KubernetesEndpoint"),
    );
}

let browser: Browser;

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/setup-browser.sh (or set CHROMIUM_PATH)`);
    fs.mkdirSync(OUT, { recursive: true });
    // Root in CI containers: Chromium's sandbox needs user namespaces it does not get there.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 60_000);

afterAll(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each([
    { stack: "dev", hosts: [] as string[] },
    { stack: "prod", hosts: ["containerInstance", "managedOnline", "kubernetes", "kubernetesOnline"] },
    { stack: "edge", hosts: ["fpga", "iotEdge"] },
])("the $stack stack's HTML report in Chromium", ({ stack, hosts }) => {
    const htmlFile = path.join(tmp, `${stack}.html`);
    let plan: Plan;
    let html: string;
    let page: Page;
    const requests: string[] = [];

    beforeAll(async () => {
        const io: CliIo = { out: () => undefined, err: (t) => void process.stderr.write(t) };
        const code = await main([stack, "--json", path.join(tmp, `${stack}.json`), "--html", htmlFile], io);
        expect(code).toBe(0);
        plan = JSON.parse(fs.readFileSync(path.join(tmp, `${stack}.json`), "utf8")) as Plan;
        html = fs.readFileSync(htmlFile, "utf8");
        page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        page.on("request", (r) => void requests.push(r.url()));
        await page.goto(`file://${htmlFile}`, { waitUntil: "load" });
    }, 120_000);

    afterAll(async () => {
        await page?.close();
    });

    it("loads nothing but the file itself", () => {
        expect(requests.length).toBeGreaterThan(0);
        expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
    });

    it("renders the diagram: the SVG and every box have a size", async () => {
        const svg = await page.locator("#architecture").boundingBox();
        expect(svg && svg.width > 200 && svg.height > 100).toBe(true);
        const sizes = await page.$$eval("#architecture g.node", (nodes) => nodes.map((n) => (n as unknown as { getBBox(): { width: number; height: number } }).getBBox()).map((b) => [b.width, b.height]));
        expect(sizes.length).toBeGreaterThan(0);
        for (const [w, h] of sizes) expect(w > 0 && h > 0).toBe(true);
    });

    it("shows one node per workspace, endpoint and private endpoint of the plan", async () => {
        const count = (kind: string) => page.locator(`#architecture [data-kind="${kind}"]`).count();
        const ofType = (type: string) => plan.resources.filter((r) => r.type === type).length;
        expect(await count("workspace")).toBe(ofType("azure-native:machinelearningservices:Workspace"));
        expect(await count("private-endpoint")).toBe(ofType("azure-native:network:PrivateEndpoint"));
        const endpoints = expectedEndpoints(plan);
        expect(await count("endpoint")).toBe(endpoints.length);
        // Each endpoint node is the plan's resource (by URN).
        const urns = await page.$$eval('#architecture [data-kind="endpoint"]', (nodes) => nodes.map((n) => n.getAttribute("data-urn")));
        expect(urns.sort()).toEqual(endpoints.map((r) => r.urn).sort());
    });

    it("groups endpoints by host, and each team in its own group", async () => {
        const shown = await page.$$eval("#architecture [data-host]", (nodes) => [...new Set(nodes.map((n) => n.getAttribute("data-host")))]);
        expect(shown.sort()).toEqual([...hosts].sort());
        const hostGroups = await page.$$eval('#architecture [data-group="host"] .group-title', (t) => t.map((x) => x.textContent));
        for (const h of hostGroups) expect(h).toMatch(/^Endpoints: (Container|Kubernetes|FPGA|IoT Edge) hosts$/);
        const teams = [...new Set(plan.resources.map((r) => r.team).filter((t): t is string => t !== null))];
        const teamTitles = await page.$$eval('#architecture [data-group="team"] .group-title', (t) => t.map((x) => x.textContent));
        expect(teamTitles.sort()).toEqual(teams.map((t) => `Team ${t}`).sort());
    });

    it("shows the cost per team and in total as an estimate, and the critical path", async () => {
        const cost = await page.locator("#cost").innerText();
        expect(cost).toMatch(/Monthly cost \(estimate\)/);
        expect(cost).toMatch(/price table of \d{4}-\d{2}-\d{2}/);
        for (const t of plan.costEstimate.teams) expect(cost).toContain(t.team);
        expect(cost).toContain(`$${plan.costEstimate.total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
        const critical = await page.locator("#critical-path tbody tr").count();
        expect(critical).toBe(plan.deployTime.criticalPath.length);
    });

    it("search filters the resource table", async () => {
        const rows = page.locator("#resource-table tbody tr");
        expect(await rows.count()).toBe(plan.resources.length);
        await page.fill("#resource-search", "network:privateendpoint");
        const visible = await page.$$eval("#resource-table tbody tr", (trs) => trs.filter((t) => !(t as unknown as { hidden: boolean }).hidden).length);
        expect(visible).toBe(plan.resources.filter((r) => r.type === "azure-native:network:PrivateEndpoint").length);
        expect(await page.locator("#resource-count").innerText()).toBe(String(visible));
        await page.fill("#resource-search", "");
        expect(await page.$$eval("#resource-table tbody tr", (trs) => trs.filter((t) => !(t as unknown as { hidden: boolean }).hidden).length)).toBe(plan.resources.length);
    });

    it("lists every violation; clicking one brings its node into view, highlighted", async () => {
        const violations = plan.policies.violations;
        expect(await page.locator("#violation-table tbody tr").count()).toBe(violations.length);
        const link = page.locator("#violation-table a.goto").last();
        if (violations.length === 0) return;
        const target = (await link.getAttribute("data-node")) as string;
        await link.click();
        const node = page.locator(`[id="${target}"]`);
        expect(await node.getAttribute("class")).toContain("highlight");
        const box = await node.boundingBox();
        expect(box !== null && box.y >= 0 && box.y + box.height <= 1000).toBe(true);
    });

    it("clicking a box goes to its resource's row in the table", async () => {
        const node = page.locator('#architecture [data-kind="workspace"]').first();
        const urn = (await node.getAttribute("data-urn")) as string;
        await node.click();
        const row = page.locator(`#resource-table tr[data-urn="${urn}"]`);
        expect(await page.evaluate("location.hash")).toBe(`#${await row.getAttribute("id")}`);
        const box = await row.boundingBox();
        expect(box !== null && box.y >= 0 && box.y + box.height <= 1000).toBe(true);
    });

    it("carries no secret", () => {
        // The simulated Application Insights connection string and storage keys are secrets in the graph.
        expect(html).not.toContain("InstrumentationKey=");
        expect(html).not.toContain("AccountKey=");
        expect(html).not.toContain("SharedAccessKey=");
        expect(html).not.toContain("placeholder-replace-with-pulumi-config-set-secret");
    });

    it("writes a full-page screenshot to test-output/", async () => {
        const file = path.join(OUT, `report-${stack}.png`);
        await page.evaluate("window.scrollTo(0, 0); document.querySelector('.table-wrap').scrollTop = 0");
        await page.screenshot({ path: file, fullPage: true });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);
        // The diagram alone, at its own size, for a closer look.
        const diagram = path.join(OUT, `report-${stack}-diagram.png`);
        await page.locator("#architecture").screenshot({ path: diagram });
        expect(fs.statSync(diagram).size).toBeGreaterThan(10_000);
    });
});
