/**
 * Customer-managed key checks the schema cannot express: where the key lives,
 * which metadata path (classic or service-side) and what that path needs,
 * and the vault the created key needs. Sources are cited per check; the
 * decisions are in ARCHITECTURE.md ("Customer-managed key").
 */
import { deploymentScope } from "../components/deployment-scope";
import { planNetwork } from "../components/network/network-plan";
import { CMK_KEY_BASE_MAX, COSMOS_DB_APP_IDS, cosmosDbObjectIdCommand } from "../components/workspace/cmk-spec";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";

const CMK = "encryption.customerManagedKey";

/** Every problem of the customer-managed key settings (none when the key is off). */
export function encryptionProblems(c: PlatformConfig): ConfigProblem[] {
    const cmk = c.encryption.customerManagedKey;
    if (!cmk.enabled) return [];
    const out: ConfigProblem[] = [];
    const adopted = cmk.existingKeyId !== undefined || cmk.keyVaultId !== undefined;
    if (cmk.existingKeyId !== undefined && cmk.keyVaultId !== undefined) {
        out.push({ path: at(`${CMK}.keyVaultId`), problem: "conflicts with existingKeyId", fix: `give either ${CMK}.existingKeyId (the key's ID) or ${CMK}.keyVaultId with ${CMK}.keyName, not both` });
    }
    out.push(...keySubscriptionProblems(c));
    if (!adopted) {
        // The key is created in the workspace vault.
        if (c.keyVault.existingId) {
            out.push({
                path: at(`${CMK}.enabled`),
                problem: "would create the key in the workspace key vault, but keyVault.existingId adopts that vault",
                fix: `point at an existing key with ${CMK}.existingKeyId (or ${CMK}.keyVaultId and ${CMK}.keyName), or let the stack create the key vault`,
            });
        }
        if (!c.keyVault.purgeProtection) {
            // "Use customer-managed keys with Azure Machine Learning": the vault must enable soft delete and purge protection.
            out.push({ path: at("keyVault.purgeProtection"), problem: `is false but ${CMK} creates its key in this vault`, fix: "set keyVault.purgeProtection: true (Azure requires purge protection on a vault holding a customer-managed key)" });
        }
        if (cmk.keyType === "RSA-HSM" && c.keyVault.sku !== "premium" && !c.keyVault.existingId) {
            // "About keys" (https://learn.microsoft.com/azure/key-vault/keys/about-keys): HSM-protected keys need the Premium tier.
            out.push({ path: at(`${CMK}.keyType`), problem: `is RSA-HSM but keyVault.sku is ${c.keyVault.sku}, which holds only software-protected keys`, fix: `set keyVault.sku: premium, or ${CMK}.keyType: RSA` });
        }
        if (cmk.keyName.length > CMK_KEY_BASE_MAX) {
            out.push({ path: at(`${CMK}.keyName`), problem: `is ${cmk.keyName.length} characters; the created key's name adds a 7-character spec suffix and may have at most 127`, fix: `shorten it to ${CMK_KEY_BASE_MAX} characters or fewer` });
        }
    }
    if (cmk.serviceSideEncryption) {
        if (cmk.cosmosDbPrincipalObjectId !== undefined) {
            out.push({ path: at(`${CMK}.cosmosDbPrincipalObjectId`), problem: "is set but serviceSideEncryption is true, so no Cosmos DB account in your subscription uses the key", fix: `remove it, or set ${CMK}.serviceSideEncryption: false for the classic path` });
        }
        // "Customer-managed keys for Azure Machine Learning", service-side encryption: "not supported in
        // reference to an Azure Key Vault ... that has public network access disabled".
        if (!adopted && !c.keyVault.existingId && c.network.publicNetworkAccess === "Disabled") {
            out.push({
                path: at(`${CMK}.serviceSideEncryption`),
                problem: "is true but the key would live in the workspace key vault, whose public network access is disabled (network.publicNetworkAccess: Disabled); service-side encryption does not support such a vault",
                fix: `set ${CMK}.serviceSideEncryption: false and give ${CMK}.cosmosDbPrincipalObjectId (classic path), or use a key in a vault that accepts public network access (${CMK}.existingKeyId)`,
            });
        }
    } else if (cmk.cosmosDbPrincipalObjectId === undefined) {
        out.push({
            path: at(`${CMK}.cosmosDbPrincipalObjectId`),
            problem: "is required: a classic customer-managed-key workspace keeps its metadata in an Azure Cosmos DB account that uses the key as the Azure Cosmos DB service principal, which needs get, wrap and unwrap on it",
            fix: `run \`${cosmosDbObjectIdCommand(c.cloud)}\` signed in to the workspace's tenant and set the printed object ID here, or set ${CMK}.serviceSideEncryption: true`,
        });
    } else if (Object.values(COSMOS_DB_APP_IDS).includes(cmk.cosmosDbPrincipalObjectId.toLowerCase())) {
        out.push({
            path: at(`${CMK}.cosmosDbPrincipalObjectId`),
            problem: "is the Azure Cosmos DB application (client) ID, not the object ID of its service principal in your tenant; a role assignment to it fails",
            fix: `run \`${cosmosDbObjectIdCommand(c.cloud)}\` and set the printed object ID`,
        });
    }
    return out;
}

/**
 * The vault of a customer-managed key must be in the workspace's subscription ("Customer-managed
 * keys for Azure Machine Learning", https://learn.microsoft.com/azure/machine-learning/concept-customer-managed-keys:
 * "The Azure Key Vault that contains your key must be in the same Azure subscription as your
 * workspace"). The workspace's subscription is known in config when an adopted group or network
 * fixes it (components/deployment-scope.ts); else it is the default provider's, not checkable here.
 */
function keySubscriptionProblems(c: PlatformConfig): ConfigProblem[] {
    const cmk = c.encryption.customerManagedKey;
    const plan = planNetwork(c);
    const scope = deploymentScope({
        resourceGroupId: c.resourceGroup.existingId,
        virtualNetworkId: c.network.virtualNetwork.existingId,
        createsInNetwork: plan.privateEndpoints || plan.computeInCustomerNetwork,
    });
    if (scope.subscriptionId === undefined) return [];
    const out: ConfigProblem[] = [];
    for (const [key, id] of [["existingKeyId", cmk.existingKeyId], ["keyVaultId", cmk.keyVaultId]] as const) {
        if (id === undefined) continue;
        // Any ARM ID (a key ID is nested: vaults/<vault>/keys/<key>) starts with its subscription.
        const sub = /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1];
        if (sub === undefined || sub.toLowerCase() === scope.subscriptionId.toLowerCase()) continue;
        out.push({
            path: at(`${CMK}.${key}`),
            problem: `is in subscription ${sub}, but the workspace deploys into subscription ${scope.subscriptionId} (from ${scope.from}); Azure requires the key vault of a customer-managed key in the workspace's subscription`,
            fix: `use a key in a vault of subscription ${scope.subscriptionId}, or adopt a resource group in subscription ${sub}`,
        });
    }
    return out;
}
