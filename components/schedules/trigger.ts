/**
 * When a schedule fires (pure): the cron and recurrence triggers Azure ML accepts, their checks and
 * their ARM shapes. One module for both users of a trigger: workspace job schedules
 * (`Microsoft.MachineLearningServices/workspaces/schedules`, `TriggerBase`) and a compute
 * instance's start/stop schedules (`ComputeStartStopSchedule`), so a trigger that is valid in one
 * place is valid in the other.
 *
 * Sources (read 2026-12-02):
 * - "CLI (v2) schedule YAML schema" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-schedule):
 *   a cron expression has five space-delimited fields `MINUTES HOURS DAYS MONTHS DAYS-OF-WEEK`;
 *   recurrence `frequency` minute/hour/day/week/month with an `interval`; a pattern of `hours`
 *   (0-23) and `minutes` (0-59) when the frequency is day, plus `week_days` when it is week or month;
 *   UTC when no time zone is given.
 * - "Schedule machine learning pipeline jobs", FAQ
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-schedule-pipeline-job): "If you're
 *   using cron expressions, MONTH isn't supported. If you pass a value, it will be ignored and
 *   treated as *" — so a month other than `*` is refused rather than silently widened.
 * - ARM `Cron` / `CronTrigger` (https://learn.microsoft.com/javascript/api/@azure/arm-machinelearning/crontrigger):
 *   the expression follows NCronTab (no seconds, no `?`, `L`, `W`, `#` or `@` macros; day of week
 *   0-6, Sunday 0); `startTime`/`endTime` in ISO 8601 without a UTC offset (`2026-01-31T08:00:00`).
 */
import { CronExpressionParser } from "cron-parser";
import { DEFAULT_SCHEDULE_TIME_ZONE, scheduleTimeZone } from "./time-zones";

/** Unit of a recurrence. An `as const` object (the component analyzer turns it into a schema enum). */
export const RecurrenceFrequency = {
    /** Every `interval` minutes. */
    Minute: "Minute",
    /** Every `interval` hours. */
    Hour: "Hour",
    /** Every `interval` days, at the pattern's hours and minutes. */
    Day: "Day",
    /** Every `interval` weeks, on the pattern's week days. */
    Week: "Week",
    /** Every `interval` months, on the pattern's week days. */
    Month: "Month",
} as const;
/** A {@link RecurrenceFrequency} value. */
export type RecurrenceFrequency = (typeof RecurrenceFrequency)[keyof typeof RecurrenceFrequency];

/** A day of the week as ARM spells it. */
export const WeekDay = {
    /** Monday. */ Monday: "Monday",
    /** Tuesday. */ Tuesday: "Tuesday",
    /** Wednesday. */ Wednesday: "Wednesday",
    /** Thursday. */ Thursday: "Thursday",
    /** Friday. */ Friday: "Friday",
    /** Saturday. */ Saturday: "Saturday",
    /** Sunday. */ Sunday: "Sunday",
} as const;
/** A {@link WeekDay} value. */
export type WeekDay = (typeof WeekDay)[keyof typeof WeekDay];

/** A cron trigger. */
export interface CronTriggerArgs {
    /** Five-field NCronTab expression, e.g. `0 19 * * 1-5`. Required. */
    expression: string;
    /** Windows time zone ID (see time-zones.ts). Default `UTC`. */
    timeZone?: string;
    /** First time it may fire, `yyyy-MM-ddTHH:mm:ss` in `timeZone`. Default: when created. */
    startTime?: string;
    /** Last time it may fire, same format. Default: never ends. */
    endTime?: string;
}

/** A recurrence trigger. */
export interface RecurrenceTriggerArgs {
    /** Unit of the recurrence. Required. */
    frequency: RecurrenceFrequency;
    /** Fires every `interval` units (1 or more). Required. */
    interval: number;
    /** Hours of the day it fires at (0-23; Day, Week and Month only). Default: from `startTime`. */
    hours?: number[];
    /** Minutes of the hour it fires at (0-59; Day, Week and Month only). Default: from `startTime`. */
    minutes?: number[];
    /** Week days it fires on (Week and Month only). Default: every day. */
    weekDays?: WeekDay[];
    /** Windows time zone ID. Default `UTC`. */
    timeZone?: string;
    /** First time it may fire, `yyyy-MM-ddTHH:mm:ss`. Default: when created. */
    startTime?: string;
    /** Last time it may fire. Default: never ends. */
    endTime?: string;
}

/** A trigger: exactly one of `cron` and `recurrence`. */
export interface TriggerArgs {
    /** Cron trigger. Default: none. */
    cron?: CronTriggerArgs;
    /** Recurrence trigger. Default: none. */
    recurrence?: RecurrenceTriggerArgs;
}

/** One problem of a trigger: `key` is relative to the trigger (`cron.expression`, `recurrence.hours`). */
export interface TriggerProblem {
    /** Key below the trigger the problem is at. */
    key: string;
    /** What is wrong. */
    problem: string;
    /** How to fix it. */
    fix: string;
}

const FIELDS = ["minutes", "hours", "days", "months", "days-of-week"] as const;
const UNSUPPORTED = /[?LW#@]/i;

/** Problems of a cron expression, as texts (empty when Azure accepts it). */
export function cronExpressionProblems(expression: string): string[] {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== FIELDS.length) {
        return [`has ${fields.length} field${fields.length === 1 ? "" : "s"}; Azure ML takes five (${FIELDS.join(" ")}), no seconds and no @ macros`];
    }
    const out: string[] = [];
    if (UNSUPPORTED.test(expression.replace(/\b(?:MON|TUE|WED|THU|FRI|SAT|SUN|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b/gi, ""))) {
        out.push("uses ?, L, W, # or @, which NCronTab (Azure ML's cron) does not support");
    }
    if (fields[3] !== "*") out.push(`sets the month field ("${fields[3]}"), which Azure ML ignores and treats as *`);
    if (fields[4].split(/[,/-]/).some((t) => t === "7")) out.push("uses 7 for Sunday; NCronTab days of week are 0-6 (Sunday is 0)");
    if (out.length > 0) return out;
    try {
        CronExpressionParser.parse(expression, { strict: false });
    } catch (e) {
        out.push(`is not a valid cron expression: ${(e as Error).message}`);
    }
    return out;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** Whether `value` is a real `yyyy-MM-ddTHH:mm:ss` time (no offset, as ARM takes it). */
export function isLocalDateTime(value: string): boolean {
    const m = LOCAL_TIME.exec(value);
    if (!m) return false;
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

function windowProblems(t: { timeZone?: string; startTime?: string; endTime?: string }, base: string, endTime: boolean): TriggerProblem[] {
    const out: TriggerProblem[] = [];
    if (!endTime && t.endTime !== undefined) {
        out.push({ key: `${base}.endTime`, problem: "is not supported here (a compute instance's start/stop schedule has no end time)", fix: "remove endTime, or disable the schedule with enabled: false" });
    }
    if (t.timeZone !== undefined) {
        const known = scheduleTimeZone(t.timeZone);
        if (known !== t.timeZone) {
            out.push({
                key: `${base}.timeZone`,
                problem: `"${t.timeZone}" is not a time zone Azure ML schedules accept`,
                fix: known ? `write it "${known}"` : 'use a Windows time zone ID, e.g. "UTC" or "W. Europe Standard Time" (README, "Schedules")',
            });
        }
    }
    for (const k of ["startTime", "endTime"] as const) {
        const v = t[k];
        if (v !== undefined && !isLocalDateTime(v)) {
            out.push({ key: `${base}.${k}`, problem: `"${v}" is not a yyyy-MM-ddTHH:mm:ss time`, fix: "write it like 2026-01-31T08:00:00, without a UTC offset (the time zone is timeZone)" });
        }
    }
    if (t.startTime && t.endTime && isLocalDateTime(t.startTime) && isLocalDateTime(t.endTime) && t.endTime <= t.startTime) {
        out.push({ key: `${base}.endTime`, problem: `(${t.endTime}) is not after startTime (${t.startTime})`, fix: "move endTime after startTime, or remove it" });
    }
    return out;
}

function recurrenceProblems(r: RecurrenceTriggerArgs, endTime: boolean, patternRequired: boolean): TriggerProblem[] {
    const out = windowProblems(r, "recurrence", endTime);
    if (patternRequired && r.frequency !== "Day" && r.frequency !== "Week" && r.frequency !== "Month") {
        out.push({ key: "recurrence.frequency", problem: `is ${r.frequency}, which takes no hours and minutes, but a compute instance's recurrence needs them`, fix: "use frequency Day, Week or Month with hours and minutes" });
    } else if (patternRequired && r.hours === undefined && r.minutes === undefined && r.weekDays === undefined) {
        out.push({ key: "recurrence", problem: "has no hours and minutes, which a compute instance's recurrence needs (ARM ComputeStartStopSchedule: the recurrence schedule is required)", fix: "add hours: [20] and minutes: [0] (the time it acts)" });
    }
    if (!Number.isInteger(r.interval) || r.interval < 1) out.push({ key: "recurrence.interval", problem: `(${r.interval}) is not a whole number of 1 or more`, fix: "set interval: 1 or more" });
    const patterned = r.frequency === "Day" || r.frequency === "Week" || r.frequency === "Month";
    const hasPattern = r.hours !== undefined || r.minutes !== undefined;
    if (hasPattern && !patterned) {
        out.push({ key: "recurrence", problem: `sets hours or minutes with frequency ${r.frequency}, where Azure ML takes no pattern`, fix: "remove hours and minutes, or use frequency Day, Week or Month" });
    } else if ((hasPattern || r.weekDays !== undefined) && (r.hours === undefined || r.minutes === undefined)) {
        // ARM's RecurrenceSchedule requires both lists once a pattern is given.
        out.push({ key: `recurrence.${r.hours === undefined ? "hours" : "minutes"}`, problem: "is missing: a pattern (hours, minutes, weekDays) needs both hours and minutes", fix: `add ${r.hours === undefined ? "hours: [0]" : "minutes: [0]"}` });
    }
    if (r.weekDays !== undefined && r.frequency !== "Week" && r.frequency !== "Month") {
        out.push({ key: "recurrence.weekDays", problem: `is set with frequency ${r.frequency}; week days apply to Week and Month only`, fix: "use frequency Week, or remove weekDays" });
    }
    const range = (key: "hours" | "minutes", max: number): void => {
        const bad = (r[key] ?? []).filter((n) => !Number.isInteger(n) || n < 0 || n > max);
        if (bad.length > 0) out.push({ key: `recurrence.${key}`, problem: `has ${bad.join(", ")}, outside 0-${max}`, fix: `use whole numbers from 0 to ${max}` });
    };
    range("hours", 23);
    range("minutes", 59);
    return out;
}

/** Where a trigger is used: a compute instance's start/stop schedule takes no end time and needs a recurrence pattern. */
export interface TriggerUse {
    /** Whether `endTime` is accepted. Default true (workspace schedules). */
    endTime?: boolean;
    /**
     * Whether a recurrence must give its hours and minutes. Default false (workspace schedules).
     * A compute instance's `Recurrence.schedule` is "[Required]" in the ARM spec
     * (azure-native `machinelearningservices` RecurrenceArgs, ComputeRecurrenceScheduleArgs).
     */
    patternRequired?: boolean;
}

/** Every problem of a trigger, keys relative to it. */
export function triggerProblems(t: TriggerArgs, use: TriggerUse = {}): TriggerProblem[] {
    const endTime = use.endTime ?? true;
    if ((t.cron === undefined) === (t.recurrence === undefined)) {
        return [{ key: "", problem: t.cron ? "has both cron and recurrence" : "has neither cron nor recurrence", fix: "give exactly one of cron and recurrence" }];
    }
    if (t.cron) {
        const out = cronExpressionProblems(t.cron.expression).map((problem) => ({ key: "cron.expression", problem, fix: 'write five fields, e.g. "0 19 * * 1-5" (19:00 on weekdays)' }));
        return [...out, ...windowProblems(t.cron, "cron", endTime)];
    }
    return recurrenceProblems(t.recurrence!, endTime, use.patternRequired ?? false);
}

/** The ARM recurrence pattern, or undefined when none is given. */
function recurrencePattern(r: RecurrenceTriggerArgs) {
    if (r.hours === undefined && r.minutes === undefined && r.weekDays === undefined) return undefined;
    return { hours: r.hours ?? [], minutes: r.minutes ?? [], weekDays: r.weekDays };
}

/** The `trigger` of a workspace schedule (ARM `CronTrigger` or `RecurrenceTrigger`). */
export function scheduleTriggerOf(t: TriggerArgs) {
    if (t.cron) {
        const c = t.cron;
        return { triggerType: "Cron" as const, expression: c.expression, timeZone: c.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE, startTime: c.startTime, endTime: c.endTime };
    }
    const r = t.recurrence!;
    return {
        triggerType: "Recurrence" as const,
        frequency: r.frequency,
        interval: r.interval,
        schedule: recurrencePattern(r),
        timeZone: r.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE,
        startTime: r.startTime,
        endTime: r.endTime,
    };
}

/** Start or stop, for a compute instance schedule. */
export const ComputeScheduleAction = {
    /** Start the instance. */
    Start: "Start",
    /** Stop the instance. */
    Stop: "Stop",
} as const;
/** A {@link ComputeScheduleAction} value. */
export type ComputeScheduleAction = (typeof ComputeScheduleAction)[keyof typeof ComputeScheduleAction];

/** One entry of a compute instance's `schedules.computeStartStop` (ARM `ComputeStartStopSchedule`). */
export function computeStartStopOf(action: ComputeScheduleAction, t: TriggerArgs, enabled = true) {
    const status = enabled ? ("Enabled" as const) : ("Disabled" as const);
    if (t.cron) {
        const c = t.cron;
        return { action, status, triggerType: "Cron" as const, cron: { expression: c.expression, timeZone: c.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE, startTime: c.startTime } };
    }
    const r = t.recurrence!;
    return {
        action,
        status,
        triggerType: "Recurrence" as const,
        recurrence: { frequency: r.frequency, interval: r.interval, schedule: recurrencePattern(r), timeZone: r.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE, startTime: r.startTime },
    };
}
