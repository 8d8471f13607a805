/** Reading `pulumi stack export` files into the captured-graph contract. */
import { checkpointToStack, decodeValue, parseUrn } from "../../offline/checkpoint";
import { isSecret, UNKNOWN } from "../../offline/graph";

const SIG = "4dabf18193072939515e22adb298388d";

describe("decodeValue", () => {
    it("keeps encrypted secrets secret and unknown, never plain", () => {
        const v = decodeValue({ a: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" } }) as Record<string, unknown>;
        expect(isSecret(v.a)).toBe(true);
        expect((v.a as { value: unknown }).value).toBe(UNKNOWN);
    });
    it("decodes --show-secrets plaintext as a secret of the JSON value", () => {
        const v = decodeValue({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '{"k":1}' });
        expect(isSecret(v) && v.value).toEqual({ k: 1 });
    });
    it("downgrades resource references to their ID and maps the unknown sentinel", () => {
        expect(decodeValue({ [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "/subscriptions/s" })).toBe("/subscriptions/s");
        expect(decodeValue(["04da6b54-80e4-46f7-96ec-b56ff0331ba9"])).toEqual([UNKNOWN]);
    });
});

describe("checkpointToStack", () => {
    const stack = checkpointToStack(
        {
            version: 3,
            deployment: {
                manifest: {},
                resources: [
                    { urn: "urn:pulumi:prod::aml::pulumi:pulumi:Stack::aml-prod", custom: false, type: "pulumi:pulumi:Stack" },
                    { urn: "urn:pulumi:prod::aml::aml-workspace:index:Platform$azure-native:storage:StorageAccount::sa", custom: true, id: "/subscriptions/s/sa",
                      type: "azure-native:storage:StorageAccount", inputs: { a: 1 }, outputs: { name: "sa" }, parent: "urn:pulumi:prod::aml::pulumi:pulumi:Stack::aml-prod",
                      protect: true, provider: "urn:p::id", dependencies: ["urn:d"], propertyDependencies: { a: ["urn:d"] } },
                    { urn: "urn:pulumi:prod::aml::azure-native:storage:StorageAccount::old", type: "azure-native:storage:StorageAccount", delete: true },
                ],
            },
        },
        "f.json",
    );
    it("reads project, stack and resources; skips copies pending deletion", () => {
        expect([stack.project, stack.stack, stack.preview]).toEqual(["aml", "prod", false]);
        expect(stack.resources.map((r) => r.name)).toEqual(["aml-prod", "sa"]);
    });
    it("keeps the graph fields and exposes the ARM ID among outputs", () => {
        expect(stack.resources[1]).toMatchObject({
            type: "azure-native:storage:StorageAccount", custom: true, inputs: { a: 1 }, outputs: { name: "sa", id: "/subscriptions/s/sa" },
            parent: "urn:pulumi:prod::aml::pulumi:pulumi:Stack::aml-prod", protect: true, provider: "urn:p::id",
            dependencies: ["urn:d"], propertyDependencies: { a: ["urn:d"] },
        });
    });
    it("parses URNs with parent-qualified types", () => {
        expect(parseUrn("urn:pulumi:dev::p::a:b:C$x:y:Z::n::m")).toEqual({ stack: "dev", project: "p", type: "x:y:Z", name: "n::m" });
    });
});
