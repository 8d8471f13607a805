/** The pure parts of compute instance options: setup script references and checks, credentials in text, the args check. */
import { credentialsInText } from "../../../components/credential-values";
import { computeInstanceArgsProblems } from "../../../components/compute/compute-instance";
import { scriptReferenceOf, scriptTextProblems, setupScriptProblems } from "../../../components/compute/setup-scripts";
import { triggerProblems } from "../../../components/schedules/trigger";

describe("scriptReferenceOf", () => {
    it("sends text inline as base64 (UTF-8), as Azure documents for Resource Manager templates", () => {
        const text = "#!/bin/bash\necho \"héllo\" $1\n";
        const ref = scriptReferenceOf({ content: text, arguments: "a b", timeout: "5m" });
        expect(ref).toEqual({ scriptSource: "inline", scriptData: Buffer.from(text, "utf8").toString("base64"), scriptArguments: "a b", timeout: "5m" });
        expect(Buffer.from(ref.scriptData as string, "base64").toString("utf8")).toBe(text);
    });
    it("names a script of the notebooks share by its path", () => {
        expect(scriptReferenceOf({ workspacePath: "Users/admin/setup.sh" })).toEqual({ scriptSource: "workspaceStorage", scriptData: "Users/admin/setup.sh", scriptArguments: undefined, timeout: undefined });
    });
});

describe("setupScriptProblems", () => {
    it.each<[string, Parameters<typeof setupScriptProblems>[0], string[]]>([
        ["neither text nor path", {}, [": gives no script"]],
        ["both", { content: "echo", workspacePath: "Users/a.sh" }, [": gives both a script text and a workspace path"]],
        ["an absolute share path", { workspacePath: "/etc/setup.sh" }, ["workspacePath: "]],
        ["a bad timeout", { content: "echo", timeout: "10 minutes" }, ["timeout: "]],
        ["a fractional timeout in hours", { content: "echo", timeout: "1.5h" }, []],
    ])("%s", (_l, s, expected) => {
        expect(setupScriptProblems(s).map((p) => `${p.key}: ${p.problem}`.slice(0, expected[0]?.length ?? 0))).toEqual(expected);
    });
});

describe("scriptTextProblems and credentialsInText", () => {
    it("accepts a plain script", () => {
        expect(scriptTextProblems("#!/bin/bash\nset -e\npip install --index-url \"$1\" lightgbm\n")).toEqual([]);
    });
    it("refuses empty, binary and CRLF text", () => {
        expect(scriptTextProblems(" \n\t")).toEqual([expect.objectContaining({ problem: expect.stringContaining("is empty") })]);
        expect(scriptTextProblems("echo\u0000x").map((p) => p.problem)).toEqual([expect.stringContaining("NUL bytes")]);
        expect(scriptTextProblems("echo a\r\necho b\r\n").map((p) => p.problem)).toEqual([expect.stringContaining("CRLF")]);
    });
    it("finds credentials inside words, quotes and NAME=value pairs, with their line", () => {
        const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        expect(credentialsInText(`#!/bin/bash\nexport TOKEN="${jwt}"\ngit clone https://x:ghp_abcdefghijklmnop1234@github.com/o/r\n`)).toEqual([
            { what: "a bearer token (JWT)", line: 2 },
            { what: "an API token", line: 3 },
        ]);
        expect(credentialsInText("curl 'https://st.blob.core.windows.net/c/f?sv=1&sig=abc'\n")).toEqual([{ what: "a SAS token (sig=)", line: 1 }]);
        expect(credentialsInText("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n")).toEqual([{ what: "a private key", line: 1 }]);
        expect(credentialsInText("KEY=ghp_abcdefghijklmnop1234\n")).toEqual([{ what: "an API token", line: 1 }]);
    });
});

describe("start/stop triggers (the shared trigger module, compute use)", () => {
    const compute = { endTime: false, patternRequired: true };
    it("needs hours and minutes for a recurrence, and Day, Week or Month", () => {
        expect(triggerProblems({ recurrence: { frequency: "Day", interval: 1 } }, compute).map((p) => p.key)).toEqual(["recurrence"]);
        expect(triggerProblems({ recurrence: { frequency: "Minute", interval: 30 } }, compute).map((p) => p.key)).toEqual(["recurrence.frequency"]);
        expect(triggerProblems({ recurrence: { frequency: "Week", interval: 1, weekDays: ["Friday"], hours: [20], minutes: [0] } }, compute)).toEqual([]);
        // Workspace schedules keep their own rule: no pattern needed.
        expect(triggerProblems({ recurrence: { frequency: "Day", interval: 1 } })).toEqual([]);
    });
});

describe("computeInstanceArgsProblems (library users without the stack config)", () => {
    it("names each arg", () => {
        expect(
            computeInstanceArgsProblems({
                schedules: [{ action: "Stop", cron: { expression: "0 20 * * 1-5", endTime: "2027-01-01T00:00:00" } }],
                creationScript: {},
                startupScript: { content: "echo a\r\n" },
            }).map((l) => l.slice(0, l.indexOf(":"))),
        ).toEqual(["schedules[0].cron.endTime", "creationScript", "startupScript.content"]);
    });
});
