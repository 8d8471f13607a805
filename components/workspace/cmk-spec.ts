/**
 * The customer-managed key as data (pure): its spec, the name that encodes
 * the spec, where an adopted key lives, and the Azure Cosmos DB first-party
 * application a classic CMK workspace must let use the key.
 */
import type { AzureCloud } from "../clouds";
import { CmkKeyType } from "../enums";
import { stableSuffix } from "../hashing";

/** Key types the toolkit creates: software-protected RSA, or HSM-protected RSA (needs a premium vault). */
export { CmkKeyType };

/** What the toolkit creates a key with. */
export interface CmkKeySpec {
    /** Key type. */
    kty: CmkKeyType;
    /** RSA modulus size. */
    keySize: number;
    /** Operations the key allows: only wrapping, which is all a CMK service does with it. */
    keyOps: readonly string[];
    /** Rotation policy: expire after two years, rotate 30 days before. */
    rotationPolicy: { attributes: { expiryTime: string }; lifetimeActions: { action: { type: "rotate" | "notify" }; trigger: { timeBeforeExpiry: string } }[] };
}

/** The spec of a key of this type and size. */
export function cmkKeySpec(kty: CmkKeyType, keySize: number): CmkKeySpec {
    return {
        kty,
        keySize,
        keyOps: ["wrapKey", "unwrapKey"],
        rotationPolicy: {
            attributes: { expiryTime: "P2Y" },
            lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeBeforeExpiry: "P30D" } }],
        },
    };
}

/**
 * The key's name: the configured base plus a short hash of the spec.
 *
 * Why: the management-plane key API is create-if-not-exist ("Creates the first version of a new
 * key if it does not exist. If it already exists, then the existing key is returned without any
 * write operations being performed. This API does not create subsequent versions, and does not
 * update existing keys": "KeysOperations interface", @azure/arm-keyvault,
 * https://learn.microsoft.com/javascript/api/@azure/arm-keyvault/keysoperations, checked
 * 2026-12-02). A changed type, size or rotation policy under the same name would plan as an
 * update and silently do nothing. With the spec in the name, a change is a new key (a replace
 * the plan shows; refused under `protect` until the user decides), and never a reuse of a
 * deleted name, which purge protection keeps soft-deleted for the retention period.
 */
export function cmkKeyName(base: string, spec: CmkKeySpec): string {
    return `${base}-${stableSuffix([JSON.stringify(spec)], 6)}`;
}

/** Longest base name that still fits the 127-character key name limit with its suffix. */
export const CMK_KEY_BASE_MAX = 127 - 7;

/** Where an existing key lives, from its ARM ID `/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.KeyVault/vaults/<v>/keys/<k>`. */
export interface ExistingKeyRef {
    /** ARM ID of the vault. */
    vaultId: string;
    /** Subscription of the vault. */
    subscriptionId: string;
    /** Resource group of the vault. */
    resourceGroupName: string;
    /** Vault name. */
    vaultName: string;
    /** Key name. */
    keyName: string;
}

const KEY_ID = /^\/subscriptions\/([^/]+)\/resource[Gg]roups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)\/keys\/([^/]+)$/i;
const VAULT_ID = /^\/subscriptions\/([^/]+)\/resource[Gg]roups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

/** Parses a key's ARM ID, or a vault's ARM ID plus a key name; undefined when the text is neither. */
export function parseExistingKey(ref: { keyId?: string; vaultId?: string; keyName?: string }): ExistingKeyRef | undefined {
    if (ref.keyId !== undefined) {
        const m = KEY_ID.exec(ref.keyId);
        return m ? { subscriptionId: m[1], resourceGroupName: m[2], vaultName: m[3], keyName: m[4], vaultId: `/subscriptions/${m[1]}/resourceGroups/${m[2]}/providers/Microsoft.KeyVault/vaults/${m[3]}` } : undefined;
    }
    if (ref.vaultId !== undefined && ref.keyName !== undefined) {
        const m = VAULT_ID.exec(ref.vaultId);
        return m ? { subscriptionId: m[1], resourceGroupName: m[2], vaultName: m[3], keyName: ref.keyName, vaultId: ref.vaultId } : undefined;
    }
    return undefined;
}

/** ARM ID of a key in a vault (an RBAC scope: role assignments can be made on one key). */
export function keyResourceId(vaultId: string, keyName: string): string {
    return `${vaultId}/keys/${keyName}`;
}

/**
 * Application (client) ID of the Azure Cosmos DB first-party application, per cloud. Source:
 * "Use customer-managed keys with Azure Machine Learning"
 * (https://learn.microsoft.com/azure/machine-learning/how-to-setup-customer-managed-keys, "Allow
 * Azure Cosmos DB to access the key": a232010e-820c-4083-83bb-3ace5fc29d0b "for all regions other
 * than Azure Government", 57506a73-e302-42a9-b869-6f12d9ec29e9 for Azure Government; checked
 * 2026-12-02). This is the application ID; a role assignment needs the object ID of its service
 * principal, which differs per tenant and must come from the user (never guessed).
 */
export const COSMOS_DB_APP_IDS: Readonly<Record<AzureCloud, string>> = {
    AzureCloud: "a232010e-820c-4083-83bb-3ace5fc29d0b",
    AzureUSGovernment: "57506a73-e302-42a9-b869-6f12d9ec29e9",
    AzureChinaCloud: "a232010e-820c-4083-83bb-3ace5fc29d0b",
};

/** The Azure CLI command that prints the Cosmos DB service principal's object ID in the signed-in tenant. */
export function cosmosDbObjectIdCommand(cloud: AzureCloud): string {
    return `az ad sp show --id ${COSMOS_DB_APP_IDS[cloud]} --query id --output tsv`;
}
