/**
 * Renders the configuration reference (a Markdown table) from
 * `stacks/schema/platform.schema.json`, and keeps README.md's copy current:
 * `npm run docs` rewrites it; a test fails when it is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import schema from "../schema/platform.schema.json";

interface SchemaNode {
    description?: string;
    type?: string | string[];
    enum?: unknown[];
    const?: unknown;
    default?: unknown;
    properties?: Record<string, SchemaNode>;
    additionalProperties?: SchemaNode | boolean;
    items?: SchemaNode;
    required?: string[];
    $ref?: string;
    pattern?: string;
    minimum?: number;
    maximum?: number;
}

/** Markers around the generated section in README.md. */
export const MARKERS = { start: "<!-- config-reference:start -->", end: "<!-- config-reference:end -->" } as const;

const defs = (schema as { $defs: Record<string, SchemaNode> }).$defs;

function resolve(node: SchemaNode): SchemaNode {
    if (!node.$ref) return node;
    const target = defs[node.$ref.replace("#/$defs/", "")];
    return { ...target, ...node, $ref: undefined };
}

function typeOf(node: SchemaNode): string {
    if (node.enum) return node.enum.map((v) => `\`${JSON.stringify(v).replace(/"/g, "")}\``).join(" \\| ");
    if (node.$ref === "#/$defs/armId") return "resource ID";
    if (node.type === "array") return `list of ${node.items ? typeOf(resolve(node.items)) : "values"}`;
    if (node.type === "object" && node.additionalProperties && typeof node.additionalProperties === "object" && !node.properties) return "map";
    const range = node.minimum !== undefined ? ` (${node.minimum}-${node.maximum ?? "∞"})` : "";
    return `${Array.isArray(node.type) ? node.type.join(" \\| ") : (node.type ?? "object")}${range}`;
}

function defaultOf(node: SchemaNode, required: boolean): string {
    if (required) return "**required**";
    if (node.default === undefined) return "—";
    if (typeof node.default === "object" && node.default !== null && Object.keys(node.default).length === 0 && !Array.isArray(node.default)) return "—";
    return `\`${JSON.stringify(node.default)}\``;
}

function rows(node: SchemaNode, prefix: string, out: string[]): void {
    for (const [key, raw] of Object.entries(node.properties ?? {})) {
        const child = resolve(raw);
        const keyPath = prefix ? `${prefix}.${key}` : key;
        const description = (raw.description ?? child.description ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
        out.push(`| \`${keyPath}\` | ${typeOf(raw.$ref ? { ...child, $ref: raw.$ref } : child)} | ${defaultOf(child, (node.required ?? []).includes(key))} | ${description} |`);
        if (child.properties) rows(child, keyPath, out);
        else if (child.additionalProperties && typeof child.additionalProperties === "object") {
            const item = resolve(child.additionalProperties);
            if (item.properties) rows(item, `${keyPath}.<name>`, out);
        }
    }
}

/** The Markdown table of every key of `aml-workspace:platform`. */
export function renderConfigReference(): string {
    const out = ["| key (under `aml-workspace:platform`) | type | default | description |", "|---|---|---|---|"];
    rows(schema as SchemaNode, "", out);
    return out.join("\n");
}

/** README.md with its generated section replaced by the current reference. */
export function withCurrentReference(readme: string): string {
    const start = readme.indexOf(MARKERS.start);
    const end = readme.indexOf(MARKERS.end);
    if (start < 0 || end < start) throw new Error(`README.md lacks the ${MARKERS.start} ... ${MARKERS.end} markers`);
    return `${readme.slice(0, start + MARKERS.start.length)}\n${renderConfigReference()}\n${readme.slice(end)}`;
}

if (require.main === module) {
    const file = path.resolve(__dirname, "../../README.md");
    fs.writeFileSync(file, withCurrentReference(fs.readFileSync(file, "utf8")));
    console.log(`Updated the configuration reference in ${path.relative(process.cwd(), file)}`);
}
