/**
 * The Kubernetes part of `MlPlatformArgs` (components/platform-args.ts): AKS clusters with their
 * AzureML extension, and the attachments of a workspace's `compute.kubernetes`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { InferenceRouterServiceType } from "../enums";
import type { AksApiServerArgs, AksNodePoolArgs, AksSystemPoolArgs } from "./aks-cluster";
import type { AksNetworkPolicy, AksNodeOsUpgradeChannel, AksSkuTier, AksUpgradeChannel } from "./aks-enums";
import type { KubernetesInstanceTypeArgs } from "./kubernetes-compute";

/** AzureML extension settings of one cluster. */
export interface PlatformAzureMlExtensionArgs {
    /** Run training jobs. Required. */
    enableTraining: boolean;
    /** Serve online endpoints. Required. */
    enableInference: boolean;
    /** How the inference router is exposed. Default `loadBalancer`. */
    inferenceRouterServiceType?: InferenceRouterServiceType;
    /** An Azure internal load balancer for the router. Default true. */
    internalLoadBalancer?: boolean;
    /** Plain HTTP inference. Default false. */
    allowInsecureConnections?: boolean;
    /** DNS name of the HTTPS endpoint. Default none. */
    sslCname?: string;
    /** Kubernetes secret (azureml namespace) with cert.pem and key.pem. Default none. */
    sslSecretName?: string;
    /** PEM certificate (sent as a secret). Default none. */
    sslCertPem?: pulumi.Input<string>;
    /** PEM private key (sent as a secret). Default none. */
    sslKeyPem?: pulumi.Input<string>;
    /** Three router replicas. Default true. */
    inferenceRouterHA?: boolean;
    /** NVIDIA device plugin. Default false. */
    installNvidiaDevicePlugin?: boolean;
    /** Prometheus operator. Default true. */
    installPromOp?: boolean;
    /** Volcano scheduler. Default true. */
    installVolcano?: boolean;
    /** DCGM exporter. Default false. */
    installDcgmExporter?: boolean;
    /** Node labels the extension's workloads are restricted to. Default none. */
    nodeSelector?: { [label: string]: string };
    /** Release train. Default `stable`. */
    releaseTrain?: string;
    /** Automatic minor upgrades. Default true. */
    autoUpgradeMinorVersion?: boolean;
}

/**
 * The settings of an AKS cluster MlPlatform creates (`AksClusterArgs` without what the platform
 * supplies: resource group, region, tags, name, tenant, subscription, Log Analytics, subnet).
 */
export interface PlatformAksClusterArgs {
    /** Kubernetes version, `1.30` or `1.30.4`. Default: AKS's default version at creation. */
    kubernetesVersion?: string;
    /** Control-plane tier. Default `Standard`. */
    skuTier?: AksSkuTier;
    /** Entra ID groups given cluster admin through Azure RBAC. Default none. */
    adminGroupObjectIds?: pulumi.Input<string>[];
    /** API server access. Default private. */
    apiServer?: AksApiServerArgs;
    /** Network policy engine. Default `cilium`. */
    networkPolicy?: AksNetworkPolicy;
    /** Service CIDR. Default `172.16.0.0/16`. */
    serviceCidr?: string;
    /** CoreDNS service IP. Default `172.16.0.10`. */
    dnsServiceIp?: string;
    /** Overlay pod CIDR. Default `10.244.0.0/16`. */
    podCidr?: string;
    /** Cluster auto-upgrade channel. Default `stable`. */
    upgradeChannel?: AksUpgradeChannel;
    /** Node OS upgrade channel. Default `NodeImage`. */
    nodeOsUpgradeChannel?: AksNodeOsUpgradeChannel;
    /** Defender for Containers. Default true. */
    defender?: boolean;
    /** Keep local accounts enabled (the AzureML extension needs true). Default false. */
    localAccounts?: boolean;
    /** The system pool. Default `system`, Standard_D4ds_v5, 2-3 nodes. */
    systemPool?: AksSystemPoolArgs;
    /** User pools (the AzureML extension's pods run there: the system pool is tainted). Default none. */
    userPools?: AksNodePoolArgs[];
}

/** One AKS cluster the platform's workspaces may attach: adopted by `existingId`, or created from `create`. */
export interface PlatformKubernetesClusterArgs {
    /** ARM ID of an existing `Microsoft.ContainerService/managedClusters` to adopt. Default none (set this or `create`). */
    existingId?: string;
    /** Settings of a cluster to create (named `aks-<namePrefix>-<key>`). Default none (set this or `existingId`). */
    create?: PlatformAksClusterArgs;
    /** Region of the cluster. Default the platform's location. */
    location?: string;
    /** Its AzureML extension. Required. */
    azureml: PlatformAzureMlExtensionArgs;
}

/** Kubernetes clusters of the platform. */
export interface PlatformKubernetesArgs {
    /** Clusters by stable key (`compute.kubernetes.*.cluster` names one). Default none. */
    clusters?: { [clusterKey: string]: PlatformKubernetesClusterArgs };
}

/** An attachment of a cluster to a workspace as a `Kubernetes` compute target. */
export interface PlatformKubernetesComputeArgs {
    /** Key of the cluster in `kubernetes.clusters`. Required. */
    cluster: string;
    /** Existing namespace the workloads run in. Default `default`. */
    namespace?: string;
    /** Instance type used when none is named. Default the extension's `defaultinstancetype`. */
    defaultInstanceType?: string;
    /** Instance types by name. Default none. */
    instanceTypes?: { [name: string]: KubernetesInstanceTypeArgs };
}
