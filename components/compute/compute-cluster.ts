import * as pulumi from "@pulumi/pulumi";
import { Compute } from "@pulumi/azure-native/machinelearningservices";

/** Arguments of {@link ComputeCluster}. */
export interface ComputeClusterArgs {
    /** Resource group of the workspace. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace name. */
    workspaceName: pulumi.Input<string>;
    /** Region. */
    location: pulumi.Input<string>;
    /** Tags. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Cluster name (3-16). */
    computeName: string;
    /** VM size, e.g. `Standard_DS3_v2`. */
    vmSize: pulumi.Input<string>;
    /** Minimum nodes. Default 0 (scale to zero). */
    minNodes?: pulumi.Input<number>;
    /** Maximum nodes. */
    maxNodes: pulumi.Input<number>;
    /** Idle seconds before scale-down. Default 120. */
    idleSecondsBeforeScaleDown?: number;
    /** `Dedicated` (default) or `LowPriority`. */
    vmPriority?: "Dedicated" | "LowPriority";
    /** Subnet of a customer network (workspace without managed network). Default: none (the managed network). */
    subnetId?: pulumi.Input<string>;
    /** Give nodes public IPs. Default false (needs a subnet or the managed network). */
    nodePublicIp?: boolean;
    /** User-assigned identity the nodes act as. Default: a system-assigned identity. */
    identityId?: pulumi.Input<string>;
}

/**
 * An Azure ML compute cluster: Entra ID only (local auth off), no node public
 * IPs, SSH port closed, scales to zero, a managed identity, in the training
 * subnet or the workspace's managed network.
 */
export class ComputeCluster extends pulumi.ComponentResource {
    /** Compute resource ID. */
    readonly id: pulumi.Output<string>;
    /** Compute name. */
    readonly computeName: pulumi.Output<string>;

    constructor(name: string, args: ComputeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ComputeCluster", name, {}, opts);
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
                    computeType: "AmlCompute",
                    disableLocalAuth: true,
                    properties: {
                        vmSize: args.vmSize,
                        vmPriority: args.vmPriority ?? "Dedicated",
                        osType: "Linux",
                        enableNodePublicIp: args.nodePublicIp ?? false,
                        remoteLoginPortPublicAccess: "Disabled",
                        subnet: args.subnetId ? { id: args.subnetId } : undefined,
                        scaleSettings: {
                            minNodeCount: args.minNodes ?? 0,
                            maxNodeCount: args.maxNodes,
                            nodeIdleTimeBeforeScaleDown: `PT${args.idleSecondsBeforeScaleDown ?? 120}S`,
                        },
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
