/**
 * Defaults are stated once: the library's table (COMPONENT_DEFAULTS,
 * components/defaults.ts) is what the components and MlPlatform apply, and the
 * stack schema's `default`s, which ajv applies to a stack file, must say the
 * same. test/components/component-args.test.ts checks table -> schema; this
 * checks schema -> table: no schema default the library does not know.
 */
import { COMPONENT_DEFAULTS } from "../../components/defaults";
import schema from "../../stacks/schema/platform.schema.json";

interface Node {
    $ref?: string;
    default?: unknown;
    properties?: Record<string, Node>;
    additionalProperties?: Node | boolean;
}
const defs = (schema as unknown as { $defs: Record<string, Node> }).$defs;
const resolve = (n: Node): Node => (n.$ref?.startsWith("#/$defs/") ? { ...defs[n.$ref.slice(8)], ...n } : n);

/** Defaults that belong to the stack file alone (no library arg): why each is not in the table. */
const STACK_ONLY: Record<string, string> = {
    dataClassification: "the program turns it into workspace.highBusinessImpact",
    "workspace.sku": "Azure ML has one workspace SKU; the library does not expose it",
    "storage.hierarchicalNamespace": "only false is valid on the default storage account (the config refuses true); the library has no such arg",
};

function schemaDefaults(node: Node, path: string, out: Map<string, unknown>): Map<string, unknown> {
    const n = resolve(node);
    const isEmptyObject = typeof n.default === "object" && n.default !== null && !Array.isArray(n.default) && Object.keys(n.default).length === 0;
    if (n.default !== undefined && !isEmptyObject) out.set(path, n.default);
    for (const [k, child] of Object.entries(n.properties ?? {})) schemaDefaults(child, path ? `${path}.${k}` : k, out);
    if (typeof n.additionalProperties === "object") schemaDefaults(n.additionalProperties, `${path}.*`, out);
    return out;
}

const fromSchema = schemaDefaults(schema as unknown as Node, "", new Map());
const table = COMPONENT_DEFAULTS as Readonly<Record<string, unknown>>;
/** A team's compute, schedules and data (`teams.<key>.compute`, `.schedules`, `.data`) are described by the same `$defs` as the platform's, so they take the same defaults. */
const tableKey = (p: string): string => p.replace(/^teams\.\*\.(compute|schedules|data|serving)\./, "$1.");

it("every schema default is the library's default for the same setting", () => {
    const mismatches = [...fromSchema]
        .filter(([p]) => STACK_ONLY[p] === undefined)
        .filter(([p, v]) => JSON.stringify(table[tableKey(p)]) !== JSON.stringify(v))
        .map(([p, v]) => `${p}: schema ${JSON.stringify(v)}, table ${JSON.stringify(table[tableKey(p)])}`);
    expect(mismatches).toEqual([]);
});

it("the walk sees the schema's nested and per-entry defaults", () => {
    expect(fromSchema.get("keyVault.softDeleteRetentionDays")).toBe(90);
    expect(fromSchema.get("compute.clusters.*.minNodes")).toBe(0);
    expect(fromSchema.get("teams.*.compute.clusters.*.minNodes")).toBe(0);
    expect(fromSchema.get("modelRegistry.acrSku")).toBe("Premium");
});
