/**
 * What an endpoint's workload sets so its telemetry lands where its alerts look
 * (endpoint-alert-metrics.ts): the Application Insights connection string, and the service name and
 * namespace that the Azure Monitor OpenTelemetry distro turns into the cloud role name
 * (`cloud/roleName`), the dimension every request alert on a shared Application Insights filters on.
 *
 * Source: "Configure Azure Monitor OpenTelemetry" (https://learn.microsoft.com/azure/azure-monitor/app/opentelemetry-configuration,
 * read 2026-12-04): the connection string from `APPLICATIONINSIGHTS_CONNECTION_STRING`; "Cloud Role
 * Name uses service.namespace and service.name attributes, although it falls back to service.name
 * if service.namespace isn't set"; `OTEL_SERVICE_NAME=my-helloworld-service` with
 * `OTEL_RESOURCE_ATTRIBUTES="service.namespace=my-namespace"` gives the role name
 * `my-namespace.my-helloworld-service`.
 *
 * The role name is the endpoint key for the platform's own workspace, and `<team>.<key>` for a
 * team's: a hub's projects share the hub's Application Insights, and two teams may both have an
 * endpoint `score`. Team keys and endpoint keys hold no `.`, so the role names cannot collide.
 *
 * The container instance and Kubernetes hosts add these variables to the scoring container; the
 * online endpoint hosts set `appInsightsEnabled` and add the same variables to the deployment's
 * environment. The app reports availability results named by the same role name (its own
 * readiness, from inside the network: web tests cannot reach a private endpoint).
 */
import type * as pulumi from "@pulumi/pulumi";

/** The variable names (one place: hosts, the policy pack and the tests read them here). */
export const TELEMETRY_ENV = {
    /** Where telemetry is sent. */
    connectionString: "APPLICATIONINSIGHTS_CONNECTION_STRING",
    /** The service name (`service.name`). */
    serviceName: "OTEL_SERVICE_NAME",
    /** Resource attributes; carries `service.namespace` for a team's endpoint. */
    resourceAttributes: "OTEL_RESOURCE_ATTRIBUTES",
} as const;

/** The cloud role name Application Insights records for a service name and namespace (the distro's rule above). */
export function cloudRoleName(serviceName: string, serviceNamespace?: string): string {
    return serviceNamespace ? `${serviceNamespace}.${serviceName}` : serviceName;
}

/** The cloud role name of endpoint `key` of the platform (no team) or of team `teamKey`. */
export function endpointRoleName(key: string, teamKey?: string): string {
    return cloudRoleName(key, teamKey);
}

/** The service namespace an `OTEL_RESOURCE_ATTRIBUTES` value sets (`k=v,k=v`), if any. */
export function serviceNamespaceOf(resourceAttributes: string | undefined): string | undefined {
    for (const pair of (resourceAttributes ?? "").split(",")) {
        const at = pair.indexOf("=");
        if (at > 0 && pair.slice(0, at).trim() === "service.namespace") return pair.slice(at + 1).trim() || undefined;
    }
    return undefined;
}

/** The telemetry environment of one endpoint's workload. */
export interface EndpointTelemetryEnvironment {
    /** Plain variables: the service name, and the team as the service namespace. */
    plain: Record<string, string>;
    /** Secret variables: the connection string (it names the ingestion endpoint and the component; kept out of plain state). */
    secret: Record<string, pulumi.Input<string>>;
}

/**
 * The variables the hosts set for endpoint `key` (of team `teamKey`, when a team's). Without a
 * connection string (a stack without Application Insights) only the names are set, and the request
 * alerts see no data.
 */
export function endpointTelemetryEnvironment(key: string, connectionString: pulumi.Input<string | undefined> | undefined, teamKey?: string): EndpointTelemetryEnvironment {
    return {
        plain: { [TELEMETRY_ENV.serviceName]: key, ...(teamKey ? { [TELEMETRY_ENV.resourceAttributes]: `service.namespace=${teamKey}` } : {}) },
        secret: connectionString === undefined ? {} : { [TELEMETRY_ENV.connectionString]: connectionString as pulumi.Input<string> },
    };
}
