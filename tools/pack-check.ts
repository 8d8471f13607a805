/**
 * The package contract, end to end (`npm run pack:check`, run by .ci/run; too slow for `npm test`):
 * `npm pack` builds and packs the library; the tarball holds the build and nothing of the program;
 * installed into a consumer project, the example program type-checks against the package's
 * declarations (through `types`, as `moduleResolution: node` reads it, and through `exports`, as
 * `node16` reads it) and plans offline against its JavaScript.
 *
 * The consumer lives under out/ so that the tarball's dependencies (@pulumi/pulumi,
 * @pulumi/azure-native) resolve to the repository's locked node_modules: the same versions the
 * package declares, without downloading them again, and the same @pulumi/pulumi the offline
 * engine sets its mocks on. The tarball itself is unpacked exactly where npm installs it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { runProgram } from "../offline/run-stack";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "out/pack-check");
const CONSUMER = path.join(OUT, "consumer");
const EXAMPLE = path.join(ROOT, "examples/single-workspace");
/** What the tarball may hold besides the build: npm always adds these. */
const ALWAYS = new Set(["package.json", "README.md", "LICENSE"]);

const problems: string[] = [];
function check(ok: boolean, problem: string): void {
    if (!ok) problems.push(problem);
}
function run(cmd: string, args: string[], cwd = ROOT): string {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function main(): Promise<void> {
    const started = Date.now();
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(CONSUMER, { recursive: true });

    // 1. Pack (runs `prepare`, the build).
    const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", OUT])) as { filename: string; files: { path: string }[] }[];
    const files = packed.files.map((f) => f.path);
    const stray = files.filter((f) => !f.startsWith("dist/") && !ALWAYS.has(f));
    check(stray.length === 0, `the tarball holds files outside dist/: ${stray.join(", ")}`);
    for (const needed of ["dist/index.js", "dist/index.d.ts", "dist/workspace/workspace.js"]) check(files.includes(needed), `the tarball lacks ${needed}`);
    check(!files.some((f) => /(^|\/)(stacks|offline|policies|test)\//.test(f)), "the tarball holds program, engine, policy or test files");
    console.log(`packed ${packed.filename}: ${files.length} files`);

    // 2. Install it where npm would, in a project of its own (its package.json keeps Node and
    //    TypeScript from resolving `aml-workspace` to this repository by self-reference).
    const installed = path.join(CONSUMER, "node_modules/aml-workspace");
    fs.mkdirSync(installed, { recursive: true });
    run("tar", ["-xzf", path.join(OUT, packed.filename), "-C", installed, "--strip-components=1"]);
    for (const f of ["index.ts", "package.json", "tsconfig.json", "Pulumi.yaml"]) fs.copyFileSync(path.join(EXAMPLE, f), path.join(CONSUMER, f));
    const declarations = fs.readdirSync(path.join(installed, "dist"), { recursive: true }).map(String).filter((f) => f.endsWith(".d.ts"));
    for (const d of declarations) {
        const text = fs.readFileSync(path.join(installed, "dist", d), "utf8");
        check(!/from\s+"(\.\.\/)+(stacks|offline)\//.test(text), `dist/${d} refers to the program or the engine`);
    }

    // 3. Type-check the example against the installed package, both ways TypeScript reads it.
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    for (const resolution of [[], ["--module", "node16", "--moduleResolution", "node16"]]) {
        try {
            run(process.execPath, [tsc, "-p", path.join(CONSUMER, "tsconfig.json"), ...resolution], CONSUMER);
        } catch (e) {
            const out = (e as { stdout?: string }).stdout ?? String(e);
            problems.push(`the example does not type-check against the package (${resolution.join(" ") || "moduleResolution node"}):\n${out}`);
        }
    }
    console.log("type-checked the example against the package");

    // 4. Plan it offline against the package's JavaScript.
    const resolved = createRequire(path.join(CONSUMER, "index.ts")).resolve("aml-workspace");
    check(resolved === path.join(installed, "dist/index.js"), `aml-workspace resolves to ${resolved}, not the installed build`);
    const plan = await runProgram(() => require(path.join(CONSUMER, "index.ts")), { stack: "dev", preview: true });
    const types = new Set(plan.graph.resources.map((r) => r.type));
    for (const t of ["aml-workspace:index:Workspace", "azure-native:machinelearningservices:Workspace", "azure-native:storage:StorageAccount"]) {
        check(types.has(t), `the example's plan has no ${t}`);
    }
    console.log(`planned the example offline from the package: ${plan.graph.resources.length} resources`);

    if (problems.length > 0) {
        for (const p of problems) console.error(`pack check: ${p}`);
        process.exit(1);
    }
    console.log(`pack check passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
    console.error(`pack check: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
});
