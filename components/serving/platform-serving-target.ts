/**
 * The serving context of one workspace from the platform's parts (MlPlatform calls this; the
 * serving components only see the ServingContext it returns). A hub's project serves with the
 * hub's storage, registry and Application Insights, which it shares.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AksCluster } from "../kubernetes/aks-cluster";
import type { AzureMlExtension } from "../kubernetes/azureml-extension";
import type { AksClusterObjects } from "../kubernetes/aks-cluster-objects";
import type { PlatformKubernetesClusterArgs, PlatformKubernetesComputeArgs } from "../kubernetes/platform-kubernetes-args";
import type { ServingCluster, ServingKubernetesCompute, ServingWorkspace } from "./serving-context";

/** The platform's clusters as serving sees them: created ones with their credentials, adopted ones by ID. */
export function servingClusters(
    clusters: Readonly<Record<string, PlatformKubernetesClusterArgs>>,
    created: Readonly<Record<string, AksCluster>>,
    extensions: Readonly<Record<string, AzureMlExtension>>,
    objects: Readonly<Record<string, AksClusterObjects>>,
): Record<string, ServingCluster> {
    return Object.fromEntries(
        Object.entries(clusters).map(([key, cluster]) => {
            const aks = created[key];
            const ready: pulumi.Resource[] = [...(aks ? [aks] : []), ...(extensions[key] ? [extensions[key]] : []), ...(objects[key] ? [objects[key]] : [])];
            const entry: ServingCluster = aks
                ? { id: aks.id, created: true, kubeconfig: aks.userKubeconfig, oidcIssuerUrl: aks.oidcIssuerUrl, kubeletIdentityObjectId: aks.kubeletIdentityObjectId, kubernetesVersion: cluster.create?.kubernetesVersion, userPoolVmSizes: (cluster.create?.userPools ?? []).map((p) => p.vmSize), fpgaDevicePluginImage: cluster.create?.fpgaDevicePluginImage, ready }
                : { id: cluster.existingId as string, created: false, ready };
            return [key, entry];
        }),
    );
}

/** The workspace's attached Kubernetes computes with what serving checks of them. */
export function servingKubernetesComputes(
    declared: Readonly<Record<string, PlatformKubernetesComputeArgs>>,
    created: Readonly<Record<string, { id: pulumi.Input<string> }>>,
    defaultNamespace: string,
): Record<string, ServingKubernetesCompute> {
    return Object.fromEntries(
        Object.entries(declared)
            .filter(([computeName]) => created[computeName] !== undefined)
            .map(([computeName, k]) => [
                computeName,
                { id: created[computeName].id, cluster: k.cluster, namespace: k.namespace ?? defaultNamespace, instanceTypes: Object.keys(k.instanceTypes ?? {}), defaultInstanceType: k.defaultInstanceType },
            ]),
    );
}

/** The parts of a workspace component serving reads (a Workspace, or a hub's for its projects). */
export interface ServingWorkspaceSource {
    storageAccountId: pulumi.Input<string>;
    containerRegistryId: pulumi.Input<string | undefined>;
    registryLoginServer: pulumi.Input<string | undefined>;
    applicationInsightsId: pulumi.Input<string>;
    applicationInsightsConnectionString: pulumi.Input<string | undefined>;
}

/** The serving workspace: its own name, ID and identity, the associated resources of `source` (itself, or the hub). */
export function servingWorkspace(own: { workspaceName: pulumi.Input<string>; id: pulumi.Input<string>; principalId: pulumi.Input<string> }, source: ServingWorkspaceSource): ServingWorkspace {
    return {
        name: own.workspaceName,
        id: own.id,
        principalId: own.principalId,
        storageAccountId: source.storageAccountId,
        registryId: source.containerRegistryId,
        registryLoginServer: source.registryLoginServer,
        applicationInsightsId: source.applicationInsightsId,
        applicationInsightsConnectionString: source.applicationInsightsConnectionString,
    };
}
