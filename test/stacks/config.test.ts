/**
 * Stack config validation: the schema (ajv, all errors) then the semantic
 * checks. Every invalid example fails with `<key path>: <problem> (<fix>)`.
 */
import { readStackConfig } from "../../offline/stack-file";
import { problemLines } from "../helpers/config";
import { loadPlatformConfig } from "../../stacks/config";
import { baseConfig } from "../helpers/stack";

const ctx = { project: "aml-workspace", stack: "t" };
const KEY = "aml-workspace:platform";

/** The problem lines of an invalid config (fails the test when the config is valid). */
function problems(raw: unknown): string[] {
    const found = problemLines(raw, ctx);
    if (found.length === 0) throw new Error("expected the config to be rejected");
    return found;
}

describe("valid configs", () => {
    it.each(["dev", "prod"])("the %s stack file is valid", (stack) => {
        const config = loadPlatformConfig(readStackConfig(stack)[KEY], { project: "aml-workspace", stack });
        expect(config.environment).toBe(stack);
    });

    it("applies the hardened defaults to a minimal config", () => {
        const c = loadPlatformConfig(baseConfig(), ctx);
        expect(c).toMatchObject({
            production: false,
            cloud: "AzureCloud",
            namePrefix: "aml-t",
            tags: { owner: "ml-platform", costCenter: "CC-1", environment: "dev" },
            network: { publicNetworkAccess: "Disabled", firewallDefaultAction: "Deny", allowedIpRanges: [] },
            workspace: { identity: { type: "UserAssigned" }, managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound", firewallSku: "Standard" } },
            storage: { sku: "Standard_ZRS", softDeleteRetentionDays: 14 },
            keyVault: { softDeleteRetentionDays: 90, purgeProtection: true },
            containerRegistry: { mode: "onDemand", sku: "Premium" },
            encryption: { customerManagedKey: { enabled: false } },
            protection: { protect: false, retainOnDelete: false, deleteLock: false },
        });
    });

    it("prod turns protection on unless the stack says otherwise", () => {
        expect(loadPlatformConfig(baseConfig({ environment: "prod" }), ctx).protection).toEqual({ protect: true, retainOnDelete: true, deleteLock: true, protectSoftDeleted: true });
        expect(loadPlatformConfig(baseConfig({ environment: "prod", protection: { deleteLock: false } }), ctx).protection.deleteLock).toBe(false);
    });

    it("does not modify the caller's object", () => {
        const raw = baseConfig();
        loadPlatformConfig(raw, ctx);
        expect(raw).toEqual(baseConfig());
    });
});

describe("schema errors name the key and the fix", () => {
    it.each<[string, unknown, string]>([
        ["missing config", undefined, `${KEY}: is missing (add a ${KEY} object to stacks/Pulumi.t.yaml`],
        ["missing required key", { location: "westeurope", tags: { owner: "a", costCenter: "b" } }, `${KEY}.environment: is required (add environment under ${KEY})`],
        ["missing required tag", baseConfig({ tags: { owner: "a" } }), `${KEY}.tags.costCenter: is required`],
        ["wrong type", baseConfig({ storage: { softDeleteRetentionDays: "fourteen" } }), `${KEY}.storage.softDeleteRetentionDays: must be an integer; got string "fourteen"`],
        ["unknown key with a suggestion", baseConfig({ storage: { skuu: "Standard_LRS" } }), `${KEY}.storage.skuu: is not a known setting (did you mean sku?`],
        ["unknown top-level key", baseConfig({ workspce: {} }), `${KEY}.workspce: is not a known setting (did you mean workspace?`],
        ["enum typo", baseConfig({ environment: "production" }), `${KEY}.environment: must be one of "dev", "test", "prod"; got string "production"`],
        ["out of range", baseConfig({ keyVault: { softDeleteRetentionDays: 3 } }), `${KEY}.keyVault.softDeleteRetentionDays: number 3 is out of range (use a number >= 7)`],
        ["bad ARM ID", baseConfig({ storage: { existingId: "my-storage" } }), `${KEY}.storage.existingId: string "my-storage" is not an Azure resource ID (write the full ID, /subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>, where the subscription ID is a GUID)`],
        ["FQDN rule without destination", baseConfig({ workspace: { managedNetwork: { outboundRules: { pypi: { type: "FQDN" } } } } }), `${KEY}.workspace.managedNetwork.outboundRules.pypi.destination: is required`],
        ["rule field of another type", baseConfig({ workspace: { managedNetwork: { outboundRules: { pypi: { type: "FQDN", destination: "pypi.org", serviceTag: "x" } } } } }), `${KEY}.workspace.managedNetwork.outboundRules.pypi.serviceTag: is not a known setting`],
        ["bad IP range", baseConfig({ network: { allowedIpRanges: ["office"] } }), `${KEY}.network.allowedIpRanges[0]: string "office" has an invalid format`],
    ])("%s", (_label, raw, expected) => {
        expect(problems(raw).join("\n")).toContain(expected);
    });

    it("reports every problem at once, one line each", () => {
        const lines = problems(baseConfig({ environment: "qa", storage: { sku: "Premium_LRS" }, keyVault: { sku: "gold" } }));
        expect(lines).toHaveLength(3);
        expect(lines.map((l) => l.split(":")[1])).toEqual(expect.arrayContaining(["platform.environment", "platform.storage.sku", "platform.keyVault.sku"]));
    });
});

describe("semantic errors", () => {
    it.each<[string, Record<string, unknown>, string]>([
        ["unknown region", { location: "mars" }, `${KEY}.location: "mars" is not a region where Azure Machine Learning is offered in AzureCloud (use one of:`],
        ["region of another cloud", { location: "usgovvirginia" }, `${KEY}.location: "usgovvirginia" is a region of AzureUSGovernment, not of AzureCloud (set cloud: AzureUSGovernment`],
        ["invalid storage name", { storage: { name: "My_Storage" } }, `${KEY}.storage.name: storage account name must be 3-24 lowercase letters and digits; got 'My_Storage'`],
        ["invalid key vault name", { keyVault: { name: "kv--double" } }, `${KEY}.keyVault.name: key vault name`],
        ["invalid workspace name", { workspace: { name: "a" } }, `${KEY}.workspace.name:`],
        ["name and existingId together", { storage: { name: "stabc", existingId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1" } }, `${KEY}.storage.name: conflicts with existingId`],
        ["existingId of the wrong type", { keyVault: { existingId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1" } }, `${KEY}.keyVault.existingId: is a Microsoft.Storage/storageAccounts ID (give the ID of a Microsoft.KeyVault/vaults)`],
        ["existing registry without ID", { containerRegistry: { mode: "existing" } }, `${KEY}.containerRegistry.existingId: is required when mode is existing`],
        ["registry ID without existing mode", { containerRegistry: { existingId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/cr1" } }, `${KEY}.containerRegistry.mode: is onDemand but existingId is set`],
        ["CMK without purge protection", { encryption: { customerManagedKey: { enabled: true } }, keyVault: { purgeProtection: false } }, `${KEY}.keyVault.purgeProtection: is false but encryption.customerManagedKey creates its key in this vault`],
        ["CMK with a system-assigned identity", { encryption: { customerManagedKey: { enabled: true } }, workspace: { identity: { type: "SystemAssigned" } } }, `${KEY}.workspace.identity.type: is SystemAssigned but a customer-managed key is enabled`],
        ["existing identity without principal", { workspace: { identity: { existingId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1" } } }, `${KEY}.workspace.identity.existingPrincipalId: is required with existingId`],
        ["private IP range in firewall", { network: { allowedIpRanges: ["10.0.0.0/8"] } }, `${KEY}.network.allowedIpRanges[0]: "10.0.0.0/8" is a private or reserved range`],
        ["/32 in firewall", { network: { allowedIpRanges: ["203.0.113.7/32"] } }, `${KEY}.network.allowedIpRanges[0]: "203.0.113.7/32" uses /32`],
        ["FQDN rule with internet outbound", { workspace: { managedNetwork: { isolationMode: "AllowInternetOutbound", outboundRules: { pypi: { type: "FQDN", destination: "pypi.org" } } } } }, `${KEY}.workspace.managedNetwork.outboundRules.pypi.type: FQDN rules only apply in AllowOnlyApprovedOutbound mode`],
    ])("%s", (_label, overrides, expected) => {
        expect(problems(baseConfig(overrides)).join("\n")).toContain(expected);
    });
});
