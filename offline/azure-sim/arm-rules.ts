/**
 * What Azure Resource Manager would reject at deploy time, checked before the
 * simulated create. Each rule returns a message naming the resource, the
 * property and the fix; the simulator refuses the resource with it.
 */
import { groupIdsOfType, typesOfGroupId } from "../../components/network/private-link-zones";
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
}

type Rule = (s: RuleSubject) => string | undefined;
type Value = unknown | typeof UNKNOWN;

const get = (o: Value, path: string): unknown =>
    path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

/** The ARM types that offer a private link group ID: the one table in components/network/private-link-zones.ts. */
const groupTargetTypes = (groupId: string): string[] => typesOfGroupId(groupId);

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
                    const actual = armTypeOf(target);
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
    "azure-native:containerregistry:Registry": [
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
    "azure-native:machinelearningservices:Workspace": [
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
