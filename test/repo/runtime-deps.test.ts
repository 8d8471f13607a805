/**
 * `pulumi up` loads the program (Pulumi.yaml `main`) through ts-node, with the
 * project's own `typescript`, and type-checks it unless the tsconfig says
 * `noCheck` (Pulumi's Node.js host, @pulumi/pulumi cmd/run). A deploy machine
 * or CI stage that installs with `npm ci --omit=dev` must still be able to run
 * it: every package the program reaches, and the compiler the host loads it
 * with, must be a production dependency.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { builtinModules } from "node:module";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
const main = (parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { main: string }).main;

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|(?:require|import)\(\s*["']([^"']+)["']\s*\)/g;

/** Package name of a bare specifier (`@pulumi/azure-native/keyvault` → `@pulumi/azure-native`). */
function packageOf(spec: string): string {
    const parts = spec.split("/");
    return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every file the program reaches from `entry` through relative imports, and the packages they import. */
function reach(entry: string): { files: string[]; packages: Map<string, string> } {
    const seen = new Set<string>();
    const packages = new Map<string, string>();
    const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
            const spec = m[1] ?? m[2];
            if (spec.startsWith(".")) {
                const base = path.resolve(path.dirname(file), spec);
                const target = [`${base}.ts`, `${base}.json`, path.join(base, "index.ts"), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
                if (target === undefined) throw new Error(`${path.relative(ROOT, file)} imports ${spec}, which does not exist`);
                if (target.endsWith(".ts")) visit(target);
            } else if (!spec.startsWith("node:") && !builtinModules.includes(spec)) {
                packages.set(packageOf(spec), path.relative(ROOT, file));
            }
        }
    };
    visit(path.join(ROOT, entry));
    return { files: [...seen], packages };
}

const program = reach(main);

it("walks the whole program from Pulumi.yaml main (the scan itself works)", () => {
    const files = program.files.map((f) => path.relative(ROOT, f));
    expect(files).toEqual(expect.arrayContaining(["stacks/index.ts", "stacks/config.ts", "components/platform.ts", "components/workspace/workspace.ts"]));
    expect([...program.packages.keys()]).toEqual(expect.arrayContaining(["@pulumi/pulumi", "@pulumi/azure-native", "ajv"]));
});

it("every package the program imports is a production dependency", () => {
    const missing = [...program.packages].filter(([name]) => pkg.dependencies[name] === undefined).map(([name, file]) => `${name} (imported by ${file})`);
    expect(missing).toEqual([]);
});

it("the compiler Pulumi's TypeScript loader uses is a production dependency (typescript, ts-node and the node types the tsconfig names)", () => {
    for (const name of ["typescript", "ts-node", "@types/node"]) {
        expect({ name, inDependencies: pkg.dependencies[name] !== undefined, inDevDependencies: pkg.devDependencies[name] !== undefined }).toEqual({ name, inDependencies: true, inDevDependencies: false });
    }
});

it("the lock file agrees: nothing the program needs is installed only for development", () => {
    const needed = [...program.packages.keys(), "typescript", "ts-node", "@types/node"];
    const devOnly = needed.filter((name) => {
        const entry = lock.packages[`node_modules/${name}`];
        return entry === undefined || entry.dev === true || entry.devOptional === true;
    });
    expect(devOnly).toEqual([]);
});
