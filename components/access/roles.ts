/**
 * Built-in Azure role definitions the toolkit grants, and which roles a
 * workspace identity needs on each associated resource (pure data).
 */

/** Built-in role GUIDs (identical in every tenant and cloud). */
export const BUILTIN_ROLES = {
    contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    storageFileDataPrivilegedContributor: "69566ab7-960f-475b-8e7c-b3118f30c6bd",
    keyVaultAdministrator: "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e6d-b22465e65bf6",
    acrPull: "7f951dca-d98d-4e05-9dd1-8a9a3cfb3a3a",
    acrPush: "8311e382-0749-4cb8-b61a-304f252e45ec",
    monitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
    azureMlDataScientist: "f6c7c914-8db3-469d-8ca1-694a8f32e121",
    azureMlComputeOperator: "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
    reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
} as const;

/** A role name from {@link BUILTIN_ROLES}. */
export type BuiltinRole = keyof typeof BUILTIN_ROLES;

/** An associated resource of the workspace that its identity must reach. */
export type AssociatedResource = "storage" | "keyVault" | "containerRegistry" | "applicationInsights";

/**
 * Roles a user-assigned workspace identity needs, per associated resource, at
 * that resource's scope (never the group or subscription). Source: "Set up
 * authentication between Azure Machine Learning and other services" (the
 * user-assigned identity table): Contributor on each resource for the control
 * plane, plus the data-plane roles. Storage File Data Privileged Contributor
 * is added because identity-based datastores also mount the notebooks share,
 * and Monitoring Metrics Publisher because App Insights has local auth off, so
 * telemetry must be sent with Entra ID.
 */
export const WORKSPACE_IDENTITY_ROLES: Readonly<Record<AssociatedResource, readonly BuiltinRole[]>> = {
    storage: ["contributor", "storageBlobDataContributor", "storageFileDataPrivilegedContributor"],
    keyVault: ["contributor", "keyVaultAdministrator"],
    containerRegistry: ["contributor", "acrPush"],
    applicationInsights: ["contributor", "monitoringMetricsPublisher"],
};
