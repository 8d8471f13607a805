/**
 * An Azure ML online endpoint with its deployments and their traffic: the resources of the
 * `managedOnline` and `kubernetesOnline` hosts (online-endpoint-host.ts maps the serving config
 * here; a library user can create one directly).
 *
 * The traffic problem: ARM refuses an endpoint whose `traffic` names a deployment that does not
 * exist, and a deployment needs its endpoint first. So the endpoint is created without traffic
 * (`ignoreChanges` on `properties.traffic` and `properties.mirrorTraffic`, so a refresh that reads
 * the live split never makes the next update erase it), the deployments after it, and then an ARM
 * template deployment (`Microsoft.Resources/deployments`, incremental mode) PUTs the endpoint again
 * with the same properties plus `traffic` and `mirrorTraffic`: the documented way to set traffic
 * ("Perform safe rollout of new deployments for real-time inference",
 * https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints:
 * `az ml online-endpoint update --traffic "blue=90 green=10"` is a PUT of the whole endpoint; the
 * ARM template tab of "Deploy and score a machine learning model by using an online endpoint",
 * https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints, deploys the
 * endpoint template again after the deployment). The template carries the endpoint's whole body,
 * so any change of the endpoint is followed, in the same update, by the PUT that restores traffic;
 * deleting a template deployment never deletes what it deployed ("Deployment history",
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/deployment-history). A second
 * azure-native OnlineEndpoint of the same name is no alternative: the provider refuses to create a
 * resource that already exists. Removing a deployment updates the traffic first (Pulumi deletes
 * after it updates), then deletes the deployment. Deployments and the traffic template are
 * `deletedWith` the endpoint: deleting an endpoint deletes its deployments.
 *
 * Identity: system-assigned. Azure grants it AcrPull on the workspace's registry and Storage Blob
 * Data Reader on the workspace's default storage itself ("Authentication and authorization for
 * online endpoints", automatic role assignment for endpoint identity,
 * https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth); the toolkit
 * grants only what Azure does not: Storage Blob Data Reader on other accounts holding model files
 * (`readStorageAccountIds`). Granting the automatic roles again would be refused as a duplicate.
 *
 * ARM shapes: "Microsoft.MachineLearningServices workspaces/onlineEndpoints" and
 * ".../onlineEndpoints/deployments" (https://learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces/onlineendpoints).
 */
import * as pulumi from "@pulumi/pulumi";
import { OnlineDeployment, OnlineEndpoint } from "@pulumi/azure-native/machinelearningservices";
import { Deployment } from "@pulumi/azure-native/resources";
import type { PublicNetworkAccess } from "../../enums";
import { grantRole } from "../../access/grant";
import { DIAGNOSTICS, sendDiagnostics } from "../../monitoring/diagnostics";
import { nameProblem } from "../../naming";
import { onlineEndpointTrafficDeploymentName } from "../../platform-names";
import { SERVING_DEFAULTS } from "../serving-defaults";
import { EndpointHost, type EndpointAuthMode } from "../serving-enums";
import type { PlatformDeploymentScaleArgs, PlatformRequestSettingsArgs } from "../platform-serving-args";
import { ARM_AUTH_MODE, AUTH_MODES_BY_HOST, ENDPOINT_COMPUTE_TYPE, isOnlineHost, MIRROR_HOSTS, PROBE_SETTINGS, resolveTraffic, trafficMapProblems } from "./online-endpoint-settings";

/** The API version the traffic template PUTs the endpoint with (the azure-native module's, 2025-12-01). */
export const ONLINE_ENDPOINT_API_VERSION = "2025-12-01";

/** One deployment of an {@link OnlineServingEndpoint}. */
export interface OnlineServingDeploymentArgs {
    /** ARM ID (or `azureml://registries/...` asset ID) of the model version served. Required. */
    model: pulumi.Input<string>;
    /** ARM ID of the environment version of the scoring image (its inference config names the routes and port). Required. */
    environmentId: pulumi.Input<string>;
    /** VM size (managed) or instance type of the Kubernetes compute. Required. */
    instanceType: string;
    /** Instances; the minimum with `scale`. Default 1. */
    instanceCount?: number;
    /** Percent of live traffic. Default 100 for the only deployment, else 0. */
    traffic?: number;
    /** Percent of live traffic mirrored here (responses discarded; managed only). Default 0. */
    mirrorTraffic?: number;
    /** Plain environment variables. Default: none. */
    environmentVariables?: { [name: string]: string };
    /** Request handling. Default: 1 concurrent request, `PT5S` timeout, `PT0.5S` queue wait. */
    requestSettings?: PlatformRequestSettingsArgs;
    /** Utilization autoscaling from `instanceCount` to `maxInstances`. Default: none (fixed `instanceCount`). */
    scale?: PlatformDeploymentScaleArgs;
    /** Outbound public network access of a managed deployment (legacy network isolation). Default `Disabled`. */
    egressPublicNetworkAccess?: PublicNetworkAccess;
    /** Application Insights logging of the deployment. Default true. */
    appInsightsEnabled?: boolean;
    /** Description. Default: none. */
    description?: string;
}

/** Arguments of {@link OnlineServingEndpoint}. */
export interface OnlineServingEndpointArgs {
    /** Resource group of the workspace. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace (or project) serving. Required. */
    workspaceName: pulumi.Input<string>;
    /** Azure region (the workspace's). Required. */
    location: string;
    /** Endpoint name: 3-32 letters, digits and hyphens, unique in the region (platform-names.ts derives one). Required. */
    endpointName: string;
    /** `managedOnline` or `kubernetesOnline`. Required. */
    host: EndpointHost;
    /** Client authentication. Default `aadToken` (`amlToken` or `key` on Kubernetes, which has no Entra tokens). */
    authMode?: EndpointAuthMode;
    /** Public network access of the scoring URI. Default `Disabled`. */
    publicNetworkAccess?: PublicNetworkAccess;
    /** ARM ID of the attached Kubernetes compute (kubernetesOnline). Default: none (required for kubernetesOnline). */
    computeId?: pulumi.Input<string>;
    /** Description. Default: none. */
    description?: string;
    /** Deployments by name (3-32 letters, digits, hyphens). Required (at least one). */
    deployments: { [name: string]: OnlineServingDeploymentArgs };
    /** Storage accounts besides the workspace's default holding model files, by a stable label: the endpoint identity reads them. Default: none. */
    readStorageAccountIds?: { [label: string]: pulumi.Input<string> };
    /** Subscription of the role definitions of those grants. Default: none (required with `readStorageAccountIds`). */
    subscriptionId?: pulumi.Input<string>;
    /** Stable strings naming the workspace (role assignment names). Default: none (the endpoint name alone). */
    uniqueBy?: string[];
    /** Log Analytics workspace the endpoint's console, event and traffic logs and metrics go to. Default: none (no diagnostic setting). */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Tags of the endpoint and its deployments. Default: none. */
    tags?: { [key: string]: string };
}

/** What {@link OnlineServingEndpoint} refuses before creating anything (names, auth mode, traffic). */
export function onlineServingEndpointArgProblems(a: OnlineServingEndpointArgs): string[] {
    const out: string[] = [];
    if (!isOnlineHost(a.host)) out.push(`host "${String(a.host)}" is not an online host (managedOnline, kubernetesOnline)`);
    const endpointName = nameProblem("onlineEndpoint", a.endpointName);
    if (endpointName) out.push(`endpointName: ${endpointName}`);
    const auth = a.authMode ?? SERVING_DEFAULTS["serving.endpoints.*.authMode"];
    const offered = AUTH_MODES_BY_HOST[a.host] ?? [];
    if (isOnlineHost(a.host) && !offered.includes(auth)) out.push(`authMode ${auth}: a ${a.host} endpoint offers ${offered.join(", ")}`);
    if (a.host === EndpointHost.KubernetesOnline && a.computeId === undefined) out.push("computeId is required for a kubernetesOnline endpoint");
    const names = Object.keys(a.deployments);
    if (names.length === 0) out.push("deployments: at least one is required");
    for (const n of names) {
        const bad = nameProblem("onlineDeployment", n);
        if (bad) out.push(`deployments.${n}: ${bad}`);
        const d = a.deployments[n];
        if (d.scale && d.scale.maxInstances < (d.instanceCount ?? SERVING_DEFAULTS["serving.endpoints.*.deployments.*.instanceCount"])) out.push(`deployments.${n}.scale.maxInstances is below instanceCount`);
    }
    for (const p of trafficMapProblems(resolveTraffic(a.deployments), names, MIRROR_HOSTS.includes(a.host))) out.push(`${p.key}: ${p.problem}`);
    if (Object.keys(a.readStorageAccountIds ?? {}).length > 0 && a.subscriptionId === undefined) out.push("subscriptionId is required with readStorageAccountIds");
    return out;
}

/**
 * An online endpoint, its deployments, the traffic split between them, and the grants its
 * identity needs beyond Azure's own (see the module comment).
 */
export class OnlineServingEndpoint extends pulumi.ComponentResource {
    /** Endpoint ARM ID. */
    readonly id: pulumi.Output<string>;
    /** Endpoint name. */
    readonly endpointName: pulumi.Output<string>;
    /** The URI clients call. */
    readonly scoringUri: pulumi.Output<string>;
    /** Principal ID of the endpoint's system-assigned identity. */
    readonly principalId: pulumi.Output<string>;
    /** Live traffic by deployment, as set. */
    readonly traffic: pulumi.Output<Record<string, number>>;

    constructor(name: string, args: OnlineServingEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:OnlineServingEndpoint", name, {}, opts);
        const problems = onlineServingEndpointArgProblems(args);
        if (problems.length > 0) throw new pulumi.ResourceError(`OnlineServingEndpoint ${args.endpointName}: ${problems.join("; ")}`, this);
        const authMode = ARM_AUTH_MODE[args.authMode ?? SERVING_DEFAULTS["serving.endpoints.*.authMode"]];
        const publicNetworkAccess = args.publicNetworkAccess ?? "Disabled";
        const properties = {
            authMode,
            publicNetworkAccess,
            description: args.description,
            ...(args.host === EndpointHost.KubernetesOnline ? { compute: args.computeId } : {}),
        };
        const identity = { type: "SystemAssigned" };
        // Created without traffic; the template below sets it once the deployments exist.
        const endpoint = new OnlineEndpoint(
            `${name}-endpoint`,
            { resourceGroupName: args.resourceGroupName, workspaceName: args.workspaceName, endpointName: args.endpointName, location: args.location, identity, properties, tags: args.tags },
            { parent: this, dependsOn: opts?.dependsOn, ignoreChanges: ["properties.traffic", "properties.mirrorTraffic"] },
        );
        if (args.logAnalyticsWorkspaceId !== undefined) sendDiagnostics(`${name}-diagnostics`, endpoint.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.onlineEndpoint, { parent: this });
        const principalId = endpoint.identity.apply((i) => i?.principalId ?? "");
        const grants = Object.entries(args.readStorageAccountIds ?? {}).map(([label, scope]) =>
            grantRole(`${name}-model-reader-${label.replace(/[^A-Za-z0-9-]/g, "-")}`, {
                scope,
                role: "storageBlobDataReader",
                principalId,
                principalType: "ServicePrincipal",
                subscriptionId: args.subscriptionId as pulumi.Input<string>,
                identity: [...(args.uniqueBy ?? []), `online-endpoint:${args.endpointName}`, `model-storage:${label}`],
                description: `Online endpoint ${args.endpointName} reads the model files of ${label}`,
            }, { parent: this }),
        );
        const deployments = Object.entries(args.deployments).map(([deploymentName, d]) => this.deployment(name, args, endpoint, deploymentName, d, grants));
        const traffic = resolveTraffic(args.deployments);
        new Deployment(
            `${name}-traffic`,
            {
                resourceGroupName: args.resourceGroupName,
                deploymentName: onlineEndpointTrafficDeploymentName(args.endpointName),
                properties: {
                    mode: "Incremental",
                    template: trafficTemplate(),
                    parameters: {
                        name: { value: pulumi.interpolate`${args.workspaceName}/${args.endpointName}` },
                        location: { value: args.location },
                        tags: { value: args.tags ?? {} },
                        properties: { value: { ...properties, traffic: traffic.traffic, mirrorTraffic: traffic.mirrorTraffic } },
                    },
                },
                tags: args.tags,
            },
            { parent: this, dependsOn: [endpoint, ...deployments], deletedWith: endpoint },
        );
        this.id = endpoint.id;
        this.endpointName = endpoint.name;
        this.scoringUri = endpoint.properties.apply((p) => p.scoringUri ?? "");
        this.principalId = principalId;
        this.traffic = pulumi.output(traffic.traffic);
        this.registerOutputs({ id: this.id, endpointName: this.endpointName, scoringUri: this.scoringUri, principalId: this.principalId, traffic: this.traffic });
    }

    /** One deployment: waits for the endpoint and the identity's grants (it pulls and reads at start). */
    private deployment(name: string, args: OnlineServingEndpointArgs, endpoint: OnlineEndpoint, deploymentName: string, d: OnlineServingDeploymentArgs, grants: pulumi.Resource[]): OnlineDeployment {
        const instanceCount = d.instanceCount ?? SERVING_DEFAULTS["serving.endpoints.*.deployments.*.instanceCount"];
        const rs = d.requestSettings ?? {};
        const probe = { ...PROBE_SETTINGS };
        const common = {
            model: d.model,
            environmentId: d.environmentId,
            instanceType: d.instanceType,
            description: d.description,
            environmentVariables: d.environmentVariables,
            appInsightsEnabled: d.appInsightsEnabled ?? true,
            requestSettings: {
                maxConcurrentRequestsPerInstance: rs.maxConcurrentRequestsPerInstance ?? SERVING_DEFAULTS["serving.endpoints.*.deployments.*.requestSettings.maxConcurrentRequestsPerInstance"],
                requestTimeout: rs.requestTimeout ?? SERVING_DEFAULTS["serving.endpoints.*.deployments.*.requestSettings.requestTimeout"],
                maxQueueWait: rs.maxQueueWait ?? SERVING_DEFAULTS["serving.endpoints.*.deployments.*.requestSettings.maxQueueWait"],
            },
            scaleSettings: d.scale
                ? {
                      scaleType: "TargetUtilization" as const,
                      minInstances: instanceCount,
                      maxInstances: d.scale.maxInstances,
                      targetUtilizationPercentage: d.scale.targetUtilization ?? SERVING_DEFAULTS["serving.endpoints.*.deployments.*.scale.targetUtilization"],
                  }
                : { scaleType: "Default" as const },
            livenessProbe: probe,
            readinessProbe: probe,
        };
        const properties =
            ENDPOINT_COMPUTE_TYPE[args.host] === "Managed"
                ? { ...common, endpointComputeType: "Managed" as const, egressPublicNetworkAccess: d.egressPublicNetworkAccess ?? "Disabled" }
                : { ...common, endpointComputeType: "Kubernetes" as const };
        return new OnlineDeployment(
            `${name}-deployment-${deploymentName}`,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                endpointName: endpoint.name,
                deploymentName,
                location: args.location,
                properties,
                // The instance count is the sku capacity ARM reports; Default scaling reads it from here.
                sku: { name: "Default", capacity: instanceCount },
                tags: args.tags,
            },
            { parent: this, dependsOn: grants, deletedWith: endpoint },
        );
    }
}

/** The ARM template that PUTs the endpoint with its traffic (the values are its parameters). */
function trafficTemplate(): Record<string, unknown> {
    return {
        $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        contentVersion: "1.0.0.0",
        parameters: { name: { type: "string" }, location: { type: "string" }, tags: { type: "object" }, properties: { type: "object" } },
        resources: [
            {
                type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
                apiVersion: ONLINE_ENDPOINT_API_VERSION,
                name: "[parameters('name')]",
                location: "[parameters('location')]",
                tags: "[parameters('tags')]",
                identity: { type: "SystemAssigned" },
                properties: "[parameters('properties')]",
            },
        ],
    };
}
