/**
 * Built-in Azure role definitions the toolkit grants, and which roles a
 * workspace identity needs on each associated resource (pure data).
 */
import { BUILTIN_ROLE_IDS } from "./builtin-roles";

/**
 * Built-in role GUIDs under the short keys the workspace grants use, each taken from the one
 * table of built-in roles by display name ({@link BUILTIN_ROLE_IDS}, which carries the source and
 * date), so a GUID is written once.
 */
export const BUILTIN_ROLES = {
    contributor: BUILTIN_ROLE_IDS.Contributor,
    storageBlobDataContributor: BUILTIN_ROLE_IDS["Storage Blob Data Contributor"],
    storageBlobDataReader: BUILTIN_ROLE_IDS["Storage Blob Data Reader"],
    storageFileDataPrivilegedContributor: BUILTIN_ROLE_IDS["Storage File Data Privileged Contributor"],
    keyVaultAdministrator: BUILTIN_ROLE_IDS["Key Vault Administrator"],
    keyVaultCryptoServiceEncryptionUser: BUILTIN_ROLE_IDS["Key Vault Crypto Service Encryption User"],
    keyVaultCryptoUser: BUILTIN_ROLE_IDS["Key Vault Crypto User"],
    keyVaultCryptoOfficer: BUILTIN_ROLE_IDS["Key Vault Crypto Officer"],
    acrPull: BUILTIN_ROLE_IDS.AcrPull,
    acrPush: BUILTIN_ROLE_IDS.AcrPush,
    monitoringMetricsPublisher: BUILTIN_ROLE_IDS["Monitoring Metrics Publisher"],
    azureMlDataScientist: BUILTIN_ROLE_IDS["AzureML Data Scientist"],
    azureMlComputeOperator: BUILTIN_ROLE_IDS["AzureML Compute Operator"],
    azureMlRegistryUser: BUILTIN_ROLE_IDS["AzureML Registry User"],
    azureAiEnterpriseNetworkConnectionApprover: BUILTIN_ROLE_IDS["Azure AI Enterprise Network Connection Approver"],
    reader: BUILTIN_ROLE_IDS.Reader,
    networkContributor: BUILTIN_ROLE_IDS["Network Contributor"],
    kubernetesExtensionContributor: BUILTIN_ROLE_IDS["Kubernetes Extension Contributor"],
    aksClusterAdmin: BUILTIN_ROLE_IDS["Azure Kubernetes Service Cluster Admin Role"],
} as const;

/** A role name from {@link BUILTIN_ROLES}. */
export type BuiltinRole = keyof typeof BUILTIN_ROLES;

/** An associated resource of the workspace that its identity must reach. */
export type AssociatedResource = "storage" | "keyVault" | "containerRegistry" | "applicationInsights";

/**
 * Roles a user-assigned workspace identity needs, per associated resource, at
 * that resource's scope (never the group or subscription). Source: "Set up
 * authentication between Azure Machine Learning and other services"
 * (https://learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication,
 * the user-assigned identity table; checked 2026-12-02): Contributor on each
 * resource for the control plane, plus the data-plane roles. Storage File Data
 * Privileged Contributor is added because identity-based datastores also
 * mount the notebooks share, and Monitoring Metrics Publisher because App
 * Insights has local auth off, so telemetry must be sent with Entra ID.
 */
export const WORKSPACE_IDENTITY_ROLES: Readonly<Record<AssociatedResource, readonly BuiltinRole[]>> = {
    storage: ["contributor", "storageBlobDataContributor", "storageFileDataPrivilegedContributor"],
    keyVault: ["contributor", "keyVaultAdministrator"],
    containerRegistry: ["contributor", "acrPush"],
    applicationInsights: ["contributor", "monitoringMetricsPublisher"],
};

/**
 * Roles Azure Machine Learning itself assigns to a workspace's
 * system-assigned identity on the associated resources when it creates the
 * workspace. Source: "Set up authentication between Azure Machine Learning and
 * other services" (https://learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication,
 * "Workspace identity types": role assignment creation for a system-assigned
 * identity is "Managed by Microsoft"; checked 2026-12-02), which are the
 * documented table above less the toolkit's additions; the Storage Blob Data
 * Contributor grant is confirmed by "The role assignment already exists"
 * (https://github.com/MicrosoftDocs/azure-docs/issues/80040). Granting one of
 * these again fails with `RoleAssignmentExists` (the service's assignment has
 * another name), so the toolkit grants a system identity only the rest.
 */
export const SERVICE_GRANTED_ROLES: Readonly<Record<AssociatedResource, readonly BuiltinRole[]>> = {
    storage: ["contributor", "storageBlobDataContributor"],
    keyVault: ["contributor", "keyVaultAdministrator"],
    containerRegistry: ["contributor"],
    applicationInsights: ["contributor"],
};

/** The roles the toolkit grants a workspace identity on one associated resource: all of them for a user-assigned identity, those the service does not make for a system-assigned one. */
export function rolesToGrant(resource: AssociatedResource, identity: "UserAssigned" | "SystemAssigned"): readonly BuiltinRole[] {
    const all = WORKSPACE_IDENTITY_ROLES[resource];
    return identity === "UserAssigned" ? all : all.filter((role) => !SERVICE_GRANTED_ROLES[resource].includes(role));
}

/**
 * Roles a user-assigned workspace identity needs beyond the associated
 * resources, by where they are granted:
 * - `workspace`: Contributor on the workspace itself (the table in "Set up
 *   authentication between Azure Machine Learning and other services", row
 *   "Azure Machine Learning workspace"); granted once the workspace exists, at its ID.
 * - `managedNetworkApprover`: Azure AI Enterprise Network Connection Approver, which a
 *   managed-network workspace with a user-assigned identity needs to approve the private
 *   endpoints its managed network creates to the associated resources ("Workspace Managed
 *   Virtual Network Isolation",
 *   https://learn.microsoft.com/azure/machine-learning/how-to-managed-network, note under
 *   Prerequisites; checked 2026-12-02). The article names no scope; the toolkit grants it on
 *   the workspace's resource group, where the endpoints' targets live.
 * - `studioEndpointReader`: Reader on each private endpoint of the default storage account in
 *   the customer network when the account's public network access is disabled (same
 *   article, "Azure Machine Learning studio"; blob and file endpoints).
 */
export const WORKSPACE_EXTRA_ROLES = {
    workspace: "contributor",
    managedNetworkApprover: "azureAiEnterpriseNetworkConnectionApprover",
    studioEndpointReader: "reader",
} as const satisfies Record<string, BuiltinRole>;

/**
 * Roles whose data actions include get, wrapKey and unwrapKey on keys: any of them, at the
 * key, its vault or above, lets a service use a customer-managed key. Source: "Azure built-in
 * roles for Security" (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security),
 * checked 2026-12-02. The toolkit grants the narrowest, Key Vault Crypto Service Encryption
 * User, as "Configure customer-managed keys for your Azure Cosmos DB account"
 * (https://learn.microsoft.com/azure/cosmos-db/how-to-setup-customer-managed-keys) does for
 * an RBAC vault.
 */
export const KEY_UNWRAP_ROLES: readonly BuiltinRole[] = ["keyVaultCryptoServiceEncryptionUser", "keyVaultCryptoUser", "keyVaultCryptoOfficer", "keyVaultAdministrator"];
