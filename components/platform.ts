import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput, ManagementLockByScope } from "@pulumi/azure-native/authorization";
import { Provider } from "@pulumi/azure-native/provider";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { grantStudioEndpointReader } from "./access/studio-endpoints";
import { CLOUDS } from "./clouds";
import { ComputeCluster } from "./compute/compute-cluster";
import { ComputeInstance } from "./compute/compute-instance";
import { deploymentScope, PROVIDER_ENVIRONMENT } from "./deployment-scope";
import { lifecycleTransformation } from "./lifecycle-options";
import { Network } from "./network/network";
import { virtualNetworkName } from "./network/network-names";
import { planNetwork, type NetworkPlan } from "./network/network-plan";
import type { MlPlatformArgs } from "./platform-args";
import { resolvePlatformArgs, type PlatformSettings } from "./platform-settings";
import { PrivateAccess, type PrivateAccessTarget } from "./network/private-access";
import { givenNames, platformNames, suffixSeed } from "./platform-names";
import type { PlacementArgs } from "./placement";
import { hasAvailabilityZones } from "./regions";
import { parseResourceId } from "./resource-ids";
import { decideRegistryFor } from "./workspace/registry-mode";
import { Workspace } from "./workspace/workspace";

export type { MlPlatformArgs } from "./platform-args";

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
    readonly workspaceName: pulumi.Output<string>;
    /** Workspace resource ID. */
    readonly workspaceId: pulumi.Output<string>;
    /** Discovery URL of the workspace's regional API. */
    readonly discoveryUrl: pulumi.Output<string>;
    /** Principal ID of the workspace identity. */
    readonly principalId: pulumi.Output<string>;
    /** Storage account (default datastore) ID. */
    readonly storageAccountId: pulumi.Output<string>;
    /** Key vault ID. */
    readonly keyVaultId: pulumi.Output<string>;
    /** Key vault URI. */
    readonly keyVaultUri: pulumi.Output<string>;
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

    constructor(name: string, args: MlPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const c = resolvePlatformArgs(args);
        const plan = planNetwork(c);
        const registry = decideRegistryFor(c);
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
            retainRegistry: registry === "create" && c.containerRegistry.mode === "onDemand",
            keepAttachedRegistry: registry === "none",
        });
        super("aml-workspace:index:MlPlatform", name, {}, {
            ...opts,
            transformations: [...(opts?.transformations ?? []), guards],
            providers: provider ? withProvider(opts?.providers, provider) : opts?.providers,
        });
        this.provider = provider;
        const cloud = CLOUDS[c.cloud];
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

        const workspace = new Workspace(
            `${name}-ml`,
            {
                resourceGroupName: this.resourceGroupName,
                resourceGroupId,
                location: c.location,
                tags: c.tags,
                workspaceName: names.workspace,
                friendlyName: c.workspace.friendlyName,
                description: c.workspace.description,
                tenantId: client.tenantId,
                subscriptionId: client.subscriptionId,
                uniqueBy,
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
                managedNetwork: c.workspace.managedNetwork,
                serverlessCompute: { customSubnetId: computeSubnetId, noPublicIp: c.workspace.serverlessCompute.noPublicIp },
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
                monitoring: {
                    logAnalytics: {
                        existingId: c.monitoring.logAnalytics.existingId,
                        name: c.monitoring.logAnalytics.existingId ? undefined : names.logAnalytics,
                        retentionInDays: c.monitoring.logAnalytics.retentionInDays,
                    },
                    applicationInsights: {
                        existingId: c.monitoring.applicationInsights.existingId,
                        name: c.monitoring.applicationInsights.existingId ? undefined : names.applicationInsights,
                    },
                },
                customerManagedKey: c.encryption.customerManagedKey.enabled ? { ...c.encryption.customerManagedKey } : undefined,
                // Zone redundancy exists only where the region has availability zones.
                zoneRedundant: c.zoneRedundant && hasAvailabilityZones(c.cloud, c.location),
                protection: { protect: c.protection.protect, retainOnDelete: c.protection.retainOnDelete },
                dnsSuffixes: { keyVault: cloud.keyVaultSuffix, registry: cloud.registrySuffix },
            },
            { parent: this },
        );

        const privateAccess = plan.privateEndpoints ? this.reachPrivately(name, c, plan, placement, vnetName, workspace, network) : undefined;
        if (privateAccess && plan.publicNetworkAccess === "Disabled") {
            grantStudioEndpointReader(`${name}-ml`, { endpointIds: privateAccess.endpointIds, principalId: workspace.principalId, subscriptionId: client.subscriptionId, uniqueBy, workspaceName: names.workspace }, { parent: this });
        }
        // Compute waits for the private endpoints: without public IPs it reaches the workspace through them.
        this.createCompute(name, c, placement, computeSubnetId, client, workspace, privateAccess ? [privateAccess] : []);

        if (c.protection.deleteLock) this.lockStatefulResources(name, c, workspace);
        this.workspaceName = workspace.workspaceName;
        this.workspaceId = workspace.id;
        this.discoveryUrl = workspace.discoveryUrl;
        this.principalId = workspace.principalId;
        this.storageAccountId = workspace.storageAccountId;
        this.keyVaultId = workspace.keyVaultId;
        this.keyVaultUri = workspace.keyVaultUri;
        this.registryLoginServer = workspace.registryLoginServer;
        this.applicationInsightsConnectionString = workspace.applicationInsightsConnectionString;
        this.logAnalyticsWorkspaceId = workspace.logAnalyticsWorkspaceId;
        this.virtualNetworkId = network ? network.virtualNetworkId : pulumi.output(undefined);
        this.registerOutputs({
            resourceGroupName: this.resourceGroupName,
            workspaceName: this.workspaceName,
            workspaceId: this.workspaceId,
            principalId: this.principalId,
            registryLoginServer: this.registryLoginServer,
            applicationInsightsConnectionString: this.applicationInsightsConnectionString,
            virtualNetworkId: this.virtualNetworkId,
        });
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
    private lockStatefulResources(name: string, c: PlatformSettings, workspace: Workspace): void {
        if (c.monitoring.logAnalytics.existingId) return;
        new ManagementLockByScope(
            `${name}-lock-logs`,
            {
                lockName: "do-not-delete",
                scope: workspace.logAnalyticsWorkspaceId,
                level: "CanNotDelete",
                notes: "Azure ML platform audit logs: remove this lock deliberately before deleting.",
            },
            { parent: this, dependsOn: [workspace] },
        );
    }

    /** Private endpoints (with DNS) for every private resource, and the Azure Monitor private link scope. */
    private reachPrivately(
        name: string,
        c: PlatformSettings,
        plan: NetworkPlan,
        placement: PlacementArgs,
        vnetName: string | undefined,
        ws: Workspace,
        network: Network | undefined,
    ): PrivateAccess {
        const subnetId = network?.privateEndpointsSubnetId;
        if (subnetId === undefined) throw new pulumi.ResourceError("private endpoints need network.virtualNetwork with a private-endpoints subnet", this);
        const idOf: Record<string, pulumi.Input<string> | undefined> = {
            workspace: ws.id,
            storage: ws.storageAccountId,
            keyVault: ws.keyVaultId,
            // Only when the plan reaches a registry: the workspace may have none.
            ...(plan.targets.some((t) => t.role === "registry")
                ? {
                      registry: ws.containerRegistryId.apply((id) => {
                          if (id === undefined) throw new Error("the network plan reaches the container registry privately, but the workspace has none");
                          return id;
                      }),
                  }
                : {}),
        };
        const targets: PrivateAccessTarget[] = plan.targets
            .filter((t) => t.role !== "monitoring")
            .map((t) => {
                const resourceId = idOf[t.role];
                if (resourceId === undefined) throw new pulumi.ResourceError(`no ${t.role} resource to reach privately`, this);
                return { role: t.role, resourceId, groupIds: t.groupIds, registrySku: t.role === "registry" ? c.containerRegistry.sku : undefined };
            });
        const monitored = plan.targets.some((t) => t.role === "monitoring");
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
                monitoring: monitored
                    ? {
                          logAnalyticsId: c.monitoring.logAnalytics.existingId ? undefined : ws.logAnalyticsWorkspaceId,
                          applicationInsightsId: c.monitoring.applicationInsights.existingId ? undefined : ws.applicationInsightsId,
                          // Private only once public access is off; a hybrid stack keeps the scope open.
                          accessMode: plan.publicNetworkAccess === "Disabled" ? "PrivateOnly" : "Open",
                      }
                    : undefined,
            },
            { parent: this },
        );
    }

    /**
     * Compute clusters and instances: in the managed network, or in the training subnet when the
     * workspace has none (Azure refuses customer subnets for compute of a managed-network
     * workspace); never with node public IPs.
     */
    private createCompute(
        name: string,
        c: PlatformSettings,
        placement: PlacementArgs,
        computeSubnetId: pulumi.Input<string> | undefined,
        client: { tenantId: pulumi.Output<string>; objectId: pulumi.Output<string> },
        workspace: Workspace,
        dependsOn: pulumi.Resource[],
    ): { clusters: Record<string, ComputeCluster>; instances: Record<string, ComputeInstance> } {
        const computeBase = { ...placement, workspaceName: workspace.workspaceName, subnetId: computeSubnetId, nodePublicIp: false, identityId: workspace.userAssignedIdentityId };
        const clusters = Object.fromEntries(
            Object.entries(c.compute.clusters).map(([computeName, cl]) => [
                computeName,
                new ComputeCluster(
                    `${name}-cluster-${computeName}`,
                    { ...computeBase, computeName, vmSize: cl.vmSize, minNodes: cl.minNodes, maxNodes: cl.maxNodes, idleSecondsBeforeScaleDown: cl.idleSecondsBeforeScaleDown, vmPriority: cl.vmPriority },
                    { parent: this, dependsOn },
                ),
            ]),
        );
        const instances = Object.fromEntries(
            Object.entries(c.compute.instances).map(([computeName, inst]) => [
                computeName,
                new ComputeInstance(
                    `${name}-instance-${computeName}`,
                    {
                        ...computeBase,
                        computeName,
                        vmSize: inst.vmSize,
                        idleTimeBeforeShutdown: inst.idleTimeBeforeShutdown,
                        tenantId: client.tenantId,
                        assignedUserObjectId: inst.assignedUserObjectId ?? client.objectId,
                    },
                    { parent: this, dependsOn },
                ),
            ]),
        );
        return { clusters, instances };
    }
}

/** Adds `provider` to a providers option given as a list or as a map. */
function withProvider(
    providers: pulumi.ComponentResourceOptions["providers"],
    provider: pulumi.ProviderResource,
): pulumi.ComponentResourceOptions["providers"] {
    if (providers === undefined) return [provider];
    return Array.isArray(providers) ? [...providers, provider] : { ...providers, "azure-native": provider };
}
