"use strict";
/**
 * `node tools/run-ts.js <entry.ts> [args...]`: runs a TypeScript entry point of this repo (the
 * offline CLIs and benchmarks) with the cheapest loader that is still honest about the code:
 *
 * - each .ts file is transpiled once, by tsx's own esbuild with tsx's options (so the JavaScript is
 *   the same as under `tsx`), and cached on disk under a key of the file's path and content,
 *   the options (tsconfig.json and Node's version among them), esbuild's version and this loader; a run with nothing changed
 *   transpiles nothing and does not even start esbuild;
 * - only `.ts` files go through it: node_modules stay plain `require`, with no resolve hook and no
 *   ESM loader thread (tsx adds both, ~0.4 s and ~30 MB before the program starts);
 * - source maps stay off unless AML_DEBUG is set. With them on (tsx turns them on), Node parses
 *   the source map of every module it loads, @pulumi/pulumi's hundreds included, and maps every
 *   frame of every stack trace; the Pulumi SDK formats a full stack trace for each resource it
 *   registers. Results never read a stack trace: only AML_DEBUG's error trace does, and that is
 *   exactly when the maps are on (inline maps are in the cached files).
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");

/** Bumped when this loader changes how it transpiles (the options and versions are part of the key already). */
const LOADER_VERSION = "1";
const CACHE = path.join(os.tmpdir(), `aml-workspace-ts-cache-${os.userInfo().uid}`);
const DEBUG = Boolean(process.env.AML_DEBUG);
// tsx's own esbuild, so the JavaScript is what `tsx` runs (esbuild orders a module's exports by name,
// TypeScript's emit by declaration: the policy pack's order, and so every report, depends on it).
const ESBUILD = require.resolve("esbuild", { paths: [path.dirname(require.resolve("tsx/package.json"))] });
const ESBUILD_VERSION = JSON.parse(fs.readFileSync(path.join(path.dirname(ESBUILD), "..", "package.json"), "utf8")).version;
const TSCONFIG = fs.readFileSync(path.join(__dirname, "..", "tsconfig.json"), "utf8");
/** tsx's esbuild options for a CommonJS TypeScript file (tsx 4: dist/register-*.cjs), minus its source-map wrapper. */
const OPTIONS = {
    target: `node${process.versions.node}`,
    loader: "ts",
    format: "cjs",
    platform: "node",
    minifyWhitespace: true,
    keepNames: true,
    sourcemap: "inline",
    sourcesContent: false,
    tsconfigRaw: JSON.parse(TSCONFIG),
    // `await import("./x")` becomes a require: with no ESM loader hook, Node's import() could not
    // resolve an extensionless .ts path (tsx resolves it through its loader thread, to the same module).
    supported: { "dynamic-import": false },
};

/**
 * Program code (the library and the stack program) is transpiled exactly as tsx does: Pulumi
 * serializes dynamic providers' closures from it, so its JavaScript is part of what a plan records.
 * Everything else (the engine, the policy pack, benchmarks) runs without esbuild's `keepNames`
 * wrappers: they only keep `.name` through identifier minification, which this runner never does,
 * and cost a property definition for every closure created (~10% of a policy evaluation).
 */
const SERIALIZABLE = ["components", "stacks", "examples"].map((d) => path.join(__dirname, "..", d) + path.sep);
function optionsFor(filename) {
    return SERIALIZABLE.some((d) => filename.startsWith(d)) ? OPTIONS : { ...OPTIONS, keepNames: false };
}

let esbuild;
function transpile(source, filename) {
    const options = optionsFor(filename);
    const key = crypto.createHash("sha256").update([LOADER_VERSION, ESBUILD_VERSION, JSON.stringify(options), filename, source].join("\0")).digest("hex");
    const cached = path.join(CACHE, `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        // A miss: transpile below.
    }
    // Loaded only on a miss: a run with nothing changed never starts esbuild.
    esbuild ??= require(ESBUILD);
    const { code } = esbuild.transformSync(source, { ...options, sourcefile: filename });
    fs.mkdirSync(CACHE, { recursive: true });
    // Write then rename, so a concurrent run never reads half a file.
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, cached);
    return code;
}

process.setSourceMapsEnabled(DEBUG);

Module._extensions[".ts"] = (module, filename) => {
    if (filename.includes(`${path.sep}node_modules${path.sep}`)) throw new Error(`run-ts loads this repo's TypeScript only, not ${filename}`);
    module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
    process.stderr.write("usage: node tools/run-ts.js <entry.ts> [args...]\n");
    process.exit(2);
}
const main = path.resolve(entry);
// The entry runs as the main module, so `require.main === module` holds in it as under tsx.
process.argv = [process.argv[0], main, ...args];
Module.runMain(main);
