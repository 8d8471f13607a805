/**
 * The lifecycle rules in the simulated Azure and in whole-stack runs: locks
 * never cover what the stack deletes, zone-redundant SKUs need zones, the
 * default storage has no hierarchical namespace, a network links one zone of a
 * name, adopted IDs' subscriptions are honoured, names survive a backend move,
 * and the plan says what cannot be replaced.
 */
import type * as pulumi from "@pulumi/pulumi";
import { lockConflicts } from "../../components/lifecycle";
import { SimulatedAzure, SIMULATED_SUBSCRIPTION_ID } from "../../offline/azure-sim/simulator";
import { renderSummary } from "../../offline/plan";
import { runStack, type StackRun } from "../../offline/run-stack";
import { readStackConfig } from "../../offline/stack-file";
import { allOfType, baseConfig, oneOfType, runPlatform } from "../helpers/stack";

const create = (s: SimulatedAzure, type: string, inputs: Record<string, unknown>, name = "r", provider?: string): pulumi.runtime.MockResourceResult =>
    s.newResource({ type, name, inputs, custom: true, provider }) as pulumi.runtime.MockResourceResult;
const RG = `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/rg`;
const LOCK = "azure-native:authorization:ManagementLockByScope";

describe("simulated Azure: delete locks", () => {
    it("refuses a lock whose scope holds a role assignment the stack created", () => {
        const s = new SimulatedAzure({ preview: false });
        const st = create(s, "azure-native:storage:StorageAccount", { accountName: "stlock01", resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard_LRS" } }, "st");
        create(s, "azure-native:authorization:RoleAssignment", { roleAssignmentName: "00000000-0000-0000-0000-000000000001", scope: st.id }, "ra");
        create(s, LOCK, { lockName: "do-not-delete", scope: RG, level: "CanNotDelete" }, "lock");
        expect(s.rejections).toEqual([expect.stringMatching(/"lock": a CanNotDelete lock on .*\/resourceGroups\/rg would block deleting role assignment .*roleAssignments\/00000000-0000-0000-0000-000000000001/)]);
    });

    it("refuses a diagnostic setting or compute registered after a lock that covers it", () => {
        const s = new SimulatedAzure({ preview: false });
        create(s, LOCK, { lockName: "do-not-delete", scope: RG, level: "CanNotDelete" }, "lock");
        create(s, "azure-native:monitor:DiagnosticSetting", { name: "to-log-analytics", resourceUri: `${RG}/providers/Microsoft.KeyVault/vaults/kv1` }, "diag");
        create(s, "azure-native:machinelearningservices:Compute", { computeName: "cpu", workspaceName: "mlw", resourceGroupName: "rg", properties: { computeType: "AmlCompute" } }, "cpu");
        expect(s.rejections).toHaveLength(2);
        expect(s.rejections[0]).toMatch(/"diag": .*diagnosticSettings\/to-log-analytics: a CanNotDelete lock "lock" on .*\/resourceGroups\/rg covers it/);
        expect(s.rejections[1]).toMatch(/"cpu": .*workspaces\/mlw\/computes\/cpu: a CanNotDelete lock "lock"/);
    });

    it("accepts a lock on a resource with nothing the stack deletes under it", () => {
        const s = new SimulatedAzure({ preview: false });
        const log = create(s, "azure-native:operationalinsights:Workspace", { workspaceName: "log-x", resourceGroupName: "rg" }, "log");
        create(s, "azure-native:monitor:DiagnosticSetting", { name: "to-log-analytics", resourceUri: `${RG}/providers/Microsoft.KeyVault/vaults/kv1`, workspaceId: log.id }, "diag");
        create(s, LOCK, { lockName: "do-not-delete", scope: log.id, level: "CanNotDelete" }, "lock");
        expect(s.rejections).toEqual([]);
    });
});

describe("simulated Azure: zones, default storage, DNS links, subscriptions", () => {
    it("refuses zone-redundant storage and registries in a region without availability zones", () => {
        const s = new SimulatedAzure({ preview: false });
        create(s, "azure-native:storage:StorageAccount", { accountName: "stzone01", resourceGroupName: "rg", location: "westus", sku: { name: "Standard_ZRS" } }, "st");
        create(s, "azure-native:containerregistry:Registry", { registryName: "crzone01", resourceGroupName: "rg", location: "westus", sku: { name: "Premium" }, zoneRedundancy: "Enabled" }, "cr");
        create(s, "azure-native:storage:StorageAccount", { accountName: "stzone02", resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard_ZRS" } }, "ok");
        expect(s.rejections).toEqual([
            expect.stringContaining('"st": sku.name Standard_ZRS is zone-redundant, but westus has no availability zones'),
            expect.stringContaining('"cr": zoneRedundancy is Enabled, but westus has no availability zones'),
        ]);
    });

    it("refuses a workspace whose default storage has a hierarchical namespace", () => {
        const s = new SimulatedAzure({ preview: false });
        const st = create(s, "azure-native:storage:StorageAccount", { accountName: "sthns01", resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard_LRS" }, isHnsEnabled: true }, "st");
        create(s, "azure-native:machinelearningservices:Workspace", { workspaceName: "mlw-x", resourceGroupName: "rg", storageAccount: st.id }, "ws");
        expect(s.rejections).toEqual([expect.stringContaining('"ws": storageAccount has a hierarchical namespace')]);
    });

    it("refuses linking one virtual network to two private DNS zones of the same name", () => {
        const s = new SimulatedAzure({ preview: false });
        const vnet = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-x`;
        const link = (name: string, group: string): void => {
            create(s, "azure-native:privatedns:VirtualNetworkLink", { virtualNetworkLinkName: "link-vnet-x", privateZoneName: "privatelink.vaultcore.azure.net", resourceGroupName: group, virtualNetwork: { id: vnet } }, name);
        };
        link("hub", "rg-hub");
        link("spoke", "rg-spoke");
        expect(s.rejections).toEqual([expect.stringContaining('"spoke": virtual network ' + vnet + " is already linked to a private DNS zone named privatelink.vaultcore.azure.net")]);
    });

    it("creates what an explicit provider deploys in that provider's subscription", () => {
        const s = new SimulatedAzure({ preview: false });
        const p = s.newResource({ type: "pulumi:providers:azure-native", name: "sub-b", inputs: { subscriptionId: "22222222-2222-2222-2222-222222222222" }, custom: true }) as pulumi.runtime.MockResourceResult;
        const ref = `urn:pulumi:t::aml-workspace::pulumi:providers:azure-native::sub-b::${p.id}`;
        expect(create(s, "azure-native:operationalinsights:Workspace", { workspaceName: "log-b", resourceGroupName: "rg" }, "log", ref).id).toMatch(/^\/subscriptions\/22222222-2222-2222-2222-222222222222\/resourceGroups\/rg\//);
        expect(create(s, "azure-native:operationalinsights:Workspace", { workspaceName: "log-a", resourceGroupName: "rg" }, "log-a").id).toMatch(new RegExp(`^/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/`));
        expect((s.call({ token: "azure-native:authorization:getClientConfig", inputs: {}, provider: ref }) as Record<string, unknown>).subscriptionId).toBe("22222222-2222-2222-2222-222222222222");
    });
});

describe("stacks", () => {
    let prod: StackRun;
    let dev: StackRun;
    beforeAll(async () => {
        prod = await runStack({ stack: "prod", config: readStackConfig("prod") });
        dev = await runStack({ stack: "dev", config: readStackConfig("dev") });
    });

    it("prod: every lock leaves the role assignments, diagnostic settings and compute of the stack deletable", () => {
        const locks = allOfType(prod.graph, LOCK);
        expect(locks.length).toBeGreaterThan(0);
        // The ARM IDs of what the stack deletes in normal operation, from their inputs (known in a simulated up).
        const ids = prod.graph.resources.flatMap((r) => {
            const i = r.inputs as Record<string, unknown>;
            if (r.type === "azure-native:authorization:RoleAssignment") return [`${String(i.scope)}/providers/Microsoft.Authorization/roleAssignments/${String(i.roleAssignmentName)}`];
            if (r.type === "azure-native:monitor:DiagnosticSetting") return [`${String(i.resourceUri)}/providers/Microsoft.Insights/diagnosticSettings/${String(i.name)}`];
            if (r.type === "azure-native:machinelearningservices:Compute") {
                return [`/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/${String(i.resourceGroupName)}/providers/Microsoft.MachineLearningServices/workspaces/${String(i.workspaceName)}/computes/${String(i.computeName)}`];
            }
            return [];
        });
        expect(ids.every((id) => id.startsWith("/subscriptions/"))).toBe(true);
        expect(ids.length).toBeGreaterThan(10);
        for (const lock of locks) expect({ scope: lock.inputs.scope, blocks: lockConflicts(String(lock.inputs.scope), ids) }).toEqual({ scope: lock.inputs.scope, blocks: [] });
    });

    it("the text plan notes the names that outlive their resources and what each lock blocks", () => {
        const summary = renderSummary(prod.graph);
        expect(summary).toMatch(/Notes:\n/);
        expect(summary).toMatch(/key vault kv-aml-prod-[a-z0-9]{6}: after deletion its name stays reserved .* Protected: no update can replace .* raise naming\.generation/);
        expect(summary).toMatch(/Azure ML workspace mlw-aml-prod: after deletion its name stays reserved \(for 14 days/);
        expect(summary).toMatch(/CanNotDelete lock on .*Microsoft\.OperationalInsights\/workspaces\/log-aml-prod: blocks deleting it and everything under it/);
        expect(renderSummary(dev.graph)).not.toMatch(/ lock on /);
    });

    it("moving the stack to another Pulumi backend (organization) renames nothing", async () => {
        const acme = await runStack({ stack: "prod", config: readStackConfig("prod"), organization: "acme" });
        const names = (run: StackRun): string[] => run.graph.resources.filter((r) => r.custom).map((r) => `${r.type} ${JSON.stringify(r.outputs?.name ?? r.name)}`);
        expect(names(acme)).toEqual(names(prod));
    });

    it("an onDemand registry created for compute is retained when it leaves the stack", async () => {
        const run = await runPlatform(baseConfig({ workspace: { imageBuildCompute: "cpu" }, compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 2 } } } }), { stack: "ondemand" });
        expect(oneOfType(run.graph, "azure-native:containerregistry:Registry").retainOnDelete).toBe(true);
    });
});

describe("adopted resource group in another subscription", () => {
    const SUB = "11111111-2222-3333-4444-555555555555";
    let run: StackRun;
    beforeAll(async () => {
        run = await runPlatform(baseConfig({ resourceGroup: { existingId: `/subscriptions/${SUB}/resourceGroups/rg-shared` } }), { stack: "sub" });
    });

    it("deploys every Azure resource through one explicit provider for the group's subscription", () => {
        const provider = oneOfType(run.graph, "pulumi:providers:azure-native");
        expect(provider.inputs).toMatchObject({ subscriptionId: SUB, environment: "public" });
        const azure = run.graph.resources.filter((r) => r.custom && r.type.startsWith("azure-native:"));
        expect(azure.length).toBeGreaterThan(10);
        for (const r of azure) expect({ name: r.name, provider: r.provider?.startsWith(`${provider.urn}::`) }).toEqual({ name: r.name, provider: true });
    });

    it("the resources' IDs (the scopes roles are granted at), and the role definitions granted, are in that subscription", () => {
        const grants = allOfType(run.graph, "azure-native:authorization:RoleAssignment");
        expect(grants.length).toBeGreaterThan(3);
        for (const ra of grants) {
            expect(String(ra.inputs.scope)).toMatch(new RegExp(`^/subscriptions/${SUB}/resourceGroups/rg-shared(/providers/|$)`));
            expect(String(ra.inputs.roleDefinitionId)).toMatch(new RegExp(`^/subscriptions/${SUB}/`));
        }
    });
});

describe("adopted network in another subscription, group created", () => {
    const NET_SUB = "33333333-3333-3333-3333-333333333333";
    const VNET = `/subscriptions/${NET_SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/spoke`;
    it("creates the group, and the private endpoints in it, in the network's subscription", async () => {
        const run = await runPlatform(
            baseConfig({ network: { virtualNetwork: { existingId: VNET, subnetIds: { privateEndpoints: `${VNET}/subnets/pe` } }, privateDns: { mode: "policyManaged" } } }),
            { stack: "netsub" },
        );
        expect(oneOfType(run.graph, "pulumi:providers:azure-native").inputs).toMatchObject({ subscriptionId: NET_SUB });
        const endpoints = allOfType(run.graph, "azure-native:network:PrivateEndpoint");
        expect(endpoints.length).toBeGreaterThan(3);
        for (const pe of endpoints) {
            expect(pe.provider).toMatch(/pulumi:providers:azure-native::platform-provider::/);
            expect(String((pe.inputs.subnet as { id?: unknown } | undefined)?.id)).toBe(`${VNET}/subnets/pe`);
        }
        for (const ra of allOfType(run.graph, "azure-native:authorization:RoleAssignment")) expect(String(ra.inputs.scope)).toMatch(new RegExp(`^/subscriptions/${NET_SUB}/`));
    });
});
