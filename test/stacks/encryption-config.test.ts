/**
 * Customer-managed key config: what Azure refuses or what would deploy a
 * broken CMK path is reported as `<key path>: <problem> (<fix>)` naming the
 * key the user wrote; the documented paths are accepted.
 */
import { problemLines } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const ctx = { project: "aml-workspace", stack: "t" };
const KEY = "aml-workspace:platform";
const CMK = `${KEY}.encryption.customerManagedKey`;
const COSMOS = "99999999-0000-0000-0000-0000000000c0";
const SUB = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-central";

const problems = (raw: unknown): string[] => problemLines(raw, ctx);
const cmk = (settings: Record<string, unknown>, more: Record<string, unknown> = {}): Record<string, unknown> => baseConfig({ encryption: { customerManagedKey: { enabled: true, ...settings } }, ...more });

describe("refused", () => {
    it.each<[string, Record<string, unknown>, string]>([
        [
            "classic CMK without the Cosmos DB principal (the command to get it is in the fix)",
            cmk({}),
            `${CMK}.cosmosDbPrincipalObjectId: is required: a classic customer-managed-key workspace keeps its metadata in an Azure Cosmos DB account that uses the key as the Azure Cosmos DB service principal, which needs get, wrap and unwrap on it (run \`az ad sp show --id a232010e-820c-4083-83bb-3ace5fc29d0b --query id --output tsv\` signed in to the workspace's tenant and set the printed object ID here, or set encryption.customerManagedKey.serviceSideEncryption: true)`,
        ],
        [
            "the Cosmos DB application ID given instead of its object ID",
            cmk({ cosmosDbPrincipalObjectId: "a232010e-820c-4083-83bb-3ace5fc29d0b" }),
            `${CMK}.cosmosDbPrincipalObjectId: is the Azure Cosmos DB application (client) ID, not the object ID of its service principal in your tenant; a role assignment to it fails (run \`az ad sp show --id a232010e-820c-4083-83bb-3ace5fc29d0b --query id --output tsv\` and set the printed object ID)`,
        ],
        [
            "an HSM key in a standard vault",
            cmk({ keyType: "RSA-HSM", cosmosDbPrincipalObjectId: COSMOS }),
            `${CMK}.keyType: is RSA-HSM but keyVault.sku is standard, which holds only software-protected keys (set keyVault.sku: premium, or encryption.customerManagedKey.keyType: RSA)`,
        ],
        [
            "service-side encryption with the private workspace vault",
            cmk({ serviceSideEncryption: true }, { network: { publicNetworkAccess: "Disabled" } }),
            `${CMK}.serviceSideEncryption: is true but the key would live in the workspace key vault, whose public network access is disabled (network.publicNetworkAccess: Disabled); service-side encryption does not support such a vault (set encryption.customerManagedKey.serviceSideEncryption: false and give encryption.customerManagedKey.cosmosDbPrincipalObjectId (classic path), or use a key in a vault that accepts public network access (encryption.customerManagedKey.existingKeyId))`,
        ],
        [
            "service-side encryption with a Cosmos DB principal that nothing would use",
            cmk({ serviceSideEncryption: true, cosmosDbPrincipalObjectId: COSMOS }, { network: { publicNetworkAccess: "Enabled" } }),
            `${CMK}.cosmosDbPrincipalObjectId: is set but serviceSideEncryption is true, so no Cosmos DB account in your subscription uses the key (remove it, or set encryption.customerManagedKey.serviceSideEncryption: false for the classic path)`,
        ],
        [
            "a key to create in an adopted workspace vault",
            cmk({ cosmosDbPrincipalObjectId: COSMOS }, { keyVault: { existingId: SUB } }),
            `${CMK}.enabled: would create the key in the workspace key vault, but keyVault.existingId adopts that vault (point at an existing key with encryption.customerManagedKey.existingKeyId (or encryption.customerManagedKey.keyVaultId and encryption.customerManagedKey.keyName), or let the stack create the key vault)`,
        ],
        [
            "both forms of an existing key",
            cmk({ cosmosDbPrincipalObjectId: COSMOS, existingKeyId: `${SUB}/keys/k`, keyVaultId: SUB }),
            `${CMK}.keyVaultId: conflicts with existingKeyId (give either encryption.customerManagedKey.existingKeyId (the key's ID) or encryption.customerManagedKey.keyVaultId with encryption.customerManagedKey.keyName, not both)`,
        ],
        [
            "a created key's base name too long for the spec suffix",
            cmk({ cosmosDbPrincipalObjectId: COSMOS, keyName: "k".repeat(121) }),
            `${CMK}.keyName: is 121 characters; the created key's name adds a 7-character spec suffix and may have at most 127 (shorten it to 120 characters or fewer)`,
        ],
    ])("%s", (_label, config, expected) => {
        expect(problems(config)).toContain(expected);
    });

    it("an existing key ID that is not a key's ARM ID is a schema error on that key", () => {
        expect(problems(cmk({ cosmosDbPrincipalObjectId: COSMOS, existingKeyId: SUB })).join("\n")).toContain(`${CMK}.existingKeyId:`);
    });
});

describe("accepted", () => {
    it.each<[string, Record<string, unknown>]>([
        ["classic CMK with the Cosmos DB principal", cmk({ cosmosDbPrincipalObjectId: COSMOS })],
        ["an HSM key in a premium vault", cmk({ keyType: "RSA-HSM", cosmosDbPrincipalObjectId: COSMOS }, { keyVault: { sku: "premium" } })],
        ["service-side encryption with a vault that accepts public access", cmk({ serviceSideEncryption: true }, { network: { publicNetworkAccess: "Enabled" } })],
        ["a key in a central vault by key ID, with the workspace vault adopted", cmk({ cosmosDbPrincipalObjectId: COSMOS, existingKeyId: `${SUB}/keys/cmk-central` }, { keyVault: { existingId: SUB } })],
        ["a key in a central vault by vault ID and name", cmk({ cosmosDbPrincipalObjectId: COSMOS, keyVaultId: SUB, keyName: "cmk-central" })],
    ])("%s", (_label, config) => {
        expect(problems(config)).toEqual([]);
    });
});
