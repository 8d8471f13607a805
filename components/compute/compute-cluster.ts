import * as pulumi from "@pulumi/pulumi";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { COMPONENT_DEFAULTS } from "../defaults";
import { computeNetworkProperties, computeResourceInputs, type ComputeCommonArgs } from "./compute-common";

/**
 * VM priority of cluster nodes. An `as const` object with its value type, not a bare string
 * union: Pulumi's component analyzer refuses anonymous unions and turns this shape into a schema
 * enum (`aml-workspace:index:VmPriority`), while TypeScript callers still pass plain strings.
 */
export const VmPriority = {
    /** Nodes are never preempted. */
    Dedicated: "Dedicated",
    /** Cheaper nodes Azure may preempt. */
    LowPriority: "LowPriority",
} as const;
/** A {@link VmPriority} value. */
export type VmPriority = (typeof VmPriority)[keyof typeof VmPriority];

/** Arguments of {@link ComputeCluster}. */
export interface ComputeClusterArgs extends ComputeCommonArgs {
    /** Minimum nodes. Default 0 (scale to zero). */
    minNodes?: pulumi.Input<number>;
    /** Maximum nodes. */
    maxNodes: pulumi.Input<number>;
    /** Idle seconds before scale-down. Default 120. */
    idleSecondsBeforeScaleDown?: number;
    /** `Dedicated` or `LowPriority`. Default `Dedicated`. */
    vmPriority?: VmPriority;
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
    /** Principal ID of its system-assigned identity; undefined when it acts as a user-assigned identity (`identityId`). */
    readonly principalId: pulumi.Output<string | undefined>;

    constructor(name: string, args: ComputeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ComputeCluster", name, {}, opts);
        const compute = new Compute(
            `${name}-compute`,
            {
                ...computeResourceInputs(args),
                properties: {
                    computeType: "AmlCompute",
                    disableLocalAuth: true,
                    properties: {
                        ...computeNetworkProperties(args),
                        vmPriority: args.vmPriority ?? COMPONENT_DEFAULTS["compute.clusters.*.vmPriority"],
                        osType: "Linux",
                        remoteLoginPortPublicAccess: "Disabled",
                        scaleSettings: {
                            minNodeCount: args.minNodes ?? COMPONENT_DEFAULTS["compute.clusters.*.minNodes"],
                            maxNodeCount: args.maxNodes,
                            nodeIdleTimeBeforeScaleDown: `PT${args.idleSecondsBeforeScaleDown ?? COMPONENT_DEFAULTS["compute.clusters.*.idleSecondsBeforeScaleDown"]}S`,
                        },
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
