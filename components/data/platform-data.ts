/**
 * The data of the platform's workspaces (the single workspace's `data`, each team's
 * `teams.<key>.data`): lakes, identity-based datastores, data assets, the data-plane grants
 * their identities and people need, the managed-network outbound rules and the private-endpoint
 * targets of the lakes. MlPlatform calls it in two steps: the lakes before the workspaces (a
 * workspace's managed network gets a private endpoint to each account its datastores use, so the
 * account must exist first), the rest once the workspace, its compute and the stack's Log
 * Analytics exist.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import { grantRole } from "../access/grant";
import type { BuiltinRole } from "../access/roles";
import type { FirewallDefaultAction, PrincipalType, PublicNetworkAccess } from "../enums";
import { deterministicGuid } from "../hashing";
import { lakeAccountName } from "../platform-names";
import type { PrivateAccessTarget } from "../network/private-access";
import type { StatefulProtection } from "../placement";
import { parseResourceId } from "../resource-ids";
import type { WorkspacePrivateEndpointRule } from "../workspace/workspace";
import { DataAsset } from "./data-asset";
import { DataLake } from "./data-lake";
import {
    DATA_ROLE_BY_ACCESS,
    DATASTORE_SUBRESOURCES,
    strongerAccess,
    WORKSPACE_IDENTITY_DATA_ROLES,
    type DataAccess,
} from "./data-settings";
import { IdentityDatastore, type DataAccessIdentity } from "./datastore";
import type { ResolvedData } from "./platform-data-args";

/** Where a workspace's lakes go and how they are reached. */
export interface LakePlacement {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    tags: Record<string, string>;
    /** Name prefix of the workspace (`aml-prod`, or `aml-prod-risk` for a team). */
    namePrefix: string;
    /** Global-suffix seed of the workspace. */
    uniqueBy: readonly string[];
    publicNetworkAccess: PublicNetworkAccess;
    firewallDefaultAction: FirewallDefaultAction;
    allowedIpRanges: string[];
    protection: StatefulProtection;
    /** Log Analytics, when it exists before the workspace (independent teams); otherwise {@link createWorkspaceData} sends the diagnostics. */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
}

/** Creates one workspace's lakes under `parent`; logical names `<name>-lake-<key>`. */
export function createLakes(name: string, data: ResolvedData, p: LakePlacement, parent: pulumi.Resource): Record<string, DataLake> {
    return Object.fromEntries(
        Object.entries(data.lakes).map(([k, lake]) => [
            k,
            new DataLake(
                `${name}-lake-${k}`,
                {
                    resourceGroupName: p.resourceGroupName,
                    location: p.location,
                    tags: p.tags,
                    accountName: lakeAccountName(p.namePrefix, k, p.uniqueBy),
                    filesystems: lake.filesystems,
                    sku: lake.sku,
                    softDeleteRetentionDays: lake.softDeleteRetentionDays,
                    publicNetworkAccess: p.publicNetworkAccess,
                    firewallDefaultAction: p.firewallDefaultAction,
                    allowedIpRanges: p.allowedIpRanges,
                    logAnalyticsWorkspaceId: p.logAnalyticsWorkspaceId,
                    protection: p.protection,
                },
                { parent },
            ),
        ]),
    );
}

/** An account some datastore of the workspace uses: a lake of the workspace or an existing account. */
interface AccountRef {
    /** Stable key: `lake-<key>` or `st-<hash>` (names of rules, grants). */
    key: string;
    id: pulumi.Input<string>;
    name: pulumi.Input<string>;
    /** Sub-resources its datastores read through. */
    subresources: Set<string>;
    /** Strongest access its datastores give. */
    access: DataAccess;
    /** Account subscription and group for an existing account (a lake is in the workspace's). */
    subscriptionId?: string;
    resourceGroup?: string;
}

function accountsOf(data: ResolvedData, lakes: Record<string, DataLake>): Map<string, AccountRef> {
    const out = new Map<string, AccountRef>();
    for (const [n, s] of Object.entries(data.datastores)) {
        let ref: AccountRef;
        if (s.lake !== undefined) {
            const lake = lakes[s.lake];
            if (!lake) throw new Error(`data.datastores.${n}.lake: ${s.lake} is not a lake of this workspace`);
            ref = out.get(`lake-${s.lake}`) ?? { key: `lake-${s.lake}`, id: lake.id, name: lake.accountName, subresources: new Set(), access: "read" };
        } else {
            const id = s.accountId as string;
            const parts = parseResourceId(id);
            const key = `st-${deterministicGuid("datastore-account", id.toLowerCase()).slice(0, 8)}`;
            ref = out.get(key) ?? { key, id, name: parts.name, subresources: new Set(), access: "read", subscriptionId: parts.subscriptionId, resourceGroup: parts.resourceGroupName };
        }
        for (const sub of DATASTORE_SUBRESOURCES[s.type]) ref.subresources.add(sub);
        ref.access = strongerAccess(ref.access, s.access);
        out.set(ref.key, ref);
    }
    return out;
}

/**
 * Private-endpoint outbound rules of a workspace's managed network to every account its datastores
 * use (`<rulePrefix><account key>-<sub-resource>`). Azure creates the required private-endpoint
 * rules only "for the workspace and associated resources (Key Vault, Storage Account, Container
 * Registry, workspace)" ("Workspace managed network isolation",
 * https://learn.microsoft.com/azure/machine-learning/how-to-managed-network, "List of required
 * rules"): any other account is unreachable from managed compute in `AllowOnlyApprovedOutbound`
 * without such a rule, and in `AllowInternetOutbound` once its public access is off (a lake's is
 * off by default). A hub's managed network is its projects' (a project has none of its own), so the
 * hub carries the rules of every team.
 */
export function dataOutboundRules(rulePrefix: string, data: ResolvedData, lakes: Record<string, DataLake>): Record<string, WorkspacePrivateEndpointRule> {
    const rules: Record<string, WorkspacePrivateEndpointRule> = {};
    for (const ref of accountsOf(data, lakes).values()) {
        for (const sub of [...ref.subresources].sort()) rules[`${rulePrefix}${ref.key}-${sub}`] = { serviceResourceId: ref.id, subresourceTarget: sub };
    }
    return rules;
}

/** Private endpoints (blob and dfs) of a workspace's lakes, for a private stack's PrivateAccess. */
export function lakePrivateTargets(rolePrefix: string, lakes: Record<string, DataLake>): PrivateAccessTarget[] {
    return Object.entries(lakes).map(([k, lake]) => ({ role: `${rolePrefix}lake-${k}`, resourceId: lake.id, groupIds: ["blob", "dfs"] }));
}

/** A person, group or service principal of the workspace's access list. */
export interface DataPrincipal {
    principalId: string;
    principalType: PrincipalType;
    label?: string;
    role: string;
}

/**
 * Roles of the access list whose holders use the workspace's data (submit jobs, browse and preview
 * data): they get the data-plane role of each datastore's access. Other roles (Reader, Compute
 * Operator, Registry User) get none.
 */
export const DATA_USER_ROLES: readonly string[] = ["AzureML Data Scientist", "Azure AI Developer", "Contributor", "Owner"];

/** What {@link createWorkspaceData} needs from the workspace around the data. */
export interface WorkspaceDataArgs {
    data: ResolvedData;
    lakes: Record<string, DataLake>;
    resourceGroupName: pulumi.Input<string>;
    workspaceName: pulumi.Input<string>;
    /** Principal ID of the workspace (or project) identity. */
    workspacePrincipalId: pulumi.Input<string>;
    /** Which identity the datastores use for service data access (the workspace's). */
    dataAccessIdentity: DataAccessIdentity;
    /** True when the workspace's computes act as the workspace identity (a user-assigned one): it then also gets each account's access. */
    computeUsesWorkspaceIdentity: boolean;
    /** System-assigned identities of the workspace's computes by compute name (a project's, or a workspace with a system-assigned identity): each gets each account's access. Default none. */
    computePrincipalIds?: Record<string, pulumi.Input<string>>;
    /** The workspace's access list; holders of {@link DATA_USER_ROLES} get the data roles. */
    access: DataPrincipal[];
    subscriptionId: pulumi.Input<string>;
    /** Seed of deterministic grant names (the workspace's). */
    uniqueBy: readonly string[];
    tags: Record<string, string>;
    /** Storage DNS suffix of the cloud. */
    storageSuffix: string;
    /** Log Analytics for the lakes' diagnostics when the lakes did not get it at creation. Default none. */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Resources the datastores wait for (the workspace's compute, private endpoints). Default none. */
    dependsOn?: pulumi.Resource[];
}

/** What {@link createWorkspaceData} created. */
export interface WorkspaceData {
    grants: RoleAssignment[];
    datastores: Record<string, IdentityDatastore>;
    assets: Record<string, DataAsset>;
}

/**
 * The workspace's datastores (credentials None), the grants at each account's scope, its data
 * assets, and its lakes' diagnostics; logical names `<name>-datastore-<n>`, `<name>-data-<account>-…`,
 * `<name>-asset-<n>`.
 */
export function createWorkspaceData(name: string, a: WorkspaceDataArgs, parent: pulumi.Resource): WorkspaceData {
    if (a.logAnalyticsWorkspaceId !== undefined) for (const lake of Object.values(a.lakes)) lake.sendDiagnostics(a.logAnalyticsWorkspaceId);
    const accounts = accountsOf(a.data, a.lakes);
    const grants: RoleAssignment[] = [];
    const grant = (account: AccountRef, who: string, principalId: pulumi.Input<string>, principalType: PrincipalType, role: BuiltinRole, why: string): void => {
        grants.push(
            grantRole(
                `${name}-data-${account.key}-${who}-${role}`,
                { scope: account.id, role, principalId, principalType, subscriptionId: a.subscriptionId, identity: [...a.uniqueBy, "data", account.key, who], description: why },
                { parent },
            ),
        );
    };
    const users = a.access.filter((p) => DATA_USER_ROLES.includes(p.role));
    for (const account of accounts.values()) {
        const dataRole = DATA_ROLE_BY_ACCESS[account.access];
        const workspaceRoles = new Set<BuiltinRole>(WORKSPACE_IDENTITY_DATA_ROLES);
        if (a.computeUsesWorkspaceIdentity) workspaceRoles.add(dataRole);
        for (const role of workspaceRoles) grant(account, "workspace", a.workspacePrincipalId, "ServicePrincipal", role, `The workspace identity (and its compute) reads data of datastores on ${account.key}`);
        // Jobs (scheduled ones always: they have no submitting user) read as the compute's identity.
        for (const [computeName, principalId] of Object.entries(a.computePrincipalIds ?? {})) {
            grant(account, `compute-${computeName}`, principalId, "ServicePrincipal", dataRole, `Compute ${computeName}'s jobs use data of datastores on ${account.key} (${account.access})`);
        }
        const seen = new Set<string>();
        for (const p of users) {
            if (seen.has(p.principalId)) continue;
            seen.add(p.principalId);
            grant(account, p.label ?? p.principalId, p.principalId, p.principalType, dataRole, `${p.label ?? p.principalId} uses data of datastores on ${account.key} (${account.access})`);
        }
    }
    const datastores: Record<string, IdentityDatastore> = {};
    for (const [n, s] of Object.entries(a.data.datastores)) {
        const account = [...accounts.values()].find((r) => r.key === (s.lake !== undefined ? `lake-${s.lake}` : `st-${deterministicGuid("datastore-account", (s.accountId as string).toLowerCase()).slice(0, 8)}`)) as AccountRef;
        datastores[n] = new IdentityDatastore(
            `${name}-datastore-${n}`,
            {
                resourceGroupName: a.resourceGroupName,
                workspaceName: a.workspaceName,
                datastoreName: n,
                kind: s.type,
                accountName: account.name,
                containerName: s.container,
                accountSubscriptionId: account.subscriptionId ?? a.subscriptionId,
                accountResourceGroup: account.resourceGroup ?? a.resourceGroupName,
                endpoint: a.storageSuffix,
                serviceDataAccessAuthIdentity: a.dataAccessIdentity,
                description: s.description,
                tags: a.tags,
            },
            // The lake's filesystems and the grants exist before Azure validates the datastore.
            { parent, dependsOn: [...grants, ...(s.lake !== undefined && a.lakes[s.lake] ? [a.lakes[s.lake]] : []), ...(a.dependsOn ?? [])] },
        );
    }
    const assets: Record<string, DataAsset> = {};
    for (const [n, asset] of Object.entries(a.data.assets)) {
        assets[n] = new DataAsset(
            `${name}-asset-${n}`,
            { resourceGroupName: a.resourceGroupName, workspaceName: a.workspaceName, assetName: n, type: asset.type, datastore: asset.datastore, versions: asset.versions, description: asset.description, tags: a.tags },
            { parent, dependsOn: datastores[asset.datastore] ? [datastores[asset.datastore]] : [] },
        );
    }
    return { grants, datastores, assets };
}

/** One team's data as the platform hands it over. */
export interface TeamDataInput {
    key: string;
    data: ResolvedData;
    tags: Record<string, string>;
    /** The team's component: its lakes go under it. */
    scope: pulumi.Resource;
}

/** The lakes of the whole platform, created before any workspace, and what the workspaces need of them. */
export interface PlatformLakes {
    /** The single workspace's lakes. */
    own: Record<string, DataLake>;
    /** Each team's lakes by team key. */
    teams: Record<string, Record<string, DataLake>>;
    /** Outbound rules of the platform's workspace: the single workspace's own, or a hub's for all its projects (`<team>-lake-…`). */
    platformRules: Record<string, WorkspacePrivateEndpointRule>;
    /** Outbound rules of an independent team's own workspace. */
    teamRules(key: string): Record<string, WorkspacePrivateEndpointRule>;
    /** Private endpoints of every lake (blob and dfs), team lakes as `<team>-lake-<key>`. */
    privateTargets: PrivateAccessTarget[];
}

/**
 * Creates every lake of the platform (logical names `<name>-lake-<k>`, `<name>-team-<team>-lake-<k>`;
 * a team's account name derives from the team's prefix and seed, so adding a team renames nothing)
 * and plans the outbound rules: none without a managed network (`isolationMode: Disabled`).
 */
export function createPlatformLakes(
    name: string,
    a: { mode: "single" | "hub" | "independent"; managedNetwork: boolean; own: ResolvedData; teams: TeamDataInput[]; placement: Omit<LakePlacement, "tags" | "namePrefix" | "uniqueBy" | "logAnalyticsWorkspaceId"> & { tags: Record<string, string>; namePrefix: string; uniqueBy: readonly string[] } },
    parent: pulumi.Resource,
): PlatformLakes {
    const p = a.placement;
    const own = createLakes(name, a.own, p, parent);
    const teams = Object.fromEntries(
        a.teams.map((t) => [t.key, createLakes(`${name}-team-${t.key}`, t.data, { ...p, tags: t.tags, namePrefix: `${p.namePrefix}-${t.key}`, uniqueBy: [...p.uniqueBy, `team:${t.key}`] }, t.scope)]),
    );
    const rulesOf = (prefix: string, data: ResolvedData, lakes: Record<string, DataLake>) => (a.managedNetwork ? dataOutboundRules(prefix, data, lakes) : {});
    const platformRules = {
        ...rulesOf("", a.own, own),
        ...(a.mode === "hub" ? Object.assign({}, ...a.teams.map((t) => rulesOf(`${t.key}-`, t.data, teams[t.key]))) : {}),
    };
    return {
        own,
        teams,
        platformRules,
        teamRules: (key) => {
            const t = a.teams.find((x) => x.key === key);
            return t && a.mode === "independent" ? rulesOf("", t.data, teams[key]) : {};
        },
        privateTargets: [...lakePrivateTargets("", own), ...a.teams.flatMap((t) => lakePrivateTargets(`${t.key}-`, teams[t.key]))],
    };
}

/**
 * Reader for a workspace's identity on its lakes' private endpoints (blob, dfs) in the customer
 * network: "If the storage account uses a private endpoint to connect to the VNet, you must grant
 * the Reader role for the storage account private endpoint to the managed identity" ("Data
 * administration", VNet specific requirements), so studio preview works on a private lake.
 */
export function grantLakeEndpointReaders(
    name: string,
    a: { endpointIds: Readonly<Record<string, pulumi.Input<string>>>; lakes: Record<string, DataLake>; rolePrefix: string; principalId: pulumi.Input<string>; subscriptionId: pulumi.Input<string>; uniqueBy: readonly string[] },
    parent: pulumi.Resource,
): RoleAssignment[] {
    return Object.keys(a.lakes).flatMap((k) =>
        lakePrivateTargets(a.rolePrefix, { [k]: a.lakes[k] })[0].groupIds.flatMap((group) => {
            const id = a.endpointIds[`${a.rolePrefix}lake-${k}-${group}`];
            return id === undefined
                ? []
                : [
                      grantRole(
                          `${name}-lake-${k}-${group}-endpoint-reader`,
                          {
                              scope: id,
                              role: "reader",
                              principalId: a.principalId,
                              principalType: "ServicePrincipal",
                              subscriptionId: a.subscriptionId,
                              identity: [...a.uniqueBy, "data", `lake-${k}`, group, "endpoint"],
                              description: `The workspace identity previews data of lake ${k} through its private endpoint (${group})`,
                          },
                          { parent },
                      ),
                  ];
        }),
    );
}
