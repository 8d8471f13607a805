"use strict";
/**
 * The floor of bench/plan-floor.ts: Pulumi's SDK alone under its bare `setMocks`, registering a
 * given resource list with plain inputs. Plain JavaScript on purpose (no TypeScript loader, no
 * source maps, no simulator, no capture), so it is the cheapest honest program that registers the
 * same resources: what the offline engine is measured against.
 *
 * `node bench/floor-program.js <resources.json> [copies]` prints one JSON line: resources
 * registered, wall seconds since the process started, peak RSS (MB), and a digest of what the
 * mocks received (type, name, inputs), which the benchmark compares with the plan's own.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const pulumi = require("@pulumi/pulumi");
// waitForRPCs is how Pulumi's runtime waits for outstanding registrations before it disconnects.
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings");

const [file, copiesArg] = process.argv.slice(2);
const { list } = JSON.parse(fs.readFileSync(file, "utf8"));
const copies = Number(copiesArg ?? 1);
const received = [];

/** JSON with sorted keys, so a digest does not depend on key order. */
function canonical(v) {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (v !== null && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
    return JSON.stringify(v) ?? "null";
}

async function main() {
    await pulumi.runtime.setMocks(
        {
            newResource: (a) => {
                received.push(canonical([a.type, a.name, a.inputs]));
                return { id: `${a.name}_id`, state: a.inputs };
            },
            call: (a) => a.inputs,
        },
        "aml-workspace",
        "prod",
        false,
    );
    for (let c = 0; c < copies; c++) {
        const suffix = copies === 1 ? "" : `-c${c}`;
        const made = [];
        for (const r of list) {
            const opts = {};
            if (r.parent >= 0) opts.parent = made[r.parent];
            if (r.provider >= 0) opts.provider = made[r.provider];
            const name = r.name + suffix;
            if (!r.custom) made.push(new pulumi.ComponentResource(r.type, name, {}, opts));
            else if (r.type.startsWith("pulumi:providers:")) made.push(new pulumi.ProviderResource(r.type.slice("pulumi:providers:".length), name, r.inputs, opts));
            else made.push(new pulumi.CustomResource(r.type, name, r.inputs, opts));
        }
    }
    await waitForRPCs();
    const digest = createHash("sha256").update(received.sort().join("\n")).digest("hex").slice(0, 16);
    process.stdout.write(`${JSON.stringify({ resources: list.length * copies, registered: received.length, seconds: process.uptime(), maxRssMb: process.resourceUsage().maxRSS / 1024, digest })}\n`);
}

main().catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
});
