/**
 * `npx tsx bench/teams-scale.ts`: the offline plan of a platform with 1, 10 and 50 team workspaces
 * (independent sharing, private endpoints, a cluster and two grants per team), each size in its own
 * process so peak memory is that run's alone. Prints wall time, resources, time per resource, and
 * peak RSS per resource, with ratios against one team measured in the same run, and the targets of
 * issue 14 (per resource within 1.2x of one team; 50 teams under 1 GB). A benchmark, not a test.
 */
import { runTs } from "./child";

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
        const out = runTs(__filename, ["--teams", String(n)]);
        return JSON.parse(out.trim().split("\n").pop() ?? "{}") as { teams: number; resources: number; seconds: number; maxRssMb: number };
    });
    const base = rows[0];
    const msPerResource = (r: typeof base): number => (r.seconds * 1000) / r.resources;
    const mbPerResource = (r: typeof base): number => r.maxRssMb / r.resources;
    process.stdout.write("offline plan of a platform with N team workspaces (independent sharing), one plan per process; ratios per resource against one team\n");
    for (const r of rows) {
        process.stdout.write(
            `  ${String(r.teams).padStart(2)} teams: ${String(r.resources).padStart(5)} resources, ${r.seconds.toFixed(2)} s (${msPerResource(r).toFixed(2)} ms/resource, ${(msPerResource(r) / msPerResource(base)).toFixed(2)}x), peak ${Math.round(r.maxRssMb)} MB (${mbPerResource(r).toFixed(3)} MB/resource, ${(mbPerResource(r) / mbPerResource(base)).toFixed(2)}x)\n`,
        );
    }
    const largest = rows[rows.length - 1];
    const worst = (f: (r: typeof base) => number): number => Math.max(...rows.map((r) => f(r) / f(base)));
    process.stdout.write(
        `  targets: per-resource time ${worst(msPerResource).toFixed(2)}x and memory ${worst(mbPerResource).toFixed(2)}x of one team (<= 1.20x); ${largest.teams} teams peak ${Math.round(largest.maxRssMb)} MB (< 1024 MB)\n`,
    );
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
