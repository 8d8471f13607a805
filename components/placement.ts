import type * as pulumi from "@pulumi/pulumi";

/** Where and how every resource of a component is placed. */
export interface PlacementArgs {
    /** Resource group the resources go into. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region. */
    location: pulumi.Input<string>;
    /** Tags for every taggable resource. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Deletion guards for stateful resources. Plain values: Pulumi needs resource options before any output resolves. */
export interface StatefulProtection {
    /** Pulumi `protect`: refuse to delete. Default false. */
    protect?: boolean;
    /** Pulumi `retainOnDelete`: leave the cloud resource when Pulumi deletes it. Default false. */
    retainOnDelete?: boolean;
}

/** Resource options for a stateful child: parent plus the guards. */
export function statefulOptions(parent: pulumi.Resource, protection: StatefulProtection | undefined): pulumi.CustomResourceOptions {
    return { parent, protect: protection?.protect ?? false, retainOnDelete: protection?.retainOnDelete ?? false };
}
