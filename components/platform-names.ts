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
    /** Stable identity of the deployment that seeds global suffixes; see {@link suffixSeed}. */
    uniqueBy: readonly string[];
    /**
     * Recreate generation: 0 (default) keeps the original names; n > 0 gives the
     * resources whose names stay reserved after deletion (key vault, workspace) new,
     * deterministic names, so a stack can be recreated while the old ones are soft-deleted.
     */
    generation?: number;
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

/** What identifies a deployment for global name suffixes. */
export interface SuffixSeedInputs {
    /** `naming.suffixSeed` from the config: when set, the only seed; "/" separates its parts. */
    pinned?: string;
    /** Pulumi project. */
    project: string;
    /** Pulumi stack. */
    stack: string;
    /** Azure region. */
    location: string;
}

/**
 * The seed of global name suffixes (storage, key vault, registry) and role
 * assignment GUIDs. It deliberately leaves out the Pulumi organization (and
 * anything else that belongs to the backend): moving a stack from the local
 * backend to Pulumi Cloud must not rename, and so replace, every globally named
 * resource. A pinned seed wins, so a stack can keep the names of an earlier seed.
 */
export function suffixSeed(s: SuffixSeedInputs): string[] {
    // Parts, not one string: a pinned "org/project/stack/location" then hashes exactly like the
    // four parts earlier versions used, so a stack can keep the names it was deployed with.
    return s.pinned !== undefined ? s.pinned.split("/") : [s.project, s.stack, s.location];
}

/** Derives every name; prefixes follow the Cloud Adoption Framework abbreviations. */
export function platformNames(n: NamingInputs): PlatformNames {
    const p = n.prefix;
    const g = n.generation ?? 0;
    // Generation 0 adds nothing, so existing stacks keep their names. A later generation
    // changes the (never truncated) suffix: a readable "-g2" could be cut off a long base.
    const generationSeed = g > 0 ? [...n.uniqueBy, `generation:${g}`] : undefined;
    return {
        resourceGroup: n.given.resourceGroup ?? deriveName("resourceGroup", `rg-${p}`),
        workspace: n.given.workspace ?? deriveName("workspace", `mlw-${p}`, generationSeed),
        storageAccount: n.given.storageAccount ?? deriveName("storageAccount", `st${p}`, n.uniqueBy),
        keyVault: n.given.keyVault ?? deriveName("keyVault", `kv-${p}`, generationSeed ?? n.uniqueBy),
        containerRegistry: n.given.containerRegistry ?? deriveName("containerRegistry", `cr${p}`, n.uniqueBy),
        logAnalytics: n.given.logAnalytics ?? deriveName("logAnalytics", `log-${p}`),
        applicationInsights: n.given.applicationInsights ?? deriveName("applicationInsights", `appi-${p}`),
        identity: n.given.identity ?? deriveName("userAssignedIdentity", `id-${p}`),
    };
}

/**
 * The AKS cluster MlPlatform creates for `kubernetes.clusters.<key>`: `aks-<prefix>-<key>`
 * (deterministic; a key names one cluster for good, so adding a cluster never renames another).
 */
export function aksClusterName(prefix: string, clusterKey: string): string {
    return deriveName("aksCluster", `aks-${prefix}-${clusterKey}`);
}

/** The account name of a lake: `dl<prefix><key>` with the stack's global suffix (deterministic). */
export function lakeAccountName(prefix: string, lakeKey: string, uniqueBy: readonly string[]): string {
    return deriveName("storageAccount", `dl${prefix}${lakeKey}`, [...uniqueBy, `lake:${lakeKey}`]);
}

/**
 * The container group of endpoint `<key>` (host containerInstance): `ci-<namePrefix>-<key>`, and its
 * user-assigned identity `id-<namePrefix>-<key>` (deterministic; a key names one group for good, so
 * adding an endpoint never renames another). Names are unique per resource group, and a team's
 * namePrefix carries the team key.
 */
export function containerGroupName(namePrefix: string, endpointKey: string): string {
    return deriveName("containerGroup", `ci-${namePrefix}-${endpointKey}`);
}

/** The user-assigned identity of endpoint `<key>`'s container group (see {@link containerGroupName}). */
export function endpointIdentityName(namePrefix: string, endpointKey: string): string {
    return deriveName("userAssignedIdentity", `id-${namePrefix}-${endpointKey}`);
}

/**
 * The online endpoint of `serving.endpoints.<key>` (`teams.<team>.serving.endpoints.<key>`):
 * `<prefix>[-<team>]-<key>` with a stable suffix of the stack, team and key. Endpoint names are
 * unique per Azure region across all customers (the scoring host is `<name>.<region>.inference.ml.azure.com`),
 * 3-32 letters, digits and hyphens, starting with a letter ("Manage and increase quotas and limits
 * for resources with Azure Machine Learning", endpoint limits,
 * https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas). Deterministic: a key
 * names one endpoint for good, and another team's keys never change it.
 */
export function onlineEndpointName(namePrefix: string, endpointKey: string, uniqueBy: readonly string[]): string {
    return deriveName("onlineEndpoint", `${namePrefix}-${endpointKey}`, [...uniqueBy, `endpoint:${endpointKey}`]);
}

/** The ARM template deployment that sets an online endpoint's traffic (online-endpoint.ts): `<endpoint>-traffic`, 1-64 characters. */
export function onlineEndpointTrafficDeploymentName(endpointName: string): string {
    return `${endpointName}-traffic`;
}

/** The IoT hub of a serving workspace (globally unique: it is the host name `<name>.azure-devices.net`). */
export function iotHubName(namePrefix: string, uniqueBy: readonly string[]): string {
    return deriveName("iotHub", `iot-${namePrefix}`, uniqueBy);
}
