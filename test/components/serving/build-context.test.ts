/** The build context digest, the content tag, pinning a push's repoDigest and the environment version (pure). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { assetVersionProblem } from "../../../components/data/data-settings";
import { buildContextDigest, contentTag, contextFiles, environmentVersionOf, pinnedFromRepoDigest } from "../../../components/serving/build-context";

const HEX = "ab".repeat(32);
const settings = { dockerfile: "Dockerfile", platform: "linux/amd64" };

function context(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctx-"));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("build context digest", () => {
    const base = { Dockerfile: "FROM python:3.12-slim\n", "app/main.py": "print(1)\n" };

    it("is the same for the same files and settings, wherever the folder is", () => {
        expect(buildContextDigest(context(base), settings)).toBe(buildContextDigest(context(base), settings));
        expect(buildContextDigest(context(base), settings)).toMatch(/^[0-9a-f]{64}$/);
    });

    it("changes with a file's content, a file's name, or a build setting", () => {
        const d = buildContextDigest(context(base), settings);
        expect(buildContextDigest(context({ ...base, "app/main.py": "print(2)\n" }), settings)).not.toBe(d);
        expect(buildContextDigest(context({ Dockerfile: base.Dockerfile, "app/other.py": base["app/main.py"] }), settings)).not.toBe(d);
        expect(buildContextDigest(context(base), { ...settings, platform: "linux/arm64" })).not.toBe(d);
        expect(buildContextDigest(context(base), { ...settings, target: "runtime" })).not.toBe(d);
        expect(buildContextDigest(context(base), { ...settings, args: { PY: "3.12" } })).not.toBe(d);
    });

    it("ignores VCS metadata and local dependency folders, and orders files by path", () => {
        const d = buildContextDigest(context(base), settings);
        expect(buildContextDigest(context({ ...base, ".git/HEAD": "ref", "node_modules/x/i.js": "x" }), settings)).toBe(d);
        expect(contextFiles(context({ "b.txt": "", "a/z.txt": "", "a/b.txt": "" }))).toEqual(["a/b.txt", "a/z.txt", "b.txt"]);
    });

    it("the tag names the digest", () => {
        expect(contentTag(HEX)).toBe(`ctx-${HEX.slice(0, 16)}`);
    });
});

describe("pinning the push", () => {
    it("keeps the digest the push reported, on the registry's login server", () => {
        expect(pinnedFromRepoDigest("CRTest.azurecr.io", "scorer", `crtest.azurecr.io/scorer@sha256:${HEX}`)).toBe(`crtest.azurecr.io/scorer@sha256:${HEX}`);
    });

    it("refuses a local image ID or a malformed digest: nothing was pushed", () => {
        expect(() => pinnedFromRepoDigest("crtest.azurecr.io", "scorer", `sha256:${HEX}`)).toThrow(/not pushed to the registry/);
        expect(() => pinnedFromRepoDigest("crtest.azurecr.io", "scorer", "crtest.azurecr.io/scorer@sha256:abc")).toThrow(/not <name>@sha256:<64 hex>/);
        expect(() => pinnedFromRepoDigest("crtest.azurecr.io", "Bad Repo", `x@sha256:${HEX}`)).toThrow(/not a valid name/);
    });
});

describe("environment version of an image", () => {
    it("is derived from the digest: same image, same version; another image, another version", () => {
        expect(environmentVersionOf(`cr.azurecr.io/s@sha256:${HEX}`)).toBe(`sha256-${HEX.slice(0, 23)}`);
        expect(environmentVersionOf(`cr.azurecr.io/s@sha256:${"cd".repeat(32)}`)).not.toBe(environmentVersionOf(`cr.azurecr.io/s@sha256:${HEX}`));
        expect(environmentVersionOf(`cr.azurecr.io/s@sha256:${HEX}`)).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,29}$/);
    });

    it("refuses an unpinned reference", () => {
        expect(() => environmentVersionOf("cr.azurecr.io/s:1")).toThrow(/not pinned by digest/);
    });
});

describe("the environment version follows the asset version rule", () => {
    it("passes data-settings' assetVersionProblem (the one version rule)", () => {
        expect(assetVersionProblem(environmentVersionOf(`cr.azurecr.io/s@sha256:${"f".repeat(64)}`))).toBeUndefined();
    });
});
