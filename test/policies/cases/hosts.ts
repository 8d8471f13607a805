/** Cases for AKS, ACI, IoT Hub, authorization, Kubernetes and the plaintext-secrets policy. */
import type { ResourceCase } from "./types";

const AKS = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const ACI = "azure-native:containerinstance:ContainerGroup";
const IOT = "azure-native:iothub:IotHubResource";
const RA = "azure-native:authorization:RoleAssignment";
const RD = "azure-native:authorization:RoleDefinition";
const DEPLOY = "kubernetes:apps/v1:Deployment";
const SVC = "kubernetes:core/v1:Service";
const EXT = "azure-native:kubernetesconfiguration:Extension";
const COMPUTE = "azure-native:machinelearningservices:Compute";
const ONLINE_EP = "azure-native:machinelearningservices:OnlineEndpoint";
const ONLINE_DEP = "azure-native:machinelearningservices:OnlineDeployment";
const ENV = "azure-native:machinelearningservices:EnvironmentVersion";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
const DIGEST = `@sha256:${"c".repeat(64)}`;
const goodContainer = {
    name: "score",
    image: `cr.azurecr.io/models/score${DIGEST}`,
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } },
    resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
    livenessProbe: { httpGet: { path: "/", port: 5001 } },
    readinessProbe: { httpGet: { path: "/", port: 5001 } },
};
const DAEMONSET = "kubernetes:apps/v1:DaemonSet";
const pluginContainer = { name: "device-plugin", image: `cr.azurecr.io/k8s-device-plugin${DIGEST}`, securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } };
const devicePlugin = { metadata: { name: "xilinx-fpga-device-plugin", namespace: "fpga-device-plugin" }, spec: { template: { metadata: { labels: { app: "p" } }, spec: { containers: [pluginContainer] } } } };
const deployment = { metadata: { namespace: "inference" }, spec: { replicas: 1, template: { metadata: { labels: { app: "a" } }, spec: { containers: [goodContainer] } } } };
const C0 = "spec.template.spec.containers[0]";
const amlExtension = {
    extensionType: "Microsoft.AzureML.Kubernetes",
    configurationSettings: { enableTraining: "True", enableInference: "True", inferenceRouterServiceType: "loadBalancer", internalLoadBalancerProvider: "azure", allowInsecureConnections: "False", sslCname: "scoring.example.com" },
};
const kubernetesCompute = { properties: { computeType: "Kubernetes", resourceId: `${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`, disableLocalAuth: true, properties: { namespace: "risk" } } };
const aciGood = {
    identity: { type: "SystemAssigned" },
    ipAddress: { type: "Private" },
    subnetIds: [{ id: `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aci` }],
    containers: [{ name: "score", image: `cr.azurecr.io/score${DIGEST}`, livenessProbe: { exec: {} }, readinessProbe: { exec: {} }, environmentVariables: [{ name: "MODEL", value: "m" }, { name: "API_KEY", secureValue: "s" }] }],
};

/** Cases. */
export const HOST_CASES: ResourceCase[] = [
    { policy: "aks-rbac-enabled", type: AKS, compliant: {},
      violations: [{ patch: { enableRBAC: false }, messages: ["enableRBAC is false; set it to true"] }] },
    { policy: "aks-entra-azure-rbac", type: AKS, compliant: { aadProfile: { managed: true, enableAzureRBAC: true } },
      violations: [{ patch: { "aadProfile.enableAzureRBAC": false }, messages: ["aadProfile.enableAzureRBAC is false; set it to true"] },
                   { patch: { aadProfile: undefined }, messages: ["aadProfile.managed is not set; set it to true", "aadProfile.enableAzureRBAC is not set; set it to true"] }] },
    { policy: "aks-local-accounts-disabled", type: AKS, compliant: { disableLocalAccounts: true },
      violations: [{ patch: { disableLocalAccounts: false }, messages: ["disableLocalAccounts is false; set it to true"] }] },
    { policy: "aks-network-policy", type: AKS, compliant: { networkProfile: { networkPolicy: "cilium" } },
      violations: [{ patch: { "networkProfile.networkPolicy": "none" }, messages: ["networkProfile.networkPolicy is none; set it to azure or calico or cilium"] }] },
    { policy: "aks-api-server-restricted", type: AKS, compliant: { apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] } },
      violations: [{ patch: { apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: [] } },
                     messages: ["apiServerAccessProfile.enablePrivateCluster is not true and apiServerAccessProfile.authorizedIPRanges is empty; set one of them"] }] },
    { policy: "aks-azure-policy-addon", type: AKS, compliant: { addonProfiles: { azurePolicy: { enabled: true } } },
      violations: [{ patch: { addonProfiles: { azurepolicy: { enabled: false } } }, messages: ["addonProfiles.azurepolicy.enabled is false; set it to true"] }] },
    { policy: "aks-defender-enabled", type: AKS, compliant: { securityProfile: { defender: { securityMonitoring: { enabled: true } } } },
      violations: [{ patch: { securityProfile: undefined }, messages: ["securityProfile.defender.securityMonitoring.enabled is not set; set it to true"] }] },
    { policy: "aks-managed-identity", type: AKS, compliant: { identity: { type: "UserAssigned" } },
      violations: [{ patch: { identity: undefined, servicePrincipalProfile: { clientId: "c" } }, messages: ["identity.type is not set; set it to SystemAssigned or UserAssigned"] }] },
    { policy: "aks-workload-identity", type: AKS, compliant: { oidcIssuerProfile: { enabled: true }, securityProfile: { workloadIdentity: { enabled: true } } },
      violations: [{ patch: { "oidcIssuerProfile.enabled": false }, messages: ["oidcIssuerProfile.enabled is false; set it to true"] }] },
    { policy: "aks-auto-upgrade", type: AKS, compliant: { autoUpgradeProfile: { upgradeChannel: "stable" } },
      violations: [{ patch: { "autoUpgradeProfile.upgradeChannel": "none" }, messages: ["autoUpgradeProfile.upgradeChannel is none; set it to patch or stable"] }] },
    { policy: "aks-no-node-public-ip", type: AKS, compliant: { agentPoolProfiles: [{ name: "system", enableNodePublicIP: false }] },
      violations: [{ patch: { agentPoolProfiles: [{ name: "system" }, { name: "user", enableNodePublicIP: true }] }, messages: ["agentPoolProfiles[1].enableNodePublicIP is true; set it to false"] }] },
    { policy: "aks-no-node-public-ip", type: POOL, compliant: { vmSize: "Standard_D4s_v5" },
      violations: [{ patch: { enableNodePublicIP: true }, messages: ["enableNodePublicIP is true; set it to false"] }] },

    { policy: "azureml-extension-https", type: EXT, compliant: amlExtension,
      violations: [{ patch: { "configurationSettings.allowInsecureConnections": "True" }, messages: ["configurationSettings.allowInsecureConnections is True; set it to False"] },
                   { patch: { "configurationSettings.allowInsecureConnections": "true" }, messages: ["configurationSettings.allowInsecureConnections is true; set it to False"] }],
      config: [{ title: "another extension type is not the policy's", config: {}, patch: { extensionType: "microsoft.flux", "configurationSettings.allowInsecureConnections": "True" }, messages: [] }] },
    { policy: "azureml-extension-internal-router", type: EXT, compliant: amlExtension,
      violations: [{ patch: { "configurationSettings.internalLoadBalancerProvider": undefined }, messages: ["configurationSettings.internalLoadBalancerProvider is not set with inferenceRouterServiceType loadBalancer; set it to azure"] }],
      config: [{ title: "allowPublicInferenceRouter admits a public router", config: { allowPublicInferenceRouter: true }, patch: { "configurationSettings.internalLoadBalancerProvider": undefined }, messages: [] },
               { title: "a node port is not a public load balancer", config: {}, patch: { "configurationSettings.inferenceRouterServiceType": "nodePort", "configurationSettings.internalLoadBalancerProvider": undefined }, messages: [] },
               { title: "training only has no router", config: {}, patch: { "configurationSettings.enableInference": "False", "configurationSettings.internalLoadBalancerProvider": undefined }, messages: [] }] },
    { policy: "ml-compute-local-auth-disabled", type: COMPUTE, compliant: kubernetesCompute,
      violations: [{ patch: { "properties.disableLocalAuth": undefined }, messages: ["properties.disableLocalAuth is not set; set it to true"] }] },

    { policy: "aci-private-ip-in-vnet", type: ACI, compliant: aciGood,
      violations: [{ patch: { "ipAddress.type": "Public", subnetIds: undefined }, messages: ["ipAddress.type is Public; set it to Private", "subnetIds is not set; set it to [{ id: <subnet ID> }]"] }] },
    { policy: "aci-managed-identity", type: ACI, compliant: aciGood,
      violations: [{ patch: { "identity.type": "None" }, messages: ["identity.type is None; set it to SystemAssigned or UserAssigned"] }] },
    { policy: "aci-no-plain-secret-env", type: ACI, compliant: aciGood,
      violations: [{ patch: { containers: [{ name: "s", environmentVariables: [{ name: "DB_PASSWORD", value: "hunter2" }, { name: "storageConnectionString", value: "x" }] }] },
                     messages: ["containers[0].environmentVariables[0] (DB_PASSWORD) sets value; set secureValue instead", "containers[0].environmentVariables[1] (storageConnectionString) sets value; set secureValue instead"] }] },
    { policy: "aci-image-pinned-from-registry", type: ACI, compliant: aciGood,
      violations: [{ patch: { containers: [{ name: "s", image: "docker.io/library/python:3.11" }] },
                     messages: ["containers[0].image is docker.io/library/python:3.11 from docker.io; use a registry in *.azurecr.io, *.azurecr.us, *.azurecr.cn", "containers[0].image is docker.io/library/python:3.11, not pinned by digest; set it to <image>@sha256:<digest>"] }],
      config: [{ title: "allowedRegistries admits another registry", config: { allowedRegistries: ["*.azurecr.io", "mcr.microsoft.com"] }, patch: { containers: [{ name: "s", image: `mcr.microsoft.com/azureml/base${DIGEST}` }] }, messages: [] },
               { title: "by default a registry of the US Government or China cloud is an Azure registry too", config: {}, patch: { "containers.0.image": `cr.azurecr.us/score${DIGEST}` }, messages: [] },
               { title: "only Azure registry suffixes, not look-alikes", config: {}, patch: { "containers.0.image": `cr.azurecr.io.example.com/score${DIGEST}` },
                 messages: ["containers[0].image is cr.azurecr.io.example.com/score" + DIGEST + " from cr.azurecr.io.example.com; use a registry in *.azurecr.io, *.azurecr.us, *.azurecr.cn"] }] },
    { policy: "aci-registry-identity-pull", type: ACI, compliant: { ...aciGood, imageRegistryCredentials: [{ server: "cr.azurecr.io", identity: `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-score` }] },
      violations: [{ patch: { imageRegistryCredentials: [{ server: "cr.azurecr.io", username: "cr", password: "hunter2" }] },
                     messages: ["imageRegistryCredentials[0].username is set; pull with identity instead", "imageRegistryCredentials[0].password is set; pull with identity instead", "imageRegistryCredentials[0].identity is not set; set it to a user-assigned identity with AcrPull"] }],
      config: [{ title: "a group pulling public images has no credentials to judge", config: {}, patch: { imageRegistryCredentials: undefined }, messages: [] }] },
    { policy: "ml-environment-image-pinned", type: ENV,
      compliant: { name: "scorer", version: "sha256-cccccccccccccccccccccccc", properties: { image: `cr.azurecr.io/scorer${DIGEST}`, osType: "Linux" } },
      violations: [
          { patch: { "properties.image": "cr.azurecr.io/scorer:1.0" }, messages: ["properties.image is cr.azurecr.io/scorer:1.0, not pinned by digest; set it to <image>@sha256:<digest>"] },
          { patch: { "properties.image": `docker.io/library/python${DIGEST}` }, messages: [`properties.image is docker.io/library/python${DIGEST} from docker.io; use a registry in *.azurecr.io, *.azurecr.us, *.azurecr.cn, mcr.microsoft.com`] },
          { patch: { "properties.image": undefined }, messages: ["properties.image is not set; set it to <registry login server>/<repo>@sha256:<digest>"] },
      ],
      config: [{ title: "an environment built by Azure ML from a context has no image to pin", config: {}, patch: { "properties.image": undefined, "properties.build": { contextUri: "https://example.blob.core.windows.net/c/ctx" } }, messages: [] }] },
    { policy: "aci-probes", type: ACI, compliant: aciGood,
      violations: [{ patch: { containers: [{ name: "s", livenessProbe: {} }] }, messages: ["containers[0].readinessProbe is not set; set it"] }] },

    { policy: "online-endpoint-token-auth", type: ONLINE_EP, compliant: { properties: { authMode: "AADToken" } },
      violations: [{ patch: { "properties.authMode": "Key" }, messages: ["properties.authMode is Key; set it to AADToken (or AMLToken on a Kubernetes endpoint)"] },
                   { patch: { "properties.authMode": "AMLToken" }, messages: ["properties.authMode is AMLToken; set it to AADToken where the endpoint is managed (Kubernetes endpoints offer AMLToken at best)"] }] },
    { policy: "online-endpoint-public-network", type: ONLINE_EP, compliant: { properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" } },
      violations: [{ patch: { "properties.publicNetworkAccess": "Enabled" }, messages: ["properties.publicNetworkAccess is Enabled; set it to Disabled"] }] },
    { policy: "online-endpoint-managed-identity", type: ONLINE_EP, compliant: { identity: { type: "SystemAssigned" } },
      violations: [{ patch: { identity: undefined }, messages: ["identity.type is not set; set it to SystemAssigned or UserAssigned"] }] },
    { policy: "online-deployment-egress", type: ONLINE_DEP, compliant: { properties: { endpointComputeType: "Managed", egressPublicNetworkAccess: "Disabled" } },
      violations: [{ patch: { "properties.egressPublicNetworkAccess": "Enabled" }, messages: ["properties.egressPublicNetworkAccess is Enabled; set it to Disabled"] }] },
    { policy: "online-deployment-app-insights", type: ONLINE_DEP, compliant: { properties: { endpointComputeType: "Kubernetes", appInsightsEnabled: true } },
      violations: [{ patch: { "properties.appInsightsEnabled": false }, messages: ["properties.appInsightsEnabled is false; set it to true"] }] },

    { policy: "iothub-local-auth-disabled", type: IOT, compliant: { properties: { disableLocalAuth: true } },
      violations: [{ patch: { "properties.disableLocalAuth": false }, messages: ["properties.disableLocalAuth is false; set it to true"] }] },
    { policy: "iothub-min-tls-1-2", type: IOT, compliant: { properties: { minTlsVersion: "1.2" } },
      violations: [{ patch: { properties: {} }, messages: ["properties.minTlsVersion is not set; set it to 1.2"] }] },
    { policy: "iothub-public-network-restricted", type: IOT, compliant: { properties: { publicNetworkAccess: "Enabled", networkRuleSets: { defaultAction: "Deny" } } },
      violations: [{ patch: { "properties.networkRuleSets": undefined }, messages: ["properties.publicNetworkAccess is Enabled and properties.networkRuleSets.defaultAction is not set; set publicNetworkAccess to Disabled (or defaultAction to Deny)"] }] },

    { policy: "rbac-least-privilege", type: RA, compliant: { principalType: "ServicePrincipal", roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`, scope: `${SUB}/resourceGroups/rg` },
      violations: [{ patch: { principalType: "User" }, messages: [`roleDefinitionId is Contributor at scope ${SUB}/resourceGroups/rg for principalType User; assign an AzureML built-in role or a narrower scope`] },
                   { patch: { principalType: "Group", roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`, scope: SUB }, messages: [`roleDefinitionId is Owner at scope ${SUB} for principalType Group; assign an AzureML built-in role or a narrower scope`] }],
      config: [{ title: "Owner of a single resource is not broad", config: {}, patch: { principalType: "User", scope: `${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w` }, messages: [] }] },
    { policy: "rbac-principal-type-set", type: RA, compliant: { principalType: "Group" },
      violations: [{ patch: { principalType: undefined }, messages: ["principalType is not set; set it to User, Group or ServicePrincipal"] }] },
    { policy: "rbac-custom-role-no-wildcard", type: RD, compliant: { permissions: [{ actions: ["Microsoft.MachineLearningServices/workspaces/read"] }] },
      violations: [{ patch: { permissions: [{ actions: ["a/read"], dataActions: ["*"] }] }, messages: ["permissions[0].dataActions contains *; list the needed actions instead"] }] },

    { policy: "k8s-no-privileged-containers", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.containers": [{ name: "x", securityContext: { privileged: true } }] },
                     messages: [`${C0}.securityContext.privileged is true; set it to false`, `${C0}.securityContext.allowPrivilegeEscalation is not set; set it to false`] }] },
    { policy: "k8s-non-root-read-only-fs", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.containers": [{ name: "x", securityContext: { readOnlyRootFilesystem: false } }] },
                     messages: [`${C0}.securityContext.runAsNonRoot is not set; set it to true`, `${C0}.securityContext.readOnlyRootFilesystem is false; set it to true`] }],
      config: [
          { title: "pod-level runAsNonRoot counts", config: {}, patch: { "spec.template.spec.securityContext": { runAsNonRoot: true }, "spec.template.spec.containers": [{ ...goodContainer, securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true } }] }, messages: [] },
          { title: "devicePluginWorkloads never exempts a Deployment", config: { devicePluginWorkloads: ["inference/scorer"] }, patch: { "metadata.name": "scorer", "spec.template.spec.containers": [{ ...goodContainer, securityContext: { runAsUser: 0, runAsNonRoot: false, readOnlyRootFilesystem: true } }] }, messages: [`${C0}.securityContext.runAsNonRoot is false; set it to true`] },
      ] },
    // The FPGA host's device plugin (components/serving/hosts/fpga-device-plugin-manifests.ts): root for the kubelet's socket directory, only when named.
    { policy: "k8s-non-root-read-only-fs", type: DAEMONSET, compliant: devicePlugin,
      violations: [{ patch: { "spec.template.spec.containers": [{ ...pluginContainer, securityContext: { runAsUser: 0, readOnlyRootFilesystem: true } }] }, messages: [`${C0}.securityContext.runAsNonRoot is not set; set it to true`] }],
      config: [
          { title: "a device plugin named in devicePluginWorkloads may run as root", config: { devicePluginWorkloads: ["fpga-device-plugin/xilinx-fpga-device-plugin"] }, patch: { "spec.template.spec.containers": [{ ...pluginContainer, securityContext: { runAsUser: 0, runAsNonRoot: false, readOnlyRootFilesystem: true } }] }, messages: [] },
          { title: "the exemption is by namespace and name: another namespace is still reported", config: { devicePluginWorkloads: ["kube-system/xilinx-fpga-device-plugin"] }, patch: { "spec.template.spec.containers": [{ ...pluginContainer, securityContext: { runAsUser: 0, runAsNonRoot: false, readOnlyRootFilesystem: true } }] }, messages: [`${C0}.securityContext.runAsNonRoot is false; set it to true`] },
          { title: "a named device plugin still needs a read-only root filesystem", config: { devicePluginWorkloads: ["fpga-device-plugin/xilinx-fpga-device-plugin"] }, patch: { "spec.template.spec.containers": [{ ...pluginContainer, securityContext: { runAsUser: 0, runAsNonRoot: false } }] }, messages: [`${C0}.securityContext.readOnlyRootFilesystem is not set; set it to true`] },
      ] },
    { policy: "k8s-no-host-access", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.hostNetwork": true, "spec.template.spec.hostPID": true, "spec.template.spec.volumes": [{ name: "d", hostPath: { path: "/var/lib/kubelet/device-plugins" } }] },
                     messages: ["spec.template.spec.hostNetwork is true; remove it", "spec.template.spec.hostPID is true; remove it", "spec.template.spec.volumes[0].hostPath.path is /var/lib/kubelet/device-plugins; remove the hostPath volume"] }],
      config: [{ title: "devicePluginWorkloads never exempts a Deployment", config: { devicePluginWorkloads: ["inference/scorer"] }, patch: { "metadata.name": "scorer", "spec.template.spec.volumes": [{ name: "d", hostPath: { path: "/var/lib/kubelet/device-plugins" } }] }, messages: ["spec.template.spec.volumes[0].hostPath.path is /var/lib/kubelet/device-plugins; remove the hostPath volume"] }] },
    { policy: "k8s-no-host-access", type: DAEMONSET, compliant: devicePlugin,
      violations: [{ patch: { "spec.template.spec.volumes": [{ name: "device-plugins", hostPath: { path: "/var/lib/kubelet/device-plugins" } }] }, messages: ["spec.template.spec.volumes[0].hostPath.path is /var/lib/kubelet/device-plugins; remove the hostPath volume"] }],
      config: [
          { title: "a named device plugin may mount the kubelet's device plugin directory", config: { devicePluginWorkloads: ["fpga-device-plugin/xilinx-fpga-device-plugin"] }, patch: { "spec.template.spec.volumes": [{ name: "device-plugins", hostPath: { path: "/var/lib/kubelet/device-plugins" } }] }, messages: [] },
          { title: "a named device plugin may mount nothing else of the host, nor share its namespaces", config: { devicePluginWorkloads: ["fpga-device-plugin/xilinx-fpga-device-plugin"] }, patch: { "spec.template.spec.hostNetwork": true, "spec.template.spec.volumes": [{ name: "device-plugins", hostPath: { path: "/var/lib/kubelet/device-plugins" } }, { name: "dev", hostPath: { path: "/dev" } }] },
            messages: ["spec.template.spec.hostNetwork is true; remove it", "spec.template.spec.volumes[1].hostPath.path is /dev; remove the hostPath volume (a named device plugin may mount /var/lib/kubelet/device-plugins only)"] },
      ] },
    { policy: "k8s-seccomp-capabilities", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.containers": [{ name: "x", securityContext: { capabilities: { drop: ["NET_RAW"], add: ["SYS_ADMIN", "NET_BIND_SERVICE"] } } }] },
                     messages: [`${C0}.securityContext.seccompProfile.type is not set; set it to RuntimeDefault`, `${C0}.securityContext.capabilities.drop does not contain ALL; set it to [ALL]`, `${C0}.securityContext.capabilities.add has SYS_ADMIN; add back only NET_BIND_SERVICE`] },
                   { patch: { "spec.template.spec.containers": [{ name: "x", securityContext: { capabilities: { drop: ["ALL"] }, seccompProfile: { type: "Unconfined" } } }] },
                     messages: [`${C0}.securityContext.seccompProfile.type is Unconfined; set it to RuntimeDefault`] }],
      config: [{ title: "a pod-level RuntimeDefault profile counts", config: {}, patch: { "spec.template.spec.securityContext": { seccompProfile: { type: "RuntimeDefault" } }, "spec.template.spec.containers": [{ ...goodContainer, securityContext: { capabilities: { drop: ["ALL"] } } }] }, messages: [] }] },
    { policy: "k8s-resource-requests-limits", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.containers": [{ name: "x", resources: { requests: { cpu: "1", memory: "1Gi", "nvidia.com/gpu": 1 }, limits: { memory: "1Gi" } } }] },
                     messages: [`${C0}.resources.limits.cpu is not set; set it`, `${C0}.resources.limits.nvidia.com/gpu is not set but requested; set it equal to the request`] }] },
    { policy: "k8s-inference-probes", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.containers": [{ name: "x" }] }, messages: [`${C0}.livenessProbe is not set; set it`, `${C0}.readinessProbe is not set; set it`] }] },
    { policy: "k8s-image-provenance", type: DEPLOY, compliant: deployment,
      violations: [{ patch: { "spec.template.spec.containers": [{ name: "x", image: "cr.azurecr.io/models/score:1.0" }] },
                     messages: [`${C0}.image is cr.azurecr.io/models/score:1.0, not pinned by digest; set it to <image>@sha256:<digest>`] },
                   { patch: { "spec.template.spec.containers": [{ name: "x", image: `ghcr.io/acme/x${DIGEST}` }] },
                     messages: [`${C0}.image is ghcr.io/acme/x${DIGEST} from ghcr.io; use a registry in *.azurecr.io, *.azurecr.us, *.azurecr.cn, mcr.microsoft.com`] }],
      config: [{ title: "allowedRegistries admits ghcr.io", config: { allowedRegistries: ["ghcr.io"] }, patch: { "spec.template.spec.containers": [{ name: "x", image: `ghcr.io/acme/x${DIGEST}` }] }, messages: [] }] },
    { policy: "k8s-no-public-load-balancer", type: SVC, compliant: { metadata: { annotations: { "service.beta.kubernetes.io/azure-load-balancer-internal": "true" } }, spec: { type: "LoadBalancer" } },
      violations: [{ patch: { metadata: {} }, messages: ['metadata.annotations["service.beta.kubernetes.io/azure-load-balancer-internal"] is not set; set it to "true"'] }],
      config: [
          { title: "allowPublicLoadBalancer allows it", config: { allowPublicLoadBalancer: true }, patch: { metadata: {} }, messages: [] },
          { title: "ClusterIP services are not load balancers", config: {}, patch: { metadata: {}, "spec.type": "ClusterIP" }, messages: [] },
      ] },

    { policy: "no-plaintext-secrets", type: AKS, compliant: {
          keyVaultProperties: { keyName: "cmk", keyVersion: "1", keyIdentifier: "https://kv.vault.azure.net/keys/cmk/1" },
          keySize: 2048, secretName: "s", primaryKeyPath: "/a", disableLocalAuth: true, keyVault: `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`,
          linuxProfile: { ssh: { publicKeys: [{ keyData: "ssh-rsa AAAA" }] } }, env: [{ name: "MODEL", value: "m" }], tokenName: "t", storageAccountKey: "",
          // Names of keys, not keys: a pod's spread over a node label, a table's partition key field.
          topologySpreadConstraints: [{ topologyKey: "topology.kubernetes.io/zone" }], partitionKey: "/teamId",
      },
      violations: [{ patch: { adminPassword: "hunter2", servicePrincipalProfile: { secret: "s3cr3t" }, env: [{ name: "API_TOKEN", value: "abc" }], connectionString: "Endpoint=sb://x" },
                     messages: ["env[0].value (API_TOKEN) holds a plain value; make it a Pulumi secret", "adminPassword holds a plain value; make it a Pulumi secret", "servicePrincipalProfile.secret holds a plain value; make it a Pulumi secret", "connectionString holds a plain value; make it a Pulumi secret"] }] },
];
