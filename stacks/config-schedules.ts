/**
 * Workspace schedules in the stack config (`schedules` for the single workspace,
 * `teams.<key>.schedules`): the checks on the config itself (names, triggers, where a schedule may
 * be), the job files they point at (read relative to the stack folder, parsed, and checked the way
 * the schedule needs, every problem named `<key>.job (<file>): <key in the file>: ...`), and the
 * mapping to the library's PlatformScheduleArgs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { nameProblem } from "../components/naming";
import { jobDefinitionProblems, type JobYaml } from "../components/schedules/job-definition";
import { computeNamesOf, type PlatformScheduleArgs } from "../components/schedules/job-schedule";
import { triggerProblems } from "../components/schedules/trigger";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig, PlatformConfigInput } from "./config-types";

/** A schedule as the config writes it. */
type ScheduleConfig = NonNullable<PlatformConfigInput["schedules"]>[string];

/** Job definitions read from the stack folder, by the schedule's key (`schedules.<n>`, `teams.<k>.schedules.<n>`). */
export type ScheduleJobs = Record<string, JobYaml>;

/** One schedule of the config: its key, its settings and the compute section of its workspace. */
interface ScheduleEntry {
    key: string;
    name: string;
    schedule: ScheduleConfig;
    compute: { [section: string]: unknown } | undefined;
}

function entriesOf(c: PlatformConfig): ScheduleEntry[] {
    const own = Object.entries(c.schedules ?? {}).map(([name, schedule]) => ({ key: `schedules.${name}`, name, schedule, compute: c.compute }));
    const teams = Object.entries(c.teams ?? {}).flatMap(([k, t]) => Object.entries(t.schedules ?? {}).map(([name, schedule]) => ({ key: `teams.${k}.schedules.${name}`, name, schedule, compute: t.compute })));
    return [...own, ...teams];
}

/** Names, triggers, and where a schedule may be (pure; the job files are checked by {@link readScheduleJobs}). */
export function scheduleProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    if (Object.keys(c.schedules ?? {}).length > 0 && Object.keys(c.teams ?? {}).length > 0) {
        out.push({
            path: at("schedules"),
            problem: c.sharing === "hub" ? "is set, but a hub runs no jobs (its projects do)" : "is set, but independent teams leave no platform workspace to run its jobs",
            fix: "move each schedule under teams.<key>.schedules of the team whose workspace runs it",
        });
    }
    for (const { key, name, schedule } of entriesOf(c)) {
        const bad = nameProblem("mlSchedule", name);
        if (bad) out.push({ path: at(key), problem: bad, fix: "rename the schedule" });
        for (const p of triggerProblems({ cron: schedule.cron, recurrence: schedule.recurrence })) {
            out.push({ path: at(p.key ? `${key}.${p.key}` : key), problem: p.problem, fix: p.fix });
        }
        if (path.isAbsolute(schedule.job) || path.normalize(schedule.job).split(path.sep)[0] === "..") {
            out.push({ path: at(`${key}.job`), problem: `("${schedule.job}") leaves the stack folder`, fix: "keep job files under the stack folder, e.g. jobs/retrain.yaml" });
        }
    }
    return out;
}

/** The checks config.ts runs with the other semantic checks. */
export const SCHEDULE_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [scheduleProblems];

/** Reads a file's text, or undefined when there is no such file. */
export type ReadFile = (absolutePath: string) => string | undefined;

const readFromDisk: ReadFile = (p) => {
    try {
        return fs.readFileSync(p, "utf8");
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EISDIR") return undefined;
        throw e;
    }
};

/**
 * Reads, parses and checks every schedule's job file, relative to `stackDir`. A job is checked
 * against the computes of its own workspace (the team's, or the single workspace's).
 */
export function readScheduleJobs(c: PlatformConfig, stackDir: string, read: ReadFile = readFromDisk): { jobs: ScheduleJobs; problems: ConfigProblem[] } {
    const jobs: ScheduleJobs = {};
    const problems: ConfigProblem[] = [];
    for (const { key, schedule, compute } of entriesOf(c)) {
        const file = schedule.job;
        const where = `${at(`${key}.job`)} (${file})`;
        const text = read(path.resolve(stackDir, file));
        if (text === undefined) {
            problems.push({ path: at(`${key}.job`), problem: `names ${file}, which is not a file in the stack folder`, fix: `create ${path.join(path.basename(stackDir), file)}, or correct the path (it is relative to the stack folder)` });
            continue;
        }
        const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
        if (doc.errors.length > 0) {
            for (const e of doc.errors) {
                const line = e.linePos?.[0];
                problems.push({ path: where, problem: `is not valid YAML${line ? ` at line ${line.line}, column ${line.col}` : ""}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`, fix: "fix the YAML syntax" });
            }
            continue;
        }
        const job: unknown = doc.toJS();
        for (const p of jobDefinitionProblems(job, { computeNames: computeNamesOf(compute) })) {
            problems.push({ path: where, problem: p.key ? `${p.key}: ${p.problem}` : p.problem, fix: p.fix });
        }
        jobs[key] = job as JobYaml;
    }
    return { jobs, problems };
}

/** The library's schedule args of one workspace's `schedules` section (`base`: `schedules` or `teams.<k>.schedules`). */
export function scheduleArgsOf(schedules: Record<string, ScheduleConfig> | undefined, base: string, jobs: ScheduleJobs): Record<string, PlatformScheduleArgs> | undefined {
    if (schedules === undefined) return undefined;
    return Object.fromEntries(
        Object.entries(schedules).map(([n, s]) => {
            const job = jobs[`${base}.${n}`];
            // The program reads every job file before it maps the config (stacks/program.ts).
            if (job === undefined) throw new Error(`${at(`${base}.${n}.job`)}: ${s.job} was not read`);
            return [n, { job, cron: s.cron, recurrence: s.recurrence, enabled: s.enabled, description: s.description, displayName: s.displayName }];
        }),
    );
}
