/**
 * What Azure Resource Manager would reject at deploy time, checked before the
 * simulated create. Each rule returns a message naming the resource, the
 * property and the fix; the simulator refuses the resource with it.
 */
import { isZoneRedundantStorageSku, regionHasZones } from "../../components/regions";
import { armTypeOfId, LOCK_SENSITIVE_ARM_TYPES, lockConflicts } from "../../components/lifecycle";
import type { UNKNOWN } from "../graph";

/** A resource as the rules see it. */
export interface RuleSubject {
    /** Type token. */
    type: string;
    /** Logical name (for messages). */
    logicalName: string;
    /** Inputs. */
    inputs: Record<string, unknown>;
    /** Subscription of the simulated deployment (to build IDs of related resources). */
    subscriptionId: string;
    /** Looks up another created resource's inputs by ARM ID (case-insensitive). */
    lookup: (id: string) => { type: string; inputs: Record<string, unknown> } | undefined;
    /** Every resource created so far, with its ID. */
    all: () => readonly { type: string; logicalName: string; id?: string; inputs: Record<string, unknown> }[];
}

type Rule = (s: RuleSubject) => string | undefined;
type Value = unknown | typeof UNKNOWN;

const get = (o: Value, path: string): unknown =>
    path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

/** The ARM resource type each private link group ID belongs to. */
const GROUP_TARGET_TYPES: Readonly<Record<string, string>> = {
    amlworkspace: "microsoft.machinelearningservices/workspaces",
    blob: "microsoft.storage/storageaccounts",
    file: "microsoft.storage/storageaccounts",
    dfs: "microsoft.storage/storageaccounts",
    vault: "microsoft.keyvault/vaults",
    registry: "microsoft.containerregistry/registries",
    azuremonitor: "microsoft.insights/privatelinkscopes",
    iothub: "microsoft.devices/iothubs",
    management: "microsoft.containerservice/managedclusters",
};

const armTypeOf = (id: string): string | undefined => /\/providers\/([^/]+\/[^/]+)\/[^/]+$/.exec(id)?.[1]?.toLowerCase();

const RULES: Readonly<Record<string, readonly Rule[]>> = {
    "azure-native:network:PrivateEndpoint": [
        (s) => {
            const problems: string[] = [];
            for (const conn of (get(s.inputs, "privateLinkServiceConnections") as unknown[] | undefined) ?? []) {
                const target = get(conn, "privateLinkServiceId");
                const groups = (get(conn, "groupIds") as unknown[] | undefined) ?? [];
                if (typeof target !== "string") continue;
                for (const g of groups) {
                    const expected = GROUP_TARGET_TYPES[String(g).toLowerCase()];
                    const actual = armTypeOf(target);
                    if (expected && actual && expected !== actual) problems.push(`group ID "${String(g)}" is not a sub-resource of ${actual} (it belongs to ${expected})`);
                    if (String(g) === "registry") {
                        const registry = s.lookup(target);
                        const sku = registry && get(registry.inputs, "sku.name");
                        if (registry && sku !== "Premium") problems.push(`registry private endpoints need the Premium SKU (the registry is ${String(sku)})`);
                    }
                }
            }
            return problems.length > 0 ? problems.join("; ") : undefined;
        },
    ],
    "azure-native:network:PrivateDnsZoneGroup": [
        (s) => {
            const configs = (get(s.inputs, "privateDnsZoneConfigs") as unknown[] | undefined) ?? [];
            const names = configs.map((c) => get(c, "name"));
            if (new Set(names).size !== names.length) return "privateDnsZoneConfigs names must be unique";
            const bad = configs.map((c) => get(c, "privateDnsZoneId")).find((id) => typeof id === "string" && armTypeOf(id) !== "microsoft.network/privatednszones");
            return bad ? `privateDnsZoneConfigs[].privateDnsZoneId "${String(bad)}" is not a private DNS zone` : configs.length > 5 ? "a zone group holds at most 5 zones" : undefined;
        },
    ],
    "azure-native:machinelearningservices:Compute": [
        (s) => {
            if (get(s.inputs, "properties.properties.subnet.id") === undefined) return undefined;
            const ws = s.lookup(
                `/subscriptions/${s.subscriptionId}/resourceGroups/${String(s.inputs.resourceGroupName)}/providers/Microsoft.MachineLearningServices/workspaces/${String(s.inputs.workspaceName)}`,
            );
            const mode = ws && get(ws.inputs, "managedNetwork.isolationMode");
            return ws && mode !== undefined && mode !== "Disabled"
                ? `properties.properties.subnet is set but the workspace uses a managed network (isolationMode ${String(mode)}); compute of such a workspace runs only in the managed network`
                : undefined;
        },
    ],
    "azure-native:storage:StorageAccount": [
        // "Azure regions with availability zone support": zone-redundant replication needs zones.
        (s) => {
            const sku = get(s.inputs, "sku.name");
            const location = get(s.inputs, "location");
            return typeof sku === "string" && typeof location === "string" && isZoneRedundantStorageSku(sku) && !regionHasZones(location)
                ? `sku.name ${sku} is zone-redundant, but ${location} has no availability zones; use an LRS or GRS SKU`
                : undefined;
        },
    ],
    "azure-native:privatedns:VirtualNetworkLink": [
        // A virtual network can be linked to only one private DNS zone of a given name
        // ("Azure Private Endpoint DNS integration", https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration).
        (s) => {
            const vnet = get(s.inputs, "virtualNetwork.id");
            const zone = s.inputs.privateZoneName;
            if (typeof vnet !== "string" || typeof zone !== "string") return undefined;
            const other = s.all().find((r) => r.type === s.type && r.logicalName !== s.logicalName && get(r.inputs, "virtualNetwork.id") === vnet && String(r.inputs.privateZoneName).toLowerCase() === zone.toLowerCase());
            return other ? `virtual network ${vnet} is already linked to a private DNS zone named ${zone} (by "${other.logicalName}"); a network links to one zone of a name` : undefined;
        },
    ],
    "azure-native:containerregistry:Registry": [
        (s) => {
            const location = get(s.inputs, "location");
            return get(s.inputs, "zoneRedundancy") === "Enabled" && typeof location === "string" && !regionHasZones(location)
                ? `zoneRedundancy is Enabled, but ${location} has no availability zones`
                : undefined;
        },
        (s) =>
            get(s.inputs, "policies.retentionPolicy.status") === "enabled" && get(s.inputs, "policies.softDeletePolicy.status") === "enabled"
                ? "policies.retentionPolicy and policies.softDeletePolicy cannot both be enabled (ACR rejects the pair); keep one"
                : undefined,
        (s) =>
            get(s.inputs, "policies.exportPolicy.status") === "disabled" && get(s.inputs, "publicNetworkAccess") !== "Disabled"
                ? "policies.exportPolicy can be disabled only when publicNetworkAccess is Disabled"
                : undefined,
        (s) =>
            get(s.inputs, "networkRuleSet") !== undefined && get(s.inputs, "sku.name") !== "Premium"
                ? `networkRuleSet needs the Premium SKU (sku.name is ${String(get(s.inputs, "sku.name"))})`
                : undefined,
    ],
    "azure-native:keyvault:Vault": [
        (s) => {
            const days = get(s.inputs, "properties.softDeleteRetentionInDays");
            return typeof days === "number" && (days < 7 || days > 90) ? `properties.softDeleteRetentionInDays must be 7-90; got ${days}` : undefined;
        },
    ],
    "azure-native:authorization:RoleAssignment": [
        (s) => {
            const n = s.inputs.roleAssignmentName;
            return typeof n === "string" && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(n)
                ? `roleAssignmentName must be a GUID; got "${n}"`
                : undefined;
        },
    ],
    "azure-native:authorization:ManagementLockByScope": [
        // A lock covers its scope's children and extension resources ("Lock your resources to protect
        // your infrastructure"): refuse one that would make the stack's own updates fail.
        (s) => {
            const scope = s.inputs.scope;
            if (typeof scope !== "string") return undefined;
            const blocked = lockConflicts(scope, s.all().flatMap((r) => (r.id ? [r.id] : [])));
            return blocked.length > 0
                ? `a ${String(s.inputs.level)} lock on ${scope} would block deleting ${blocked.map((id) => `${LOCK_SENSITIVE_ARM_TYPES[armTypeOfId(id) ?? ""]?.split(" (")[0]} ${id}`).join(", ")}; lock a resource whose scope holds none of these`
                : undefined;
        },
    ],
    "azure-native:machinelearningservices:Workspace": [
        (s) => {
            const storageId = get(s.inputs, "storageAccount");
            const storage = typeof storageId === "string" ? s.lookup(storageId) : undefined;
            return storage && get(storage.inputs, "isHnsEnabled") === true
                ? "storageAccount has a hierarchical namespace (isHnsEnabled), which Azure ML does not support on the default storage account"
                : undefined;
        },
        (s) => {
            if (get(s.inputs, "encryption.status") !== "Enabled") return undefined;
            const vaultId = get(s.inputs, "encryption.keyVaultProperties.keyVaultArmId");
            if (typeof vaultId !== "string") return undefined;
            const vault = s.lookup(vaultId);
            return vault && get(vault.inputs, "properties.enablePurgeProtection") !== true
                ? "encryption uses a customer-managed key from a vault without purge protection; set properties.enablePurgeProtection on the vault"
                : undefined;
        },
        (s) =>
            get(s.inputs, "primaryUserAssignedIdentity") !== undefined && !String(get(s.inputs, "identity.type") ?? "").includes("UserAssigned")
                ? "primaryUserAssignedIdentity needs identity.type UserAssigned"
                : undefined,
    ],
};

/** Every rejection for a resource (empty when ARM would accept it). */
export function armRejections(subject: RuleSubject): string[] {
    return (RULES[subject.type] ?? []).flatMap((rule) => {
        const problem = rule(subject);
        return problem ? [`${subject.type} "${subject.logicalName}": ${problem}`] : [];
    });
}

/**
 * Locks already created whose scope covers a new resource that the stack must be able to delete
 * (role assignment, diagnostic setting, compute): the other half of the lock rule, for resources
 * registered after their lock.
 */
export function lockedBy(id: string, created: readonly { type: string; logicalName: string; id?: string; inputs: Record<string, unknown> }[]): string[] {
    if (LOCK_SENSITIVE_ARM_TYPES[armTypeOfId(id) ?? ""] === undefined) return [];
    return created
        .filter((r) => r.type === "azure-native:authorization:ManagementLockByScope" && typeof r.inputs.scope === "string" && lockConflicts(r.inputs.scope, [id]).length > 0)
        .map((r) => `${id}: a ${String(r.inputs.level)} lock "${r.logicalName}" on ${String(r.inputs.scope)} covers it, so the stack could not delete it; lock a resource whose scope holds no role assignment, diagnostic setting or compute`);
}
