import * as pulumi from "@pulumi/pulumi";
import { PrivateLinkScope, PrivateLinkScopedResource } from "@pulumi/azure-native/monitor";
import type { AzureCloud } from "../clouds";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { MonitorAccessMode } from "../enums";
import type { PlacementArgs } from "../placement";
import { MONITOR_ENDPOINT_ROLE, privateEndpointBase, privateLinkScopeName } from "./network-names";
import { PrivateDnsZones, type PrivateDnsMode } from "./private-dns-zones";
import { privateEndpointWithDns } from "./private-endpoint";
import { zonesFor, zonesForAll, type PrivateLinkGroupId } from "./private-link-zones";
import { registrySkuAllowsPrivateEndpoints } from "../registry-sku";

/** One resource reached privately. */
export interface PrivateAccessTarget {
    /** Short role used in names, e.g. `storage`. */
    role: string;
    /** Resource ID. */
    resourceId: pulumi.Input<string>;
    /** Group IDs: one endpoint each (storage: `blob`, `file`, maybe `dfs`). */
    groupIds: PrivateLinkGroupId[];
    /** Registry targets: the SKU, which must be Premium. Default: not checked. */
    registrySku?: string;
}

/** Azure Monitor resources reached through a private link scope. */
export interface PrivateAccessMonitoring {
    /** Log Analytics workspace ID. Default: none. */
    logAnalyticsId?: pulumi.Input<string>;
    /** Application Insights component ID. Default: none. */
    applicationInsightsId?: pulumi.Input<string>;
    /** Further Application Insights components by a stable key (team workspaces of a platform), scoped as `insights-<key>`. Default none. */
    moreApplicationInsightsIds?: { [key: string]: pulumi.Input<string> };
    /** Ingestion and query access mode of the scope. Default `PrivateOnly`. */
    accessMode?: MonitorAccessMode;
}

/** Arguments of {@link PrivateAccess}. */
export interface PrivateAccessArgs extends PlacementArgs {
    /** Base of derived names, e.g. `aml-prod`. */
    namePrefix: string;
    /** Cloud: selects zone names. Default `AzureCloud`. */
    cloud?: AzureCloud;
    /** Subnet of every endpoint. */
    subnetId: pulumi.Input<string>;
    /** Network the created DNS zones are linked to (mode `create`). */
    virtualNetworkId?: pulumi.Input<string>;
    /** Name of that network, for link names. Default: `vnet`. */
    virtualNetworkName?: string;
    /** DNS: `create`, `existing` or `policyManaged`. Default `create`. */
    dnsMode?: PrivateDnsMode;
    /** Existing zone IDs by zone name (mode `existing`). Default: none. */
    existingZoneIds?: Record<string, string>;
    /** Resources reached with private endpoints. Default: none. */
    targets?: PrivateAccessTarget[];
    /** Azure Monitor resources, reached through a private link scope. Default: none. */
    monitoring?: PrivateAccessMonitoring;
    /** Groups whose zones are created for endpoints other components add later (serving's IoT hub), see {@link PrivateAccess.dnsZoneIds}. Default none. */
    laterGroupIds?: PrivateLinkGroupId[];
}

/**
 * Private reachability of a stack: the private DNS zones every endpoint needs,
 * a private endpoint with its zone group per (resource, group ID), and an
 * Azure Monitor private link scope (private-only ingestion and query) for Log
 * Analytics and Application Insights, whose endpoint goes through the same
 * code path. Later resources (IoT Hub, a private AKS API server) are one more
 * target.
 */
export class PrivateAccess extends pulumi.ComponentResource {
    /** Endpoint IDs by `<role>-<groupId>`. */
    readonly endpointIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Private DNS zone ID by zone name (empty in DNS mode `policyManaged`). */
    readonly dnsZoneIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The Azure Monitor private link scope ID, when monitoring is reached privately. */
    readonly privateLinkScopeId?: pulumi.Output<string>;

    constructor(name: string, args: PrivateAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:PrivateAccess", name, {}, opts);
        const cloud = args.cloud ?? COMPONENT_DEFAULTS["cloud"];
        const targets = args.targets ?? [];
        for (const t of targets) {
            if (t.groupIds.includes("registry") && t.registrySku !== undefined && !registrySkuAllowsPrivateEndpoints(t.registrySku)) {
                throw new pulumi.ResourceError(`registry private endpoints need the Premium SKU; ${t.role} is ${t.registrySku}`, this);
            }
        }
        const monitoring =
            args.monitoring &&
            (args.monitoring.logAnalyticsId !== undefined || args.monitoring.applicationInsightsId !== undefined || Object.keys(args.monitoring.moreApplicationInsightsIds ?? {}).length > 0)
                ? args.monitoring
                : undefined;
        const groupIds = [...targets.flatMap((t) => t.groupIds), ...(monitoring ? (["azuremonitor"] as const) : []), ...(args.laterGroupIds ?? [])];
        // Zone names must be plain strings (they name resources); regional zones (AKS) need a plain
        // location, and zonesFor fails loudly when one is needed and the location is an output.
        const location = typeof args.location === "string" ? args.location : undefined;
        let zoneNames: string[];
        try {
            zoneNames = zonesForAll(groupIds, cloud, location);
        } catch (e) {
            throw new pulumi.ResourceError(e instanceof Error ? e.message : String(e), this);
        }
        const dns = new PrivateDnsZones(
            `${name}-dns`,
            {
                resourceGroupName: args.resourceGroupName,
                tags: args.tags,
                zoneNames,
                mode: args.dnsMode,
                existingZoneIds: args.existingZoneIds,
                virtualNetworkId: args.virtualNetworkId,
                virtualNetworkName: args.virtualNetworkName ?? "vnet",
            },
            { parent: this },
        );
        const endpointIds: Record<string, pulumi.Output<string>> = {};
        const zonesOf = (groupId: PrivateLinkGroupId): { name: string; id: pulumi.Input<string> }[] =>
            args.dnsMode === "policyManaged" ? [] : zonesFor(groupId, cloud, location).map((zone) => ({ name: zone, id: dns.zoneIds[zone] }));
        const endpoint = (role: string, groupId: PrivateLinkGroupId, several: boolean, targetId: pulumi.Input<string>, dependsOn: pulumi.Resource[]): void => {
            const made = privateEndpointWithDns(
                `${name}-${role}-${groupId}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    endpointName: privateEndpointBase(args.namePrefix, role, groupId, several),
                    targetId,
                    groupId,
                    subnetId: args.subnetId,
                    zones: zonesOf(groupId),
                    dependsOn: [...dns.links, ...dependsOn],
                },
                { parent: this },
            );
            endpointIds[`${role}-${groupId}`] = made.endpoint.id;
        };
        for (const t of targets) {
            for (const groupId of t.groupIds) endpoint(t.role, groupId, t.groupIds.length > 1, t.resourceId, []);
        }
        if (monitoring) {
            const scope = new PrivateLinkScope(
                `${name}-ampls`,
                {
                    scopeName: privateLinkScopeName(args.namePrefix),
                    resourceGroupName: args.resourceGroupName,
                    location: "global",
                    tags: args.tags,
                    accessModeSettings: { ingestionAccessMode: monitoring.accessMode ?? "PrivateOnly", queryAccessMode: monitoring.accessMode ?? "PrivateOnly" },
                },
                { parent: this },
            );
            const scoped: pulumi.Resource[] = [];
            const linked: [string, pulumi.Input<string> | undefined][] = [
                ["logs", monitoring.logAnalyticsId],
                ["insights", monitoring.applicationInsightsId],
                ...Object.entries(monitoring.moreApplicationInsightsIds ?? {}).map(([key, id]): [string, pulumi.Input<string>] => [`insights-${key}`, id]),
            ];
            for (const [role, id] of linked) {
                if (id === undefined) continue;
                scoped.push(
                    new PrivateLinkScopedResource(
                        `${name}-ampls-${role}`,
                        { name: `scoped-${role}`, scopeName: scope.name, resourceGroupName: args.resourceGroupName, linkedResourceId: id },
                        { parent: this },
                    ),
                );
            }
            // The endpoint is created once the scope holds its resources, so its DNS records cover them.
            endpoint(MONITOR_ENDPOINT_ROLE, "azuremonitor", false, scope.id, scoped);
            this.privateLinkScopeId = scope.id;
        }
        this.endpointIds = endpointIds;
        this.dnsZoneIds = dns.zoneIds;
        this.registerOutputs({ endpointIds: this.endpointIds, privateLinkScopeId: this.privateLinkScopeId });
    }
}
