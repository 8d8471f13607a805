/**
 * Lifecycle defaults and checks: defaults that depend on other settings
 * (storage replication by region, DNS mode of an adopted network) and what ARM
 * or Azure ML would refuse about storage, zones and subscriptions.
 */
import { deploymentScope } from "../components/deployment-scope";
import { planNetwork } from "../components/network/network-plan";
import { hasAvailabilityZones, isZoneRedundantStorageSku, ZONE_REGIONS } from "../components/regions";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig, PlatformConfigInput, PrivateDnsMode, StorageSku } from "./config-types";

/**
 * Fills the defaults that depend on other settings:
 * - `storage.sku`: `Standard_ZRS` where the region has availability zones, else `Standard_GRS`
 *   (ARM refuses a zone-redundant SKU in a region without zones).
 * - `network.privateDns.mode`: `existing` for an adopted network (a landing-zone spoke is
 *   normally linked to the hub's central zones, and linking it to a second zone of the same
 *   name fails), `create` otherwise.
 */
export function resolveDerivedDefaults(c: PlatformConfigInput): { storageSku: StorageSku; privateDnsMode: PrivateDnsMode } {
    return {
        storageSku: c.storage.sku ?? (hasAvailabilityZones(c.cloud, c.location) ? "Standard_ZRS" : "Standard_GRS"),
        privateDnsMode: c.network.privateDns.mode ?? (c.network.virtualNetwork.existingId ? "existing" : "create"),
    };
}

/** Every lifecycle problem of a config. */
export function lifecycleProblems(c: PlatformConfig): ConfigProblem[] {
    return [...storageProblems(c), ...subscriptionProblems(c)];
}

function storageProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    if (c.storage.hierarchicalNamespace) {
        // "What is an Azure Machine Learning workspace?" (concept-workspace): "Neither premium storage
        // nor hierarchical namespaces are supported with the default storage account of the workspace."
        // https://learn.microsoft.com/azure/machine-learning/concept-workspace
        out.push({
            path: at("storage.hierarchicalNamespace"),
            problem: "is true, but Azure ML does not support a hierarchical namespace on the workspace's default storage account",
            fix: "remove it (or set false); keep Data Lake Storage Gen2 data in a separate account registered as a datastore",
        });
    }
    if (!c.storage.existingId && isZoneRedundantStorageSku(c.storage.sku) && !hasAvailabilityZones(c.cloud, c.location)) {
        out.push({
            path: at("storage.sku"),
            problem: `${c.storage.sku} is zone-redundant, but ${c.location} has no availability zones`,
            fix: `use Standard_LRS, Standard_GRS or Standard_RAGRS, or a region with zones (${ZONE_REGIONS[c.cloud].slice(0, 6).join(", ")}, ... see components/regions.ts)`,
        });
    }
    return out;
}

function subscriptionProblems(c: PlatformConfig): ConfigProblem[] {
    const plan = planNetwork(c);
    const scope = deploymentScope({
        resourceGroupId: c.resourceGroup.existingId,
        virtualNetworkId: c.network.virtualNetwork.existingId,
        createsInNetwork: plan.privateEndpoints || plan.computeInCustomerNetwork,
    });
    if (!scope.conflict) return [];
    return [
        {
            path: at("network.virtualNetwork.existingId"),
            problem: `is in subscription ${scope.conflict.networkSubscription}, but resourceGroup.existingId puts the stack's private endpoints in subscription ${scope.conflict.groupSubscription}; Azure requires a private endpoint in its virtual network's subscription`,
            fix: "adopt a resource group in the network's subscription, or a network (spoke) in the resource group's subscription",
        },
    ];
}
