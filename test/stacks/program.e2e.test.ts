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

// waitForRPCs is @internal in @pulumi/pulumi (offline/run-stack.ts awaits it the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

/** A minimal custom resource for the control case. */
class Thing extends pulumi.CustomResource {
    constructor(name: string) {
        super("test:index:Thing", name, {});
    }
}

describe("invalid config", () => {
    it("throws ConfigError listing the problems and registers no resource", async () => {
        const sim = new SimulatedAzure({ preview: false });
        const monitor = new CapturingMonitor(sim);
        await pulumi.runtime.setMocks(sim, "aml-workspace", "broken", false);
        pulumi.runtime.setMockOptions(monitor, "aml-workspace", "broken", false);
        pulumi.runtime.setAllConfig({ "aml-workspace:platform": JSON.stringify(baseConfig({ location: "mars", storage: { sku: "Gold" } })) });
        expect(() => definePlatform()).toThrow(ConfigError);
        // Drain the SDK's own queue of outstanding RPCs: any registration started before the throw
        // has then reached the monitor, so the captured graph is final (no guessing with a sleep).
        await waitForRPCs();
        expect(monitor.captured).toEqual([]);
        expect(monitor.getRegisteredResources().size).toBe(0);
    });

    it("the same check sees a resource registered just before a throw (so it can fail)", async () => {
        const sim = new SimulatedAzure({ preview: false });
        const monitor = new CapturingMonitor(sim);
        await pulumi.runtime.setMocks(sim, "aml-workspace", "control", false);
        pulumi.runtime.setMockOptions(monitor, "aml-workspace", "control", false);
        expect(() => {
            new Thing("registered-then-threw");
            throw new Error("a late problem");
        }).toThrow("a late problem");
        await waitForRPCs();
        expect(monitor.captured.map((r) => r.name)).toEqual(["registered-then-threw"]);
    });
});

describe("determinism", () => {
    it("two runs of the same config give identical resources, names and inputs", async () => {
        const strip = (run: Awaited<ReturnType<typeof runPlatform>>) =>
            run.graph.resources.map((r) => ({ urn: r.urn, inputs: r.inputs })).sort((a, b) => a.urn.localeCompare(b.urn));
        const config = { environment: "prod", containerRegistry: { mode: "always" }, workspace: { imageBuildCompute: "builder" }, compute: { clusters: { builder: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } } };
        const a = await runPlatform(baseConfig(config), { stack: "det" });
        const b = await runPlatform(baseConfig(config), { stack: "det" });
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
