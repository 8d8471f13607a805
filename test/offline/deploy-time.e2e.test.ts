/**
 * The deploy-time estimate on the shipped stacks: the prod plan prints the "Deploy time (estimate)"
 * section and carries `deployTime` in its JSON; every type of the dev, prod and edge stacks has a
 * nominal figure in offline/provisioning-times.ts (a missing row would show as a default).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CliIo } from "../../offline/cli-io";
import { criticalPath } from "../../offline/critical-path";
import { main } from "../../offline/plan-cli";
import { PROVISIONING_TIMES } from "../../offline/provisioning-times";
import { runStack } from "../../offline/run-stack";
import { readStackFile } from "../../offline/stack-file";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-deploy-time-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface DeployTimeJson {
    totalMinutes: number;
    criticalPath: { type: string; name: string; urn: string; minutes: number; nominal: boolean }[];
    defaultedTypes: string[];
    source: string;
}

describe("the prod plan", () => {
    let stdout = "";
    let json: { deployTime: DeployTimeJson; resources: { urn: string; dependencies: string[]; parent: string | null; custom: boolean }[] };

    beforeAll(async () => {
        const io: CliIo = { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stdout += `${t}\n`) };
        expect(await main(["prod", "--json", path.join(tmp, "prod.json")], io)).toBe(0);
        json = JSON.parse(fs.readFileSync(path.join(tmp, "prod.json"), "utf8"));
    }, 120_000);

    it("carries the estimate in the JSON, labelled as one, with a path that is a real dependency chain", () => {
        const d = json.deployTime;
        expect(d.source).toMatch(/^estimate: critical path .*nominal create times.*not a measurement/);
        expect(d.defaultedTypes).toEqual([]);
        expect(d.criticalPath.length).toBeGreaterThan(1);
        const sum = d.criticalPath.reduce((s, step) => s + step.minutes, 0);
        expect(d.totalMinutes).toBeCloseTo(sum, 5);
        for (const step of d.criticalPath) expect(step.minutes).toBe(PROVISIONING_TIMES[step.type].minutes);
        // Each step depends (directly, or through a component it depends on) on the step before it.
        const byUrn = new Map(json.resources.map((r) => [r.urn, r]));
        const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
            if (from === to) return true;
            if (seen.has(from)) return false;
            seen.add(from);
            const r = byUrn.get(from);
            if (!r) return false;
            const kids = r.custom ? [] : json.resources.filter((k) => k.parent === from).map((k) => k.urn);
            return [...r.dependencies, ...(r.parent && byUrn.get(r.parent)?.custom ? [r.parent] : []), ...kids].some((n) => reaches(n, to, seen));
        };
        for (let i = 1; i < d.criticalPath.length; i++) expect([d.criticalPath[i].name, reaches(d.criticalPath[i].urn, d.criticalPath[i - 1].urn)]).toEqual([d.criticalPath[i].name, true]);
    });

    it("prints the section with the total and each step's type, name and minutes", () => {
        const d = json.deployTime;
        expect(stdout).toContain(`Deploy time (estimate): ~${Number.isInteger(d.totalMinutes) ? d.totalMinutes : d.totalMinutes.toFixed(1)} min on the critical path`);
        for (const step of d.criticalPath) expect(stdout).toMatch(new RegExp(`min\\s+${step.type.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\s+${step.name}\\n`));
    });
});

describe.each(["dev", "edge"])("the %s stack", (stack) => {
    it("has a nominal time for every resource type", async () => {
        const file = readStackFile(stack);
        const run = await runStack({ stack, config: file.config, preview: false, configSource: file.file });
        const estimate = criticalPath(run.graph);
        expect(estimate.defaultedTypes).toEqual([]);
        expect(estimate.totalMinutes).toBeGreaterThan(0);
    }, 120_000);
});
