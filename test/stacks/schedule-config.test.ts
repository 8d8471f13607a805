/**
 * Schedules in the stack config: the checks on `schedules` / `teams.<key>.schedules`, the job files
 * read relative to the stack folder (every problem named by its config key, the file and the key
 * inside it), and one run of the real program: a team's weekly retraining reaches Azure as a
 * schedule of the team's workspace that waits for its cluster.
 */
import * as path from "node:path";
import { loadPlatformConfig } from "../../stacks/config";
import { formatProblem } from "../../stacks/config-errors";
import { readScheduleJobs, type ReadFile } from "../../stacks/config-schedules";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { allOfType, baseConfig, runPlatform } from "../helpers/stack";

const P = "aml-workspace:platform";
const weekly = { frequency: "Week", interval: 1, weekDays: ["Sunday"], hours: [2], minutes: [0], timeZone: "W. Europe Standard Time" };
const team = (schedules: Record<string, unknown>, clusters: Record<string, unknown> = { "risk-cpu": { vmSize: "Standard_DS3_v2", maxNodes: 4 } }) => ({
    teams: { risk: { compute: { clusters }, schedules } },
});

describe("schedule settings", () => {
    it("a valid schedule loads, enabled by default", () => {
        const c = loadPlatformConfig(baseConfig(team({ retrain: { job: "jobs/retrain.yaml", recurrence: weekly } })), TEST_CONTEXT);
        expect(c.teams?.risk.schedules?.retrain).toEqual({ job: "jobs/retrain.yaml", recurrence: weekly, enabled: true });
    });
    it("trigger problems name the full key", () => {
        expect(problemLines(baseConfig(team({ retrain: { job: "jobs/retrain.yaml", cron: { expression: "0 2 * 1 *", timeZone: "Europe/Berlin" } } })))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.teams\\.risk\\.schedules\\.retrain\\.cron\\.expression: sets the month field`)),
            expect.stringMatching(new RegExp(`^${P}\\.teams\\.risk\\.schedules\\.retrain\\.cron\\.timeZone: "Europe/Berlin" is not a time zone`)),
        ]);
        expect(problemLines(baseConfig(team({ retrain: { job: "jobs/retrain.yaml" } })))).toEqual([
            `${P}.teams.risk.schedules.retrain: has neither cron nor recurrence (give exactly one of cron and recurrence)`,
        ]);
    });
    it("a schedule name Azure refuses is a problem at the schedule", () => {
        expect(problemLines(baseConfig({ schedules: { "re.train": { job: "jobs/r.yaml", recurrence: weekly } } }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.schedules\\.re\\.train: workspace schedule name must be 1-255 letters, digits, hyphens and underscores`)),
        ]);
    });
    it("a job path must be a YAML file inside the stack folder", () => {
        expect(problemLines(baseConfig({ schedules: { retrain: { job: "../secrets/retrain.yaml", recurrence: weekly } } }))).toEqual([expect.stringContaining(`${P}.schedules.retrain.job: ("../secrets/retrain.yaml") leaves the stack folder`)]);
        expect(problemLines(baseConfig({ schedules: { retrain: { job: "jobs/retrain.json", recurrence: weekly } } }))).toEqual([expect.stringContaining(`${P}.schedules.retrain.job:`)]);
    });
    it("platform schedules need the single workspace", () => {
        const lines = problemLines(baseConfig({ ...team({}), schedules: { retrain: { job: "jobs/r.yaml", recurrence: weekly } } }));
        expect(lines).toEqual([expect.stringContaining(`${P}.schedules: is set, but independent teams leave no platform workspace to run its jobs (move each schedule under teams.<key>.schedules`)]);
    });
});

describe("job files, read relative to the stack folder", () => {
    const STACK = path.join(path.sep, "repo", "stacks");
    const files = (byPath: Record<string, string>): ReadFile => (p) => byPath[path.relative(STACK, p)];
    const load = (schedules: Record<string, unknown>, clusters?: Record<string, unknown>) => loadPlatformConfig(baseConfig(team(schedules, clusters)), TEST_CONTEXT);
    const good = ["type: command", "command: python train.py", "environment: azureml:train:5", "code: azureml:src:1", "compute: azureml:risk-cpu"].join("\n");

    it("a valid file is read and kept for its schedule", () => {
        const { jobs, problems } = readScheduleJobs(load({ retrain: { job: "jobs/retrain.yaml", recurrence: weekly } }), STACK, files({ [path.join("jobs", "retrain.yaml")]: good }));
        expect(problems).toEqual([]);
        expect(jobs["teams.risk.schedules.retrain"]).toMatchObject({ type: "command", compute: "azureml:risk-cpu" });
    });
    it("a missing file names the schedule's job key", () => {
        const { problems } = readScheduleJobs(load({ retrain: { job: "jobs/retrain.yaml", recurrence: weekly } }), STACK, files({}));
        expect(problems.map(formatProblem)).toEqual([
            `${P}.teams.risk.schedules.retrain.job: names jobs/retrain.yaml, which is not a file in the stack folder (create ${path.join("stacks", "jobs/retrain.yaml")}, or correct the path (it is relative to the stack folder))`,
        ]);
    });
    it("unreadable YAML says where", () => {
        const { problems } = readScheduleJobs(load({ retrain: { job: "jobs/retrain.yaml", recurrence: weekly } }), STACK, files({ [path.join("jobs", "retrain.yaml")]: "type: command\ncommand: [python\n" }));
        expect(problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${P}\\.teams\\.risk\\.schedules\\.retrain\\.job \\(jobs/retrain\\.yaml\\): is not valid YAML at line \\d+`))]);
    });
    it("a problem inside the file names the config key, the file and the key in the file", () => {
        const job = ["type: pipeline", "jobs:", "  train:", "    environment: azureml:train:5", "    compute: azureml:fraud-cpu"].join("\n");
        const { problems } = readScheduleJobs(load({ retrain: { job: "jobs/retrain.yaml", recurrence: weekly } }), STACK, files({ [path.join("jobs", "retrain.yaml")]: job }));
        expect(problems.map(formatProblem)).toEqual([
            `${P}.teams.risk.schedules.retrain.job (jobs/retrain.yaml): jobs.train.command: is missing (write the command to run, e.g. python train.py --data \${{inputs.training_data}})`,
            `${P}.teams.risk.schedules.retrain.job (jobs/retrain.yaml): jobs.train.compute: names "fraud-cpu", which is not a compute of this workspace (use one of: risk-cpu)`,
        ]);
    });
});

describe("the program", () => {
    it("creates each team's schedule in its workspace, from the job file, after the cluster it names", async () => {
        const run = await runPlatform(baseConfig(team({ "weekly-retrain": { job: "jobs/risk-retrain.yaml", recurrence: weekly, description: "Sunday retraining" } })));
        const [schedule] = allOfType(run.graph, "azure-native:machinelearningservices:Schedule");
        const workspace = allOfType(run.graph, "azure-native:machinelearningservices:Workspace").find((w) => String(w.inputs.workspaceName).includes("risk"));
        const cluster = allOfType(run.graph, "azure-native:machinelearningservices:Compute").find((c) => c.inputs.computeName === "risk-cpu");
        expect(schedule.inputs).toMatchObject({
            name: "weekly-retrain",
            workspaceName: workspace?.inputs.workspaceName,
            properties: {
                isEnabled: true,
                description: "Sunday retraining",
                trigger: { triggerType: "Recurrence", frequency: "Week", interval: 1, schedule: { hours: [2], minutes: [0], weekDays: ["Sunday"] }, timeZone: "W. Europe Standard Time" },
                action: {
                    actionType: "CreateJob",
                    jobDefinition: {
                        jobType: "Command",
                        computeId: expect.stringMatching(new RegExp(`/providers/Microsoft\\.MachineLearningServices/workspaces/${workspace?.inputs.workspaceName}/computes/risk-cpu$`)),
                        environmentId: expect.stringMatching(new RegExp(`/workspaces/${workspace?.inputs.workspaceName}/environments/credit-risk-train/versions/5$`)),
                    },
                },
            },
        });
        // The schedule waits for the cluster's Compute (a job fired before it exists would fail).
        expect(cluster).toBeDefined();
        expect(schedule.dependencies).toContain(cluster?.urn);
        expect(schedule.urn).toContain("aml-workspace:index:Team");
    });
});
