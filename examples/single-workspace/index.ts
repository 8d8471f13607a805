/**
 * A Pulumi program of its own that uses the component library the way any user does: installed
 * from its package (`npm install aml-workspace-0.1.0.tgz`) and imported by its name. One resource
 * group, one secure Azure ML workspace with its storage, key vault, registry and monitoring, named
 * by the library's rules.
 */
import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput } from "@pulumi/azure-native/authorization";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { Workspace, platformNames } from "aml-workspace";

const location = new pulumi.Config("azure-native").get("location") ?? "westeurope";
const tags = { owner: "ml-team", costCenter: "CC-0000" };
// Globally unique names (storage, key vault, registry) get a stable suffix from this deployment.
const uniqueBy = [pulumi.getOrganization(), pulumi.getProject(), pulumi.getStack(), location];
const names = platformNames({ prefix: "mlx", uniqueBy, given: {} });
const client = getClientConfigOutput();

const group = new ResourceGroup("ml-rg", { resourceGroupName: names.resourceGroup, location, tags });

const ml = new Workspace("ml", {
    resourceGroupName: group.name,
    location,
    tags,
    workspaceName: names.workspace,
    friendlyName: "Example workspace",
    tenantId: client.tenantId,
    subscriptionId: client.subscriptionId,
    uniqueBy,
    identity: { name: names.identity },
    storage: { name: names.storageAccount },
    keyVault: { name: names.keyVault },
    containerRegistry: { name: names.containerRegistry },
    monitoring: { logAnalytics: { name: names.logAnalytics }, applicationInsights: { name: names.applicationInsights } },
});

export const workspaceName = ml.workspaceName;
export const discoveryUrl = ml.discoveryUrl;
export const storageAccountId = ml.storageAccountId;
export const applicationInsightsConnectionString = ml.applicationInsightsConnectionString;
