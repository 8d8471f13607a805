import * as pulumi from "@pulumi/pulumi";
import { PrivateDnsZoneGroup, PrivateEndpoint } from "@pulumi/azure-native/network";
import { endpointNicName, privateEndpointName } from "./network-names";
import type { PrivateLinkGroupId } from "./private-link-zones";

/** What {@link privateEndpointWithDns} needs. */
export interface PrivateEndpointSpec {
    /** Resource group of the endpoint. */
    resourceGroupName: pulumi.Input<string>;
    /** Region of the endpoint (the network's). */
    location: pulumi.Input<string>;
    /** Tags. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Endpoint name (2-64), e.g. `pep-aml-prod-workspace`. */
    endpointName: string;
    /** Resource the endpoint connects to. */
    targetId: pulumi.Input<string>;
    /** Sub-resource (group ID), e.g. `amlworkspace`. */
    groupId: PrivateLinkGroupId;
    /** Subnet the endpoint's interface goes into. */
    subnetId: pulumi.Input<string>;
    /** Zones the zone group registers the endpoint in; empty for no zone group (DNS managed by Azure Policy). */
    zones: { name: string; id: pulumi.Input<string> }[];
    /** Resources the endpoint must wait for (the target, DNS links). */
    dependsOn: pulumi.Resource[];
}

/** The endpoint and its zone group. */
export interface PrivateEndpointWithDns {
    /** The endpoint. */
    endpoint: PrivateEndpoint;
    /** Its zone group, unless DNS is policy-managed. */
    zoneGroup?: PrivateDnsZoneGroup;
}

/**
 * The one way the toolkit reaches a resource privately: a private endpoint
 * for one group ID plus a DNS zone group holding every zone that group
 * needs (both AML zones for `amlworkspace`, all five Azure Monitor zones for
 * `azuremonitor`). Both wait for the target and the zones' network links, so
 * records appear only once they can resolve.
 */
export function privateEndpointWithDns(name: string, spec: PrivateEndpointSpec, opts: { parent: pulumi.Resource }): PrivateEndpointWithDns {
    const endpoint = new PrivateEndpoint(
        name,
        {
            privateEndpointName: privateEndpointName(spec.endpointName),
            resourceGroupName: spec.resourceGroupName,
            location: spec.location,
            tags: spec.tags,
            subnet: { id: spec.subnetId },
            customNetworkInterfaceName: endpointNicName(spec.endpointName),
            privateLinkServiceConnections: [
                { name: privateEndpointName(spec.endpointName), privateLinkServiceId: spec.targetId, groupIds: [spec.groupId] },
            ],
        },
        { parent: opts.parent, dependsOn: spec.dependsOn },
    );
    if (spec.zones.length === 0) return { endpoint };
    const zoneGroup = new PrivateDnsZoneGroup(
        `${name}-dns`,
        {
            privateDnsZoneGroupName: "default",
            privateEndpointName: endpoint.name,
            resourceGroupName: spec.resourceGroupName,
            // Config names are unique in the group; the portal's convention is the zone name without dots.
            privateDnsZoneConfigs: spec.zones.map((zone) => ({ name: zone.name.replace(/\./g, "-"), privateDnsZoneId: zone.id })),
        },
        { parent: opts.parent, dependsOn: [endpoint, ...spec.dependsOn] },
    );
    return { endpoint, zoneGroup };
}
