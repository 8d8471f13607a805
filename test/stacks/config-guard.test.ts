/**
 * The guard that lets semantic checks run on a config that failed the schema:
 * a check that reads a schema-invalid value, or throws, contributes nothing;
 * the others still report.
 */
import { guardedEntries, runChecks, unguarded } from "../../stacks/config-guard";
import type { ConfigProblem } from "../../stacks/config-errors";
import { EXISTING_ID_KEYS, existingIdKeyOf } from "../../stacks/config-adoptable";
import schema from "../../stacks/schema/platform.schema.json";

type Cfg = { a: { b: number; c: number }; list: { x: string }[] };
const config: Cfg = { a: { b: 1, c: 2 }, list: [{ x: "ok" }, { x: "bad" }] };
const problem = (path: string): ConfigProblem => ({ path, problem: "p", fix: "f" });

describe("runChecks", () => {
    const readsB = (c: Cfg): ConfigProblem[] => (c.a.b > 0 ? [problem("b")] : []);
    const readsC = (c: Cfg): ConfigProblem[] => (c.a.c > 0 ? [problem("c")] : []);
    const readsList = (c: Cfg): ConfigProblem[] => c.list.filter((i) => i.x === "ok").map(() => problem("list"));
    const throws = (c: Cfg): ConfigProblem[] => [problem(String((c as unknown as { a: { b: { d: { e: string } } } }).a.b.d.e))];

    it("runs every check as is when the schema passed", () => {
        expect(runChecks([readsB, readsC, readsList], config, []).map((p) => p.path)).toEqual(["b", "c", "list"]);
    });

    it("skips exactly the checks that read an invalid value (or anything inside it)", () => {
        expect(runChecks([readsB, readsC, readsList], config, ["/a/b"]).map((p) => p.path)).toEqual(["c", "list"]);
        expect(runChecks([readsB, readsC, readsList], config, ["/list/1"]).map((p) => p.path)).toEqual(["b", "c"]);
        expect(runChecks([readsB, readsC], config, ["/a"]).map((p) => p.path)).toEqual([]);
    });

    it("skips a check that throws on a value of the wrong shape, instead of crashing", () => {
        expect(runChecks([throws, readsC], config, ["/a/b"]).map((p) => p.path)).toEqual(["c"]);
    });

    it("with guardedEntries, an invalid entry drops only its own problems, and the check still reports its siblings", () => {
        type Eps = { endpoints: Record<string, { host: string; cpu: number }> };
        const eps: Eps = { endpoints: { a: { host: "aci", cpu: 99 }, b: { host: "lambda", cpu: 99 }, c: { host: "aci", cpu: 1 } } };
        const perEntry = (c: Eps): ConfigProblem[] => {
            const out: ConfigProblem[] = [];
            for (const [key, e] of guardedEntries(out, c.endpoints)) {
                if (e.host !== "aci") continue;
                if (e.cpu > 4) out.push(problem(`${key}.cpu`));
            }
            return out;
        };
        // b's host is invalid: a's problem stays, b's entry says nothing, the check is not silenced.
        expect(runChecks([perEntry], eps, ["/endpoints/b/host"]).map((p) => p.path)).toEqual(["a.cpu"]);
        // An invalid value read outside any entry still taints the whole check.
        expect(runChecks([perEntry], eps, ["/endpoints"]).map((p) => p.path)).toEqual([]);
        // Without schema problems it is Object.entries (b is skipped by the check itself: not an aci endpoint).
        expect(runChecks([perEntry], eps, []).map((p) => p.path)).toEqual(["a.cpu"]);
    });

    it("gives the raw object to checks that walk everything", () => {
        const walker = (c: Cfg): ConfigProblem[] => (JSON.stringify(unguarded(c)).includes("bad") ? [problem("walk")] : []);
        expect(runChecks([walker], config, ["/a/b"]).map((p) => p.path)).toEqual(["walk"]);
    });
});

describe("resource-ID keys (one table for the ID shape and the adoption check)", () => {
    test("every key of the table exists in the schema, and map keys match their wildcard", () => {
        const props = (schema as { properties: Record<string, unknown> }).properties;
        for (const { key } of EXISTING_ID_KEYS) {
            let node: unknown = { properties: props };
            for (const part of key.split(".")) {
                const n = node as { properties?: Record<string, unknown>; additionalProperties?: unknown };
                node = part === "*" ? n.additionalProperties : n.properties?.[part];
                expect({ key, part, found: node !== undefined }).toEqual({ key, part, found: true });
            }
        }
        expect(existingIdKeyOf("network.privateDns.zoneIds.blob")?.armType).toBe("Microsoft.Network/privateDnsZones");
        expect(existingIdKeyOf("storage.name")).toBeUndefined();
    });
});
