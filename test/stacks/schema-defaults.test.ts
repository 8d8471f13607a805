/**
 * Defaults are stated once: the library's table (PLATFORM_DEFAULTS,
 * components/platform-settings.ts) is what components and MlPlatform apply,
 * and the stack schema's `default`s, which ajv applies to a stack file, must
 * say the same. This compares them in both directions.
 */
import { PLATFORM_DEFAULTS } from "../../components/platform-settings";
import schema from "../../stacks/schema/platform.schema.json";

interface Node {
    $ref?: string;
    default?: unknown;
    properties?: Record<string, Node>;
    additionalProperties?: Node | boolean;
}
const defs = (schema as unknown as { $defs: Record<string, Node> }).$defs;
const resolve = (n: Node): Node => (n.$ref?.startsWith("#/$defs/") ? { ...defs[n.$ref.slice(8)], ...n } : n);

/** Map entries (clusters by name) are keyed in the table by their singular: compute.clusters.* -> compute.cluster. */
const TABLE_PATH: Record<string, string> = { "compute.clusters.*": "compute.cluster", "compute.instances.*": "compute.instance" };
/** Defaults that belong to the stack file alone (no library arg): why each is not in the table. */
const STACK_ONLY: Record<string, string> = {
    dataClassification: "the program turns it into workspace.highBusinessImpact",
    "workspace.sku": "Azure ML has one workspace SKU; the library does not expose it",
    "storage.hierarchicalNamespace": "only false is valid on the default storage account (the config refuses true); the library has no such arg",
    "workspace.managedNetwork.outboundRules.*.category": "outbound rule specs carry their own category default (workspace/outbound-rules.ts)",
};

function schemaDefaults(node: Node, path: string, out: Map<string, unknown>): Map<string, unknown> {
    const n = resolve(node);
    const isEmptyObject = typeof n.default === "object" && n.default !== null && !Array.isArray(n.default) && Object.keys(n.default).length === 0;
    if (n.default !== undefined && !isEmptyObject) out.set(path, n.default);
    for (const [k, child] of Object.entries(n.properties ?? {})) schemaDefaults(child, path ? `${path}.${k}` : k, out);
    if (typeof n.additionalProperties === "object") schemaDefaults(n.additionalProperties, `${path}.*`, out);
    return out;
}

function tableLeaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) tableLeaves(v, path ? `${path}.${k}` : k, out);
    } else {
        out.set(path, value);
    }
    return out;
}

const fromSchema = schemaDefaults(schema as unknown as Node, "", new Map());
const fromTable = tableLeaves(PLATFORM_DEFAULTS, "", new Map());
const tablePathOf = (schemaPath: string): string => {
    for (const [prefix, replacement] of Object.entries(TABLE_PATH)) if (schemaPath.startsWith(`${prefix}.`)) return `${replacement}${schemaPath.slice(prefix.length)}`;
    return schemaPath;
};

it("every schema default is the library's default for the same setting", () => {
    const mismatches = [...fromSchema]
        .filter(([p]) => STACK_ONLY[p] === undefined)
        .filter(([p, v]) => JSON.stringify(fromTable.get(tablePathOf(p))) !== JSON.stringify(v))
        .map(([p, v]) => `${p}: schema ${JSON.stringify(v)}, table ${JSON.stringify(fromTable.get(tablePathOf(p)))}`);
    expect(mismatches).toEqual([]);
});

it("every default of the library's table that a stack file can set is also the schema's default", () => {
    const schemaByTablePath = new Map([...fromSchema].map(([p, v]) => [tablePathOf(p), v]));
    // protection.* defaults depend on the environment in a stack (prod protects), so the schema states none.
    const missing = [...fromTable.keys()].filter((p) => !schemaByTablePath.has(p) && !p.startsWith("protection."));
    expect(missing).toEqual([]);
});

it("the comparison sees both sides", () => {
    expect(fromSchema.get("keyVault.softDeleteRetentionDays")).toBe(90);
    expect(fromTable.get("keyVault.softDeleteRetentionDays")).toBe(90);
    expect(tablePathOf("compute.clusters.*.minNodes")).toBe("compute.cluster.minNodes");
});
