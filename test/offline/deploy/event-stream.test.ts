/**
 * Engine events to JSON lines and the terminal summary (offline/deploy/event-stream.ts),
 * and the Automation API adapter's pure parts (offline/deploy/pulumi-workspace.ts).
 */
import { CommandError } from "@pulumi/pulumi/automation";
import { describeChanges, eventLine, EventTally, LineBuffer, plainText, renderSummary } from "../../../offline/deploy/event-stream";
import { automationOptions, isMissingCli, operationFailure } from "../../../offline/deploy/pulumi-workspace";
import { events } from "./fake-workspace";

describe("eventLine", () => {
    it("a resource event: op, URN, type, changed keys; never inputs or outputs", () => {
        const line = eventLine("dev", "preview", events.pre("update", "st", "azure-native:storage:StorageAccount", ["minimumTlsVersion"]));
        expect(line).toMatchObject({ stack: "dev", phase: "preview", type: "resource-pre", op: "update", resourceType: "azure-native:storage:StorageAccount", diffs: ["minimumTlsVersion"] });
        expect(JSON.stringify(line)).not.toContain("do-not-log");
        expect(eventLine("dev", "up", events.done("create", "st"))).toMatchObject({ type: "resource-done", op: "create", phase: "up" });
    });

    it("policy, diagnostic, summary and cancel events keep their fields; ephemeral diagnostics are dropped", () => {
        expect(eventLine("dev", "preview", events.policy("p", "mandatory", "\x1b[31mbad\x1b[0m", "st"))).toMatchObject({ type: "policy", policy: "p", enforcement: "mandatory", message: "bad", urn: expect.stringContaining("::st") });
        expect(eventLine("dev", "preview", events.diagnostic("warning", "<{%fg 3%}>careful<{%reset%}>\n"))).toMatchObject({ type: "diagnostic", severity: "warning", message: "careful" });
        expect(eventLine("dev", "preview", events.diagnostic("info", "…", true))).toBeUndefined();
        expect(eventLine("dev", "up", events.summary({ create: 2 }, 30))).toMatchObject({ type: "summary", resourceChanges: { create: 2 }, durationSeconds: 30, policyPacks: { "aml-workspace-policies": "0.1.0" } });
        expect(eventLine("dev", "up", events.cancel())).toMatchObject({ type: "cancel" });
    });

    it("each line is one line of JSON", () => {
        const line = JSON.stringify(eventLine("dev", "preview", events.diagnostic("error", "error: one\ntwo")));
        expect(line).not.toContain("\n");
        expect(JSON.parse(line)).toMatchObject({ message: "error: one\ntwo" });
    });

    it("plainText strips ANSI colours and Pulumi colour tags", () => {
        expect(plainText("\x1b[1m<{%bold%}>x<{%reset%}>\x1b[0m  \n")).toBe("x");
    });
});

describe("tally and summary", () => {
    it("counts resource events when the engine sent no summary, and prefers its summary when it did", () => {
        const t = new EventTally();
        for (const e of [events.pre("create", "a"), events.pre("create", "b"), events.pre("same", "c")]) t.add(e);
        expect(t.tally().changes).toEqual({ create: 2, same: 1 });
        t.add(events.summary({ create: 5 }));
        expect(t.tally().changes).toEqual({ create: 5 });
    });

    it("describes changes before and after the fact", () => {
        expect(describeChanges({ same: 40, create: 3, update: 1 }, "preview")).toBe("3 to create, 1 to update, 40 unchanged");
        expect(describeChanges({ create: 3, delete: 1 }, "up")).toBe("3 created, 1 deleted");
        expect(describeChanges({}, "preview")).toBe("no changes");
    });

    it("renders counts, duration, violations (mandatory first counted) and errors", () => {
        const t = new EventTally();
        for (const e of [
            events.pre("create", "st"),
            events.policy("storage-no-public-access", "mandatory", "Public access must be off.\nmore", "st"),
            events.policy("tags-required", "warning", "Missing owner."),
            events.diagnostic("error", "error: quota exceeded\ndetails"),
            events.cancel(),
        ])
            t.add(e);
        expect(t.mandatory).toBe(1);
        expect(renderSummary("dev", "up", t.tally()).split("\n")).toEqual([
            "Update of dev (cancelled): 1 created",
            "Policy violations: 2 (1 mandatory, 1 advisory)",
            "  mandatory storage-no-public-access urn:pulumi:dev::aml-workspace::azure-native:storage:StorageAccount::st: Public access must be off.",
            "  warning   tags-required: Missing owner.",
            "Errors: 1",
            "  error: quota exceeded",
        ]);
    });
});

it("LineBuffer writes whole lines from output chunks that split lines anywhere", () => {
    const lines: string[] = [];
    const buffer = new LineBuffer((l) => lines.push(l));
    for (const chunk of ["Previewing up", "date (dev)\r\n\n", " +  azure-native:storage:StorageAccount st cre", "ate\nResources:"]) buffer.push(chunk);
    expect(lines).toEqual(["Previewing update (dev)", "", " +  azure-native:storage:StorageAccount st create"]);
    buffer.flush();
    expect(lines.at(-1)).toBe("Resources:");
});

describe("the Automation API adapter", () => {
    /** A CommandError as the SDK's exec builds it: code -2, the execa error as `err`. */
    const commandError = (err: Record<string, unknown>): CommandError => {
        const e = Object.create(CommandError.prototype) as CommandError;
        Object.assign(e, { message: "x", commandResult: { code: -2, stdout: "", stderr: "wrapped", err } });
        return e;
    };

    it("recognises a missing executable (spawn errno ENOENT) and not a command that ran and failed", () => {
        expect(isMissingCli(commandError({ code: "ENOENT", errno: -2, stderr: "" }))).toBe(true);
        expect(isMissingCli(commandError({ exitCode: 255, stderr: "error: no stack named 'dev' found" }))).toBe(false);
        expect(isMissingCli(new Error("boom"))).toBe(false);
    });

    it("words a failed run with its exit code and Pulumi's first error line, not the dump", () => {
        const failure = operationFailure("preview", commandError({ exitCode: 255, stderr: "Previewing...\nerror: getting secrets manager: passphrase must be set\nmore noise\n", stdout: "" }));
        expect(failure.message).toBe("pulumi preview failed (exit code 255): getting secrets manager: passphrase must be set");
        expect(operationFailure("up", commandError({ exitCode: 1, stderr: "\n", stdout: "last line\n" })).message).toBe("pulumi up failed (exit code 1): last line");
        expect(operationFailure("up", commandError({ isCanceled: true, signal: "SIGINT" })).message).toBe("pulumi up was cancelled");
    });

    it("passes the policy pack, its config only when there is one, the colour, and the callbacks", () => {
        const onEvent = (): void => undefined;
        const onOutput = (): void => undefined;
        const options = automationOptions({ policyPacks: ["/repo/policies"], policyPackConfigs: [], color: "never", onEvent, onOutput });
        expect(options).toMatchObject({ policyPacks: ["/repo/policies"], color: "never", onEvent, onOutput });
        expect(options).not.toHaveProperty("policyPackConfigs");
        expect(automationOptions({ policyPacks: ["/p"], policyPackConfigs: ["/p/config/dev.json"], color: "always", onEvent, onOutput }).policyPackConfigs).toEqual(["/p/config/dev.json"]);
    });
});
