/**
 * The stack program: an invalid config registers nothing; the same config
 * gives the same resources and names every time; preview leaves computed
 * values unknown but names known.
 */
import * as pulumi from "@pulumi/pulumi";
import { CapturingMonitor } from "../../offline/capture";
import { SimulatedAzure } from "../../offline/azure-sim/simulator";
import { UNKNOWN } from "../../offline/graph";
import { definePlatform } from "../../stacks/program";
import { ConfigError } from "../../stacks/config-errors";
import { baseConfig, oneOfType, runPlatform } from "../helpers/stack";

describe("invalid config", () => {
    it("throws ConfigError listing the problems and registers no resource", async () => {
        const sim = new SimulatedAzure({ preview: false });
        const monitor = new CapturingMonitor(sim);
        await pulumi.runtime.setMocks(sim, "aml-workspace", "broken", false);
        pulumi.runtime.setMockOptions(monitor, "aml-workspace", "broken", false);
        pulumi.runtime.setAllConfig({ "aml-workspace:platform": JSON.stringify(baseConfig({ location: "mars", storage: { sku: "Gold" } })) });
        expect(() => definePlatform()).toThrow(ConfigError);
        await new Promise((r) => setTimeout(r, 50));
        expect(monitor.captured).toEqual([]);
    });
});

describe("determinism", () => {
    it("two runs of the same config give identical resources, names and inputs", async () => {
        const strip = (run: Awaited<ReturnType<typeof runPlatform>>) =>
            run.graph.resources.map((r) => ({ urn: r.urn, inputs: r.inputs })).sort((a, b) => a.urn.localeCompare(b.urn));
        const a = await runPlatform(baseConfig({ environment: "prod", containerRegistry: { mode: "always" } }), { stack: "det" });
        const b = await runPlatform(baseConfig({ environment: "prod", containerRegistry: { mode: "always" } }), { stack: "det" });
        expect(strip(a)).toEqual(strip(b));
        expect(strip(a).length).toBeGreaterThan(20);
    });

    it("global names change with the stack (no collisions between stacks), but not between runs", async () => {
        const one = await runPlatform(baseConfig({ namePrefix: "team" }), { stack: "one" });
        const two = await runPlatform(baseConfig({ namePrefix: "team" }), { stack: "two" });
        const account = (r: typeof one): unknown => oneOfType(r.graph, "azure-native:storage:StorageAccount").inputs.accountName;
        expect(account(one)).toMatch(/^stteam[a-z0-9]{6}$/);
        expect(account(one)).not.toBe(account(two));
    });
});

describe("preview", () => {
    it("keeps names known and IDs unknown, like pulumi preview", async () => {
        const run = await runPlatform(baseConfig(), { preview: true, stack: "pv" });
        expect(run.graph.preview).toBe(true);
        const ws = oneOfType(run.graph, "azure-native:machinelearningservices:Workspace");
        expect(ws.inputs.workspaceName).toBe("mlw-aml-pv");
        expect(ws.inputs.storageAccount).toBe(UNKNOWN);
        expect(run.outputs.workspaceId).toBe(UNKNOWN);
        expect(run.outputs.workspaceName).toBe(UNKNOWN);
    });
});
