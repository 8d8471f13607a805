/**
 * Nominal create durations per resource type: the one table the deploy-time estimate
 * (offline/critical-path.ts) reads. These are typical figures for a `pulumi up` that creates the
 * resource, NOT measurements and NOT guarantees: Azure's own durations vary by region, SKU and
 * load. Where a documentation page states a figure, its title/URL is the source; where no page
 * gives one, the source says "toolkit estimate" honestly (the figure is our order of magnitude
 * from typical ARM control-plane behaviour). Reviewed 2026-12-05.
 *
 * A type that is not listed gets {@link DEFAULT_PROVISIONING} and the plan names it, so a missing
 * row is visible instead of silently counted as zero. Components and providers take no time.
 */

/** One row: the nominal minutes to create a resource of the type, and where the figure comes from. */
export interface ProvisioningTime {
    /** Nominal create duration in minutes. */
    readonly minutes: number;
    /** Where the figure comes from: a doc page (title and URL) or "toolkit estimate". */
    readonly source: string;
    /** When the figure was last reviewed (ISO date). */
    readonly date: string;
}

const REVIEWED = "2026-12-05";
const ESTIMATE = "toolkit estimate";

const row = (minutes: number, source: string = ESTIMATE): ProvisioningTime => ({ minutes, source, date: REVIEWED });

/** Nominal create minutes per type token (azure-native, kubernetes, docker and the dynamic providers the stacks use). */
export const PROVISIONING_TIMES: Readonly<Record<string, ProvisioningTime>> = {
    // Resource groups, identities, role assignments and locks are synchronous ARM writes (seconds).
    "azure-native:resources:ResourceGroup": row(0.2, `${ESTIMATE} (synchronous ARM write)`),
    "azure-native:resources:Deployment": row(1, `${ESTIMATE} (a nested ARM deployment; its content decides)`),
    "azure-native:managedidentity:UserAssignedIdentity": row(0.2, `${ESTIMATE} (synchronous ARM write)`),
    "azure-native:managedidentity:FederatedIdentityCredential": row(0.2, `${ESTIMATE} (synchronous ARM write)`),
    "azure-native:authorization:RoleAssignment": row(0.5, `${ESTIMATE} (write is fast; Entra replication of a new principal adds seconds)`),
    "azure-native:authorization:ManagementLockByScope": row(0.2, `${ESTIMATE} (synchronous ARM write)`),

    // Network.
    "azure-native:network:VirtualNetwork": row(0.5, ESTIMATE),
    "azure-native:network:Subnet": row(0.5, ESTIMATE),
    "azure-native:network:NetworkSecurityGroup": row(0.5, ESTIMATE),
    "azure-native:network:PrivateEndpoint": row(2, `${ESTIMATE} (NIC + private link connection approval, usually 1-3 min)`),
    "azure-native:network:PrivateDnsZoneGroup": row(0.5, ESTIMATE),
    "azure-native:privatedns:PrivateZone": row(1, `${ESTIMATE} (global resource, ~1 min)`),
    "azure-native:privatedns:VirtualNetworkLink": row(1, `${ESTIMATE} (global resource, ~1 min)`),

    // Dependent services of the workspace.
    "azure-native:storage:StorageAccount": row(1, `${ESTIMATE} (asynchronous create, typically under a minute)`),
    "azure-native:storage:BlobServiceProperties": row(0.2, ESTIMATE),
    "azure-native:storage:FileServiceProperties": row(0.2, ESTIMATE),
    "azure-native:storage:BlobContainer": row(0.2, ESTIMATE),
    "azure-native:keyvault:Vault": row(1, `${ESTIMATE} (asynchronous create, typically under a minute)`),
    "azure-native:keyvault:Key": row(0.2, ESTIMATE),
    "azure-native:containerregistry:Registry": row(1, `${ESTIMATE} (asynchronous create, typically under a minute)`),
    "azure-native:containerregistry:ScopeMap": row(0.2, ESTIMATE),
    "azure-native:containerregistry:Token": row(0.2, ESTIMATE),
    "azure-native:operationalinsights:Workspace": row(1, ESTIMATE),
    "azure-native:applicationinsights:Component": row(0.5, ESTIMATE),

    // Monitoring.
    "azure-native:monitor:DiagnosticSetting": row(0.2, ESTIMATE),
    "azure-native:monitor:ActionGroup": row(0.2, ESTIMATE),
    "azure-native:monitor:MetricAlert": row(0.5, ESTIMATE),
    "azure-native:monitor:PrivateLinkScope": row(0.5, `${ESTIMATE} (global resource)`),
    "azure-native:monitor:PrivateLinkScopedResource": row(0.5, ESTIMATE),

    // Azure Machine Learning.
    // Creating a workspace with its managed network, CMK and private endpoints is the slowest
    // control-plane step in the platform; the portal tutorial (kloudvin "Anatomy of an Azure ML
    // workspace", https://www.kloudvin.com/article/azure-machine-learning-workspace-anatomy-compute-datastores-jobs)
    // shows ~2 minutes for a plain workspace; network isolation and CMK add several minutes.
    "azure-native:machinelearningservices:Workspace": row(5, `${ESTIMATE}: ~2 min for a plain workspace ("Anatomy of an Azure ML Workspace", https://www.kloudvin.com/article/azure-machine-learning-workspace-anatomy-compute-datastores-jobs); managed network and CMK add minutes`),
    "azure-native:machinelearningservices:Registry": row(5, `${ESTIMATE} (creates its own storage and registry)`),
    "azure-native:machinelearningservices:Compute": row(3, `${ESTIMATE} (cluster definition with 0 min nodes; no VM boots at create)`),
    "azure-native:machinelearningservices:Datastore": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:DataContainer": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:DataVersion": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:EnvironmentContainer": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:EnvironmentVersion": row(0.5, `${ESTIMATE} (registration only; the image build happens at first use)`),
    "azure-native:machinelearningservices:ModelContainer": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:ModelVersion": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:Schedule": row(0.2, ESTIMATE),
    "azure-native:machinelearningservices:OnlineEndpoint": row(3, `${ESTIMATE} (endpoint identity, DNS and routing)`),
    // A managed online deployment provisions VMs, pulls the image and waits for the readiness probe.
    // Microsoft Learn, "Deploy and score a machine learning model by using an online endpoint"
    // (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints): "This deployment
    // might take up to 15 minutes, depending on whether the underlying environment or image is being built
    // for the first time." The stacks pin prebuilt images by digest, so the nominal figure is below the cap.
    "azure-native:machinelearningservices:OnlineDeployment": row(12, `up to 15 min ("Deploy and score a machine learning model by using an online endpoint", https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints); 12 min nominal for a prebuilt image (toolkit estimate)`),

    // Kubernetes hosts.
    // Microsoft Learn, "Quickstart: Deploy an Azure Kubernetes Service (AKS) cluster using Azure CLI"
    // (https://learn.microsoft.com/azure/aks/learn/quick-kubernetes-deploy-cli): "After a few minutes, the
    // command completes"; Pulumi's azure-native AKS guide: "After 3-4 minutes, your cluster will be ready"
    // (https://pulumi.com/registry/packages/azure-native/how-to-guides/azure-py-aks/), both for a default
    // cluster; a private cluster with Entra ID and a system pool takes longer, hence 10 (toolkit estimate).
    "azure-native:containerservice:ManagedCluster": row(10, `"a few minutes" / 3-4 min for a default cluster ("Quickstart: Deploy an Azure Kubernetes Service (AKS) cluster using Azure CLI", https://learn.microsoft.com/azure/aks/learn/quick-kubernetes-deploy-cli; "Azure Kubernetes Service (AKS) Cluster using the native Azure Provider", https://pulumi.com/registry/packages/azure-native/how-to-guides/azure-py-aks/); 10 min for a private cluster (toolkit estimate)`),
    "azure-native:containerservice:AgentPool": row(5, `${ESTIMATE} (node VMs boot and join)`),
    // Microsoft Learn, "Troubleshoot Azure Machine Learning extension": the extension "is released as a helm
    // chart and installed by Helm V3" (https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-kubernetes-extension); no duration given.
    "azure-native:kubernetesconfiguration:Extension": row(5, `${ESTIMATE} (the AzureML extension installs a Helm chart and waits for its pods: "Troubleshoot Azure Machine Learning extension", https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-kubernetes-extension, gives no duration)`),
    "azure-native:containerinstance:ContainerGroup": row(3, `${ESTIMATE} (image pull and start; longer for large images)`),

    // IoT Edge: "Creating the hub takes a few minutes." (IoT hub create steps, https://github.com/epc-blockchain/MQTT-Push-Azure).
    "azure-native:iothub:IotHubResource": row(3, `"Creating the hub takes a few minutes." (https://github.com/epc-blockchain/MQTT-Push-Azure, Azure portal IoT hub steps)`),
    "pulumi-nodejs:dynamic/edge:IotEdgeDevice": row(0.2, `${ESTIMATE} (data-plane call)`),
    "pulumi-nodejs:dynamic/edge:IotEdgeDeployment": row(0.2, `${ESTIMATE} (data-plane call; devices apply it later)`),
    "pulumi-nodejs:dynamic/serving:ModelFolderUpload": row(1, `${ESTIMATE} (blob upload; depends on model size)`),

    // Image builds happen on the deploying machine.
    "docker:index/image:Image": row(5, `${ESTIMATE} (build + push; depends on the Dockerfile and cache)`),

    // Kubernetes objects: Pulumi waits for Deployments to be ready (await logic), the rest apply in seconds.
    "kubernetes:apps/v1:Deployment": row(2, `${ESTIMATE} (Pulumi waits for the rollout to be ready)`),
    "kubernetes:apps/v1:DaemonSet": row(2, `${ESTIMATE} (Pulumi waits for the rollout to be ready)`),
    "kubernetes:core/v1:Service": row(0.5, `${ESTIMATE} (Pulumi waits for endpoints; longer for a LoadBalancer IP)`),
    "kubernetes:core/v1:Namespace": row(0.1, ESTIMATE),
    "kubernetes:core/v1:Secret": row(0.1, ESTIMATE),
    "kubernetes:core/v1:ServiceAccount": row(0.1, ESTIMATE),
    "kubernetes:networking.k8s.io/v1:NetworkPolicy": row(0.1, ESTIMATE),
    "kubernetes:policy/v1:PodDisruptionBudget": row(0.1, ESTIMATE),
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": row(0.1, ESTIMATE),
    "kubernetes:amlarc.azureml.com/v1alpha1:InstanceType": row(0.1, ESTIMATE),
};

/** The figure for a custom resource whose type is not in the table: one minute, shown as a default in the plan. */
export const DEFAULT_PROVISIONING: ProvisioningTime = row(1, `${ESTIMATE}: default for a type not in offline/provisioning-times.ts`);

/** What the estimate uses for one resource. */
export interface NominalDuration {
    /** Minutes. */
    readonly minutes: number;
    /** The source of the figure. */
    readonly source: string;
    /** False when the type is not in the table and the default was used. */
    readonly known: boolean;
}

/** Components and providers create nothing in Azure: they take no time. */
const ZERO: NominalDuration = { minutes: 0, source: "component or provider: no cloud resource", known: true };

/** The nominal create duration of a resource of `type`; components (`custom` false) and providers take none. */
export function nominalDuration(type: string, custom: boolean): NominalDuration {
    if (!custom || type.startsWith("pulumi:providers:")) return ZERO;
    const hit = PROVISIONING_TIMES[type];
    return hit ? { minutes: hit.minutes, source: hit.source, known: true } : { minutes: DEFAULT_PROVISIONING.minutes, source: DEFAULT_PROVISIONING.source, known: false };
}
