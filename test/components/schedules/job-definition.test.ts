/**
 * The job a schedule creates (pure): CLI v2 command and pipeline job YAML to the ARM JobBase, and
 * every reason a schedule could not run a job, with its key inside the file.
 */
import { parse } from "yaml";
import * as fs from "node:fs";
import * as path from "node:path";
import { convertJob, jobDefinitionProblems, type JobProblem } from "../../../components/schedules/job-definition";
import { computeNamesOf, jobScheduleArgProblems } from "../../../components/schedules/job-schedule";

const WS = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml/providers/Microsoft.MachineLearningServices/workspaces/mlw-risk";
const ctx = { computeNames: ["risk-cpu", "ci-alice"] };

const command = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: "command",
    command: "python train.py --data ${{inputs.data}}",
    environment: "azureml:train-env:5",
    code: "azureml:src:3",
    compute: "azureml:risk-cpu",
    inputs: { data: { type: "uri_folder", path: "azureml://datastores/lake/paths/curated/" } },
    ...over,
});
const keys = (problems: JobProblem[]): string[] => problems.map((p) => p.key);
const problemAt = (job: unknown, key: string): JobProblem | undefined => jobDefinitionProblems(job, ctx).find((p) => p.key === key);

describe("a command job becomes an ARM CommandJob of the workspace", () => {
    it("maps every key to its ARM property, with IDs under the workspace", () => {
        const { definition, computes, problems } = convertJob(
            command({
                display_name: "Weekly retraining",
                experiment_name: "retrain",
                command: "python train.py --data ${{inputs.data}} --depth ${{inputs.depth}} --out ${{outputs.model}}",
                inputs: { data: { type: "uri_folder", path: "azureml://datastores/lake/paths/curated/", mode: "ro_mount" }, depth: 6, table: { type: "mltable", path: "azureml:transactions:2" } },
                outputs: { model: { type: "mlflow_model", name: "risk-model" } },
                environment_variables: { LOG_LEVEL: "INFO", WORKERS: 4 },
                resources: { instance_count: 2, instance_type: "Standard_DS3_v2" },
                limits: { timeout: 7200 },
                distribution: { type: "pytorch", process_count_per_instance: 1 },
                identity: { type: "managed" },
            }),
            WS,
            ctx,
        );
        expect(problems).toEqual([]);
        expect(computes).toEqual(["risk-cpu"]);
        expect(definition).toEqual({
            jobType: "Command",
            displayName: "Weekly retraining",
            experimentName: "retrain",
            command: "python train.py --data ${{inputs.data}} --depth ${{inputs.depth}} --out ${{outputs.model}}",
            environmentId: `${WS}/environments/train-env/versions/5`,
            codeId: `${WS}/codes/src/versions/3`,
            computeId: `${WS}/computes/risk-cpu`,
            environmentVariables: { LOG_LEVEL: "INFO", WORKERS: "4" },
            inputs: {
                data: { jobInputType: "uri_folder", uri: "azureml://datastores/lake/paths/curated/", mode: "ReadOnlyMount" },
                depth: { jobInputType: "literal", value: "6" },
                table: { jobInputType: "mltable", uri: `${WS}/data/transactions/versions/2` },
            },
            outputs: { model: { jobOutputType: "mlflow_model", assetName: "risk-model" } },
            resources: { instanceCount: 2, instanceType: "Standard_DS3_v2" },
            limits: { jobLimitsType: "Command", timeout: "PT7200S" },
            distribution: { distributionType: "PyTorch", processCountPerInstance: 1 },
            identity: { identityType: "Managed" },
        });
    });
    it("takes registry environments and longhand asset IDs as they are, and a compute name case-insensitively", () => {
        const registry = "azureml://registries/mlr-shared/environments/sklearn/versions/7";
        const long = `${WS}/codes/src/versions/1`;
        const { definition, problems } = convertJob(command({ environment: registry, code: `azureml:${long}`, compute: "RISK-CPU" }), WS, ctx);
        expect(problems).toEqual([]);
        expect(definition).toMatchObject({ environmentId: registry, codeId: long, computeId: `${WS}/computes/risk-cpu` });
    });
    it("runs on serverless compute when the file names none", () => {
        const { definition, computes, problems } = convertJob(command({ compute: undefined }), WS, ctx);
        expect(problems).toEqual([]);
        expect(computes).toEqual([]);
        expect(definition).not.toHaveProperty("computeId");
    });
    it("the shipped example jobs convert without problems against their team's cluster", () => {
        for (const [file, cluster] of [["risk-retrain.yaml", "risk-cpu"], ["fraud-retrain.yaml", "fraud-cpu"]]) {
            const job: unknown = parse(fs.readFileSync(path.join(__dirname, "../../../stacks/jobs", file), "utf8"));
            expect(convertJob(job, WS, { computeNames: [cluster] })).toMatchObject({ problems: [], computes: [cluster] });
        }
    });
});

describe("a pipeline job becomes an ARM PipelineJob", () => {
    const pipeline = {
        type: "pipeline",
        settings: { default_compute: "azureml:risk-cpu", continue_on_step_failure: false },
        inputs: { raw: { type: "uri_folder", path: "azureml://datastores/lake/paths/raw/" } },
        jobs: {
            prep: { type: "command", command: "python prep.py --raw ${{inputs.raw}}", environment: "azureml:env:1", inputs: { raw: "${{parent.inputs.raw}}" } },
            train: { component: "azureml:train-component:4", compute: "azureml:ci-alice", inputs: { features: "${{parent.jobs.prep.outputs.features}}" } },
        },
    };
    it("resolves the default compute, each step's assets and compute, and keeps step bindings", () => {
        const { definition, computes, problems } = convertJob(pipeline, WS, ctx);
        expect(problems).toEqual([]);
        expect(computes.sort()).toEqual(["ci-alice", "risk-cpu"]);
        expect(definition).toEqual({
            jobType: "Pipeline",
            settings: { default_compute: `${WS}/computes/risk-cpu`, continue_on_step_failure: false },
            inputs: { raw: { jobInputType: "uri_folder", uri: "azureml://datastores/lake/paths/raw/" } },
            jobs: {
                prep: { jobType: "Command", command: "python prep.py --raw ${{inputs.raw}}", environmentId: `${WS}/environments/env/versions/1`, inputs: { raw: { jobInputType: "literal", value: "${{parent.inputs.raw}}" } } },
                train: { jobType: "Command", componentId: `${WS}/components/train-component/versions/4`, computeId: `${WS}/computes/ci-alice`, inputs: { features: { jobInputType: "literal", value: "${{parent.jobs.prep.outputs.features}}" } } },
            },
        });
    });
    it("names each step's problem by its key in the file", () => {
        const bad = { ...pipeline, jobs: { ...pipeline.jobs, train: { type: "sweep" }, score: { command: "python score.py", environment: "azureml:env:1", compute: "gpu" } } };
        expect(keys(jobDefinitionProblems(bad, ctx))).toEqual(["jobs.train.type", "jobs.score.compute"]);
        expect(jobDefinitionProblems({ type: "pipeline" }, ctx)).toEqual([expect.objectContaining({ key: "jobs", problem: "is missing" })]);
        expect(problemAt({ ...pipeline, settings: { default_compute: "azureml:gpu" } }, "settings.default_compute")?.problem).toMatch(/"gpu", which is not a compute of this workspace/);
    });
});

describe("what a schedule cannot run is refused, with its key in the file", () => {
    it.each<[string, Record<string, unknown>, string, RegExp]>([
        ["a missing command", command({ command: undefined }), "command", /is missing/],
        ["a missing environment", command({ environment: undefined }), "environment", /is missing/],
        ["an inline environment", command({ environment: { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04" } }), "environment", /inline environment/],
        ["a docker image as environment", command({ environment: "docker.io/library/python:3.11" }), "environment", /not an Azure ML environment reference/],
        ["@latest", command({ environment: "azureml:train-env@latest" }), "environment", /@latest would be frozen at deploy time/],
        ["local code", command({ code: "./src" }), "code", /a local path: a scheduled job uploads nothing/],
        ["local compute", command({ compute: "local" }), "compute", /is local/],
        ["a compute of another workspace", command({ compute: `azureml:${WS}/computes/risk-cpu` }), "compute", /compute ARM ID/],
        ["an unknown compute", command({ compute: "azureml:gpu" }), "compute", /"gpu", which is not a compute of this workspace/],
        ["a local input", command({ inputs: { data: { type: "uri_folder", path: "./data" } } }), "inputs.data.path", /a local path/],
        ["an input type that does not exist", command({ inputs: { data: { type: "csv", path: "azureml://datastores/lake/paths/x" } } }), "inputs.data.type", /not an input type/],
        ["an undeclared input in the command", command({ command: "python train.py --data ${{inputs.other}}" }), "command", /\$\{\{inputs\.other\}\}, which inputs does not declare/],
        ["a fixed job name", command({ name: "retrain-job" }), "name", /must be unique across all jobs/],
        ["a key the conversion does not know", command({ queue_settings: { job_tier: "Spot" } }), "queue_settings", /not a key this toolkit turns into a scheduled job/],
        ["a sweep job", { type: "sweep" }, "type", /command or pipeline jobs/],
        ["a timeout that is not seconds", command({ limits: { timeout: "2h" } }), "limits", /timeout: <seconds>/],
        ["the submitting user's identity", command({ identity: { type: "user_identity" } }), "identity.type", /deployment principal/],
    ])("%s", (_label, job, key, problem) => {
        expect(problemAt(job, key)?.problem).toMatch(problem);
    });

    it.each<[string, string, string]>([
        ["a storage connection string", "CONN", "DefaultEndpointsProtocol=https;AccountName=stx;AccountKey=abcd1234abcd1234abcd1234==;EndpointSuffix=core.windows.net"],
        ["a SAS URL", "DATA_URL", "https://stx.blob.core.windows.net/c?sv=2022-11-02&ss=b&sig=AbCdEf%2B123"],
        ["a base64 account key", "STORE", "q1w2e3r4t5y6u7i8o9p0q1w2e3r4t5y6u7i8o9p0q1w2e3r4t5y6u7i8o9p0q1w2e3r4t5y6u7i8o9p0abcdef=="],
        ["a bearer token", "AUTH", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-x"],
        ["a password in a connection string", "DB", "Server=tcp:sql.example;Database=risk;User ID=ml;Password=hunter2;"],
        ["any value under a secret's name", "SERVICE_API_KEY", "not-obviously-a-key"],
    ])("a secret in environment_variables: %s", (_label, name, value) => {
        const p = problemAt(command({ environment_variables: { LOG_LEVEL: "INFO", [name]: value } }), `environment_variables.${name}`);
        expect(p?.problem).toMatch(/clear text/);
        expect(p?.fix).toMatch(/Key Vault secret or a workspace connection/);
        // Nothing of the secret reaches the ARM body.
        expect(JSON.stringify(convertJob(command({ environment_variables: { [name]: value } }), WS, ctx).definition)).not.toContain(value);
    });
    it("plain settings in environment_variables pass", () => {
        expect(jobDefinitionProblems(command({ environment_variables: { LOG_LEVEL: "DEBUG", TOKENIZERS_PARALLELISM: "false", TOKEN_LIMIT: "" } }), ctx)).toEqual([]);
    });
    it("reports every problem of a file at once", () => {
        expect(keys(jobDefinitionProblems(command({ code: "./src", environment: "azureml:x@latest", compute: "local" }), ctx))).toEqual(["environment", "code", "compute"]);
    });
    it("a file that is not a mapping is one problem at the file itself", () => {
        expect(jobDefinitionProblems(["python train.py"], ctx)).toEqual([expect.objectContaining({ key: "", problem: "is not a YAML mapping" })]);
    });
});

describe("JobSchedule args and compute names", () => {
    it("checks the name, the trigger and the job together", () => {
        const problems = jobScheduleArgProblems({ scheduleName: "-retrain", job: command({ code: "./src" }), computeNames: ["risk-cpu"], trigger: { cron: { expression: "0 2 * * 7" } } });
        expect(problems).toEqual([
            expect.stringMatching(/^scheduleName: workspace schedule name must be/),
            expect.stringMatching(/^trigger\.cron\.expression: uses 7 for Sunday/),
            expect.stringMatching(/^job\.code: is "\.\/src", a local path/),
        ]);
    });
    it("every named compute of every section is a compute name", () => {
        expect(computeNamesOf({ clusters: { "risk-cpu": { vmSize: "x" } }, instances: { "ci-alice": { vmSize: "y" } }, kubernetes: { aks: { cluster: "c" } } })).toEqual(["risk-cpu", "ci-alice", "aks"]);
        expect(computeNamesOf(undefined)).toEqual([]);
    });
});
