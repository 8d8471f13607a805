import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_DEFAULTS } from "../defaults";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { computeNetworkProperties, computeResourceInputs, type ComputeCommonArgs } from "./compute-common";

/** Arguments of {@link ComputeInstance}. */
export interface ComputeInstanceArgs extends ComputeCommonArgs {
    /** ISO 8601 idle time before shutdown. Default `PT60M`. */
    idleTimeBeforeShutdown?: pulumi.Input<string>;
    /** Entra tenant of the assigned user. */
    tenantId: pulumi.Input<string>;
    /** Object ID of the user the instance belongs to. */
    assignedUserObjectId: pulumi.Input<string>;
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
    /** Principal ID of its system-assigned identity; undefined when it acts as a user-assigned identity (`identityId`). */
    readonly principalId: pulumi.Output<string | undefined>;

    constructor(name: string, args: ComputeInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ComputeInstance", name, {}, opts);
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
                        enableSSO: true,
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
