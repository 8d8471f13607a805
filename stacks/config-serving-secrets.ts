/**
 * The secret config keys serving's endpoints name (`secretEnvironmentVariables.<VAR>: <config key>`)
 * must be set in the stack: checked when the program starts (the config file alone cannot tell), all
 * missing keys reported together with their key paths, before any resource is declared, as
 * readSetupScripts does for script files. Without this, `requireSecret` would fail one key at a time,
 * deep inside the program, with no key path.
 */
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";
import { servingBlocksOf } from "./config-serving";

/** Whether the stack sets the config key `<project>:<key>` (a secret is set with `pulumi config set --secret <key> <value>`). */
export type ConfigKeyIsSet = (configKey: string) => boolean;

/** One problem per secret variable whose config key the stack does not set. */
export function missingServingSecrets(c: PlatformConfig, isSet: ConfigKeyIsSet, stack: string): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const { path: prefix, serving } of servingBlocksOf(c)) {
        for (const [key, e] of Object.entries(serving.endpoints ?? {})) {
            const named: [string, string][] = [
                ...Object.entries(e.secretEnvironmentVariables ?? {}).map(([name, configKey]): [string, string] => [`secretEnvironmentVariables.${name}`, configKey]),
                // The IoT Edge pull token's password (host iotEdge): `az acr token credential generate` prints it.
                ...(e.iotEdge ? [["iotEdge.registryTokenPassword", e.iotEdge.registryTokenPassword] as [string, string]] : []),
            ];
            for (const [field, configKey] of named) {
                if (isSet(configKey)) continue;
                out.push({
                    path: at(`${prefix}.endpoints.${key}.${field}`),
                    problem: `names the config key "${configKey}", which stack ${stack} does not set`,
                    fix: `run: pulumi config set --secret ${configKey} <value> --stack ${stack}`,
                });
            }
        }
    }
    return out;
}
