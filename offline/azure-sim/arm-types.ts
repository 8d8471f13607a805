/**
 * How simulated Azure names and identifies each azure-native type the
 * toolkit uses: its ARM type, the input holding its name, where its ID hangs
 * (resource group, parent resource, or an arbitrary scope for extension
 * resources), and which naming rule ARM applies.
 */
import type { ResourceKind } from "../../components/naming";

/** Where a resource's ID hangs. */
export type ArmPlacement =
    | { kind: "subscription" }
    | { kind: "resourceGroup" }
    /** A child: `<parent ID>/<segment>/<name>`, the parent found from inputs; `{key}` in the segment is that input (`data/{name}/versions`). */
    | { kind: "child"; parentType: string; parentNameKey: string; segment: string }
    /** An extension resource: `<scope>/providers/<armType>/<name>`. */
    | { kind: "extension"; scopeKey: string }
    /**
     * An extension resource whose scope is given in parts, not as an ID: a cluster extension's
     * `<group>/providers/<clusterRp>/<clusterResourceName>/<clusterName>/providers/<armType>/<name>`.
     */
    | { kind: "extensionOfParts"; providerKey: string; typeKey: string; nameKey: string };

/** The simulation spec of one type token. */
export interface ArmTypeSpec {
    /** ARM type, e.g. `Microsoft.Storage/storageAccounts`. */
    armType: string;
    /** Input property holding the resource's name. */
    nameKey: string;
    /** Name used when the type is a singleton (`default`). */
    fixedName?: string;
    /** Placement of the ID. */
    placement: ArmPlacement;
    /** Naming rule ARM enforces, if the toolkit models it; its `globallyUnique` says whether twice in one stack conflicts even across groups. */
    nameKind?: ResourceKind;
    /** Unique in the Entra tenant (not across Azure): the simulation has one tenant, so unique across the stack. Default false. */
    uniqueInTenant?: boolean;
}

const rg = { kind: "resourceGroup" } as const;

/** The table, by azure-native type token. */
export const ARM_TYPES: Readonly<Record<string, ArmTypeSpec>> = {
    "azure-native:resources:ResourceGroup": { armType: "resourceGroups", nameKey: "resourceGroupName", placement: { kind: "subscription" }, nameKind: "resourceGroup" },
    "azure-native:storage:StorageAccount": { armType: "Microsoft.Storage/storageAccounts", nameKey: "accountName", placement: rg, nameKind: "storageAccount" },
    "azure-native:storage:BlobServiceProperties": {
        armType: "Microsoft.Storage/storageAccounts/blobServices",
        nameKey: "blobServicesName",
        fixedName: "default",
        placement: { kind: "child", parentType: "Microsoft.Storage/storageAccounts", parentNameKey: "accountName", segment: "blobServices" },
    },
    "azure-native:storage:FileServiceProperties": {
        armType: "Microsoft.Storage/storageAccounts/fileServices",
        nameKey: "fileServicesName",
        fixedName: "default",
        placement: { kind: "child", parentType: "Microsoft.Storage/storageAccounts", parentNameKey: "accountName", segment: "fileServices" },
    },
    "azure-native:keyvault:Vault": { armType: "Microsoft.KeyVault/vaults", nameKey: "vaultName", placement: rg, nameKind: "keyVault" },
    "azure-native:keyvault:Key": {
        armType: "Microsoft.KeyVault/vaults/keys",
        nameKey: "keyName",
        placement: { kind: "child", parentType: "Microsoft.KeyVault/vaults", parentNameKey: "vaultName", segment: "keys" },
        nameKind: "keyVaultKey",
    },
    "azure-native:containerregistry:Registry": { armType: "Microsoft.ContainerRegistry/registries", nameKey: "registryName", placement: rg, nameKind: "containerRegistry" },
    "azure-native:operationalinsights:Workspace": { armType: "Microsoft.OperationalInsights/workspaces", nameKey: "workspaceName", placement: rg, nameKind: "logAnalytics" },
    "azure-native:applicationinsights:Component": { armType: "Microsoft.Insights/components", nameKey: "resourceName", placement: rg, nameKind: "applicationInsights" },
    "azure-native:managedidentity:UserAssignedIdentity": { armType: "Microsoft.ManagedIdentity/userAssignedIdentities", nameKey: "resourceName", placement: rg, nameKind: "userAssignedIdentity" },
    // A federated credential hangs under its identity ("Federated Identity Credentials - Create Or Update",
    // https://learn.microsoft.com/rest/api/managedidentity/2023-01-31/federated-identity-credentials/create-or-update).
    "azure-native:managedidentity:FederatedIdentityCredential": {
        armType: "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials",
        nameKey: "federatedIdentityCredentialResourceName",
        placement: { kind: "child", parentType: "Microsoft.ManagedIdentity/userAssignedIdentities", parentNameKey: "resourceName", segment: "federatedIdentityCredentials" },
        nameKind: "federatedIdentityCredential",
    },
    "azure-native:machinelearningservices:Workspace": { armType: "Microsoft.MachineLearningServices/workspaces", nameKey: "workspaceName", placement: rg, nameKind: "workspace" },
    // Registry names are unique in the tenant ("Create and manage registries"): one simulated tenant, so a conflict even across groups.
    "azure-native:machinelearningservices:Registry": { armType: "Microsoft.MachineLearningServices/registries", nameKey: "registryName", placement: rg, nameKind: "mlRegistry", uniqueInTenant: true },
    "azure-native:machinelearningservices:Compute": {
        armType: "Microsoft.MachineLearningServices/workspaces/computes",
        nameKey: "computeName",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "computes" },
    },
    "azure-native:machinelearningservices:Schedule": {
        armType: "Microsoft.MachineLearningServices/workspaces/schedules",
        nameKey: "name",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "schedules" },
        nameKind: "mlSchedule",
    },
    // Container groups of serving host containerInstance (name rule: components/naming.ts containerGroup).
    "azure-native:containerinstance:ContainerGroup": { armType: "Microsoft.ContainerInstance/containerGroups", nameKey: "containerGroupName", placement: rg, nameKind: "containerGroup" },

    // IoT Edge host: the IoT hub, and the registry token (with its scope map) the devices pull with.
    "azure-native:iothub:IotHubResource": { armType: "Microsoft.Devices/IotHubs", nameKey: "resourceName", placement: rg, nameKind: "iotHub" },
    "azure-native:containerregistry:ScopeMap": {
        armType: "Microsoft.ContainerRegistry/registries/scopeMaps",
        nameKey: "scopeMapName",
        placement: { kind: "child", parentType: "Microsoft.ContainerRegistry/registries", parentNameKey: "registryName", segment: "scopeMaps" },
    },
    "azure-native:containerregistry:Token": {
        armType: "Microsoft.ContainerRegistry/registries/tokens",
        nameKey: "tokenName",
        placement: { kind: "child", parentType: "Microsoft.ContainerRegistry/registries", parentNameKey: "registryName", segment: "tokens" },
    },

    // Online endpoints (workspaces/onlineEndpoints, .../onlineEndpoints/{name}/deployments) and the ARM
    // template deployment (Microsoft.Resources/deployments) that sets their traffic.
    "azure-native:machinelearningservices:OnlineEndpoint": {
        armType: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
        nameKey: "endpointName",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "onlineEndpoints" },
        nameKind: "onlineEndpoint",
    },
    "azure-native:machinelearningservices:OnlineDeployment": {
        armType: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments",
        nameKey: "deploymentName",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "onlineEndpoints/{endpointName}/deployments" },
        nameKind: "onlineDeployment",
    },
    "azure-native:resources:Deployment": { armType: "Microsoft.Resources/deployments", nameKey: "deploymentName", placement: rg },
    "azure-native:containerservice:ManagedCluster": { armType: "Microsoft.ContainerService/managedClusters", nameKey: "resourceName", placement: rg, nameKind: "aksCluster" },
    "azure-native:containerservice:AgentPool": {
        armType: "Microsoft.ContainerService/managedClusters/agentPools",
        nameKey: "agentPoolName",
        placement: { kind: "child", parentType: "Microsoft.ContainerService/managedClusters", parentNameKey: "resourceName", segment: "agentPools" },
        nameKind: "aksNodePool",
    },
    // Data (ARM: Microsoft.MachineLearningServices workspaces/datastores, workspaces/data,
    // workspaces/data/versions): children of the workspace; a version hangs under its container.
    "azure-native:machinelearningservices:Datastore": {
        armType: "Microsoft.MachineLearningServices/workspaces/datastores",
        nameKey: "name",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "datastores" },
    },
    "azure-native:machinelearningservices:DataContainer": {
        armType: "Microsoft.MachineLearningServices/workspaces/data",
        nameKey: "name",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "data" },
    },
    "azure-native:machinelearningservices:DataVersion": {
        armType: "Microsoft.MachineLearningServices/workspaces/data/versions",
        nameKey: "version",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "data/{name}/versions" },
    },
    // Serving artifacts (ARM: workspaces/models[/versions], workspaces/environments[/versions],
    // registries/models[/versions]): a version hangs under its container, as data versions do
    // ("Microsoft.MachineLearningServices workspaces/environments/versions", ARM template reference).
    "azure-native:machinelearningservices:ModelContainer": {
        armType: "Microsoft.MachineLearningServices/workspaces/models",
        nameKey: "name",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "models" },
    },
    "azure-native:machinelearningservices:ModelVersion": {
        armType: "Microsoft.MachineLearningServices/workspaces/models/versions",
        nameKey: "version",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "models/{name}/versions" },
    },
    "azure-native:machinelearningservices:EnvironmentContainer": {
        armType: "Microsoft.MachineLearningServices/workspaces/environments",
        nameKey: "name",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "environments" },
    },
    "azure-native:machinelearningservices:EnvironmentVersion": {
        armType: "Microsoft.MachineLearningServices/workspaces/environments/versions",
        nameKey: "version",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/workspaces", parentNameKey: "workspaceName", segment: "environments/{name}/versions" },
    },
    "azure-native:machinelearningservices:RegistryModelContainer": {
        armType: "Microsoft.MachineLearningServices/registries/models",
        nameKey: "modelName",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/registries", parentNameKey: "registryName", segment: "models" },
    },
    "azure-native:machinelearningservices:RegistryModelVersion": {
        armType: "Microsoft.MachineLearningServices/registries/models/versions",
        nameKey: "version",
        placement: { kind: "child", parentType: "Microsoft.MachineLearningServices/registries", parentNameKey: "registryName", segment: "models/{modelName}/versions" },
    },
    "azure-native:storage:BlobContainer": {
        armType: "Microsoft.Storage/storageAccounts/blobServices/containers",
        nameKey: "containerName",
        placement: { kind: "child", parentType: "Microsoft.Storage/storageAccounts", parentNameKey: "accountName", segment: "blobServices/default/containers" },
    },
    // A cluster extension (Microsoft.KubernetesConfiguration/extensions) hangs under the cluster
    // ("Extensions - Create", https://learn.microsoft.com/rest/api/kubernetesconfiguration/extensions/create:
    // .../providers/{clusterRp}/{clusterResourceName}/{clusterName}/providers/Microsoft.KubernetesConfiguration/extensions/{extensionName}).
    "azure-native:kubernetesconfiguration:Extension": {
        armType: "Microsoft.KubernetesConfiguration/extensions",
        nameKey: "extensionName",
        placement: { kind: "extensionOfParts", providerKey: "clusterRp", typeKey: "clusterResourceName", nameKey: "clusterName" },
    },
    "azure-native:monitor:DiagnosticSetting": { armType: "Microsoft.Insights/diagnosticSettings", nameKey: "name", placement: { kind: "extension", scopeKey: "resourceUri" }, nameKind: "diagnosticSetting" },
    // Endpoint alerts ("Microsoft.Insights actionGroups" / "metricAlerts" template references): resource-group resources at location global.
    "azure-native:monitor:ActionGroup": { armType: "Microsoft.Insights/actionGroups", nameKey: "actionGroupName", placement: rg },
    "azure-native:monitor:MetricAlert": { armType: "Microsoft.Insights/metricAlerts", nameKey: "ruleName", placement: rg },
    "azure-native:authorization:RoleAssignment": { armType: "Microsoft.Authorization/roleAssignments", nameKey: "roleAssignmentName", placement: { kind: "extension", scopeKey: "scope" } },
    "azure-native:authorization:RoleDefinition": { armType: "Microsoft.Authorization/roleDefinitions", nameKey: "roleDefinitionId", placement: { kind: "extension", scopeKey: "scope" } },
    "azure-native:authorization:ManagementLockByScope": { armType: "Microsoft.Authorization/locks", nameKey: "lockName", placement: { kind: "extension", scopeKey: "scope" }, nameKind: "managementLock" },
    "azure-native:network:VirtualNetwork": { armType: "Microsoft.Network/virtualNetworks", nameKey: "virtualNetworkName", placement: rg, nameKind: "virtualNetwork" },
    "azure-native:network:Subnet": {
        armType: "Microsoft.Network/virtualNetworks/subnets",
        nameKey: "subnetName",
        placement: { kind: "child", parentType: "Microsoft.Network/virtualNetworks", parentNameKey: "virtualNetworkName", segment: "subnets" },
        nameKind: "subnet",
    },
    "azure-native:network:NetworkSecurityGroup": { armType: "Microsoft.Network/networkSecurityGroups", nameKey: "networkSecurityGroupName", placement: rg, nameKind: "networkSecurityGroup" },
    "azure-native:network:PrivateEndpoint": { armType: "Microsoft.Network/privateEndpoints", nameKey: "privateEndpointName", placement: rg, nameKind: "privateEndpoint" },
    "azure-native:network:PrivateDnsZoneGroup": {
        armType: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
        nameKey: "privateDnsZoneGroupName",
        placement: { kind: "child", parentType: "Microsoft.Network/privateEndpoints", parentNameKey: "privateEndpointName", segment: "privateDnsZoneGroups" },
        nameKind: "privateDnsZoneGroup",
    },
    "azure-native:privatedns:PrivateZone": { armType: "Microsoft.Network/privateDnsZones", nameKey: "privateZoneName", placement: rg },
    "azure-native:privatedns:VirtualNetworkLink": {
        armType: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
        nameKey: "virtualNetworkLinkName",
        placement: { kind: "child", parentType: "Microsoft.Network/privateDnsZones", parentNameKey: "privateZoneName", segment: "virtualNetworkLinks" },
    },
    // azure-native v3 serves Azure Monitor private link scopes from the monitor module
    // (the insights tokens are aliases of older versions); both are listed.
    "azure-native:monitor:PrivateLinkScope": { armType: "microsoft.insights/privateLinkScopes", nameKey: "scopeName", placement: rg },
    "azure-native:monitor:PrivateLinkScopedResource": {
        armType: "microsoft.insights/privateLinkScopes/scopedResources",
        nameKey: "name",
        placement: { kind: "child", parentType: "microsoft.insights/privateLinkScopes", parentNameKey: "scopeName", segment: "scopedResources" },
    },
    "azure-native:insights:PrivateLinkScope": { armType: "microsoft.insights/privateLinkScopes", nameKey: "scopeName", placement: rg },
    "azure-native:insights:PrivateLinkScopedResource": {
        armType: "microsoft.insights/privateLinkScopes/scopedResources",
        nameKey: "name",
        placement: { kind: "child", parentType: "microsoft.insights/privateLinkScopes", parentNameKey: "scopeName", segment: "scopedResources" },
    },
};
