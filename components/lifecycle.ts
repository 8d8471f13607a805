/**
 * Resource lifecycle rules (pure): which resources keep their name reserved
 * after deletion, what a delete lock blocks, and where locks may go.
 *
 * Facts and sources:
 * - A key vault is soft-deleted: its name stays taken for the retention period
 *   (7-90 days) and, with purge protection, cannot be freed earlier
 *   ("Azure Key Vault soft-delete overview",
 *   https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview).
 * - An Azure ML workspace is soft-deleted for 14 days; creating a workspace of the
 *   same name in that time fails until it is recovered or purged
 *   ("Workspace soft deletion",
 *   https://learn.microsoft.com/azure/machine-learning/concept-soft-delete).
 * - azure-native gives explicitly named resources delete-before-replace (the name
 *   cannot exist twice), so a replacement of either would delete, then fail to create.
 *   Pulumi `protect` makes "any deployment that would delete it (including a
 *   replacement)" fail instead ("Protecting against undesired changes",
 *   https://www.pulumi.com/docs/iac/operations/stack-management/protecting-against-undesired-changes/).
 * - Locks: "Extension resources inherit locks from the resource they're applied to"
 *   (diagnostic settings), "a cannot-delete lock on a resource or resource group prevents
 *   the deletion of Azure RBAC assignments", and a cannot-delete lock on a resource group
 *   holding an Azure ML workspace stops compute clusters from removing unused nodes
 *   ("Lock your resources to protect your infrastructure",
 *   https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
 *   A lock at a scope covers every resource whose ID lies under that scope.
 */
import { resourceTypeOfId } from "./resource-ids";

/** A resource type whose name stays reserved after deletion. */
export interface SoftDeletedType {
    /** Human label. */
    label: string;
    /** How long the name stays reserved. */
    reserved: string;
    /** Documentation page. */
    source: string;
}

/** azure-native type tokens whose names outlive the resource (the toolkit protects them in every environment). */
export const SOFT_DELETED_TYPES: Readonly<Record<string, SoftDeletedType>> = {
    "azure-native:keyvault:Vault": {
        label: "key vault",
        reserved: "for keyVault.softDeleteRetentionDays; purge protection forbids purging it earlier",
        source: "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview",
    },
    "azure-native:keyvault:Key": {
        label: "key vault key",
        reserved: "for the vault's soft-delete retention, until the deleted key is recovered or purged",
        source: "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview",
    },
    "azure-native:machinelearningservices:Workspace": {
        label: "Azure ML workspace",
        reserved: "for 14 days, unless the workspace is permanently deleted",
        source: "https://learn.microsoft.com/azure/machine-learning/concept-soft-delete",
    },
};

/** ARM types (lowercase) a delete lock must never cover when the stack manages them: deleting them is part of normal updates and scaling. */
export const LOCK_SENSITIVE_ARM_TYPES: Readonly<Record<string, string>> = {
    "microsoft.authorization/roleassignments": "role assignment (a lock on its scope blocks deleting it)",
    "microsoft.insights/diagnosticsettings": "diagnostic setting (extension resources inherit the lock of their resource)",
    "microsoft.machinelearningservices/workspaces/computes": "Azure ML compute (a lock above it stops clusters from releasing nodes)",
};

/** True when `scope` (an ARM ID) contains `id`: the same resource, a child, or an extension resource of it. */
export function scopeContains(scope: string, id: string): boolean {
    const s = scope.toLowerCase().replace(/\/+$/, "");
    const i = id.toLowerCase();
    return i === s || i.startsWith(`${s}/`);
}

/** The ARM type of a resource ID (nested types joined, e.g. `microsoft.machinelearningservices/workspaces/computes`), lowercase. */
export function armTypeOfId(id: string): string | undefined {
    return resourceTypeOfId(id)?.toLowerCase();
}

/**
 * Of the resources `ids`, those a lock at `scope` would make undeletable although the
 * stack deletes them in normal operation (role assignments, diagnostic settings, compute).
 */
export function lockConflicts(scope: string, ids: readonly string[]): string[] {
    return ids.filter((id) => scopeContains(scope, id) && LOCK_SENSITIVE_ARM_TYPES[armTypeOfId(id) ?? ""] !== undefined);
}
