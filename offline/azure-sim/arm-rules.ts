/**
 * What Azure Resource Manager would reject at deploy time, checked before the
 * simulated create. Each rule returns a message naming the resource, the
 * property and the fix; the simulator refuses the resource with it.
 */
import { BUILTIN_ROLES, KEY_UNWRAP_ROLES, SERVICE_GRANTED_ROLES, type AssociatedResource } from "../../components/access/roles";
import { groupIdsOfType, typesOfGroupId } from "../../components/network/private-link-zones";
import { isZoneRedundantStorageSku, regionHasZones } from "../../components/regions";
import { registrySettingProblems } from "../../components/registry/registry-settings";
import { armTypeOfId, LOCK_SENSITIVE_ARM_TYPES, lockConflicts } from "../../components/lifecycle";
import { readPath } from "../../components/object-path";
import { tagLimitsFor } from "../../components/tag-limits";
import { registrySkuAllowsPrivateEndpoints, registrySkuOffers } from "../../components/registry-sku";
import type { UNKNOWN } from "../graph";
import { AGENT_POOL_RULES, MANAGED_CLUSTER_RULES } from "./arm-rules-aks";
import { AZURE_ML_EXTENSION_RULES, FEDERATED_CREDENTIAL_RULES, KUBERNETES_COMPUTE_RULES } from "./arm-rules-kubernetes";
import { CONTAINER_GROUP_RULES } from "./arm-rules-aci";
import { ACTION_GROUP_RULES, METRIC_ALERT_RULES } from "./arm-rules-monitor";
import { ONLINE_DEPLOYMENT_RULES, ONLINE_ENDPOINT_RULES, TEMPLATE_DEPLOYMENT_RULES } from "./arm-rules-online";
import { SERVING_ARTIFACT_RULES } from "./arm-rules-serving";
import { IOT_HUB_RULES, SCOPE_MAP_RULES, TOKEN_RULES } from "./arm-rules-edge";

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
    /** Looks up another created resource's inputs (and, outside preview, computed outputs) by ARM ID (case-insensitive). */
    lookup: (id: string) => { type: string; inputs: Record<string, unknown>; outputs?: Record<string, unknown> } | undefined;
    /** Every resource created so far, with its ARM ID (absent when unknown in preview). */
    all: () => readonly { type: string; logicalName: string; id?: string; inputs: Record<string, unknown>; outputs?: Record<string, unknown> }[];
}

type Rule = (s: RuleSubject) => string | undefined;
type Value = unknown | typeof UNKNOWN;

/** Reads a dotted path of an input or output: the one reader in components/object-path.ts. */
const get = (o: Value, path: string): unknown => readPath(o, path);

/** The ARM types that offer a private link group ID: the one table in components/network/private-link-zones.ts. */
const groupTargetTypes = (groupId: string): string[] => typesOfGroupId(groupId);

/** The role GUID at the end of a role definition ID. */
const roleGuidOf = (roleDefinitionId: unknown): string | undefined => (typeof roleDefinitionId === "string" ? roleDefinitionId.split("/").pop()?.toLowerCase() : undefined);

/** Whether an assignment at `scope` applies to `target` (the same resource, or a parent scope of it). */
const covers = (scope: string, target: string): boolean => target.toLowerCase() === scope.toLowerCase() || target.toLowerCase().startsWith(`${scope.toLowerCase()}/`);

/** The workspace property naming each associated resource. */
const ASSOCIATED_INPUTS: Readonly<Record<AssociatedResource, string>> = {
    storage: "storageAccount",
    keyVault: "keyVault",
    containerRegistry: "containerRegistry",
    applicationInsights: "applicationInsights",
};

/**
 * A classic customer-managed-key workspace (metadata in a Cosmos DB account in the customer's
 * subscription) needs the Azure Cosmos DB first-party principal to get, wrap and unwrap the key
 * ("Use customer-managed keys with Azure Machine Learning", "Allow Azure Cosmos DB to access the
 * key"). Refused unless a role assignment with one of {@link KEY_UNWRAP_ROLES}, at the key or a
 * scope above it, exists for a principal other than the workspace's own identity.
 */
function classicCmkWithoutCosmosGrant(s: RuleSubject): string | undefined {
    if (get(s.inputs, "encryption.status") !== "Enabled" || get(s.inputs, "enableServiceSideCMKEncryption") === true || !s.all) return undefined;
    const vaultId = get(s.inputs, "encryption.keyVaultProperties.keyVaultArmId");
    if (typeof vaultId !== "string") return undefined;
    const uri = get(s.inputs, "encryption.keyVaultProperties.keyIdentifier");
    const keyName = typeof uri === "string" ? /\/keys\/([^/]+)/.exec(uri)?.[1] : undefined;
    const keyId = keyName ? `${vaultId}/keys/${keyName}` : undefined;
    const uaiId = get(s.inputs, "encryption.identity.userAssignedIdentity");
    const own = typeof uaiId === "string" ? s.lookup(uaiId)?.outputs?.principalId : undefined;
    const unwrap = new Set<string>(KEY_UNWRAP_ROLES.map((r) => BUILTIN_ROLES[r]));
    const granted = s.all().some((r) => {
        if (r.type !== "azure-native:authorization:RoleAssignment") return false;
        const scope = r.inputs.scope;
        const principal = r.inputs.principalId;
        if (typeof scope !== "string" || typeof principal !== "string" || principal === own) return false;
        if (!unwrap.has(roleGuidOf(r.inputs.roleDefinitionId) ?? "")) return false;
        // With the key's URI unknown (preview), an assignment on any key of the vault counts.
        return keyId ? covers(scope, keyId) : covers(scope, vaultId) || covers(vaultId, scope);
    });
    return granted
        ? undefined
        : "encryption is a classic customer-managed key (enableServiceSideCMKEncryption is not true), whose Cosmos DB account uses the key as the Azure Cosmos DB service principal, but no role assignment lets a principal other than the workspace identity get, wrap and unwrap the key; grant it Key Vault Crypto Service Encryption User on the key (config: encryption.customerManagedKey.cosmosDbPrincipalObjectId) or set enableServiceSideCMKEncryption";
}

/**
 * Azure ML assigns a system-assigned workspace identity its roles on the associated resources
 * itself ({@link SERVICE_GRANTED_ROLES}); the same role at the same scope again fails with
 * RoleAssignmentExists (the existing assignment has another name).
 */
function duplicateOfServiceGrant(s: RuleSubject): string | undefined {
    const principal = s.inputs.principalId;
    const scope = s.inputs.scope;
    const role = roleGuidOf(s.inputs.roleDefinitionId);
    if (typeof principal !== "string" || typeof scope !== "string" || !role || !s.all) return undefined;
    for (const ws of s.all()) {
        if (ws.type !== "azure-native:machinelearningservices:Workspace") continue;
        if (get(ws.outputs, "identity.principalId") !== principal) continue;
        for (const [resource, input] of Object.entries(ASSOCIATED_INPUTS) as [AssociatedResource, string][]) {
            const target = ws.inputs[input];
            if (typeof target !== "string" || target.toLowerCase() !== scope.toLowerCase()) continue;
            const made = SERVICE_GRANTED_ROLES[resource].find((r) => BUILTIN_ROLES[r] === role);
            if (made) {
                return `RoleAssignmentExists: Azure ML already assigned the system-assigned identity of workspace "${ws.logicalName}" the role ${made} on its ${resource}; grant a system identity only the roles the service does not (components/access/roles.ts SERVICE_GRANTED_ROLES)`;
            }
        }
    }
    return undefined;
}

const RULES: Readonly<Record<string, readonly Rule[]>> = {
    ...SERVING_ARTIFACT_RULES,
    "azure-native:containerservice:ManagedCluster": MANAGED_CLUSTER_RULES,
    "azure-native:containerservice:AgentPool": AGENT_POOL_RULES,
    "azure-native:containerinstance:ContainerGroup": CONTAINER_GROUP_RULES,
    "azure-native:iothub:IotHubResource": IOT_HUB_RULES,
    "azure-native:containerregistry:ScopeMap": SCOPE_MAP_RULES,
    "azure-native:containerregistry:Token": TOKEN_RULES,

    "azure-native:machinelearningservices:OnlineEndpoint": ONLINE_ENDPOINT_RULES,
    "azure-native:machinelearningservices:OnlineDeployment": ONLINE_DEPLOYMENT_RULES,
    "azure-native:resources:Deployment": TEMPLATE_DEPLOYMENT_RULES,
    "azure-native:network:PrivateEndpoint": [
        (s) => {
            const problems: string[] = [];
            for (const conn of (get(s.inputs, "privateLinkServiceConnections") as unknown[] | undefined) ?? []) {
                const target = get(conn, "privateLinkServiceId");
                const groups = (get(conn, "groupIds") as unknown[] | undefined) ?? [];
                if (typeof target !== "string") continue;
                for (const g of groups) {
                    const actual = armTypeOfId(target);
                    const offered = actual ? groupIdsOfType(actual) : undefined;
                    const expected = groupTargetTypes(String(g));
                    if (actual && offered && !offered.some((o) => o.toLowerCase() === String(g).toLowerCase())) {
                        problems.push(`group ID "${String(g)}" is not a sub-resource of ${actual} (it offers ${offered.join(", ")}${expected.length > 0 ? `; "${String(g)}" belongs to ${expected.join(", ")}` : ""})`);
                    } else if (actual && !offered && expected.length > 0) {
                        problems.push(`group ID "${String(g)}" is not a sub-resource of ${actual} (it belongs to ${expected.join(", ")})`);
                    }
                    if (String(g) === "registry") {
                        const registry = s.lookup(target);
                        const sku = registry && get(registry.inputs, "sku.name");
                        if (registry && !registrySkuAllowsPrivateEndpoints(sku)) problems.push(`registry private endpoints need the Premium SKU (the registry is ${String(sku)})`);
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
            const bad = configs.map((c) => get(c, "privateDnsZoneId")).find((id) => typeof id === "string" && armTypeOfId(id) !== "microsoft.network/privatednszones");
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
        ...KUBERNETES_COMPUTE_RULES,
    ],
    "azure-native:kubernetesconfiguration:Extension": AZURE_ML_EXTENSION_RULES,
    "azure-native:monitor:ActionGroup": ACTION_GROUP_RULES,
    "azure-native:monitor:MetricAlert": METRIC_ALERT_RULES,
    "azure-native:managedidentity:FederatedIdentityCredential": FEDERATED_CREDENTIAL_RULES,
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
    // Azure DNS zones' tag-name rule: the tag-limits table's (components/tag-limits.ts, with its source).
    "azure-native:privatedns:PrivateZone": [
        (s) => {
            const tags = get(s.inputs, "tags");
            if (tags === null || typeof tags !== "object") return undefined;
            const rule = tagLimitsFor("Microsoft.Network/privateDnsZones").nameRule;
            const refused = Object.keys(tags).filter((name) => rule?.refuses.test(name) === true);
            return refused.length > 0
                ? `tags ${refused.map((n) => JSON.stringify(n)).join(", ")}: Azure DNS zones refuse tag names with spaces, parentheses, Unicode characters or a leading digit; rename the tag`
                : undefined;
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
            get(s.inputs, "networkRuleSet") !== undefined && !registrySkuOffers(get(s.inputs, "sku.name"), "networkRules")
                ? `networkRuleSet needs the Premium SKU (sku.name is ${String(get(s.inputs, "sku.name"))})`
                : undefined,
    ],
    "azure-native:keyvault:Vault": [
        // ARM: "The property \"enablePurgeProtection\" cannot be set to false. Enabling the purge protection
        // for a vault is an irreversible action." (https://github.com/Azure/azure-rest-api-specs/issues/18106)
        (s) =>
            get(s.inputs, "properties.enablePurgeProtection") === false
                ? 'properties.enablePurgeProtection cannot be set to false ("Enabling the purge protection for a vault is an irreversible action"); omit the property to leave purge protection off'
                : undefined,
        (s) => {
            const days = get(s.inputs, "properties.softDeleteRetentionInDays");
            return typeof days === "number" && (days < 7 || days > 90) ? `properties.softDeleteRetentionInDays must be 7-90; got ${days}` : undefined;
        },
    ],
    "azure-native:keyvault:Key": [
        // "About keys" (https://learn.microsoft.com/azure/key-vault/keys/about-keys): HSM-protected keys
        // (RSA-HSM, EC-HSM) need a Premium vault; a Standard vault holds software-protected keys only.
        (s) => {
            const kty = get(s.inputs, "properties.kty");
            if (typeof kty !== "string" || !kty.endsWith("-HSM")) return undefined;
            const vault = s.lookup(`/subscriptions/${s.subscriptionId}/resourceGroups/${String(s.inputs.resourceGroupName)}/providers/Microsoft.KeyVault/vaults/${String(s.inputs.vaultName)}`);
            const sku = vault && get(vault.inputs, "properties.sku.name");
            return vault && sku !== "premium" ? `properties.kty ${kty} is an HSM-protected key, which needs a premium vault (the vault's sku is ${String(sku)})` : undefined;
        },
    ],
    "azure-native:authorization:RoleAssignment": [
        duplicateOfServiceGrant,
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
    "azure-native:machinelearningservices:Registry": [
        // "CLI (v2) registry YAML schema": the replication locations "must include the primary
        // location of registry"; the primary is the registry's location and comes first
        // ("Create and manage registries": it cannot change after creation).
        (s) => {
            const location = get(s.inputs, "location");
            const regions = ((get(s.inputs, "regionDetails") as unknown[] | undefined) ?? []).map((r) => get(r, "location"));
            if (typeof location !== "string" || regions.some((r) => typeof r !== "string")) return undefined;
            if (regions.length === 0) return `regionDetails is empty; list the primary region ${location} first`;
            const names = regions.map((r) => String(r).toLowerCase());
            if (names[0] !== location.toLowerCase()) {
                return `regionDetails[0].location is ${String(regions[0])}, but the primary region (location) is ${location}${names.includes(location.toLowerCase()) ? "" : " and is not in regionDetails"}; list it first`;
            }
            return new Set(names).size !== names.length ? `regionDetails lists a region twice (${names.join(", ")}); list each once` : undefined;
        },
        // Zone-redundant storage needs zones; replication and private link need a Premium ACR (components/registry/registry-settings.ts).
        (s) => {
            const details = (get(s.inputs, "regionDetails") as unknown[] | undefined) ?? [];
            const regions = details.map((r) => ({
                location: get(r, "location"),
                storageAccountType: get(r, "storageAccountDetails.0.systemCreatedStorageAccount.storageAccountType"),
            }));
            const skus = details.map((r) => get(r, "acrDetails.0.systemCreatedAcrAccount.acrAccountSku")).filter((x): x is string => typeof x === "string");
            const access = get(s.inputs, "publicNetworkAccess");
            if (regions.some((r) => typeof r.location !== "string")) return undefined;
            const problems = registrySettingProblems(
                regions.map((r) => ({ location: String(r.location), storageAccountType: typeof r.storageAccountType === "string" ? r.storageAccountType : "Standard_LRS" })),
                skus.find((k) => k !== "Premium") ?? "Premium",
                typeof access === "string" ? access : "Enabled",
                regionHasZones,
            );
            return problems.length > 0 ? problems.join("; ") : undefined;
        },
    ],
    // "Introduction to Azure Data Lake Storage" (https://learn.microsoft.com/azure/storage/blobs/data-lake-storage-introduction):
    // Data Lake Storage is a storage account with a hierarchical namespace; a Data Lake Gen2
    // datastore on an account of this stack without one has no filesystem to reach.
    "azure-native:machinelearningservices:Datastore": [
        (s) => {
            if (get(s.inputs, "properties.datastoreType") !== "AzureDataLakeGen2") return undefined;
            const name = get(s.inputs, "properties.accountName");
            const account = s.all().find((r) => r.type === "azure-native:storage:StorageAccount" && r.inputs.accountName === name);
            return account && get(account.inputs, "isHnsEnabled") !== true
                ? `properties.datastoreType is AzureDataLakeGen2 but storage account ${String(name)} has no hierarchical namespace (isHnsEnabled); use datastoreType AzureBlob or a Data Lake Gen2 account`
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
                ? "encryption uses a customer-managed key from a vault without purge protection (also when the vault is adopted by this workspace but declared elsewhere in the stack); set properties.enablePurgeProtection on the vault"
                : undefined;
        },
        classicCmkWithoutCosmosGrant,
        // "Customer-managed keys for Azure Machine Learning", service-side encryption: not supported with
        // a key vault that has public network access disabled.
        (s) => {
            if (get(s.inputs, "encryption.status") !== "Enabled" || get(s.inputs, "enableServiceSideCMKEncryption") !== true) return undefined;
            const vaultId = get(s.inputs, "encryption.keyVaultProperties.keyVaultArmId");
            const vault = typeof vaultId === "string" ? s.lookup(vaultId) : undefined;
            return vault && get(vault.inputs, "properties.publicNetworkAccess") === "Disabled"
                ? "enableServiceSideCMKEncryption is true but the key's vault has public network access disabled, which service-side encryption does not support; use the classic path (enableServiceSideCMKEncryption false with the Cosmos DB grant) or a vault that accepts public network access"
                : undefined;
        },
        // "Use customer-managed keys with Azure Machine Learning": the key vault must be in the workspace's subscription.
        (s) => {
            const vaultId = get(s.inputs, "encryption.keyVaultProperties.keyVaultArmId");
            const sub = typeof vaultId === "string" ? /^\/subscriptions\/([^/]+)/i.exec(vaultId)?.[1] : undefined;
            return get(s.inputs, "encryption.status") === "Enabled" && sub && sub.toLowerCase() !== s.subscriptionId.toLowerCase()
                ? `encryption.keyVaultProperties.keyVaultArmId is in subscription ${sub}, but the key vault of a customer-managed key must be in the workspace's subscription (${s.subscriptionId})`
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
