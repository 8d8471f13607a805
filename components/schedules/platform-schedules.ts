/**
 * The schedules of one workspace of the platform: a JobSchedule per entry, each depending on the
 * computes its job names (a schedule created before its cluster would fire into a missing compute,
 * and Azure resolves the compute ID when the job is created).
 */
import * as pulumi from "@pulumi/pulumi";
import { jobComputes } from "./job-definition";
import { computeNamesOf, JobSchedule, type PlatformScheduleArgs } from "./job-schedule";

/** What {@link createSchedules} needs from the workspace around the schedules. */
export interface WorkspaceSchedulesArgs {
    /** Schedules by name. */
    schedules: Record<string, PlatformScheduleArgs>;
    /** The workspace's compute section (its names are what a job may run on). */
    compute: { [section: string]: unknown };
    /** The compute components created for the workspace, by compute name. */
    computes: Record<string, pulumi.Resource>;
    /** Resource group of the workspace. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace (or project) name. */
    workspaceName: pulumi.Input<string>;
    /** Workspace (or project) ARM ID. */
    workspaceId: pulumi.Input<string>;
    /** Tags of the schedules. */
    tags: Record<string, string>;
}

/** Creates the workspace's schedules under `parent`; logical names `<name>-schedule-<scheduleName>`. */
export function createSchedules(name: string, a: WorkspaceSchedulesArgs, parent: pulumi.Resource): JobSchedule[] {
    const computeNames = computeNamesOf(a.compute);
    return Object.entries(a.schedules).map(([scheduleName, s]) => {
        const named = jobComputes(s.job, { computeNames });
        return new JobSchedule(
            `${name}-schedule-${scheduleName}`,
            {
                resourceGroupName: a.resourceGroupName,
                workspaceName: a.workspaceName,
                workspaceId: a.workspaceId,
                scheduleName,
                job: s.job,
                computeNames,
                trigger: { cron: s.cron, recurrence: s.recurrence },
                enabled: s.enabled,
                description: s.description,
                displayName: s.displayName,
                tags: a.tags,
            },
            { parent, dependsOn: named.flatMap((n) => (a.computes[n] ? [a.computes[n]] : [])) },
        );
    });
}
