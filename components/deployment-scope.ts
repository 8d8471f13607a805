/**
 * Which subscription the platform deploys into (pure). Adopted resources are
 * named by ARM ID, and an ID carries its subscription: the toolkit must create
 * things where the ID says, never in whatever subscription the default provider
 * happens to use.
 *
 * - Everything the platform creates goes into its resource group, so an adopted
 *   group's subscription is the deployment subscription.
 * - Private endpoints (and compute placed in a customer subnet) are created in the
 *   adopted network's subnets, and "the private endpoint must be deployed in the
 *   same region and subscription as the virtual network" ("What is a private
 *   endpoint?", https://learn.microsoft.com/azure/private-link/private-endpoint-overview);
 *   without an adopted group, an adopted network therefore fixes the subscription.
 * - Other adopted IDs (storage, key vault, registry, monitoring, identity, DNS zones)
 *   are only referenced by their full ID (workspace links, role assignment and
 *   diagnostic scopes, zone groups), which ARM resolves in the ID's own subscription.
 */
import type { AzureCloud } from "./clouds";
import { parseResourceId } from "./resource-ids";

/** Inputs: the adopted IDs that decide placement. */
export interface DeploymentScopeInputs {
    /** `resourceGroup.existingId`, when the group is adopted. */
    resourceGroupId?: string;
    /** `network.virtualNetwork.existingId`, when the network is adopted. */
    virtualNetworkId?: string;
    /** True when the stack creates something inside the adopted network (private endpoints, compute). */
    createsInNetwork: boolean;
}

/** The decision: an explicit subscription (with the setting it comes from), or the default provider's. */
export interface DeploymentScope {
    /** Subscription to deploy into; undefined: the default provider's. */
    subscriptionId?: string;
    /** Config key the subscription comes from. */
    from?: "resourceGroup.existingId" | "network.virtualNetwork.existingId";
    /** The adopted network lies in another subscription than the adopted group (ARM would refuse its private endpoints). */
    conflict?: { groupSubscription: string; networkSubscription: string };
}

/** Decides the deployment subscription from the adopted IDs. */
export function deploymentScope(s: DeploymentScopeInputs): DeploymentScope {
    const group = s.resourceGroupId ? parseResourceId(s.resourceGroupId).subscriptionId : undefined;
    const network = s.virtualNetworkId && s.createsInNetwork ? parseResourceId(s.virtualNetworkId).subscriptionId : undefined;
    if (group !== undefined) {
        const conflict = network !== undefined && network.toLowerCase() !== group.toLowerCase() ? { groupSubscription: group, networkSubscription: network } : undefined;
        return { subscriptionId: group, from: "resourceGroup.existingId", conflict };
    }
    if (network !== undefined) return { subscriptionId: network, from: "network.virtualNetwork.existingId" };
    return {};
}

/** The azure-native provider's `environment` value for each cloud ("Provider" arguments: public, usgovernment, china). */
export const PROVIDER_ENVIRONMENT: Readonly<Record<AzureCloud, string>> = {
    AzureCloud: "public",
    AzureUSGovernment: "usgovernment",
    AzureChinaCloud: "china",
};
