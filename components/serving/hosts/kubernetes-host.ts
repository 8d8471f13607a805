/**
 * `host: kubernetes`: one endpoint as plain Kubernetes objects on an AKS cluster the stack created
 * (KubernetesEndpoint), with the kubelet's AcrPull on the workspace registry made once per cluster
 * and serving workspace. Requests are reported by the scoring app to the workspace's Application
 * Insights, which is what the endpoint's alerts watch.
 *
 * An adopted cluster (`kubernetes.clusters.<key>.existingId`) is refused (the config checks say so
 * first): the toolkit has neither its Entra ID kubeconfig nor its OIDC issuer and kubelet identity
 * without reading the cluster, and granting AcrPull to an identity it does not manage would change
 * a cluster it does not own.
 */
import * as pulumi from "@pulumi/pulumi";
import { grantRole } from "../../access/grant";
import { SERVING_DEFAULTS } from "../serving-defaults";
import type { KubernetesServiceType } from "../serving-enums";
import type { ServingCluster, ServingContext } from "../serving-context";
import type { CreatedEndpoint, HostInputs } from "./host";
import { KubernetesEndpoint } from "./kubernetes-endpoint";
import type { KubernetesAcceleratorArgs } from "./kubernetes-serving-manifests";
import { endpointTelemetryEnvironment } from "../endpoint-telemetry";

/** The kubelet pull grants made, per serving context and cluster key (one per workspace and cluster). */
const PULL_GRANTS = new WeakMap<ServingContext, Map<string, pulumi.Resource>>();

/** How a host built on this one (the FPGA host) varies it. */
export interface ClusterEndpointVariant {
    /** Host name in messages (`kubernetes`, `fpga`). */
    host: string;
    /** Pulumi name of the endpoint's component. */
    componentName: string;
    /** What the host adds on the cluster before the endpoint (e.g. a device plugin), and the device each pod needs. */
    prepare?: (clusterKey: string, cluster: ServingCluster, fail: (field: string, problem: string) => never) => { waitFor: pulumi.Resource[]; accelerator?: KubernetesAcceleratorArgs };
}

/** Creates one endpoint on this host. */
export function createKubernetesEndpoint(inputs: HostInputs): CreatedEndpoint {
    return createClusterEndpoint(inputs, { host: "kubernetes", componentName: `${inputs.ctx.name}-k8s-${inputs.key}` });
}

/** One endpoint as the Kubernetes host's objects on a created AKS cluster, as `variant` adapts them. */
export function createClusterEndpoint(inputs: HostInputs, variant: ClusterEndpointVariant): CreatedEndpoint {
    const { key, endpoint: e, ctx, artifacts, parent } = inputs;
    const where = `serving.endpoints.${key}`;
    const host = variant.host;
    const fail = (field: string, problem: string): never => {
        throw new pulumi.ResourceError(`${where}.${field}: ${problem}`, parent);
    };
    const clusterKey = e.cluster ?? fail("cluster", `required for host ${host} (a key of kubernetes.clusters)`);
    const cluster = ctx.clusters[clusterKey] ?? fail("cluster", `"${clusterKey}" is not a key of kubernetes.clusters`);
    if (!cluster.created || cluster.kubeconfig === undefined || cluster.oidcIssuerUrl === undefined || cluster.kubeletIdentityObjectId === undefined) {
        fail("cluster", `"${clusterKey}" is an adopted cluster; host ${host} needs a cluster the stack creates (kubernetes.clusters.${clusterKey}.create)`);
    }
    const imageKey = e.image ?? fail("image", `required for host ${host} (a key of serving.images)`);
    const image = artifacts.image(imageKey);
    const model = e.model !== undefined ? artifacts.model(e.model) : undefined;
    const d = SERVING_DEFAULTS;
    const prepared = variant.prepare?.(clusterKey, cluster, fail);
    const waitFor = [...cluster.ready, ...ctx.dependsOn, ...artifacts.resources, ...(prepared?.waitFor ?? [])];
    if (image.inWorkspaceRegistry) waitFor.push(kubeletPullGrant(ctx, clusterKey, cluster.kubeletIdentityObjectId as pulumi.Input<string>, parent));

    const component = new KubernetesEndpoint(
        variant.componentName,
        {
            spec: {
                key,
                clusterKey,
                namespace: e.namespace ?? key,
                image: image.reference,
                port: image.port,
                routes: image.routes,
                model: model && e.model !== undefined ? { ref: e.model, uri: model.uri } : undefined,
                // The telemetry names the endpoint's alerts filter on (endpoint-telemetry.ts), then the user's.
                environmentVariables: { ...endpointTelemetryEnvironment(key, undefined, ctx.teamKey).plain, ...(e.environmentVariables ?? {}) },
                secretEnvironmentVariableNames: Object.keys(e.secretEnvironmentVariables ?? {}),
                replicas: e.replicas ?? d["serving.endpoints.*.replicas"],
                maxReplicas: e.autoscale?.maxReplicas ?? d["serving.endpoints.*.autoscale.maxReplicas"],
                targetCpuUtilization: e.autoscale?.targetCpuUtilization ?? d["serving.endpoints.*.autoscale.targetCpuUtilization"],
                minAvailable: e.minAvailable ?? d["serving.endpoints.*.minAvailable"],
                resources: {
                    requests: { cpu: e.resources?.requests?.cpu ?? d["serving.endpoints.*.resources.requests.cpu"], memory: e.resources?.requests?.memory ?? d["serving.endpoints.*.resources.requests.memory"] },
                    limits: { cpu: e.resources?.limits?.cpu ?? d["serving.endpoints.*.resources.limits.cpu"], memory: e.resources?.limits?.memory ?? d["serving.endpoints.*.resources.limits.memory"] },
                },
                serviceType: (e.serviceType ?? d["serving.endpoints.*.serviceType"]) as KubernetesServiceType,
                allowFrom: e.allowFrom ?? ctx.virtualNetworkAddressSpace ?? [],
                accelerator: prepared?.accelerator,
            },
            kubeconfig: cluster.kubeconfig as pulumi.Input<string>,
            oidcIssuerUrl: cluster.oidcIssuerUrl as pulumi.Input<string>,
            applicationInsightsConnectionString: pulumi.output(ctx.workspace.applicationInsightsConnectionString).apply((c) => c ?? ""),
            secretEnvironmentVariables: e.secretEnvironmentVariables,
            modelStorageAccountId: model?.storageAccountId,
            applicationInsightsId: ctx.workspace.applicationInsightsId,
            identityNameBase: `${ctx.namePrefix}-${key}`,
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            tags: ctx.tags,
            subscriptionId: ctx.subscriptionId,
            uniqueBy: ctx.uniqueBy,
        },
        { parent, dependsOn: waitFor },
    );
    return { scoringUri: component.scoringUri, resource: component, metrics: { resourceId: ctx.workspace.applicationInsightsId, kind: "applicationInsights" } };
}

/**
 * AcrPull on the workspace registry for the cluster's kubelet identity, once per serving workspace
 * and cluster (a second assignment of the same role, principal and scope is refused by ARM with
 * RoleAssignmentExists). Named by the workspace and cluster, not by an endpoint, so adding or
 * removing endpoints never moves it.
 */
function kubeletPullGrant(ctx: ServingContext, clusterKey: string, kubeletObjectId: pulumi.Input<string>, parent: pulumi.Resource): pulumi.Resource {
    const made = PULL_GRANTS.get(ctx) ?? new Map<string, pulumi.Resource>();
    PULL_GRANTS.set(ctx, made);
    const existing = made.get(clusterKey);
    if (existing) return existing;
    const registryId = pulumi.output(ctx.workspace.registryId).apply((id) => {
        if (!id) throw new pulumi.ResourceError(`the serving workspace has no container registry for cluster ${clusterKey} to pull from`, parent);
        return id;
    });
    const grant = grantRole(
        `${ctx.name}-aks-${clusterKey}-acr-pull`,
        {
            scope: registryId,
            role: "acrPull",
            principalId: kubeletObjectId,
            principalType: "ServicePrincipal",
            subscriptionId: ctx.subscriptionId,
            identity: [...ctx.uniqueBy, "aks-kubelet", clusterKey, "registry"],
            description: `AKS cluster ${clusterKey}: the kubelet pulls the serving images of this workspace`,
        },
        { parent },
    );
    made.set(clusterKey, grant);
    return grant;
}
