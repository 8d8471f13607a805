/**
 * The job a workspace schedule creates (pure): an Azure ML CLI v2 job YAML object (command or
 * pipeline job) turned into the ARM `JobBase` properties of a schedule's `CreateJob` action, and
 * every reason a schedule could not run it, each with its key inside the file.
 *
 * A scheduled job is created by the service from this definition each time the trigger fires; no
 * CLI is there to upload a local code folder, build an inline environment or resolve a label, so
 * every asset must be a reference the service resolves itself.
 *
 * Sources (read 2026-12-02):
 * - "CLI (v2) command job YAML schema" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-job-command):
 *   keys `command`, `code` (a local path to upload, or an asset), `environment`
 *   (`azureml:<name>:<version>`, `azureml:<name>@latest`, or inline), `environment_variables`,
 *   `compute` (`azureml:<compute_name>` or `local`; serverless when omitted), `resources`
 *   (`instance_count`, `instance_type`, `shm_size`, `docker_args`), `limits.timeout` (seconds),
 *   `distribution`, `identity`, `inputs`, `outputs`; `name` "must be unique across all jobs in the
 *   workspace".
 * - "CLI (v2) pipeline job YAML schema" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-job-pipeline):
 *   `jobs` (required; steps are command or sweep jobs), `settings` (`default_compute`,
 *   `default_datastore`, `continue_on_step_failure`, `default_environment`... ), `inputs`,
 *   `outputs`; steps bind with `${{parent.inputs.<n>}}`.
 * - "CLI (v2) core YAML syntax" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-core-syntax):
 *   asset references `azureml:<name>:<version>`, `azureml:<name>@latest`, the longhand
 *   `azureml:/subscriptions/.../workspaces/<ws>/environments/<n>/versions/<v>`, registry assets
 *   `azureml://registries/<registry>/environments/<n>/versions/<v>`, data URIs
 *   `azureml://datastores/<datastore>/paths/<path>`; resources (compute) `azureml:<name>`.
 * - ARM `CommandJob` / `PipelineJob` (https://learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces/jobs):
 *   `jobType`, `command`, `codeId` and `environmentId` (ARM resource IDs; environmentId required),
 *   `computeId`, `inputs` (`jobInputType` literal/uri_file/uri_folder/mltable/mlflow_model/
 *   custom_model/triton_model with `uri` and `mode`), `outputs` (`jobOutputType`, `uri`, `mode`,
 *   `assetName`), `resources`, `limits` (`jobLimitsType: Command`, ISO 8601 `timeout`),
 *   `distribution`, `identity`, `jobs` and `settings` (pipelines).
 * - Bicep quickstart "machine-learning-job-create-or-update-job" (Azure/azure-quickstart-templates):
 *   an ARM job's environmentId is a *versioned* ID; the template looks up the container's
 *   `latestVersion` itself, because ARM takes no `@latest`.
 */

import { CREDENTIAL_VALUES } from "../credential-values";

/**
 * A job YAML file's content, as parsed (snake_case keys, as the CLI writes them). `any`, not
 * `unknown`: the component analyzer maps `any` to the schema's Any type and refuses `unknown`;
 * `convertJob` narrows every value before reading it.
 */
export type JobYaml = { [key: string]: any };

/** One problem of a job definition; `key` is the dotted path inside the file (`jobs.train.compute`). */
export interface JobProblem {
    /** Key inside the job file. */
    key: string;
    /** What is wrong. */
    problem: string;
    /** How to fix it. */
    fix: string;
}

/** What the job is checked against: the workspace it runs in. */
export interface JobContext {
    /** Compute names of the workspace (clusters, instances, attached compute) a job may run on. */
    computeNames: readonly string[];
}

/** The conversion: the ARM definition (meaningful when `problems` is empty), the computes it names, its problems. */
export interface JobConversion {
    /** ARM `JobBase` properties (`CommandJob` or `PipelineJob`). */
    definition: { [key: string]: unknown };
    /** Names of the workspace computes the job runs on, as configured (for dependencies). */
    computes: string[];
    /** Every problem found. */
    problems: JobProblem[];
}

/** Job types a schedule can create here, YAML `type` to ARM `jobType`. */
export const SCHEDULED_JOB_TYPES = { command: "Command", pipeline: "Pipeline" } as const;

/** YAML input types (data and models) to ARM `jobInputType`; literals are written as plain values. */
const INPUT_TYPES = ["uri_file", "uri_folder", "mltable", "mlflow_model", "custom_model", "triton_model"] as const;
/** YAML output types to ARM `jobOutputType`. */
const OUTPUT_TYPES = ["uri_file", "uri_folder", "mltable", "mlflow_model", "custom_model", "triton_model"] as const;
/** YAML delivery modes to ARM `InputDeliveryMode` / `OutputDeliveryMode`. */
const INPUT_MODES: Record<string, string> = {
    ro_mount: "ReadOnlyMount",
    rw_mount: "ReadWriteMount",
    download: "Download",
    direct: "Direct",
    eval_mount: "EvalMount",
    eval_download: "EvalDownload",
};
const OUTPUT_MODES: Record<string, string> = { rw_mount: "ReadWriteMount", upload: "Upload", direct: "Direct" };
/** YAML distribution types to ARM `distributionType` and the per-instance key each uses. */
const DISTRIBUTIONS: Record<string, { type: string; keys: Record<string, string> }> = {
    pytorch: { type: "PyTorch", keys: { process_count_per_instance: "processCountPerInstance" } },
    mpi: { type: "Mpi", keys: { process_count_per_instance: "processCountPerInstance" } },
    tensorflow: { type: "TensorFlow", keys: { worker_count: "workerCount", parameter_server_count: "parameterServerCount" } },
};
/** YAML identity types to ARM `identityType`. */
const IDENTITIES: Record<string, string> = { aml_token: "AMLToken", managed: "Managed", managed_identity: "Managed", user_identity: "UserIdentity" };

/** Keys of a command job (and of a pipeline's command step) this conversion understands. */
const COMMAND_KEYS = new Set([
    "$schema", "type", "display_name", "experiment_name", "description", "tags", "properties", "command", "code", "environment",
    "environment_variables", "distribution", "compute", "resources", "limits", "inputs", "outputs", "identity", "component",
]);
/** Keys of a pipeline job this conversion understands. */
const PIPELINE_KEYS = new Set(["$schema", "type", "display_name", "experiment_name", "description", "tags", "properties", "compute", "settings", "jobs", "inputs", "outputs", "identity"]);
/** Pipeline `settings` keys, passed on as the service reads them. */
const PIPELINE_SETTINGS = new Set(["default_compute", "default_datastore", "default_environment", "continue_on_step_failure", "force_rerun"]);

/** A value that is a credential, whatever its variable is called (one table: components/credential-values.ts). */
const SECRET_VALUES = CREDENTIAL_VALUES;
/** A variable whose name says it holds a secret. */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|SECRET|API_?KEY|ACCESS_?KEY|ACCOUNT_?KEY|TOKEN|SAS|CONNECTION_?STRING)$/i;
const SECRET_FIX =
    "remove it: a job reads secrets at run time through its identity (a Key Vault secret or a workspace connection), never from its definition, which anyone with read access to the workspace sees";

const isObject = (v: unknown): v is { [key: string]: unknown } => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (base: string, key: string): string => (base === "" ? key : `${base}.${key}`);

/** The name an asset reference names; `undefined` when it is not an `azureml:` reference. */
type AssetRef = { kind: "workspace"; name: string; version: string } | { kind: "latest"; name: string } | { kind: "armId"; id: string } | { kind: "registry"; uri: string };

/** `azureml:<name>:<version>`, `azureml:<name>@latest`, `azureml:/subscriptions/...`, or `azureml://registries/...` for `collection`. */
function assetRef(value: string, collection: "environments" | "codes" | "components" | "data"): AssetRef | undefined {
    const registry = new RegExp(`^azureml://registries/[^/]+/${collection}/[^/]+/(?:versions/[^/]+|labels/[^/]+)$`, "i");
    if (registry.test(value)) return { kind: "registry", uri: value };
    const longhand = new RegExp(`^azureml:(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+/${collection}/[^/]+/versions/[^/]+)$`, "i");
    const long = longhand.exec(value);
    if (long) return { kind: "armId", id: long[1] };
    const latest = /^azureml:([A-Za-z0-9][\w.-]*)@latest$/.exec(value);
    if (latest) return { kind: "latest", name: latest[1] };
    const short = /^azureml:([A-Za-z0-9][\w.-]*):([\w.-]+)$/.exec(value);
    if (short) return { kind: "workspace", name: short[1], version: short[2] };
    return undefined;
}

/** Converts one job YAML object into ARM `JobBase` properties, collecting every problem. */
export function convertJob(job: unknown, workspaceId: string, ctx: JobContext): JobConversion {
    const problems: JobProblem[] = [];
    const computes = new Set<string>();
    const report = (key: string, problem: string, fix: string): void => {
        problems.push({ key, problem, fix });
    };
    if (!isObject(job)) {
        report("", "is not a YAML mapping", "write the job as a CLI v2 job YAML mapping (type, command, environment, compute, ...)");
        return { definition: {}, computes: [], problems };
    }
    const known = new Map(ctx.computeNames.map((n) => [n.toLowerCase(), n]));

    const text = (value: unknown, key: string): string | undefined => {
        if (value === undefined) return undefined;
        if (typeof value === "string" && value.trim() !== "") return value;
        report(key, `is ${describe(value)}, not a text`, "write a non-empty string");
        return undefined;
    };
    const unknownKeys = (o: { [key: string]: unknown }, allowed: Set<string>, base: string): void => {
        for (const k of Object.keys(o)) {
            if (k === "name") {
                report(join(base, k), "is set, but a job name must be unique across all jobs in the workspace and a schedule creates a new job each time it fires", "remove name (Azure ML names each run); use display_name for a readable label");
            } else if (!allowed.has(k)) {
                report(join(base, k), "is not a key this toolkit turns into a scheduled job", `remove it, or use one of: ${[...allowed].filter((a) => a !== "$schema").join(", ")}`);
            }
        }
    };
    const computeId = (value: unknown, key: string): string | undefined => {
        const raw = text(value, key);
        if (raw === undefined) return undefined;
        if (raw === "local") {
            report(key, "is local, which runs on the machine that submits the job; a schedule has none", "name a compute of the workspace, e.g. azureml:<cluster>");
            return undefined;
        }
        if (/^azureml:\//i.test(raw)) {
            report(key, "is a compute ARM ID; a scheduled job runs on a compute of its own workspace", "write azureml:<compute name>");
            return undefined;
        }
        const name = raw.replace(/^azureml:/i, "");
        const found = known.get(name.toLowerCase());
        if (!found) {
            report(key, `names "${name}", which is not a compute of this workspace`, ctx.computeNames.length > 0 ? `use one of: ${ctx.computeNames.join(", ")}` : "add the cluster under compute.clusters of the same workspace, or remove compute to run on serverless compute");
            return undefined;
        }
        computes.add(found);
        return `${workspaceId}/computes/${found}`;
    };
    const assetId = (value: unknown, key: string, collection: "environments" | "codes" | "components", what: string, localFix: string): string | undefined => {
        if (isObject(value)) {
            report(key, `is an inline ${what}, which only the CLI builds when it submits a job; a schedule's job takes a registered one`, localFix);
            return undefined;
        }
        const raw = text(value, key);
        if (raw === undefined) return undefined;
        const ref = assetRef(raw, collection);
        if (ref === undefined) {
            // No scheme and no `name:version`: a path on the machine that would have run the CLI.
            const local = /^(?:\.{1,2}[\\/]|[\\/]|~)/.test(raw) || !raw.includes(":");
            report(
                key,
                local
                    ? `is "${raw}", a local path: a scheduled job uploads nothing, so it must reference a registered ${what}`
                    : `is "${raw}", which is not an Azure ML ${what} reference`,
                localFix,
            );
            return undefined;
        }
        switch (ref.kind) {
            case "workspace":
                return `${workspaceId}/${collection}/${ref.name}/versions/${ref.version}`;
            case "armId":
                return ref.id;
            case "registry":
                return ref.uri;
            case "latest":
                report(key, `is ${raw}: ARM takes a versioned ${what} ID, so @latest would be frozen at deploy time and silently differ from what "latest" means later`, `pin the version: azureml:${ref.name}:<version>`);
                return undefined;
        }
    };
    const environmentVariables = (value: unknown, key: string): Record<string, string> | undefined => {
        if (value === undefined) return undefined;
        if (!isObject(value)) {
            report(key, `is ${describe(value)}, not a mapping of names to values`, "write NAME: value pairs");
            return undefined;
        }
        const out: Record<string, string> = {};
        for (const [name, v] of Object.entries(value)) {
            const k = join(key, name);
            if (isObject(v) || Array.isArray(v) || v === null || v === undefined) {
                report(k, `is ${describe(v)}, not a text, number or boolean`, "write a plain value");
                continue;
            }
            const s = String(v);
            const secret = SECRET_VALUES.find((p) => p.pattern.test(s));
            if (secret) {
                report(k, `looks like ${secret.what}; the job definition is stored in the workspace in clear text`, SECRET_FIX);
            } else if (SECRET_NAME.test(name) && s !== "") {
                report(k, "has a value, and its name says it is a secret; the job definition is stored in the workspace in clear text", SECRET_FIX);
            } else out[name] = s;
        }
        return out;
    };
    const inputs = (value: unknown, key: string, pipelineStep: boolean): Record<string, unknown> | undefined => {
        if (value === undefined) return undefined;
        if (!isObject(value)) {
            report(key, `is ${describe(value)}, not a mapping of input names`, "write <name>: <value or {type, path, mode}>");
            return undefined;
        }
        const out: Record<string, unknown> = {};
        for (const [name, v] of Object.entries(value)) {
            const k = join(key, name);
            if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
                out[name] = { jobInputType: "literal", value: String(v) };
                continue;
            }
            if (!isObject(v)) {
                report(k, `is ${describe(v)}`, "write a literal value or {type, path, mode}");
                continue;
            }
            const type = v.type ?? "uri_folder";
            if (typeof type !== "string" || !(INPUT_TYPES as readonly string[]).includes(type)) {
                report(`${k}.type`, `is ${describe(type)}, not an input type a job takes`, `use one of: ${INPUT_TYPES.join(", ")}`);
                continue;
            }
            const path = text(v.path, `${k}.path`);
            if (path === undefined) {
                if (v.path === undefined) report(`${k}.path`, "is missing", "give the data's URI: azureml://datastores/<datastore>/paths/<path>, azureml:<data asset>:<version>, or an https/abfss/wasbs URI");
                continue;
            }
            const uri = dataUri(path, pipelineStep);
            if (uri === undefined) {
                report(`${k}.path`, `is "${path}", a local path: a scheduled job uploads nothing`, "point at data in the cloud: azureml://datastores/<datastore>/paths/<path>, azureml:<data asset>:<version>, or an https/abfss/wasbs URI");
                continue;
            }
            const mode = deliveryMode(v.mode, `${k}.mode`, INPUT_MODES);
            out[name] = { jobInputType: type, uri: uri.startsWith("azureml:") && !uri.startsWith("azureml://") ? dataAssetId(uri, workspaceId) : uri, ...(mode ? { mode } : {}), ...(typeof v.description === "string" ? { description: v.description } : {}) };
        }
        return out;
    };
    const outputs = (value: unknown, key: string): Record<string, unknown> | undefined => {
        if (value === undefined) return undefined;
        if (!isObject(value)) {
            report(key, `is ${describe(value)}, not a mapping of output names`, "write <name>: {type, path, mode}");
            return undefined;
        }
        const out: Record<string, unknown> = {};
        for (const [name, raw] of Object.entries(value)) {
            const k = join(key, name);
            // A step's output may be bound to the pipeline's: `${{parent.outputs.<n>}}`.
            if (typeof raw === "string" && /^\$\{\{\s*parent\.outputs\.[\w-]+\s*\}\}$/.test(raw)) {
                out[name] = { jobOutputType: "uri_folder", uri: raw };
                continue;
            }
            const v = raw ?? {};
            if (!isObject(v)) {
                report(k, `is ${describe(raw)}`, "write {type, path, mode}, or leave it empty for a uri_folder in the default datastore");
                continue;
            }
            const type = v.type ?? "uri_folder";
            if (typeof type !== "string" || !(OUTPUT_TYPES as readonly string[]).includes(type)) {
                report(`${k}.type`, `is ${describe(type)}, not an output type a job writes`, `use one of: ${OUTPUT_TYPES.join(", ")}`);
                continue;
            }
            const path = text(v.path, `${k}.path`);
            if (path !== undefined && !/^(?:azureml|https|abfss|wasbs|adl):\/\//i.test(path)) {
                report(`${k}.path`, `is "${path}", not a cloud URI`, "use azureml://datastores/<datastore>/paths/<path>, or remove path for the default datastore");
                continue;
            }
            const mode = deliveryMode(v.mode, `${k}.mode`, OUTPUT_MODES);
            const assetName = text(v.name, `${k}.name`);
            out[name] = { jobOutputType: type, ...(path ? { uri: path } : {}), ...(mode ? { mode } : {}), ...(assetName ? { assetName } : {}), ...(typeof v.description === "string" ? { description: v.description } : {}) };
        }
        return out;
    };
    const deliveryMode = (value: unknown, key: string, modes: Record<string, string>): string | undefined => {
        if (value === undefined) return undefined;
        const mode = typeof value === "string" ? modes[value] : undefined;
        if (mode === undefined) report(key, `is ${describe(value)}, not a delivery mode here`, `use one of: ${Object.keys(modes).join(", ")}`);
        return mode;
    };
    const resources = (value: unknown, key: string): Record<string, unknown> | undefined => {
        if (value === undefined) return undefined;
        if (!isObject(value)) {
            report(key, `is ${describe(value)}`, "write {instance_count, instance_type, shm_size, docker_args}");
            return undefined;
        }
        const map: Record<string, string> = { instance_count: "instanceCount", instance_type: "instanceType", shm_size: "shmSize", docker_args: "dockerArgs", properties: "properties" };
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            if (!(k in map)) report(join(key, k), "is not a resources key", `use one of: ${Object.keys(map).join(", ")}`);
            else if (k === "instance_count" && (!Number.isInteger(v) || (v as number) < 1)) report(join(key, k), `is ${describe(v)}, not a whole number of 1 or more`, "set instance_count: 1 or more");
            else out[map[k]] = v;
        }
        return out;
    };
    const limits = (value: unknown, key: string): Record<string, unknown> | undefined => {
        if (value === undefined) return undefined;
        const timeout = isObject(value) ? value.timeout : undefined;
        if (!isObject(value) || typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 1 || Object.keys(value).some((k) => k !== "timeout")) {
            report(key, "is not {timeout: <seconds>}", "write limits: {timeout: 7200} (whole seconds)");
            return undefined;
        }
        return { jobLimitsType: "Command", timeout: `PT${timeout}S` };
    };
    const distribution = (value: unknown, key: string): Record<string, unknown> | undefined => {
        if (value === undefined) return undefined;
        const d = isObject(value) && typeof value.type === "string" ? DISTRIBUTIONS[value.type] : undefined;
        if (!isObject(value) || d === undefined) {
            report(`${key}.type`, `is ${describe(isObject(value) ? value.type : value)}`, `use one of: ${Object.keys(DISTRIBUTIONS).join(", ")}`);
            return undefined;
        }
        const out: Record<string, unknown> = { distributionType: d.type };
        for (const [k, v] of Object.entries(value)) {
            if (k === "type") continue;
            if (!(k in d.keys)) report(join(key, k), `is not a ${value.type} distribution key`, `use one of: ${Object.keys(d.keys).join(", ")}`);
            else out[d.keys[k]] = v;
        }
        return out;
    };
    const identity = (value: unknown, key: string): Record<string, unknown> | undefined => {
        if (value === undefined) return undefined;
        const t = isObject(value) && typeof value.type === "string" ? IDENTITIES[value.type] : undefined;
        if (t === undefined) {
            report(`${key}.type`, `is ${describe(isObject(value) ? value.type : value)}`, `use one of: ${Object.keys(IDENTITIES).join(", ")}`);
            return undefined;
        }
        // A scheduled job has no submitting user: user_identity runs as the schedule's creator, which is the deployment principal.
        if (t === "UserIdentity") {
            report(`${key}.type`, "is user_identity: a scheduled job would run as whoever deployed the schedule, here the deployment principal", "use managed (the compute's identity) or remove identity");
            return undefined;
        }
        return { identityType: t };
    };
    const common = (o: { [key: string]: unknown }, base: string): Record<string, unknown> => ({
        displayName: text(o.display_name, join(base, "display_name")),
        experimentName: text(o.experiment_name, join(base, "experiment_name")),
        description: text(o.description, join(base, "description")),
        tags: stringMap(o.tags, join(base, "tags")),
        properties: stringMap(o.properties, join(base, "properties")),
    });
    const stringMap = (value: unknown, key: string): Record<string, string> | undefined => {
        if (value === undefined) return undefined;
        if (!isObject(value)) {
            report(key, `is ${describe(value)}, not a mapping`, "write name: value pairs");
            return undefined;
        }
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    };
    /** A command job, or a pipeline's command step (`step` set: it may use a component and the pipeline's compute). */
    const command = (o: { [key: string]: unknown }, base: string, step?: Record<string, never>): Record<string, unknown> => {
        unknownKeys(o, COMMAND_KEYS, base);
        const component = o.component === undefined ? undefined : assetId(o.component, join(base, "component"), "components", "component", "register the component (az ml component create) and write azureml:<name>:<version>");
        if (o.component !== undefined && !step) report(join(base, "component"), "is set on a standalone command job", "write command and environment, or use a pipeline job whose step runs the component");
        if (o.component === undefined || o.command !== undefined) {
            if (o.command === undefined) report(join(base, "command"), "is missing", "write the command to run, e.g. python train.py --data ${{inputs.training_data}}");
        }
        const cmd = text(o.command, join(base, "command"));
        if (o.component === undefined && o.environment === undefined) {
            report(join(base, "environment"), "is missing", "reference a registered environment: azureml:<name>:<version>, or azureml://registries/<registry>/environments/<name>/versions/<version>");
        }
        const env = o.environment === undefined ? undefined : assetId(o.environment, join(base, "environment"), "environments", "environment", "register it (az ml environment create) and write azureml:<name>:<version>, or use a registry environment azureml://registries/<registry>/environments/<name>/versions/<version>");
        const code = o.code === undefined ? undefined : assetId(o.code, join(base, "code"), "codes", "code asset", "register the code folder as a code asset of the workspace and write azureml:<name>:<version>, or bake the code into the environment's image");
        const ins = inputs(o.inputs, join(base, "inputs"), step !== undefined);
        const outs = outputs(o.outputs, join(base, "outputs"));
        if (cmd !== undefined) {
            for (const m of cmd.matchAll(/\$\{\{\s*(inputs|outputs)\.([\w-]+)\s*\}\}/g)) {
                const declared = m[1] === "inputs" ? o.inputs : o.outputs;
                if (!isObject(declared) || !(m[2] in declared)) {
                    report(join(base, "command"), `uses \${{${m[1]}.${m[2]}}}, which ${join(base, m[1])} does not declare`, `declare ${m[1]}.${m[2]}, or remove it from the command`);
                }
            }
        }
        const compute = o.compute === undefined ? undefined : computeId(o.compute, join(base, "compute"));
        return prune({
            jobType: "Command",
            ...common(o, base),
            command: cmd,
            componentId: component,
            environmentId: env,
            codeId: code,
            computeId: compute,
            environmentVariables: environmentVariables(o.environment_variables, join(base, "environment_variables")),
            inputs: ins,
            outputs: outs,
            resources: resources(o.resources, join(base, "resources")),
            limits: limits(o.limits, join(base, "limits")),
            distribution: distribution(o.distribution, join(base, "distribution")),
            identity: identity(o.identity, join(base, "identity")),
        });
    };
    const pipeline = (o: { [key: string]: unknown }): Record<string, unknown> => {
        unknownKeys(o, PIPELINE_KEYS, "");
        const settingsIn = o.settings === undefined ? {} : o.settings;
        let settings: Record<string, unknown> | undefined;
        const pipelineCompute = o.compute === undefined ? undefined : computeId(o.compute, "compute");
        if (!isObject(settingsIn)) {
            report("settings", `is ${describe(settingsIn)}, not a mapping`, "write settings: {default_compute: azureml:<cluster>, ...}");
        } else {
            settings = {};
            for (const [k, v] of Object.entries(settingsIn)) {
                if (!PIPELINE_SETTINGS.has(k)) report(`settings.${k}`, "is not a pipeline setting this toolkit passes on", `use one of: ${[...PIPELINE_SETTINGS].join(", ")}`);
                else if (k === "default_compute") {
                    const id = computeId(v, "settings.default_compute");
                    if (id) settings[k] = id;
                } else if (k === "default_environment") {
                    const id = assetId(v, "settings.default_environment", "environments", "environment", "write azureml:<name>:<version>");
                    if (id) settings[k] = id;
                } else settings[k] = v;
            }
        }
        const jobsIn = o.jobs;
        const jobs: Record<string, unknown> = {};
        if (jobsIn === undefined) report("jobs", "is missing", "add the pipeline's steps under jobs: <step>: {type: command, ...}");
        else if (!isObject(jobsIn) || Object.keys(jobsIn).length === 0) report("jobs", `is ${describe(jobsIn)}, not a mapping of steps`, "add the pipeline's steps under jobs: <step>: {type: command, ...}");
        else {
            for (const [step, s] of Object.entries(jobsIn)) {
                const base = `jobs.${step}`;
                if (!isObject(s)) {
                    report(base, `is ${describe(s)}, not a job`, "write the step as a command job mapping");
                    continue;
                }
                const t = s.type ?? "command";
                if (t !== "command") {
                    report(`${base}.type`, `is ${describe(t)}; this toolkit schedules pipelines of command steps`, "use type: command, or schedule that step's job type from its own tooling");
                    continue;
                }
                // A step without compute runs on settings.default_compute (or serverless), as the service decides.
                jobs[step] = command(s, base, {});
            }
        }
        return prune({
            jobType: "Pipeline",
            ...common(o, ""),
            computeId: pipelineCompute,
            settings: settings && Object.keys(settings).length > 0 ? settings : undefined,
            jobs,
            inputs: inputs(o.inputs, "inputs", false),
            outputs: outputs(o.outputs, "outputs"),
            identity: identity(o.identity, "identity"),
        });
    };

    const type = job.type ?? "command";
    let definition: Record<string, unknown> = {};
    if (type === "command") definition = command(job, "");
    else if (type === "pipeline") definition = pipeline(job);
    else {
        report("type", `is ${describe(type)}; a schedule here creates command or pipeline jobs`, `use type: ${Object.keys(SCHEDULED_JOB_TYPES).join(" or ")}`);
    }
    return { definition, computes: [...computes], problems };
}

/** A data reference the service resolves: a datastore or registry URI, a data asset, a cloud URI or a pipeline binding. */
function dataUri(path: string, pipelineStep: boolean): string | undefined {
    if (/^(?:azureml|https|abfss|wasbs|adl):\/\//i.test(path)) return path;
    if (/^azureml:[A-Za-z0-9][\w.-]*:[\w.-]+$/.test(path) || /^azureml:\/subscriptions\//i.test(path)) return path;
    if (pipelineStep && /^\$\{\{\s*parent\.inputs\.[\w-]+\s*\}\}$/.test(path)) return path;
    return undefined;
}

/** `azureml:<name>:<version>` of a data asset as the ARM ID of that version. */
function dataAssetId(ref: string, workspaceId: string): string {
    if (/^azureml:\//i.test(ref)) return ref.slice("azureml:".length);
    const [, name, version] = ref.split(":");
    return `${workspaceId}/data/${name}/versions/${version}`;
}

/** Drops undefined values, so the ARM body holds only what the file sets. */
function prune(o: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function describe(value: unknown): string {
    if (value === undefined) return "missing";
    if (value === null) return "empty";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "a mapping";
    return `${typeof value} ${JSON.stringify(value)}`;
}

/** A workspace ID used only to check a job (the check never reads it). */
const CHECK_WORKSPACE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/check/providers/Microsoft.MachineLearningServices/workspaces/check";

/** Every problem of a job for a schedule in a workspace with these computes. */
export function jobDefinitionProblems(job: unknown, ctx: JobContext): JobProblem[] {
    return convertJob(job, CHECK_WORKSPACE_ID, ctx).problems;
}

/** The workspace computes a job runs on (for dependencies), as configured. */
export function jobComputes(job: unknown, ctx: JobContext): string[] {
    return convertJob(job, CHECK_WORKSPACE_ID, ctx).computes;
}
