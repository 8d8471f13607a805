/**
 * Compute instances in the stack config (`compute.instances` and `teams.<key>.compute.instances`):
 * the checks on the config itself (who the instance is assigned to, its start/stop schedules, the
 * shape of its setup scripts), the script files it names (read relative to the stack folder, the
 * way config-schedules.ts reads job files, every problem named by its key), and the mapping to the
 * library's PlatformComputeArgs.
 *
 * A script file's text is sent inline (base64), not uploaded: components/compute/setup-scripts.ts
 * says why (no azure-native resource writes into the notebooks file share, and the default storage
 * refuses shared keys and outside traffic).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlatformComputeArgs, PlatformInstanceArgs } from "../components/platform-args";
import type { ComputeInstanceScriptArgs } from "../components/compute/setup-scripts";
import { scriptDetailProblems, scriptTextProblems } from "../components/compute/setup-scripts";
import { triggerProblems } from "../components/schedules/trigger";
import { at, type ConfigProblem } from "./config-errors";
import type { Cluster, Instance, SetupScript } from "./config-schema.generated";
import type { PlatformConfig } from "./config-types";

/** The two setup scripts of an instance, as the config names them. */
const SCRIPT_KINDS = ["creation", "startup"] as const;
type ScriptKind = (typeof SCRIPT_KINDS)[number];

/** Script texts read from the stack folder, by the script's key (`compute.instances.<n>.setupScripts.<kind>`). */
export type SetupScriptTexts = Record<string, string>;

/** One instance of the config with its key path. */
interface InstanceEntry {
    key: string;
    instance: Instance;
}

function instancesOf(c: PlatformConfig): InstanceEntry[] {
    const own = Object.entries(c.compute?.instances ?? {}).map(([n, instance]) => ({ key: `compute.instances.${n}`, instance }));
    const teams = Object.entries(c.teams ?? {}).flatMap(([k, t]) => Object.entries(t.compute?.instances ?? {}).map(([n, instance]) => ({ key: `teams.${k}.compute.instances.${n}`, instance })));
    return [...own, ...teams];
}

const join = (base: string, key: string): string => (key === "" ? base : `${base}.${key}`);

/** Who the instance is assigned to: an object ID, or the deploying principal by explicit choice (never in prod). */
function assignedUserProblems(key: string, i: Instance, production: boolean): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    if (i.assignedUserObjectId === undefined && !i.assignToDeployingPrincipal) {
        out.push({
            path: at(`${key}.assignedUserObjectId`),
            problem: "is required: an instance belongs to one user, and the toolkit never assigns it to whoever deploys",
            fix: `give the user's Entra object ID (az ad user show --id <upn> --query id)${production ? "" : ", or set assignToDeployingPrincipal: true for your own dev instance"}`,
        });
    }
    if (i.assignedUserObjectId !== undefined && i.assignToDeployingPrincipal) {
        out.push({ path: at(`${key}.assignToDeployingPrincipal`), problem: "is true together with assignedUserObjectId", fix: "keep one: assignedUserObjectId names the user" });
    }
    if (i.assignToDeployingPrincipal && production) {
        out.push({
            path: at(`${key}.assignToDeployingPrincipal`),
            problem: "is true in a prod stack (environment: prod): the instance would belong to the deploying principal (often a CI service principal), not a person",
            fix: "remove it and set assignedUserObjectId to the user's Entra object ID (az ad user show --id <upn> --query id)",
        });
    }
    return out;
}

/** Which one script source the config gives (file, inline or workspacePath), or a problem. */
function scriptShapeProblems(key: string, s: SetupScript): ConfigProblem[] {
    const given = (["file", "inline", "workspacePath"] as const).filter((k) => s[k] !== undefined);
    if (given.length !== 1) {
        return [{ path: at(key), problem: given.length === 0 ? "gives no script" : `gives ${given.join(" and ")}`, fix: "give exactly one of file (in the stack folder), inline (the text) and workspacePath (in the notebooks file share)" }];
    }
    const out: ConfigProblem[] = [];
    if (s.file !== undefined && leavesFolder(s.file)) {
        out.push({ path: at(`${key}.file`), problem: `("${s.file}") leaves the stack folder`, fix: "keep setup scripts under the stack folder, e.g. scripts/setup-pip.sh" });
    }
    // The text of an inline script and the share path of any script: the library's own rules (a
    // file's text is checked once it is read, by readSetupScripts; the timeout's format is the
    // schema's pattern, and reading it here would skip this whole check when it is invalid).
    for (const p of scriptDetailProblems({ content: s.inline, workspacePath: s.workspacePath })) {
        out.push({ path: at(join(key, p.key === "content" ? "inline" : p.key)), problem: p.problem, fix: p.fix });
    }
    return out;
}

/** An absolute path, or one whose `..` climbs out of the folder it is relative to. */
function leavesFolder(file: string): boolean {
    return path.isAbsolute(file) || path.normalize(file).split(path.sep)[0] === "..";
}

/** Who each instance is assigned to. */
export function assignedUserCheck(c: PlatformConfig): ConfigProblem[] {
    return instancesOf(c).flatMap(({ key, instance }) => assignedUserProblems(key, instance, c.production));
}

/** Each instance's start/stop schedules: the shared trigger rules, with no end time and a required recurrence pattern. */
export function instanceScheduleCheck(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const { key, instance } of instancesOf(c)) {
        for (const [label, s] of Object.entries(instance.schedules ?? {})) {
            const base = `${key}.schedules.${label}`;
            for (const p of triggerProblems({ cron: s.cron, recurrence: s.recurrence }, { endTime: false, patternRequired: true })) {
                out.push({ path: at(join(base, p.key)), problem: p.problem, fix: p.fix });
            }
        }
    }
    return out;
}

/** The shape of each instance's setup scripts (script files are read by {@link readSetupScripts}). */
export function setupScriptCheck(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const { key, instance } of instancesOf(c)) {
        for (const kind of SCRIPT_KINDS) {
            const s = instance.setupScripts?.[kind];
            if (s !== undefined) out.push(...scriptShapeProblems(`${key}.setupScripts.${kind}`, s));
        }
    }
    return out;
}

/**
 * The checks config.ts runs with the other semantic checks: one per concern, so a schema-invalid
 * value in one (which skips that check, stacks/config-guard.ts) leaves the others reporting.
 */
export const INSTANCE_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [assignedUserCheck, instanceScheduleCheck, setupScriptCheck];

/** Reads a file's text; throws (with the Node error code) when it cannot. */
export type ReadScript = (absolutePath: string) => string;

const readFromDisk: ReadScript = (p) => fs.readFileSync(p, "utf8");

/**
 * Reads every setup script given as `file`, relative to `stackDir`, and checks its text. A missing,
 * unreadable or empty file, or one whose real path (symbolic links followed) leaves the stack
 * folder, is a problem at `<script key>.file`.
 */
export function readSetupScripts(c: PlatformConfig, stackDir: string, read: ReadScript = readFromDisk): { scripts: SetupScriptTexts; problems: ConfigProblem[] } {
    const scripts: SetupScriptTexts = {};
    const problems: ConfigProblem[] = [];
    for (const { key, instance } of instancesOf(c)) {
        for (const kind of SCRIPT_KINDS) {
            const file = instance.setupScripts?.[kind]?.file;
            if (file === undefined || leavesFolder(file)) continue;
            const scriptKey = `${key}.setupScripts.${kind}`;
            const fileKey = `${scriptKey}.file`;
            const where = `${at(fileKey)} (${file})`;
            const absolute = path.resolve(stackDir, file);
            let text: string;
            try {
                if (escapesThroughLink(stackDir, absolute)) {
                    problems.push({ path: at(fileKey), problem: `(${file}) is a link to a file outside the stack folder`, fix: "copy the script into the stack folder" });
                    continue;
                }
                text = read(absolute);
            } catch (e) {
                const code = (e as NodeJS.ErrnoException).code;
                problems.push(
                    code === "ENOENT" || code === "EISDIR"
                        ? { path: at(fileKey), problem: `names ${file}, which is not a file in the stack folder`, fix: `create ${path.join(path.basename(stackDir), file)}, or correct the path (it is relative to the stack folder)` }
                        : { path: at(fileKey), problem: `names ${file}, which cannot be read (${code ?? (e as Error).message})`, fix: "make the file readable by the user running the deployment" },
                );
                continue;
            }
            const bad = scriptTextProblems(text);
            for (const p of bad) problems.push({ path: where, problem: p.problem, fix: p.fix });
            if (bad.length === 0) scripts[scriptKey] = text;
        }
    }
    return { scripts, problems };
}

/** Whether `absolute` exists and its real path (links followed) is outside the real stack folder. */
function escapesThroughLink(stackDir: string, absolute: string): boolean {
    if (!fs.existsSync(absolute)) return false;
    const rel = path.relative(fs.realpathSync(stackDir), fs.realpathSync(absolute));
    return rel.startsWith("..") || path.isAbsolute(rel);
}

/** The library's script args of one configured script; a file's text comes from {@link readSetupScripts}. */
function scriptArgsOf(s: SetupScript | undefined, scriptKey: string, texts: SetupScriptTexts): ComputeInstanceScriptArgs | undefined {
    if (s === undefined) return undefined;
    let content = s.inline;
    if (s.file !== undefined) {
        content = texts[scriptKey];
        // The program reads every script file before it maps the config (stacks/program.ts).
        if (content === undefined) throw new Error(`${at(`${scriptKey}.file`)}: ${s.file} was not read`);
    }
    return { content, workspacePath: s.workspacePath, arguments: s.arguments, timeout: s.timeout };
}

/** The library's instance args of one configured instance (`key`: its config path). */
function instanceArgsOf(i: Instance, key: string, texts: SetupScriptTexts): PlatformInstanceArgs {
    const script = (kind: ScriptKind) => scriptArgsOf(i.setupScripts?.[kind], `${key}.setupScripts.${kind}`, texts);
    return {
        vmSize: i.vmSize,
        idleTimeBeforeShutdown: i.idleTimeBeforeShutdown,
        assignedUserObjectId: i.assignedUserObjectId,
        assignToDeployingPrincipal: i.assignToDeployingPrincipal,
        enableSso: i.enableSso,
        schedules: Object.values(i.schedules ?? {}).map((s) => ({ action: s.action, cron: s.cron, recurrence: s.recurrence, enabled: s.enabled })),
        creationScript: script("creation"),
        startupScript: script("startup"),
    };
}

/** The library's compute args of one compute section (`base`: `compute` or `teams.<k>.compute`). */
export function computeArgsOf(
    compute: { clusters: Record<string, Cluster>; instances: Record<string, Instance>; kubernetes?: PlatformComputeArgs["kubernetes"] },
    base: string,
    texts: SetupScriptTexts,
): PlatformComputeArgs {
    return {
        clusters: compute.clusters,
        kubernetes: compute.kubernetes,
        instances: Object.fromEntries(Object.entries(compute.instances).map(([n, i]) => [n, instanceArgsOf(i, `${base}.instances.${n}`, texts)])),
    };
}
