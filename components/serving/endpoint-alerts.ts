/** Placeholder until endpoint alerts land (issue 11). */
import type * as pulumi from "@pulumi/pulumi";
import type { CreatedEndpoint } from "./hosts/host";
import type { ResolvedServing } from "./platform-serving-args";
import type { ServingContext } from "./serving-context";

/** Metric alerts of every endpoint, to the serving action group. */
export function createEndpointAlerts(s: ResolvedServing, endpoints: Readonly<Record<string, CreatedEndpoint>>, ctx: ServingContext, parent: pulumi.Resource): pulumi.Resource[] {
    void s; void endpoints; void ctx; void parent;
    return [];
}
