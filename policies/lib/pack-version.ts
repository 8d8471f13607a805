/**
 * The pack's version, read from policies/package.json: the file `pulumi policy publish`
 * takes the published version from, so the harness's skip messages
 * (`'<pack>@v<version>'`, as the Pulumi service writes them) and the SARIF driver
 * cannot state another one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const manifest = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { name?: unknown; version?: unknown };
if (typeof manifest.version !== "string" || typeof manifest.name !== "string") {
    throw new Error("policies/package.json must have a string name and version");
}

/** Version of the policy pack (policies/package.json `version`). */
export const PACK_VERSION: string = manifest.version;
/** npm name of the policy pack's package (policies/package.json `name`), the SARIF tool name. */
export const PACK_PACKAGE_NAME: string = manifest.name;
