/**
 * The controls of the security baseline (the design's CONTROLS.md), transcribed here so the
 * project is self-contained.
 * Each row has a stable id; every policy lists the ids it implements, and
 * test/policies/controls-coverage.test.ts checks that each id is claimed and
 * every claimed id exists. Change a row here when the catalogue changes.
 */

/** One row of the controls catalogue. */
export interface Control {
    /** Stable id, `<area>.<control>`. */
    id: string;
    /** Resource type (or area) the row is listed under. */
    area: string;
    /** The control as the catalogue states it. */
    text: string;
}

const WS = "azure-native:machinelearningservices:Workspace";
const COMPUTE = "azure-native:machinelearningservices:Compute";
const STORAGE = "azure-native:storage:StorageAccount (+ BlobServiceProperties, FileServiceProperties)";
const KV = "azure-native:keyvault:Vault";
const ACR = "azure-native:containerregistry:Registry";
const MLR = "azure-native:machinelearningservices:Registry";
const MON = "azure-native:applicationinsights:Component and operationalinsights:Workspace";
const AKS = "azure-native:containerservice:ManagedCluster (+ AgentPool)";
const ACI = "azure-native:containerinstance:ContainerGroup";
/** Not in CONTROLS.md: the pack's own control, the ACI and Kubernetes image row applied to the online deployments' environments. */
const ENV = "azure-native:machinelearningservices:EnvironmentVersion (the pack's own control)";
/** Not in CONTROLS.md: the pack's own controls, from "Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster". */
const AMLX = "azure-native:kubernetesconfiguration:Extension (AzureML extension; the pack's own controls)";
const IOT = "azure-native:iothub:IotHubResource";
/** Not in CONTROLS.md: the pack's own controls of online endpoints (issue 11), from "Authenticate clients for online endpoints" and "Network isolation with managed online endpoints". */
const ONLINE = "azure-native:machinelearningservices:OnlineEndpoint (+ OnlineDeployment; the pack's own controls)";
const K8S = "kubernetes workloads";
/** Not in CONTROLS.md: the pack's own Kubernetes control, from the restricted Pod Security Standard (https://kubernetes.io/docs/concepts/security/pod-security-standards/). */
const K8S_OWN = "kubernetes workloads (the pack's own controls)";
const AUTH = "authorization:RoleAssignment / RoleDefinition";
const X = "cross-cutting (stack policies)";
/** Not in CONTROLS.md: issue 11's endpoint monitoring. */
const SERVE = "serving endpoints (issue 11; the pack's own controls)";

/** Every control row, in catalogue order. */
export const CONTROLS: readonly Control[] = [
    { id: "workspace.public-network-access", area: WS, text: "public network access off (prod): publicNetworkAccess = Disabled" },
    { id: "workspace.no-public-access-behind-vnet", area: WS, text: "no public access behind VNet: allowPublicAccessWhenBehindVnet not true" },
    { id: "workspace.managed-network-isolation", area: WS, text: "managed network isolation: AllowOnlyApprovedOutbound (prod) or AllowInternetOutbound; never Disabled unless a customer VNet is used" },
    { id: "workspace.customer-managed-key", area: WS, text: "customer-managed key (configurable): encryption.status = Enabled" },
    { id: "workspace.user-assigned-identity", area: WS, text: "user-assigned identity (advisory): primaryUserAssignedIdentity set" },
    { id: "datastore.identity-access", area: "azure-native:machinelearningservices:Datastore", text: "identity-based access: properties.credentials.credentialsType = None (no account key, SAS, secret or certificate stored)" },
    { id: "workspace.identity-datastores", area: WS, text: "identity-based datastores: systemDatastoresAuthMode = identity" },
    { id: "workspace.hbi-when-confidential", area: WS, text: "HBI when data is confidential: hbiWorkspace true when the data classification says so" },
    { id: "workspace.resource-logs", area: WS, text: "resource logs: a DiagnosticSetting whose resourceUri is the workspace exists" },
    { id: "workspace.private-endpoint", area: WS, text: "private endpoint when public access is off: amlworkspace private endpoint with both AML DNS zones" },

    { id: "mlRegistry.public-network-access", area: MLR, text: "public network access off (prod): publicNetworkAccess = Disabled" },
    { id: "mlRegistry.private-endpoint", area: MLR, text: "private endpoint when public access is off: amlregistry private endpoint linked to the Azure ML API zone of its cloud" },
    { id: "mlRegistry.managed-identity", area: MLR, text: "managed identity: identity.type includes SystemAssigned (the registry creates its storage and ACR with it)" },

    { id: "compute.local-auth-disabled", area: COMPUTE, text: "local auth off: properties.disableLocalAuth = true" },
    { id: "compute.in-vnet", area: COMPUTE, text: "in a VNet (prod): properties.properties.subnet.id set" },
    { id: "compute.no-node-public-ip", area: COMPUTE, text: "no node public IP (prod): properties.properties.enableNodePublicIp = false" },
    { id: "compute.idle-shutdown", area: COMPUTE, text: "idle shutdown (ComputeInstance): idleTimeBeforeShutdown set, at most a configured maximum" },
    { id: "compute.ssh-closed", area: COMPUTE, text: "SSH closed: sshSettings.sshPublicAccess / remoteLoginPortPublicAccess = Disabled" },
    { id: "compute.cluster-scale-to-zero", area: COMPUTE, text: "cluster scales to zero: scaleSettings.minNodeCount = 0 (configurable)" },
    { id: "compute.allowed-vm-sizes", area: COMPUTE, text: "allowed VM sizes: vmSize in a configured list" },
    { id: "compute.team-quota", area: COMPUTE, text: "team quota (issue 9): per team tag, total nodes (clusters' maxNodeCount + 1 per instance) and VM families within the team's quota" },

    { id: "storage.https-only", area: STORAGE, text: "HTTPS only: enableHttpsTrafficOnly not false" },
    { id: "storage.min-tls", area: STORAGE, text: "TLS 1.2+: minimumTlsVersion TLS1_2 or later" },
    { id: "storage.no-blob-public-access", area: STORAGE, text: "no public blob access: allowBlobPublicAccess = false" },
    { id: "storage.shared-key-disabled", area: STORAGE, text: "shared key off: allowSharedKeyAccess = false" },
    { id: "storage.network-default-deny", area: STORAGE, text: "network default deny (prod): networkRuleSet.defaultAction = Deny, bypass includes AzureServices" },
    { id: "storage.public-network-access", area: STORAGE, text: "public network access off (prod): publicNetworkAccess = Disabled" },
    { id: "storage.no-cross-tenant-replication", area: STORAGE, text: "no cross-tenant replication: allowCrossTenantReplication = false" },
    { id: "storage.blob-soft-delete", area: STORAGE, text: "blob + container soft delete: BlobServiceProperties exists for each account with both retention policies enabled" },
    { id: "storage.file-share-soft-delete", area: STORAGE, text: "file share soft delete: FileServiceProperties shareDeleteRetentionPolicy.enabled = true" },
    { id: "storage.infrastructure-encryption", area: STORAGE, text: "infrastructure encryption (advisory): encryption.requireInfrastructureEncryption = true" },
    { id: "storage.geo-zone-redundancy", area: STORAGE, text: "geo/zone redundancy (prod, advisory): sku.name ZRS/GRS/GZRS/RAGZRS" },

    { id: "keyvault.purge-protection", area: KV, text: "purge protection: properties.enablePurgeProtection = true" },
    { id: "keyvault.soft-delete", area: KV, text: "soft delete: enableSoftDelete not false; softDeleteRetentionInDays at least the configured minimum (90 prod)" },
    { id: "keyvault.rbac-authorization", area: KV, text: "RBAC authorization: properties.enableRbacAuthorization = true" },
    { id: "keyvault.public-network-access", area: KV, text: "public network access off (prod): properties.publicNetworkAccess = Disabled" },
    { id: "keyvault.firewall", area: KV, text: "firewall: properties.networkAcls.defaultAction = Deny" },
    { id: "keyvault.no-broad-access-policies", area: KV, text: "no broad access policies: no all/purge permissions" },
    { id: "keyvault.audit-logs", area: KV, text: "audit logs: DiagnosticSetting on the vault with audit/allLogs" },

    { id: "registry.admin-user-disabled", area: ACR, text: "admin user off: adminUserEnabled not true" },
    { id: "registry.anonymous-pull-disabled", area: ACR, text: "anonymous pull off: anonymousPullEnabled not true" },
    { id: "registry.public-network-access", area: ACR, text: "public network access off (prod): publicNetworkAccess = Disabled" },
    { id: "registry.network-default-deny", area: ACR, text: "network rule default deny when public: networkRuleSet.defaultAction = Deny" },
    { id: "registry.premium-when-private", area: ACR, text: "Premium when private: sku.name = Premium if private endpoints are used" },
    { id: "registry.export-disabled", area: ACR, text: "export disabled (prod): policies.exportPolicy.status = disabled" },
    { id: "registry.arm-audience-tokens-disabled", area: ACR, text: "ARM-audience tokens off: policies.azureADAuthenticationAsArmPolicy.status = disabled" },
    { id: "registry.retention-soft-delete", area: ACR, text: "retention / soft delete (advisory): retentionPolicy / softDeletePolicy enabled" },
    { id: "registry.token-read-only", area: ACR, text: "repository-scoped tokens read-only: Token's ScopeMap actions only content/read" },

    { id: "monitoring.appinsights-local-auth-disabled", area: MON, text: "App Insights local auth off: disableLocalAuth = true" },
    { id: "monitoring.appinsights-workspace-based", area: MON, text: "workspace-based: workspaceResourceId set" },
    { id: "monitoring.appinsights-public-network", area: MON, text: "no public ingestion/query (prod): publicNetworkAccessForIngestion/ForQuery = Disabled" },
    { id: "monitoring.log-analytics-local-auth-disabled", area: MON, text: "Log Analytics local auth off: features.disableLocalAuth = true" },
    { id: "monitoring.log-analytics-public-network", area: MON, text: "Log Analytics network (prod): publicNetworkAccessForIngestion/ForQuery = Disabled" },
    { id: "monitoring.log-analytics-retention", area: MON, text: "retention: retentionInDays at least the configured minimum" },

    { id: "aks.rbac", area: AKS, text: "Kubernetes RBAC: enableRBAC not false" },
    { id: "aks.entra-azure-rbac", area: AKS, text: "Entra ID + Azure RBAC: aadProfile.managed and aadProfile.enableAzureRBAC true" },
    { id: "aks.local-accounts-disabled", area: AKS, text: "local accounts off: disableLocalAccounts = true" },
    { id: "aks.network-policy", area: AKS, text: "network policy: networkProfile.networkPolicy azure/calico/cilium" },
    { id: "aks.api-server-restricted", area: AKS, text: "private API server or authorized IPs" },
    { id: "aks.azure-policy-addon", area: AKS, text: "Azure Policy add-on: addonProfiles.azurepolicy.enabled = true" },
    { id: "aks.defender", area: AKS, text: "Defender (advisory): securityProfile.defender.securityMonitoring.enabled = true" },
    { id: "aks.managed-identity", area: AKS, text: "managed identity: identity.type SystemAssigned/UserAssigned" },
    { id: "aks.workload-identity", area: AKS, text: "workload identity: oidcIssuerProfile.enabled and securityProfile.workloadIdentity.enabled true" },
    { id: "aks.auto-upgrade", area: AKS, text: "auto-upgrade: autoUpgradeProfile.upgradeChannel not none" },
    { id: "aks.no-node-public-ip", area: AKS, text: "no node public IP: agent pools enableNodePublicIP not true" },
    { id: "aks.fpga-supported-region", area: AKS, text: "FPGA pools only where FPGA VMs exist: Standard_NP*/PB* pools in a supported region" },

    { id: "azuremlExtension.https", area: AMLX, text: "HTTPS inference: configurationSettings.allowInsecureConnections not True" },
    { id: "azuremlExtension.internal-inference-router", area: AMLX, text: "internal inference router: with inference on a loadBalancer, internalLoadBalancerProvider = azure unless allowed by policy config" },

    { id: "aci.private-ip-in-vnet", area: ACI, text: "private IP in a VNet (prod): ipAddress.type Private and subnetIds set" },
    { id: "aci.managed-identity", area: ACI, text: "managed identity: identity.type set" },
    { id: "aci.no-plain-secret-env", area: ACI, text: "no plain secrets in env: sensitive names use secureValue" },
    { id: "aci.image-pinned-from-registry", area: ACI, text: "image from the workspace registry, pinned by digest" },
    { id: "aci.probes", area: ACI, text: "probes: livenessProbe/readinessProbe set" },
    // The pack's own control (not in CONTROLS.md), from "Deploy to Azure Container Instances from Azure Container Registry using a managed identity".
    { id: "aci.registry-identity-pull", area: ACI, text: "registry credentials by identity: imageRegistryCredentials[*].identity set, no username/password" },

    { id: "onlineEndpoint.token-auth", area: ONLINE, text: "token auth: properties.authMode AADToken (AMLToken reported as advisory; Key refused in prod)" },
    { id: "onlineEndpoint.public-network", area: ONLINE, text: "public network access (prod): properties.publicNetworkAccess = Disabled" },
    { id: "onlineEndpoint.managed-identity", area: ONLINE, text: "managed identity: identity.type set" },
    { id: "onlineDeployment.egress", area: ONLINE, text: "outbound access of managed deployments (prod): properties.egressPublicNetworkAccess = Disabled" },
    { id: "onlineDeployment.app-insights", area: ONLINE, text: "logging: properties.appInsightsEnabled = true" },

    { id: "mlEnvironment.image-pinned", area: ENV, text: "image from an allowed registry, pinned by digest: properties.image <acr>.azurecr.io/...@sha256:" },

    { id: "iothub.local-auth-disabled", area: IOT, text: "local (SAS) auth off: properties.disableLocalAuth = true" },
    { id: "iothub.min-tls", area: IOT, text: "minimum TLS: properties.minTlsVersion = 1.2" },
    { id: "iothub.public-network", area: IOT, text: "public network access (prod): Disabled, or IP filter rules that deny by default" },
    { id: "iothub.logs", area: IOT, text: "logs: DiagnosticSetting on the hub" },

    { id: "k8s.not-privileged", area: K8S, text: "not privileged, no privilege escalation" },
    { id: "k8s.non-root-read-only-fs", area: K8S, text: "non-root, read-only root FS" },
    { id: "k8s.resource-requests-limits", area: K8S, text: "resource requests and limits for cpu/memory (and FPGA/GPU where used)" },
    { id: "k8s.probes", area: K8S, text: "probes: liveness + readiness on inference containers" },
    { id: "k8s.image-provenance", area: K8S, text: "image provenance: allowed registries, pinned by digest" },
    { id: "k8s.namespace-default-deny", area: K8S, text: "network policy: default-deny NetworkPolicy in every inference namespace" },
    { id: "k8s.no-public-load-balancer", area: K8S, text: "no public load balancer unless allowed" },
    { id: "k8s.disruption-budget", area: K8S, text: "disruption budget: replicas > 1 needs a PodDisruptionBudget" },
    { id: "k8s.no-host-access", area: K8S_OWN, text: "no host namespaces (network, PID, IPC) and no hostPath volumes; a named device plugin may mount the kubelet's device plugin directory only (baseline Pod Security Standard)" },
    { id: "k8s.seccomp-capabilities", area: K8S_OWN, text: "seccomp and capabilities: RuntimeDefault (or Localhost) seccomp profile, capabilities drop ALL (restricted Pod Security Standard)" },

    { id: "authorization.least-privilege", area: AUTH, text: "least privilege: no Owner/Contributor/User Access Administrator for people at subscription or resource-group scope" },
    { id: "authorization.principal-type", area: AUTH, text: "explicit principal type: principalType set" },
    { id: "authorization.custom-role-no-wildcard", area: AUTH, text: "custom roles: no * actions" },

    { id: "serving.endpoint-alerts", area: SERVE, text: "endpoint monitoring (advisory): every online endpoint, container group and Kubernetes scoring workload has an enabled metric alert notifying an action group" },

    { id: "stack.required-tags", area: X, text: "required tags on every taggable resource" },
    { id: "stack.allowed-locations", area: X, text: "every resource's location in the configured list" },
    { id: "stack.stateful-protected", area: X, text: "stateful resources protected (prod)" },
    { id: "stack.delete-lock", area: X, text: "locks (prod, advisory): CanNotDelete lock on the resource group or workspace" },
    { id: "stack.private-reachable", area: X, text: "reachable when private: private endpoint + DNS zone group for each resource with public access off" },
    { id: "stack.no-plaintext-secrets", area: X, text: "no plaintext secrets in inputs named like password/secret/key/token/connectionString" },
    { id: "stack.diagnostics-everywhere", area: X, text: "diagnostics everywhere: a diagnostic setting to the stack's Log Analytics" },
];
