/**
 * The ARM resource type each resource-ID key of the stack config must name: one table, read
 * by the schema-error message (the expected ID shape, in plain words) and by the adoption
 * check (an ID of the wrong type), so the two cannot name different types.
 */

/** One resource-ID key and the type its ID names. */
export interface ExistingIdKey {
    /** Key path under `aml-workspace:platform`; `*` stands for any one key (a map's entries). */
    readonly key: string;
    /** The ARM type (`Microsoft.Storage/storageAccounts`); undefined for a resource group ID. */
    readonly armType: string | undefined;
    /** True when the key is `<section>.existingId` and the section's `name` then conflicts with it. */
    readonly adopts: boolean;
}

/** Every resource-ID key the config has, in the order problems are reported. */
export const EXISTING_ID_KEYS: readonly ExistingIdKey[] = Object.freeze([
    { key: "resourceGroup.existingId", armType: undefined, adopts: true },
    { key: "storage.existingId", armType: "Microsoft.Storage/storageAccounts", adopts: true },
    { key: "keyVault.existingId", armType: "Microsoft.KeyVault/vaults", adopts: true },
    { key: "containerRegistry.existingId", armType: "Microsoft.ContainerRegistry/registries", adopts: true },
    { key: "monitoring.logAnalytics.existingId", armType: "Microsoft.OperationalInsights/workspaces", adopts: true },
    { key: "monitoring.applicationInsights.existingId", armType: "Microsoft.Insights/components", adopts: true },
    { key: "network.virtualNetwork.existingId", armType: "Microsoft.Network/virtualNetworks", adopts: true },
    { key: "network.privateDns.zoneIds.*", armType: "Microsoft.Network/privateDnsZones", adopts: false },
    { key: "workspace.identity.existingId", armType: "Microsoft.ManagedIdentity/userAssignedIdentities", adopts: true },
]);

/** The table entry of a key path (`network.privateDns.zoneIds.blob` matches `...zoneIds.*`); undefined for another key. */
export function existingIdKeyOf(path: string): ExistingIdKey | undefined {
    const parts = path.split(".");
    return EXISTING_ID_KEYS.find((k) => {
        const pattern = k.key.split(".");
        return pattern.length === parts.length && pattern.every((p, i) => p === "*" || p === parts[i]);
    });
}
