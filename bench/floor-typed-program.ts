/**
 * The program floor of bench/plan-floor.ts: a Pulumi program as one is usually written and run,
 * and nothing more. TypeScript run by tsx (`node --import tsx`) with Node's and the SDK's defaults,
 * Pulumi's bare `setMocks`, and the same resources as the plan registered through their own SDK
 * classes (`@pulumi/azure-native`, `@pulumi/kubernetes`, `@pulumi/docker`; components, providers and
 * Kubernetes custom objects through the generic ones) with the plan's inputs as plain values. It is
 * the kind of floor issue 14 measured (its figures: ~1.3 s for 82 resources, ~8 s for 820, 48 s and
 * 3.3 GB for 4,100); bench/floor-program.js is the barer one (plain JavaScript, generic classes).
 *
 * `node --import tsx bench/floor-typed-program.ts <resources.json> [copies]` prints one JSON line:
 * resources registered, wall seconds since the process started, peak RSS (MB), and a digest of the
 * (type, name) pairs the mocks received (SDK classes add their own defaults to inputs, so only the
 * identities are compared; the bare floor compares inputs too).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import type { FloorResource } from "./plan-floor";

// waitForRPCs is how Pulumi's runtime waits for outstanding registrations before it disconnects.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

type ResourceClass = new (name: string, args: Record<string, unknown>, opts: pulumi.CustomResourceOptions) => pulumi.Resource;

/** The SDK class of a resource type token, as a program would import it; undefined for generic ones. */
function classOf(type: string): ResourceClass | undefined {
    const [pkg, mod, name] = type.split(":");
    /* eslint-disable @typescript-eslint/no-require-imports */
    if (pkg === "azure-native") return (require(`@pulumi/azure-native/${mod}`) as Record<string, ResourceClass>)[name];
    if (pkg === "docker") return (require("@pulumi/docker") as Record<string, ResourceClass>)[name];
    if (pkg === "kubernetes") {
        // `core/v1` -> k8s.core.v1; `networking.k8s.io/v1` -> k8s.networking.v1; CRDs have no class.
        const [group, version] = mod.split("/");
        const k8s = require("@pulumi/kubernetes") as Record<string, Record<string, Record<string, ResourceClass>> | undefined>;
        return k8s[group.split(".")[0]]?.[version]?.[name];
    }
    if (type === "pulumi:providers:kubernetes") return (require("@pulumi/kubernetes") as { Provider: ResourceClass }).Provider;
    /* eslint-enable @typescript-eslint/no-require-imports */
    return undefined;
}

/** A component as a program declares one (the SDK's class is abstract). */
class FloorComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
    }
}

/** A custom resource without a class of its own (Kubernetes custom objects, dynamic resources). */
class FloorCustom extends pulumi.CustomResource {}

/** A provider of a package without its own class here. */
class FloorProvider extends pulumi.ProviderResource {}

async function main(): Promise<void> {
    const [file, copiesArg] = process.argv.slice(2);
    const { list } = JSON.parse(fs.readFileSync(file, "utf8")) as { list: FloorResource[] };
    const copies = Number(copiesArg ?? 1);
    const received: string[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (a) => {
                received.push(`${a.type}::${a.name}`);
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
        const made: pulumi.Resource[] = [];
        for (const r of list) {
            const opts: pulumi.CustomResourceOptions = {};
            if (r.parent >= 0) opts.parent = made[r.parent];
            if (r.provider >= 0) opts.provider = made[r.provider] as pulumi.ProviderResource;
            const name = r.name + suffix;
            const cls = r.custom ? classOf(r.type) : undefined;
            if (!r.custom) made.push(new FloorComponent(r.type, name, opts));
            else if (cls) made.push(new cls(name, r.inputs, opts));
            else if (r.type.startsWith("pulumi:providers:")) made.push(new FloorProvider(r.type.slice("pulumi:providers:".length), name, r.inputs, opts));
            else made.push(new FloorCustom(r.type, name, r.inputs, opts));
        }
    }
    await waitForRPCs();
    const digest = createHash("sha256").update(received.sort().join("\n")).digest("hex").slice(0, 16);
    process.stdout.write(`${JSON.stringify({ resources: list.length * copies, registered: received.length, seconds: process.uptime(), maxRssMb: process.resourceUsage().maxRSS / 1024, digest })}\n`);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
});
