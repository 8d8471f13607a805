/**
 * Serving of one workspace (the platform's own, or a team's workspace or project): its images and
 * models first (serving-artifacts-create.ts), then each endpoint on its host (hosts/*.ts), then the
 * endpoints' alerts (endpoint-alerts.ts). MlPlatform calls this once per serving workspace.
 */
import * as pulumi from "@pulumi/pulumi";
import { EndpointHost } from "./serving-enums";
import { servesAnything, type ResolvedServing } from "./platform-serving-args";
import type { ServingContext } from "./serving-context";
import type { CreatedEndpoint, EndpointHostFactory } from "./hosts/host";
import { createServingArtifacts } from "./serving-artifacts-create";
import { createContainerInstanceEndpoint } from "./hosts/container-instance-host";
import { createOnlineEndpoint } from "./hosts/online-endpoint-host";
import { createKubernetesEndpoint } from "./hosts/kubernetes-host";
import { createIotEdgeEndpoint } from "./hosts/iot-edge-host";

import { createFpgaEndpoint } from "./hosts/fpga-host";
import { createEndpointAlerts } from "./endpoint-alerts";

/** Each host's factory (the online endpoint serves both the managed and the Kubernetes kind). */
const HOSTS: Readonly<Record<EndpointHost, EndpointHostFactory>> = {
    [EndpointHost.ContainerInstance]: createContainerInstanceEndpoint,
    [EndpointHost.ManagedOnline]: createOnlineEndpoint,
    [EndpointHost.Kubernetes]: createKubernetesEndpoint,
    [EndpointHost.KubernetesOnline]: createOnlineEndpoint,
    [EndpointHost.IotEdge]: createIotEdgeEndpoint,

    [EndpointHost.Fpga]: createFpgaEndpoint,
};

/** What a workspace's serving produced. */
export interface ServingOutputs {
    /** Scoring URI of each endpoint by endpoint key. */
    scoringUris: Record<string, pulumi.Output<string>>;
}

/** Creates a workspace's serving; nothing when it serves nothing. */
export function createServing(s: ResolvedServing, ctx: ServingContext, parent: pulumi.Resource): ServingOutputs {
    if (!servesAnything(s)) return { scoringUris: {} };
    const artifacts = createServingArtifacts(s, ctx, parent);
    const endpoints: Record<string, CreatedEndpoint> = {};
    for (const [key, endpoint] of Object.entries(s.endpoints)) {
        const host = HOSTS[endpoint.host];
        if (!host) throw new pulumi.ResourceError(`serving.endpoints.${key}.host: unknown host "${String(endpoint.host)}" (one of ${Object.values(EndpointHost).join(", ")})`, parent);
        endpoints[key] = host({ key, endpoint, serving: s, artifacts, ctx, parent });
    }
    createEndpointAlerts(s, endpoints, ctx, parent);
    return { scoringUris: Object.fromEntries(Object.entries(endpoints).map(([k, e]) => [k, e.scoringUri])) };
}
