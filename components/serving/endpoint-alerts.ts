/**
 * The serving dispatcher's call into endpoint monitoring: every endpoint whose thresholds are
 * enabled gets its metric alerts (endpoint-alert-rules.ts), on the metrics its host reported
 * (`CreatedEndpoint.metrics`), notifying the workspace's action group (`serving.alerts.actionGroup`).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CreatedEndpoint } from "./hosts/host";
import type { ResolvedServing } from "./platform-serving-args";
import type { ServingContext } from "./serving-context";
import { EndpointAlerts, type EndpointAlertTargetArgs } from "./endpoint-alert-rules";
import { resolveAlertThresholds } from "./endpoint-alert-metrics";
import { endpointRoleName } from "./endpoint-telemetry";

/** Metric alerts of every endpoint, to the serving action group; none when no endpoint has alerts enabled. */
export function createEndpointAlerts(s: ResolvedServing, endpoints: Readonly<Record<string, CreatedEndpoint>>, ctx: ServingContext, parent: pulumi.Resource): pulumi.Resource[] {
    const targets: Record<string, EndpointAlertTargetArgs> = {};
    const watched: pulumi.Resource[] = [];
    for (const [key, created] of Object.entries(endpoints)) {
        const endpoint = s.endpoints[key];
        const thresholds = resolveAlertThresholds(s.alerts.thresholds, endpoint?.alerts);
        if (!thresholds.enabled) continue;
        targets[key] = { resourceId: created.metrics.resourceId, kind: created.metrics.kind, thresholds, memoryInGB: endpoint?.memoryInGB, roleName: endpointRoleName(key, ctx.teamKey) };
        watched.push(created.resource);
    }
    if (Object.keys(targets).length === 0) return [];
    const alerts = new EndpointAlerts(
        `${ctx.name}-alerts`,
        {
            resourceGroupName: ctx.resourceGroupName,
            namePrefix: ctx.namePrefix,
            applicationInsightsId: ctx.workspace.applicationInsightsId,
            actionGroup: s.alerts.actionGroup ?? {},
            endpoints: targets,
            tags: ctx.tags,
        },
        // The rules are scoped to the endpoints' resources: create them once those exist.
        { parent, dependsOn: watched },
    );
    return [alerts];
}
