import * as pulumi from "@pulumi/pulumi";
import { PrivateZone, VirtualNetworkLink } from "@pulumi/azure-native/privatedns";
import { dnsLinkName } from "./network-names";

/**
 * How a stack's private endpoints get their DNS records. An `as const` object with its value
 * type, not a bare string union: Pulumi's component analyzer refuses anonymous unions and turns
 * this shape into a schema enum (`aml-workspace:index:PrivateDnsMode`).
 */
export const PrivateDnsMode = {
    /** Create each zone and link it to the virtual network. */
    create: "create",
    /** Use zones that exist already (central DNS in a hub), by ID. */
    existing: "existing",
    /** No zones: the organisation's Azure Policy writes the records. */
    policyManaged: "policyManaged",
} as const;
/** A {@link PrivateDnsMode} value. */
export type PrivateDnsMode = (typeof PrivateDnsMode)[keyof typeof PrivateDnsMode];

/** Arguments of {@link PrivateDnsZones}. */
export interface PrivateDnsZonesArgs {
    /** Resource group of created zones. */
    resourceGroupName: pulumi.Input<string>;
    /** Tags of created zones and links. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Zone names the stack's endpoints need (duplicates are ignored). */
    zoneNames: string[];
    /** `create` (default): create each zone and link it to `virtualNetworkId`; `existing`: use `existingZoneIds`; `policyManaged`: no zones, Azure Policy writes the records. */
    mode?: PrivateDnsMode;
    /** Existing zone IDs by zone name (mode `existing`). Default: none. */
    existingZoneIds?: Record<string, string>;
    /** Network the created zones are linked to. Required in mode `create`. */
    virtualNetworkId?: pulumi.Input<string>;
    /** Name of the network (for link names). Required in mode `create`. */
    virtualNetworkName?: string;
}

/**
 * The private DNS zones of a stack's private endpoints: created once per zone
 * name (storage and Azure Monitor share the blob zone) and linked to the
 * virtual network, or taken as existing IDs (central DNS in a hub), or left
 * to the organisation's Azure Policy (then endpoints get no zone group).
 *
 * Mode `create` links each zone to the network; a network can be linked to only
 * one zone of a given name (hub and spoke share one zone per name: "Azure Private
 * Endpoint DNS integration", https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration),
 * so `create` on an adopted landing-zone network that is already linked to the
 * hub's zones fails; the config defaults an adopted network to `existing`.
 */
export class PrivateDnsZones extends pulumi.ComponentResource {
    /** Zone ID by zone name; empty in mode `policyManaged`. */
    readonly zoneIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The created zones' network links (empty unless mode `create`). */
    readonly links: VirtualNetworkLink[];

    constructor(name: string, args: PrivateDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:PrivateDnsZones", name, {}, opts);
        const mode = args.mode ?? "create";
        const names = [...new Set(args.zoneNames)];
        const zoneIds: Record<string, pulumi.Output<string>> = {};
        const links: VirtualNetworkLink[] = [];
        if (mode === "existing") {
            const given = Object.fromEntries(Object.entries(args.existingZoneIds ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
            const missing = names.filter((z) => given[z.toLowerCase()] === undefined);
            if (missing.length > 0) throw new pulumi.ResourceError(`existingZoneIds has no ID for ${missing.join(", ")}`, this);
            for (const zone of names) zoneIds[zone] = pulumi.output(given[zone.toLowerCase()]);
        } else if (mode === "create") {
            if (args.virtualNetworkId === undefined || !args.virtualNetworkName) throw new pulumi.ResourceError("virtualNetworkId and virtualNetworkName are required to create and link zones", this);
            for (const zone of names) {
                const created = new PrivateZone(
                    `${name}-${zone}`,
                    { privateZoneName: zone, resourceGroupName: args.resourceGroupName, location: "global", tags: args.tags },
                    { parent: this },
                );
                links.push(
                    new VirtualNetworkLink(
                        `${name}-${zone}-link`,
                        {
                            virtualNetworkLinkName: dnsLinkName(args.virtualNetworkName),
                            privateZoneName: created.name,
                            resourceGroupName: args.resourceGroupName,
                            location: "global",
                            tags: args.tags,
                            virtualNetwork: { id: args.virtualNetworkId },
                            // Records come from zone groups; VMs must not register themselves in a privatelink zone.
                            registrationEnabled: false,
                        },
                        { parent: this },
                    ),
                );
                zoneIds[zone] = created.id;
            }
        }
        this.zoneIds = zoneIds;
        this.links = links;
        this.registerOutputs({ zoneIds: this.zoneIds });
    }
}
