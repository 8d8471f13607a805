/**
 * `@pulumi/azure-native` is imported by submodule only: the root package costs
 * ~0.8 s at start-up and makes the type-checker load all of Azure.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const DIRS = ["components", "stacks", "policies", "offline", "test", "bench", "tools", "examples"];

function sourceFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(p);
        return /\.(ts|js)$/.test(e.name) ? [p] : [];
    });
}

const ROOT_PACKAGE = "@pulumi/azure-native";
const ROOT_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)["']@pulumi\/azure-native["']/;

it("scans the project's sources (the scan itself works)", () => {
    const files = DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(20);
    expect(ROOT_IMPORT.test(`import * as azure from "${ROOT_PACKAGE}";`)).toBe(true);
    expect(ROOT_IMPORT.test(`const azure = require("${ROOT_PACKAGE}");`)).toBe(true);
    expect(ROOT_IMPORT.test(`import { Vault } from "${ROOT_PACKAGE}/keyvault";`)).toBe(false);
});

it("no source file imports the @pulumi/azure-native root package", () => {
    const offenders = DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).filter((f) => ROOT_IMPORT.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
});

it("the library (components/) imports neither the program (stacks/), the engine (offline/) nor the policy pack", () => {
    const IMPORT = /(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g;
    const componentsDir = path.join(ROOT, "components");
    const offenders = sourceFiles(componentsDir).flatMap((file) =>
        [...fs.readFileSync(file, "utf8").matchAll(IMPORT)]
            .map((m) => m[1])
            .filter((spec) => spec.startsWith("."))
            .map((spec) => path.relative(ROOT, path.resolve(path.dirname(file), spec)))
            .filter((target) => !target.startsWith(`components${path.sep}`) && target !== "components")
            .map((target) => `${path.relative(ROOT, file)} -> ${target}`),
    );
    expect(offenders).toEqual([]);
    // The check itself sees relative imports that leave the folder.
    expect(path.relative(ROOT, path.resolve(componentsDir, "../stacks/config-types"))).toBe(path.join("stacks", "config-types"));
});
