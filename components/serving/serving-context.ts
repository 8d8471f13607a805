/**
 * Where a workspace's serving lands: everything the serving components need from the platform
 * (placement, the workspace and its associated resources, the network, the clusters and Kubernetes
 * computes), gathered by MlPlatform (platform.ts) once per serving workspace. Hosts read it; none
 * reaches back into the platform.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PublicNetworkAccess } from "../enums";
import type { AzureCloud } from "../clouds";
import type { PrivateDnsMode } from "../network/private-dns-zones";

/** The workspace (or hub project) that serves, and its associated resources. */
export interface ServingWorkspace {
    /** Workspace (or project) name. */
    name: pulumi.Input<string>;
    /** Workspace (or project) ARM ID. */
    id: pulumi.Input<string>;
    /** Principal ID of the workspace's identity. */
    principalId: pulumi.Input<string>;
    /** Default storage account ID (the hub's for a project): where local model folders are uploaded. */
    storageAccountId: pulumi.Input<string>;
    /** Container registry ID (the hub's for a project); undefined when the stack has none. */
    registryId: pulumi.Input<string | undefined>;
    /** Registry login server; undefined when the stack has none. */
    registryLoginServer: pulumi.Input<string | undefined>;
    /** Application Insights component ID (the hub's for a project). */
    applicationInsightsId: pulumi.Input<string>;
    /** Application Insights connection string (secret). */
    applicationInsightsConnectionString: pulumi.Input<string | undefined>;
}

/** An AKS cluster of `kubernetes.clusters`, as serving sees it. */
export interface ServingCluster {
    /** Cluster ARM ID. */
    id: pulumi.Input<string>;
    /** Whether the toolkit created it (and so has its Entra ID user kubeconfig). */
    created: boolean;
    /** The cluster-user kubeconfig (exec/kubelogin, secret) of a created cluster. */
    kubeconfig?: pulumi.Input<string>;
    /** OIDC issuer URL (workload identity) of a created cluster. */
    oidcIssuerUrl?: pulumi.Input<string>;
    /** Object ID of the kubelet identity (pulls images) of a created cluster. */
    kubeletIdentityObjectId?: pulumi.Input<string>;
    /** Kubernetes minor version the cluster runs, when the config pins one (e.g. `1.33`). */
    kubernetesVersion?: string;
    /** VM sizes of the user pools of a created cluster (the FPGA host needs an FPGA pool). */
    userPoolVmSizes?: string[];
    /** Image of the FPGA device plugin on a created cluster. Default: FPGA_DEVICE_PLUGIN.image. */
    fpgaDevicePluginImage?: string;
    /** Resources the in-cluster objects must wait for (the cluster, its extension and namespaces). */
    ready: pulumi.Resource[];
}

/** An attached Kubernetes compute of the serving workspace. */
export interface ServingKubernetesCompute {
    /** Compute ARM ID. */
    id: pulumi.Input<string>;
    /** Key of its cluster in `kubernetes.clusters`. */
    cluster: string;
    /** Namespace it runs in. */
    namespace: string;
    /** Instance type names it offers. */
    instanceTypes: string[];
    /** Its default instance type, when set. */
    defaultInstanceType?: string;
}

/** Where serving's own private endpoints go (an IoT hub's): the network component's subnet and zones. */
export interface ServingPrivateEndpoints {
    /** The private-endpoints subnet. */
    subnetId: pulumi.Input<string>;
    /** Cloud (selects zone names). */
    cloud: AzureCloud;
    /** DNS mode of the stack (`policyManaged`: no zone group). */
    dnsMode: PrivateDnsMode;
    /** Private DNS zone IDs by zone name (PrivateAccess.dnsZoneIds). */
    zoneIds: Readonly<Record<string, pulumi.Input<string>>>;
    /** Resources an endpoint waits for (the zones' network links). */
    dependsOn: pulumi.Resource[];
}

/** Everything serving needs from the platform, for one workspace. */
export interface ServingContext {
    /** Pulumi name prefix of the serving resources (e.g. `platform-team-risk`). */
    name: string;
    /** Team key, or undefined for the platform's own workspace. */
    teamKey?: string;
    /** Base of derived Azure names (`<namePrefix>` or `<namePrefix>-<team>`). */
    namePrefix: string;
    /** Stable strings naming the workspace (role assignment names, hashed suffixes). */
    uniqueBy: string[];
    /** Resource group. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region. */
    location: string;
    /** Tags of the workspace's resources. */
    tags: Record<string, string>;
    /** Subscription ID. */
    subscriptionId: pulumi.Input<string>;
    /** Tenant ID. */
    tenantId: pulumi.Input<string>;
    /** The serving workspace. */
    workspace: ServingWorkspace;
    /** The platform's model registry (models with `registry: platform`), when the stack has one. */
    modelRegistry?: { name: pulumi.Input<string>; id: pulumi.Input<string> };
    /** Public network access of the platform (`network.publicNetworkAccess`). */
    publicNetworkAccess: PublicNetworkAccess;
    /** Log Analytics workspace ID (container logs, diagnostics). */
    logAnalyticsWorkspaceId: pulumi.Input<string>;
    /** Delegated scoring subnet ID (container instances), when the stack has one. */
    scoringSubnetId?: pulumi.Input<string>;
    /** Address space of the virtual network, when the stack creates one (default allow rule of Kubernetes serving). */
    virtualNetworkAddressSpace?: string[];
    /** The platform's AKS clusters by key. */
    clusters: Readonly<Record<string, ServingCluster>>;
    /** The serving workspace's attached Kubernetes computes by compute name. */
    kubernetesComputes: Readonly<Record<string, ServingKubernetesCompute>>;
    /** Private endpoints of serving's own resources, when the stack has private access. */
    privateEndpoints?: ServingPrivateEndpoints;
    /** Resources serving waits for (private endpoints: without them nothing reaches the workspace). */
    dependsOn: pulumi.Resource[];
}
