/**
 * What Azure Resource Manager would reject at deploy time, checked before the
 * simulated create. Each rule returns a message naming the resource, the
 * property and the fix; the simulator refuses the resource with it.
 */
import type { UNKNOWN } from "../graph";

/** A resource as the rules see it. */
export interface RuleSubject {
    /** Type token. */
    type: string;
    /** Logical name (for messages). */
    logicalName: string;
    /** Inputs. */
    inputs: Record<string, unknown>;
    /** Looks up another created resource's inputs by ARM ID (case-insensitive). */
    lookup: (id: string) => { type: string; inputs: Record<string, unknown> } | undefined;
}

type Rule = (s: RuleSubject) => string | undefined;
type Value = unknown | typeof UNKNOWN;

const get = (o: Value, path: string): unknown =>
    path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

const RULES: Readonly<Record<string, readonly Rule[]>> = {
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
