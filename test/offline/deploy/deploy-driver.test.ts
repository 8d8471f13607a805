/**
 * The deploy driver (`npm run deploy`) against a fake Automation API: the order of the
 * steps, what each Pulumi operation is given, the refusals, the output and exit codes.
 */
import * as path from "node:path";
import type { CliIo } from "../../../offline/cli-io";
import { defaultDeps, main, USAGE } from "../../../offline/deploy/deploy-cli";
import type { DeployDeps } from "../../../offline/deploy/deploy-steps";
import { PULUMI_INSTALL_URL } from "../../../offline/deploy/deploy-types";
import { events, FakeWorkspace } from "./fake-workspace";

const ROOT = path.resolve(__dirname, "..", "..", "..");

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
    const io = { stdout: [] as string[], stderr: [] as string[], out: (t: string) => void io.stdout.push(t), err: (t: string) => void io.stderr.push(t) };
    return io;
}

/** Deps with a fake workspace and a scripted offline plan that records the stacks it was asked for. */
function deps(workspace: FakeWorkspace, planCode = 0, policyConfig?: string): DeployDeps & { planned: string[] } {
    const planned: string[] = [];
    return {
        planned,
        workspace,
        projectRoot: ROOT,
        offlinePlan: async (stack, io) => {
            planned.push(stack);
            io.out(`Planning stack aml-workspace/${stack} (offline: simulated Azure, no credentials)`);
            return planCode;
        },
        policyConfigFor: async (stack) => (policyConfig ? path.join(ROOT, "policies", "config", `${stack}.json`) : undefined),
    };
}

const json = (io: { stdout: string[] }): Record<string, unknown>[] => io.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);

describe("the order of the steps and what Pulumi is given", () => {
    it("--yes: CLI check, offline plan, preview, then up, each with the stack, project folder and policy pack", async () => {
        const ws = new FakeWorkspace();
        const d = deps(ws, 0, "yes");
        const io = capture();
        expect(await main(["dev", "--yes"], io, { deps: d, isTty: false })).toBe(0);
        expect(ws.ops()).toEqual(["cliVersion", "openStack", "preview", "up"]);
        expect(d.planned).toEqual(["dev"]);
        expect(ws.calls[1].target).toEqual({ workDir: ROOT, stackName: "dev" });
        for (const call of ws.calls.slice(2)) {
            expect(call.opts?.policyPacks).toEqual([path.join(ROOT, "policies")]);
            expect(call.opts?.policyPackConfigs).toEqual([path.join(ROOT, "policies", "config", "dev.json")]);
            expect(call.opts?.color).toBe("never");
        }
    });

    it("passes no policy pack config when the stack has none, and --color always on a terminal", async () => {
        const ws = new FakeWorkspace();
        expect(await main(["prod", "--preview"], capture(), { deps: deps(ws), isTty: true })).toBe(0);
        expect(ws.calls[2].opts?.policyPackConfigs).toEqual([]);
        expect(ws.calls[2].opts?.color).toBe("always");
    });

    it("an org-qualified stack keeps its full name for Pulumi; the offline plan reads the stack file's name", async () => {
        const ws = new FakeWorkspace();
        const d = deps(ws);
        expect(await main(["acme/prod", "--preview"], capture(), { deps: d, isTty: false })).toBe(0);
        expect(ws.calls[1].target?.stackName).toBe("acme/prod");
        expect(d.planned).toEqual(["prod"]);
    });

    it("--preview never calls up", async () => {
        const ws = new FakeWorkspace();
        expect(await main(["dev", "--preview"], capture(), { deps: deps(ws), isTty: false })).toBe(0);
        expect(ws.ops()).toEqual(["cliVersion", "openStack", "preview"]);
    });

    it("without --yes it previews, does not deploy, and says how to", async () => {
        const ws = new FakeWorkspace();
        const io = capture();
        expect(await main(["dev"], io, { deps: deps(ws), isTty: false })).toBe(0);
        expect(ws.ops()).not.toContain("up");
        expect(io.stderr.at(-1)).toBe("Not deployed: run `npm run deploy -- dev --yes` to deploy.");
    });
});

describe("refusals and exit codes (the plan's: 0, 1 mandatory violation, 2 anything else)", () => {
    it.each([
        [1, "a mandatory policy violation"],
        [2, "bad config or input"],
    ])("an offline plan exiting %i stops everything before Pulumi touches the stack, and exits the same", async (code, words) => {
        const ws = new FakeWorkspace();
        const io = capture();
        expect(await main(["prod", "--yes"], io, { deps: deps(ws, code), isTty: false })).toBe(code);
        expect(ws.ops()).toEqual(["cliVersion"]);
        expect(io.stderr.at(-1)).toBe(`deploy: the offline plan of prod failed (exit ${code}: ${words}); not running pulumi preview or up`);
    });

    it("a missing Pulumi CLI is one line naming it and the install page, exit 2, before the offline plan runs", async () => {
        const ws = new FakeWorkspace({ missingCli: true });
        const d = deps(ws);
        const io = capture();
        expect(await main(["dev", "--preview"], io, { deps: d, isTty: false })).toBe(2);
        expect(io.stderr).toHaveLength(1);
        expect(io.stderr[0]).toMatch(/^deploy: the Pulumi CLI is not installed \(no `pulumi` on PATH\)/);
        expect(io.stderr[0]).toContain(PULUMI_INSTALL_URL);
        expect(io.stderr[0]).not.toContain("\n");
        expect(io.stdout).toEqual([]);
        expect(d.planned).toEqual([]);
    });

    it("a preview stopped by a mandatory violation exits 1 and never runs up", async () => {
        const ws = new FakeWorkspace({
            preview: { events: [events.pre("create", "st"), events.policy("storage-no-public-access", "mandatory", "Public network access must be disabled.", "st")], fail: "pulumi preview failed (exit code 255): preview failed" },
        });
        const io = capture();
        expect(await main(["dev", "--yes"], io, { deps: deps(ws), isTty: false })).toBe(1);
        expect(ws.ops()).toEqual(["cliVersion", "openStack", "preview"]);
        expect(io.stderr).toEqual(expect.arrayContaining(["deploy: pulumi preview of dev stopped by 1 mandatory policy violation", "deploy: not running pulumi up on dev: the preview did not pass"]));
    });

    it("advisory violations do not stop the update", async () => {
        const ws = new FakeWorkspace({ preview: { events: [events.policy("tags-required", "warning", "Missing tag owner.", "st")] } });
        expect(await main(["dev", "--yes"], capture(), { deps: deps(ws), isTty: false })).toBe(0);
        expect(ws.ops()).toContain("up");
    });

    it("a preview failing for another reason (credentials, backend) exits 2 with Pulumi's error line and no up", async () => {
        const ws = new FakeWorkspace({ preview: { fail: "pulumi preview failed (exit code 255): getting user info: authenticating: no credentials" } });
        const io = capture();
        expect(await main(["dev", "--yes"], io, { deps: deps(ws), isTty: false })).toBe(2);
        expect(ws.ops()).not.toContain("up");
        expect(io.stderr.at(-1)).toBe("deploy: pulumi preview failed (exit code 255): getting user info: authenticating: no credentials");
    });

    it("a stack that cannot be selected (not logged in) is Pulumi's line, exit 2, no preview", async () => {
        const ws = new FakeWorkspace({ openFails: "pulumi stack select failed (exit code 255): PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions" });
        const io = capture();
        expect(await main(["dev", "--preview"], io, { deps: deps(ws), isTty: false })).toBe(2);
        expect(ws.ops()).toEqual(["cliVersion", "openStack"]);
        expect(io.stderr.at(-1)).toBe("deploy: pulumi stack select failed (exit code 255): PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions");
    });

    it("an up stopped by a mandatory violation exits 1", async () => {
        const ws = new FakeWorkspace({ up: { events: [events.policy("storage-no-public-access", "mandatory", "Public network access must be disabled.", "st")], fail: "pulumi up failed (exit code 255): update failed" } });
        const io = capture();
        expect(await main(["dev", "--yes"], io, { deps: deps(ws), isTty: false })).toBe(1);
        expect(io.stderr.at(-1)).toBe("deploy: pulumi up of dev stopped by 1 mandatory policy violation");
    });

    it("the cancel signal reaches both operations", async () => {
        const ws = new FakeWorkspace();
        const abort = new AbortController();
        expect(await main(["dev", "--yes"], capture(), { deps: deps(ws), isTty: false, signal: abort.signal })).toBe(0);
        expect(ws.calls.filter((c) => c.opts).map((c) => c.opts?.signal)).toEqual([abort.signal, abort.signal]);
    });

    it("a cancelled operation (Ctrl-C) says so, exit 2", async () => {
        const abort = new AbortController();
        abort.abort();
        const ws = new FakeWorkspace({ preview: { events: [events.cancel()], fail: "pulumi preview failed (exit code 255): context canceled" } });
        const io = capture();
        expect(await main(["dev", "--preview"], io, { deps: deps(ws), isTty: false, signal: abort.signal })).toBe(2);
        expect(io.stderr.at(-1)).toBe("deploy: pulumi preview of dev was cancelled");
    });

    it("a failed up exits 2 with its line", async () => {
        const ws = new FakeWorkspace({ up: { events: [events.diagnostic("error", "error: Code=\"AuthorizationFailed\"\n details")], fail: "pulumi up failed (exit code 255): update failed" } });
        const io = capture();
        expect(await main(["dev", "--yes"], io, { deps: deps(ws), isTty: false })).toBe(2);
        expect(io.stderr.at(-1)).toBe("deploy: pulumi up failed (exit code 255): update failed");
        const upResult = json(io).find((l) => l.phase === "up" && l.type === "result");
        expect(upResult).toMatchObject({ ok: false, errors: 1 });
    });

    it.each([
        [[], "deploy: name the stack to deploy, e.g. dev (run `npm run deploy -- --help` for usage)"],
        [["dev", "prod"], "deploy: one stack at a time; got dev, prod (run `npm run deploy -- --help` for usage)"],
        [["dev", "--preview", "--yes"], "deploy: --preview and --yes contradict each other: --preview never deploys (run `npm run deploy -- --help` for usage)"],
        [["dev", "--force"], "deploy: unknown flag --force (run `npm run deploy -- --help` for usage)"],
        [["../dev"], 'deploy: "../dev" is not a stack name (<stack>, <org>/<stack> or <org>/<project>/<stack>) (run `npm run deploy -- --help` for usage)'],
    ])("usage mistakes %j are one line, exit 2, nothing run", async (argv, line) => {
        const ws = new FakeWorkspace();
        const io = capture();
        expect(await main(argv, io, { deps: deps(ws), isTty: false })).toBe(2);
        expect(io.stderr).toEqual([line]);
        expect(ws.calls).toEqual([]);
    });

    it("--help prints the usage and runs nothing", async () => {
        const ws = new FakeWorkspace();
        const io = capture();
        expect(await main(["--help"], io, { deps: deps(ws) })).toBe(0);
        expect(io.stdout).toEqual([USAGE]);
        expect(ws.calls).toEqual([]);
    });
});

describe("output: JSON lines in CI, the CLI's display and a summary on a terminal", () => {
    const preview = {
        events: [
            events.prelude(),
            events.pre("create", "st", "azure-native:storage:StorageAccount", ["allowBlobPublicAccess"]),
            events.pre("same", "rg", "azure-native:resources:ResourceGroup"),
            events.policy("tags-required", "warning", "Missing tag owner.", "st"),
            events.diagnostic("info", "progress…", true),
            events.summary({ create: 1, same: 1 }, 7),
        ],
        output: ["Previewing update (dev)\n", "+ 1 to create\n"],
    };

    it("not on a terminal: stdout is JSON lines only (engine events, then a result line); plan text goes to stderr", async () => {
        const io = capture();
        expect(await main(["dev", "--preview"], io, { deps: deps(new FakeWorkspace({ preview })), isTty: false })).toBe(0);
        const lines = json(io);
        expect(lines.map((l) => `${l.phase}:${l.type}`)).toEqual(["setup:cli", "offline-plan:result", "preview:prelude", "preview:resource-pre", "preview:resource-pre", "preview:policy", "preview:summary", "preview:result"]);
        expect(lines[1]).toMatchObject({ exitCode: 0 });
        expect(lines[3]).toMatchObject({ stack: "dev", op: "create", resourceType: "azure-native:storage:StorageAccount", urn: "urn:pulumi:dev::aml-workspace::azure-native:storage:StorageAccount::st", diffs: ["allowBlobPublicAccess"] });
        expect(lines[5]).toMatchObject({ policy: "tags-required", enforcement: "warning", pack: "aml-workspace-policies", message: "Missing tag owner." });
        expect(lines.at(-1)).toMatchObject({ type: "result", changes: { create: 1, same: 1 }, violations: 1, mandatory: 0, ok: true });
        // Resource inputs and outputs never reach the log, and the CLI's display text is not mixed in.
        expect(io.stdout.join("\n")).not.toContain("do-not-log");
        expect(io.stdout.join("\n")).not.toContain("Previewing update");
        expect(io.stderr.join("\n")).toContain("Planning stack aml-workspace/dev");
    });

    it("an event delivered twice (same sequence number) is logged and counted once", async () => {
        const create = events.pre("create", "st");
        const io = capture();
        expect(await main(["dev", "--preview"], io, { deps: deps(new FakeWorkspace({ preview: { events: [create, create] } })), isTty: false })).toBe(0);
        const lines = json(io);
        expect(lines.filter((l) => l.type === "resource-pre")).toHaveLength(1);
        expect(lines.at(-1)).toMatchObject({ changes: { create: 1 } });
    });

    it("--json forces JSON lines on a terminal", async () => {
        const io = capture();
        expect(await main(["dev", "--preview", "--json"], io, { deps: deps(new FakeWorkspace({ preview })), isTty: true })).toBe(0);
        expect(() => json(io)).not.toThrow();
    });

    it("on a terminal: the plan text, the CLI's display, then a summary with counts, violations and duration", async () => {
        const io = capture();
        expect(await main(["dev", "--preview"], io, { deps: deps(new FakeWorkspace({ preview })), isTty: true })).toBe(0);
        const text = io.stdout.join("\n");
        expect(text).toContain("Planning stack aml-workspace/dev");
        expect(text).toContain("Previewing update (dev)");
        expect(text).toContain("Preview of dev: 1 to create, 1 unchanged (7 s)");
        expect(text).toContain("Policy violations: 1 (0 mandatory, 1 advisory)");
        expect(text).toMatch(/warning\s+tags-required urn:pulumi:dev::aml-workspace::azure-native:storage:StorageAccount::st: Missing tag owner\./);
        expect(() => JSON.parse(io.stdout[0])).toThrow();
    });
});

describe("the real wiring, without Pulumi", () => {
    it("the default offline plan gate is the plan CLI: an unknown stack exits 2 with its message and the fake stack is never opened", async () => {
        const ws = new FakeWorkspace();
        const io = capture();
        expect(await main(["nosuch", "--yes"], io, { deps: { ...defaultDeps(), workspace: ws }, isTty: false })).toBe(2);
        expect(ws.ops()).toEqual(["cliVersion"]);
        expect(io.stderr.join("\n")).toMatch(/plan: no stack file for "nosuch" in stacks: expected Pulumi\.nosuch\.yaml/);
        expect(io.stderr.at(-1)).toBe("deploy: the offline plan of nosuch failed (exit 2: bad config or input); not running pulumi preview or up");
    });

    it("the default policy pack config is policies/config/<stack>.json when it exists", async () => {
        const { policyConfigFor } = defaultDeps();
        expect(await policyConfigFor("no-such-stack")).toBeUndefined();
    });
});
