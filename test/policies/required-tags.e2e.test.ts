/**
 * required-tags selects its subjects by type, from one table
 * (policies/lib/taggable.ts) that this test checks against the azure-native
 * SDK itself: a type is taggable when its `<Resource>Args` declares `tags`.
 * Every taggable resource of the shipped stacks is then shown reported once
 * its tags are gone, whatever tags it had before.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CapturedStack } from "../../offline/graph";
import { evaluatePolicies } from "../../offline/policy-harness";
import { runStack } from "../../offline/run-stack";
import { readStackConfig } from "../../offline/stack-file";
import { CURRENT_TAGGABLE_TYPES, TAGGABLE_TYPES } from "../../policies/lib/taggable";
import { policy } from "./helpers";

const SDK = join(__dirname, "../../node_modules/@pulumi/azure-native");

/** Whether the azure-native SDK's args of `type` accept tags (undefined: no such resource in the SDK). */
function sdkAcceptsTags(type: string): boolean | undefined {
    const [, module, resource] = type.split(":");
    let text: string;
    try {
        text = readFileSync(join(SDK, module, `${resource[0].toLowerCase()}${resource.slice(1)}.d.ts`), "utf8");
    } catch {
        return undefined;
    }
    const start = text.indexOf(`export interface ${resource}Args {`);
    if (start < 0) return undefined;
    const body = text.slice(start, text.indexOf("\n}", start));
    return /\n\s+tags\?: /.test(body);
}

const graphs: Record<string, CapturedStack> = {};

beforeAll(async () => {
    for (const stack of ["dev", "prod", "edge"]) graphs[stack] = (await runStack({ stack, config: readStackConfig(stack) })).graph;
});

describe("the taggable-types table", () => {
    it.each(CURRENT_TAGGABLE_TYPES.map((t) => [t]))("%s accepts tags in the azure-native SDK", (type) => {
        expect(sdkAcceptsTags(type)).toBe(true);
    });

    it("holds every azure-native type of the shipped stacks that accepts tags, and no other", () => {
        const types = [...new Set(Object.values(graphs).flatMap((g) => g.resources.map((r) => r.type)))].filter((t) => t.startsWith("azure-native:"));
        const mismatches = types.filter((t) => (sdkAcceptsTags(t) === true) !== TAGGABLE_TYPES.includes(t));
        expect(mismatches).toEqual([]);
        expect(types.filter((t) => TAGGABLE_TYPES.includes(t)).length).toBeGreaterThan(10);
    });

    it("is the policy's subject list", () => {
        expect(policy("required-tags").resourceTypes).toEqual(TAGGABLE_TYPES);
    });
});

describe.each(["dev", "prod", "edge"])("required-tags on the %s stack", (stack) => {
    it("passes as shipped", () => {
        expect(evaluatePolicies(graphs[stack], undefined, { policies: [policy("required-tags")] }).violations).toEqual([]);
    });

    it("reports every resource of a taggable type once its tags are removed, and nothing else", () => {
        const g = graphs[stack];
        const untagged: CapturedStack = {
            ...g,
            resources: g.resources.map((r) => {
                const { tags: _in, ...inputs } = r.inputs;
                const outputs = r.outputs ? Object.fromEntries(Object.entries(r.outputs).filter(([k]) => k !== "tags")) : undefined;
                return { ...r, inputs, outputs };
            }),
        };
        const report = evaluatePolicies(untagged, undefined, { policies: [policy("required-tags")] });
        const expected = g.resources.filter((r) => TAGGABLE_TYPES.includes(r.type)).map((r) => r.urn);
        expect(report.violations.map((v) => v.urn).sort()).toEqual([...expected].sort());
        for (const v of report.violations) expect(v.message.split("\n")[1]).toBe("tags is missing environment, owner, costCenter; add them");
    });
});
