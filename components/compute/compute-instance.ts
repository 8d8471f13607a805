import * as pulumi from "@pulumi/pulumi";
import { Compute } from "@pulumi/azure-native/machinelearningservices";

/** Arguments of {@link ComputeInstance}. */
export interface ComputeInstanceArgs {
    /** Resource group of the workspace. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace name. */
    workspaceName: pulumi.Input<string>;
    /** Region. */
    location: pulumi.Input<string>;
    /** Tags. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Instance name (3-24, unique in the region). */
    computeName: string;
    /** VM size. */
    vmSize: pulumi.Input<string>;
    /** ISO 8601 idle time before shutdown. Default `PT60M`. */
    idleTimeBeforeShutdown?: pulumi.Input<string>;
    /** Entra tenant of the assigned user. */
    tenantId: pulumi.Input<string>;
    /** Object ID of the user the instance belongs to. */
    assignedUserObjectId: pulumi.Input<string>;
    /** Subnet of a customer network (workspace without managed network). Default: none (the managed network). */
    subnetId?: pulumi.Input<string>;
    /** Give the node a public IP. Default false. */
    nodePublicIp?: boolean;
    /** User-assigned identity of the instance. Default: a system-assigned identity. */
    identityId?: pulumi.Input<string>;
}

/**
 * A personal Azure ML compute instance: Entra ID only, no public IP, SSH
 * closed, shuts down when idle, assigned to one user, with a managed identity,
 * in the training subnet or the workspace's managed network.
 */
export class ComputeInstance extends pulumi.ComponentResource {
    /** Compute resource ID. */
    readonly id: pulumi.Output<string>;
    /** Compute name. */
    readonly computeName: pulumi.Output<string>;

    constructor(name: string, args: ComputeInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ComputeInstance", name, {}, opts);
        const compute = new Compute(
            `${name}-compute`,
            {
                computeName: args.computeName,
                workspaceName: args.workspaceName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                identity: args.identityId ? { type: "UserAssigned", userAssignedIdentities: [args.identityId] } : { type: "SystemAssigned" },
                properties: {
                    computeType: "ComputeInstance",
                    disableLocalAuth: true,
                    properties: {
                        vmSize: args.vmSize,
                        enableNodePublicIp: args.nodePublicIp ?? false,
                        subnet: args.subnetId ? { id: args.subnetId } : undefined,
                        idleTimeBeforeShutdown: args.idleTimeBeforeShutdown ?? "PT60M",
                        sshSettings: { sshPublicAccess: "Disabled" },
                        applicationSharingPolicy: "Personal",
                        computeInstanceAuthorizationType: "personal",
                        personalComputeInstanceSettings: { assignedUser: { objectId: args.assignedUserObjectId, tenantId: args.tenantId } },
                        enableSSO: true,
                    },
                },
            },
            { parent: this },
        );
        this.id = compute.id;
        this.computeName = compute.name;
        this.registerOutputs({ id: this.id, computeName: this.computeName });
    }
}
