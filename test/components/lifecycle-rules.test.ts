/**
 * Pure lifecycle rules: backend-independent name seeds, the recreate generation,
 * lock scopes, the region zone table, the deployment subscription of adopted IDs.
 */
import { deploymentScope } from "../../components/deployment-scope";
import { armTypeOfId, lockConflicts, scopeContains, SOFT_DELETED_TYPES } from "../../components/lifecycle";
import { lifecycleTransformation } from "../../components/lifecycle-options";
import { platformNames, suffixSeed } from "../../components/platform-names";
import { hasAvailabilityZones, isZoneRedundantStorageSku, regionHasZones, ZONE_REGIONS } from "../../components/regions";
import { CLOUDS, type AzureCloud } from "../../components/clouds";

const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const OTHER = "/subscriptions/22222222-2222-2222-2222-222222222222";

describe("name seed", () => {
    const seed = { project: "aml-workspace", stack: "prod", location: "westeurope" };

    it("does not include the Pulumi organization, so moving backends renames nothing", () => {
        expect(suffixSeed(seed)).toEqual(["aml-workspace", "prod", "westeurope"]);
    });

    it("a pinned seed is the only seed, and pinning the earlier organization-based seed reproduces the earlier names", () => {
        expect(suffixSeed({ ...seed, pinned: "keep-me" })).toEqual(["keep-me"]);
        expect(suffixSeed({ ...seed, pinned: "team/ml" })).toEqual(["team", "ml"]);
        // Stacks deployed before naming.suffixSeed existed hashed [organization, project, stack, location] joined with "/".
        const before = platformNames({ prefix: "aml-prod", uniqueBy: ["acme", "aml-workspace", "prod", "westeurope"], given: {} });
        const pinned = platformNames({ prefix: "aml-prod", uniqueBy: suffixSeed({ ...seed, pinned: "acme/aml-workspace/prod/westeurope" }), given: {} });
        expect(pinned.storageAccount).toBe(before.storageAccount);
        expect(pinned.keyVault).toBe(before.keyVault);
        expect(pinned.containerRegistry).toBe(before.containerRegistry);
    });
});

describe("recreate generation", () => {
    const base = { prefix: "aml-prod", uniqueBy: ["aml-workspace", "prod", "westeurope"], given: {} };

    it("generation 0 keeps every name", () => {
        expect(platformNames({ ...base, generation: 0 })).toEqual(platformNames(base));
    });

    it("a new generation renames exactly the key vault and the workspace, deterministically, and each generation differently", () => {
        const g0 = platformNames(base);
        const g1 = platformNames({ ...base, generation: 1 });
        const g2 = platformNames({ ...base, generation: 2 });
        expect(g1.keyVault).not.toBe(g0.keyVault);
        expect(g1.workspace).not.toBe(g0.workspace);
        expect(g2.keyVault).not.toBe(g1.keyVault);
        expect(g2.workspace).not.toBe(g1.workspace);
        expect(platformNames({ ...base, generation: 1 })).toEqual(g1);
        const { keyVault: _k, workspace: _w, ...rest1 } = g1;
        const { keyVault: _k0, workspace: _w0, ...rest0 } = g0;
        expect(rest1).toEqual(rest0);
    });

    it("still renames a long prefix (the suffix is never truncated)", () => {
        const long = { ...base, prefix: "a-very-long-prefix" };
        expect(platformNames({ ...long, generation: 3 }).workspace).not.toBe(platformNames(long).workspace);
    });

    it("leaves names the user chose alone", () => {
        expect(platformNames({ ...base, generation: 4, given: { workspace: "mlw-mine", keyVault: "kv-mine" } })).toMatchObject({ workspace: "mlw-mine", keyVault: "kv-mine" });
    });
});

describe("locks", () => {
    const storage = `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1`;
    const ws = `${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
    const ids = [
        `${storage}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-0000-0000-000000000001`,
        `${storage}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings/diag`,
        `${ws}/computes/cpu`,
        `${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log`,
    ];

    it("reads nested and extension types from an ID", () => {
        expect(ids.map(armTypeOfId)).toEqual([
            "microsoft.authorization/roleassignments",
            "microsoft.insights/diagnosticsettings",
            "microsoft.machinelearningservices/workspaces/computes",
            "microsoft.operationalinsights/workspaces",
        ]);
    });

    it("a scope contains itself, its children and its extension resources, not a sibling with a longer name", () => {
        expect(scopeContains(storage, `${storage}/blobServices/default`)).toBe(true);
        expect(scopeContains(storage, storage)).toBe(true);
        expect(scopeContains(storage, `${storage}2`)).toBe(false);
    });

    it("a lock on the group, the storage account or the workspace would block what the stack deletes; one on Log Analytics blocks nothing of it", () => {
        expect(lockConflicts(`${SUB}/resourceGroups/rg`, ids)).toHaveLength(3);
        expect(lockConflicts(storage, ids)).toHaveLength(2);
        expect(lockConflicts(ws, ids)).toEqual([`${ws}/computes/cpu`]);
        expect(lockConflicts(ids[3], ids)).toEqual([]);
    });
});

describe("lifecycle transformation", () => {
    const run = (type: string, guards: Parameters<typeof lifecycleTransformation>[0]) =>
        lifecycleTransformation(guards)({ type, name: "x", props: {}, opts: {}, resource: undefined as never });

    it.each(Object.keys(SOFT_DELETED_TYPES))("protects %s by default", (type) => {
        expect(run(type, {})?.opts.protect).toBe(true);
    });

    it("leaves other types alone, and protects nothing when protectSoftDeleted is off", () => {
        expect(run("azure-native:storage:StorageAccount", {})).toBeUndefined();
        expect(run("azure-native:keyvault:Vault", { protectSoftDeleted: false })).toBeUndefined();
    });

    it("retains an onDemand registry and keeps an attached registry on the workspace when the stack declares none", () => {
        expect(run("azure-native:containerregistry:Registry", { retainRegistry: true })?.opts.retainOnDelete).toBe(true);
        expect(run("azure-native:machinelearningservices:Workspace", { keepAttachedRegistry: true })?.opts.ignoreChanges).toContain("containerRegistry");
    });
});

describe("region zone table", () => {
    it.each(Object.keys(ZONE_REGIONS) as AzureCloud[])("%s: every zone region is a region where the toolkit deploys", (cloud) => {
        for (const region of ZONE_REGIONS[cloud]) expect({ region, known: CLOUDS[cloud].mlRegions.includes(region) || region === "newzealandnorth" }).toEqual({ region, known: true });
    });

    it("knows zones per cloud and zone-redundant SKUs", () => {
        expect(hasAvailabilityZones("AzureCloud", "westeurope")).toBe(true);
        expect(hasAvailabilityZones("AzureCloud", "westus")).toBe(false);
        expect(hasAvailabilityZones("AzureUSGovernment", "usgovvirginia")).toBe(true);
        expect(hasAvailabilityZones("AzureUSGovernment", "usgovarizona")).toBe(false);
        expect(regionHasZones("chinanorth3")).toBe(true);
        expect(["Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS"].every(isZoneRedundantStorageSku)).toBe(true);
        expect(["Standard_LRS", "Standard_GRS", "Standard_RAGRS"].some(isZoneRedundantStorageSku)).toBe(false);
    });
});

describe("deployment subscription", () => {
    const group = `${SUB}/resourceGroups/rg-app`;
    const vnet = `${OTHER}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/spoke`;

    it("an adopted group fixes it; else an adopted network the stack creates endpoints in; else the default provider's", () => {
        expect(deploymentScope({ resourceGroupId: group, createsInNetwork: false })).toMatchObject({ subscriptionId: "11111111-1111-1111-1111-111111111111", from: "resourceGroup.existingId" });
        expect(deploymentScope({ virtualNetworkId: vnet, createsInNetwork: true })).toMatchObject({ subscriptionId: "22222222-2222-2222-2222-222222222222", from: "network.virtualNetwork.existingId" });
        expect(deploymentScope({ virtualNetworkId: vnet, createsInNetwork: false })).toEqual({});
        expect(deploymentScope({ createsInNetwork: true })).toEqual({});
    });

    it("reports a network in another subscription than the group", () => {
        expect(deploymentScope({ resourceGroupId: group, virtualNetworkId: vnet, createsInNetwork: true }).conflict).toEqual({
            groupSubscription: "11111111-1111-1111-1111-111111111111",
            networkSubscription: "22222222-2222-2222-2222-222222222222",
        });
    });
});
