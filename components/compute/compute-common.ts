import type * as pulumi from "@pulumi/pulumi";

/** What every Azure ML compute target shares: where it lives, its size, its network and identity. */
export interface ComputeCommonArgs {
    /** Resource group of the workspace. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace name. */
    workspaceName: pulumi.Input<string>;
    /** Region. */
    location: pulumi.Input<string>;
    /** Tags. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Compute name (rules differ per kind; see components/naming.ts). */
    computeName: string;
    /** VM size, e.g. `Standard_DS3_v2`. */
    vmSize: pulumi.Input<string>;
    /** Subnet of a customer network (workspace without managed network). Default: none (the managed network). */
    subnetId?: pulumi.Input<string>;
    /** Give nodes public IPs. Default false. */
    nodePublicIp?: boolean;
    /** User-assigned identity the compute acts as. Default: a system-assigned identity. */
    identityId?: pulumi.Input<string>;
}

/** The top-level inputs of a `machinelearningservices:Compute` shared by every kind. */
export function computeResourceInputs(args: ComputeCommonArgs) {
    return {
        computeName: args.computeName,
        workspaceName: args.workspaceName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        tags: args.tags,
        identity: args.identityId ? { type: "UserAssigned" as const, userAssignedIdentities: [args.identityId] } : { type: "SystemAssigned" as const },
    };
}

/** The network part of a compute's properties: never a public IP unless asked, the subnet when given. */
export function computeNetworkProperties(args: ComputeCommonArgs) {
    return {
        vmSize: args.vmSize,
        enableNodePublicIp: args.nodePublicIp ?? false,
        subnet: args.subnetId ? { id: args.subnetId } : undefined,
    };
}
