import * as fc from "fast-check";
import {
    ImageReferenceError,
    isDigestPinned,
    parseImageReference,
    pinnedImageReference,
    requirePinnedImageReference,
} from "../../../components/serving/image-reference";

const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const ACR = "contosoregistry.azurecr.io";

describe("parseImageReference", () => {
    test.each([
        ["python:3.12-slim", { repository: "python", tag: "3.12-slim" }],
        ["library/python", { repository: "library/python" }],
        [`${ACR}/scoring/fraud:v1`, { registry: ACR, repository: "scoring/fraud", tag: "v1" }],
        [`${ACR}/scoring/fraud@${DIGEST}`, { registry: ACR, repository: "scoring/fraud", digest: DIGEST }],
        [`${ACR}/scoring:v1@${DIGEST}`, { registry: ACR, repository: "scoring", tag: "v1", digest: DIGEST }],
        ["localhost:5000/app:dev", { registry: "localhost:5000", repository: "app", tag: "dev" }],
        ["localhost/app", { registry: "localhost", repository: "app" }],
        ["ContosoRegistry.AzureCR.io/app", { registry: ACR, repository: "app" }],
        ["mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest", { registry: "mcr.microsoft.com", repository: "azureml/minimal-ubuntu22.04-py39-cpu-inference", tag: "latest" }],
        ["a__b/c-d.e_f", { repository: "a__b/c-d.e_f" }],
    ])("%s", (reference, expected) => {
        expect(parseImageReference(reference)).toEqual(expected);
    });

    test.each([
        ["", /empty/],
        [" app", /surrounding spaces/],
        ["App", /repository "App" is not a valid name/],
        [`${ACR}/Scoring:v1`, /repository "Scoring"/],
        ["app:", /tag "" is not valid/],
        ["app:.hidden", /tag ".hidden"/],
        [`app:${"t".repeat(129)}`, /tag/],
        ["app@sha256:abc", /digest "sha256:abc"/],
        [`app@sha256:${"A".repeat(64)}`, /lowercase hex/],
        [`app@md5:${"a".repeat(32)}`, /digest/],
        ["https://contoso.azurecr.io/app", /not a valid name|not a registry host/],
        ["a..b/app", /not a registry host/],
        ["app//x", /not a valid name/],
        [`${ACR}/${"a".repeat(250)}`, /more than 255/],
    ])("%s is refused", (reference, message) => {
        expect(() => parseImageReference(reference)).toThrow(ImageReferenceError);
        expect(() => parseImageReference(reference)).toThrow(message);
    });

    test("the pinned form parses back to its parts (property)", () => {
        const component = fc.stringMatching(/^[a-z0-9]{1,8}(?:[._-][a-z0-9]{1,8})?$/);
        fc.assert(
            fc.property(fc.array(component, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-f0-9]{64}$/), (parts, hex) => {
                const repository = parts.join("/");
                const reference = pinnedImageReference(ACR, repository, `sha256:${hex}`);
                expect(parseImageReference(reference)).toEqual({ registry: ACR, repository, digest: `sha256:${hex}` });
                expect(requirePinnedImageReference(reference, { loginServer: ACR })).toBe(reference);
            }),
            { numRuns: 200 },
        );
    });
});

describe("pinning", () => {
    test("pinnedImageReference builds <loginServer>/<repo>@sha256:<hex> and checks each part", () => {
        expect(pinnedImageReference("ContosoRegistry.azurecr.io", "scoring/fraud", DIGEST)).toBe(`${ACR}/scoring/fraud@${DIGEST}`);
        expect(() => pinnedImageReference("https://x.azurecr.io", "app", DIGEST)).toThrow(/not a registry host/);
        expect(() => pinnedImageReference(ACR, "App", DIGEST)).toThrow(/not a valid name/);
        expect(() => pinnedImageReference(ACR, "app", "latest")).toThrow(/64 lowercase hex/);
    });

    test("a tag-only reference is refused where a pin is required, with the fix", () => {
        expect(() => requirePinnedImageReference(`${ACR}/scoring:v1`)).toThrow(/names only the tag "v1", which can be moved.*pin it by digest/);
        expect(() => requirePinnedImageReference(`${ACR}/scoring`)).toThrow(/has neither tag nor digest/);
    });

    test("a digest without a registry host, or from another registry, is refused", () => {
        expect(() => requirePinnedImageReference(`scoring@${DIGEST}`)).toThrow(/names no registry host/);
        expect(() => requirePinnedImageReference(`other.azurecr.io/scoring@${DIGEST}`, { loginServer: ACR })).toThrow(`comes from other.azurecr.io, not from ${ACR}`);
    });

    test("a tag next to the digest is dropped: the digest decides", () => {
        expect(requirePinnedImageReference(`${ACR}/scoring:v1@${DIGEST}`, { loginServer: "ContosoRegistry.azurecr.io" })).toBe(`${ACR}/scoring@${DIGEST}`);
    });

    test("isDigestPinned", () => {
        expect(isDigestPinned(`${ACR}/scoring@${DIGEST}`)).toBe(true);
        expect(isDigestPinned(`${ACR}/scoring:v1`)).toBe(false);
        expect(isDigestPinned("not a reference")).toBe(false);
    });
});
