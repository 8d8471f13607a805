/**
 * The `serving` config (platform and `teams.<key>.serving`) as the library's PlatformServingArgs:
 * local paths (image build contexts, model folders) resolve against the stack folder, and secret
 * environment variables become the secret values of the Pulumi config keys they name.
 */
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformServingArgs } from "../components/serving/platform-serving-args";
import type { PlatformConfig, Serving } from "./config-types";

/** What the mapping reads outside the config: the stack folder and the stack's secret config. */
export interface ServingInputs {
    /** Folder relative paths are resolved against (the stack folder). */
    stackDir: string;
    /** The secret value of a config key of this stack (`pulumi config set --secret <key>`). */
    secret: (configKey: string) => pulumi.Output<string>;
}

/** PlatformServingArgs of one `serving` block. */
export function servingArgsOf(s: Serving | undefined, inputs: ServingInputs): PlatformServingArgs | undefined {
    if (s === undefined) return undefined;
    const local = (p: string): string => path.resolve(inputs.stackDir, p);
    return {
        images: mapValues(s.images, (img) => ({ ...img, build: img.build && { ...img.build, context: local(img.build.context) } })),
        models: mapValues(s.models, (m) => ({ ...m, versions: mapValues(m.versions, (v) => ({ ...v, localPath: v.localPath === undefined ? undefined : local(v.localPath) })) })),
        endpoints: mapValues(s.endpoints, (e) => ({
            ...e,
            secretEnvironmentVariables: e.secretEnvironmentVariables && mapValues(e.secretEnvironmentVariables, (configKey) => inputs.secret(configKey)),
            // The edge pull token's password: the secret value of the config key the endpoint names.
            iotEdge: e.iotEdge && { ...e.iotEdge, registryTokenPassword: inputs.secret(e.iotEdge.registryTokenPassword) },
        })),
        alerts: s.alerts,
        iotHub: s.iotHub,
    };
}

function mapValues<T, U>(o: Record<string, T> | undefined, f: (v: T) => U): Record<string, U> {
    return Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, f(v)]));
}

/** The Kubernetes computes of one workspace, as the config has them. */
type KubernetesComputes = NonNullable<NonNullable<PlatformConfig["compute"]>["kubernetes"]>;

/** A `serving` block of the config, with where it is and what the same workspace declares beside it. */
export interface ServingBlock {
    /** Key path of the block: `serving` (the single workspace's) or `teams.<key>.serving`. */
    path: string;
    /** The team's key; undefined for the single workspace's block. */
    teamKey?: string;
    /** The block. */
    serving: NonNullable<Serving>;
    /** Key path of the same workspace's Kubernetes computes. */
    computesPath: string;
    /** The same workspace's Kubernetes computes. */
    computes: KubernetesComputes;
    /** Names of the datastores the same workspace declares (data.datastores). */
    datastores: string[];
}

/** Every serving block of the config, the single workspace's first, then each team's (the one walk every serving check uses). */
export function servingBlocksOf(c: PlatformConfig): ServingBlock[] {
    const datastoresOf = (d: { datastores?: Record<string, unknown> } | undefined): string[] => Object.keys(d?.datastores ?? {});
    const out: ServingBlock[] = [];
    if (c.serving) out.push({ path: "serving", serving: c.serving, computesPath: "compute.kubernetes", computes: c.compute?.kubernetes ?? {}, datastores: datastoresOf(c.data) });
    for (const [k, t] of Object.entries(c.teams ?? {})) {
        if (t.serving) out.push({ path: `teams.${k}.serving`, teamKey: k, serving: t.serving, computesPath: `teams.${k}.compute.kubernetes`, computes: t.compute?.kubernetes ?? {}, datastores: datastoresOf(t.data) });
    }
    return out;
}
