/**
 * ARM resource IDs (pure). Adopted resources are referenced by ID only, so the
 * pieces a component needs (name, group, subscription) come from parsing it.
 */

/** The parts of an ARM resource ID. */
export interface ResourceIdParts {
    /** Subscription GUID. */
    subscriptionId: string;
    /** Resource group name. */
    resourceGroupName: string;
    /** Provider namespace and type, e.g. `Microsoft.Storage/storageAccounts`; undefined for a resource group ID. */
    type?: string;
    /** Resource name (the resource group's name for a resource group ID). */
    name: string;
}

const ID = /^\/subscriptions\/([^/]+)\/resource[Gg]roups\/([^/]+)(?:\/providers\/([^/]+\/[^/]+)\/([^/]+))?$/;

/** Parses a resource-group or top-level resource ID; throws on anything else. */
export function parseResourceId(id: string): ResourceIdParts {
    const m = ID.exec(id);
    if (!m) throw new Error(`"${id}" is not an ARM resource ID of the form /subscriptions/<id>/resourceGroups/<group>[/providers/<namespace>/<type>/<name>]`);
    return m[3] === undefined
        ? { subscriptionId: m[1], resourceGroupName: m[2], name: m[2] }
        : { subscriptionId: m[1], resourceGroupName: m[2], type: m[3], name: m[4] };
}

/**
 * The resource type an ID names, as written (`Microsoft.Network/virtualNetworks/subnets` for a
 * subnet: nested types joined); undefined for an ID without a provider segment (a resource
 * group or subscription). The one reader of a type from an ID: lifecycle rules, the config's
 * adoption check and the simulator use it.
 */
export function resourceTypeOfId(id: string): string | undefined {
    const parts = id.split("/providers/");
    const last = parts[parts.length - 1];
    if (parts.length < 2 || last === undefined) return undefined;
    const segs = last.split("/");
    const ns = segs[0];
    const types = segs.slice(1).filter((_, k) => k % 2 === 0);
    return ns && types.length > 0 ? `${ns}/${types.join("/")}` : undefined;
}

/** Builds the ID of a resource-group-level resource. */
export function resourceId(subscriptionId: string, resourceGroupName: string, type: string, name: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${type}/${name}`;
}

/** Subscription-scoped ID of a built-in role definition. */
export function roleDefinitionId(subscriptionId: string, roleGuid: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}
