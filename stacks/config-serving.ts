/**
 * The `serving` config (platform and `teams.<key>.serving`) as the library's PlatformServingArgs:
 * local paths (image build contexts, model folders) resolve against the stack folder, and secret
 * environment variables become the secret values of the Pulumi config keys they name.
 */
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformServingArgs } from "../components/serving/platform-serving-args";
import type { Serving } from "./config-types";

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
