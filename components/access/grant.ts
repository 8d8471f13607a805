import type { PrincipalType } from "../enums";
import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { deterministicGuid } from "../hashing";
import { roleDefinitionId } from "../resource-ids";
import { BUILTIN_ROLES, type BuiltinRole } from "./roles";

/** One role grant. */
export interface GrantArgs {
    /** ARM scope (resource, group or subscription ID). */
    scope: pulumi.Input<string>;
    /** Built-in role to grant. */
    role: BuiltinRole;
    /** Object ID of the principal. */
    principalId: pulumi.Input<string>;
    /**
     * Principal type; always set, because ARM otherwise looks the principal up
     * in Entra ID and fails for identities created seconds earlier.
     */
    principalType: PrincipalType;
    /** Subscription of the role definition. */
    subscriptionId: pulumi.Input<string>;
    /**
     * Stable strings identifying scope and principal (not their IDs, which may
     * be unknown at preview): the assignment's GUID name is derived from them, so
     * a re-run never creates a duplicate.
     */
    identity: readonly string[];
    /** Why the grant exists (shown in the portal). */
    description: string;
}

/** Creates one role assignment with a deterministic name. */
export function grantRole(name: string, args: GrantArgs, opts: pulumi.CustomResourceOptions): RoleAssignment {
    return new RoleAssignment(
        name,
        {
            roleAssignmentName: deterministicGuid(...args.identity, args.role),
            scope: args.scope,
            roleDefinitionId: pulumi.output(args.subscriptionId).apply((sub) => roleDefinitionId(sub, BUILTIN_ROLES[args.role])),
            principalId: args.principalId,
            principalType: args.principalType,
            description: args.description,
        },
        opts,
    );
}
