/**
 * The contract between the serving dispatcher (platform-serving.ts) and each host: a host turns
 * one endpoint's args into resources and reports what the rest of serving needs of it.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformEndpointArgs, ResolvedServing } from "../platform-serving-args";
import type { ServingArtifacts } from "../serving-artifacts";
import type { ServingContext } from "../serving-context";

/** What a host is given for one endpoint. */
export interface HostInputs {
    /** Endpoint key (`serving.endpoints.<key>`). */
    key: string;
    /** The endpoint's args. */
    endpoint: PlatformEndpointArgs;
    /** The workspace's whole serving (models, images, alerts). */
    serving: ResolvedServing;
    /** Images, models and environments by key. */
    artifacts: ServingArtifacts;
    /** Where it lands. */
    ctx: ServingContext;
    /** Parent of the endpoint's component. */
    parent: pulumi.Resource;
}

/** How an endpoint is monitored: which resource's metrics, of which kind. */
export interface EndpointMetricsSource {
    /** ARM ID of the resource the metric alerts target. */
    resourceId: pulumi.Input<string>;
    /** Which metric set it has. */
    kind: "containerInstance" | "onlineEndpoint" | "applicationInsights";
}

/** What a host reports back for one endpoint. */
export interface CreatedEndpoint {
    /** The URI clients call (`https://…/score` or `http://<private ip>:<port>/score`). */
    scoringUri: pulumi.Output<string>;
    /** The endpoint's component (alerts depend on it). */
    resource: pulumi.Resource;
    /** What its alerts watch. */
    metrics: EndpointMetricsSource;
}

/** A host: one endpoint in, its resources out. */
export type EndpointHostFactory = (inputs: HostInputs) => CreatedEndpoint;
