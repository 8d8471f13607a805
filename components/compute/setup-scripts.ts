/**
 * Setup scripts of a compute instance (pure): the ARM `ScriptReference` of a creation or startup
 * script, and what makes a script's text unfit to send.
 *
 * Sources (read 2026-12-04):
 * - "Customize the compute instance with a script"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-customize-compute-instance): the
 *   script is a shell script that runs as root; a creation script runs once, a startup script at
 *   every start; in a Resource Manager template `scriptSource` is `workspaceStorage` with
 *   `scriptData` the script's path in the notebooks file share (e.g. `Users/admin/testscript.sh`),
 *   or `inline` with `scriptData` a base64-encoded command string; `scriptArguments` are optional
 *   ($1, $2, ...); the timeout defaults to 15 minutes and is a `DURATION`, "a floating point number
 *   with an optional suffix: 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd'
 *   for days"; logs go to the notebooks share under `Logs/<instance name>`.
 * - ARM `ScriptReference` (https://learn.microsoft.com/javascript/api/@azure/arm-machinelearning/scriptreference):
 *   `scriptSource`, `scriptData`, `scriptArguments`, `timeout` ("passed to timeout command").
 *
 * Why a script from the stack folder is sent inline rather than uploaded to the workspace storage:
 * `workspaceStorage` reads the script from the workspace's notebooks *file share*. The azure-native
 * provider has resources for a share (`storage.FileShare`, through ARM) but none that writes a
 * file's content into a share; its `storage.Blob` writes blobs (with Entra ID since v3), which the
 * notebooks share does not read. The default storage account also refuses shared keys
 * (`allowSharedKeyAccess: false`) and, in a private stack, any data-plane request from outside the
 * network, so no deploy-time upload could reach it from the deploying machine. Inline base64 is
 * the documented alternative and needs neither: the text travels in the compute's ARM body.
 * A script someone put in the share through the studio is referenced with `workspacePath`.
 */
import { credentialsInText } from "../credential-values";

/** One setup script: its text (sent inline) or its path in the notebooks share, with arguments and a timeout. */
export interface ComputeInstanceScriptArgs {
    /** The script's text, sent inline (base64). Default: none (then `workspacePath` is required). */
    content?: string;
    /** Path of a script in the workspace's notebooks file share, e.g. `Users/admin/setup.sh`. Default: none (then `content` is required). */
    workspacePath?: string;
    /** Command line arguments passed to the script. Default: none. */
    arguments?: string;
    /** Time the script may run (`600`, `10m`, `1h`, `1d`). Default: Azure's 15 minutes. */
    timeout?: string;
}

/** The timeout format of the `timeout` command Azure ML passes it to. */
export const SCRIPT_TIMEOUT = /^[0-9]+(?:\.[0-9]+)?[smhd]?$/;

/** A problem of a script, `key` relative to the script (`content`, `timeout`...; empty for the script itself). */
export interface ScriptProblem {
    /** Key below the script. */
    key: string;
    /** What is wrong. */
    problem: string;
    /** How to fix it. */
    fix: string;
}

/**
 * What makes a script's text unfit: nothing to run, binary content, Windows line endings (bash
 * reads `\r` as part of each command: `$'\r': command not found`), or a credential — the text is
 * part of the compute resource, which every Reader of the workspace can read back.
 */
export function scriptTextProblems(text: string): Omit<ScriptProblem, "key">[] {
    if (text.trim() === "") return [{ problem: "is empty: there is no command to run", fix: "write the commands the instance should run, or remove the script" }];
    const out: Omit<ScriptProblem, "key">[] = [];
    if (text.includes("\u0000")) out.push({ problem: "is not text (it holds NUL bytes)", fix: "give a shell script, not a binary file" });
    if (text.includes("\r\n")) out.push({ problem: "has Windows (CRLF) line endings, which bash on the instance reads as part of each command", fix: "save it with LF line endings (e.g. dos2unix, or git config core.autocrlf input)" });
    for (const { what, line } of credentialsInText(text)) {
        out.push({
            problem: `holds ${what} (line ${line}); the script's text is part of the compute resource, readable by anyone who can read the workspace`,
            fix: "remove it: read secrets at run time with the instance's identity (az keyvault secret show, or a workspace connection)",
        });
    }
    return out;
}

/** Every problem of one script's arguments (pure; the config reports them with the script's key). */
export function setupScriptProblems(s: ComputeInstanceScriptArgs): ScriptProblem[] {
    if ((s.content === undefined) === (s.workspacePath === undefined)) {
        return [{ key: "", problem: s.content === undefined ? "gives no script" : "gives both a script text and a workspace path", fix: "give exactly one of the script text (file or inline) and workspacePath" }];
    }
    return scriptDetailProblems(s);
}

/** Problems of the parts a script gives (its text, its path in the share, its timeout), whichever are given. */
export function scriptDetailProblems(s: ComputeInstanceScriptArgs): ScriptProblem[] {
    const out: ScriptProblem[] = [];
    if (s.content !== undefined) out.push(...scriptTextProblems(s.content).map((p) => ({ key: "content", ...p })));
    if (s.workspacePath !== undefined && (s.workspacePath.startsWith("/") || s.workspacePath.split("/").includes(".."))) {
        out.push({ key: "workspacePath", problem: `("${s.workspacePath}") is not a path inside the notebooks file share`, fix: "write it relative to the share, e.g. Users/admin/setup.sh" });
    }
    if (s.timeout !== undefined && !SCRIPT_TIMEOUT.test(s.timeout)) {
        out.push({ key: "timeout", problem: `("${s.timeout}") is not a duration the timeout command takes`, fix: "write a number with an optional unit s, m, h or d, e.g. 600 or 10m" });
    }
    return out;
}

/** The ARM `ScriptReference` of a script: inline base64 text, or a path in the notebooks share. */
export function scriptReferenceOf(s: ComputeInstanceScriptArgs) {
    const inline = s.content !== undefined;
    return {
        scriptSource: inline ? "inline" : "workspaceStorage",
        scriptData: inline ? Buffer.from(s.content as string, "utf8").toString("base64") : s.workspacePath,
        scriptArguments: s.arguments,
        timeout: s.timeout,
    };
}
