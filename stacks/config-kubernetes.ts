/**
 * The `kubernetes` section's mapping to the library: the AzureML extension's TLS certificate and
 * key are named in the platform config by the secret stack config keys that hold them
 * (`sslCertPemSecret`, `sslKeyPemSecret`), so no PEM text sits in the platform object; they are
 * read here as Pulumi secrets (`requireSecret`), which the extension sends only in its protected
 * settings.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PlatformKubernetesArgs } from "../components/platform-args";
import type { PlatformConfig } from "./config-types";
import { aksSettingsToArgs } from "./config-semantics-aks";

/** A secret stack config value by key, `namespace:key` or a key of the project's namespace. */
function secretConfigValue(key: string): pulumi.Output<string> {
    const [ns, name] = key.includes(":") ? key.split(":", 2) : [undefined, key];
    return new pulumi.Config(ns).requireSecret(name);
}

/** `kubernetes` of the stack config as `MlPlatformArgs.kubernetes`. */
export function kubernetesArgsOf(k: PlatformConfig["kubernetes"]): PlatformKubernetesArgs {
    return {
        clusters: Object.fromEntries(
            Object.entries(k.clusters).map(([key, cluster]) => {
                const { sslCertPemSecret, sslKeyPemSecret, ...azureml } = cluster.azureml;
                return [
                    key,
                    {
                        existingId: cluster.existingId,
                        create: cluster.create === undefined ? undefined : aksSettingsToArgs(cluster.create),
                        location: cluster.location,
                        azureml: {
                            ...azureml,
                            sslCertPem: sslCertPemSecret === undefined ? undefined : secretConfigValue(sslCertPemSecret),
                            sslKeyPem: sslKeyPemSecret === undefined ? undefined : secretConfigValue(sslKeyPemSecret),
                        },
                    },
                ];
            }),
        ),
    };
}
