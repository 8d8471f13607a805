import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { deterministicGuid } from "../hashing";
import type { PrincipalType } from "../enums";
import { roleDefinitionId } from "../resource-ids";

export { PrincipalType } from "../enums";

/** One grant of {@link AccessGrants}: a role for a principal at a scope. */
export interface AccessGrantArgs {
    /** Object ID (GUID) of the user, group or service principal in Entra ID, as written in config. Required. */
    principalId: string;
    /**
     * `User`, `Group` or `ServicePrincipal`. Required and always sent: without it ARM looks the
     * principal up in Entra ID and fails for one created moments earlier (replication delay).
     */
    principalType: PrincipalType;
    /** Display label of the principal for reports and the assignment's description (e.g. `risk-data-scientists`). Default none (the object ID is shown). */
    label?: string;
    /**
     * The role: a built-in role definition GUID (expanded to its ID in `subscriptionId`), or the
     * full ID of a role definition such as `CustomRoleDefinition.roleDefinitionId`. Required.
     */
    roleDefinitionId: pulumi.Input<string>;
    /**
     * Stable key of the role for the assignment name (e.g. the built-in display name or the custom
     * role's key). Default: `roleDefinitionId` when it is a plain string; required when that is
     * an output, whose value may be unknown at preview.
     */
    roleKey?: string;
    /** ARM ID of the scope (workspace, hub, resource group or registry). Required. */
    scopeId: pulumi.Input<string>;
    /** Stable key of the scope (e.g. `team/risk/workspace`), never the ARM ID, which may be unknown at preview. Required. */
    scopeKey: string;
}

/** Arguments of {@link AccessGrants}. */
export interface AccessGrantsArgs {
    /** The grants, one role assignment each; order does not matter (names derive from content). Required. */
    grants: AccessGrantArgs[];
    /** Subscription whose role definition ID a built-in role GUID is expanded in. Required. */
    subscriptionId: pulumi.Input<string>;
}

/**
 * Role assignments for people, groups and service principals: one per grant, each with a
 * deterministic name (a name-based UUID of scope key, principal and role, so re-runs, reordering
 * and added grants never rename or duplicate one) and `principalType` always set.
 */
export class AccessGrants extends pulumi.ComponentResource {
    /** Resource IDs of the role assignments, in the order of `grants`. */
    readonly roleAssignmentIds: pulumi.Output<string[]>;
    /** GUID names of the role assignments, in the order of `grants`. */
    readonly roleAssignmentNames: pulumi.Output<string[]>;

    constructor(name: string, args: AccessGrantsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before anything registers, so a bad list creates nothing.
        const planned = planAccessGrants(args.grants);
        super("aml-workspace:index:AccessGrants", name, {}, opts);
        const assignments = args.grants.map((g, i) => {
            const { assignmentName, roleKey } = planned[i];
            return new RoleAssignment(
                `${name}-${assignmentName}`,
                {
                    roleAssignmentName: assignmentName,
                    scope: g.scopeId,
                    roleDefinitionId: pulumi.all([g.roleDefinitionId, args.subscriptionId]).apply(([role, sub]) => (GUID.test(role) ? roleDefinitionId(sub, role.toLowerCase()) : role)),
                    principalId: g.principalId,
                    principalType: g.principalType,
                    description: `${g.label ?? g.principalId}: ${roleKey} (granted by aml-workspace)`,
                },
                { parent: this },
            );
        });
        this.roleAssignmentIds = pulumi.all(assignments.map((a) => a.id));
        this.roleAssignmentNames = pulumi.output(planned.map((p) => p.assignmentName));
        this.registerOutputs({ roleAssignmentIds: this.roleAssignmentIds, roleAssignmentNames: this.roleAssignmentNames });
    }
}

/**
 * The role key and assignment name of each grant, in order. Throws when a grant whose role is an
 * output has no `roleKey`, or when two grants share scope key, principal and role (Azure would
 * refuse the second as RoleAssignmentExists).
 */
export function planAccessGrants(grants: readonly AccessGrantArgs[]): { roleKey: string; assignmentName: string }[] {
    const out: { roleKey: string; assignmentName: string }[] = [];
    grants.forEach((g, i) => {
        const roleKey = g.roleKey ?? (typeof g.roleDefinitionId === "string" ? g.roleDefinitionId : undefined);
        if (roleKey === undefined) throw new Error(`AccessGrants: grants[${i}].roleKey is required when roleDefinitionId is an output`);
        const assignmentName = accessGrantName(g.scopeKey, g.principalId, roleKey);
        const first = out.findIndex((p) => p.assignmentName === assignmentName);
        if (first >= 0) throw new Error(`AccessGrants: grants[${i}] repeats grants[${first}] (${roleKey} for ${g.principalId} at ${g.scopeKey}); list each grant once`);
        out.push({ roleKey, assignmentName });
    });
    return out;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The GUID name of the assignment of `roleKey` to `principalId` at `scopeKey`: a name-based UUID,
 * the same on every run. The principal's object ID is lower-cased, as Entra ID compares it.
 */
export function accessGrantName(scopeKey: string, principalId: string, roleKey: string): string {
    return deterministicGuid("access-grant", scopeKey, principalId.toLowerCase(), roleKey);
}
