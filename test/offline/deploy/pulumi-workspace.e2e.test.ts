/**
 * The real Automation API adapter (offline/deploy/pulumi-workspace.ts) and the whole driver,
 * against a stand-in `pulumi` executable: the exact CLI commands built (stack selection, preview
 * and up with the policy pack and its config, colour, event log), engine events read back from the
 * event log, and failures worded from the CLI's output.
 */
import * as path from "node:path";
import type { CliIo } from "../../../offline/cli-io";
import { defaultDeps, main } from "../../../offline/deploy/deploy-cli";
import { events } from "./fake-workspace";
import { fakePulumiCli } from "./fake-pulumi-cli";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const cli = fakePulumiCli();
afterEach(() => cli.restore());
afterAll(() => cli.remove());

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
    const io = { stdout: [] as string[], stderr: [] as string[], out: (t: string) => void io.stdout.push(t), err: (t: string) => void io.stderr.push(t) };
    return io;
}

/** The real deps but a passing offline plan (the engine run has its own tests). */
const deps = (): ReturnType<typeof defaultDeps> => ({ ...defaultDeps(), offlinePlan: async () => 0 });

/** The value following a flag in an argument list. */
const flag = (args: string[], name: string): string[] => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));

it("--yes: selects the stack, previews and updates with the policy pack and the stack's pack config, in CI colours", async () => {
    cli.use({
        preview: { events: [events.prelude(), events.pre("create", "st"), events.summary({ create: 1 }, 3)] },
        up: { events: [events.pre("create", "st"), events.done("create", "st"), events.summary({ create: 1 }, 9)], historyChanges: { create: 1 } },
    });
    const io = capture();
    const code = await main(["edge", "--yes"], io, { deps: deps(), isTty: false });
    expect({ code, stderr: io.stderr }).toEqual({ code: 0, stderr: ["Offline plan and policy gate of edge (simulated Azure, no credentials)…"] });
    const calls = cli.invocations();
    expect(calls.map((c) => c.slice(0, 2).join(" ")).filter((c) => !/^stack (output|history)/.test(c))).toEqual(["version", "stack select", "preview --policy-pack", "up --yes"]);
    expect(calls[1].slice(0, 4)).toEqual(["stack", "select", "--stack", "edge"]);
    const [preview, up] = [calls[2], calls[3]];
    for (const args of [preview, up]) {
        expect(flag(args, "--policy-pack")).toEqual([path.join(ROOT, "policies")]);
        expect(flag(args, "--policy-pack-config")).toEqual([path.join(ROOT, "policies", "config", "edge.json")]);
        expect(flag(args, "--color")).toEqual(["never"]);
        expect(flag(args, "--stack")).toEqual(["edge"]);
    }
    expect(up).toEqual(expect.arrayContaining(["--yes", "--skip-preview"]));
    // The whole command line, as the pinned SDK (3.248.0) builds it from our options.
    const pack = path.join(ROOT, "policies");
    const config = path.join(pack, "config", "edge.json");
    const masked = (args: string[]): string[] => args.map((a, i) => (args[i - 1] === "--event-log" ? "<event log>" : a));
    expect(masked(preview)).toEqual(["preview", "--policy-pack", pack, "--policy-pack-config", config, "--color", "never", "--exec-kind", "auto.local", "--event-log", "<event log>", "--stack", "edge", "--non-interactive"]);
    expect(masked(up)).toEqual(["up", "--yes", "--skip-preview", "--policy-pack", pack, "--policy-pack-config", config, "--color", "never", "--exec-kind", "auto.local", "--event-log", "<event log>", "--stack", "edge", "--non-interactive"]);
    // Events came back through the real event log, as JSON lines.
    const lines = io.stdout.map((l) => JSON.parse(l) as { phase: string; type: string; changes?: unknown });
    expect(lines.filter((l) => l.type === "resource-pre").map((l) => l.phase)).toEqual(["preview", "up"]);
    expect(lines.find((l) => l.phase === "up" && l.type === "result")).toMatchObject({ changes: { create: 1 } });
});

it("--preview: no pack config for a stack without one, never `up`", async () => {
    cli.use({ preview: { events: [events.summary({ same: 4 })] } });
    expect(await main(["dev", "--preview"], capture(), { deps: deps(), isTty: false })).toBe(0);
    const calls = cli.invocations();
    expect(calls.map((c) => c[0])).toEqual(["version", "stack", "preview"]);
    expect(flag(calls[2], "--policy-pack-config")).toEqual([]);
});

it("a preview failing on a mandatory policy violation exits 1 and never updates", async () => {
    cli.use({
        preview: {
            events: [events.pre("create", "st"), events.policy("storage-no-public-access", "mandatory", "Public network access must be disabled.", "st")],
            stderr: "error: preview failed\n",
            exit: 255,
        },
    });
    const io = capture();
    expect(await main(["dev", "--yes"], io, { deps: deps(), isTty: false })).toBe(1);
    expect(cli.invocations().map((c) => c[0])).not.toContain("up");
    expect(io.stdout.map((l) => JSON.parse(l) as { type: string; enforcement?: string }).find((l) => l.type === "policy")).toMatchObject({ enforcement: "mandatory" });
});

it("a CLI failure is Pulumi's own error line, exit 2", async () => {
    cli.use({ stack: { stderr: "warning: A new version of Pulumi is available.\nerror: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n", exit: 255 } });
    const io = capture();
    expect(await main(["dev", "--preview"], io, { deps: deps(), isTty: false })).toBe(2);
    expect(io.stderr.at(-1)).toBe("deploy: pulumi stack select failed (exit code 255): PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions");
});
