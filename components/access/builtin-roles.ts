/**
 * Azure built-in roles by display name, exactly as Azure spells them, with their role definition
 * GUIDs (the same in every tenant and every cloud): the one table of built-in role IDs that
 * components, config checks, policies and the simulator read. Pure data.
 *
 * Source: "Azure built-in roles" (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles),
 * its summary tables by category (Privileged, General, Storage, Containers, AI + machine learning,
 * Security, Monitor), and the category page "Azure built-in roles for AI + machine learning"
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/ai-machine-learning).
 * Checked 2026-12-02 against the page revision dated 2026-04-09 (the two Kubernetes roles of the
 * Containers category added 2026-12-04). Every AzureML / Azure AI /
 * Foundry role of the AI + machine learning category is listed; of the other categories, only
 * the roles the toolkit grants or a platform team commonly grants around a workspace.
 */

/** Built-in role definition GUIDs by role display name. */
export const BUILTIN_ROLE_IDS = {
    // Privileged.
    Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "Role Based Access Control Administrator": "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    // General.
    Reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    // AI + machine learning: Azure Machine Learning workspaces, hubs and registries.
    "AzureML Compute Operator": "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
    "AzureML Data Scientist": "f6c7c914-8db3-469d-8ca1-694a8f32e121",
    "AzureML Metrics Writer (preview)": "635dd51f-9968-44d3-b7fb-6d9a6bd613ae",
    "AzureML Registry User": "1823dd4f-9b8c-4ab6-ab4e-7397a3684615",
    "Azure AI Administrator": "b78c5d69-af96-48a3-bf8d-a8b4d589de94",
    "Azure AI Developer": "64702f94-c441-49e6-a78b-ef80e0188fee",
    "Azure AI Enterprise Network Connection Approver": "b556d68e-0be0-4f35-a333-ad7ee1ce17ea",
    "Azure AI Inference Deployment Operator": "3afb7f49-54cb-416e-8c09-6dc049efa503",
    // AI + machine learning: Foundry resources (formerly the "Azure AI" account/project roles).
    "Foundry Account Owner": "e47c6f54-e4a2-4754-9501-8e0985b135e1",
    "Foundry Owner": "c883944f-8b7b-4483-af10-35834be79c4a",
    "Foundry Project Manager": "eadc314b-1a2d-4efa-be10-5d325db5065e",
    "Foundry User": "53ca6127-db72-4b80-b1b0-d745d6d5456d",
    // Storage.
    "Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    "Storage Blob Data Reader": "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
    "Storage File Data Privileged Contributor": "69566ab7-960f-475b-8e7c-b3118f30c6bd",
    // Networking: the AKS control-plane identity joins nodes to a customer subnet ("Use a managed identity in AKS").
    "Network Contributor": "4d97b98b-1d4f-4787-a291-c67834d212e7",
    // Containers.
    AcrPull: "7f951dda-4ed3-4680-a7ca-43fe172d538d",
    AcrPush: "8311e382-0749-4cb8-b61a-304f252e45ec",
    "Azure Kubernetes Service Cluster Admin Role": "0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8",
    "Kubernetes Extension Contributor": "85cb6faf-e071-4c9b-8136-154b5a04f717",
    // Security.
    "Key Vault Administrator": "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    "Key Vault Crypto Officer": "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
    "Key Vault Crypto Service Encryption User": "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    "Key Vault Crypto User": "12338af0-0e69-4776-bea7-57ae8d297424",
    "Key Vault Reader": "21090545-7ca7-4776-b22c-e363652d74d2",
    "Key Vault Secrets User": "4633458b-17de-408a-b874-0445c86b69e6",
    // Monitor.
    "Monitoring Metrics Publisher": "3913510d-42f4-4e42-8a64-420c390055eb",
} as const;

/** A built-in role display name from {@link BUILTIN_ROLE_IDS}. */
export type BuiltinRoleName = keyof typeof BUILTIN_ROLE_IDS;

/** Every built-in role display name of the table, in table order. */
export const BUILTIN_ROLE_NAMES: readonly BuiltinRoleName[] = Object.keys(BUILTIN_ROLE_IDS) as BuiltinRoleName[];

/**
 * Roles that can grant access to others (Owner and User Access Administrator hold
 * `Microsoft.Authorization/*`, Role Based Access Control Administrator holds
 * `Microsoft.Authorization/roleAssignments/write`; "Azure built-in roles for Privileged",
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/privileged, checked
 * 2026-12-02): whoever holds one can give themselves any other role, so the toolkit grants them
 * only to principals the config marks as break-glass.
 */
export const ACCESS_ADMIN_ROLES: readonly BuiltinRoleName[] = ["Owner", "User Access Administrator", "Role Based Access Control Administrator"];

/** True when `name` is a built-in role display name of the table, spelled exactly. */
export function isBuiltinRoleName(name: string): name is BuiltinRoleName {
    return Object.prototype.hasOwnProperty.call(BUILTIN_ROLE_IDS, name);
}

/** The display name of a built-in role GUID (any case), or undefined when the table lacks it. */
export function builtinRoleNameOf(guid: string): BuiltinRoleName | undefined {
    const g = guid.toLowerCase();
    return BUILTIN_ROLE_NAMES.find((n) => BUILTIN_ROLE_IDS[n] === g);
}
