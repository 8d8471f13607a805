/**
 * The example program (examples/single-workspace) plans offline: it imports the library by its
 * package name, exactly as a user's program does, and runs under the simulated Azure. Here the
 * name resolves to the library's source (fast, no build); `npm run pack:check` (.ci/run) runs the
 * same program against the packed, installed tarball.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CapturedStack } from "../../offline/graph";
import { runProgram } from "../../offline/run-stack";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/single-workspace");

// The package name as the example writes it, resolved to the entry the build compiles.
jest.mock("aml-workspace", () => jest.requireActual("../../components"), { virtual: true });

function types(graph: CapturedStack): string[] {
    return graph.resources.map((r) => r.type);
}

it("imports the library only by its package name", () => {
    const source = fs.readFileSync(path.join(EXAMPLE, "index.ts"), "utf8");
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(imports).toContain("aml-workspace");
    expect(imports.filter((i) => i.startsWith("."))).toEqual([]);
});

it("the package name points at the build of components/index.ts", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const build = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.build.json"), "utf8"));
    expect(build.files).toEqual(["components/index.ts"]);
    const out = `./${build.compilerOptions.outDir}/index`;
    expect(pkg.exports["."]).toEqual({ types: `${out}.d.ts`, default: `${out}.js` });
    expect([`./${pkg.main}`, `./${pkg.types}`]).toEqual([`${out}.js`, `${out}.d.ts`]);
});

it("plans offline: a workspace with its dependencies, private by default", async () => {
    const run = await runProgram(() => require(EXAMPLE), { stack: "dev", config: { "azure-native:location": "northeurope" }, preview: true });
    const t = types(run.graph);
    for (const type of [
        "aml-workspace:index:Workspace",
        "azure-native:resources:ResourceGroup",
        "azure-native:machinelearningservices:Workspace",
        "azure-native:storage:StorageAccount",
        "azure-native:keyvault:Vault",
        "azure-native:containerregistry:Registry",
        "azure-native:operationalinsights:Workspace",
        "azure-native:applicationinsights:Component",
    ]) {
        expect({ type, planned: t.includes(type) }).toEqual({ type, planned: true });
    }
    const ws = run.graph.resources.find((r) => r.type === "azure-native:machinelearningservices:Workspace");
    expect(ws?.inputs).toMatchObject({ location: "northeurope", publicNetworkAccess: "Disabled" });
    expect(Object.keys(run.outputs).sort()).toEqual(["applicationInsightsConnectionString", "discoveryUrl", "storageAccountId", "workspaceName"]);
});
