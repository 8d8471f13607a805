/**
 * Host `containerInstance`: one endpoint as an Azure Container Instances container group
 * (ContainerGroupEndpoint). Private in the delegated scoring subnet unless the endpoint asks for a
 * public DNS label (allowed only when the platform's network is public); the image pulled with the
 * endpoint's own user-assigned identity, which also reads the model's storage.
 */
import * as pulumi from "@pulumi/pulumi";
import { containerGroupName, endpointIdentityName } from "../../platform-names";
import type { CreatedEndpoint, HostInputs } from "./host";
import { ContainerGroupEndpoint } from "./container-group-endpoint";
import { CLOUDS } from "../../clouds";
import { parseImageReference } from "../image-reference";
import { endpointTelemetryEnvironment } from "../endpoint-telemetry";

/** Creates one endpoint on this host. */
export function createContainerInstanceEndpoint(inputs: HostInputs): CreatedEndpoint {
    const { key, endpoint: e, artifacts, ctx, parent } = inputs;
    const path = `${ctx.teamKey ? `teams.${ctx.teamKey}.` : ""}serving.endpoints.${key}`;
    const fail = (field: string, problem: string): never => {
        throw new pulumi.ResourceError(`${path}.${field}: ${problem}`, parent);
    };
    if (e.image === undefined) return fail("image", "is required for host containerInstance (a key of serving.images)");
    const isPublic = e.publicDnsLabel !== undefined;
    if (isPublic && ctx.publicNetworkAccess !== "Enabled") fail("publicDnsLabel", "gives the container group a public IP, but network.publicNetworkAccess is Disabled; remove publicDnsLabel (the group then gets a private IP in the scoring subnet)");
    if (!isPublic && ctx.scoringSubnetId === undefined) fail("publicDnsLabel", "is not set, so the container group needs a private IP, but the stack has no scoring subnet; add network.virtualNetwork.subnets.scoring (or subnetIds.scoring)");

    const image = artifacts.image(e.image);
    const model = e.model !== undefined ? artifacts.model(e.model) : undefined;
    const registry = image.inWorkspaceRegistry ? ctx.workspace.registryId : undefined;
    // Pull with the identity from the Azure container registry the reference names (its host is the login
    // server); an image elsewhere (a public registry) is pulled without credentials.
    const registryServer = image.reference.apply((r) => azureRegistryHost(r) ?? "");
    const created = new ContainerGroupEndpoint(
        `${ctx.name}-endpoint-${key}`,
        {
            containerGroupName: containerGroupName(ctx.namePrefix, key),
            identityName: endpointIdentityName(ctx.namePrefix, key),
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            subscriptionId: ctx.subscriptionId,
            uniqueBy: [...ctx.uniqueBy, `endpoint:${key}`],
            image: image.reference,
            registryServer,
            registryId: registry === undefined ? undefined : pulumi.output(registry).apply((id) => {
                if (id === undefined) throw new pulumi.ResourceError(`${path}.image: the image is in the workspace's registry, but the workspace has none`, parent);
                return id;
            }),
            port: image.port,
            scoringPath: image.routes.scoring,
            livenessPath: image.routes.liveness,
            readinessPath: image.routes.readiness,
            cpu: e.cpu,
            memoryInGB: e.memoryInGB,
            restartPolicy: e.restartPolicy,
            subnetId: isPublic ? undefined : ctx.scoringSubnetId,
            publicDnsLabel: e.publicDnsLabel,
            environmentVariables: e.environmentVariables,
            secretEnvironmentVariables: e.secretEnvironmentVariables,
            modelUri: model?.uri,
            modelStorageAccountId: model?.storageAccountId,
            applicationInsightsConnectionString: ctx.workspace.applicationInsightsConnectionString,
            applicationInsightsId: ctx.workspace.applicationInsightsId,
            telemetryEnvironment: endpointTelemetryEnvironment(key, undefined, ctx.teamKey).plain,
            logAnalyticsWorkspaceId: ctx.logAnalyticsWorkspaceId,
            tags: ctx.tags,
        },
        { parent, dependsOn: [...ctx.dependsOn, ...artifacts.resources] },
    );
    return { scoringUri: created.scoringUri, resource: created, metrics: { resourceId: created.id, kind: "containerInstance" } };
}

/** The registry host of an image reference when it is an Azure container registry (of any cloud). */
export function azureRegistryHost(reference: string): string | undefined {
    const host = parseImageReference(reference).registry;
    return host !== undefined && Object.values(CLOUDS).some((c) => host.endsWith(`.${c.registrySuffix}`)) ? host : undefined;
}
