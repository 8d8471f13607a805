import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_DEFAULTS } from "../defaults";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { computeStartStopOf, triggerProblems, type ComputeScheduleAction, type CronTriggerArgs, type RecurrenceTriggerArgs } from "../schedules/trigger";
import { computeNetworkProperties, computeResourceInputs, type ComputeCommonArgs } from "./compute-common";
import { scriptReferenceOf, setupScriptProblems, type ComputeInstanceScriptArgs } from "./setup-scripts";

export type { ComputeInstanceScriptArgs } from "./setup-scripts";

/** One start/stop schedule of a compute instance (ARM `ComputeStartStopSchedule`): exactly one of `cron` and `recurrence`. */
export interface ComputeInstanceScheduleArgs {
    /** `Start` or `Stop`. Required. */
    action: ComputeScheduleAction;
    /** Cron trigger (no `endTime`). Default: none. */
    cron?: CronTriggerArgs;
    /** Recurrence trigger (Day, Week or Month, with hours and minutes; no `endTime`). Default: none. */
    recurrence?: RecurrenceTriggerArgs;
    /** Whether the schedule acts. Default true. */
    enabled?: boolean;
}

/** Arguments of {@link ComputeInstance}. */
export interface ComputeInstanceArgs extends ComputeCommonArgs {
    /** ISO 8601 idle time before shutdown. Default `PT60M`. */
    idleTimeBeforeShutdown?: pulumi.Input<string>;
    /** Entra tenant of the assigned user. Required. */
    tenantId: pulumi.Input<string>;
    /** Object ID of the user the instance belongs to. Required (the component never picks one). */
    assignedUserObjectId: pulumi.Input<string>;
    /** Single sign-on with the assigned user's Entra identity (`enableSSO`). Default true. */
    enableSso?: boolean;
    /** Start/stop schedules, in the order given. Default none. */
    schedules?: ComputeInstanceScheduleArgs[];
    /** Script run once, when the instance is created. Default none. */
    creationScript?: ComputeInstanceScriptArgs;
    /** Script run at every start. Default none. */
    startupScript?: ComputeInstanceScriptArgs;
}

/** Problems of the schedule and script args, each naming its arg (`schedules[0].cron.expression`). */
export function computeInstanceArgsProblems(args: Pick<ComputeInstanceArgs, "schedules" | "creationScript" | "startupScript">): string[] {
    const join = (base: string, key: string): string => (key === "" ? base : `${base}.${key}`);
    const out: string[] = [];
    (args.schedules ?? []).forEach((s, i) => {
        for (const p of triggerProblems({ cron: s.cron, recurrence: s.recurrence }, { endTime: false, patternRequired: true })) out.push(`${join(`schedules[${i}]`, p.key)}: ${p.problem} (${p.fix})`);
    });
    for (const [arg, script] of [["creationScript", args.creationScript], ["startupScript", args.startupScript]] as const) {
        if (script === undefined) continue;
        for (const p of setupScriptProblems(script)) out.push(`${join(arg, p.key)}: ${p.problem} (${p.fix})`);
    }
    return out;
}

/**
 * A personal Azure ML compute instance: Entra ID only, no public IP, SSH
 * closed, shuts down when idle, assigned to one user, with a managed identity,
 * in the training subnet or the workspace's managed network; optionally started and stopped on
 * schedules and customised by setup scripts (sent inline, components/compute/setup-scripts.ts).
 */
export class ComputeInstance extends pulumi.ComponentResource {
    /** Compute resource ID. */
    readonly id: pulumi.Output<string>;
    /** Compute name. */
    readonly computeName: pulumi.Output<string>;
    /** Principal ID of its system-assigned identity; undefined when it acts as a user-assigned identity (`identityId`). */
    readonly principalId: pulumi.Output<string | undefined>;

    constructor(name: string, args: ComputeInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ComputeInstance", name, {}, opts);
        const problems = computeInstanceArgsProblems(args);
        if (problems.length > 0) throw new pulumi.ResourceError(`compute instance ${args.computeName}: ${problems.join("; ")}`, this);
        const schedules = (args.schedules ?? []).map((s) =>
            computeStartStopOf(s.action, { cron: s.cron, recurrence: s.recurrence }, s.enabled ?? COMPONENT_DEFAULTS["compute.instances.*.schedules.*.enabled"]),
        );
        const scripts = args.creationScript || args.startupScript
            ? {
                  scripts: {
                      creationScript: args.creationScript && scriptReferenceOf(args.creationScript),
                      startupScript: args.startupScript && scriptReferenceOf(args.startupScript),
                  },
              }
            : undefined;
        const compute = new Compute(
            `${name}-compute`,
            {
                ...computeResourceInputs(args),
                properties: {
                    computeType: "ComputeInstance",
                    disableLocalAuth: true,
                    properties: {
                        ...computeNetworkProperties(args),
                        idleTimeBeforeShutdown: args.idleTimeBeforeShutdown ?? COMPONENT_DEFAULTS["compute.instances.*.idleTimeBeforeShutdown"],
                        sshSettings: { sshPublicAccess: "Disabled" },
                        applicationSharingPolicy: "Personal",
                        computeInstanceAuthorizationType: "personal",
                        personalComputeInstanceSettings: { assignedUser: { objectId: args.assignedUserObjectId, tenantId: args.tenantId } },
                        enableSSO: args.enableSso ?? COMPONENT_DEFAULTS["compute.instances.*.enableSso"],
                        schedules: schedules.length > 0 ? { computeStartStop: schedules } : undefined,
                        setupScripts: scripts,
                    },
                },
            },
            { parent: this },
        );
        this.id = compute.id;
        this.computeName = compute.name;
        this.principalId = compute.identity.apply((i) => i?.principalId);
        this.registerOutputs({ id: this.id, computeName: this.computeName });
    }
}
