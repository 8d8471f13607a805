/**
 * What each Azure Container Registry tier offers, as far as the toolkit relies on it: one
 * rule that the config checks, the PrivateAccess component, the simulator and the policy
 * pack all call, so "registry private endpoints need Premium" is decided in one place.
 *
 * Source: "Azure Container Registry SKUs" (https://learn.microsoft.com/azure/container-registry/container-registry-skus):
 * Premium "adds features such as ... private link with private endpoints to restrict access to
 * the registry"; network rules (firewall) are Premium too (the same page's feature table, and
 * PSRule "Azure.ACR.MinSku", https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.ACR.MinSku).
 * Read 2026-12-02.
 */

/** A registry tier (ARM `sku.name`). */
export type RegistrySku = "Basic" | "Standard" | "Premium";

/** A registry feature only some tiers offer. */
export type RegistryTierFeature = "privateEndpoints" | "networkRules";

/** The tiers offering each feature. */
export const REGISTRY_FEATURE_TIERS: Readonly<Record<RegistryTierFeature, readonly RegistrySku[]>> = Object.freeze({
    privateEndpoints: Object.freeze(["Premium"] as RegistrySku[]),
    networkRules: Object.freeze(["Premium"] as RegistrySku[]),
});

/** True when a registry of tier `sku` (as ARM spells it, any case) offers `feature`; false for a missing or unknown tier. */
export function registrySkuOffers(sku: unknown, feature: RegistryTierFeature): boolean {
    return typeof sku === "string" && REGISTRY_FEATURE_TIERS[feature].some((t) => t.toLowerCase() === sku.toLowerCase());
}

/** True when a registry of tier `sku` can have private endpoints (Premium only). */
export function registrySkuAllowsPrivateEndpoints(sku: unknown): boolean {
    return registrySkuOffers(sku, "privateEndpoints");
}
