/**
 * The IoT hub a serving workspace's edge devices connect to (issue 12 item 2): hardened by default.
 *
 * Documentation (read 2026-12-04):
 * - "Control access to IoT Hub by using Microsoft Entra ID"
 *   (https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-azure-ad): `disableLocalAuth`
 *   turns shared access keys/policies off for the service APIs; the data-plane providers of this
 *   folder (iothub-rest.ts) use Entra ID tokens, so nothing here needs a key. Device SAS stays
 *   available (a `sas` device needs it); X.509 devices are the default.
 * - "Transport Layer Security (TLS) support in IoT Hub"
 *   (https://learn.microsoft.com/azure/iot-hub/iot-hub-tls-support): `minTlsVersion: "1.2"` can only be
 *   set when the hub is created (a replace otherwise).
 * - "IoT Hub support for virtual networks with Azure Private Link"
 *   (https://learn.microsoft.com/azure/iot-hub/virtual-network-support): `publicNetworkAccess`
 *   Disabled with a private endpoint (group `iotHub`; zones in components/network/private-link-zones.ts).
 * - "Understand and use IoT Hub message routing" (https://learn.microsoft.com/azure/iot-hub/iot-concepts-and-iot-hub):
 *   once a route exists, messages matching none are dropped unless the fallback route sends them
 *   to the built-in endpoint `events`; the hub has no custom route, so the fallback route is
 *   what delivers device telemetry (the edge modules' `$upstream` messages).
 * - "IoT Hub managed identity" (https://learn.microsoft.com/azure/iot-hub/iot-hub-managed-identity):
 *   a hub's managed identity is for *egress* from the hub (routing endpoints, file upload, bulk
 *   import/export). Edge devices do not pull images with it: the IoT Edge agent pulls with the
 *   `registryCredentials` of the deployment manifest ("Learn how to deploy modules and establish
 *   routes in IoT Edge"), here a repository-scoped token (edge-registry-token.ts). So the hub gets a
 *   system-assigned identity (for identity-based routing endpoints; no role is granted, as it routes
 *   only to the built-in endpoint) and no AcrPull: a grant no puller uses would only widen access.
 */
import * as pulumi from "@pulumi/pulumi";
import { IotHubResource } from "@pulumi/azure-native/iothub";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import type { PublicNetworkAccess } from "../enums";

/** IoT hub SKUs the toolkit offers: the standard tiers (IoT Edge needs cloud-to-device and module twins, which the basic tiers lack). */
export const IotHubSku = { S1: "S1", S2: "S2", S3: "S3" } as const;
/** A {@link IotHubSku} value. */
export type IotHubSku = (typeof IotHubSku)[keyof typeof IotHubSku];

/**
 * Most units of a hub per SKU without a support request: "Azure subscription and service limits,
 * quotas, and constraints", IoT Hub limits (https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#iot-hub-limits,
 * read 2026-12-05): S1 200, S2 200, S3 10 ("If you anticipate using more than 200 units with an S1
 * or S2 tier hub or 10 units with an S3 tier hub, contact Microsoft Support").
 */
export const IOT_HUB_MAX_UNITS: Readonly<Record<IotHubSku, number>> = { S1: 200, S2: 200, S3: 10 };

/** Why `units` of `sku` would be refused, or undefined. */
export function iotHubUnitsProblem(sku: string, units: number): string | undefined {
    const max = (IOT_HUB_MAX_UNITS as Readonly<Record<string, number>>)[sku];
    if (max === undefined) return `SKU ${sku} is not one of ${Object.keys(IOT_HUB_MAX_UNITS).join(", ")}`;
    if (!Number.isInteger(units) || units < 1 || units > max) return `${units} units of ${sku}: a hub has 1-${max} units of ${sku} (more only through a support request)`;
    return undefined;
}

/** Defaults of the hub (SERVING_DEFAULTS `serving.iotHub.*` reads these). */
export const IOT_HUB_DEFAULTS = { sku: IotHubSku.S1, units: 1 } as const;

/** Arguments of {@link IotHub}. */
export interface IotHubArgs {
    /** Hub name (globally unique, 3-50 letters, digits, hyphens). Required. */
    hubName: string;
    /** Resource group. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Region. Required. */
    location: string;
    /** Tags. Default: none. */
    tags?: { [key: string]: string };
    /** SKU. Default `S1`. */
    sku?: IotHubSku;
    /** Units of the SKU. Default 1. */
    units?: number;
    /** Public network access. Default `Disabled` (reached through a private endpoint). */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Log Analytics workspace of the diagnostics. Required. */
    logAnalyticsWorkspaceId: pulumi.Input<string>;
}

/** An IoT hub with Entra-only service APIs, TLS 1.2, a fallback route and diagnostics. */
export class IotHub extends pulumi.ComponentResource {
    /** Hub ARM ID. */
    readonly id: pulumi.Output<string>;
    /** Host name (`<hub>.azure-devices.net` in the public cloud), as the hub reports it. */
    readonly hostName: pulumi.Output<string>;
    /** The hub resource (private endpoints and diagnostics target it). */
    readonly hub: IotHubResource;

    constructor(name: string, args: IotHubArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:IotHub", name, {}, opts);
        this.hub = new IotHubResource(
            `${name}-hub`,
            {
                resourceName: args.hubName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                sku: { name: args.sku ?? IOT_HUB_DEFAULTS.sku, capacity: args.units ?? IOT_HUB_DEFAULTS.units },
                identity: { type: "SystemAssigned" },
                properties: {
                    disableLocalAuth: true,
                    minTlsVersion: "1.2",
                    publicNetworkAccess: args.publicNetworkAccess ?? "Disabled",
                    routing: {
                        fallbackRoute: { name: "$fallback", source: "DeviceMessages", condition: "true", endpointNames: ["events"], isEnabled: true },
                    },
                },
            },
            { parent: this },
        );
        sendDiagnostics(`${name}-diagnostics`, this.hub.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.iotHub, { parent: this });
        this.id = this.hub.id;
        // The hub reports its host name (the suffix differs per cloud: azure-devices.net, .us, .cn).
        this.hostName = this.hub.properties.apply((p) => p.hostName);
        this.registerOutputs({ id: this.id, hostName: this.hostName });
    }
}
