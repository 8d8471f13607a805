/**
 * Component defaults, in one table (pure data): every `??` fallback of a component arg reads its
 * value here, and the stack schema's `default`s are meant to come from this same table.
 *
 * Keys are the stack config path the value sits at (`aml-workspace:platform.<key>` in a stack file;
 * `*` stands for any compute name), which maps to component args as follows:
 *   cloud                                          → PrivateAccessArgs.cloud
 *   network.publicNetworkAccess                    → WorkspaceArgs.publicNetworkAccess (and every dependency's, Monitoring's)
 *   network.firewallDefaultAction                  → WorkspaceArgs.firewallDefaultAction, WorkspaceStorageArgs.firewallDefaultAction
 *   workspace.identity.type                        → WorkspaceArgs.identity.type
 *   workspace.managedNetwork.isolationMode         → WorkspaceArgs.managedNetwork.isolationMode
 *   workspace.managedNetwork.firewallSku           → WorkspaceArgs.managedNetwork.firewallSku
 *   workspace.managedNetwork.provisionNetworkNow   → WorkspaceArgs.managedNetwork.provisionNetworkNow
 *   workspace.managedNetwork.outboundRules.*.category → OutboundRuleSpec.category
 *   workspace.serverlessCompute.noPublicIp         → WorkspaceArgs.serverlessCompute.noPublicIp
 *   workspace.v1LegacyMode                         → WorkspaceArgs.v1LegacyMode
 *   storage.sku                                    → WorkspaceArgs.storage.sku, WorkspaceStorageArgs.sku
 *   storage.softDeleteRetentionDays                → ….storage.softDeleteRetentionDays
 *   keyVault.sku / softDeleteRetentionDays / purgeProtection → WorkspaceArgs.keyVault.*, WorkspaceKeyVaultArgs.*
 *   containerRegistry.sku / retentionDays          → WorkspaceArgs.containerRegistry.*, WorkspaceRegistryArgs.*
 *   monitoring.logAnalytics.retentionInDays        → WorkspaceArgs.monitoring.logAnalytics.retentionInDays, MonitoringArgs.logAnalytics.retentionInDays
 *   encryption.customerManagedKey.keyType / keySize / serviceSideEncryption → WorkspaceArgs.customerManagedKey.*, WorkspaceCmkKeyArgs.*
 *   compute.clusters.*.minNodes / idleSecondsBeforeScaleDown / vmPriority → ComputeClusterArgs.*
 *   compute.instances.*.idleTimeBeforeShutdown     → ComputeInstanceArgs.idleTimeBeforeShutdown
 *   compute.instances.*.enableSso / schedules.*.enabled → ComputeInstanceArgs.enableSso / schedules[].enabled
 *   compute.instances.*.assignToDeployingPrincipal → PlatformInstanceArgs (MlPlatform picks the assigned user)
 *   sharing                                        → MlPlatformArgs.sharing
 *   schedules.*.enabled                            → JobScheduleArgs.enabled (PlatformScheduleArgs.enabled)
 *   data.lakes.*.sku / softDeleteRetentionDays     → DataLakeArgs.sku / softDeleteRetentionDays
 *   data.datastores.*.access                       → PlatformDatastoreArgs.access (the data-plane role of the team)
 *   compute.kubernetes.*.namespace                 → KubernetesComputeArgs.namespace
 *   kubernetes.clusters.*.azureml.*               → AzureMlExtensionArgs.* (kubernetes/azureml-extension.ts)
 *   kubernetes.clusters.*.create.*  (the AKS cluster's own table, kubernetes/aks-defaults.ts AKS_DEFAULTS) → AksClusterArgs.*
 *   serving.*  (serving's own table, serving/serving-defaults.ts SERVING_DEFAULTS) → the serving args (serving/platform-serving-args.ts)
 *   modelRegistry.*  (the registry's own table, registry/registry-settings.ts REGISTRY_DEFAULTS) → PlatformModelRegistryArgs.*
 *   (a team's compute, schedules and data, teams.*.compute.…, teams.*.schedules.… and teams.*.data.…, take the compute.…, schedules.… and data.… defaults)
 *
 * Sources (checked 2026-12-02): "Azure Key Vault soft-delete overview"
 * (https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview: 7-90 days, 90 by
 * default); "Customer-managed keys for Azure Machine Learning"
 * (https://learn.microsoft.com/azure/machine-learning/concept-customer-managed-keys: RSA keys, 3072
 * bits recommended minimum); "Azure Container Registry service tiers"
 * (https://learn.microsoft.com/azure/container-registry/container-registry-skus: private
 * endpoints, network rules and retention need Premium).
 */
import type { AzureCloud } from "./clouds";
import { AKS_CREATE_DEFAULTS } from "./kubernetes/aks-defaults";
import { REGISTRY_DEFAULTS } from "./registry/registry-settings";
import { SERVING_DEFAULTS } from "./serving/serving-defaults";
import type { DataAccess } from "./data/data-settings";
import type { CmkKeyType, InferenceRouterServiceType, FirewallDefaultAction, FirewallSku, IdentityType, IsolationMode, KeyVaultSku, PublicNetworkAccess, RegistryMode, RegistrySku, SharingModel } from "./enums";

/** The defaults, by stack config path. Secure by default: the hardened value is the default. */
export const COMPONENT_DEFAULTS = {
    /** The Azure public cloud, unless a sovereign cloud is named. */
    cloud: "AzureCloud" as AzureCloud,
    /** Teams get a workspace each (isolation), unless the platform chooses a hub with projects. */
    sharing: "independent" as SharingModel,
    /** Generation 0: the names a stack was first deployed with. */
    "naming.generation": 0,
    /** Only private endpoints and trusted services reach the workspace and its dependencies. */
    "network.publicNetworkAccess": "Disabled" as PublicNetworkAccess,
    /** A firewall refuses what no rule allows. */
    "network.firewallDefaultAction": "Deny" as FirewallDefaultAction,
    /** No public address is let through the firewalls unless listed. */
    "network.allowedIpRanges": [] as readonly string[],
    /** A user-assigned identity exists before the workspace, so its grants (and a CMK) are in place when Azure validates it. */
    "workspace.identity.type": "UserAssigned" as IdentityType,
    /** Outbound only through approved rules (data exfiltration protection). */
    "workspace.managedNetwork.isolationMode": "AllowOnlyApprovedOutbound" as IsolationMode,
    /** Standard firewall: Basic lacks the throughput of training jobs pulling packages. */
    "workspace.managedNetwork.firewallSku": "Standard" as FirewallSku,
    /** The managed network is provisioned on first compute, not billed from day one. */
    "workspace.managedNetwork.provisionNetworkNow": false,
    /** Rules a user writes are user-defined (the service adds its own "Required" ones). */
    "workspace.managedNetwork.outboundRules.*.category": "UserDefined",
    /** Serverless nodes get no public IP. */
    "workspace.serverlessCompute.noPublicIp": true,
    /** No v1 APIs (they bypass the v2 network and identity rules). */
    "workspace.v1LegacyMode": false,
    /** Zone-redundant storage; the stack mapping picks GRS where the region has no zones. */
    "storage.sku": "Standard_ZRS",
    /** Two weeks to recover a deleted blob, container or share. */
    "storage.softDeleteRetentionDays": 14,
    /** Software-protected keys suffice unless RSA-HSM is asked for. */
    "keyVault.sku": "standard" as KeyVaultSku,
    /** The longest recovery window Key Vault allows. */
    "keyVault.softDeleteRetentionDays": 90,
    /** A deleted vault or key cannot be purged before its retention ends (a CMK requires it). */
    "keyVault.purgeProtection": true,
    /** Created once something builds or pulls images (the service would otherwise create one lazily, admin user on). */
    "containerRegistry.mode": "onDemand" as RegistryMode,
    /** Premium: private endpoints, network rules, retention and zone redundancy need it. */
    "containerRegistry.sku": "Premium" as RegistrySku,
    /** A week to recover an untagged manifest. */
    "containerRegistry.retentionDays": 7,
    /** Three months of audit and diagnostic logs. */
    "monitoring.logAnalytics.retentionInDays": 90,
    /** Microsoft-managed keys unless a customer-managed key is asked for. */
    "encryption.customerManagedKey.enabled": false,
    /** The key's name in its vault (a hash of its spec is appended, so a spec change is a new key). */
    "encryption.customerManagedKey.keyName": "aml-cmk",
    /** Software-protected RSA works with a standard vault. */
    "encryption.customerManagedKey.keyType": "RSA" as CmkKeyType,
    /** The size Azure ML recommends as a minimum. */
    "encryption.customerManagedKey.keySize": 3072,
    /** Classic CMK (Cosmos DB in your subscription) unless service-side encryption is asked for. */
    "encryption.customerManagedKey.serviceSideEncryption": false,
    /** Clusters scale to zero: no cost when idle. */
    "compute.clusters.*.minNodes": 0,
    /** Two idle minutes before a node is released. */
    "compute.clusters.*.idleSecondsBeforeScaleDown": 120,
    /** Dedicated nodes are never preempted mid-job. */
    "compute.clusters.*.vmPriority": "Dedicated",
    /** An idle instance shuts down after an hour. */
    "compute.instances.*.idleTimeBeforeShutdown": "PT60M",
    /** An instance names its user: the deploying principal only when asked for (never in prod). */
    "compute.instances.*.assignToDeployingPrincipal": false,
    /** Single sign-on on: the assigned user's Entra identity, no keys on the instance. */
    "compute.instances.*.enableSso": true,
    /** A declared start/stop schedule acts; `enabled: false` keeps it, disabled. */
    "compute.instances.*.schedules.*.enabled": true,
    /** A declared schedule runs; `enabled: false` keeps it, disabled. */
    "schedules.*.enabled": true,
    /** A lake is zone-redundant, like the default storage. */
    "data.lakes.*.sku": "Standard_ZRS",
    /** Two weeks to recover a deleted blob or filesystem, like the default storage. */
    "data.lakes.*.softDeleteRetentionDays": 14,
    /** The team reads a datastore's data; writing needs `access: readWrite`. */
    "data.datastores.*.access": "read" as DataAccess,
    /** Attached Kubernetes workloads run in the cluster's `default` namespace unless one is named (as `az ml compute attach`). */
    "compute.kubernetes.*.namespace": "default",
    /** The inference router behind a load balancer, internal unless `internalLoadBalancer: false` ("Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster"). */
    "kubernetes.clusters.*.azureml.inferenceRouterServiceType": "loadBalancer" as InferenceRouterServiceType,
    /** The router's load balancer is an Azure internal one (`internalLoadBalancerProvider: azure`): no public IP. */
    "kubernetes.clusters.*.azureml.internalLoadBalancer": true,
    /** Inference endpoints only over HTTPS: plain HTTP needs an explicit `allowInsecureConnections: true`. */
    "kubernetes.clusters.*.azureml.allowInsecureConnections": false,
    /** Three router replicas (needs three nodes); the extension's own default. */
    "kubernetes.clusters.*.azureml.inferenceRouterHA": true,
    /** No NVIDIA device plugin unless asked for (the extension's default; AKS GPU pools may bring their own). */
    "kubernetes.clusters.*.azureml.installNvidiaDevicePlugin": false,
    /** The extension installs its Prometheus operator (its default). */
    "kubernetes.clusters.*.azureml.installPromOp": true,
    /** The extension installs the Volcano scheduler for training jobs (its default). */
    "kubernetes.clusters.*.azureml.installVolcano": true,
    /** No DCGM exporter unless asked for (the extension's default). */
    "kubernetes.clusters.*.azureml.installDcgmExporter": false,
    /** The release train the CLI uses when none is given. */
    "kubernetes.clusters.*.azureml.releaseTrain": "stable",
    /** Minor versions (fixes) arrive without a deployment. */
    "kubernetes.clusters.*.azureml.autoUpgradeMinorVersion": true,
    /** A created AKS cluster's settings (the cluster's table is the one place). */
    ...AKS_CREATE_DEFAULTS,
    /** The model registry is reached only through a private endpoint (the registry's table is the one place). */
    "modelRegistry.publicNetworkAccess": REGISTRY_DEFAULTS.publicNetworkAccess,
    /** Locally redundant storage in each registry region (replication across regions is the registry's own). */
    "modelRegistry.storageAccountType": REGISTRY_DEFAULTS.storageAccountType,
    /** Blob storage, not Data Lake Gen2, in each registry region. */
    "modelRegistry.storageHierarchicalNamespace": REGISTRY_DEFAULTS.storageHierarchicalNamespace,
    /** Premium: replication to several regions and private link need it. */
    "modelRegistry.acrSku": REGISTRY_DEFAULTS.acrSku,
    /** Serving: images, models, endpoints and alerts (serving's table is the one place). */
    ...SERVING_DEFAULTS,
    /** Pulumi `protect` on stateful resources: off for a library user; the stack program turns it on in prod. */
    "protection.protect": false,
    /** Pulumi `retainOnDelete` on stateful resources: likewise. */
    "protection.retainOnDelete": false,
    /** CanNotDelete lock on Log Analytics: likewise. */
    "protection.deleteLock": false,
    /** `protect` on the key vault, its keys and the workspace everywhere: their names stay reserved after deletion. */
    "protection.protectSoftDeleted": true,
} as const;

/** A key of {@link COMPONENT_DEFAULTS}: a stack config path. */
export type DefaultKey = keyof typeof COMPONENT_DEFAULTS;
