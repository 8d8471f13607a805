/**
 * Runs a dynamic provider from its serialized text, as `pulumi up` does: Pulumi's function
 * serialization, then the dynamic provider host's `requireFromString(text).handler()` in a fresh
 * module (resolving packages from `dir`). Shared by the serialization tests of every provider.
 */
import Module from "node:module";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import * as sc from "@pulumi/pulumi/runtime/closure/serializeClosure";

/** The provider Pulumi would run, and whether its serialized text captured a secret. */
export async function serializedProvider(provider: pulumi.dynamic.ResourceProvider, dir: string): Promise<{ loaded: Required<pulumi.dynamic.ResourceProvider>; containsSecrets: boolean }> {
    const serialized = await sc.serializeFunction(() => provider, { allowSecrets: true });
    const m = new Module(path.join(dir, "serialized-provider.js")) as Module & { _compile(code: string, file: string): void; paths: string[] };
    m.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dir);
    m._compile(serialized.text, m.id);
    const loaded = (m.exports as { handler: () => Required<pulumi.dynamic.ResourceProvider> }).handler();
    return { loaded, containsSecrets: serialized.containsSecrets };
}

/** Puts `process.env` back after each test (the tests clear credentials to see what is missing). */
export function restoreEnvironmentAfterEach(): void {
    const saved = { ...process.env };
    afterEach(() => {
        process.env = { ...saved };
    });
}
