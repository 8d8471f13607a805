/**
 * Type aliases resolved after the run (offline/deferred-aliases.ts) give the same captured graph
 * as the SDK resolving them in each Resource constructor: every resource, input, parent and alias
 * URN, in the same order within each resource's aliases, for provider type aliases (azure-native's
 * one per API version), a program's own type alias, and aliases of other shapes mixed in.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import type { CapturedResource } from "../../offline/graph";
import { runStack } from "../../offline/run-stack";
import { teamsProgram } from "../helpers/teams-program";

function program(): Record<string, pulumi.Output<unknown>> {
    teamsProgram([{ key: "risk", vmSize: "Standard_DS3_v2", maxNodes: 2 }])();
    const renamed = new pulumi.ComponentResource("aml-workspace:index:Renamed", "renamed", {}, {
        // A name alias, then a type alias of the program's own, then a URN alias: their order is kept.
        aliases: [{ name: "old-name" }, { type: "aml-workspace:index:Older" }, "urn:pulumi:dev::aml-workspace::aml-workspace:index:Oldest::x"],
    });
    // azure-native's own type aliases after a name alias of the program's.
    new ResourceGroup("moved-rg", { resourceGroupName: "rg-moved", location: "westeurope", tags: { owner: "ml-platform" } }, { parent: renamed, aliases: [{ name: "old-rg" }] });
    return {};
}

const byUrn = (resources: readonly CapturedResource[]): Map<string, CapturedResource> => new Map(resources.map((r) => [r.urn, r]));

describe("deferred type aliases", () => {
    let deferred: CapturedResource[];
    let constructed: CapturedResource[];
    beforeAll(async () => {
        deferred = (await runStack({ stack: "dev", config: {}, program })).graph.resources;
        constructed = (await runStack({ stack: "dev", config: {}, program, deferTypeAliases: false })).graph.resources;
    });

    it("capture the same resources, inputs and aliases as the SDK's own resolution", () => {
        const before = byUrn(constructed);
        expect([...byUrn(deferred).keys()].sort()).toEqual([...before.keys()].sort());
        // Same fields in the same key order (the JSON of each resource), whatever the completion order.
        for (const r of deferred) expect(JSON.stringify(r)).toBe(JSON.stringify(before.get(r.urn)));
    });

    it("resolve azure-native's type aliases relative to the resource's parent, after the program's own", () => {
        const rg = deferred.find((r) => r.name === "moved-rg")!;
        expect(rg.aliases![0]).toBe("urn:pulumi:dev::aml-workspace::aml-workspace:index:Renamed$azure-native:resources:ResourceGroup::old-rg");
        // One per API version azure-native has had for the type, each under the same parent.
        expect(rg.aliases!.length).toBeGreaterThan(5);
        expect(rg.aliases!.slice(1).every((a) => /^urn:pulumi:dev::aml-workspace::aml-workspace:index:Renamed\$azure-native[:_]/.test(a) && a.endsWith("::moved-rg"))).toBe(true);
    });

    it("keep the order of a resource's aliases of every shape", () => {
        expect(deferred.find((r) => r.name === "renamed")!.aliases).toEqual([
            "urn:pulumi:dev::aml-workspace::aml-workspace:index:Renamed::old-name",
            "urn:pulumi:dev::aml-workspace::aml-workspace:index:Older::renamed",
            "urn:pulumi:dev::aml-workspace::aml-workspace:index:Oldest::x",
        ]);
    });

    it("let a program's stack transformations add aliases, at the root and below, before the deferral reads them", async () => {
        const { graph } = await runStack({
            stack: "dev",
            config: {},
            program: () => {
                pulumi.runtime.registerStackTransformation((a) =>
                    a.type === "azure-native:resources:ResourceGroup" ? { props: a.props, opts: { ...a.opts, aliases: [...(a.opts.aliases ?? []), { name: `old-${a.name}` }] } } : undefined,
                );
                const top = new ResourceGroup("top-rg", { resourceGroupName: "rg-top", location: "westeurope", tags: { owner: "ml-platform" } });
                const holder = new pulumi.ComponentResource("aml-workspace:index:Holder", "holder", {});
                new ResourceGroup("child-rg", { resourceGroupName: "rg-child", location: "westeurope", tags: { owner: "ml-platform" } }, { parent: holder, dependsOn: [top] });
                return {};
            },
        });
        const aliasesOf = (name: string) => graph.resources.find((r) => r.name === name)!.aliases!;
        expect(aliasesOf("top-rg")).toContain("urn:pulumi:dev::aml-workspace::azure-native:resources:ResourceGroup::old-top-rg");
        expect(aliasesOf("child-rg")).toContain("urn:pulumi:dev::aml-workspace::aml-workspace:index:Holder$azure-native:resources:ResourceGroup::old-child-rg");
        // azure-native's own type aliases are there too, after the program's.
        expect(aliasesOf("child-rg").length).toBeGreaterThan(5);
    });

    it("leave no stand-in root behind: a later run without deferral sees an empty stack slot", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const state = require("@pulumi/pulumi/runtime/state") as { getStackResource(): unknown };
        expect(state.getStackResource()).toBeUndefined();
    });
});
