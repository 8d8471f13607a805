/** Placeholder until this host lands (issue 11): refuses the endpoint with its key. */
import * as pulumi from "@pulumi/pulumi";
import type { CreatedEndpoint, HostInputs } from "./host";

/** Creates one endpoint on this host. */
export function createContainerInstanceEndpoint(inputs: HostInputs): CreatedEndpoint {
    throw new pulumi.ResourceError(`serving.endpoints.${inputs.key}: host "${inputs.endpoint.host}" is not available yet`, inputs.parent);
}
