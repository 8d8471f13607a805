/**
 * MlPlatform's Kubernetes part: one AzureML extension per `kubernetes.clusters` entry (never one
 * per team: every workspace attaching the cluster shares it), and each workspace's
 * `compute.kubernetes` attachments, each after its cluster's extension.
 */
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_DEFAULTS as D } from "../defaults";
import type { PlacementArgs } from "../placement";
import type { PlatformSettings } from "../platform-settings";
import { AksClusterObjects, type AksClusterAttachmentArgs } from "./aks-cluster-objects";
import { AzureMlExtension } from "./azureml-extension";
import { clusterIdOf, type PlatformAksClusters } from "./platform-aks";
import { KubernetesCompute } from "./kubernetes-compute";
import type { PlatformKubernetesComputeArgs } from "./platform-kubernetes-args";

/** The AzureML extensions of the platform, by cluster key. */
export type PlatformExtensions = Readonly<Record<string, AzureMlExtension>>;

/**
 * One extension per cluster of `kubernetes.clusters`, under the platform component. On a created
 * cluster it waits for the whole AksCluster, user pools included: the extension's pods cannot run
 * on the tainted system pool.
 */
export function createAzureMlExtensions(name: string, c: PlatformSettings, parent: pulumi.Resource, created: PlatformAksClusters = {}): PlatformExtensions {
    return Object.fromEntries(
        Object.entries(c.kubernetes.clusters).map(([key, cluster]) => [
            key,
            new AzureMlExtension(
                `${name}-k8s-${key}-azureml`,
                {
                    ...cluster.azureml,
                    clusterId: clusterIdOf(key, cluster, created),
                    clusterLocation: cluster.location ?? c.location,
                    privateNetwork: c.network.publicNetworkAccess === "Disabled",
                    // MlPlatformArgs names no environment; `protect` is what the stack program turns on in production.
                    production: c.protection.protect,
                },
                { parent, dependsOn: created[key] ? [created[key]] : undefined },
            ),
        ]),
    );
}

/** The in-cluster objects of the platform's created clusters, by cluster key (an adopted cluster has none). */
export type PlatformClusterObjects = Readonly<Record<string, AksClusterObjects>>;

/**
 * For each CREATED cluster: its Entra ID Kubernetes provider, and the namespaces and InstanceTypes
 * of every attachment of it (the platform workspace's and every team's), after its extension. An
 * adopted cluster (`existingId`) gets nothing: the toolkit has no credentials policy for a foreign
 * cluster, so its namespaces and instance types stay the cluster owner's job.
 */
export function createClusterObjects(name: string, c: PlatformSettings, parent: pulumi.Resource, created: PlatformAksClusters, extensions: PlatformExtensions): PlatformClusterObjects {
    const all = [c.compute.kubernetes, ...Object.values(c.teams).map((t) => t.compute.kubernetes)].flatMap((k) => Object.values(k));
    const out: Record<string, AksClusterObjects> = {};
    for (const [key, aks] of Object.entries(created)) {
        const attachments: AksClusterAttachmentArgs[] = all
            .filter((k) => k.cluster === key)
            .map((k) => ({ namespace: k.namespace ?? D["compute.kubernetes.*.namespace"], instanceTypes: k.instanceTypes, defaultInstanceType: k.defaultInstanceType }));
        out[key] = new AksClusterObjects(`${name}-k8s-${key}-objects`, { clusterKey: key, kubeconfig: aks.userKubeconfig, attachments }, { parent, dependsOn: [extensions[key]] });
    }
    return out;
}

/** The workspace a set of attachments goes to, and what its computes are granted on. */
export interface KubernetesAttachTarget {
    /** The platform's extensions by cluster key. */
    extensions: PlatformExtensions;
    /** Stable strings naming the workspace (role assignment names). */
    uniqueBy: string[];
    /** Subscription of the role definitions. */
    subscriptionId: pulumi.Input<string>;
    /** Workspace storage (Storage Blob Data Contributor for each compute). */
    storageAccountId?: pulumi.Input<string>;
    /** Workspace registry (AcrPull for each compute); undefined while the stack has none. */
    containerRegistryId?: pulumi.Input<string>;
    /** The workspace's user-assigned identity, which attach needs granted on the cluster. */
    workspaceUserAssignedPrincipalId?: pulumi.Input<string>;
    /** In-cluster objects of the created clusters: an attachment waits for its namespace. Default none. */
    clusterObjects?: PlatformClusterObjects;
}

/** The `Kubernetes` computes of one workspace, each depending on its cluster's extension. */
export function attachKubernetes(
    name: string,
    computes: Readonly<Record<string, PlatformKubernetesComputeArgs>>,
    placement: PlacementArgs & { workspaceName: pulumi.Input<string> },
    target: KubernetesAttachTarget,
    dependsOn: pulumi.Resource[],
    parent: pulumi.Resource,
): Record<string, KubernetesCompute> {
    const created: Record<string, KubernetesCompute> = {};
    // ARM refuses a second assignment of one role to one principal at one scope: the workspace
    // identity's grants on a cluster come with its first attachment, and later attachments of the
    // same cluster wait for that one.
    const firstOfCluster = new Map<string, KubernetesCompute>();
    for (const [computeName, k] of Object.entries(computes)) {
        const extension = target.extensions[k.cluster];
        if (!extension) throw new pulumi.ResourceError(`compute.kubernetes.${computeName}.cluster: "${k.cluster}" is not a key of kubernetes.clusters`, parent);
        const first = firstOfCluster.get(k.cluster);
        // Attach neither creates nor checks the namespace: on a created cluster it must exist first.
        const namespace = target.clusterObjects?.[k.cluster]?.namespace(k.namespace ?? D["compute.kubernetes.*.namespace"]);
        const attachment = new KubernetesCompute(
            `${name}-k8s-${computeName}`,
            {
                resourceGroupName: placement.resourceGroupName,
                workspaceName: placement.workspaceName,
                location: placement.location,
                tags: placement.tags,
                computeName,
                clusterId: extension.clusterId,
                namespace: k.namespace,
                defaultInstanceType: k.defaultInstanceType,
                instanceTypes: k.instanceTypes,
                extensionPrincipalId: extension.principalId,
                extensionReleaseTrain: extension.releaseTrain,
                storageAccountId: target.storageAccountId,
                containerRegistryId: target.containerRegistryId,
                workspaceUserAssignedPrincipalId: first ? undefined : target.workspaceUserAssignedPrincipalId,
                subscriptionId: target.subscriptionId,
                // The cluster key keeps the workspace identity's grants on two clusters apart.
                uniqueBy: [...target.uniqueBy, `cluster:${k.cluster}`],
            },
            { parent, dependsOn: [extension, ...dependsOn, ...(first ? [first] : []), ...(namespace ? [namespace] : [])] },
        );
        if (!first) firstOfCluster.set(k.cluster, attachment);
        created[computeName] = attachment;
    }
    return created;
}
