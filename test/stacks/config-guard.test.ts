/**
 * The guard that lets semantic checks run on a config that failed the schema:
 * a check that reads a schema-invalid value, or throws, contributes nothing;
 * the others still report.
 */
import { runChecks, unguarded } from "../../stacks/config-guard";
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
