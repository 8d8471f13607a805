/**
 * Simulated Azure refuses the customer-managed-key, key vault and workspace
 * identity mistakes ARM (or Azure ML) refuses at deploy time; each message
 * names the property and the fix.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SimulatedAzure, SIMULATED_SUBSCRIPTION_ID } from "../../offline/azure-sim/simulator";
import { BUILTIN_ROLES } from "../../components/access/roles";
import { roleDefinitionId } from "../../components/resource-ids";

const SUB = SIMULATED_SUBSCRIPTION_ID;
const sim = (): SimulatedAzure => new SimulatedAzure({ preview: false });
const create = (s: SimulatedAzure, type: string, inputs: Record<string, unknown>, name = "r"): pulumi.runtime.MockResourceResult =>
    s.newResource({ type, name, inputs, custom: true }) as pulumi.runtime.MockResourceResult;
const role = (r: keyof typeof BUILTIN_ROLES): string => roleDefinitionId(SUB, BUILTIN_ROLES[r]);
let guid = 0;
const nextGuid = (): string => `00000000-0000-0000-0000-${String(++guid).padStart(12, "0")}`;
const grant = (s: SimulatedAzure, scope: string, principalId: string, r: keyof typeof BUILTIN_ROLES): pulumi.runtime.MockResourceResult =>
    create(s, "azure-native:authorization:RoleAssignment", { roleAssignmentName: nextGuid(), scope, principalId, principalType: "ServicePrincipal", roleDefinitionId: role(r) }, `grant-${guid}`);

/** A premium, purge-protected, public vault with a key, and a user-assigned identity. */
function keyed(s: SimulatedAzure, vaultProps: Record<string, unknown> = {}): { vaultId: string; keyId: string; keyUri: string; uaiId: string; uaiPrincipal: string } {
    const vault = create(s, "azure-native:keyvault:Vault", { vaultName: "kv-cmk", resourceGroupName: "rg", properties: { sku: { family: "A", name: "premium" }, enablePurgeProtection: true, ...vaultProps } }, "vault");
    const key = create(s, "azure-native:keyvault:Key", { keyName: "cmk", vaultName: "kv-cmk", resourceGroupName: "rg", properties: { kty: "RSA-HSM" } }, "key");
    const uai = create(s, "azure-native:managedidentity:UserAssignedIdentity", { resourceName: "id-ws", resourceGroupName: "rg" }, "uai");
    return { vaultId: String(vault.id), keyId: String(key.id), keyUri: String(key.state.keyUriWithVersion), uaiId: String(uai.id), uaiPrincipal: String(uai.state.principalId) };
}

const cmkWorkspace = (k: { vaultId: string; keyUri: string; uaiId: string }, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    workspaceName: "mlw-cmk",
    resourceGroupName: "rg",
    identity: { type: "UserAssigned", userAssignedIdentities: [k.uaiId] },
    primaryUserAssignedIdentity: k.uaiId,
    encryption: { status: "Enabled", identity: { userAssignedIdentity: k.uaiId }, keyVaultProperties: { keyVaultArmId: k.vaultId, keyIdentifier: k.keyUri } },
    ...extra,
});

describe("key vault", () => {
    it("refuses enablePurgeProtection: false (ARM accepts only true or absent)", () => {
        const s = sim();
        create(s, "azure-native:keyvault:Vault", { vaultName: "kv-x", resourceGroupName: "rg", properties: { enablePurgeProtection: false } });
        expect(s.rejections).toEqual([expect.stringMatching(/enablePurgeProtection cannot be set to false.*omit the property/)]);
    });

    it("accepts a vault that omits enablePurgeProtection", () => {
        const s = sim();
        create(s, "azure-native:keyvault:Vault", { vaultName: "kv-x", resourceGroupName: "rg", properties: {} });
        expect(s.rejections).toEqual([]);
    });

    it("refuses an HSM key in a standard vault, and accepts it in a premium one", () => {
        const s = sim();
        create(s, "azure-native:keyvault:Vault", { vaultName: "kv-std", resourceGroupName: "rg", properties: { sku: { family: "A", name: "standard" } } }, "std");
        create(s, "azure-native:keyvault:Key", { keyName: "k", vaultName: "kv-std", resourceGroupName: "rg", properties: { kty: "RSA-HSM" } }, "k1");
        expect(s.rejections).toEqual([expect.stringMatching(/properties\.kty RSA-HSM .*needs a premium vault \(the vault's sku is standard\)/)]);
        keyed(s);
        expect(s.rejections).toHaveLength(1);
    });
});

describe("customer-managed key workspace", () => {
    it("refuses a classic CMK workspace when nothing lets the Cosmos DB principal use the key", () => {
        const s = sim();
        const k = keyed(s);
        // The workspace identity's own grant does not count: Cosmos DB uses the key as its own principal.
        grant(s, k.keyId, k.uaiPrincipal, "keyVaultCryptoServiceEncryptionUser");
        create(s, "azure-native:machinelearningservices:Workspace", cmkWorkspace(k), "ws");
        expect(s.rejections).toEqual([expect.stringMatching(/classic customer-managed key .*no role assignment .*encryption\.customerManagedKey\.cosmosDbPrincipalObjectId.*enableServiceSideCMKEncryption/)]);
    });

    it("accepts it once another principal may get, wrap and unwrap on the key (or its vault)", () => {
        for (const scope of ["key", "vault"] as const) {
            const s = sim();
            const k = keyed(s);
            grant(s, scope === "key" ? k.keyId : k.vaultId, "99999999-0000-0000-0000-0000000000c0", "keyVaultCryptoServiceEncryptionUser");
            create(s, "azure-native:machinelearningservices:Workspace", cmkWorkspace(k), "ws");
            expect(s.rejections).toEqual([]);
        }
    });

    it("does not count a role without the unwrap data action (Reader) or a grant on another key", () => {
        const s = sim();
        const k = keyed(s);
        grant(s, k.keyId, "99999999-0000-0000-0000-0000000000c0", "reader");
        grant(s, `${k.vaultId}/keys/other`, "99999999-0000-0000-0000-0000000000c0", "keyVaultCryptoServiceEncryptionUser");
        create(s, "azure-native:machinelearningservices:Workspace", cmkWorkspace(k), "ws");
        expect(s.rejections).toHaveLength(1);
    });

    it("accepts service-side encryption without the Cosmos DB grant, but not with a vault whose public network access is disabled", () => {
        const open = sim();
        create(open, "azure-native:machinelearningservices:Workspace", cmkWorkspace(keyed(open), { enableServiceSideCMKEncryption: true }), "ws");
        expect(open.rejections).toEqual([]);
        const closed = sim();
        create(closed, "azure-native:machinelearningservices:Workspace", cmkWorkspace(keyed(closed, { publicNetworkAccess: "Disabled" }), { enableServiceSideCMKEncryption: true }), "ws");
        expect(closed.rejections).toEqual([expect.stringMatching(/enableServiceSideCMKEncryption is true but the key's vault has public network access disabled/)]);
    });

    it("refuses a key vault in another subscription than the workspace", () => {
        const s = sim();
        const k = keyed(s);
        const other = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-central";
        create(s, "azure-native:machinelearningservices:Workspace", cmkWorkspace({ ...k, vaultId: other }, { enableServiceSideCMKEncryption: true }), "ws");
        expect(s.rejections).toEqual([expect.stringMatching(/keyVaultArmId is in subscription 11111111-2222-3333-4444-555555555555.*must be in the workspace's subscription/)]);
    });

    it("refuses a CMK from a vault the stack declares without purge protection, even when the workspace adopts it by ID", () => {
        const s = sim();
        const k = keyed(s, { enablePurgeProtection: undefined });
        grant(s, k.keyId, "99999999-0000-0000-0000-0000000000c0", "keyVaultCryptoServiceEncryptionUser");
        create(s, "azure-native:machinelearningservices:Workspace", cmkWorkspace(k), "ws");
        expect(s.rejections).toEqual([expect.stringMatching(/vault without purge protection .*set properties\.enablePurgeProtection/)]);
    });
});

describe("system-assigned workspace identity", () => {
    const workspace = (s: SimulatedAzure): { principal: string; storage: string } => {
        const storage = create(s, "azure-native:storage:StorageAccount", { accountName: "stws01", resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } }, "st");
        const ws = create(s, "azure-native:machinelearningservices:Workspace", { workspaceName: "mlw-sai", resourceGroupName: "rg", identity: { type: "SystemAssigned" }, storageAccount: storage.id }, "ws");
        return { principal: String((ws.state.identity as Record<string, unknown>).principalId), storage: String(storage.id) };
    };

    it("refuses re-granting a role Azure ML already assigned it (RoleAssignmentExists)", () => {
        const s = sim();
        const w = workspace(s);
        grant(s, w.storage, w.principal, "storageBlobDataContributor");
        expect(s.rejections).toEqual([expect.stringMatching(/RoleAssignmentExists: Azure ML already assigned the system-assigned identity of workspace "ws" the role storageBlobDataContributor on its storage/)]);
    });

    it("accepts a role the service does not grant, and the same role for another principal", () => {
        const s = sim();
        const w = workspace(s);
        grant(s, w.storage, w.principal, "storageFileDataPrivilegedContributor");
        grant(s, w.storage, "99999999-0000-0000-0000-000000000001", "storageBlobDataContributor");
        expect(s.rejections).toEqual([]);
    });
});
