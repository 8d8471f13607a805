/**
 * Host `iotEdge`: one endpoint as a module on an Azure IoT Edge device. Per serving workspace with
 * such endpoints, one IoT hub (components/edge/iot-hub.ts), private through the network component's
 * subnet and zones when the stack is private; per endpoint, a pull-only repository-scoped registry
 * token (edge-registry-token.ts) and the device identity with its deployment
 * (IotEdgeModelDeployment: the dynamic providers of components/edge/iothub-dynamic.ts).
 *
 * Scoring URI: a module is reached on its device, not through Azure. Its createOptions publish the
 * image's port on the device's `hostIp`:`hostPort` ("How to configure container create options for
 * IoT Edge modules", https://learn.microsoft.com/azure/iot-edge/how-to-use-create-options), so the
 * URI is `http://<deviceId>:<hostPort><scoring route>`: the device ID standing for the device's
 * host name on its own network (plain HTTP on the device's network; with the default hostIp
 * 127.0.0.1 only callers on the device itself reach it). The stack cannot know the device's real
 * address; the URI says which port and path to call.
 *
 * Metrics: the module's telemetry would go to the workspace's Application Insights, but that
 * component accepts only Entra ID ingestion and a device has no Entra identity, so request
 * alerts would see no data; the config refuses enabled alerts on this host
 * (stacks/config-semantics-serving-iotedge.ts). The host still reports `applicationInsights`
 * (the alerts table has no IoT hub kind), with the module named by the endpoint's role name.
 */
import * as pulumi from "@pulumi/pulumi";
import { iotHubName } from "../../platform-names";
import { IotHub } from "../../edge/iot-hub";
import { EdgeRegistryToken, edgeTokenName } from "../../edge/edge-registry-token";
import { IotEdgeModelDeployment } from "../../edge/edge-model-deployment";
import { privateEndpointWithDns } from "../../network/private-endpoint";
import { privateEndpointBase } from "../../network/network-names";
import { zonesFor } from "../../network/private-link-zones";
import { SERVING_DEFAULTS } from "../serving-defaults";
import { endpointTelemetryEnvironment } from "../endpoint-telemetry";
import { parseImageReference } from "../image-reference";
import type { ServingContext } from "../serving-context";
import type { ResolvedServing } from "../platform-serving-args";
import type { CreatedEndpoint, HostInputs } from "./host";

/** One hub per serving workspace: the context object is shared by the workspace's endpoints. */
const HUBS = new WeakMap<ServingContext, IotHub>();

/** The serving workspace's IoT hub, created with its first iotEdge endpoint. */
function hubOf(ctx: ServingContext, serving: ResolvedServing, parent: pulumi.Resource, path: string): IotHub {
    const existing = HUBS.get(ctx);
    if (existing) return existing;
    const isPrivate = ctx.publicNetworkAccess !== "Enabled";
    if (isPrivate && ctx.privateEndpoints === undefined) {
        throw new pulumi.ResourceError(`${path}: the IoT hub has public network access disabled (network.publicNetworkAccess), but the stack has no private endpoints subnet; add network.virtualNetwork with a private-endpoints subnet`, parent);
    }
    const hub = new IotHub(
        `${ctx.name}-iothub`,
        {
            hubName: iotHubName(ctx.namePrefix, ctx.uniqueBy),
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            tags: ctx.tags,
            sku: serving.iotHub?.sku ?? SERVING_DEFAULTS["serving.iotHub.sku"],
            units: serving.iotHub?.units ?? SERVING_DEFAULTS["serving.iotHub.units"],
            publicNetworkAccess: isPrivate ? "Disabled" : "Enabled",
            logAnalyticsWorkspaceId: ctx.logAnalyticsWorkspaceId,
        },
        { parent, dependsOn: ctx.dependsOn },
    );
    const pe = ctx.privateEndpoints;
    if (pe !== undefined) {
        const zones = pe.dnsMode === "policyManaged"
            ? []
            : zonesFor("iotHub", pe.cloud, ctx.location).map((zone) => {
                  const id = pe.zoneIds[zone];
                  if (id === undefined) throw new pulumi.ResourceError(`${path}: the private DNS zone ${zone} of the IoT hub's endpoint does not exist; the network component creates it when an endpoint is on host iotEdge`, parent);
                  return { name: zone, id };
              });
        privateEndpointWithDns(
            `${ctx.name}-iothub-private`,
            {
                resourceGroupName: ctx.resourceGroupName,
                location: ctx.location,
                tags: ctx.tags,
                endpointName: privateEndpointBase(ctx.namePrefix, "iothub", "iotHub", false),
                targetId: hub.id,
                groupId: "iotHub",
                subnetId: pe.subnetId,
                zones,
                dependsOn: [hub.hub, ...pe.dependsOn],
            },
            { parent: hub },
        );
    }
    HUBS.set(ctx, hub);
    return hub;
}

/** Creates one endpoint on this host. */
export function createIotEdgeEndpoint(inputs: HostInputs): CreatedEndpoint {
    const { key, endpoint: e, serving, artifacts, ctx, parent } = inputs;
    const path = `${ctx.teamKey ? `teams.${ctx.teamKey}.` : ""}serving.endpoints.${key}`;
    const fail = (field: string, problem: string): never => {
        throw new pulumi.ResourceError(`${path}.${field}: ${problem}`, parent);
    };
    if (e.image === undefined) return fail("image", "is required for host iotEdge (a key of serving.images)");
    const edge = e.iotEdge ?? fail("iotEdge", "is required for host iotEdge (deviceId, registryTokenPassword)");
    const image = artifacts.image(e.image);
    const registryId = pulumi.output(ctx.workspace.registryId).apply((id) => id ?? fail("image", "the workspace has no container registry to pull from"));
    const loginServer = pulumi.output(ctx.workspace.registryLoginServer).apply((s) => s ?? fail("image", "the workspace has no container registry to pull from"));
    // A built image is in the workspace registry; an adopted reference must be too: the device pulls with a token of that registry.
    const reference = pulumi.all([image.reference, loginServer]).apply(([ref, server]) => {
        const host = parseImageReference(ref).registry;
        if (host?.toLowerCase() !== server.toLowerCase()) fail("image", `${ref} is not in the workspace's registry ${server}: the device pulls with a token of that registry; push the image there (or build it with serving.images.<key>.build)`);
        return ref;
    });
    const hub = hubOf(ctx, serving, parent, path);
    const token = new EdgeRegistryToken(
        `${ctx.name}-edge-${key}-pull`,
        { registryId, tokenName: edgeTokenName(`edge-${ctx.teamKey ? `${ctx.teamKey}-` : ""}${key}`), image: reference },
        { parent, dependsOn: [...ctx.dependsOn, ...artifacts.resources] },
    );
    const d = SERVING_DEFAULTS;
    const hostPort = edge.hostPort ?? image.port;
    const telemetry = endpointTelemetryEnvironment(key, undefined, ctx.teamKey);
    const deployment = new IotEdgeModelDeployment(
        `${ctx.name}-edge-${key}`,
        {
            hubHostName: hub.hostName,
            deviceId: edge.deviceId,
            authentication: edge.authentication ?? d["serving.endpoints.*.iotEdge.authentication"],
            ...(edge.primaryThumbprint !== undefined ? { primaryThumbprint: edge.primaryThumbprint } : {}),
            ...(edge.secondaryThumbprint !== undefined ? { secondaryThumbprint: edge.secondaryThumbprint } : {}),
            moduleName: key,
            image: reference,
            registryLoginServer: loginServer,
            registryUsername: token.username,
            registryPassword: pulumi.secret(edge.registryTokenPassword),
            container: {
                containerPort: image.port,
                hostPort,
                hostIp: edge.hostIp ?? d["serving.endpoints.*.iotEdge.hostIp"],
                memoryMiB: edge.memoryMiB ?? d["serving.endpoints.*.iotEdge.memoryMiB"],
                cpus: edge.cpus ?? d["serving.endpoints.*.iotEdge.cpus"],
            },
            env: { ...(e.environmentVariables ?? {}), ...telemetry.plain },
            restartPolicy: edge.restartPolicy ?? d["serving.endpoints.*.iotEdge.restartPolicy"],
            runtime: { line: edge.runtime ?? d["serving.endpoints.*.iotEdge.runtime"], gateway: edge.gateway ?? d["serving.endpoints.*.iotEdge.gateway"] },
            ...(edge.routes !== undefined ? { routes: edge.routes } : {}),
            timeToLiveSecs: edge.timeToLiveSecs ?? d["serving.endpoints.*.iotEdge.timeToLiveSecs"],
        },
        { parent, dependsOn: [hub, token] },
    );
    return {
        scoringUri: pulumi.output(`http://${edge.deviceId}:${hostPort}${image.routes.scoring}`),
        resource: deployment,
        metrics: { resourceId: ctx.workspace.applicationInsightsId, kind: "applicationInsights" },
    };
}
