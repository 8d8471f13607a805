/**
 * `npx tsx bench/teams-scale.ts`: the offline plan of a platform with 1, 10 and 50 team workspaces
 * (independent sharing, private endpoints, a cluster and two grants per team), each size in its own
 * process so peak memory is that run's alone. Prints wall time, resources, time per resource, and
 * peak RSS, with ratios against one team measured in the same run. A benchmark, not a test.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const SIZES = [1, 10, 50];

async function measure(teams: number): Promise<void> {
    const { runProgram } = await import("../offline/run-stack");
    const { MlPlatform } = await import("../components/platform");
    const key = (i: number): string => `team${String(i).padStart(2, "0")}`;
    const start = process.hrtime.bigint();
    const run = await runProgram(
        () => {
            new MlPlatform("platform", {
                location: "westeurope",
                namePrefix: "aml-scale",
                tags: { owner: "ml-platform", costCenter: "CC-1" },
                deployment: { project: "aml-workspace", stack: "scale" },
                teams: Object.fromEntries(
                    Array.from({ length: teams }, (_, i) => [
                        key(i),
                        {
                            access: [{ principalId: `00000000-0000-0000-0000-0000000${String(1000 + i).padStart(5, "0")}`, principalType: "Group", role: "AzureML Data Scientist" }],
                            compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 2 } } },
                        },
                    ]),
                ),
            });
        },
        { stack: "scale" },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const resources = run.graph.resources.length;
    process.stdout.write(JSON.stringify({ teams, resources, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

function main(): void {
    const rows = SIZES.map((n) => {
        const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--teams", String(n)], { encoding: "utf8", cwd: path.resolve(__dirname, "..") });
        return JSON.parse(out.trim().split("\n").pop() ?? "{}") as { teams: number; resources: number; seconds: number; maxRssMb: number };
    });
    const base = rows[0];
    const perResource = (r: typeof base): number => (r.seconds * 1000) / r.resources;
    process.stdout.write("offline plan of a platform with N team workspaces (independent sharing), one process per size\n");
    for (const r of rows) {
        process.stdout.write(
            `  ${String(r.teams).padStart(2)} teams: ${String(r.resources).padStart(5)} resources, ${r.seconds.toFixed(2)} s (${perResource(r).toFixed(2)} ms/resource, ${(perResource(r) / perResource(base)).toFixed(2)}x one team), peak ${Math.round(r.maxRssMb)} MB (${(r.maxRssMb / base.maxRssMb).toFixed(2)}x)\n`,
        );
    }
}

const i = process.argv.indexOf("--teams");
if (i >= 0) {
    measure(Number(process.argv[i + 1])).catch((e: unknown) => {
        console.error(e instanceof Error ? e.message : String(e));
        process.exitCode = 1;
    });
} else {
    main();
}
