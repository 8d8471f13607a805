import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput, ManagementLockByScope } from "@pulumi/azure-native/authorization";
import { Provider } from "@pulumi/azure-native/provider";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { AccessGrants, type AccessGrantArgs } from "./access/access-grants";
import { CustomRoleDefinition } from "./access/custom-role";
import { grantRole } from "./access/grant";
import { resolveRole } from "./access/role-resolution";
import { grantStudioEndpointReader } from "./access/studio-endpoints";
import { createLogAnalytics } from "./monitoring/monitoring";
import { ModelRegistry, registryPrivateAccessTarget } from "./registry/model-registry";
import { teamTagTransformation } from "./team-tag-options";
import { TEAM_TAG } from "./team-tags";
import { ProjectWorkspace } from "./workspace/project-workspace";
import type { WorkspaceArgs } from "./workspace/workspace";
import { CLOUDS } from "./clouds";
import { ComputeCluster } from "./compute/compute-cluster";
import { ComputeInstance } from "./compute/compute-instance";
import { createSchedules } from "./schedules/platform-schedules";
import { createPlatformLakes, createWorkspaceData, grantLakeEndpointReaders, type PlatformLakes } from "./data/platform-data";
import { hasData } from "./data/platform-data-args";
import { DataAccessIdentity } from "./data/datastore";
import { attachKubernetes, createAzureMlExtensions, createClusterObjects, type KubernetesAttachTarget } from "./kubernetes/platform-kubernetes";
import { createPlatformAksClusters } from "./kubernetes/platform-aks";
import type { KubernetesCompute } from "./kubernetes/kubernetes-compute";
import { deploymentScope, PROVIDER_ENVIRONMENT } from "./deployment-scope";
import { lifecycleTransformation } from "./lifecycle-options";
import { Network } from "./network/network";
import { virtualNetworkName } from "./network/network-names";
import { planNetwork, type NetworkPlan } from "./network/network-plan";
import type { MlPlatformArgs } from "./platform-args";
import type { PlatformAccessGrantArgs } from "./platform-args";
import { resolvePlatformArgs, type PlatformSettings, type ResolvedInstance, type ResolvedTeam } from "./platform-settings";
import { PrivateAccess, type PrivateAccessTarget } from "./network/private-access";
import { givenNames, platformNames, suffixSeed, type PlatformNames } from "./platform-names";
import type { PlacementArgs } from "./placement";
import { hasAvailabilityZones } from "./regions";
import { parseResourceId } from "./resource-ids";
import { decideRegistryFor } from "./workspace/registry-mode";
import { Workspace } from "./workspace/workspace";
import { createServing } from "./serving/platform-serving";
import { servingPrivateGroupIds } from "./serving/serving-private-groups";
import { servesAnything, type ResolvedServing } from "./serving/platform-serving-args";
import { servingClusters, servingKubernetesComputes, servingWorkspace } from "./serving/platform-serving-target";
import type { ServingWorkspace } from "./serving/serving-context";
import { COMPONENT_DEFAULTS } from "./defaults";

export type { MlPlatformArgs } from "./platform-args";

/** What a team's workspace (or project) exposes. */
export interface TeamWorkspaceOutputs {
    /** Workspace (or project) resource ID. */
    id: string;
    /** Workspace (or project) name. */
    name: string;
    /** Principal ID of its identity. */
    principalId: string;
}

/** One workspace (no teams), a hub with a project per team, or a workspace per team. */
type PlatformMode = "single" | "hub" | "independent";

/** What the team loop needs from the platform around it. */
interface TeamContext {
    c: PlatformSettings;
    uniqueBy: string[];
    resourceGroupName: pulumi.Output<string>;
    resourceGroupId: pulumi.Output<string>;
    client: { tenantId: pulumi.Output<string>; objectId: pulumi.Output<string>; subscriptionId: pulumi.Output<string> };
    computeSubnetId: pulumi.Input<string> | undefined;
}

/**
 * The whole platform of one stack, composed from one validated config: the
 * resource group, the customer virtual network, the workspace with its
 * associated resources, private endpoints with their DNS for all of them,
 * compute, and the deletion lock.
 */
export class MlPlatform extends pulumi.ComponentResource {
    /** Resource group name. */
    readonly resourceGroupName: pulumi.Output<string>;
    /** Workspace name. */
    readonly workspaceName: pulumi.Output<string | undefined>;
    /** Workspace resource ID. */
    readonly workspaceId: pulumi.Output<string | undefined>;
    /** Discovery URL of the workspace's regional API. */
    readonly discoveryUrl: pulumi.Output<string | undefined>;
    /** Principal ID of the workspace identity. */
    readonly principalId: pulumi.Output<string | undefined>;
    /** Storage account (default datastore) ID. */
    readonly storageAccountId: pulumi.Output<string | undefined>;
    /** Key vault ID. */
    readonly keyVaultId: pulumi.Output<string | undefined>;
    /** Key vault URI. */
    readonly keyVaultUri: pulumi.Output<string | undefined>;
    /** Registry login server; undefined while the stack has no registry. */
    readonly registryLoginServer: pulumi.Output<string | undefined>;
    /** Application Insights connection string (secret). */
    readonly applicationInsightsConnectionString: pulumi.Output<string | undefined>;
    /** Log Analytics workspace ID. */
    readonly logAnalyticsWorkspaceId: pulumi.Output<string>;
    /** The customer virtual network's ID; undefined when the stack has none. */
    readonly virtualNetworkId: pulumi.Output<string | undefined>;
    /** The explicit provider of the deployment subscription, when an adopted ID fixes it. */
    readonly provider?: Provider;
    /** Team workspaces (independent) or projects (hub) by team key: ID, name and identity principal. */
    readonly teamWorkspaces: pulumi.Output<{ [teamKey: string]: TeamWorkspaceOutputs }>;
    /** The model registry's ID; undefined when the platform has none. */
    readonly modelRegistryId: pulumi.Output<string | undefined>;
    /** Scoring URI of every endpoint, by `<endpoint>` (single workspace) or `<team>/<endpoint>`; undefined when nothing is served. */
    readonly scoringUris: pulumi.Output<{ [endpoint: string]: string } | undefined>;

    constructor(name: string, args: MlPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const c = resolvePlatformArgs(args);
        const plan = planNetwork(c);
        const acr = decideRegistryFor(c);
        // An adopted ID names its subscription: deploy there through an explicit provider, never
        // into whatever subscription the default provider uses. Explicit providers do not read the
        // default provider's stack config (azure-native:*); they take credentials from ARM_* variables
        // or the Azure CLI login ("Provider", https://www.pulumi.com/registry/packages/azure-native/installation-configuration/).
        const scope = deploymentScope({
            resourceGroupId: c.resourceGroup.existingId,
            virtualNetworkId: c.network.virtualNetwork.existingId,
            createsInNetwork: plan.privateEndpoints || plan.computeInCustomerNetwork,
        });
        const provider = scope.subscriptionId
            ? new Provider(`${name}-provider`, { subscriptionId: scope.subscriptionId, environment: PROVIDER_ENVIRONMENT[c.cloud] }, { parent: opts?.parent })
            : undefined;
        const guards = lifecycleTransformation({
            protectSoftDeleted: c.protection.protectSoftDeleted,
            retainRegistry: acr === "create" && c.containerRegistry.mode === "onDemand",
            keepAttachedRegistry: acr === "none",
        });
        super("aml-workspace:index:MlPlatform", name, {}, {
            ...opts,
            transformations: [...(opts?.transformations ?? []), guards],
            providers: provider ? withProvider(opts?.providers, provider) : opts?.providers,
        });
        this.provider = provider;
        const uniqueBy = suffixSeed({ pinned: c.naming.suffixSeed, project: c.deployment.project, stack: c.deployment.stack, location: c.location });
        const names = platformNames({
            prefix: c.namePrefix,
            uniqueBy,
            generation: c.naming.generation,
            given: givenNames(c),
        });
        const client = getClientConfigOutput({ parent: this });

        let resourceGroupId: pulumi.Output<string>;
        if (c.resourceGroup.existingId) {
            this.resourceGroupName = pulumi.output(names.resourceGroup);
            resourceGroupId = pulumi.output(c.resourceGroup.existingId);
        } else {
            const group = new ResourceGroup(
                `${name}-rg`,
                { resourceGroupName: names.resourceGroup, location: c.location, tags: c.tags },
                { parent: this },
            );
            this.resourceGroupName = group.name;
            resourceGroupId = group.id;
        }

        const placement = { resourceGroupName: this.resourceGroupName, location: c.location, tags: c.tags };
        const vnet = plan.virtualNetwork;
        const vnetName = vnet === undefined ? undefined : vnet.existingId ? parseResourceId(vnet.existingId).name : (vnet.name ?? virtualNetworkName(c.namePrefix));
        let network: Network | undefined;
        if (vnet) {
            network = new Network(
                `${name}-network`,
                {
                    ...placement,
                    existingId: vnet.existingId,
                    subnetIds: vnet.existingId ? vnet.subnetIds : undefined,
                    name: vnet.existingId ? undefined : vnetName,
                    addressSpace: vnet.existingId ? undefined : vnet.addressSpace,
                    subnets: vnet.existingId ? undefined : vnet.subnets,
                    namePrefix: c.namePrefix,
                },
                { parent: this },
            );
        }
        const computeSubnetId = plan.computeInCustomerNetwork ? network?.trainingSubnetId : undefined;
        if (plan.computeInCustomerNetwork && computeSubnetId === undefined) {
            throw new pulumi.ResourceError("managedNetwork.isolationMode Disabled needs a training subnet in network.virtualNetwork", this);
        }

        const ctx: TeamContext = { c, uniqueBy, resourceGroupName: this.resourceGroupName, resourceGroupId, client, computeSubnetId };
        const teams = Object.entries(c.teams);
        // One workspace (no teams), a hub with a project per team, or a workspace per team.
        const mode: PlatformMode = c.sharing === "hub" ? "hub" : teams.length === 0 ? "single" : "independent";

        // Each team's component first: its lakes exist before the hub, whose managed network reaches them.
        const scopes = Object.fromEntries(teams.map(([key, team]) => [key, new TeamScope(`${name}-team-${key}`, key, { parent: this, transformations: [teamTagTransformation(key, team.quota)] })]));
        if (mode !== "single" && hasData(c.data)) throw new pulumi.ResourceError("data: with teams, data lakes, datastores and data assets go under teams.<key>.data", this);
        const lakes = createPlatformLakes(
            name,
            {
                mode,
                managedNetwork: c.workspace.managedNetwork.isolationMode !== "Disabled",
                own: c.data,
                teams: teams.map(([key, team]) => ({ key, data: team.data, tags: { ...c.tags, ...team.tags, [TEAM_TAG]: key }, scope: scopes[key] })),
                placement: { ...placement, namePrefix: c.namePrefix, uniqueBy, publicNetworkAccess: c.network.publicNetworkAccess, firewallDefaultAction: c.network.firewallDefaultAction, allowedIpRanges: c.network.allowedIpRanges, protection: c.protection },
            },
            this,
        );
        // The platform's own workspace: the single workspace, or the hub. Same logical name and
        // names either way, so a single-workspace stack keeps every URN.
        const workspace =
            mode === "independent"
                ? undefined
                : new Workspace(`${name}-ml`, { ...this.workspaceArgs(ctx, names, c.tags, undefined, lakes.platformRules), kind: mode === "hub" ? "Hub" : undefined }, { parent: this });
        // Independent teams share the network, DNS zones and one Log Analytics workspace.
        const sharedLogs =
            mode === "independent" && !c.monitoring.logAnalytics.existingId
                ? createLogAnalytics(
                      `${name}-logs`,
                      { ...placement, name: names.logAnalytics, retentionInDays: c.monitoring.logAnalytics.retentionInDays, publicNetworkAccess: c.network.publicNetworkAccess },
                      { parent: this, protect: c.protection.protect, retainOnDelete: c.protection.retainOnDelete },
                  )
                : undefined;
        const logAnalyticsWorkspaceId: pulumi.Output<string> = workspace
            ? workspace.logAnalyticsWorkspaceId
            : sharedLogs
              ? sharedLogs.id
              : pulumi.output(c.monitoring.logAnalytics.existingId as string);

        const built = teams.map(([key, team]) => this.buildTeam(name, key, team, ctx, mode, workspace, logAnalyticsWorkspaceId, scopes[key], lakes));
        const registry = c.modelRegistry
            ? new ModelRegistry(
                  `${name}-registry`,
                  {
                      ...placement,
                      namePrefix: c.namePrefix,
                      registryName: c.modelRegistry.name,
                      // The primary region is the platform's location; the others are replicas.
                      replicas: (c.modelRegistry.regions ?? []).filter((r) => r !== c.location).map((location) => ({ location })),
                      storageAccountType: c.modelRegistry.storageAccountType,
                      storageHierarchicalNamespace: c.modelRegistry.storageHierarchicalNamespace,
                      acrSku: c.modelRegistry.acrSku,
                      publicNetworkAccess: c.modelRegistry.publicNetworkAccess,
                      logAnalyticsWorkspaceId,
                      protection: { protect: c.protection.protect, retainOnDelete: c.protection.retainOnDelete },
                  },
                  { parent: this },
              )
            : undefined;

        const privateAccess = plan.privateEndpoints
            ? this.reachPrivately(name, c, plan, placement, vnetName, network, { workspace, teams: built, registry, sharedLogsId: sharedLogs?.id, lakes })
            : undefined;
        if (privateAccess && plan.publicNetworkAccess === "Disabled") {
            if (workspace && mode === "single") grantLakeEndpointReaders(`${name}-ml`, { endpointIds: privateAccess.endpointIds, lakes: lakes.own, rolePrefix: "", principalId: workspace.principalId, subscriptionId: client.subscriptionId, uniqueBy }, this);
            for (const t of built) grantLakeEndpointReaders(`${name}-team-${t.key}`, { endpointIds: privateAccess.endpointIds, lakes: lakes.teams[t.key], rolePrefix: `${t.key}-`, principalId: t.principalId, subscriptionId: client.subscriptionId, uniqueBy: [...uniqueBy, `team:${t.key}`] }, t.scope);
            if (workspace) {
                grantStudioEndpointReader(`${name}-ml`, { endpointIds: privateAccess.endpointIds, principalId: workspace.principalId, subscriptionId: client.subscriptionId, uniqueBy, workspaceName: names.workspace }, { parent: this });
            }
            for (const t of built) {
                if (!t.workspace) continue;
                const ids = privateAccess.endpointIds;
                grantStudioEndpointReader(`${name}-team-${t.key}-ml`, { endpointIds: ids, storageRole: `${t.key}-storage`, principalId: t.workspace.principalId, subscriptionId: client.subscriptionId, uniqueBy: [...uniqueBy, `team:${t.key}`], workspaceName: t.names.workspace }, { parent: t.scope });
            }
        }
        // Compute waits for the private endpoints: without public IPs it reaches the workspace through them.
        const computeDeps = privateAccess ? [privateAccess] : [];
        // One AzureML extension per cluster, shared by every workspace that attaches it.
        const aks = createPlatformAksClusters(name, c.kubernetes.clusters, {
            ...placement,
            namePrefix: c.namePrefix,
            subnetId: network?.aksSubnetId,
            virtualNetworkAddressSpace: vnet && !vnet.existingId ? vnet.addressSpace : undefined,
            tenantId: client.tenantId,
            subscriptionId: client.subscriptionId,
            logAnalyticsWorkspaceId,
        }, this);
        const extensions = createAzureMlExtensions(name, c, this, aks);
        const clusterObjects = createClusterObjects(name, c, this, aks, extensions);
        const attachTo = (ws: Workspace, uniqueByOf: string[], userAssigned: boolean): KubernetesAttachTarget => ({
            extensions,
            clusterObjects,
            uniqueBy: uniqueByOf,
            subscriptionId: client.subscriptionId,
            storageAccountId: ws.storageAccountId,
            containerRegistryId: acr === "none" ? undefined : ws.containerRegistryId.apply((id) => {
                      if (id === undefined) throw new pulumi.ResourceError("the registry decision creates a registry, but the workspace has none", this);
                      return id;
                  }),
            workspaceUserAssignedPrincipalId: userAssigned && c.workspace.identity.type === "UserAssigned" ? ws.principalId : undefined,
        });
        const clustersForServing = servingClusters(c.kubernetes.clusters, aks, extensions, clusterObjects);
        const scoringUris: Record<string, pulumi.Output<string>> = {};
        const serve = (prefix: string, teamKey: string | undefined, serving: ResolvedServing, ws: ServingWorkspace, k8s: { declared: PlatformSettings["compute"]["kubernetes"]; created: Record<string, ComputeCluster | ComputeInstance | KubernetesCompute> }, tags: Record<string, string>, parent: pulumi.Resource): void => {
            const out = createServing(serving, {
                name: prefix,
                teamKey,
                namePrefix: teamKey ? `${c.namePrefix}-${teamKey}` : c.namePrefix,
                uniqueBy: teamKey ? [...uniqueBy, `team:${teamKey}`] : uniqueBy,
                resourceGroupName: this.resourceGroupName,
                location: c.location,
                tags,
                subscriptionId: client.subscriptionId,
                tenantId: client.tenantId,
                workspace: ws,
                modelRegistry: registry ? { name: registry.registryName, id: registry.id } : undefined,
                publicNetworkAccess: c.network.publicNetworkAccess,
                logAnalyticsWorkspaceId,
                scoringSubnetId: network?.scoringSubnetId,
                virtualNetworkAddressSpace: vnet && !vnet.existingId ? vnet.addressSpace : undefined,
                clusters: clustersForServing,
                kubernetesComputes: servingKubernetesComputes(k8s.declared, k8s.created, COMPONENT_DEFAULTS["compute.kubernetes.*.namespace"]),
                privateEndpoints: privateAccess && network?.privateEndpointsSubnetId !== undefined
                    ? { subnetId: network.privateEndpointsSubnetId, cloud: c.cloud, dnsMode: plan.dns.mode, zoneIds: privateAccess.dnsZoneIds, dependsOn: [privateAccess] }
                    : undefined,
                dependsOn: computeDeps,
            }, parent);
            for (const [key, uri] of Object.entries(out.scoringUris)) scoringUris[teamKey ? `${teamKey}/${key}` : key] = uri;
        };
        if (mode !== "single" && servesAnything(c.serving)) throw new pulumi.ResourceError("serving: with teams, images, models and endpoints go under teams.<key>.serving", this);
        if (workspace) {
            const computes = this.createCompute(name, c.compute, placement, computeSubnetId, client, workspace.workspaceName, workspace.userAssignedIdentityId, computeDeps, this, attachTo(workspace, uniqueBy, true));
            // A hub runs no jobs (its projects do): the platform's own schedules need the single workspace.
            if (mode === "hub" && Object.keys(c.schedules).length > 0) throw new pulumi.ResourceError("schedules: a hub runs no jobs; declare schedules under teams.<key>.schedules", this);
            createSchedules(name, { schedules: c.schedules, compute: c.compute, computes, resourceGroupName: this.resourceGroupName, workspaceName: workspace.workspaceName, workspaceId: workspace.id, tags: c.tags }, this);
            if (mode === "single") this.createData(name, ctx, c.data, lakes.own, { workspaceName: workspace.workspaceName, principalId: workspace.principalId, workspace, access: c.access, uniqueBy, tags: c.tags, logAnalyticsWorkspaceId, dependsOn: computeDeps, computes }, this);
            if (mode === "single") serve(name, undefined, c.serving, servingWorkspace(workspace, workspace), { declared: c.compute.kubernetes, created: computes }, c.tags, this);
        } else if (Object.keys(c.schedules).length > 0) {
            throw new pulumi.ResourceError("schedules: independent teams have no platform workspace; declare schedules under teams.<key>.schedules", this);
        }
        for (const t of built) {
            // A hub's project uses the hub's storage and registry and has a system-assigned identity.
            const kube = t.workspace ? attachTo(t.workspace, [...uniqueBy, `team:${t.key}`], true) : workspace ? attachTo(workspace, [...uniqueBy, `team:${t.key}`], false) : undefined;
            const computes = this.createCompute(`${name}-team-${t.key}`, t.team.compute, { ...placement, tags: t.tags }, computeSubnetId, client, t.workspaceName, t.workspace?.userAssignedIdentityId, computeDeps, t.scope, kube);
            createSchedules(`${name}-team-${t.key}`, { schedules: t.team.schedules, compute: t.team.compute, computes, resourceGroupName: this.resourceGroupName, workspaceName: t.workspaceName, workspaceId: t.id, tags: t.tags }, t.scope);
            this.createData(`${name}-team-${t.key}`, ctx, t.team.data, lakes.teams[t.key], { workspaceName: t.workspaceName, principalId: t.principalId, workspace: t.workspace, access: t.team.access, uniqueBy: [...uniqueBy, `team:${t.key}`], tags: t.tags, logAnalyticsWorkspaceId, dependsOn: computeDeps, computes }, t.scope);
            // A hub's project serves with the hub's storage, registry and Application Insights.
            const source = t.workspace ?? workspace;
            if (servesAnything(t.team.serving)) {
                if (!source) throw new pulumi.ResourceError(`teams.${t.key}.serving: the team has no workspace to serve from`, t.scope);
                serve(`${name}-team-${t.key}`, t.key, t.team.serving, servingWorkspace(t, source), { declared: t.team.compute.kubernetes, created: computes }, t.tags, t.scope);
            }
        }
        this.grantAccess(name, ctx, mode, workspace, built, registry);

        if (c.protection.deleteLock && !c.monitoring.logAnalytics.existingId) this.lockLogs(name, logAnalyticsWorkspaceId, [...(workspace ? [workspace] : []), ...built.map((t) => t.scope)]);
        const none = pulumi.output<string | undefined>(undefined);
        this.workspaceName = workspace ? workspace.workspaceName : none;
        this.workspaceId = workspace ? workspace.id : none;
        this.discoveryUrl = workspace ? workspace.discoveryUrl : none;
        this.principalId = workspace ? workspace.principalId : none;
        this.storageAccountId = workspace ? workspace.storageAccountId : none;
        this.keyVaultId = workspace ? workspace.keyVaultId : none;
        this.keyVaultUri = workspace ? workspace.keyVaultUri : none;
        this.registryLoginServer = workspace ? workspace.registryLoginServer : none;
        this.applicationInsightsConnectionString = workspace ? workspace.applicationInsightsConnectionString : pulumi.secret(none);
        this.logAnalyticsWorkspaceId = logAnalyticsWorkspaceId;
        this.virtualNetworkId = network ? network.virtualNetworkId : none;
        this.modelRegistryId = registry ? registry.id : none;
        // Pulumi drops an undefined output: a stack that serves nothing shows no empty map.
        this.scoringUris = Object.keys(scoringUris).length > 0 ? pulumi.output(scoringUris) : pulumi.output<{ [endpoint: string]: string } | undefined>(undefined);
        this.teamWorkspaces = pulumi
            .all(built.map((t) => pulumi.all([t.id, t.workspaceName, t.principalId]).apply(([id, n, principalId]) => [t.key, { id, name: n, principalId }] as const)))
            .apply((entries) => Object.fromEntries(entries));
        this.registerOutputs({
            resourceGroupName: this.resourceGroupName,
            workspaceName: this.workspaceName,
            workspaceId: this.workspaceId,
            principalId: this.principalId,
            registryLoginServer: this.registryLoginServer,
            applicationInsightsConnectionString: this.applicationInsightsConnectionString,
            virtualNetworkId: this.virtualNetworkId,
            teamWorkspaces: this.teamWorkspaces,
            modelRegistryId: this.modelRegistryId,
            scoringUris: this.scoringUris,
        });
    }

    /** The workspace component's args for a workspace of this platform (the single one, the hub, or an independent team's). */
    private workspaceArgs(ctx: TeamContext, names: PlatformNames, tags: Record<string, string>, sharedLogAnalyticsWorkspaceId?: pulumi.Input<string>, dataRules?: NonNullable<WorkspaceArgs["managedNetwork"]>["privateEndpointRules"]): WorkspaceArgs {
        const { c, client } = ctx;
        const cloud = CLOUDS[c.cloud];
        const registry = decideRegistryFor(c);
        return {
            resourceGroupName: ctx.resourceGroupName,
            resourceGroupId: ctx.resourceGroupId,
            location: c.location,
            tags,
            workspaceName: names.workspace,
            friendlyName: c.workspace.friendlyName,
            description: c.workspace.description,
            tenantId: client.tenantId,
            subscriptionId: client.subscriptionId,
            uniqueBy: ctx.uniqueBy,
            publicNetworkAccess: c.network.publicNetworkAccess,
            firewallDefaultAction: c.network.firewallDefaultAction,
            allowedIpRanges: c.network.allowedIpRanges,
            hbi: c.workspace.highBusinessImpact,
            v1LegacyMode: c.workspace.v1LegacyMode,
            imageBuildCompute: c.workspace.imageBuildCompute,
            identity: {
                type: c.workspace.identity.type,
                existingId: c.workspace.identity.existingId,
                existingPrincipalId: c.workspace.identity.existingPrincipalId,
                name: c.workspace.identity.existingId || c.workspace.identity.type === "SystemAssigned" ? undefined : names.identity,
            },
            managedNetwork: { ...c.workspace.managedNetwork, privateEndpointRules: dataRules },
            serverlessCompute: { customSubnetId: ctx.computeSubnetId, noPublicIp: c.workspace.serverlessCompute.noPublicIp },
            storage: {
                existingId: c.storage.existingId,
                name: c.storage.existingId ? undefined : names.storageAccount,
                sku: c.storage.sku,
                softDeleteRetentionDays: c.storage.softDeleteRetentionDays,
            },
            keyVault: {
                existingId: c.keyVault.existingId,
                name: c.keyVault.existingId ? undefined : names.keyVault,
                sku: c.keyVault.sku,
                softDeleteRetentionDays: c.keyVault.softDeleteRetentionDays,
                purgeProtection: c.keyVault.purgeProtection,
            },
            containerRegistry:
                registry === "none"
                    ? undefined
                    : {
                          existingId: registry === "adopt" ? c.containerRegistry.existingId : undefined,
                          name: registry === "adopt" ? undefined : names.containerRegistry,
                          sku: c.containerRegistry.sku,
                          retentionDays: c.containerRegistry.retentionDays,
                      },
            monitoring:
                sharedLogAnalyticsWorkspaceId === undefined
                    ? {
                          logAnalytics: {
                              existingId: c.monitoring.logAnalytics.existingId,
                              name: c.monitoring.logAnalytics.existingId ? undefined : names.logAnalytics,
                              retentionInDays: c.monitoring.logAnalytics.retentionInDays,
                          },
                          applicationInsights: {
                              existingId: c.monitoring.applicationInsights.existingId,
                              name: c.monitoring.applicationInsights.existingId ? undefined : names.applicationInsights,
                          },
                      }
                    : { logAnalytics: {}, applicationInsights: { name: names.applicationInsights }, sharedLogAnalyticsWorkspaceId },
            customerManagedKey: c.encryption.customerManagedKey.enabled ? { ...c.encryption.customerManagedKey } : undefined,
            // Zone redundancy exists only where the region has availability zones.
            zoneRedundant: c.zoneRedundant && hasAvailabilityZones(c.cloud, c.location),
            protection: { protect: c.protection.protect, retainOnDelete: c.protection.retainOnDelete },
            dnsSuffixes: { keyVault: cloud.keyVaultSuffix, registry: cloud.registrySuffix },
        };
    }

    /**
     * One team: a component that holds everything of the team (so the plan and the team tag find
     * it), with the team's own workspace and associated resources (independent) or a project of the
     * hub. Its names derive from the team key alone, so adding or removing a team never renames
     * another's resources.
     */
    private buildTeam(
        name: string,
        key: string,
        team: ResolvedTeam,
        ctx: TeamContext,
        mode: PlatformMode,
        hub: Workspace | undefined,
        logAnalyticsWorkspaceId: pulumi.Output<string>,
        scope: TeamScope,
        lakes: PlatformLakes,
    ): BuiltTeam {
        const { c } = ctx;
        const tags = { ...c.tags, ...team.tags, [TEAM_TAG]: key };
        const names = platformNames({
            prefix: `${c.namePrefix}-${key}`,
            uniqueBy: [...ctx.uniqueBy, `team:${key}`],
            generation: c.naming.generation,
            given: { workspace: team.workspace.name },
        });
        let built: BuiltTeam;
        if (mode === "hub") {
            if (!hub) throw new pulumi.ResourceError("a hub platform needs its hub workspace", this);
            const project = new ProjectWorkspace(
                `${name}-team-${key}-project`,
                {
                    resourceGroupName: ctx.resourceGroupName,
                    location: c.location,
                    tags,
                    workspaceName: names.workspace,
                    hubResourceId: hub.id,
                    friendlyName: team.workspace.friendlyName,
                    description: team.workspace.description,
                    publicNetworkAccess: c.network.publicNetworkAccess,
                    hbi: c.workspace.highBusinessImpact,
                    logAnalyticsWorkspaceId,
                    protection: { protect: c.protection.protect, retainOnDelete: c.protection.retainOnDelete },
                },
                { parent: scope },
            );
            built = { key, team, tags, names, scope, id: project.id, workspaceName: project.workspaceName, principalId: project.principalId };
        } else {
            const ws = new Workspace(
                `${name}-team-${key}-ml`,
                { ...this.workspaceArgs({ ...ctx, uniqueBy: [...ctx.uniqueBy, `team:${key}`] }, names, tags, logAnalyticsWorkspaceId, lakes.teamRules(key)), friendlyName: team.workspace.friendlyName, description: team.workspace.description },
                { parent: scope },
            );
            built = { key, team, tags, names, scope, workspace: ws, id: ws.id, workspaceName: ws.workspaceName, principalId: ws.principalId };
        }
        return built;
    }

    /**
     * Role assignments for people, groups and service principals: each team's list at its
     * workspace (or project), the hub, the resource group or the model registry, and the platform's
     * list; custom roles defined once at the resource group; and `AzureML Registry User` on the model
     * registry for each consuming team's workspace identity.
     */
    private grantAccess(name: string, ctx: TeamContext, mode: PlatformMode, hub: Workspace | undefined, teams: BuiltTeam[], registry: ModelRegistry | undefined): void {
        const { c } = ctx;
        const customKeys = Object.keys(c.customRoles);
        const custom = Object.fromEntries(
            Object.entries(c.customRoles).map(([roleKey, role]) => [
                roleKey,
                new CustomRoleDefinition(
                    `${name}-role-${roleKey}`,
                    { roleKey, scopeKey: "resourceGroup", assignableScopeId: ctx.resourceGroupId, namePrefix: c.namePrefix, ...role },
                    { parent: this },
                ),
            ]),
        );
        const scopeOf = (grant: PlatformAccessGrantArgs, team: BuiltTeam | undefined, path: string): { scopeId: pulumi.Input<string>; scopeKey: string } => {
            const scope = grant.scope ?? (team ? "workspace" : "resourceGroup");
            switch (scope) {
                case "workspace":
                    if (!team) throw new pulumi.ResourceError(`${path}.scope: workspace applies to a team's grants only`, this);
                    return { scopeId: team.id, scopeKey: `team/${team.key}/workspace` };
                case "hub":
                    if (mode !== "hub" || !hub) throw new pulumi.ResourceError(`${path}.scope: hub needs sharing hub`, this);
                    return { scopeId: hub.id, scopeKey: "hub" };
                case "resourceGroup":
                    return { scopeId: ctx.resourceGroupId, scopeKey: "resourceGroup" };
                case "registry":
                    if (!registry) throw new pulumi.ResourceError(`${path}.scope: registry needs a modelRegistry`, this);
                    return { scopeId: registry.id, scopeKey: "registry" };
            }
        };
        const toGrant = (grant: PlatformAccessGrantArgs, team: BuiltTeam | undefined, path: string): AccessGrantArgs => {
            const role = resolveRole(grant.role, customKeys);
            if (role.kind === "unknown") throw new pulumi.ResourceError(`${path}.role: ${role.problem} (${role.fix})`, this);
            const base = { principalId: grant.principalId, principalType: grant.principalType, label: grant.label, ...scopeOf(grant, team, path) };
            return role.kind === "builtin"
                ? { ...base, roleDefinitionId: role.roleGuid, roleKey: role.name }
                : { ...base, roleDefinitionId: custom[role.key].roleDefinitionId, roleKey: `custom/${role.key}` };
        };
        if (c.access.length > 0) {
            new AccessGrants(`${name}-access`, { grants: c.access.map((g, i) => toGrant(g, undefined, `access[${i}]`)), subscriptionId: ctx.client.subscriptionId }, { parent: this });
        }
        for (const t of teams) {
            if (t.team.access.length === 0) continue;
            new AccessGrants(
                `${name}-team-${t.key}-access`,
                { grants: t.team.access.map((g, i) => toGrant(g, t, `teams.${t.key}.access[${i}]`)), subscriptionId: ctx.client.subscriptionId },
                { parent: t.scope },
            );
        }
        if (registry) {
            for (const key of c.modelRegistry?.consumers ?? []) {
                const t = teams.find((x) => x.key === key);
                if (!t) throw new pulumi.ResourceError(`modelRegistry.consumers: ${key} is not a team key`, this);
                grantRole(
                    `${name}-team-${key}-registry-user`,
                    {
                        scope: registry.id,
                        role: "azureMlRegistryUser",
                        principalId: t.principalId,
                        principalType: "ServicePrincipal",
                        subscriptionId: ctx.client.subscriptionId,
                        identity: [...ctx.uniqueBy, `team:${key}`, "registry-user"],
                        description: `Team ${key}'s workspace ${t.names.workspace} reads and writes models in the platform registry`,
                    },
                    { parent: t.scope },
                );
            }
        }
    }

    /**
     * CanNotDelete locks. A lock covers everything under its scope: child resources, and extension
     * resources such as role assignments and diagnostic settings, and a lock on the group stops
     * Azure ML clusters from releasing nodes ("Lock your resources to protect your infrastructure",
     * https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources). So the
     * group, the workspace (its computes are children) and every resource carrying role assignments
     * or diagnostic settings stay unlocked (they rely on `protect` and their own soft delete), and
     * only the stateful resources whose scope holds none of those are locked: today the Log Analytics
     * workspace (audit and diagnostic history). Each lock depends on the whole workspace, so it is
     * created last and deleted first.
     */
    private lockLogs(name: string, logAnalyticsWorkspaceId: pulumi.Input<string>, after: pulumi.Resource[]): void {
        new ManagementLockByScope(
            `${name}-lock-logs`,
            {
                lockName: "do-not-delete",
                scope: logAnalyticsWorkspaceId,
                level: "CanNotDelete",
                notes: "Azure ML platform audit logs: remove this lock deliberately before deleting.",
            },
            { parent: this, dependsOn: after },
        );
    }

    /**
     * Private endpoints (with DNS) for every private resource — the platform workspace's (or hub's),
     * each independent team's, the model registry — and the Azure Monitor private link scope.
     */
    private reachPrivately(
        name: string,
        c: PlatformSettings,
        plan: NetworkPlan,
        placement: PlacementArgs,
        vnetName: string | undefined,
        network: Network | undefined,
        reach: { workspace?: Workspace; teams: BuiltTeam[]; registry?: ModelRegistry; sharedLogsId?: pulumi.Output<string>; lakes: PlatformLakes },
    ): PrivateAccess {
        const subnetId = network?.privateEndpointsSubnetId;
        if (subnetId === undefined) throw new pulumi.ResourceError("private endpoints need network.virtualNetwork with a private-endpoints subnet", this);
        const reachesRegistry = plan.targets.some((t) => t.role === "registry");
        const idsOf = (ws: Workspace): Record<string, pulumi.Input<string>> => ({
            workspace: ws.id,
            storage: ws.storageAccountId,
            keyVault: ws.keyVaultId,
            // Only when the plan reaches a registry: the workspace may have none.
            ...(reachesRegistry
                ? {
                      registry: ws.containerRegistryId.apply((id) => {
                          if (id === undefined) throw new Error("the network plan reaches the container registry privately, but the workspace has none");
                          return id;
                      }),
                  }
                : {}),
        });
        // One workspace's endpoints, from the plan; a team's carry its key in their role (`risk-storage`).
        const targetsOf = (ws: Workspace, rolePrefix: string): PrivateAccessTarget[] => {
            const ids = idsOf(ws);
            return plan.targets
                .filter((t) => t.role !== "monitoring")
                .map((t) => {
                    const resourceId = ids[t.role];
                    if (resourceId === undefined) throw new pulumi.ResourceError(`no ${t.role} resource to reach privately`, this);
                    return { role: `${rolePrefix}${t.role}`, resourceId, groupIds: t.groupIds, registrySku: t.role === "registry" ? c.containerRegistry.sku : undefined };
                });
        };
        const targets: PrivateAccessTarget[] = [
            ...(reach.workspace ? targetsOf(reach.workspace, "") : []),
            ...reach.teams.flatMap((t) => (t.workspace ? targetsOf(t.workspace, `${t.key}-`) : [])),
            ...(reach.registry && (c.modelRegistry?.publicNetworkAccess ?? "Disabled") === "Disabled" ? [registryPrivateAccessTarget(reach.registry)] : []),
            ...reach.lakes.privateTargets,
        ];
        const monitored = plan.targets.some((t) => t.role === "monitoring");
        const ws = reach.workspace;
        return new PrivateAccess(
            `${name}-private`,
            {
                ...placement,
                namePrefix: c.namePrefix,
                cloud: c.cloud,
                subnetId,
                virtualNetworkId: network?.virtualNetworkId,
                virtualNetworkName: vnetName,
                dnsMode: plan.dns.mode,
                existingZoneIds: plan.dns.zoneIds,
                targets,
                laterGroupIds: servingPrivateGroupIds([c.serving, ...reach.teams.map((t) => t.team.serving)]),
                monitoring: monitored
                    ? {
                          logAnalyticsId: c.monitoring.logAnalytics.existingId ? undefined : (ws?.logAnalyticsWorkspaceId ?? reach.sharedLogsId),
                          applicationInsightsId: c.monitoring.applicationInsights.existingId || !ws ? undefined : ws.applicationInsightsId,
                          moreApplicationInsightsIds: Object.fromEntries(reach.teams.flatMap((t) => (t.workspace ? [[t.key, t.workspace.applicationInsightsId]] : []))),
                          // Private only once public access is off; a hybrid stack keeps the scope open.
                          accessMode: plan.publicNetworkAccess === "Disabled" ? "PrivateOnly" : "Open",
                      }
                    : undefined,
            },
            { parent: this },
        );
    }

    /**
     * One workspace's datastores, data assets and data grants (components/data/platform-data.ts).
     * The datastores use the workspace identity for service data access; a user-assigned one is
     * also the identity of the workspace's computes, so it gets each account's access too.
     */
    private createData(
        name: string,
        ctx: TeamContext,
        data: PlatformSettings["data"],
        lakes: PlatformLakes["own"],
        w: { workspaceName: pulumi.Input<string>; principalId: pulumi.Input<string>; workspace?: Workspace; access: PlatformAccessGrantArgs[]; uniqueBy: string[]; tags: Record<string, string>; logAnalyticsWorkspaceId: pulumi.Input<string>; dependsOn: pulumi.Resource[]; computes: Record<string, ComputeCluster | ComputeInstance | KubernetesCompute> },
        parent: pulumi.Resource,
    ): void {
        const userAssigned = w.workspace?.userAssignedIdentityId !== undefined;
        // Without a user-assigned workspace identity each compute has its own system-assigned one
        // (read only when there is data to grant on).
        const computePrincipalIds = userAssigned || Object.keys(data.datastores).length === 0
            ? {}
            : Object.fromEntries(
                  Object.entries(w.computes).map(([n, compute]) => [
                      n,
                      pulumi.output(compute.principalId).apply((id: string | undefined) => {
                          if (!id) throw new Error(`compute ${n} has no system-assigned principal ID`);
                          return id;
                      }),
                  ]),
              );
        createWorkspaceData(
            name,
            {
                data,
                lakes,
                resourceGroupName: ctx.resourceGroupName,
                workspaceName: w.workspaceName,
                workspacePrincipalId: w.principalId,
                dataAccessIdentity: userAssigned ? DataAccessIdentity.WorkspaceUserAssignedIdentity : DataAccessIdentity.WorkspaceSystemAssignedIdentity,
                computeUsesWorkspaceIdentity: userAssigned,
                computePrincipalIds,
                access: w.access,
                subscriptionId: ctx.client.subscriptionId,
                uniqueBy: w.uniqueBy,
                tags: w.tags,
                storageSuffix: CLOUDS[ctx.c.cloud].storageSuffix,
                logAnalyticsWorkspaceId: w.logAnalyticsWorkspaceId,
                dependsOn: w.dependsOn,
            },
            parent,
        );
    }

    /**
     * Compute clusters and instances of one workspace: in the managed network, or in the training
     * subnet when the workspace has none (Azure refuses customer subnets for compute of a
     * managed-network workspace); never with node public IPs.
     */
    private createCompute(
        name: string,
        compute: PlatformSettings["compute"],
        placement: PlacementArgs,
        computeSubnetId: pulumi.Input<string> | undefined,
        client: { tenantId: pulumi.Output<string>; objectId: pulumi.Output<string> },
        workspaceName: pulumi.Input<string>,
        identityId: pulumi.Input<string> | undefined,
        dependsOn: pulumi.Resource[],
        parent: pulumi.Resource,
        kube?: KubernetesAttachTarget,
    ): Record<string, ComputeCluster | ComputeInstance | KubernetesCompute> {
        const created: Record<string, ComputeCluster | ComputeInstance | KubernetesCompute> = {};
        if (Object.keys(compute.kubernetes).length > 0) {
            if (!kube) throw new pulumi.ResourceError(`${name}: Kubernetes computes need a workspace`, this);
            Object.assign(created, attachKubernetes(name, compute.kubernetes, { ...placement, workspaceName }, kube, dependsOn, parent));
        }
        const computeBase = { ...placement, workspaceName, subnetId: computeSubnetId, nodePublicIp: false, identityId };
        for (const [computeName, cl] of Object.entries(compute.clusters)) {
            created[computeName] = new ComputeCluster(
                `${name}-cluster-${computeName}`,
                { ...computeBase, computeName, vmSize: cl.vmSize, minNodes: cl.minNodes, maxNodes: cl.maxNodes, idleSecondsBeforeScaleDown: cl.idleSecondsBeforeScaleDown, vmPriority: cl.vmPriority },
                { parent, dependsOn },
            );
        }
        for (const [computeName, inst] of Object.entries(compute.instances)) {
            created[computeName] = new ComputeInstance(
                `${name}-instance-${computeName}`,
                {
                    ...computeBase,
                    computeName,
                    vmSize: inst.vmSize,
                    idleTimeBeforeShutdown: inst.idleTimeBeforeShutdown,
                    tenantId: client.tenantId,
                    assignedUserObjectId: assignedUserOf(computeName, inst, client.objectId, this),
                    enableSso: inst.enableSso,
                    schedules: inst.schedules,
                    creationScript: inst.creationScript,
                    startupScript: inst.startupScript,
                },
                { parent, dependsOn },
            );
        }
        return created;
    }
}

/**
 * The component every resource of one team sits under (`aml-workspace:index:Team`): the plan groups
 * by it, and its transformation tags the team's resources. Internal to MlPlatform, not exported.
 */
class TeamScope extends pulumi.ComponentResource {
    constructor(name: string, teamKey: string, opts: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:Team", name, {}, opts);
        this.registerOutputs({ teamKey });
    }
}

/** A team as the platform built it. */
interface BuiltTeam {
    key: string;
    team: ResolvedTeam;
    tags: Record<string, string>;
    names: PlatformNames;
    /** The team's component: every resource of the team is under it. */
    scope: TeamScope;
    /** The team's own workspace (independent); undefined for a hub's project. */
    workspace?: Workspace;
    id: pulumi.Output<string>;
    workspaceName: pulumi.Output<string>;
    principalId: pulumi.Output<string>;
}

/**
 * The user a compute instance is assigned to: the object ID given, or the deploying principal only
 * when the instance asks for it by name (`assignToDeployingPrincipal`); never silently.
 */
function assignedUserOf(computeName: string, inst: ResolvedInstance, deployer: pulumi.Output<string>, owner: pulumi.Resource): pulumi.Input<string> {
    if (inst.assignedUserObjectId !== undefined && inst.assignToDeployingPrincipal) {
        throw new pulumi.ResourceError(`compute instance ${computeName}: assignedUserObjectId and assignToDeployingPrincipal are both set (give one)`, owner);
    }
    if (inst.assignedUserObjectId !== undefined) return inst.assignedUserObjectId;
    if (inst.assignToDeployingPrincipal) return deployer;
    throw new pulumi.ResourceError(`compute instance ${computeName}: assignedUserObjectId is required (the user's Entra object ID), or set assignToDeployingPrincipal: true`, owner);
}

/** Adds `provider` to a providers option given as a list or as a map. */
function withProvider(
    providers: pulumi.ComponentResourceOptions["providers"],
    provider: pulumi.ProviderResource,
): pulumi.ComponentResourceOptions["providers"] {
    if (providers === undefined) return [provider];
    return Array.isArray(providers) ? [...providers, provider] : { ...providers, "azure-native": provider };
}
