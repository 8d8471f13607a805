/**
 * Every derived resource name of a platform (pure), in one place so the plan,
 * the tests and the components agree. User-given names win; globally unique
 * names get a stable suffix from the stack's identity, never a random one.
 */
import { deriveName } from "./naming";
import { parseResourceId } from "./resource-ids";

/** Inputs to name derivation. */
export interface NamingInputs {
    /** Base of every name, e.g. `aml-dev`. */
    prefix: string;
    /** Stable identity of the deployment (organization, project, stack, location). */
    uniqueBy: readonly string[];
    /** Names the user chose, by resource. */
    given: Partial<Record<keyof PlatformNames, string | undefined>>;
}

/** The derived names. */
export interface PlatformNames {
    /** Resource group. */
    resourceGroup: string;
    /** Azure ML workspace. */
    workspace: string;
    /** Storage account (global). */
    storageAccount: string;
    /** Key vault (global). */
    keyVault: string;
    /** Container registry (global). */
    containerRegistry: string;
    /** Log Analytics workspace. */
    logAnalytics: string;
    /** Application Insights component. */
    applicationInsights: string;
    /** Workspace user-assigned identity. */
    identity: string;
}

/** The settings that name resources (a structural slice of the stack config, so the library needs no program type). */
export interface NameSettings {
    /** Resource group: its name, or the ID it is adopted by (whose last segment is the name). */
    resourceGroup: { name?: string; existingId?: string };
    /** Workspace name. */
    workspace: { name?: string };
    /** Storage account name. */
    storage: { name?: string };
    /** Key vault name. */
    keyVault: { name?: string };
    /** Container registry name. */
    containerRegistry: { name?: string };
    /** Monitoring names. */
    monitoring: { logAnalytics: { name?: string }; applicationInsights: { name?: string } };
}

/** The names the settings give (undefined where the name is derived). */
export function givenNames(s: NameSettings): NamingInputs["given"] {
    return {
        resourceGroup: s.resourceGroup.existingId ? parseResourceId(s.resourceGroup.existingId).name : s.resourceGroup.name,
        workspace: s.workspace.name,
        storageAccount: s.storage.name,
        keyVault: s.keyVault.name,
        containerRegistry: s.containerRegistry.name,
        logAnalytics: s.monitoring.logAnalytics.name,
        applicationInsights: s.monitoring.applicationInsights.name,
    };
}

/** Derives every name; prefixes follow the Cloud Adoption Framework abbreviations. */
export function platformNames(n: NamingInputs): PlatformNames {
    const p = n.prefix;
    return {
        resourceGroup: n.given.resourceGroup ?? deriveName("resourceGroup", `rg-${p}`),
        workspace: n.given.workspace ?? deriveName("workspace", `mlw-${p}`),
        storageAccount: n.given.storageAccount ?? deriveName("storageAccount", `st${p}`, n.uniqueBy),
        keyVault: n.given.keyVault ?? deriveName("keyVault", `kv-${p}`, n.uniqueBy),
        containerRegistry: n.given.containerRegistry ?? deriveName("containerRegistry", `cr${p}`, n.uniqueBy),
        logAnalytics: n.given.logAnalytics ?? deriveName("logAnalytics", `log-${p}`),
        applicationInsights: n.given.applicationInsights ?? deriveName("applicationInsights", `appi-${p}`),
        identity: n.given.identity ?? deriveName("userAssignedIdentity", `id-${p}`),
    };
}
