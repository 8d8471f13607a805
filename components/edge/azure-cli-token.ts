/**
 * An {@link EntraTokenSource} from the Azure CLI's signed-in identity:
 * `az account get-access-token --scope <scope> --query accessToken --output tsv` ("az account
 * get-access-token", https://learn.microsoft.com/cli/azure/account#az-account-get-access-token,
 * read 2026-12-04). For a dynamic provider run from a workstation where `pulumi up` uses the CLI
 * login; CI uses entraTokenFromEnvironment (components/serving/entra-token.ts). Built from nothing
 * but node's child_process, so a serialized provider can construct it at run time.
 */
import { execFile } from "node:child_process";
import type { EntraTokenSource } from "../serving/registry-auth";

/** Runs a command and resolves to its stdout (injectable for tests). */
export type ExecFile = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

const defaultExec: ExecFile = (file, args, timeoutMs) =>
    new Promise((resolve, reject) => {
        execFile(file, [...args], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
            if (err) reject(new Error(`${String(stderr).split(/\r?\n/)[0] || err.message}`));
            else resolve(String(stdout));
        });
    });

/** A token source asking the Azure CLI (default timeout 30 s). */
export function entraTokenFromAzureCli(options: { readonly exec?: ExecFile; readonly timeoutMs?: number } = {}): EntraTokenSource {
    return async (scope: string) => {
        let out: string;
        try {
            out = await (options.exec ?? defaultExec)("az", ["account", "get-access-token", "--scope", scope, "--query", "accessToken", "--output", "tsv"], options.timeoutMs ?? 30_000);
        } catch (err) {
            // The CLI's first stderr line says what to do ("Please run 'az login'..."); it never holds the token.
            throw new Error(`Azure CLI could not issue a token for ${scope}: ${(err as Error).message}`);
        }
        const token = out.trim();
        if (token === "" || /\s/.test(token)) throw new Error(`Azure CLI returned no token for ${scope}`);
        return token;
    };
}
