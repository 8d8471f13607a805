/**
 * The role-grant fan-out of a workspace identity: exactly the roles the Azure ML docs list, each
 * scoped to its associated resource (see roles.ts), with deterministic assignment names. Split out
 * of the Workspace constructor so the constructor wires resources and this module decides grants.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { IdentityType } from "../enums";
import { grantRole } from "./grant";
import { WORKSPACE_IDENTITY_ROLES, rolesToGrant, type AssociatedResource, type BuiltinRole } from "./roles";

/** What every grant of one workspace shares. */
export interface WorkspaceGrantContext {
    /** Logical name of the workspace component (prefix of the grants' logical names). */
    name: string;
    /** Workspace name (for the grants' descriptions). */
    workspaceName: string;
    /** Subscription of the role definitions. */
    subscriptionId: pulumi.Input<string>;
    /** Stable strings identifying the deployment (seed the assignment names). */
    uniqueBy: string[];
}

/** The principal receiving grants: its object ID and a short stable key (`uai`, `system`). */
export interface WorkspacePrincipal {
    /** Object ID. */
    principalId: pulumi.Input<string>;
    /** Stable key used in logical and assignment names. */
    key: string;
}

/** One role on one scope, named after `target` (e.g. `resourceGroup`, `workspace`). */
export function grantWorkspaceRole(
    ctx: WorkspaceGrantContext,
    principal: WorkspacePrincipal,
    target: string,
    scope: pulumi.Input<string>,
    role: BuiltinRole,
    opts: pulumi.CustomResourceOptions,
): pulumi.Resource {
    return grantRole(
        `${ctx.name}-${principal.key}-${target}-${role}`,
        {
            scope,
            role,
            principalId: principal.principalId,
            principalType: "ServicePrincipal",
            subscriptionId: ctx.subscriptionId,
            identity: [...ctx.uniqueBy, ctx.name, principal.key, target],
            description: `Azure ML workspace ${ctx.workspaceName} (${principal.key} identity) uses ${target}`,
        },
        opts,
    );
}

/**
 * Every role the workspace identity needs on the associated resources present in `scopes`. A
 * system-assigned identity gets only what the service does not grant it itself (re-granting those
 * fails with RoleAssignmentExists): see SERVICE_GRANTED_ROLES in roles.ts.
 */
export function grantWorkspaceIdentity(
    ctx: WorkspaceGrantContext,
    principal: WorkspacePrincipal,
    identityType: IdentityType,
    scopes: Partial<Record<AssociatedResource, pulumi.Input<string>>>,
    opts: pulumi.CustomResourceOptions,
): pulumi.Resource[] {
    return (Object.keys(WORKSPACE_IDENTITY_ROLES) as AssociatedResource[]).flatMap((resource) => {
        const scope = scopes[resource];
        if (scope === undefined) return [];
        return rolesToGrant(resource, identityType).map((role) => grantWorkspaceRole(ctx, principal, resource, scope, role, opts));
    });
}
