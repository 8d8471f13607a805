import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import { grantRole } from "./grant";
import { WORKSPACE_EXTRA_ROLES } from "./roles";

/** Arguments of {@link grantStudioEndpointReader}. */
export interface StudioEndpointReaderArgs {
    /** Private endpoint IDs by `<role>-<groupId>` (as `PrivateAccess.endpointIds`). */
    endpointIds: Readonly<Record<string, pulumi.Input<string>>>;
    /** Principal (object) ID of the workspace identity. */
    principalId: pulumi.Input<string>;
    /** Subscription of the role definition. */
    subscriptionId: pulumi.Input<string>;
    /** Stable strings identifying the deployment (seed the assignment names). */
    uniqueBy: readonly string[];
    /** Workspace name (for the descriptions). */
    workspaceName: string;
    /** Role of the workspace's storage endpoints in `endpointIds` (a team's are `<team>-storage`). Default `storage`. */
    storageRole?: string;
}

/**
 * Reader for the workspace identity on the default storage account's blob and
 * file private endpoints in the customer network. Needed when the account's
 * public network access is disabled, for studio features that reach storage
 * through them ("Workspace Managed Virtual Network Isolation",
 * https://learn.microsoft.com/azure/machine-learning/how-to-managed-network, "Azure Machine
 * Learning studio"; checked 2026-12-02). Endpoints the managed network creates need no grant.
 */
export function grantStudioEndpointReader(name: string, args: StudioEndpointReaderArgs, opts: pulumi.CustomResourceOptions): RoleAssignment[] {
    const role = args.storageRole ?? "storage";
    // Names and GUIDs use the unprefixed key (`storage-blob`): `name` already says whose endpoint it is.
    return (["blob", "file"] as const)
        .map((service) => ({ key: `storage-${service}`, id: args.endpointIds[`${role}-${service}`] }))
        .filter(({ id }) => id !== undefined)
        .map(({ key, id }) =>
            grantRole(
                `${name}-studio-${key}-reader`,
                {
                    scope: id!,
                    role: WORKSPACE_EXTRA_ROLES.studioEndpointReader,
                    principalId: args.principalId,
                    principalType: "ServicePrincipal",
                    subscriptionId: args.subscriptionId,
                    identity: [...args.uniqueBy, name, "studio", key],
                    description: `Azure ML workspace ${args.workspaceName}: the studio reaches private storage through this endpoint`,
                },
                opts,
            ),
        );
}
