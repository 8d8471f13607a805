import type { PublicNetworkAccess, RegistrySku } from "../enums";
import * as pulumi from "@pulumi/pulumi";
import { Registry } from "@pulumi/azure-native/machinelearningservices";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { privateEndpointBase } from "../network/network-names";
import { privateEndpointWithDns } from "../network/private-endpoint";
import type { PrivateAccessTarget } from "../network/private-access";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import {
    modelRegistryName,
    REGISTRY_DEFAULTS,
    registryRegions,
    type RegistryStorageAccountType,
} from "./registry-settings";

/** The private endpoint group ID (sub-resource) of an Azure ML registry. */
export const REGISTRY_GROUP_ID = "amlregistry";
/** The role part of the registry's private endpoint name (`pep-<prefix>-mlregistry`). */
export const REGISTRY_ENDPOINT_ROLE = "mlregistry";

/** One region the registry replicates to, with its own storage settings. */
export interface ModelRegistryReplica {
    /** ARM location, e.g. `westeurope`. */
    location: string;
    /** Storage account type of this region's storage account. Default: the registry's `storageAccountType`. */
    storageAccountType?: RegistryStorageAccountType;
    /** Hierarchical namespace (Data Lake Storage Gen2) on this region's storage account. Default: the registry's `storageHierarchicalNamespace`. */
    storageHierarchicalNamespace?: boolean;
}

/** One private DNS zone the registry's endpoint registers in. */
export interface ModelRegistryDnsZone {
    /** Zone name, e.g. `privatelink.api.azureml.ms` (see `zonesFor("amlregistry", cloud, "")`). */
    name: string;
    /** Zone resource ID. */
    id: pulumi.Input<string>;
}

/** The registry's own private endpoint (when the stack does not reach it through `PrivateAccess`). */
export interface ModelRegistryPrivateEndpoint {
    /** Subnet of the endpoint's interface. */
    subnetId: pulumi.Input<string>;
    /** Region of the endpoint (the network's). Default: the registry's `location`. */
    location?: pulumi.Input<string>;
    /** Zones of the endpoint's DNS zone group. Default none: no zone group (DNS managed by Azure Policy). */
    dnsZones?: ModelRegistryDnsZone[];
}

/** Arguments of {@link ModelRegistry}. */
export interface ModelRegistryArgs extends PlacementArgs {
    /** Base of derived names, e.g. `aml-prod`: the registry is `mlr-<prefix>`. */
    namePrefix: string;
    /** Registry name (2-32, unique in the tenant, never renamable). Default `mlr-<namePrefix>`. */
    registryName?: string;
    /** Regions to replicate to besides the primary (`location`, always first). Default none. */
    replicas?: ModelRegistryReplica[];
    /** Storage account type of every region without its own. Default `Standard_LRS`. */
    storageAccountType?: RegistryStorageAccountType;
    /** Hierarchical namespace on every region's storage account without its own setting. Default false (Blob storage). */
    storageHierarchicalNamespace?: boolean;
    /** SKU of the registry's container registry. Default `Premium` (replication and private link need it). */
    acrSku?: RegistrySku;
    /** Public network access. Default `Disabled`. */
    publicNetworkAccess?: PublicNetworkAccess;
    /** The registry's own private endpoint. Default none (give `PrivateAccess` the target `registryPrivateAccessTarget(registry)` instead). */
    privateEndpoint?: ModelRegistryPrivateEndpoint;
    /** Log Analytics workspace of the registry's resource logs. Default: no diagnostic setting. */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Deletion guards. Default: neither. */
    protection?: StatefulProtection;
}

/**
 * An Azure Machine Learning registry shared by the platform's workspaces:
 * in the stack's resource group and primary region, replicated to further
 * regions (a storage account per region and one Premium container registry
 * replicated to all, both created by Azure in a managed resource group),
 * with a system-assigned identity, public network access off by default and
 * reached through an `amlregistry` private endpoint, its asset read/write
 * events sent to Log Analytics.
 *
 * Consumers get `AzureML Registry User` on the registry `id` from the
 * access component. Sources: "Create and manage registries" and "Network
 * isolation with registries" (learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation).
 */
export class ModelRegistry extends pulumi.ComponentResource {
    /** Registry resource ID (the scope of registry role assignments). */
    readonly id: pulumi.Output<string>;
    /** Registry name. */
    readonly registryName: pulumi.Output<string>;
    /** Discovery URL (`https://<region>.api.azureml.ms/registrymanagement/v1.0/registries/<name>/discovery`). */
    readonly discoveryUrl: pulumi.Output<string | undefined>;
    /** MLflow registry URI. */
    readonly mlFlowRegistryUri: pulumi.Output<string | undefined>;
    /** Principal ID of the registry's system-assigned identity. */
    readonly principalId: pulumi.Output<string | undefined>;
    /** Regions in order, the primary first. */
    readonly regions: pulumi.Output<string[]>;
    /** The registry's private endpoint ID, when the component created one. */
    readonly privateEndpointId?: pulumi.Output<string>;

    constructor(name: string, args: ModelRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ModelRegistry", name, {}, opts);
        const replicas = args.replicas ?? [];
        const defaultType = args.storageAccountType ?? REGISTRY_DEFAULTS.storageAccountType;
        const defaultHns = args.storageHierarchicalNamespace ?? REGISTRY_DEFAULTS.storageHierarchicalNamespace;
        const acrSku = args.acrSku ?? REGISTRY_DEFAULTS.acrSku;
        const publicNetworkAccess = args.publicNetworkAccess ?? REGISTRY_DEFAULTS.publicNetworkAccess;
        const byLocation = new Map(replicas.map((r) => [r.location.toLowerCase(), r]));
        const regions = pulumi.output(args.location).apply((primary) => registryRegions(primary, replicas.map((r) => r.location)));
        // One entry per region, the primary first: the registries API takes the primary from `location`
        // and needs it in the list; each region gets its own system-created storage account, and the
        // one system-created ACR (replicated to every region) is declared in each entry.
        const regionDetails = regions.apply((list) =>
            list.map((location) => {
                const own = byLocation.get(location);
                return {
                    location,
                    storageAccountDetails: [
                        {
                            systemCreatedStorageAccount: {
                                storageAccountType: own?.storageAccountType ?? defaultType,
                                storageAccountHnsEnabled: own?.storageHierarchicalNamespace ?? defaultHns,
                                allowBlobPublicAccess: false,
                            },
                        },
                    ],
                    acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: acrSku } }],
                };
            }),
        );
        const registry = new Registry(
            `${name}-registry`,
            {
                registryName: args.registryName ?? modelRegistryName(args.namePrefix),
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                // The registries API creates the managed resources with the registry's own identity.
                identity: { type: "SystemAssigned" },
                publicNetworkAccess,
                regionDetails,
            },
            statefulOptions(this, args.protection),
        );
        if (args.logAnalyticsWorkspaceId) {
            sendDiagnostics(`${name}-diag`, registry.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.mlRegistry, { parent: this });
        }
        if (args.privateEndpoint) {
            const pe = args.privateEndpoint;
            const made = privateEndpointWithDns(
                `${name}-pe`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: pe.location ?? args.location,
                    tags: args.tags,
                    endpointName: privateEndpointBase(args.namePrefix, REGISTRY_ENDPOINT_ROLE, REGISTRY_GROUP_ID, false),
                    targetId: registry.id,
                    groupId: REGISTRY_GROUP_ID,
                    subnetId: pe.subnetId,
                    zones: pe.dnsZones ?? [],
                    dependsOn: [registry],
                },
                { parent: this },
            );
            this.privateEndpointId = made.endpoint.id;
        }
        this.id = registry.id;
        this.registryName = registry.name;
        this.discoveryUrl = registry.discoveryUrl;
        this.mlFlowRegistryUri = registry.mlFlowRegistryUri;
        this.principalId = registry.identity.apply((i) => i?.principalId);
        this.regions = regions;
        this.registerOutputs({
            id: this.id,
            registryName: this.registryName,
            discoveryUrl: this.discoveryUrl,
            mlFlowRegistryUri: this.mlFlowRegistryUri,
            principalId: this.principalId,
            regions: this.regions,
            privateEndpointId: this.privateEndpointId,
        });
    }
}

/** The registry as a `PrivateAccess` target: one `amlregistry` endpoint named `pep-<prefix>-mlregistry`, zones from the one zone table. */
export function registryPrivateAccessTarget(registry: ModelRegistry): PrivateAccessTarget {
    return { role: REGISTRY_ENDPOINT_ROLE, resourceId: registry.id, groupIds: [REGISTRY_GROUP_ID] };
}
