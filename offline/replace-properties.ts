/**
 * Which input changes make azure-native replace (delete, then create) a resource instead of
 * updating it in place. The provider decides this from metadata generated from the Azure REST
 * specs, which ships inside the provider binary, not in the Node SDK; the offline engine has no
 * provider binary, so this file restates the rules for the types the toolkit creates.
 *
 * Source (read 2026-12-05, pulumi/pulumi-azure-native):
 * - provider/pkg/provider/diff.go (`calculateDetailedDiff`, commit 03707ff7): every PUT
 *   parameter located in the path (the resource's own name, its resource group, its parents'
 *   names, an extension resource's scope) forces a replacement; so does any body property
 *   flagged ForceNew; a change below a ForceNew property replaces too; `location` is compared
 *   without case and spaces ("West Europe" = "westeurope").
 *   Issue #77 "Force replacements if any of the identifier properties changes";
 *   PR #2283 "Add WillReplaceOnChanges doc annotation to path properties".
 * - ForceNew comes from `x-ms-mutability` without `update` in the Azure spec (PR #137 "Use
 *   x-ms-mutability extension to ForceNew properties") and from a hand-kept list
 *   (PR #169; provider/pkg/gen/replacement.go `forceNewMap`, commit 1b7112af), restated in
 *   {@link FORCE_NEW} below for the toolkit's types.
 * - A ForceNew property removed from the program does not replace (PR #4785, #4789).
 *
 * Checked: Key Vault's `location` carries no `x-ms-mutability` (Azure/azure-rest-api-specs,
 * keyvault.json `VaultCreateOrUpdateParameters`, 2019-09-01), so a vault's location change is an
 * update (that Azure refuses), while the toolkit's vault name, hashed from the location, changes and
 * replaces it.
 *
 * Limits: `x-ms-mutability` create-only properties of each type's API version are not all
 * restated (only those in the provider's hand-kept list); `location` is ForceNew only where
 * that list says so, and elsewhere an in-place move is refused by Azure itself (issue #3053:
 * "InvalidResourceLocation"), which the `location-move` rule of dangerous-changes.ts reports.
 */
import { ARM_TYPES } from "./azure-sim/arm-types";

/** When the table was last checked against the provider source. */
export const REPLACE_TABLE_DATE = "2026-12-05";
/** Where the table comes from. */
export const REPLACE_TABLE_SOURCE =
    "pulumi/pulumi-azure-native provider/pkg/provider/diff.go (path parameters) and provider/pkg/gen/replacement.go forceNewMap (body properties)";

/**
 * Body properties that force a replacement, by type token (dotted paths; a change at or below
 * one replaces). Types of the toolkit absent here have none besides their path parameters.
 * From replacement.go `forceNewMap` (module → resource → properties).
 */
export const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
    "azure-native:authorization:RoleAssignment": ["principalId", "scope"],
    "azure-native:containerservice:ManagedCluster": [
        "diskEncryptionSetID",
        "dnsPrefix",
        "fqdnSubdomain",
        "linuxProfile",
        "location",
        "nodeResourceGroup",
        "windowsProfile",
        // Only these parts of networkProfile are create-only (issue #4756).
        "networkProfile.serviceCidr",
        "networkProfile.serviceCidrs",
        "networkProfile.dnsServiceIP",
        "networkProfile.networkMode",
        "networkProfile.networkPlugin",
        "networkProfile.networkPluginMode",
        "networkProfile.podCidr",
        "networkProfile.networkDataplane",
        "networkProfile.networkPolicy",
        "networkProfile.outboundType",
        "agentPoolProfiles[].networkProfile.nodePublicIPTags",
    ],
    "azure-native:containerservice:AgentPool": ["gpuInstanceProfile", "vmSize", "networkProfile.nodePublicIPTags"],
    // A private endpoint cannot move to another subnet (issue #3883).
    "azure-native:network:PrivateEndpoint": ["subnet"],
    "azure-native:network:VirtualNetwork": ["location"],
    "azure-native:resources:ResourceGroup": ["location"],
    "azure-native:storage:StorageAccount": ["isHnsEnabled", "location"],
};

/**
 * The inputs that are part of a type's ARM path (its ID), derived from the simulator's
 * ARM_TYPES placement: the name, the resource group, parent names, `{key}` segments, an
 * extension's scope. Any change of one forces a replacement. For a type the simulator does not
 * know, only `resourceGroupName` (every resource-group resource has it in its path).
 */
export function pathParameters(type: string): string[] {
    const spec = ARM_TYPES[type];
    if (!spec) return ["resourceGroupName"];
    const keys = new Set<string>([spec.nameKey]);
    const p = spec.placement;
    switch (p.kind) {
        case "resourceGroup":
            keys.add("resourceGroupName");
            break;
        case "child":
            keys.add("resourceGroupName");
            keys.add(p.parentNameKey);
            for (const m of p.segment.matchAll(/\{(\w+)\}/g)) keys.add(m[1]);
            break;
        case "extension":
            keys.add(p.scopeKey);
            break;
        case "extensionOfParts":
            for (const k of ["resourceGroupName", p.providerKey, p.typeKey, p.nameKey]) keys.add(k);
            break;
        case "subscription":
            break;
    }
    return [...keys];
}

/** Why a change of `path` replaces a resource of `type`: the forcing property, or undefined (an update). */
export function replaceReason(type: string, path: string): { property: string; kind: "path-parameter" | "force-new" } | undefined {
    const top = path.split(/[.[]/)[0];
    if (type.startsWith("azure-native:") && pathParameters(type).includes(top)) return { property: top, kind: "path-parameter" };
    // Array indexes compare as `[]`, as the provider's ForceNew keys do.
    const normalized = path.replace(/\[\d+\]/g, "[]");
    for (const key of FORCE_NEW[type] ?? []) {
        if (normalized === key || normalized.startsWith(`${key}.`) || normalized.startsWith(`${key}[`)) return { property: key, kind: "force-new" };
    }
    return undefined;
}

/** Azure location names compare without case and spaces ("West Europe" = "westeurope"), as the provider does. */
export function normalizeLocation(location: string): string {
    return location.replace(/\s+/g, "").toLowerCase();
}
