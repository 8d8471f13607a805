import * as pulumi from "@pulumi/pulumi";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { bringYourOwn } from "../bring-your-own-check";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";

/** Arguments of {@link WorkspaceIdentity}. */
export interface WorkspaceIdentityArgs extends PlacementArgs {
    /** ID of an existing user-assigned identity; when set none is created. Default: create one. */
    existingId?: string;
    /** Principal (object) ID of `existingId`; required with it. Default: none. */
    existingPrincipalId?: string;
    /** Name of the identity to create (3-128). Required unless adopted; must be unset when adopted. */
    name?: string;
    /**
     * Deletion guards for the created identity. Default none. Stateful: a customer-managed key
     * workspace reads its key as this identity, and a new identity (new principal ID) loses
     * every grant, so prod protects it.
     */
    protection?: StatefulProtection;
}

/**
 * The user-assigned identity the workspace acts as. Created before the
 * workspace so its access to storage, vault, registry and monitoring (and the
 * customer-managed key) is in place when Azure validates the workspace.
 */
export class WorkspaceIdentity extends pulumi.ComponentResource {
    /** Identity resource ID. */
    readonly id: pulumi.Output<string>;
    /** Principal (object) ID, for role assignments. */
    readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: WorkspaceIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:WorkspaceIdentity", name, {}, opts);
        const choice = bringYourOwn("", args, this);
        if (choice.adopt) {
            if (!args.existingPrincipalId) throw new pulumi.ResourceError("existingPrincipalId is required with existingId: roles are granted to it", this);
            this.id = pulumi.output(choice.existingId);
            this.principalId = pulumi.output(args.existingPrincipalId);
        } else {
            const identity = new UserAssignedIdentity(
                `${name}-uai`,
                { resourceName: choice.name, resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags },
                statefulOptions(this, args.protection),
            );
            this.id = identity.id;
            this.principalId = identity.principalId;
        }
        this.registerOutputs({ id: this.id, principalId: this.principalId });
    }
}
