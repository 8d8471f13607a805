/**
 * What an endpoint's alerts watch (pure): per metrics kind, which Azure Monitor metric expresses
 * its error rate, latency and availability, the windows and evaluation frequencies, severities, and
 * the alert names. The one table EndpointAlerts (endpoint-alert-rules.ts), the config checks
 * (stacks/config-semantics-serving-alerts.ts), the simulator's rules and the tests read.
 *
 * Sources (all read 2026-12-04):
 * - "Supported metrics for Microsoft.MachineLearningServices/workspaces/onlineEndpoints"
 *   (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-machinelearningservices-workspaces-onlineendpoints-metrics):
 *   `RequestsPerMinute` (Count, aggregation Average, dimensions deployment, statusCode,
 *   statusCodeClass, modelStatusCode), `RequestLatency` (Milliseconds, Average; also _P50.._P99).
 *   No availability metric: an online endpoint reports traffic, not reachability.
 * - "Supported metrics for microsoft.insights/components"
 *   (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-insights-components-metrics):
 *   `requests/failed` (Count, "in most cases requests with a response code >= 400 and not equal to
 *   401"), `requests/count`, `requests/duration` (MilliSeconds, Average), each with dimension
 *   `cloud/roleName`; `availabilityResults/availabilityPercentage` (Percent, Average) with
 *   dimensions `availabilityResult/name` and `availabilityResult/location` only.
 * - "Supported metrics for Microsoft.ContainerInstance/containerGroups"
 *   (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-containerinstance-containergroups-metrics):
 *   only CpuUsage, MemoryUsage (Bytes) and network bytes: no request metric at all, so a container
 *   group's requests are watched through the Application Insights telemetry its app sends.
 * - "Resource Manager template samples for metric alert rules in Azure Monitor"
 *   (https://learn.microsoft.com/azure/azure-monitor/alerts/resource-manager-alerts-metric):
 *   windowSize "must be between one minute and one day" (PT1M, PT5M, PT15M, PT30M, PT1H, PT6H,
 *   PT12H, PT24H); evaluationFrequency PT1M, PT5M, PT15M, PT30M, PT1H; severity 0-4; location global.
 * - "Query-based metric alerts overview (preview)"
 *   (https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-query-based-metric-alerts-overview):
 *   arithmetic across metrics (PromQL) exists only for Prometheus/OTel metrics in an Azure Monitor
 *   workspace. A metric alert on a resource's platform metrics compares ONE metric per criterion
 *   with a threshold (`allOf` is an AND of such comparisons): it cannot divide failed by total
 *   requests. So the error-rate percent becomes a failed-request threshold computed from the
 *   configured percent and the configured expected request volume (see {@link failedRequestThreshold}).
 */
import { EndpointMetricsKind } from "./serving-enums";
import { SERVING_DEFAULTS } from "./serving-defaults";
import type { PlatformEndpointAlertThresholdsArgs } from "./platform-serving-args";

/** The metric namespaces (the ARM types the metrics belong to). */
export const METRIC_NAMESPACES = {
    onlineEndpoint: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
    applicationInsights: "microsoft.insights/components",
    containerInstance: "Microsoft.ContainerInstance/containerGroups",
} as const;

/**
 * Evaluation frequency per window (the allowed windows of the config; the template sample lists
 * each window and frequency value): a rule looks back `window` and is evaluated every
 * `frequency`, never less often than its window, so a breach is seen within one window.
 */
export const ALERT_WINDOWS: Readonly<Record<string, { minutes: number; frequency: string }>> = {
    PT1M: { minutes: 1, frequency: "PT1M" },
    PT5M: { minutes: 5, frequency: "PT1M" },
    PT15M: { minutes: 15, frequency: "PT5M" },
    PT30M: { minutes: 30, frequency: "PT5M" },
    PT1H: { minutes: 60, frequency: "PT15M" },
};

/** Values ARM takes for `windowSize` and `evaluationFrequency` (template sample above). */
export const ARM_WINDOW_SIZES = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "PT24H"] as const;
export const ARM_EVALUATION_FREQUENCIES = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H"] as const;
/** Action group short name length (template reference "Microsoft.Insights actionGroups", groupShortName max length 12). */
export const ACTION_GROUP_SHORT_NAME_MAX = 12;

/** The alerts of an endpoint, by role (the suffix of their names). */
export const EndpointAlertRole = {
    /** Failed requests above the error-rate threshold. */
    Errors: "errors",
    /** Average latency above the threshold. */
    Latency: "latency",
    /** Reported availability below the threshold. */
    Availability: "availability",
    /** Memory of a container group near its limit (the one metric a container group has that predicts an outage). */
    Memory: "memory",
} as const;
export type EndpointAlertRole = (typeof EndpointAlertRole)[keyof typeof EndpointAlertRole];

/** Severity per role (0 critical .. 4 verbose): failing or unreachable scoring is an error, slowness a warning. */
export const ALERT_SEVERITY: Readonly<Record<EndpointAlertRole, number>> = { errors: 1, latency: 2, availability: 1, memory: 2 };

/** The thresholds an endpoint's alerts use, defaults applied. */
export interface ResolvedAlertThresholds {
    enabled: boolean;
    errorRatePercent: number;
    latencyMs: number;
    availabilityPercent: number;
    window: string;
    expectedRequestsPerMinute: number;
}

/**
 * An endpoint's thresholds: its own `alerts` over the serving `alerts.thresholds`, over the
 * defaults (SERVING_DEFAULTS `serving.alerts.thresholds.*`, which the endpoint keys repeat).
 */
export function resolveAlertThresholds(serving: PlatformEndpointAlertThresholdsArgs | undefined, endpoint: PlatformEndpointAlertThresholdsArgs | undefined): ResolvedAlertThresholds {
    const pick = <K extends keyof ResolvedAlertThresholds>(k: K, fallback: ResolvedAlertThresholds[K]): ResolvedAlertThresholds[K] =>
        (endpoint?.[k] ?? serving?.[k] ?? fallback) as ResolvedAlertThresholds[K];
    return {
        enabled: pick("enabled", SERVING_DEFAULTS["serving.alerts.thresholds.enabled"]),
        errorRatePercent: pick("errorRatePercent", SERVING_DEFAULTS["serving.alerts.thresholds.errorRatePercent"]),
        latencyMs: pick("latencyMs", SERVING_DEFAULTS["serving.alerts.thresholds.latencyMs"]),
        availabilityPercent: pick("availabilityPercent", SERVING_DEFAULTS["serving.alerts.thresholds.availabilityPercent"]),
        window: pick("window", SERVING_DEFAULTS["serving.alerts.thresholds.window"]),
        expectedRequestsPerMinute: pick("expectedRequestsPerMinute", SERVING_DEFAULTS["serving.alerts.thresholds.expectedRequestsPerMinute"]),
    };
}

/** Which resource a criterion's rule is scoped to. */
export type AlertScope = "endpoint" | "applicationInsights";

/** One metric alert of an endpoint, before it has resource IDs. */
export interface EndpointAlertCriterion {
    role: EndpointAlertRole;
    /** The endpoint's own metrics resource, or the workspace's Application Insights. */
    scope: AlertScope;
    metricNamespace: string;
    metricName: string;
    timeAggregation: "Average" | "Count" | "Total" | "Maximum" | "Minimum";
    operator: "GreaterThan" | "GreaterThanOrEqual" | "LessThan";
    threshold: number;
    dimensions: { name: string; operator: "Include"; values: string[] }[];
    severity: number;
    description: string;
}

/** Minutes of a window of the table; throws for a window outside it (the config checks report those first). */
export function windowMinutes(window: string): number {
    const w = ALERT_WINDOWS[window];
    if (!w) throw new Error(`alert window "${window}" is not one of ${Object.keys(ALERT_WINDOWS).join(", ")}`);
    return w.minutes;
}

/**
 * Failed requests per `minutes` that amount to `errorRatePercent` of the expected volume: at
 * least 1 (a zero percent alerts on any failure). A metric alert cannot divide by the actual
 * volume, so this is a rate of the expected volume: under lower traffic the same failure count is
 * a higher real percent (alerts earlier than the percent says), above it later.
 */
export function failedRequestThreshold(t: Pick<ResolvedAlertThresholds, "errorRatePercent" | "expectedRequestsPerMinute">, minutes: number): number {
    return Math.max(1, Math.ceil((t.errorRatePercent / 100) * t.expectedRequestsPerMinute * minutes));
}

/** Memory share of a container group's limit that alerts. */
export const MEMORY_ALERT_PERCENT = 90;

/**
 * The criteria of one endpoint's alerts for its metrics kind. `key` is the endpoint key (for the
 * descriptions); `roleName` is the cloud role name its app reports and the name of its availability
 * results (endpoint-telemetry.ts `endpointRoleName`: the key, or `<team>.<key>`). `memoryInGB` is the
 * container group's memory (containerInstance).
 */
export function endpointAlertCriteria(kind: EndpointMetricsKind, key: string, t: ResolvedAlertThresholds, memoryInGB?: number, roleName: string = key): EndpointAlertCriterion[] {
    const role = [{ name: "cloud/roleName", operator: "Include" as const, values: [roleName] }];
    // Availability: the app's own availability results, named by the endpoint key. Web tests run from
    // Microsoft's public test agents and cannot reach a private IP or a private endpoint, so the
    // result is reported from inside the network (the app's readiness, TrackAvailability). No result
    // in a window is no data, on which a static metric alert does not fire.
    const availability: EndpointAlertCriterion = {
        role: EndpointAlertRole.Availability,
        scope: "applicationInsights",
        metricNamespace: METRIC_NAMESPACES.applicationInsights,
        metricName: "availabilityResults/availabilityPercentage",
        timeAggregation: "Average",
        operator: "LessThan",
        threshold: t.availabilityPercent,
        dimensions: [{ name: "availabilityResult/name", operator: "Include", values: [roleName] }],
        severity: ALERT_SEVERITY.availability,
        description: `Endpoint ${key}: availability reported by the endpoint below ${t.availabilityPercent}% over ${t.window}.`,
    };
    const minutes = windowMinutes(t.window);
    if (kind === EndpointMetricsKind.OnlineEndpoint) {
        // RequestsPerMinute is averaged per minute: the threshold is failed requests per minute.
        const perMinute = Math.max(1, Math.ceil((t.errorRatePercent / 100) * t.expectedRequestsPerMinute));
        return [
            {
                role: EndpointAlertRole.Errors,
                scope: "endpoint",
                metricNamespace: METRIC_NAMESPACES.onlineEndpoint,
                metricName: "RequestsPerMinute",
                timeAggregation: "Average",
                operator: "GreaterThanOrEqual",
                threshold: perMinute,
                dimensions: [{ name: "statusCodeClass", operator: "Include", values: ["5xx"] }],
                severity: ALERT_SEVERITY.errors,
                description: `Endpoint ${key}: at least ${perMinute} server errors (5xx) per minute over ${t.window}, ${t.errorRatePercent}% of the expected ${t.expectedRequestsPerMinute} requests per minute.`,
            },
            {
                role: EndpointAlertRole.Latency,
                scope: "endpoint",
                metricNamespace: METRIC_NAMESPACES.onlineEndpoint,
                metricName: "RequestLatency",
                timeAggregation: "Average",
                operator: "GreaterThan",
                threshold: t.latencyMs,
                dimensions: [],
                severity: ALERT_SEVERITY.latency,
                description: `Endpoint ${key}: average request latency above ${t.latencyMs} ms over ${t.window}.`,
            },
            availability,
        ];
    }
    const failed = failedRequestThreshold(t, minutes);
    const requests: EndpointAlertCriterion[] = [
        {
            role: EndpointAlertRole.Errors,
            scope: "applicationInsights",
            metricNamespace: METRIC_NAMESPACES.applicationInsights,
            metricName: "requests/failed",
            timeAggregation: "Count",
            operator: "GreaterThanOrEqual",
            threshold: failed,
            dimensions: role,
            severity: ALERT_SEVERITY.errors,
            description: `Endpoint ${key}: at least ${failed} failed requests in ${t.window}, ${t.errorRatePercent}% of the expected ${t.expectedRequestsPerMinute} requests per minute.`,
        },
        {
            role: EndpointAlertRole.Latency,
            scope: "applicationInsights",
            metricNamespace: METRIC_NAMESPACES.applicationInsights,
            metricName: "requests/duration",
            timeAggregation: "Average",
            operator: "GreaterThan",
            threshold: t.latencyMs,
            dimensions: role,
            severity: ALERT_SEVERITY.latency,
            description: `Endpoint ${key}: average server response time above ${t.latencyMs} ms over ${t.window}.`,
        },
        availability,
    ];
    if (kind !== EndpointMetricsKind.ContainerInstance) return requests;
    const limitBytes = Math.round((memoryInGB ?? 0) * 1024 ** 3);
    return [
        ...requests,
        {
            role: EndpointAlertRole.Memory,
            scope: "endpoint",
            metricNamespace: METRIC_NAMESPACES.containerInstance,
            metricName: "MemoryUsage",
            timeAggregation: "Average",
            operator: "GreaterThan",
            threshold: Math.round((limitBytes * MEMORY_ALERT_PERCENT) / 100),
            dimensions: [],
            severity: ALERT_SEVERITY.memory,
            description: `Endpoint ${key}: container memory above ${MEMORY_ALERT_PERCENT}% of its ${memoryInGB} GB over ${t.window}; at the limit the container is killed and restarted.`,
        },
    ];
}

/** Names of the serving alert resources of a workspace (deterministic: the name prefix and the endpoint key). */
export const ALERT_NAMES = {
    /** The created action group. */
    actionGroup: (namePrefix: string): string => `ag-${namePrefix}-serving`,
    /** One alert rule of an endpoint. */
    rule: (namePrefix: string, key: string, role: EndpointAlertRole): string => `alert-${namePrefix}-${key}-${role}`,
    /** The default short name: the name prefix's letters and digits, at most 12. */
    shortName: (namePrefix: string): string => (namePrefix.replace(/[^A-Za-z0-9]/g, "").slice(0, ACTION_GROUP_SHORT_NAME_MAX) || "mlserving"),
    /** Email receiver names (unique within the group). */
    emailReceiver: (index: number): string => `email-${index + 1}`,
} as const;
