/**
 * Pulumi type tokens the pack inspects. Policies match on these strings so the
 * pack never loads @pulumi/azure-native (slow) or @pulumi/kubernetes (absent).
 */
export const TYPES = {
    workspace: "azure-native:machinelearningservices:Workspace",
    compute: "azure-native:machinelearningservices:Compute",
    storageAccount: "azure-native:storage:StorageAccount",
    blobService: "azure-native:storage:BlobServiceProperties",
    fileService: "azure-native:storage:FileServiceProperties",
    vault: "azure-native:keyvault:Vault",
    registry: "azure-native:containerregistry:Registry",
    acrToken: "azure-native:containerregistry:Token",
    acrScopeMap: "azure-native:containerregistry:ScopeMap",
    appInsights: "azure-native:applicationinsights:Component",
    logAnalytics: "azure-native:operationalinsights:Workspace",
    managedCluster: "azure-native:containerservice:ManagedCluster",
    agentPool: "azure-native:containerservice:AgentPool",
    containerGroup: "azure-native:containerinstance:ContainerGroup",
    iotHub: "azure-native:iothub:IotHubResource",
    roleAssignment: "azure-native:authorization:RoleAssignment",
    roleDefinition: "azure-native:authorization:RoleDefinition",
    lockAtResourceGroup: "azure-native:authorization:ManagementLockAtResourceGroupLevel",
    lockAtResource: "azure-native:authorization:ManagementLockAtResourceLevel",
    lockByScope: "azure-native:authorization:ManagementLockByScope",
    diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    k8sDeployment: "kubernetes:apps/v1:Deployment",
    k8sDaemonSet: "kubernetes:apps/v1:DaemonSet",
    k8sStatefulSet: "kubernetes:apps/v1:StatefulSet",
    k8sService: "kubernetes:core/v1:Service",
    k8sNetworkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    k8sPdb: "kubernetes:policy/v1:PodDisruptionBudget",
} as const;
