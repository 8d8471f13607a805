/**
 * The `managedOnline` and `kubernetesOnline` hosts: one serving endpoint's config as an
 * {@link OnlineServingEndpoint} (online-endpoint.ts) in the serving workspace. What the host
 * decides here: the endpoint's name (platform-names.ts), public network access (the platform's
 * unless the endpoint says otherwise), each deployment's model asset, environment and instance
 * type (managed: Standard_DS3_v2; Kubernetes: the compute's default instance type, else the
 * extension's `defaultinstancetype`), and the deployments' outbound access.
 *
 * Outbound access of managed deployments ("Network isolation with managed online endpoints",
 * https://learn.microsoft.com/azure/machine-learning/concept-secure-online-endpoint, and "Secure
 * your managed online endpoints with network isolation",
 * https://learn.microsoft.com/azure/machine-learning/how-to-secure-online-endpoint): with the
 * legacy method a deployment's `egress_public_network_access: disabled` creates private endpoints
 * to the workspace's registry, storage and workspace; with a workspace managed virtual network the
 * flag "no longer applies" and the managed network's outbound rules govern. The host sets the flag
 * from the platform's exposure either way (Disabled in a private stack): correct under the legacy
 * method, ignored by Azure under a managed network, and visible to the policy pack in both.
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_INSTANCE_TYPE_NAME } from "../../kubernetes/instance-types";
import { onlineEndpointName } from "../../platform-names";
import { EndpointHost } from "../serving-enums";
import type { PlatformOnlineDeploymentArgs } from "../platform-serving-args";
import type { ServingContext, ServingKubernetesCompute } from "../serving-context";
import type { CreatedEndpoint, HostInputs } from "./host";
import { OnlineServingEndpoint, type OnlineServingDeploymentArgs } from "./online-endpoint";
import { MANAGED_ONLINE_DEFAULT_INSTANCE_TYPE } from "./online-endpoint-settings";
import { endpointTelemetryEnvironment } from "../endpoint-telemetry";

/** The instance type a deployment runs on when it names none. */
export function defaultOnlineInstanceType(host: EndpointHost, compute: ServingKubernetesCompute | undefined): string {
    if (host === EndpointHost.ManagedOnline) return MANAGED_ONLINE_DEFAULT_INSTANCE_TYPE;
    return compute?.defaultInstanceType ?? DEFAULT_INSTANCE_TYPE_NAME;
}

/** The config key of an endpoint (`serving.endpoints.<key>`, `teams.<team>.serving.endpoints.<key>`), for messages. */
function keyPathOf(ctx: ServingContext, key: string): string {
    return `${ctx.teamKey ? `teams.${ctx.teamKey}.` : ""}serving.endpoints.${key}`;
}

/**
 * Whether the endpoint identity needs a grant on a model's storage account. Azure grants it read on
 * the workspace's default storage itself, and a second grant would be refused as a duplicate: the
 * workspace's account (the same ID, or the very `ServingWorkspace.storageAccountId` value the
 * artifacts pass on for uploaded folders) gets none, any other account does.
 */
export function grantsModelStorage(model: pulumi.Input<string> | undefined, workspaceStorage: pulumi.Input<string>): boolean {
    if (model === undefined || model === workspaceStorage) return false;
    return !(typeof model === "string" && typeof workspaceStorage === "string" && model.toLowerCase() === workspaceStorage.toLowerCase());
}

/** Creates one online endpoint (managed or on attached Kubernetes compute). */
export function createOnlineEndpoint(inputs: HostInputs): CreatedEndpoint {
    const { key, endpoint: e, artifacts, ctx, parent } = inputs;
    const path = keyPathOf(ctx, key);
    const compute = e.host === EndpointHost.KubernetesOnline ? ctx.kubernetesComputes[e.compute ?? ""] : undefined;
    if (e.host === EndpointHost.KubernetesOnline && !compute) {
        throw new pulumi.ResourceError(`${path}.compute: "${e.compute ?? ""}" is not a Kubernetes compute of this workspace (${Object.keys(ctx.kubernetesComputes).join(", ") || "none"})`, parent);
    }
    const publicNetworkAccess = e.publicNetworkAccess ?? ctx.publicNetworkAccess;
    if (publicNetworkAccess === "Enabled" && ctx.publicNetworkAccess === "Disabled") {
        throw new pulumi.ResourceError(`${path}.publicNetworkAccess: Enabled in a stack whose network.publicNetworkAccess is Disabled`, parent);
    }
    const deployments: Record<string, OnlineServingDeploymentArgs> = {};
    const readStorage: Record<string, pulumi.Input<string>> = {};
    for (const [name, d] of Object.entries(e.deployments ?? {})) {
        deployments[name] = deploymentArgs(inputs, d, compute);
        const storage = artifacts.model(d.model).storageAccountId;
        if (grantsModelStorage(storage, ctx.workspace.storageAccountId)) readStorage[d.model.replace(/:/g, "-")] = storage as pulumi.Input<string>;
    }
    const created = new OnlineServingEndpoint(
        `${ctx.name}-endpoint-${key}`,
        {
            resourceGroupName: ctx.resourceGroupName,
            workspaceName: ctx.workspace.name,
            location: ctx.location,
            endpointName: onlineEndpointName(ctx.namePrefix, key, ctx.uniqueBy),
            host: e.host,
            authMode: e.authMode,
            publicNetworkAccess,
            computeId: compute?.id,
            description: e.description,
            deployments,
            readStorageAccountIds: readStorage,
            subscriptionId: ctx.subscriptionId,
            uniqueBy: ctx.uniqueBy,
            logAnalyticsWorkspaceId: ctx.logAnalyticsWorkspaceId,
            tags: ctx.tags,
        },
        { parent, dependsOn: [...ctx.dependsOn, ...artifacts.resources] },
    );
    return { scoringUri: created.scoringUri, resource: created, metrics: { resourceId: created.id, kind: "onlineEndpoint" } };
}

/** One deployment's component args from its config. */
function deploymentArgs(inputs: HostInputs, d: PlatformOnlineDeploymentArgs, compute: ServingKubernetesCompute | undefined): OnlineServingDeploymentArgs {
    const { endpoint: e, artifacts, ctx } = inputs;
    return {
        model: artifacts.model(d.model).assetId,
        environmentId: artifacts.environment(d.image),
        instanceType: d.instanceType ?? defaultOnlineInstanceType(e.host, compute),
        instanceCount: d.instanceCount,
        traffic: d.traffic,
        mirrorTraffic: d.mirrorTraffic,
        // The telemetry names the endpoint's availability alert filters on (endpoint-telemetry.ts), then the user's.
        environmentVariables: { ...endpointTelemetryEnvironment(inputs.key, undefined, ctx.teamKey).plain, ...(d.environmentVariables ?? {}) },
        requestSettings: d.requestSettings,
        scale: d.scale,
        egressPublicNetworkAccess: e.host === EndpointHost.ManagedOnline ? (d.egressPublicNetworkAccess ?? ctx.publicNetworkAccess) : undefined,
    };
}
