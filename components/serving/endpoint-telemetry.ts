/**
 * What an endpoint's workload sets so its telemetry lands where its alerts look
 * (endpoint-alert-metrics.ts): the Application Insights connection string, and its service name
 * equal to the endpoint key, which the Azure Monitor OpenTelemetry distro reports as the cloud role
 * name (`cloud/roleName`), the dimension every request alert of a shared Application Insights filters on.
 *
 * Source: "Configure Azure Monitor OpenTelemetry" (https://learn.microsoft.com/azure/azure-monitor/app/opentelemetry-configuration,
 * read 2026-12-04): the connection string from `APPLICATIONINSIGHTS_CONNECTION_STRING`; the cloud
 * role name from the resource attribute `service.name` (with `service.namespace`, when set, as its
 * prefix), which `OTEL_SERVICE_NAME` sets. So no `service.namespace` is set here: the role name is
 * exactly the endpoint key.
 *
 * The hosts (container instance, Kubernetes) add these variables to the scoring container; the
 * online endpoint hosts set `appInsightsEnabled` and add the same `OTEL_SERVICE_NAME` to the
 * deployment's environment. The app reports availability results named by the same service name
 * (its own readiness, from inside the network: web tests cannot reach a private endpoint).
 */
import type * as pulumi from "@pulumi/pulumi";

/** The variable names (one place: hosts, tests and docs read them here). */
export const TELEMETRY_ENV = {
    /** Where telemetry is sent. */
    connectionString: "APPLICATIONINSIGHTS_CONNECTION_STRING",
    /** The service name, reported as the cloud role name. */
    serviceName: "OTEL_SERVICE_NAME",
} as const;

/** The telemetry environment of one endpoint's workload. */
export interface EndpointTelemetryEnvironment {
    /** Plain variables: the service name. */
    plain: Record<string, string>;
    /** Secret variables: the connection string (it names the ingestion endpoint and the component; kept out of plain state). */
    secret: Record<string, pulumi.Input<string>>;
}

/**
 * The variables the hosts set for endpoint `key`. Without a connection string (a stack without
 * Application Insights) only the service name is set, and the request alerts see no data.
 */
export function endpointTelemetryEnvironment(key: string, connectionString: pulumi.Input<string | undefined> | undefined): EndpointTelemetryEnvironment {
    return {
        plain: { [TELEMETRY_ENV.serviceName]: key },
        secret: connectionString === undefined ? {} : { [TELEMETRY_ENV.connectionString]: connectionString as pulumi.Input<string> },
    };
}
