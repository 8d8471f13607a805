/**
 * The components stay within what Pulumi's component analyzer accepts, so the repository works as
 * a source-based plugin package (PulumiPlugin.yaml) that Python, Go, .NET, Java and YAML programs
 * consume with `pulumi package add`. The test runs the SDK's own analyzer
 * (`@pulumi/pulumi/provider/experimental`, the code `componentProviderHost` runs to answer
 * GetSchema) over this repository with the real package.json, over exactly the component classes
 * the plugin host would register (every ComponentResource exported by the entry point), and checks
 * the schema it infers: every component, every arg, every description.
 * "Authoring a Source-Based Plugin Package":
 * https://www.pulumi.com/docs/iac/guides/building-extending/packages/source-based-plugin/
 */
import * as fs from "node:fs";
import * as path from "node:path";
import typescript from "typescript";
import { Analyzer, type AnalyzeResult } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema, type PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import * as library from "../../components";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE_JSON = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; description: string };
/** The provider name the plugin host derives from package.json `name` (run-plugin/run.js). */
const PROVIDER = PACKAGE_JSON.name;

/**
 * Shapes the analyzer refuses, each as the analyzer words it, by component. Empty: every exported
 * component is usable from every language. A new refusal fails the test, so whoever adds a shape
 * the analyzer cannot read either changes the shape or lists it here with a reason.
 */
export const KNOWN_REFUSALS: Readonly<Record<string, readonly string[]>> = {};

/** Every `ComponentResource` class declared under components/, by scanning the source. */
function declaredComponents(): string[] {
    const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    return walk(path.join(ROOT, "components"))
        .flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/export class (\w+) extends pulumi\.ComponentResource/g)].map((m) => m[1]))
        .sort();
}

/** The component classes the plugin host registers: every ComponentResource the entry exports. */
const EXPORTED = getPulumiComponents(library).map((c) => c.name).sort();

interface Analysis {
    result: AnalyzeResult;
    schema: PackageSpec;
    /** Refusals by component, each as the analyzer words it, the root path written `<root>`. */
    refusals: Record<string, string[]>;
    /** Property names of each component's args interface, read with the analyzer's own type checker. */
    argNames: Record<string, string[]>;
    /** The JSDoc of each component class. */
    classDocs: Record<string, string>;
}

/**
 * Runs the analyzer once over every exported component. The analyzer stops at the first shape it
 * refuses; to list every refused arg in one run, its per-property step (`analyzeSymbol`, internal
 * to the SDK) is wrapped to record the refusal and go on. Components with no refusal go through
 * the analyzer exactly as the plugin host runs it.
 */
function analyze(): Analysis {
    const analyzer = new Analyzer(ROOT, PROVIDER, PACKAGE_JSON, new Set(EXPORTED));
    const internals = analyzer as unknown as {
        analyzeSymbol(context: { component: string }, symbol: unknown): unknown;
        program: typescript.Program;
        checker: typescript.TypeChecker;
    };
    const refusals: Record<string, string[]> = {};
    const analyzeSymbol = internals.analyzeSymbol.bind(analyzer);
    internals.analyzeSymbol = (context, symbol) => {
        try {
            return analyzeSymbol(context, symbol);
        } catch (e) {
            const message = (e instanceof Error ? e.message : String(e)).split("\n")[0].split(ROOT).join("<root>");
            (refusals[context.component] ??= []).push(message);
            return { type: "string" };
        }
    };
    const result = analyzer.analyze();
    const schema = generateSchema(PROVIDER, PACKAGE_JSON.version, PACKAGE_JSON.description, result.components, result.typeDefinitions, result.dependencies);

    const argNames: Record<string, string[]> = {};
    const classDocs: Record<string, string> = {};
    const checker = internals.checker;
    for (const file of internals.program.getSourceFiles()) {
        if (!file.fileName.startsWith(path.join(ROOT, "components"))) continue;
        file.forEachChild((node) => {
            if (!typescript.isClassDeclaration(node) || !node.name || !EXPORTED.includes(node.name.text)) return;
            const ctor = node.members.find(typescript.isConstructorDeclaration);
            const argsType = ctor?.parameters.find((p) => p.name.getText() === "args")?.type;
            if (argsType) argNames[node.name.text] = checker.getTypeAtLocation(argsType).getProperties().map((p) => p.name).sort();
            classDocs[node.name.text] = typescript.getJSDocCommentsAndTags(node).map((d) => (typeof d.comment === "string" ? d.comment : "")).join("\n");
        });
    }
    return { result, schema, refusals, argNames, classDocs };
}

let analysis: Analysis;
beforeAll(() => {
    analysis = analyze();
}, 60_000);

it("the entry point exports every component class of the library", () => {
    expect(declaredComponents()).toEqual(EXPORTED);
});

it("the analyzer refuses exactly the known shapes, and nothing else", () => {
    const known = Object.fromEntries(Object.entries(KNOWN_REFUSALS).map(([k, v]) => [k, [...v]]));
    expect(analysis.refusals).toEqual(known);
});

it("every accepted component is in the schema with its description, every arg, and each arg's description", () => {
    const accepted = EXPORTED.filter((name) => KNOWN_REFUSALS[name] === undefined);
    // The components fixed in this change; the list grows as KNOWN_REFUSALS shrinks.
    expect(accepted).toEqual(EXPORTED);
    expect(accepted).toEqual(expect.arrayContaining(["AccessGrants", "ComputeCluster", "ComputeInstance", "CustomRoleDefinition", "Monitoring", "Network", "PrivateAccess", "PrivateDnsZones", "Workspace", "WorkspaceCmkKey", "WorkspaceIdentity", "WorkspaceKeyVault", "WorkspaceRegistry", "WorkspaceStorage"]));
    for (const name of accepted) {
        const resource = analysis.schema.resources[`${PROVIDER}:index:${name}`];
        expect({ name, isComponent: resource?.isComponent }).toEqual({ name, isComponent: true });
        expect({ name, description: resource.description }).toEqual({ name, description: analysis.classDocs[name] });
        expect(analysis.classDocs[name].length).toBeGreaterThan(20);
        const inputs = resource.inputProperties ?? {};
        expect({ name, args: Object.keys(inputs).sort() }).toEqual({ name, args: analysis.argNames[name] });
        const undocumented = Object.entries(inputs).filter(([, p]) => !p.description?.trim()).map(([arg]) => arg);
        expect({ name, undocumented }).toEqual({ name, undocumented: [] });
    }
});

it("required args are required in the schema, optional ones are not", () => {
    const cluster = analysis.schema.resources[`${PROVIDER}:index:ComputeCluster`];
    expect(cluster.requiredInputs).toEqual(expect.arrayContaining(["computeName", "maxNodes", "vmSize", "workspaceName", "resourceGroupName", "location", "tags"]));
    expect(cluster.requiredInputs).not.toContain("vmPriority");
    expect(cluster.requiredInputs).not.toContain("minNodes");
});

it("named value sets become schema enums other languages can use", () => {
    const vmPriority = analysis.schema.types[`${PROVIDER}:index:VmPriority`];
    expect(vmPriority?.enum?.map((e) => e.value)).toEqual(["Dedicated", "LowPriority"]);
    expect(analysis.schema.resources[`${PROVIDER}:index:ComputeCluster`].inputProperties?.vmPriority).toMatchObject({ $ref: `#/types/${PROVIDER}:index:VmPriority` });
    const dnsMode = analysis.schema.types[`${PROVIDER}:index:PrivateDnsMode`];
    expect(dnsMode?.enum?.map((e) => e.value)).toEqual(["create", "existing", "policyManaged"]);
    const principalType = analysis.schema.types[`${PROVIDER}:index:PrincipalType`];
    expect(principalType?.enum?.map((e) => e.value)).toEqual(["User", "Group", "ServicePrincipal"]);
});

it("each shared value set is one schema enum, referenced by every component that takes it", () => {
    const enumValues = (name: string): unknown[] | undefined => analysis.schema.types[`${PROVIDER}:index:${name}`]?.enum?.map((e) => e.value);
    expect(enumValues("PublicNetworkAccess")).toEqual(["Enabled", "Disabled"]);
    expect(enumValues("KeyVaultSku")).toEqual(["standard", "premium"]);
    expect(enumValues("RegistrySku")).toEqual(["Basic", "Standard", "Premium"]);
    expect(enumValues("CmkKeyType")).toEqual(["RSA", "RSA-HSM"]);
    expect(enumValues("AzureCloud")).toEqual(["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"]);
    const ref = { $ref: `#/types/${PROVIDER}:index:PublicNetworkAccess` };
    for (const component of ["Workspace", "WorkspaceStorage", "WorkspaceKeyVault", "WorkspaceRegistry", "Monitoring"]) {
        expect({ component, publicNetworkAccess: analysis.schema.resources[`${PROVIDER}:index:${component}`].inputProperties?.publicNetworkAccess }).toMatchObject({ component, publicNetworkAccess: ref });
    }
    // PrivateAccess's group IDs are an array of the enum, not of free strings.
    expect(analysis.schema.types[`${PROVIDER}:index:PrivateAccessTarget`]?.properties?.groupIds).toMatchObject({ type: "array", items: { $ref: `#/types/${PROVIDER}:index:PrivateLinkGroupId` } });
});

it("bring-your-own args have one shape: existingId or name, in every component", () => {
    const shape = (typeName: string): string[] => Object.keys(analysis.schema.types[`${PROVIDER}:index:${typeName}`]?.properties ?? {});
    for (const t of ["WorkspaceStorageSettings", "WorkspaceKeyVaultSettings", "WorkspaceRegistrySettings", "LogAnalyticsSettings", "ApplicationInsightsSettings", "WorkspaceIdentitySettings", "MonitoringLogAnalyticsArgs", "MonitoringApplicationInsightsArgs"]) {
        expect({ t, props: shape(t) }).toEqual({ t, props: expect.arrayContaining(["existingId", "name"]) });
    }
    for (const component of ["WorkspaceStorage", "WorkspaceKeyVault", "WorkspaceRegistry", "WorkspaceIdentity", "WorkspaceCmkKey", "Network"]) {
        expect({ component, args: analysis.argNames[component] }).toEqual({ component, args: expect.arrayContaining(["existingId", "name"]) });
    }
});

it("resources the components expose are referenced through the azure-native schema", () => {
    expect(analysis.result.dependencies.map((d) => d.name)).toContain("azure-native");
    // A member typed as the SDK's base `Resource` would become a made-up object type with only `urn`.
    expect(Object.keys(analysis.schema.types)).not.toContain(`${PROVIDER}:index:Resource`);
    expect(analysis.schema.resources[`${PROVIDER}:index:WorkspaceCmkKey`].properties?.grants).toMatchObject({ type: "array", items: { $ref: expect.stringContaining("azure-native") } });
});
