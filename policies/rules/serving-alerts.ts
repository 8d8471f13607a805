/**
 * Endpoint monitoring (issue 11): every scoring endpoint is watched by a metric alert that notifies
 * someone. Online endpoints and container groups are recognised by type; a Kubernetes scoring
 * workload by the service name it reports its telemetry under (OTEL_SERVICE_NAME, the one name in
 * components/serving/endpoint-telemetry.ts), which the alerts on the shared Application Insights
 * filter by (`cloud/roleName`).
 *
 * Advisory: alerts are reliability, not a security boundary, and an endpoint may be watched from
 * outside the stack (an existing monitoring setup); a missing alert is still reported on every plan.
 */
import type { PolicyResource } from "@pulumi/policy";
import { cloudRoleName, serviceNamespaceOf, TELEMETRY_ENV } from "../../components/serving/endpoint-telemetry";
import { resourcePolicy, stackPolicy } from "../lib/define";
import { containersOf, INFERENCE_TYPES } from "../lib/k8s";
import { armId, idPrefixes, isIdOf, ofType, peek } from "../lib/relations";
import { remember } from "../lib/remember";
import { isObject, readArray, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

/** True when the alert is enabled and has at least one action group. */
function notifies(alert: PolicyResource): boolean {
    return remember(alert, "alert-notifies", () => notifiesNow(alert));
}

function notifiesNow(alert: PolicyResource): boolean {
    const enabled = peek(() => readPath(alert.props, "enabled"));
    const actions = peek(() => readArray(alert.props, "actions")) as unknown[];
    const byGraph = (alert.propertyDependencies["actions"] ?? []).some((d) => d.type === TYPES.actionGroup);
    return enabled !== false && (byGraph || actions.some((a) => typeof peek(() => readPath(a, "actionGroupId")) === "string"));
}

/** Whether `alert`'s `scopes` name `target` (dependency graph, or its ARM ID). */
function scopes(alert: PolicyResource, target: PolicyResource): boolean {
    return (
        (alert.propertyDependencies["scopes"] ?? []).some((d) => d.urn === target.urn) ||
        (peek(() => readArray(alert.props, "scopes")) as unknown[]).some((s) => isIdOf(s, target))
    );
}

/**
 * The IDs an alert's `scopes` name or lie under (see idPrefixes), when every
 * scope can be read; undefined when one cannot (an unknown value), and
 * {@link scopes} then reads them for every target as it always did, so the
 * policy is skipped at the same point.
 */
function scopeIds(alert: PolicyResource): ReadonlySet<string> | undefined {
    return remember(alert, "alert-scope-ids", () => {
        try {
            const ids = new Set<string>();
            for (const s of peek(() => readArray(alert.props, "scopes")) as unknown[]) {
                if (typeof s === "string") {
                    idPrefixes(s).forEach((p) => ids.add(p));
                }
            }
            return ids;
        } catch {
            return undefined;
        }
    });
}

/** Alerts whose `scopes` name `target` (dependency graph, or its ARM ID). */
function alertsOn(target: PolicyResource, alerts: readonly PolicyResource[]): PolicyResource[] {
    const id = armId(target);
    return alerts.filter((a) => {
        const ids = scopeIds(a);
        if (ids === undefined) {
            return scopes(a, target);
        }
        return (a.propertyDependencies["scopes"] ?? []).some((d) => d.urn === target.urn) || (id !== undefined && ids.has(id));
    });
}

/** The cloud role names a Kubernetes workload reports telemetry under (service name, with the namespace of its resource attributes). */
function serviceNamesOf(workload: PolicyResource): string[] {
    return containersOf(workload.props, false).flatMap((c) => {
        const env = readArray(c.spec, "env").filter(isObject);
        const value = (name: string): string | undefined => {
            const v = env.find((e) => e.name === name)?.value;
            return typeof v === "string" ? v : undefined;
        };
        const service = value(TELEMETRY_ENV.serviceName);
        return service === undefined ? [] : [cloudRoleName(service, serviceNamespaceOf(value(TELEMETRY_ENV.resourceAttributes)))];
    });
}

/** Role names an alert's criteria filter `cloud/roleName` on. */
function roleNamesOf(alert: PolicyResource): readonly string[] {
    return remember(alert, "alert-role-names", () => Object.freeze(roleNamesNow(alert)));
}

function roleNamesNow(alert: PolicyResource): string[] {
    const criteria = peek(() => readArray(alert.props, "criteria.allOf")) as unknown[];
    return criteria.flatMap((c) =>
        (peek(() => readArray(c, "dimensions")) as unknown[])
            .filter((d) => peek(() => readPath(d, "name")) === "cloud/roleName")
            .flatMap((d) => (peek(() => readArray(d, "values")) as unknown[]).filter((v): v is string => typeof v === "string")),
    );
}

/** Every scoring endpoint has a metric alert with an action group. */
export const endpointMetricAlerts = stackPolicy({
    name: "endpoint-metric-alerts",
    description: "Every online endpoint, container group and Kubernetes scoring workload must have an enabled metric alert that notifies an action group.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediation:
        "Keep serving.endpoints.<key>.alerts.enabled (default true) and set serving.alerts.actionGroup (emails or existingId); a workload reporting OTEL_SERVICE_NAME needs an alert filtering cloud/roleName on that name.",
    sources: { other: ["issue 11: endpoint monitoring", "Azure Well-Architected Framework, Reliability: monitoring and alerting"] },
    controls: ["serving.endpoint-alerts"],
    types: [TYPES.onlineEndpoint, TYPES.containerGroup, ...INFERENCE_TYPES],
    check: ({ subjects, resources, report }) => {
        const alerts = ofType(resources, TYPES.metricAlert);
        for (const r of subjects) {
            if (r.type === TYPES.onlineEndpoint || r.type === TYPES.containerGroup) {
                const on = alertsOn(r, alerts);
                if (!on.some(notifies)) {
                    const what = r.type === TYPES.onlineEndpoint ? "online endpoint" : "container group";
                    report(
                        on.length === 0
                            ? `${what} ${r.name} has no monitor:MetricAlert scoped to it; add one (serving alerts create error, latency and availability alerts)`
                            : `the metric alerts of ${what} ${r.name} (${on.map((a) => a.name).join(", ")}) are disabled or notify no action group; enable one with actions [{ actionGroupId }]`,
                        r,
                    );
                }
                continue;
            }
            for (const service of serviceNamesOf(r)) {
                if (!alerts.some((a) => roleNamesOf(a).includes(service) && notifies(a))) {
                    report(`Kubernetes workload ${r.name} reports telemetry as ${service}, but no enabled metric alert with an action group filters cloud/roleName on ${service}`, r);
                }
            }
        }
    },
});

/** A metric alert notifies someone and resolves itself. */
export const metricAlertNotifies = resourcePolicy({
    name: "metric-alert-notifies",
    description: "Metric alerts must be enabled and notify at least one action group.",
    severity: "low",
    enforcementLevel: "advisory",
    remediation: "Set enabled to true and actions to [{ actionGroupId: <action group ID> }].",
    sources: { other: ["issue 11: endpoint monitoring", "Azure Monitor: \"Create or edit a metric alert rule\" (an alert without an action group only shows in the portal)"] },
    controls: ["serving.endpoint-alerts"],
    types: [TYPES.metricAlert],
    check: ({ props, report }) => {
        const enabled = readPath(props, "enabled");
        if (enabled !== true) report(`enabled is ${show(enabled)}; set it to true`);
        if (!readArray(props, "actions").some((a) => typeof readPath(a, "actionGroupId") === "string")) report("actions has no actionGroupId; add [{ actionGroupId: <action group ID> }]");
    },
});
