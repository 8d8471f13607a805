/**
 * Simulated Azure refuses what ARM would refuse, with a message naming the
 * resource and the property; and answers with ARM-shaped, deterministic values.
 */
import * as pulumi from "@pulumi/pulumi";
import { SimulatedAzure, SIMULATED_SUBSCRIPTION_ID } from "../../offline/azure-sim/simulator";
import { StorageAccount } from "@pulumi/azure-native/storage";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { runStack, SimulationError } from "../../offline/run-stack";
import { baseConfig, oneOfType, runPlatform } from "../helpers/stack";

const sim = (preview = false): SimulatedAzure => new SimulatedAzure({ preview });
const create = (s: SimulatedAzure, type: string, inputs: Record<string, unknown>, name = "r"): pulumi.runtime.MockResourceResult =>
    s.newResource({ type, name, inputs, custom: true }) as pulumi.runtime.MockResourceResult;

describe("ARM-shaped results", () => {
    it("gives a resource-group-level ID, the name, and computed outputs", () => {
        const r = create(sim(), "azure-native:containerregistry:Registry", { registryName: "crexample01", resourceGroupName: "rg-x", sku: { name: "Premium" } });
        expect(r.id).toBe(`/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/rg-x/providers/Microsoft.ContainerRegistry/registries/crexample01`);
        expect(r.state).toMatchObject({ name: "crexample01", loginServer: "crexample01.azurecr.io" });
    });

    it("places child and extension resources under their parent or scope", () => {
        const s = sim();
        expect(create(s, "azure-native:storage:BlobServiceProperties", { accountName: "stx", resourceGroupName: "rg", blobServicesName: "default" }).id).toBe(
            `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stx/blobServices/default`,
        );
        expect(create(s, "azure-native:monitor:DiagnosticSetting", { name: "to-log-analytics", resourceUri: "/subscriptions/x/resourceGroups/rg/providers/A.B/c/d" }).id).toBe(
            "/subscriptions/x/resourceGroups/rg/providers/A.B/c/d/providers/Microsoft.Insights/diagnosticSettings/to-log-analytics",
        );
    });

    it("is deterministic: the same resource yields the same principal ID in two simulations", () => {
        const inputs = { resourceName: "id-x", resourceGroupName: "rg" };
        const a = create(sim(), "azure-native:managedidentity:UserAssignedIdentity", inputs).state.principalId;
        const b = create(sim(), "azure-native:managedidentity:UserAssignedIdentity", inputs).state.principalId;
        expect(a).toMatch(/^[0-9a-f-]{36}$/);
        expect(a).toBe(b);
    });

    it("in preview leaves IDs and computed outputs unknown", () => {
        const r = create(sim(true), "azure-native:containerregistry:Registry", { registryName: "crexample01", resourceGroupName: "rg-x", sku: { name: "Premium" } });
        expect(r.id).toBeUndefined();
        // Computed outputs are the SDK's unknown marker, so the program sees them as unknown.
        expect(r.state.loginServer).toBe(unknownValue);
        expect(r.state.registryName).toBe("crexample01");
    });

    it("answers getClientConfig with placeholder (all-zero) IDs only", () => {
        const cfg = sim().call({ token: "azure-native:authorization:getClientConfig", inputs: {} });
        expect(cfg.subscriptionId).toBe("00000000-0000-0000-0000-000000000000");
        expect(String(cfg.tenantId)).toMatch(/^00000000-0000-0000-0000-0000000000/);
    });
});

describe("what ARM rejects", () => {
    it.each([
        ["an invalid storage account name", "azure-native:storage:StorageAccount", { accountName: "Bad_Name", resourceGroupName: "rg" }, /accountName storage account name must be 3-24 lowercase letters and digits/],
        ["a missing name (azure-native would pick a random one)", "azure-native:keyvault:Vault", { resourceGroupName: "rg" }, /vaultName is not set/],
        [
            "retention and soft delete together on a registry",
            "azure-native:containerregistry:Registry",
            { registryName: "crexample01", resourceGroupName: "rg", sku: { name: "Premium" }, policies: { retentionPolicy: { status: "enabled" }, softDeletePolicy: { status: "enabled" } } },
            /cannot both be enabled/,
        ],
        [
            "export disabled on a public registry",
            "azure-native:containerregistry:Registry",
            { registryName: "crexample01", resourceGroupName: "rg", sku: { name: "Premium" }, publicNetworkAccess: "Enabled", policies: { exportPolicy: { status: "disabled" } } },
            /exportPolicy can be disabled only when publicNetworkAccess is Disabled/,
        ],
        ["network rules below Premium", "azure-native:containerregistry:Registry", { registryName: "crexample01", resourceGroupName: "rg", sku: { name: "Basic" }, networkRuleSet: { defaultAction: "Deny" } }, /needs the Premium SKU/],
        ["a non-GUID role assignment name", "azure-native:authorization:RoleAssignment", { roleAssignmentName: "grant-1", scope: "/subscriptions/x" }, /must be a GUID/],
        ["soft delete retention out of range", "azure-native:keyvault:Vault", { vaultName: "kv-x", resourceGroupName: "rg", properties: { softDeleteRetentionInDays: 120 } }, /7-90; got 120/],
        ["a reserved word in a public name", "azure-native:storage:StorageAccount", { accountName: "stmicrosoft01", resourceGroupName: "rg" }, /contains the reserved word MICROSOFT/],
        [
            "a sub-resource the target's type does not offer (the shared group ID table)",
            "azure-native:network:PrivateEndpoint",
            {
                privateEndpointName: "pep-x",
                resourceGroupName: "rg",
                subnet: { id: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s" },
                privateLinkServiceConnections: [{ name: "pep-x", privateLinkServiceId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stx", groupIds: ["blobs"] }],
            },
            /group ID "blobs" is not a sub-resource of microsoft.storage\/storageaccounts \(it offers blob, blob_secondary/,
        ],
    ])("refuses %s", (_label, type, inputs, message) => {
        const s = sim();
        expect(create(s, type, inputs).id).toBeUndefined();
        expect(s.rejections.join("\n")).toMatch(message);
    });

    it("refuses the same resource declared twice, naming the first", () => {
        const s = sim();
        create(s, "azure-native:keyvault:Vault", { vaultName: "kv-one", resourceGroupName: "rg" }, "first");
        create(s, "azure-native:keyvault:Vault", { vaultName: "kv-one", resourceGroupName: "rg" }, "second");
        expect(s.rejections).toEqual([expect.stringMatching(/"second": .*already declared by "first"/)]);
    });

    it("refuses a globally unique name reused in another resource group", () => {
        const s = sim();
        create(s, "azure-native:storage:StorageAccount", { accountName: "stshared01", resourceGroupName: "rg-a" }, "a");
        create(s, "azure-native:storage:StorageAccount", { accountName: "stshared01", resourceGroupName: "rg-b" }, "b");
        expect(s.rejections).toEqual([expect.stringMatching(/"b": the name "stshared01" .*unique across Azure/)]);
    });

    it("refuses a customer-managed key from a vault without purge protection", () => {
        const s = sim();
        const vault = create(s, "azure-native:keyvault:Vault", { vaultName: "kv-x", resourceGroupName: "rg", properties: {} });
        create(s, "azure-native:machinelearningservices:Workspace", {
            workspaceName: "mlw-x",
            resourceGroupName: "rg",
            enableServiceSideCMKEncryption: true,
            encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId: vault.id } },
        });
        expect(s.rejections).toEqual([expect.stringMatching(/without purge protection/)]);
    });

    it("a rejected resource fails the whole run with every message, promptly", async () => {
        const program = (): Record<string, pulumi.Output<unknown>> => {
            const ok = new StorageAccount("ok", { accountName: "stgood01", resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } });
            const bad = new StorageAccount("bad", { accountName: "Not_Valid", resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } });
            return { ok: ok.id, bad: bad.id };
        };
        const started = Date.now();
        const err = await runStack({ stack: "t", config: {}, program }).then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(SimulationError);
        expect((err as SimulationError).failures).toHaveLength(1);
        expect((err as SimulationError).failures[0]).toMatch(/"bad": accountName storage account name must be 3-24 lowercase letters and digits; got 'Not_Valid'/);
        expect(Date.now() - started).toBeLessThan(10_000);
    });
});

describe("a whole run", () => {
    it("names the Log Analytics workspace as configured", async () => {
        const run = await runPlatform(baseConfig({ monitoring: { logAnalytics: { name: "log-custom" } } }));
        expect(oneOfType(run.graph, "azure-native:operationalinsights:Workspace").inputs.workspaceName).toBe("log-custom");
    });
});
