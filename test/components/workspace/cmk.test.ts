/**
 * The customer-managed key through the real program: a key in a central
 * (adopted) vault, service-side encryption, and the pure rules behind them
 * (spec-named keys, key IDs, role tables, firewall IP forms).
 */
import { allOfType, at, baseConfig, oneOfType, runPlatform } from "../../helpers/stack";
import { cmkKeyName, cmkKeySpec, cosmosDbObjectIdCommand, keyResourceId, parseExistingKey } from "../../../components/workspace/cmk-spec";
import { BUILTIN_ROLES, KEY_UNWRAP_ROLES, SERVICE_GRANTED_ROLES, WORKSPACE_IDENTITY_ROLES, rolesToGrant, type AssociatedResource } from "../../../components/access/roles";
import { firewallIpRule, firewallIpRules } from "../../../components/network/ip-rules";

const CENTRAL = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-central";
const COSMOS = "99999999-0000-0000-0000-0000000000c0";

describe("a key in a central vault", () => {
    it.each<[string, Record<string, unknown>]>([
        ["by key ID", { existingKeyId: `${CENTRAL}/keys/cmk-central` }],
        ["by vault ID and key name", { keyVaultId: CENTRAL, keyName: "cmk-central" }],
    ])("%s: no key created; the workspace encrypts with it and the identity and Cosmos DB get access on that key only", async (_label, ref) => {
        const run = await runPlatform(baseConfig({ encryption: { customerManagedKey: { enabled: true, cosmosDbPrincipalObjectId: COSMOS, ...ref } } }), { stack: "central" });
        expect(allOfType(run.graph, "azure-native:keyvault:Key")).toHaveLength(0);
        const ws = oneOfType(run.graph, "azure-native:machinelearningservices:Workspace");
        expect(at(ws.inputs, "encryption.keyVaultProperties.keyVaultArmId")).toBe(CENTRAL);
        expect(at(ws.inputs, "encryption.keyVaultProperties.keyIdentifier")).toMatch(/^https:\/\/kv-central\.vault\.azure\.net\/keys\/cmk-central\/[0-9a-f]{32}$/);
        // The workspace's own vault is still separate (secrets).
        expect(ws.inputs.keyVault).not.toBe(CENTRAL);
        const onKey = allOfType(run.graph, "azure-native:authorization:RoleAssignment").filter((g) => g.inputs.scope === `${CENTRAL}/keys/cmk-central`);
        expect(onKey).toHaveLength(2);
        for (const g of onKey) {
            expect(g.inputs.roleDefinitionId).toMatch(new RegExp(`/${BUILTIN_ROLES.keyVaultCryptoServiceEncryptionUser}$`));
            expect(ws.dependencies).toContain(g.urn);
        }
        expect(onKey.map((g) => g.inputs.principalId)).toContain(COSMOS);
    });
});

describe("service-side encryption", () => {
    it("sets enableServiceSideCMKEncryption and grants only the workspace identity on the key", async () => {
        const run = await runPlatform(
            baseConfig({ network: { publicNetworkAccess: "Enabled", allowedIpRanges: ["203.0.113.7"] }, encryption: { customerManagedKey: { enabled: true, serviceSideEncryption: true } } }),
            { stack: "sse" },
        );
        const ws = oneOfType(run.graph, "azure-native:machinelearningservices:Workspace");
        expect(ws.inputs.enableServiceSideCMKEncryption).toBe(true);
        const onKey = allOfType(run.graph, "azure-native:authorization:RoleAssignment").filter((g) => String(g.inputs.scope).includes("/keys/"));
        expect(onKey).toHaveLength(1);
        expect(onKey[0].inputs.principalId).not.toBe(COSMOS);
        // A single allowed address is sent to Key Vault in the /32 form the service stores.
        expect(at(oneOfType(run.graph, "azure-native:keyvault:Vault").inputs, "properties.networkAcls.ipRules")).toEqual([{ value: "203.0.113.7/32" }]);
    });
});

describe("key vault purge protection", () => {
    it("off omits enablePurgeProtection instead of sending false (ARM refuses false)", async () => {
        const run = await runPlatform(baseConfig({ keyVault: { purgeProtection: false } }), { stack: "nopurge" });
        const props = oneOfType(run.graph, "azure-native:keyvault:Vault").inputs.properties as Record<string, unknown>;
        expect("enablePurgeProtection" in props).toBe(false);
    });
});

describe("spec-named keys", () => {
    it("a different type, size or rotation policy gives a different name; the same spec the same name", () => {
        const base = cmkKeySpec("RSA", 3072);
        const names = [base, cmkKeySpec("RSA-HSM", 3072), cmkKeySpec("RSA", 4096), { ...base, rotationPolicy: { ...base.rotationPolicy, attributes: { expiryTime: "P1Y" } } }].map((s) => cmkKeyName("aml-cmk", s));
        expect(new Set(names).size).toBe(4);
        expect(cmkKeyName("aml-cmk", cmkKeySpec("RSA", 3072))).toBe(names[0]);
        expect(names[0]).toMatch(/^aml-cmk-[a-z0-9]{6}$/);
    });

    it("parses a key ID or a vault ID plus name, and nothing else", () => {
        const byId = parseExistingKey({ keyId: `${CENTRAL}/keys/k1` });
        expect(byId).toEqual({ subscriptionId: "00000000-0000-0000-0000-000000000000", resourceGroupName: "rg-keys", vaultName: "kv-central", keyName: "k1", vaultId: CENTRAL });
        expect(parseExistingKey({ vaultId: CENTRAL, keyName: "k1" })).toEqual(byId);
        expect(parseExistingKey({ keyId: CENTRAL })).toBeUndefined();
        expect(parseExistingKey({ vaultId: `${CENTRAL}/keys/k1`, keyName: "k1" })).toBeUndefined();
        expect(keyResourceId(CENTRAL, "k1")).toBe(`${CENTRAL}/keys/k1`);
    });

    it("gives the documented command for the Cosmos DB principal per cloud", () => {
        expect(cosmosDbObjectIdCommand("AzureCloud")).toBe("az ad sp show --id a232010e-820c-4083-83bb-3ace5fc29d0b --query id --output tsv");
        expect(cosmosDbObjectIdCommand("AzureUSGovernment")).toContain("57506a73-e302-42a9-b869-6f12d9ec29e9");
    });
});

describe("role tables", () => {
    it("a system identity is granted only the roles the service does not make; a user-assigned one all of them", () => {
        for (const resource of Object.keys(WORKSPACE_IDENTITY_ROLES) as AssociatedResource[]) {
            expect(rolesToGrant(resource, "UserAssigned")).toEqual(WORKSPACE_IDENTITY_ROLES[resource]);
            for (const role of rolesToGrant(resource, "SystemAssigned")) expect(SERVICE_GRANTED_ROLES[resource]).not.toContain(role);
        }
        expect(rolesToGrant("storage", "SystemAssigned")).toEqual(["storageFileDataPrivilegedContributor"]);
    });

    it("every role the tables name has a GUID", () => {
        for (const role of [...KEY_UNWRAP_ROLES, ...Object.values(SERVICE_GRANTED_ROLES).flat()]) expect(BUILTIN_ROLES[role]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });
});

describe("firewall IP forms", () => {
    it.each<[string, "keyVault" | "storage" | "containerRegistry", string]>([
        ["203.0.113.7", "keyVault", "203.0.113.7/32"],
        ["203.0.113.0/24", "keyVault", "203.0.113.0/24"],
        ["203.0.113.7/32", "keyVault", "203.0.113.7/32"],
        ["203.0.113.7/32", "storage", "203.0.113.7"],
        ["203.0.113.7", "storage", "203.0.113.7"],
        ["203.0.113.0/24", "storage", "203.0.113.0/24"],
        ["203.0.113.7", "containerRegistry", "203.0.113.7"],
    ])("%s for %s is sent as %s", (value, style, expected) => {
        expect(firewallIpRule(value, style)).toBe(expected);
    });

    it("one address written two ways is one Key Vault rule", () => {
        expect(firewallIpRules(["203.0.113.7", "203.0.113.7/32"], "keyVault")).toEqual(["203.0.113.7/32"]);
    });
});
