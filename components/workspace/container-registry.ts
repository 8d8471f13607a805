import * as pulumi from "@pulumi/pulumi";
import { Registry } from "@pulumi/azure-native/containerregistry";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { regionHasZones } from "../regions";
import { bringYourOwn } from "../bring-your-own-check";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { PublicNetworkAccess, RegistrySku } from "../enums";
import { parseResourceId } from "../resource-ids";

/** Arguments of {@link WorkspaceRegistry}. */
export interface WorkspaceRegistryArgs extends PlacementArgs {
    /** ID of an existing registry to adopt; when set nothing is created. Default: create one. */
    existingId?: string;
    /** Name of the registry to create (5-50 letters and digits). Required unless `existingId` is set; must be unset with it. */
    name?: string;
    /** `Basic`, `Standard` or `Premium`. Default `Premium`: private endpoints, network rules, retention and zone redundancy need it. */
    sku?: RegistrySku;
    /** Accept traffic from public networks. Default `Disabled`. */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Public IPs/CIDRs let through the firewall (Premium). Default none. */
    allowedIpRanges?: pulumi.Input<pulumi.Input<string>[]>;
    /** Days untagged manifests and soft-deleted artifacts are kept (Premium). Default 7. */
    retentionDays?: pulumi.Input<number>;
    /** Zone redundancy (Premium; only requested where the region has availability zones, see regions.ts). Default false. */
    zoneRedundant?: boolean;
    /** Login server DNS suffix in this cloud, for adopted registries. Default `azurecr.io`. */
    dnsSuffix?: string;
    /** Log Analytics workspace for diagnostics. Default: none. */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Deletion guards. Default none. */
    protection?: StatefulProtection;
}

/**
 * Image registry for training and inference: admin user and anonymous pull
 * off, no ARM-audience tokens, export blocked when private, untagged-manifest
 * retention on Premium; or an existing registry.
 */
export class WorkspaceRegistry extends pulumi.ComponentResource {
    /** Registry resource ID. */
    readonly id: pulumi.Output<string>;
    /** Registry name. */
    readonly registryName: pulumi.Output<string>;
    /** Login server, e.g. `crexample.azurecr.io`. */
    readonly loginServer: pulumi.Output<string>;
    /** The created registry; undefined when adopted. */
    readonly registry?: Registry;

    constructor(name: string, args: WorkspaceRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:WorkspaceRegistry", name, {}, opts);
        const choice = bringYourOwn("", args, this);
        if (choice.adopt) {
            const parsed = parseResourceId(choice.existingId);
            this.id = pulumi.output(choice.existingId);
            this.registryName = pulumi.output(parsed.name);
            this.loginServer = pulumi.output(`${parsed.name.toLowerCase()}.${args.dnsSuffix ?? "azurecr.io"}`);
        } else {
            const sku = args.sku ?? COMPONENT_DEFAULTS["containerRegistry.sku"];
            const premium = sku === "Premium";
            const publicAccess = args.publicNetworkAccess ?? COMPONENT_DEFAULTS["network.publicNetworkAccess"];
            const retention = args.retentionDays ?? COMPONENT_DEFAULTS["containerRegistry.retentionDays"];
            // ARM refuses zone redundancy in a region without availability zones; a location that is
            // an output (unknown here) is trusted to have been checked by the caller.
            const zoneRedundant = premium && (args.zoneRedundant ?? false) && (typeof args.location !== "string" || regionHasZones(args.location));
            const registry = new Registry(
                `${name}-registry`,
                {
                    registryName: choice.name,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    sku: { name: sku },
                    adminUserEnabled: false,
                    anonymousPullEnabled: false,
                    publicNetworkAccess: publicAccess,
                    // Network rules and dedicated data endpoints exist only on Premium.
                    networkRuleSet: premium
                        ? {
                              defaultAction: "Deny",
                              ipRules: pulumi.output(args.allowedIpRanges ?? []).apply((ranges) => ranges.map((value) => ({ iPAddressOrRange: value, action: "Allow" as const }))),
                          }
                        : undefined,
                    networkRuleBypassOptions: "AzureServices",
                    dataEndpointEnabled: premium && publicAccess === "Disabled",
                    zoneRedundancy: zoneRedundant ? "Enabled" : "Disabled",
                    policies: {
                        // ACR accepts a disabled export policy only when public network access is off.
                        exportPolicy: { status: publicAccess === "Disabled" && premium ? "disabled" : "enabled" },
                        azureADAuthenticationAsArmPolicy: { status: "disabled" },
                        // ACR refuses retention and soft delete together; retention is GA (soft delete is
                        // preview and unsupported with geo-replication), so retention is the one enabled.
                        retentionPolicy: premium ? { status: "enabled", days: retention } : undefined,
                        softDeletePolicy: { status: "disabled" },
                    },
                },
                statefulOptions(this, args.protection),
            );
            if (args.logAnalyticsWorkspaceId) {
                sendDiagnostics(`${name}-diag`, registry.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.containerRegistry, { parent: this });
            }
            this.registry = registry;
            this.id = registry.id;
            this.registryName = registry.name;
            this.loginServer = registry.loginServer;
        }
        this.registerOutputs({ id: this.id, registryName: this.registryName, loginServer: this.loginServer });
    }
}
