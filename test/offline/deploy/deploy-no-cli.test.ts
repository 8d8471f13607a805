/**
 * `npm run deploy -- dev --preview` on a machine without the Pulumi CLI: the real
 * Automation API finds no `pulumi`, and the command says so in one line (exit 2).
 * One process spawn (tsx start-up about a second); PATH holds only `node`, so this holds
 * even where a Pulumi CLI is installed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MissingPulumiCliError, PULUMI_INSTALL_URL } from "../../../offline/deploy/deploy-types";
import { PulumiAutomationWorkspace } from "../../../offline/deploy/pulumi-workspace";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const bin = fs.mkdtempSync(path.join(os.tmpdir(), "aml-deploy-nocli-"));
fs.symlinkSync(process.execPath, path.join(bin, "node"));
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

/** Runs `fn` with PATH holding only `node`. */
async function withoutPulumi<T>(fn: () => Promise<T>): Promise<T> {
    const saved = process.env.PATH;
    process.env.PATH = bin;
    try {
        return await fn();
    } finally {
        process.env.PATH = saved;
    }
}

it("the CLI process prints exactly one line on stderr naming the missing Pulumi CLI and the install page, nothing on stdout, exit 2", () => {
    const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    const run = spawnSync(process.execPath, [tsx, "offline/deploy/deploy-cli.ts", "dev", "--preview"], {
        cwd: ROOT,
        env: { HOME: os.tmpdir(), PATH: bin },
        encoding: "utf8",
        timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([new MissingPulumiCliError().message].map((m) => `deploy: ${m}`));
    expect(lines[0]).toContain(PULUMI_INSTALL_URL);
});

it("the Automation API workspace turns the failed `pulumi version` spawn into MissingPulumiCliError", async () => {
    await withoutPulumi(async () => {
        await expect(new PulumiAutomationWorkspace().cliVersion()).rejects.toBeInstanceOf(MissingPulumiCliError);
    });
});
