/**
 * Bring-your-own: every adopted resource is referenced by ID and nothing is
 * created for it; components refuse contradictory arguments.
 */
import { minimalWorkspaceArgs } from "../../helpers/workspace-args";
import * as pulumi from "@pulumi/pulumi";
import type { StackRun } from "../../../offline/run-stack";
import { runStack } from "../../../offline/run-stack";
import { Workspace, type WorkspaceArgs } from "../../../components/workspace/workspace";
import { WorkspaceKeyVault } from "../../../components/workspace/key-vault";
import { Monitoring } from "../../../components/monitoring/monitoring";
import { Network } from "../../../components/network/network";
import { WorkspaceCmkKey } from "../../../components/workspace/cmk-key";
import { WorkspaceStorage } from "../../../components/workspace/storage";
import { allOfType, baseConfig, oneOfType, runPlatform } from "../../helpers/stack";

const SUB = "/subscriptions/11111111-2222-3333-4444-555555555555";
const IDS = {
    group: `${SUB}/resourceGroups/rg-shared`,
    storage: `${SUB}/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts/stshared01`,
    vault: `${SUB}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared`,
    registry: `${SUB}/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/crshared01`,
    logs: `${SUB}/resourceGroups/rg-shared/providers/Microsoft.OperationalInsights/workspaces/log-shared`,
    insights: `${SUB}/resourceGroups/rg-shared/providers/Microsoft.Insights/components/appi-shared`,
    identity: `${SUB}/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-shared`,
};

let adopted: StackRun;
beforeAll(async () => {
    adopted = await runPlatform(
        baseConfig({
            environment: "prod",
            resourceGroup: { existingId: IDS.group },
            storage: { existingId: IDS.storage },
            keyVault: { existingId: IDS.vault },
            containerRegistry: { mode: "existing", existingId: IDS.registry },
            monitoring: { logAnalytics: { existingId: IDS.logs }, applicationInsights: { existingId: IDS.insights } },
            workspace: { identity: { existingId: IDS.identity, existingPrincipalId: "99999999-0000-0000-0000-000000000001" } },
        }),
        { stack: "byo" },
    );
});

describe("everything adopted", () => {
    it.each([
        "azure-native:resources:ResourceGroup",
        "azure-native:storage:StorageAccount",
        "azure-native:storage:BlobServiceProperties",
        "azure-native:keyvault:Vault",
        "azure-native:containerregistry:Registry",
        "azure-native:operationalinsights:Workspace",
        "azure-native:applicationinsights:Component",
        "azure-native:managedidentity:UserAssignedIdentity",
    ])("creates no %s", (type) => {
        expect(allOfType(adopted.graph, type)).toHaveLength(0);
    });

    it("wires the workspace to the adopted IDs, in the adopted group", () => {
        const ws = oneOfType(adopted.graph, "azure-native:machinelearningservices:Workspace").inputs;
        expect(ws).toMatchObject({
            resourceGroupName: "rg-shared",
            storageAccount: IDS.storage,
            keyVault: IDS.vault,
            containerRegistry: IDS.registry,
            applicationInsights: IDS.insights,
            primaryUserAssignedIdentity: IDS.identity,
        });
    });

    it("still grants the adopted identity its roles on the adopted resources", () => {
        const grants = allOfType(adopted.graph, "azure-native:authorization:RoleAssignment");
        const workspaceId = `${IDS.group}/providers/Microsoft.MachineLearningServices/workspaces/${String(oneOfType(adopted.graph, "azure-native:machinelearningservices:Workspace").inputs.workspaceName)}`;
        // The associated resources, the group (managed network approver) and the workspace itself (Contributor).
        expect(new Set(grants.map((g) => g.inputs.scope))).toEqual(new Set([IDS.storage, IDS.vault, IDS.registry, IDS.insights, IDS.group, workspaceId]));
        for (const g of grants) expect(g.inputs.principalId).toBe("99999999-0000-0000-0000-000000000001");
    });

    it("sends workspace diagnostics to the adopted Log Analytics and locks nothing: the group and Log Analytics are not the stack's, and the workspace holds its computes", () => {
        const diag = allOfType(adopted.graph, "azure-native:monitor:DiagnosticSetting");
        expect(diag).toHaveLength(1);
        expect(diag[0].inputs.workspaceId).toBe(IDS.logs);
        expect(allOfType(adopted.graph, "azure-native:authorization:ManagementLockByScope")).toHaveLength(0);
    });

    it("derives the registry login server and vault URI of adopted resources", () => {
        expect(adopted.outputs.registryLoginServer).toBe("crshared01.azurecr.io");
        expect(adopted.outputs.keyVaultUri).toBe("https://kv-shared.vault.azure.net/");
    });
});

describe("system-assigned identity", () => {
    it("grants the workspace's own identity after the workspace exists", async () => {
        const run = await runPlatform(baseConfig({ workspace: { identity: { type: "SystemAssigned" } } }), { stack: "sai" });
        const ws = oneOfType(run.graph, "azure-native:machinelearningservices:Workspace");
        expect(ws.inputs.identity).toEqual({ type: "SystemAssigned" });
        expect(ws.inputs.primaryUserAssignedIdentity).toBeUndefined();
        expect(allOfType(run.graph, "azure-native:managedidentity:UserAssignedIdentity")).toHaveLength(0);
        const grants = allOfType(run.graph, "azure-native:authorization:RoleAssignment");
        expect(grants.length).toBeGreaterThan(0);
        for (const g of grants) expect(g.dependencies).toContain(ws.urn);
    });

    it("grants only what Azure ML does not grant its system identity itself (a duplicate fails with RoleAssignmentExists)", async () => {
        const run = await runPlatform(baseConfig({ workspace: { identity: { type: "SystemAssigned" } } }), { stack: "sai" });
        const roles = allOfType(run.graph, "azure-native:authorization:RoleAssignment").map((g) => String(g.inputs.roleDefinitionId).split("/").pop());
        // File data (notebooks share), metrics publishing (App Insights without local auth), and
        // Reader on the private storage's blob and file endpoints (studio); no registry is declared.
        expect(roles.sort()).toEqual(["69566ab7-960f-475b-8e7c-b3118f30c6bd", "3913510d-42f4-4e42-8a64-420c390055eb", "acdd72a7-3385-48ef-bd42-f606fba81ae7", "acdd72a7-3385-48ef-bd42-f606fba81ae7"].sort());
    });
});

describe("conflicting component arguments", () => {
    const failures = async (program: () => void): Promise<string[]> => {
        const err = await runStack({ stack: "conflict", config: {}, program: () => (program(), {}) }).then(() => undefined, (e: unknown) => e);
        return err instanceof Error ? [err.message] : [];
    };
    const base: WorkspaceArgs = minimalWorkspaceArgs();
    /** What constructing the component throws, inside a Pulumi run. */
    const thrownBy = async (make: () => unknown): Promise<unknown> => {
        let thrown: unknown;
        await failures(() => {
            try {
                make();
            } catch (e) {
                thrown = e;
            }
        });
        return thrown;
    };
    const cosmos = "99999999-0000-0000-0000-0000000000c0";

    it.each<[string, Partial<WorkspaceArgs>, string]>([
        ["CMK with a system-assigned identity", { identity: { type: "SystemAssigned" }, customerManagedKey: { keyName: "k", cosmosDbPrincipalObjectId: cosmos } }, "customerManagedKey: needs identity.type UserAssigned"],
        ["CMK in an adopted vault", { keyVault: { existingId: `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-y` }, customerManagedKey: { keyName: "k", cosmosDbPrincipalObjectId: cosmos } }, "which is adopted (keyVault.existingId): give existingKeyId or keyVaultId"],
        ["RSA-HSM key in a standard vault", { customerManagedKey: { keyName: "k", keyType: "RSA-HSM", cosmosDbPrincipalObjectId: cosmos } }, "customerManagedKey.keyType: RSA-HSM needs keyVault.sku premium"],
        ["classic CMK without the Cosmos DB principal", { customerManagedKey: { keyName: "k" } }, "customerManagedKey.cosmosDbPrincipalObjectId: required without serviceSideEncryption"],
        ["CMK without purge protection", { keyVault: { name: "kv-x", purgeProtection: false }, customerManagedKey: { keyName: "k", cosmosDbPrincipalObjectId: cosmos } }, "customerManagedKey: requires keyVault.purgeProtection"],
        ["storage with both an ID and a name", { storage: { existingId: IDS.storage, name: "stx01" } }, "storage.existingId: set together with storage.name"],
        ["Log Analytics with both an ID and a name", { monitoring: { logAnalytics: { existingId: IDS.logs, name: "log-x" }, applicationInsights: { name: "appi-x" } } }, "monitoring.logAnalytics.existingId: set together with monitoring.logAnalytics.name"],
        ["an identity with both an ID and a name", { identity: { existingId: IDS.identity, existingPrincipalId: cosmos, name: "id-x" } }, "identity.existingId: set together with identity.name"],
        ["an adopted identity without its principal", { identity: { existingId: IDS.identity } }, "identity.existingPrincipalId: required with identity.existingId"],
        ["a registry to create without a name", { containerRegistry: {} }, "containerRegistry.name: is required when containerRegistry.existingId is not set"],
        ["an FQDN rule without a destination", { managedNetwork: { outboundRules: { pypi: { type: "FQDN" } } } }, "managedNetwork.outboundRules.pypi.destination: required for a FQDN rule"],
    ])("%s fails with a ResourceError naming the arg", async (_label, extra, message) => {
        const thrown = await thrownBy(() => new Workspace("ws", { ...base, ...extra }));
        expect(thrown).toBeInstanceOf(pulumi.ResourceError);
        // Exactly this problem: the base args are complete, so nothing else is reported.
        expect((thrown as Error).message).toMatch(/^invalid Workspace args: /);
        expect((thrown as Error).message.replace(/^invalid Workspace args: /, "").split("; ")).toEqual([expect.stringContaining(message)]);
    });

    it("a standalone component refuses the same contradictions, naming its own arg", async () => {
        const placement = { resourceGroupName: "rg", location: "westeurope", tags: {} };
        const storage = await thrownBy(() => new WorkspaceStorage("st", placement));
        expect(storage).toBeInstanceOf(pulumi.ResourceError);
        expect((storage as Error).message).toMatch(/^name: is required when existingId is not set/);
        const vault = await thrownBy(() => new WorkspaceKeyVault("kv", { ...placement, tenantId: "t", existingId: IDS.vault, name: "kv-x" }));
        expect((vault as Error).message).toMatch(/^existingId: set together with name/);
        const monitoring = await thrownBy(() => new Monitoring("mon", { ...placement, logAnalytics: { name: "log-x" }, applicationInsights: { existingId: IDS.insights, name: "appi-x" } }));
        expect((monitoring as Error).message).toMatch(/^applicationInsights\.existingId: set together with applicationInsights\.name/);
        const network = await thrownBy(() => new Network("net", { ...placement, existingId: `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub`, name: "vnet-x" }));
        expect(network).toBeInstanceOf(pulumi.ResourceError);
        expect((network as Error).message).toMatch(/^existingId: set together with name/);
        const key = await thrownBy(() => new WorkspaceCmkKey("cmk", { ...placement, existingId: `${IDS.vault}/keys/k1`, name: "k1", workspacePrincipalId: "p", subscriptionId: "s", uniqueBy: ["x"], workspaceName: "mlw-x" }));
        expect((key as Error).message).toMatch(/^existingId: set together with name/);
    });
});
