/**
 * The deploy-time estimate (offline/critical-path.ts) on small hand-made graphs: the longest path
 * by summed durations, deterministic ties, components and custom parents, unknown types, cycles.
 */
import type { CapturedResource, CapturedStack } from "../../offline/graph";
import { criticalPath, DependencyCycleError } from "../../offline/critical-path";
import { DEFAULT_PROVISIONING, nominalDuration, PROVISIONING_TIMES } from "../../offline/provisioning-times";
import { deployTimeJson, renderDeployTime } from "../../offline/deploy-time-report";

const urn = (name: string): string => `urn:pulumi:t::p::${name}`;

/** A resource `name` of `type` depending on `deps` (names), optionally under `parent`. */
function res(name: string, type: string, deps: string[] = [], opts: { parent?: string; custom?: boolean } = {}): CapturedResource {
    return {
        type,
        name,
        urn: urn(name),
        custom: opts.custom ?? true,
        parent: opts.parent && urn(opts.parent),
        inputs: {},
        dependencies: deps.map(urn),
        propertyDependencies: {},
        protect: false,
    };
}
const stack = (resources: CapturedResource[]): CapturedStack => ({ project: "p", stack: "t", preview: false, resources });

/** Durations by type for the synthetic graphs: "T<n>" takes n minutes. */
const byTypeName = (r: CapturedResource) => ({ minutes: r.custom ? Number(r.type.slice(1)) : 0, source: "test", known: true });
const names = (e: ReturnType<typeof criticalPath>) => e.criticalPath.map((s) => s.name);

describe("criticalPath", () => {
    it("takes the longest chain by summed durations, not the one with most resources", () => {
        // a(1) -> b(1) -> c(1)  is 3 minutes over three resources; x(5) -> y(1) is 6 over two.
        const e = criticalPath(stack([res("a", "T1"), res("b", "T1", ["a"]), res("c", "T1", ["b"]), res("x", "T5"), res("y", "T1", ["x"])]), byTypeName);
        expect(e.totalMinutes).toBe(6);
        expect(names(e)).toEqual(["x", "y"]);
    });

    it("joins branches: a resource waits for its slowest dependency", () => {
        const e = criticalPath(stack([res("rg", "T1"), res("fast", "T1", ["rg"]), res("slow", "T4", ["rg"]), res("ws", "T2", ["fast", "slow"])]), byTypeName);
        expect(e.totalMinutes).toBe(7);
        expect(names(e)).toEqual(["rg", "slow", "ws"]);
    });

    it("breaks ties by registration order, the same way on every run", () => {
        const graph = stack([res("root", "T1"), res("left", "T2", ["root"]), res("right", "T2", ["root"]), res("end", "T1", ["right", "left"])]);
        const first = criticalPath(graph, byTypeName);
        expect(names(first)).toEqual(["root", "left", "end"]);
        expect(criticalPath(graph, byTypeName)).toEqual(first);
        // Two equal end points: the earlier-registered one is reported.
        expect(names(criticalPath(stack([res("p", "T3"), res("q", "T3")]), byTypeName))).toEqual(["p"]);
    });

    it("waits for every child of a component it depends on, and leaves the component off the path", () => {
        const e = criticalPath(
            stack([
                res("net", "C", [], { custom: false }),
                res("vnet", "T1", [], { parent: "net" }),
                res("pe", "T3", ["vnet"], { parent: "net" }),
                res("ws", "T2", ["net"]),
            ]),
            byTypeName,
        );
        expect(e.totalMinutes).toBe(6);
        expect(names(e)).toEqual(["vnet", "pe", "ws"]);
    });

    it("ignores a dependency of a child on its own ancestor component (no self-wait) and unknown URNs", () => {
        const e = criticalPath(stack([res("comp", "C", [], { custom: false }), res("kid", "T2", ["comp", "not-in-graph"], { parent: "comp" })]), byTypeName);
        expect(e.totalMinutes).toBe(2);
        expect(names(e)).toEqual(["kid"]);
    });

    it("makes a child wait for a custom parent", () => {
        const e = criticalPath(stack([res("cluster", "T10"), res("pool", "T5", [], { parent: "cluster" })]), byTypeName);
        expect(e.totalMinutes).toBe(15);
        expect(names(e)).toEqual(["cluster", "pool"]);
    });

    it("refuses a cycle with a clear error instead of looping", () => {
        expect(() => criticalPath(stack([res("a", "T1", ["b"]), res("b", "T1", ["a"])]), byTypeName)).toThrow(DependencyCycleError);
    });

    it("an empty stack or one of components only takes no time", () => {
        expect(criticalPath(stack([]))).toEqual({ totalMinutes: 0, criticalPath: [], defaultedTypes: [] });
        expect(criticalPath(stack([res("c", "aml-workspace:index:X", [], { custom: false })])).totalMinutes).toBe(0);
    });

    it("uses the table by default, and a type not in it gets the default figure and is named", () => {
        const e = criticalPath(stack([res("rg", "azure-native:resources:ResourceGroup"), res("odd", "azure-native:example:Unlisted", ["rg"])]));
        expect(e.totalMinutes).toBe(PROVISIONING_TIMES["azure-native:resources:ResourceGroup"].minutes + DEFAULT_PROVISIONING.minutes);
        expect(e.defaultedTypes).toEqual(["azure-native:example:Unlisted"]);
        expect(e.criticalPath[1]).toMatchObject({ name: "odd", known: false, minutes: DEFAULT_PROVISIONING.minutes });
        expect(renderDeployTime(e)).toMatch(/odd {2}\(default: type not in the table\)/);
        expect(renderDeployTime(e)).toMatch(/Types without a nominal time \(default used\): azure-native:example:Unlisted/);
        expect(deployTimeJson(e)).toMatchObject({ totalMinutes: e.totalMinutes, defaultedTypes: ["azure-native:example:Unlisted"], source: expect.stringMatching(/^estimate/) });
    });
});

describe("the provisioning-time table", () => {
    it("gives every row a positive figure, a source and a date", () => {
        for (const [type, row] of Object.entries(PROVISIONING_TIMES)) {
            expect([type, row.minutes > 0, row.source.length > 0, /^\d{4}-\d{2}-\d{2}$/.test(row.date)]).toEqual([type, true, true, true]);
        }
    });

    it("counts components and providers as zero", () => {
        expect(nominalDuration("aml-workspace:index:MlPlatform", false).minutes).toBe(0);
        expect(nominalDuration("pulumi:providers:kubernetes", true).minutes).toBe(0);
    });
});
