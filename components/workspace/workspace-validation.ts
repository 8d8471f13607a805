/**
 * Pure checks of {@link WorkspaceArgs} that need no cloud: contradictory or incomplete args fail
 * before anything is registered, each problem naming the arg as the caller wrote it.
 */
import { resolveBringYourOwn, resolveSharedOrOwn } from "../bring-your-own";
import { COMPONENT_DEFAULTS } from "../defaults";
import { parseExistingKey, type ExistingKeyRef } from "./cmk-spec";
import { outboundRuleProblems } from "./outbound-rules";
import type { WorkspaceArgs } from "./workspace";

/** The outcome of {@link validateWorkspaceArgs}. */
export interface WorkspaceArgsCheck {
    /** Every problem, as `<arg path>: <problem>`; empty when the args are consistent. */
    problems: string[];
    /** The customer-managed key to use when it is an existing one (`existingKeyId` or `keyVaultId`). */
    existingKey?: ExistingKeyRef;
}

/** Checks the workspace's args; see {@link WorkspaceArgsCheck}. */
export function validateWorkspaceArgs(args: WorkspaceArgs): WorkspaceArgsCheck {
    const problems: string[] = [];
    const byo = (arg: string, spec: { existingId?: string; name?: string } | undefined): void => {
        const choice = resolveBringYourOwn(arg, spec);
        if ("problem" in choice) problems.push(choice.problem);
    };
    byo("storage", args.storage);
    byo("keyVault", args.keyVault);
    if (args.containerRegistry) byo("containerRegistry", args.containerRegistry);
    const logs = resolveSharedOrOwn("monitoring.logAnalytics", args.monitoring.logAnalytics, "monitoring.sharedLogAnalyticsWorkspaceId", args.monitoring.sharedLogAnalyticsWorkspaceId);
    if ("problem" in logs) problems.push(logs.problem);
    byo("monitoring.applicationInsights", args.monitoring.applicationInsights);
    const identityType = args.identity?.type ?? COMPONENT_DEFAULTS["workspace.identity.type"];
    if (identityType === "UserAssigned") {
        byo("identity", args.identity);
        if (args.identity?.existingId && !args.identity.existingPrincipalId) problems.push("identity.existingPrincipalId: required with identity.existingId (roles are granted to it)");
    } else if (args.identity?.existingId !== undefined || args.identity?.existingPrincipalId !== undefined) {
        problems.push("identity.existingId: only a UserAssigned identity can be adopted (set identity.type UserAssigned, or drop existingId)");
    }
    problems.push(...outboundRuleProblems(args.managedNetwork?.outboundRules ?? {}).map((p) => `managedNetwork.outboundRules.${p}`));

    const cmk = args.customerManagedKey;
    if (!cmk) return { problems };
    if (identityType !== "UserAssigned") problems.push("customerManagedKey: needs identity.type UserAssigned (the key must be readable before the workspace exists)");
    const adoptsKey = cmk.existingKeyId !== undefined || cmk.keyVaultId !== undefined;
    const existingKey = adoptsKey ? parseExistingKey({ keyId: cmk.existingKeyId, vaultId: cmk.keyVaultId, keyName: cmk.keyName }) : undefined;
    if (adoptsKey && !existingKey) {
        problems.push(cmk.existingKeyId !== undefined
            ? "customerManagedKey.existingKeyId: not a key's ARM ID (/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.KeyVault/vaults/<v>/keys/<k>)"
            : "customerManagedKey.keyVaultId: not a vault's ARM ID (/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.KeyVault/vaults/<v>)");
    }
    if (!adoptsKey) {
        if (args.keyVault.existingId) problems.push("customerManagedKey: creates its key in the workspace vault, which is adopted (keyVault.existingId): give existingKeyId or keyVaultId instead");
        if (args.keyVault.purgeProtection === false) problems.push("customerManagedKey: requires keyVault.purgeProtection");
        const keyType = cmk.keyType ?? COMPONENT_DEFAULTS["encryption.customerManagedKey.keyType"];
        const vaultSku = args.keyVault.sku ?? COMPONENT_DEFAULTS["keyVault.sku"];
        if (keyType === "RSA-HSM" && vaultSku !== "premium") problems.push("customerManagedKey.keyType: RSA-HSM needs keyVault.sku premium (a standard vault has no HSM-protected keys)");
    }
    if (!cmk.serviceSideEncryption && !cmk.cosmosDbPrincipalObjectId) {
        problems.push("customerManagedKey.cosmosDbPrincipalObjectId: required without serviceSideEncryption (the Cosmos DB account of a classic CMK workspace uses the key as that principal)");
    }
    return { problems, existingKey };
}
