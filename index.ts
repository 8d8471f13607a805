/**
 * Source entry of the plugin package (PulumiPlugin.yaml), for the Pulumi SDK's component
 * analyzer. The analyzer reads TypeScript source: it maps package.json `exports`/`main` to a
 * source file by swapping `.js` for `.ts`, and those point at the build (dist/index.js), so it
 * falls back to `index.ts` at the package root (findProgramEntryPoint in
 * @pulumi/pulumi/provider/experimental/analyzer.js). The library is components/index.ts.
 */
export * from "./components";
