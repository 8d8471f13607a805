/**
 * Simulated Azure for the data resources: datastores, data containers and versions are children
 * of the workspace (a version under its container), filesystems under the account's blob service,
 * and a Data Lake Gen2 datastore on an account of the stack without a hierarchical namespace is refused.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SimulatedAzure, SIMULATED_SUBSCRIPTION_ID } from "../../offline/azure-sim/simulator";

const create = (s: SimulatedAzure, type: string, inputs: Record<string, unknown>, name = "r"): pulumi.runtime.MockResourceResult =>
    s.newResource({ type, name, inputs, custom: true }) as pulumi.runtime.MockResourceResult;
const WS = `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw-x`;
const ML = "azure-native:machinelearningservices";

it("places datastores, data containers and versions under the workspace, and filesystems under the blob service", () => {
    const s = new SimulatedAzure({ preview: false });
    const base = { resourceGroupName: "rg", workspaceName: "mlw-x" };
    expect(create(s, `${ML}:Datastore`, { ...base, name: "raw", properties: { datastoreType: "AzureBlob", accountName: "stx" } }, "d").id).toBe(`${WS}/datastores/raw`);
    expect(create(s, `${ML}:DataContainer`, { ...base, name: "transactions", properties: { dataType: "uri_folder" } }, "c").id).toBe(`${WS}/data/transactions`);
    expect(create(s, `${ML}:DataVersion`, { ...base, name: "transactions", version: "1", properties: { dataType: "uri_folder" } }, "v").id).toBe(`${WS}/data/transactions/versions/1`);
    expect(create(s, "azure-native:storage:BlobContainer", { resourceGroupName: "rg", accountName: "stx", containerName: "raw" }, "fs").id).toBe(
        `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stx/blobServices/default/containers/raw`,
    );
    expect(s.rejections).toEqual([]);
});

it("refuses a Data Lake Gen2 datastore on an account of the stack without a hierarchical namespace, not on one with it or outside the stack", () => {
    const s = new SimulatedAzure({ preview: false });
    const account = (name: string, isHnsEnabled: boolean) => create(s, "azure-native:storage:StorageAccount", { resourceGroupName: "rg", accountName: name, isHnsEnabled, sku: { name: "Standard_ZRS" }, kind: "StorageV2" }, name);
    account("stflat01", false);
    account("stlake01", true);
    const store = (accountName: string, logical: string) =>
        create(s, `${ML}:Datastore`, { resourceGroupName: "rg", workspaceName: "mlw-x", name: logical, properties: { datastoreType: "AzureDataLakeGen2", accountName, filesystem: "raw", credentials: { credentialsType: "None" } } }, logical);
    store("stlake01", "onlake");
    store("stelsewhere01", "byid");
    store("stflat01", "onflat");
    expect(s.rejections).toEqual([expect.stringMatching(/"onflat": properties\.datastoreType is AzureDataLakeGen2 but storage account stflat01 has no hierarchical namespace/)]);
});
