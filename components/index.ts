/**
 * The public entry point of the `aml-workspace` component library: what a
 * Pulumi program gets from `import { Workspace } from "aml-workspace"`, and
 * what the source-based plugin package exposes to other languages (Pulumi's
 * Node.js plugin host registers every ComponentResource class exported here;
 * see "Authoring a Source-Based Plugin Package",
 * https://www.pulumi.com/docs/iac/guides/building-extending/packages/source-based-plugin/).
 *
 * Everything exported here is a contract: the components with their args
 * types, and the pure tables and name rules a user needs to name and place
 * resources the way the components do. Helpers the components use internally
 * (diagnostic fan-out, private endpoint wiring, role grants) stay unexported.
 */

// Workspace and its associated resources.
export {
    Workspace,
    type WorkspaceArgs,
    type WorkspaceStorageSettings,
    type WorkspaceKeyVaultSettings,
    type WorkspaceRegistrySettings,
    type WorkspaceMonitoringSettings,
    type LogAnalyticsSettings,
    type ApplicationInsightsSettings,
    type WorkspaceIdentitySettings,
    type WorkspaceDnsSuffixes,
    type WorkspaceManagedNetworkSettings,
    type WorkspaceServerlessComputeSettings,
    type WorkspaceCmkSettings,
} from "./workspace/workspace";
export { WorkspaceStorage, type WorkspaceStorageArgs } from "./workspace/storage";
export type { HardenedStorageSettingsArgs } from "./workspace/storage-hardening";
export { WorkspaceKeyVault, type WorkspaceKeyVaultArgs } from "./workspace/key-vault";
export { WorkspaceRegistry, type WorkspaceRegistryArgs } from "./workspace/container-registry";
export { WorkspaceIdentity, type WorkspaceIdentityArgs } from "./workspace/identity";
export { WorkspaceCmkKey, type WorkspaceCmkKeyArgs, type CmkKeyVaultRef } from "./workspace/cmk-key";
export { ProjectWorkspace, type ProjectWorkspaceArgs } from "./workspace/project-workspace";
export type { OutboundRuleSpec } from "./workspace/outbound-rules";

// Monitoring.
export { Monitoring, type MonitoringArgs, type MonitoringLogAnalyticsArgs, type MonitoringApplicationInsightsArgs } from "./monitoring/monitoring";

// Network and private reachability.
export { Network, type NetworkArgs, type NetworkSubnetArgs, type NetworkSubnetsArgs, type NetworkSubnetIdsArgs } from "./network/network";
export { PrivateAccess, type PrivateAccessArgs, type PrivateAccessTarget, type PrivateAccessMonitoring } from "./network/private-access";
export { PrivateDnsZones, PrivateDnsMode, type PrivateDnsZonesArgs } from "./network/private-dns-zones";
export { zonesFor, zonesForAll, PRIVATE_LINK_ZONES, PrivateLinkGroupId } from "./network/private-link-zones";

// Compute.
export { ComputeCluster, VmPriority, type ComputeClusterArgs } from "./compute/compute-cluster";
export { ModelRegistry, registryPrivateAccessTarget, REGISTRY_GROUP_ID, type ModelRegistryArgs, type ModelRegistryReplica, type ModelRegistryPrivateEndpoint, type ModelRegistryDnsZone } from "./registry/model-registry";
export { RegistryStorageAccountType, modelRegistryName } from "./registry/registry-settings";
export { ComputeInstance, computeInstanceArgsProblems, type ComputeInstanceArgs, type ComputeInstanceScheduleArgs, type ComputeInstanceScriptArgs } from "./compute/compute-instance";
export { scriptReferenceOf, scriptTextProblems, setupScriptProblems, SCRIPT_TIMEOUT } from "./compute/setup-scripts";
export type { ComputeCommonArgs } from "./compute/compute-common";

// Data: team lakes (ADLS Gen2, hardened), identity-based datastores, data assets.
export { DataLake, type DataLakeArgs } from "./data/data-lake";
export { IdentityDatastore, DataAccessIdentity, type IdentityDatastoreArgs } from "./data/datastore";
export { DataAsset, dataAssetArgProblems, type DataAssetArgs, type DataAssetVersionArgs } from "./data/data-asset";
export { DatastoreKind, DataAccess, DataAssetType } from "./data/data-settings";
export type { PlatformDataArgs, PlatformDataLakeArgs, PlatformDatastoreArgs, PlatformDataAssetArgs } from "./data/platform-data-args";

// Workspace schedules: a job (CLI v2 YAML) created on a cron or recurrence trigger.
export { JobSchedule, jobScheduleArgProblems, computeNamesOf, type JobScheduleArgs, type PlatformScheduleArgs } from "./schedules/job-schedule";
export { ComputeScheduleAction, RecurrenceFrequency, WeekDay, triggerProblems, type CronTriggerArgs, type RecurrenceTriggerArgs, type TriggerArgs } from "./schedules/trigger";
export { convertJob, jobDefinitionProblems, SCHEDULED_JOB_TYPES, type JobYaml, type JobProblem, type JobContext, type JobConversion } from "./schedules/job-definition";

// Kubernetes: a hardened AKS cluster (issues 10 and 11), its value sets, defaults and pure rules.
export { AksCluster, type AksClusterArgs, type AksClusterSettingsArgs, type AksNodePoolArgs, type AksSystemPoolArgs, type AksApiServerArgs } from "./kubernetes/aks-cluster";
export { AksSkuTier, AksUpgradeChannel, AksNodeOsUpgradeChannel, AksNetworkPolicy, AksOsDiskType } from "./kubernetes/aks-enums";
export { AKS_DEFAULTS, AKS_ENTRA_SERVER_APP_ID, type AksDefaultKey } from "./kubernetes/aks-defaults";
export { AKS_LIMITS, addressingProblems, apiServerProblems, kubernetesVersionProblem, poolProblems, poolNameProblem, type AksProblem } from "./kubernetes/aks-rules";
export { aksArgProblems, poolProfile, SYSTEM_POOL_TAINT } from "./kubernetes/aks-pools";

// Serving: registry authentication without the admin user, digest-pinned image references, the image rules.
export {
    ACR_ENTRA_SCOPE,
    ACR_REFRESH_TOKEN_USERNAME,
    DEFAULT_RETRY_POLICY,
    RegistryAuthError,
    RegistryAuthStep,
    RegistryCredentialKind,
    RepositoryAccess,
    entraRegistryCredential,
    exchangeEntraToken,
    registryAccessToken,
    repositoryScope,
    repositoryTokenCredential,
    scopeMapActions,
    type EntraExchangeOptions,
    type EntraTokenSource,
    type RegistryAuthOptions,
    type RegistryLoginCredential,
    type RegistryTokenOptions,
    type RetryPolicy,
    type RetryReport,
} from "./serving/registry-auth";
export { entraTokenFromClientToken, registryCredentialOutputs, type ClientTokenInvoke, type RegistryCredentialOutputs } from "./serving/registry-credential";
export { EntraTokenError, entraTokenFromEnvironment, type EntraEnvironmentOptions } from "./serving/entra-token";
export { ImageReferenceError, isDigestPinned, parseImageReference, pinnedImageReference, requirePinnedImageReference, type ImageReference, type PinRequirement } from "./serving/image-reference";
export { dockerfileProblems, type DockerfileProblem, type DockerfileExpectations } from "./serving/dockerfile-check";
// Serving host containerInstance: an endpoint as a container group, and the ACI rules it follows.
export { ContainerGroupEndpoint, containerGroupArgProblems, type ContainerGroupEndpointArgs } from "./serving/hosts/container-group-endpoint";
export { ACI_LIMITS, DNS_LABEL_PATTERN, ENV_NAME_PATTERN, HOST_ENV, dnsLabelProblem, envNameProblem, resourceProblems as containerGroupResourceProblems, supportsIdentityInVirtualNetwork, type ContainerGroupLimits } from "./serving/hosts/container-group-rules";
// Serving hosts managedOnline and kubernetesOnline: an online endpoint with its deployments and traffic.
export { OnlineServingEndpoint, onlineServingEndpointArgProblems, type OnlineServingEndpointArgs, type OnlineServingDeploymentArgs } from "./serving/hosts/online-endpoint";

// Serving at the edge: the IoT Edge manifest, the IoT Hub data-plane providers and the model-on-a-device component.
export * from "./edge";
export { buildContextDigest, contentTag, environmentVersionOf, pinnedFromRepoDigest } from "./serving/build-context";
export { registryPushCredential } from "./serving/registry-login";
export { registryModelAssetId } from "./serving/registered-models";
export { ModelFolderUpload, modelFolderUploadProvider, BlobUploadTokenSource, type ModelFolderUploadArgs, type BlobUploadProviderRuntime } from "./serving/blob-upload-dynamic";
export { BlobClient, BLOB_API_VERSION, STORAGE_ENTRA_SCOPE, type BlobClientOptions, type BlobRequestError } from "./serving/blob-rest";
export { MODEL_UPLOAD_LIMITS, folderDigest, modelUploadContainer, modelUploadPrefix, modelUploadUri, uploadFolder, deleteBlobs, uploadSourceProblem } from "./serving/blob-upload";

// Attached Kubernetes compute: the AzureML cluster extension (once per cluster) and the attachments, with their pure rules.
export { AzureMlExtension, type AzureMlExtensionArgs, type AzureMlExtensionSettingsArgs } from "./kubernetes/azureml-extension";
export { KubernetesCompute, type KubernetesComputeArgs, type KubernetesInstanceTypeArgs, type KubernetesInstanceTypeLimitsArgs, type KubernetesInstanceTypeQuantitiesArgs } from "./kubernetes/kubernetes-compute";
export { AksClusterObjects, MANAGED_BY_LABEL, type AksClusterObjectsArgs, type AksClusterAttachmentArgs } from "./kubernetes/aks-cluster-objects";
export { azureMlExtensionProblems, azureMlConfigurationSettings, resolveAzureMlExtensionSettings, AZURE_ML_EXTENSION_TYPE, type AzureMlExtensionSettingsInput } from "./kubernetes/azureml-extension-settings";
export { instanceTypeListJson, instanceTypeManifests, instanceTypeProblems, namespaceProblem, type InstanceTypeManifest, type InstanceTypeSpec } from "./kubernetes/instance-types";

// Access: built-in roles by display name, custom roles, and grants to people and services.
export { AccessGrants, PrincipalType, accessGrantName, type AccessGrantsArgs, type AccessGrantArgs } from "./access/access-grants";
export { CustomRoleDefinition, customRoleGuid, type CustomRoleDefinitionArgs } from "./access/custom-role";
export { ACCESS_ADMIN_ROLES, BUILTIN_ROLE_IDS, BUILTIN_ROLE_NAMES, builtinRoleNameOf, isBuiltinRoleName, type BuiltinRoleName } from "./access/builtin-roles";
export { resolveRole, type RoleResolution, type BuiltinRoleResolution, type CustomRoleResolution, type UnknownRoleResolution } from "./access/role-resolution";

// The whole platform, composed from the components above, and its own args.
export { MlPlatform } from "./platform";
export type * from "./platform-args";
export { resolvePlatformArgs, type PlatformSettings } from "./platform-settings";

// Shared shapes of component args: placement, deletion guards, bring-your-own, named value sets, defaults.
export type { PlacementArgs, StatefulProtection } from "./placement";
export { resolveBringYourOwn, type BringYourOwn, type BringYourOwnChoice } from "./bring-your-own";
export { PublicNetworkAccess, FirewallDefaultAction, KeyVaultSku, RegistrySku, IdentityType, IsolationMode, FirewallSku, OutboundRuleType, CmkKeyType, MonitorAccessMode, InferenceRouterServiceType } from "./enums";
export { COMPONENT_DEFAULTS, type DefaultKey } from "./defaults";

// Pure helpers: clouds, name rules, derived names, resource IDs.
export { CLOUDS, cloudOfRegion, AzureCloud, type CloudProfile } from "./clouds";
export { NAME_RULES, NamingError, assertValidName, deriveName, nameProblem, type NameRule, type ResourceKind } from "./naming";
export { platformNames, containerGroupName, endpointIdentityName, type NamingInputs, type PlatformNames } from "./platform-names";
export { parseResourceId, resourceId, type ResourceIdParts } from "./resource-ids";
export { EndpointAlerts, endpointAlertsArgProblems, type EndpointAlertsArgs, type EndpointAlertTargetArgs } from "./serving/endpoint-alert-rules";
export { ALERT_NAMES, ALERT_WINDOWS, EndpointAlertRole, endpointAlertCriteria, failedRequestThreshold, resolveAlertThresholds, type EndpointAlertCriterion, type ResolvedAlertThresholds } from "./serving/endpoint-alert-metrics";
export { cloudRoleName, endpointRoleName, endpointTelemetryEnvironment, serviceNamespaceOf, TELEMETRY_ENV, type EndpointTelemetryEnvironment } from "./serving/endpoint-telemetry";
export { EndpointMetricsKind } from "./serving/serving-enums";

// Serving on plain Kubernetes (issue 11): the endpoint component, its pure manifests and version table.
export { KubernetesEndpoint, type KubernetesEndpointArgs } from "./serving/hosts/kubernetes-endpoint";
// Serving host fpga: the FPGA table (sizes, regions, taint, label, device plugin) and the device plugin component.
export { FPGA_DEVICE_PLUGIN, FPGA_POOL_LABEL, FPGA_POOL_TAINT, FPGA_REGIONS, FPGA_VM_SIZES, fpgaRegionProblem, fpgaResourceProblem, fpgaSizeProblem, isFpgaVmSize, type FpgaVmSize } from "./fpga";
export { FpgaDevicePlugin, type FpgaDevicePluginArgs } from "./serving/hosts/fpga-device-plugin";
export { servingManifests, clusterScoringUri, podSelectorLabels, SCORING_UID, SCORING_EGRESS, INTERNAL_LOAD_BALANCER_ANNOTATION, WORKLOAD_IDENTITY_AUDIENCE, type KubernetesServingSpec, type KubernetesEndpointSpecArgs, type KubernetesScoringRoutesArgs, type KubernetesResourcesArgs, type KubernetesQuantitiesArgs, type KubernetesServedModelArgs, type ServingManifests } from "./serving/hosts/kubernetes-serving-manifests";
export { KUBERNETES_SERVING_VERSIONS, servingVersionProblem } from "./serving/hosts/kubernetes-serving-versions";
