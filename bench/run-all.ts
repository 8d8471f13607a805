/** `npm run bench`: runs every benchmark and prints its figures (not a test). */
import * as path from "node:path";
import { runTs } from "./child";
import { allPolicies } from "../policies/all";
import { runPlanFloor } from "./plan-floor";
import { runPolicyThroughput } from "./policy-throughput";

const r = runPolicyThroughput({ minResources: 10_000, repetitions: 5 });
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
process.stdout.write(
    [
        `policy pack throughput (${allPolicies.length} policies, ${fmt(r.resources)} resources, median of ${r.repetitions})`,
        `  baseline (parse + walk):   ${fmt(r.baselinePerSecond)} resources/s (${r.baselineSeconds.toFixed(3)} s)`,
        `  whole pack (parse + eval): ${fmt(r.packPerSecond)} resources/s (${r.packSeconds.toFixed(3)} s; runs ${fmt(r.packPerSecondRange[0])}-${fmt(r.packPerSecondRange[1])}/s)`,
        `  ratio pack/baseline:       ${r.ratio.toFixed(1)}x  (${fmt(r.violations)} violations, the same as recorded in bench/policy-results.expected.json)`,
        "",
    ].join("\n"),
);

// The plan of prod against the SDK alone (each run its own process), then the teams benchmark.
runPlanFloor();
process.stdout.write("\n");
// The teams benchmark runs each size in its own process (peak memory per size), so it is a child here too.
process.stdout.write(runTs(path.join(__dirname, "teams-scale.ts"), []));
