/**
 * MlPlatform's created AKS clusters: one hardened `AksCluster` per `kubernetes.clusters` entry
 * with `create` settings (an entry with `existingId` adopts its cluster and creates nothing), in
 * the platform's resource group and region, in the stack's `aks` subnet when its network has one,
 * reporting to the platform's Log Analytics. Named `aks-<namePrefix>-<key>` (platform-names.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { aksClusterName } from "../platform-names";
import { AksCluster } from "./aks-cluster";
import type { PlatformKubernetesClusterArgs } from "./platform-kubernetes-args";

/** Where and with what the platform's clusters are created. */
export interface PlatformAksPlacement {
    /** The platform's resource group. */
    resourceGroupName: pulumi.Input<string>;
    /** The platform's region. */
    location: string;
    /** The platform's tags. */
    tags: Record<string, string>;
    /** Base of derived names. */
    namePrefix: string;
    /** The stack network's `aks` subnet, when it has one. */
    subnetId?: pulumi.Input<string>;
    /** Address space of the VNet the toolkit creates around that subnet (an adopted VNet's is unknown). */
    virtualNetworkAddressSpace?: string[];
    /** Entra ID tenant of the cluster's users (the deploying client's). */
    tenantId: pulumi.Input<string>;
    /** Subscription of the role definitions. */
    subscriptionId: pulumi.Input<string>;
    /** The platform's Log Analytics workspace. */
    logAnalyticsWorkspaceId: pulumi.Input<string>;
}

/** The clusters the platform creates, by cluster key; an adopted entry has none. */
export type PlatformAksClusters = Readonly<Record<string, AksCluster>>;

/** The ARM ID of each entry's cluster: the created cluster's `id`, or the adopted `existingId`. */
export function clusterIdOf(key: string, cluster: PlatformKubernetesClusterArgs, created: PlatformAksClusters): pulumi.Input<string> {
    const own = created[key];
    if (own) return own.id;
    if (cluster.existingId === undefined) throw new Error(`kubernetes.clusters.${key}: has neither existingId nor create`);
    return cluster.existingId;
}

/** One AksCluster per entry with `create`, under `parent`. */
export function createPlatformAksClusters(name: string, clusters: Readonly<Record<string, PlatformKubernetesClusterArgs>>, p: PlatformAksPlacement, parent: pulumi.Resource): PlatformAksClusters {
    const out: Record<string, AksCluster> = {};
    for (const [key, cluster] of Object.entries(clusters)) {
        // The one bring-your-own rule (bring-your-own.ts): adopt by ID or create, never both or neither.
        if (cluster.existingId !== undefined && cluster.create !== undefined) {
            throw new pulumi.ResourceError(`kubernetes.clusters.${key}.existingId: set together with create (set only existingId to adopt the cluster, or only create to create one)`, parent);
        }
        if (cluster.existingId === undefined && cluster.create === undefined) {
            throw new pulumi.ResourceError(`kubernetes.clusters.${key}: has neither existingId nor create (adopt a cluster by ID, or give create settings)`, parent);
        }
        if (cluster.create === undefined) continue;
        if (cluster.location !== undefined && cluster.location !== p.location) {
            throw new pulumi.ResourceError(`kubernetes.clusters.${key}.location: ${cluster.location}, but a created cluster goes in the platform's region (${p.location})`, parent);
        }
        out[key] = new AksCluster(
            `${name}-k8s-${key}-aks`,
            {
                ...cluster.create,
                resourceGroupName: p.resourceGroupName,
                location: p.location,
                tags: p.tags,
                clusterName: aksClusterName(p.namePrefix, key),
                tenantId: p.tenantId,
                subscriptionId: p.subscriptionId,
                logAnalyticsWorkspaceId: p.logAnalyticsWorkspaceId,
                subnetId: p.subnetId,
                virtualNetworkAddressSpace: p.subnetId === undefined ? undefined : p.virtualNetworkAddressSpace,
            },
            { parent },
        );
    }
    return out;
}
