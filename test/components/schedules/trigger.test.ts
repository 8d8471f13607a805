import { computeStartStopOf, cronExpressionProblems, isLocalDateTime, scheduleTriggerOf, triggerProblems } from "../../../components/schedules/trigger";
import { SCHEDULE_TIME_ZONES, scheduleTimeZone } from "../../../components/schedules/time-zones";

describe("cron expressions Azure ML accepts", () => {
    it.each(["0 19 * * 1-5", "*/15 8-18 * * MON-FRI", "0 2 1,15 * *", "30 6 * * 0"])("accepts %s", (e) => {
        expect(cronExpressionProblems(e)).toEqual([]);
    });
    it.each([
        ["0 0 19 * * 1-5", /has 6 fields/],
        ["@daily", /has 1 field;/],
        ["0 0 L * *", /\?, L, W, # or @/],
        ["0 0 ? * MON", /\?, L, W, # or @/],
        ["0 0 * 6 *", /month field \("6"\)/],
        ["0 0 * * 7", /Sunday is 0/],
        ["61 * * * *", /not a valid cron expression/],
        ["0 25 * * *", /not a valid cron expression/],
    ])("refuses %s", (e, why) => {
        expect(cronExpressionProblems(e).join("; ")).toMatch(why);
    });
});

describe("trigger checks", () => {
    it("needs exactly one of cron and recurrence", () => {
        expect(triggerProblems({})[0].problem).toMatch(/neither/);
        expect(triggerProblems({ cron: { expression: "0 1 * * *" }, recurrence: { frequency: "Day", interval: 1 } })[0].problem).toMatch(/both/);
    });
    it("names the key of each problem and suggests the right spelling of a time zone", () => {
        const problems = triggerProblems({ cron: { expression: "0 1 * * *", timeZone: "w. europe standard time", startTime: "2026-02-30T08:00:00" } });
        expect(problems.map((p) => p.key)).toEqual(["cron.timeZone", "cron.startTime"]);
        expect(problems[0].fix).toContain('"W. Europe Standard Time"');
    });
    it("refuses an IANA zone, which Azure ML schedules do not take", () => {
        expect(triggerProblems({ cron: { expression: "0 1 * * *", timeZone: "Europe/Amsterdam" } })[0].key).toBe("cron.timeZone");
    });
    it("refuses a pattern where the frequency takes none, and week days outside Week and Month", () => {
        expect(triggerProblems({ recurrence: { frequency: "Hour", interval: 2, hours: [1], minutes: [0] } })[0].problem).toMatch(/no pattern/);
        expect(triggerProblems({ recurrence: { frequency: "Day", interval: 1, hours: [1], minutes: [0], weekDays: ["Monday"] } })[0].key).toBe("recurrence.weekDays");
    });
    it("needs both hours and minutes once a pattern is given", () => {
        expect(triggerProblems({ recurrence: { frequency: "Week", interval: 1, weekDays: ["Monday"], hours: [8] } })[0].key).toBe("recurrence.minutes");
    });
    it("refuses an end before the start, and an end time where it is not supported", () => {
        const cron = { expression: "0 1 * * *", startTime: "2026-03-01T00:00:00", endTime: "2026-02-01T00:00:00" };
        expect(triggerProblems({ cron }).map((p) => p.key)).toEqual(["cron.endTime"]);
        expect(triggerProblems({ cron: { expression: "0 1 * * *", endTime: "2027-01-01T00:00:00" } }, { endTime: false })[0].problem).toMatch(/no end time/);
    });
    it("accepts a valid recurrence", () => {
        expect(triggerProblems({ recurrence: { frequency: "Week", interval: 1, weekDays: ["Monday", "Thursday"], hours: [6], minutes: [30], timeZone: "UTC" } })).toEqual([]);
    });
});

describe("ARM shapes", () => {
    it("a workspace schedule trigger defaults to UTC", () => {
        expect(scheduleTriggerOf({ cron: { expression: "0 2 * * *" } })).toEqual({ triggerType: "Cron", expression: "0 2 * * *", timeZone: "UTC", startTime: undefined, endTime: undefined });
        expect(scheduleTriggerOf({ recurrence: { frequency: "Week", interval: 1, weekDays: ["Monday"], hours: [6], minutes: [0] } })).toMatchObject({
            triggerType: "Recurrence",
            frequency: "Week",
            schedule: { hours: [6], minutes: [0], weekDays: ["Monday"] },
        });
    });
    it("a compute instance start/stop entry carries the action, the status and the trigger", () => {
        expect(computeStartStopOf("Stop", { cron: { expression: "0 19 * * 1-5", timeZone: "W. Europe Standard Time" } })).toEqual({
            action: "Stop",
            status: "Enabled",
            triggerType: "Cron",
            cron: { expression: "0 19 * * 1-5", timeZone: "W. Europe Standard Time", startTime: undefined },
        });
        expect(computeStartStopOf("Start", { recurrence: { frequency: "Day", interval: 1, hours: [8], minutes: [0] } }, false)).toMatchObject({ status: "Disabled", triggerType: "Recurrence" });
    });
});

describe("time zone table", () => {
    it("holds UTC and unique zones", () => {
        expect(SCHEDULE_TIME_ZONES).toContain("UTC");
        expect(new Set(SCHEDULE_TIME_ZONES.map((z) => z.toLowerCase())).size).toBe(SCHEDULE_TIME_ZONES.length);
        expect(scheduleTimeZone("pacific standard time")).toBe("Pacific Standard Time");
    });
    it("reads real local times only", () => {
        expect(isLocalDateTime("2026-12-02T08:00:00")).toBe(true);
        expect(isLocalDateTime("2026-12-02T08:00:00Z")).toBe(false);
        expect(isLocalDateTime("2026-13-02T08:00:00")).toBe(false);
    });
});
