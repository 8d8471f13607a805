/**
 * The config type is generated from the schema (stacks/tools/config-types.ts), so the two cannot
 * disagree; this fails when someone changes the schema and forgets `npm run docs`, and checks the
 * generation rule the program relies on: a property with a schema default is required after ajv
 * has applied the defaults.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERATED_FILE, requireDefaulted } from "../../stacks/tools/config-types";

const ROOT = path.resolve(__dirname, "../..");

it("stacks/config-schema.generated.ts is generated from the current schema (run `npm run docs` to refresh)", () => {
    // In a child process: the generator loads modules with dynamic import(), which jest's VM refuses.
    const fresh = execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["stacks/tools/config-types.ts", "--print"], { cwd: ROOT, encoding: "utf8" });
    expect(fs.readFileSync(GENERATED_FILE, "utf8")).toBe(fresh);
});

it("a property with a default becomes required, one without stays optional, nested objects too", () => {
    const out = requireDefaulted({
        type: "object",
        required: ["a"],
        properties: {
            a: { type: "string" },
            b: { type: "number", default: 1 },
            c: { type: "string" },
            d: { type: "object", default: {}, properties: { e: { type: "boolean", default: false }, f: { type: "string" } } },
        },
    }) as { required: string[]; properties: { d: { required: string[] } } };
    expect(out.required.sort()).toEqual(["a", "b", "d"]);
    expect(out.properties.d.required).toEqual(["e"]);
});

it("the generated type names the platform config and its value sets from the schema", () => {
    const text = fs.readFileSync(GENERATED_FILE, "utf8");
    expect(text).toContain("export interface PlatformConfigInput");
    // An enum of the schema is a literal union in the type.
    expect(text).toMatch(/environment: \("dev" \| "test" \| "prod"\)/);
    // `cloud` has a default, so it is required; `namePrefix` has none, so it is optional.
    expect(text).toMatch(/\ncloud: \(/);
    expect(text).toMatch(/\nnamePrefix\?: string/);
});
