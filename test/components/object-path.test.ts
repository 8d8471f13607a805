/** The one dotted-path reader that policies, the simulator, config errors and tests share. */
import { readKeys, readPath } from "../../components/object-path";
import { readPath as policyReadPath } from "../../policies/lib/read";

describe("readPath", () => {
    const doc = { properties: { networkAcls: { defaultAction: "Deny" }, rules: [{ name: "a" }], empty: null } };

    test("reads a nested value and an array element by index", () => {
        expect(readPath(doc, "properties.networkAcls.defaultAction")).toBe("Deny");
        expect(readPath(doc, "properties.rules.0.name")).toBe("a");
    });

    test("a missing step, null or a scalar on the way reads as undefined (never throws)", () => {
        expect(readPath(doc, "properties.missing.deeper")).toBeUndefined();
        expect(readPath(doc, "properties.empty.x")).toBeUndefined();
        expect(readPath(doc, "properties.networkAcls.defaultAction.length")).toBeUndefined();
        expect(readPath(undefined, "a")).toBeUndefined();
    });

    test("keys are taken literally (a key with a slash is read through readKeys)", () => {
        expect(readKeys({ "a/b": { c: 1 } }, ["a/b", "c"])).toBe(1);
        expect(readPath({ "a/b": { c: 1 } }, "a.c")).toBeUndefined();
    });

    test("the policies read through the same function", () => {
        expect(policyReadPath).toBe(readPath);
    });
});
