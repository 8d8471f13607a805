/**
 * Checks a manifest against the project's own JSON schema of the `$edgeAgent` and `$edgeHub`
 * desired properties (schema/edge-manifest.schema.json, written from the IoT Edge documentation;
 * its description names the pages). ajv draft 2020-12, strict, all errors; each problem comes back
 * as `<JSON pointer>: <message>` so a test or a config check can show all of them at once.
 * The createOptions strings are parsed too: the schema can only say they look like JSON objects.
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import schema from "./schema/edge-manifest.schema.json";

let compiled: ValidateFunction | undefined;

/** The compiled schema (compiled once, on first use). */
function validator(): ValidateFunction {
    compiled ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    return compiled;
}

/** The project's manifest schema (for tests and tools). */
export const EDGE_MANIFEST_SCHEMA: unknown = schema;

/** Every way `content` breaks the manifest schema, `[]` when it conforms. */
export function edgeManifestProblems(content: unknown): string[] {
    const validate = validator();
    const problems = validate(content)
        ? []
        : (validate.errors ?? []).map((e) => {
              const extra = e.keyword === "additionalProperties" ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : "";
              return `${e.instancePath || "/"}: ${e.message ?? e.keyword}${extra}`;
          });
    problems.push(...createOptionsProblems(content));
    return problems;
}

/** createOptions strings that are not a JSON object. */
function createOptionsProblems(content: unknown): string[] {
    const problems: string[] = [];
    const agent = (content as { $edgeAgent?: { "properties.desired"?: { systemModules?: unknown; modules?: unknown } } } | undefined)?.$edgeAgent?.["properties.desired"];
    const groups: [string, unknown][] = [["systemModules", agent?.systemModules], ["modules", agent?.modules]];
    for (const [group, modules] of groups) {
        if (typeof modules !== "object" || modules === null) continue;
        for (const [name, module] of Object.entries(modules as Record<string, { settings?: { createOptions?: unknown } }>)) {
            const options = module?.settings?.createOptions;
            if (typeof options !== "string") continue;
            try {
                const parsed: unknown = JSON.parse(options);
                if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
            } catch {
                problems.push(`/$edgeAgent/properties.desired/${group}/${name}/settings/createOptions: is not a stringified JSON object`);
            }
        }
    }
    return problems;
}
