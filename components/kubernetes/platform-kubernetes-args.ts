/**
 * The Kubernetes part of `MlPlatformArgs` (components/platform-args.ts): AKS clusters with their
 * AzureML extension, and the attachments of a workspace's `compute.kubernetes`.
 */
import type { AksClusterSettingsArgs } from "./aks-cluster";
import type { AzureMlExtensionSettingsArgs } from "./azureml-extension";
import type { KubernetesInstanceTypeArgs } from "./kubernetes-compute";

/** AzureML extension settings of one cluster: the component's own settings. */
export interface PlatformAzureMlExtensionArgs extends AzureMlExtensionSettingsArgs {}

/**
 * The settings of an AKS cluster MlPlatform creates: the component's own settings
 * (`AksClusterSettingsArgs`); the platform supplies resource group, region, tags, name, tenant,
 * subscription, Log Analytics and subnet.
 */
export interface PlatformAksClusterArgs extends AksClusterSettingsArgs {}

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
