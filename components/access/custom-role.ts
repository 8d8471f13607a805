import * as pulumi from "@pulumi/pulumi";
import { RoleDefinition } from "@pulumi/azure-native/authorization";
import { deterministicGuid } from "../hashing";

/** Arguments of {@link CustomRoleDefinition}. */
export interface CustomRoleDefinitionArgs {
    /** Key of the role (e.g. `model-publisher`); with `scopeKey` it fixes the definition's GUID, and it ends the display name. Required. */
    roleKey: string;
    /**
     * Stable key of the assignable scope (e.g. `team/risk/workspace`), never an ARM ID that may be
     * unknown at preview; the definition's GUID is a name-based UUID of it and `roleKey`, so a
     * re-run updates the same definition. Required.
     */
    scopeKey: string;
    /** ARM ID of the one scope the role is assignable at (a workspace or resource group); the definition is created there. Required. */
    assignableScopeId: pulumi.Input<string>;
    /**
     * Start of the display name, shown `<namePrefix> <roleKey>`. Azure requires a custom role's
     * display name to be unique in the Entra tenant ("Azure custom roles",
     * https://learn.microsoft.com/azure/role-based-access-control/custom-roles, "Custom role
     * properties"; checked 2026-12-02), so the prefix names the stack and the scope. Required.
     */
    namePrefix: string;
    /** Description shown in the portal. Default `Custom role <roleKey> (aml-workspace)`. */
    description?: string;
    /** Control-plane actions the role allows. Default none (then `dataActions` must list some). */
    actions?: string[];
    /** Control-plane actions excluded from `actions`. Default none. */
    notActions?: string[];
    /** Data-plane actions the role allows. Default none. */
    dataActions?: string[];
    /** Data-plane actions excluded from `dataActions`. Default none. */
    notDataActions?: string[];
}

/**
 * A custom Azure RBAC role definition assignable at exactly one scope, with a deterministic
 * GUID, so grants can use it like a built-in role through its `roleDefinitionId`. Actions are
 * written out by the caller: the stack's config checks refuse `*` and empty permissions.
 */
export class CustomRoleDefinition extends pulumi.ComponentResource {
    /** Full role definition resource ID, for a role assignment's roleDefinitionId. */
    readonly roleDefinitionId: pulumi.Output<string>;
    /** The definition's GUID (its name). */
    readonly roleGuid: pulumi.Output<string>;
    /** Display name, `<namePrefix> <roleKey>`. */
    readonly roleName: pulumi.Output<string>;

    constructor(name: string, args: CustomRoleDefinitionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:CustomRoleDefinition", name, {}, opts);
        const guid = customRoleGuid(args.scopeKey, args.roleKey);
        const roleName = `${args.namePrefix} ${args.roleKey}`;
        const definition = new RoleDefinition(
            `${name}-definition`,
            {
                roleDefinitionId: guid,
                scope: args.assignableScopeId,
                roleName,
                roleType: "CustomRole",
                description: args.description ?? `Custom role ${args.roleKey} (aml-workspace)`,
                assignableScopes: [args.assignableScopeId],
                permissions: [
                    {
                        actions: args.actions ?? [],
                        notActions: args.notActions ?? [],
                        dataActions: args.dataActions ?? [],
                        notDataActions: args.notDataActions ?? [],
                    },
                ],
            },
            { parent: this },
        );
        this.roleDefinitionId = definition.id;
        this.roleGuid = pulumi.output(guid);
        this.roleName = pulumi.output(roleName);
        this.registerOutputs({ roleDefinitionId: this.roleDefinitionId, roleGuid: this.roleGuid, roleName: this.roleName });
    }
}

/** The GUID of the custom role `roleKey` at the scope `scopeKey`: a name-based UUID, stable across runs. */
export function customRoleGuid(scopeKey: string, roleKey: string): string {
    return deterministicGuid("custom-role", scopeKey, roleKey);
}
