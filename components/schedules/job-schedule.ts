import * as pulumi from "@pulumi/pulumi";
import { Schedule } from "@pulumi/azure-native/machinelearningservices";
import { COMPONENT_DEFAULTS } from "../defaults";
import { nameProblem } from "../naming";
import { convertJob, jobDefinitionProblems, type JobYaml } from "./job-definition";
import { scheduleTriggerOf, triggerProblems, type TriggerArgs } from "./trigger";

/** Arguments of {@link JobSchedule}. */
export interface JobScheduleArgs {
    /** Resource group of the workspace. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace (or project) the schedule lives in. Required. */
    workspaceName: pulumi.Input<string>;
    /** ARM ID of that workspace: the job's compute, environment and code IDs are built under it. Required. */
    workspaceId: pulumi.Input<string>;
    /** Schedule name (1-255 letters, digits, `-`, `_`; unique in the workspace). Required. */
    scheduleName: string;
    /** The job to create, as an Azure ML CLI v2 job YAML object (`type: command` or `pipeline`). Required. */
    job: JobYaml;
    /** Computes of the workspace the job may name (`compute: azureml:<name>`). Default none (serverless only). */
    computeNames?: string[];
    /** When it fires: exactly one of `cron` and `recurrence`. Required. */
    trigger: TriggerArgs;
    /** Whether the schedule creates jobs. Default true. */
    enabled?: boolean;
    /** Description shown in the studio. Default none. */
    description?: string;
    /** Display name shown in the studio. Default the schedule name. */
    displayName?: string;
    /** Tags of the schedule. Default none. */
    tags?: { [key: string]: string };
}

/**
 * A workspace schedule that creates a job (`Microsoft.MachineLearningServices/workspaces/schedules`,
 * action `CreateJob`) on a cron or recurrence trigger: retraining declared with the rest of the
 * platform. The job comes from a CLI v2 job YAML, converted by job-definition.ts; a definition the
 * schedule could not run (local code, inline environment, unknown compute, secrets in environment
 * variables) is refused before anything is created.
 *
 * ARM shape: "Microsoft.MachineLearningServices workspaces/schedules"
 * (https://learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces/schedules):
 * `properties.action` `{ actionType: CreateJob, jobDefinition }`, `properties.trigger`,
 * `isEnabled`, `displayName`, `description`.
 */
export class JobSchedule extends pulumi.ComponentResource {
    /** Schedule resource ID. */
    readonly id: pulumi.Output<string>;
    /** Schedule name. */
    readonly scheduleName: pulumi.Output<string>;

    constructor(name: string, args: JobScheduleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:JobSchedule", name, {}, opts);
        const problems = jobScheduleArgProblems(args);
        if (problems.length > 0) throw new pulumi.ResourceError(`JobSchedule ${args.scheduleName}: ${problems.join("; ")}`, this);
        const computeNames = args.computeNames ?? [];
        const jobDefinition = pulumi.output(args.workspaceId).apply((workspaceId) => convertJob(args.job, workspaceId, { computeNames }).definition);
        const schedule = new Schedule(
            `${name}-schedule`,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                name: args.scheduleName,
                properties: {
                    action: { actionType: "CreateJob", jobDefinition: jobDefinition as pulumi.Output<never> },
                    trigger: scheduleTriggerOf(args.trigger),
                    isEnabled: args.enabled ?? COMPONENT_DEFAULTS["schedules.*.enabled"],
                    displayName: args.displayName ?? args.scheduleName,
                    description: args.description,
                    tags: args.tags,
                },
            },
            // A component's dependsOn does not reach its children: the schedule itself waits for the computes.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.id = schedule.id;
        this.scheduleName = pulumi.output(args.scheduleName);
        this.registerOutputs({ id: this.id, scheduleName: this.scheduleName });
    }
}

/** Problems of the args (pure): the name rule, the trigger, and the job as the schedule needs it. */
export function jobScheduleArgProblems(args: Pick<JobScheduleArgs, "scheduleName" | "job" | "computeNames" | "trigger">): string[] {
    const out: string[] = [];
    const bad = nameProblem("mlSchedule", args.scheduleName);
    if (bad) out.push(`scheduleName: ${bad}`);
    for (const p of triggerProblems(args.trigger)) out.push(`trigger${p.key ? `.${p.key}` : ""}: ${p.problem} (${p.fix})`);
    for (const p of jobDefinitionProblems(args.job, { computeNames: args.computeNames ?? [] })) out.push(`job${p.key ? `.${p.key}` : ""}: ${p.problem} (${p.fix})`);
    return out;
}

/** A workspace schedule as the platform takes it (`MlPlatformArgs.schedules`, `PlatformTeamArgs.schedules`). */
export interface PlatformScheduleArgs {
    /** The job to create, as an Azure ML CLI v2 job YAML object. Required. */
    job: JobYaml;
    /** Cron trigger; exactly one of `cron` and `recurrence`. Default none. */
    cron?: TriggerArgs["cron"];
    /** Recurrence trigger; exactly one of `cron` and `recurrence`. Default none. */
    recurrence?: TriggerArgs["recurrence"];
    /** Whether the schedule creates jobs. Default true. */
    enabled?: boolean;
    /** Description shown in the studio. Default none. */
    description?: string;
    /** Display name shown in the studio. Default the schedule name. */
    displayName?: string;
}

/**
 * Names of a workspace's computes a job may run on, from its compute section: every named entry of
 * every section (clusters, instances, attached Kubernetes), so a new compute kind needs no change here.
 */
export function computeNamesOf(compute: { [section: string]: unknown } | undefined): string[] {
    return Object.values(compute ?? {}).flatMap((section) =>
        typeof section === "object" && section !== null && !Array.isArray(section) ? Object.entries(section).filter(([, v]) => typeof v === "object" && v !== null).map(([k]) => k) : [],
    );
}
