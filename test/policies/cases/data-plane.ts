/** Cases for workspace, compute, storage, key vault, registry and monitoring policies. */
import { DEFAULT_ALLOWED_VM_SIZES } from "../../../policies/rules/compute";
import type { ResourceCase } from "./types";

const WS = "azure-native:machinelearningservices:Workspace";
const COMPUTE = "azure-native:machinelearningservices:Compute";
const SA = "azure-native:storage:StorageAccount";
const KV = "azure-native:keyvault:Vault";
const ACR = "azure-native:containerregistry:Registry";
const AI = "azure-native:applicationinsights:Component";
const LA = "azure-native:operationalinsights:Workspace";

const instance = { properties: { computeType: "ComputeInstance", disableLocalAuth: true, properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: false, idleTimeBeforeShutdown: "PT30M", sshSettings: { sshPublicAccess: "Disabled" } } } };
const cluster = { properties: { computeType: "AmlCompute", disableLocalAuth: true, properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: false, remoteLoginPortPublicAccess: "Disabled", scaleSettings: { minNodeCount: 0, maxNodeCount: 4 } } } };

/** Cases. */
export const DATA_PLANE_CASES: ResourceCase[] = [
    { policy: "ml-workspace-public-network-disabled", type: WS, compliant: { publicNetworkAccess: "Disabled" },
      violations: [{ patch: { publicNetworkAccess: "Enabled" }, messages: ["publicNetworkAccess is Enabled; set it to Disabled"] },
                   { patch: { publicNetworkAccess: undefined }, messages: ["publicNetworkAccess is not set; set it to Disabled"] }] },
    { policy: "ml-workspace-no-public-access-behind-vnet", type: WS, compliant: { allowPublicAccessWhenBehindVnet: false },
      violations: [{ patch: { allowPublicAccessWhenBehindVnet: true }, messages: ["allowPublicAccessWhenBehindVnet is true; set it to false"] }] },
    { policy: "ml-workspace-managed-network-isolation", type: WS, compliant: { managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" } },
      violations: [{ patch: { "managedNetwork.isolationMode": "Disabled" }, messages: ["managedNetwork.isolationMode is Disabled; set it to AllowInternetOutbound or AllowOnlyApprovedOutbound"] },
                   { patch: { managedNetwork: undefined }, messages: ["managedNetwork.isolationMode is not set; set it to AllowInternetOutbound or AllowOnlyApprovedOutbound"] }],
      config: [
          { title: "AllowInternetOutbound is fine outside production", config: {}, patch: { "managedNetwork.isolationMode": "AllowInternetOutbound" }, messages: [] },
          { title: "production requires AllowOnlyApprovedOutbound", config: { production: true }, patch: { "managedNetwork.isolationMode": "AllowInternetOutbound" }, messages: ["managedNetwork.isolationMode is AllowInternetOutbound; set it to AllowOnlyApprovedOutbound in production"] },
          { title: "a customer VNet allows Disabled", config: { customerVnet: true }, patch: { "managedNetwork.isolationMode": "Disabled" }, messages: [] },
      ] },
    { policy: "ml-workspace-customer-managed-key", type: WS, compliant: { encryption: { status: "Enabled" } },
      violations: [{ patch: { "encryption.status": "Disabled" }, messages: ["encryption.status is Disabled; set it to Enabled"] }],
      config: [{ title: "required: false turns it off", config: { required: false }, patch: { encryption: undefined }, messages: [] }] },
    { policy: "ml-workspace-user-assigned-identity", type: WS, compliant: { primaryUserAssignedIdentity: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id" },
      violations: [{ patch: { primaryUserAssignedIdentity: undefined }, messages: ["primaryUserAssignedIdentity is not set; set it to a user-assigned identity resource ID"] }] },
    { policy: "ml-workspace-identity-datastores", type: WS, compliant: { systemDatastoresAuthMode: "identity" },
      violations: [{ patch: { systemDatastoresAuthMode: "accessKey" }, messages: ["systemDatastoresAuthMode is accessKey; set it to identity"] }] },
    { policy: "ml-workspace-hbi-when-confidential", type: WS, compliant: { hbiWorkspace: true, tags: { dataClassification: "confidential" } },
      violations: [{ patch: { hbiWorkspace: false }, messages: ["hbiWorkspace is false but the data is confidential; set it to true"] }],
      config: [
          { title: "internal data needs no HBI", config: {}, patch: { hbiWorkspace: false, tags: {} }, messages: [] },
          { title: "the stack's classification in config applies", config: { dataClassification: "restricted" }, patch: { hbiWorkspace: undefined, tags: {} }, messages: ["hbiWorkspace is not set but the data is restricted; set it to true"] },
      ] },
    { policy: "ml-compute-local-auth-disabled", type: COMPUTE, compliant: instance,
      violations: [{ patch: { "properties.disableLocalAuth": false }, messages: ["properties.disableLocalAuth is false; set it to true"] }] },
    { policy: "ml-compute-no-node-public-ip", type: COMPUTE, compliant: cluster,
      violations: [{ patch: { "properties.properties.enableNodePublicIp": true }, messages: ["properties.properties.enableNodePublicIp is true; set it to false"] },
                   { patch: { "properties.properties.enableNodePublicIp": undefined }, messages: ["properties.properties.enableNodePublicIp is not set; set it to false"] }] },
    { policy: "ml-compute-instance-idle-shutdown", type: COMPUTE, compliant: instance,
      violations: [{ patch: { "properties.properties.idleTimeBeforeShutdown": "PT8H" }, messages: ["properties.properties.idleTimeBeforeShutdown is PT8H (480 min); set it to at most PT60M"] },
                   { patch: { "properties.properties.idleTimeBeforeShutdown": undefined }, messages: ["properties.properties.idleTimeBeforeShutdown is not set; set it to an ISO-8601 duration of at most PT60M"] }],
      config: [{ title: "maxIdleMinutes raises the limit", config: { maxIdleMinutes: 480 }, patch: { "properties.properties.idleTimeBeforeShutdown": "PT8H" }, messages: [] }] },
    { policy: "ml-compute-ssh-disabled", type: COMPUTE, compliant: instance,
      violations: [{ patch: { "properties.properties.sshSettings.sshPublicAccess": "Enabled" }, messages: ["properties.properties.sshSettings.sshPublicAccess is Enabled; set it to Disabled"] },
                   { patch: { properties: { computeType: "AmlCompute", properties: { remoteLoginPortPublicAccess: "NotSpecified" } } }, messages: ["properties.properties.remoteLoginPortPublicAccess is NotSpecified; set it to Disabled"] }] },
    { policy: "ml-compute-cluster-scale-to-zero", type: COMPUTE, compliant: cluster,
      violations: [{ patch: { "properties.properties.scaleSettings.minNodeCount": 2 }, messages: ["properties.properties.scaleSettings.minNodeCount is 2; set it to 0"] }],
      config: [{ title: "maxMinNodeCount allows a warm node", config: { maxMinNodeCount: 1 }, patch: { "properties.properties.scaleSettings.minNodeCount": 1 }, messages: [] }] },
    { policy: "ml-compute-allowed-vm-sizes", type: COMPUTE, compliant: cluster,
      violations: [{ patch: { "properties.properties.vmSize": "Standard_M128ms" }, messages: [/* filled below */] }],
      config: [
          { title: "allowedVmSizes replaces the list", config: { allowedVmSizes: ["Standard_M128ms"] }, patch: { "properties.properties.vmSize": "Standard_M128ms" }, messages: [] },
          { title: "a size outside a custom list is reported", config: { allowedVmSizes: ["Standard_E4ds_v4"] }, patch: {}, messages: ["properties.properties.vmSize is Standard_DS3_v2; set it to one of Standard_E4ds_v4"] },
      ] },

    { policy: "storage-https-only", type: SA, compliant: { enableHttpsTrafficOnly: true },
      violations: [{ patch: { enableHttpsTrafficOnly: false }, messages: ["enableHttpsTrafficOnly is false; set it to true"] }] },
    { policy: "storage-min-tls-1-2", type: SA, compliant: { minimumTlsVersion: "TLS1_2" },
      violations: [{ patch: { minimumTlsVersion: "TLS1_0" }, messages: ["minimumTlsVersion is TLS1_0; set it to TLS1_2"] },
                   { patch: { minimumTlsVersion: undefined }, messages: ["minimumTlsVersion is not set; set it to TLS1_2"] }] },
    { policy: "storage-no-blob-public-access", type: SA, compliant: { allowBlobPublicAccess: false },
      violations: [{ patch: { allowBlobPublicAccess: true }, messages: ["allowBlobPublicAccess is true; set it to false"] }] },
    { policy: "storage-shared-key-disabled", type: SA, compliant: { allowSharedKeyAccess: false },
      violations: [{ patch: { allowSharedKeyAccess: undefined }, messages: ["allowSharedKeyAccess is not set; set it to false"] }] },
    { policy: "storage-network-default-deny", type: SA, compliant: { networkRuleSet: { defaultAction: "Deny", bypass: "Logging, AzureServices" } },
      violations: [{ patch: { "networkRuleSet.defaultAction": "Allow" }, messages: ["networkRuleSet.defaultAction is Allow; set it to Deny"] },
                   { patch: { "networkRuleSet.bypass": "None" }, messages: ["networkRuleSet.bypass is None; set it to AzureServices"] }] },
    { policy: "storage-public-network-disabled", type: SA, compliant: { publicNetworkAccess: "Disabled" },
      violations: [{ patch: { publicNetworkAccess: "Enabled" }, messages: ["publicNetworkAccess is Enabled; set it to Disabled"] }] },
    { policy: "storage-no-cross-tenant-replication", type: SA, compliant: { allowCrossTenantReplication: false },
      violations: [{ patch: { allowCrossTenantReplication: true }, messages: ["allowCrossTenantReplication is true; set it to false"] }] },
    { policy: "storage-file-share-soft-delete", type: "azure-native:storage:FileServiceProperties", compliant: { shareDeleteRetentionPolicy: { enabled: true, days: 14 } },
      violations: [{ patch: { "shareDeleteRetentionPolicy.enabled": false }, messages: ["shareDeleteRetentionPolicy.enabled is false; set it to true"] },
                   { patch: { "shareDeleteRetentionPolicy.days": 3 }, messages: ["shareDeleteRetentionPolicy.days is 3; set it to at least 7"] }],
      config: [{ title: "minRetentionDays raises the minimum", config: { minRetentionDays: 30 }, patch: {}, messages: ["shareDeleteRetentionPolicy.days is 14; set it to at least 30"] }] },
    { policy: "storage-infrastructure-encryption", type: SA, compliant: { encryption: { requireInfrastructureEncryption: true } },
      violations: [{ patch: { encryption: undefined }, messages: ["encryption.requireInfrastructureEncryption is not set; set it to true"] }] },
    { policy: "storage-geo-zone-redundancy", type: SA, compliant: { sku: { name: "Standard_GZRS" } },
      violations: [{ patch: { "sku.name": "Standard_LRS" }, messages: ["sku.name is Standard_LRS; set it to Standard_ZRS, Standard_GZRS or Standard_RAGZRS"] }] },

    { policy: "keyvault-purge-protection", type: KV, compliant: { properties: { enablePurgeProtection: true } },
      violations: [{ patch: { "properties.enablePurgeProtection": undefined }, messages: ["properties.enablePurgeProtection is not set; set it to true"] }] },
    { policy: "keyvault-soft-delete", type: KV, compliant: { properties: { enableSoftDelete: true, softDeleteRetentionInDays: 90 } },
      violations: [{ patch: { "properties.enableSoftDelete": false }, messages: ["properties.enableSoftDelete is false; set it to true"] },
                   { patch: { "properties.softDeleteRetentionInDays": 5 }, messages: ["properties.softDeleteRetentionInDays is 5; set it to at least 7"] }],
      config: [
          { title: "production requires 90 days", config: { production: true }, patch: { "properties.softDeleteRetentionInDays": 30 }, messages: ["properties.softDeleteRetentionInDays is 30; set it to at least 90"] },
          { title: "30 days is enough outside production", config: {}, patch: { "properties.softDeleteRetentionInDays": 30 }, messages: [] },
      ] },
    { policy: "keyvault-rbac-authorization", type: KV, compliant: { properties: { enableRbacAuthorization: true } },
      violations: [{ patch: { "properties.enableRbacAuthorization": false }, messages: ["properties.enableRbacAuthorization is false; set it to true"] }] },
    { policy: "keyvault-public-network-disabled", type: KV, compliant: { properties: { publicNetworkAccess: "disabled" } },
      violations: [{ patch: { "properties.publicNetworkAccess": "Enabled" }, messages: ["properties.publicNetworkAccess is Enabled; set it to Disabled"] }] },
    { policy: "keyvault-firewall-default-deny", type: KV, compliant: { properties: { networkAcls: { defaultAction: "Deny" } } },
      violations: [{ patch: { "properties.networkAcls.defaultAction": "Allow" }, messages: ["properties.networkAcls.defaultAction is Allow; set it to Deny"] }] },
    { policy: "keyvault-no-broad-access-policies", type: KV, compliant: { properties: { accessPolicies: [{ objectId: "o", permissions: { secrets: ["get", "list"] } }] } },
      violations: [{ patch: { "properties.accessPolicies": [{ objectId: "o", permissions: { secrets: ["All"], keys: ["get", "purge"] } }] },
                     messages: ['properties.accessPolicies[0].permissions.secrets is ["All"]; remove All', 'properties.accessPolicies[0].permissions.keys is ["get","purge"]; remove purge'] }] },

    { policy: "acr-admin-user-disabled", type: ACR, compliant: { adminUserEnabled: false },
      violations: [{ patch: { adminUserEnabled: true }, messages: ["adminUserEnabled is true; set it to false"] }] },
    { policy: "acr-anonymous-pull-disabled", type: ACR, compliant: {},
      violations: [{ patch: { anonymousPullEnabled: true }, messages: ["anonymousPullEnabled is true; set it to false"] }] },
    { policy: "acr-public-network-disabled", type: ACR, compliant: { publicNetworkAccess: "Disabled" },
      violations: [{ patch: { publicNetworkAccess: "Enabled" }, messages: ["publicNetworkAccess is Enabled; set it to Disabled"] }] },
    { policy: "acr-network-rule-default-deny", type: ACR, compliant: { publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "Deny" } },
      violations: [{ patch: { "networkRuleSet.defaultAction": "Allow" }, messages: ["networkRuleSet.defaultAction is Allow; set it to Deny"] }],
      config: [{ title: "a private registry needs no network rules", config: {}, patch: { publicNetworkAccess: "Disabled", networkRuleSet: undefined }, messages: [] }] },
    { policy: "acr-export-disabled", type: ACR, compliant: { policies: { exportPolicy: { status: "disabled" } } },
      violations: [{ patch: { "policies.exportPolicy.status": "enabled" }, messages: ["policies.exportPolicy.status is enabled; set it to disabled"] }] },
    { policy: "acr-arm-audience-tokens-disabled", type: ACR, compliant: { policies: { azureADAuthenticationAsArmPolicy: { status: "disabled" } } },
      violations: [{ patch: { policies: {} }, messages: ["policies.azureADAuthenticationAsArmPolicy.status is not set; set it to disabled"] }] },
    { policy: "acr-retention-soft-delete", type: ACR, compliant: { policies: { softDeletePolicy: { status: "enabled" } } },
      violations: [{ patch: { policies: { retentionPolicy: { status: "disabled" } } }, messages: ["policies.retentionPolicy.status is disabled and policies.softDeletePolicy.status is not set; set one of them to enabled"] }] },

    { policy: "appinsights-local-auth-disabled", type: AI, compliant: { disableLocalAuth: true },
      violations: [{ patch: { disableLocalAuth: false }, messages: ["disableLocalAuth is false; set it to true"] }] },
    { policy: "appinsights-workspace-based", type: AI, compliant: { workspaceResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/la" },
      violations: [{ patch: { workspaceResourceId: "" }, messages: ["workspaceResourceId is ; set it to the Log Analytics workspace ID"] }] },
    { policy: "appinsights-public-network-disabled", type: AI, compliant: { publicNetworkAccessForIngestion: "Disabled", publicNetworkAccessForQuery: "Disabled" },
      violations: [{ patch: { publicNetworkAccessForIngestion: "Enabled", publicNetworkAccessForQuery: undefined },
                     messages: ["publicNetworkAccessForIngestion is Enabled; set it to Disabled", "publicNetworkAccessForQuery is not set; set it to Disabled"] }] },
    { policy: "log-analytics-local-auth-disabled", type: LA, compliant: { features: { disableLocalAuth: true } },
      violations: [{ patch: { features: undefined }, messages: ["features.disableLocalAuth is not set; set it to true"] }] },
    { policy: "log-analytics-public-network-disabled", type: LA, compliant: { publicNetworkAccessForIngestion: "Disabled", publicNetworkAccessForQuery: "Disabled" },
      violations: [{ patch: { publicNetworkAccessForQuery: "Enabled" }, messages: ["publicNetworkAccessForQuery is Enabled; set it to Disabled"] }] },
    { policy: "log-analytics-retention", type: LA, compliant: { retentionInDays: 30 },
      violations: [{ patch: { retentionInDays: 7 }, messages: ["retentionInDays is 7; set it to at least 30"] }],
      config: [
          { title: "production requires 90 days", config: { production: true }, patch: {}, messages: ["retentionInDays is 30; set it to at least 90"] },
          { title: "minRetentionDays is tunable", config: { minRetentionDays: 60 }, patch: {}, messages: ["retentionInDays is 30; set it to at least 60"] },
      ] },
];

// The default VM-size list is long; derive the expected line from the policy's own default.
DATA_PLANE_CASES.find((c) => c.policy === "ml-compute-allowed-vm-sizes")!.violations[0].messages.push(
    `properties.properties.vmSize is Standard_M128ms; set it to one of ${DEFAULT_ALLOWED_VM_SIZES.join(", ")}`,
);
