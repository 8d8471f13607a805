import * as pulumi from "@pulumi/pulumi";
import { AgentPool, ManagedCluster, listManagedClusterUserCredentialsOutput } from "@pulumi/azure-native/containerservice";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { grantRole } from "../access/grant";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { deriveName, nameProblem } from "../naming";
import { regionHasZones } from "../regions";
import { AKS_DEFAULTS, AKS_ENTRA_SERVER_APP_ID } from "./aks-defaults";
import type { AksNetworkPolicy, AksNodeOsUpgradeChannel, AksOsDiskType, AksSkuTier, AksUpgradeChannel } from "./aks-enums";
import { aksArgProblems, poolProfile, SYSTEM_POOL_TAINT, type PoolProfile } from "./aks-pools";
import { poolMarks, poolWarning } from "./fpga-pool";

/** One user node pool (mode User), created as its own AgentPool resource. */
export interface AksNodePoolArgs {
    /** Pool name: 1-12 lowercase letters and digits, starting with a letter. */
    name: string;
    /** VM size, e.g. `Standard_D8ds_v5`. */
    vmSize: string;
    /** Fewest nodes (cluster autoscaler). Default 1. */
    minCount?: number;
    /** Most nodes (cluster autoscaler). */
    maxCount: number;
    /** Pods per node (10-250). Default 110. */
    maxPods?: number;
    /** Kubernetes labels of the pool's nodes. Default none. */
    nodeLabels?: Record<string, string>;
    /** Kubernetes taints of the pool's nodes, `key=value:Effect`. Default none (an FPGA size always adds `sku=fpga:NoSchedule` and the label `aml-workspace/accelerator: fpga`). */
    nodeTaints?: string[];
    /** OS disk type. Default `Ephemeral` when the size has a local disk, else `Managed`. */
    osDiskType?: AksOsDiskType;
}

/** The system node pool (mode System, CriticalAddonsOnly taint), declared inline in the cluster. */
export interface AksSystemPoolArgs {
    /** Pool name. Default `system`. */
    name?: string;
    /** VM size (4 vCPUs or more, no B-series). Default `Standard_D4ds_v5`. */
    vmSize?: string;
    /** Fewest nodes (at least 2). Default 2. */
    minCount?: number;
    /** Most nodes. Default 3. */
    maxCount?: number;
    /** Pods per node (30-250). Default 110. */
    maxPods?: number;
    /** OS disk type. Default `Ephemeral` when the size has a local disk, else `Managed`. */
    osDiskType?: AksOsDiskType;
}

/** Who may reach the Kubernetes API server. */
export interface AksApiServerArgs {
    /** Private API server (private endpoint in the node VNet, private DNS zone `system`). Default true. */
    private?: boolean;
    /** CIDRs allowed to reach a public API server; required when `private` is false. Default none. */
    authorizedIpRanges?: string[];
}

/**
 * The settings of a cluster, as a user chooses them: everything but where it goes and what it
 * reports to. `MlPlatform` takes these per `kubernetes.clusters.<key>.create` and supplies the rest.
 */
export interface AksClusterSettingsArgs {
    /** Kubernetes version, `1.30` or `1.30.4`. Default: AKS's default version at creation (then the upgrade channel moves it). */
    kubernetesVersion?: string;
    /** Control-plane tier. Default `Standard` (uptime SLA). */
    skuTier?: AksSkuTier;
    /** Entra ID groups given cluster admin through Azure RBAC. Default none (grant Azure Kubernetes Service RBAC roles instead). */
    adminGroupObjectIds?: pulumi.Input<string>[];
    /** API server access. Default private. */
    apiServer?: AksApiServerArgs;
    /** Network policy engine. Default `cilium` (with the Cilium data plane). */
    networkPolicy?: AksNetworkPolicy;
    /** Service CIDR (outside the VNet). Default `172.16.0.0/16`. */
    serviceCidr?: string;
    /** CoreDNS service IP, inside serviceCidr. Default `172.16.0.10`. */
    dnsServiceIp?: string;
    /** Overlay pod CIDR (outside the VNet). Default `10.244.0.0/16`. */
    podCidr?: string;
    /** Cluster auto-upgrade channel. Default `stable`. */
    upgradeChannel?: AksUpgradeChannel;
    /** Node OS upgrade channel. Default `NodeImage`. */
    nodeOsUpgradeChannel?: AksNodeOsUpgradeChannel;
    /** Microsoft Defender for Containers security monitoring. Default true. */
    defender?: boolean;
    /**
     * Keep local accounts (static admin credentials) enabled. Default false (Entra ID only). The
     * AzureML extension needs true: "Azure Machine Learning doesn't support disabling local
     * accounts for AKS" ("Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster").
     */
    localAccounts?: boolean;
    /** The system pool. Default: `system`, Standard_D4ds_v5, 2-3 nodes. */
    systemPool?: AksSystemPoolArgs;
    /** User pools, each its own AgentPool resource. Default none. */
    userPools?: AksNodePoolArgs[];
    /** Image of the FPGA device plugin the fpga serving host runs on an FPGA pool (not used by the cluster itself). Default: FPGA_DEVICE_PLUGIN.image (components/fpga.ts). */
    fpgaDevicePluginImage?: string;
}

/** Arguments of {@link AksCluster}: its settings and its place. */
export interface AksClusterArgs extends AksClusterSettingsArgs {
    /** Resource group of the cluster. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region (plain: it decides the availability zones). */
    location: string;
    /** Tags of the cluster, its pools and identity. */
    tags: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Cluster name (1-63 letters, digits, underscores and hyphens). */
    clusterName: string;
    /** DNS prefix of the API server's FQDN. Default: derived from clusterName. */
    dnsPrefix?: string;
    /** Entra ID tenant whose users and groups authenticate to the cluster. */
    tenantId: pulumi.Input<string>;
    /** Subscription of the role definitions (Network Contributor on the subnet). */
    subscriptionId: pulumi.Input<string>;
    /** Log Analytics workspace for Container Insights, Defender and the control-plane logs. */
    logAnalyticsWorkspaceId: pulumi.Input<string>;
    /** Subnet of the nodes (the stack's `aks` subnet). Default none: AKS creates a VNet in the node resource group. */
    subnetId?: pulumi.Input<string>;
    /** Address space of the subnet's VNet, to check the service and pod CIDRs against. Default none (not checked). */
    virtualNetworkAddressSpace?: string[];
}

/**
 * A hardened AKS cluster: Entra ID with Azure RBAC and no local accounts, Kubernetes RBAC, Azure
 * CNI Overlay with a network policy engine, workload identity and the OIDC issuer, a private API
 * server (or authorized ranges), automatic upgrades, Azure Policy, Container Insights (Entra ID
 * auth), Defender, no node public IPs, a tainted system pool and autoscaled user pools across the
 * region's zones, and control-plane logs in Log Analytics.
 *
 * The system pool is declared inline (ARM requires one at creation, and refuses to add pools
 * through the cluster afterwards); user pools are separate AgentPool resources, so adding or
 * removing one (or an FPGA pool later) changes only that pool: see ARCHITECTURE.md.
 */
export class AksCluster extends pulumi.ComponentResource {
    /** Cluster resource ID. */
    readonly id: pulumi.Output<string>;
    /** Cluster name. */
    readonly name: pulumi.Output<string>;
    /** OIDC issuer URL (federated credentials of workload identities). */
    readonly oidcIssuerUrl: pulumi.Output<string>;
    /** Object ID of the kubelet identity (grant it AcrPull on the registry). */
    readonly kubeletIdentityObjectId: pulumi.Output<string>;
    /** Resource group AKS keeps the nodes in. */
    readonly nodeResourceGroup: pulumi.Output<string>;
    /** FQDN of the API server the cluster's clients use: the private FQDN of a private cluster, else the public one. */
    readonly apiServerFqdn: pulumi.Output<string>;
    /** Entra ID tenant of the cluster's users. */
    readonly tenantId: pulumi.Output<string>;
    /** Token audience of the API server (kubelogin --server-id). */
    readonly entraServerAppId: pulumi.Output<string>;
    /**
     * The cluster-user kubeconfig in `exec` format (kubelogin, Entra ID tokens; secret): server and
     * CA certificate, no credential. Never the admin kubeconfig (off by default, and a static credential where local accounts are kept).
     */
    readonly userKubeconfig: pulumi.Output<string>;
    /** Principal ID of the control-plane identity. */
    readonly controlPlanePrincipalId: pulumi.Output<string>;

    constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:AksCluster", name, {}, opts);
        const problems = aksArgProblems(args);
        const nameIssue = nameProblem("aksCluster", args.clusterName);
        const dnsPrefix = args.dnsPrefix ?? deriveName("aksDnsPrefix", args.clusterName);
        const dnsIssue = nameProblem("aksDnsPrefix", dnsPrefix);
        const all = [...(nameIssue ? [`clusterName: ${nameIssue}`] : []), ...(dnsIssue ? [`dnsPrefix: ${dnsIssue}`] : []), ...problems.map((p) => `${p.key}: ${p.problem} (${p.fix})`)];
        if (all.length > 0) throw new pulumi.ResourceError(`AKS cluster ${args.clusterName}: ${all.join("; ")}`, this);

        const zones = regionHasZones(args.location) ? ["1", "2", "3"] : undefined;
        const isPrivate = args.apiServer?.private ?? AKS_DEFAULTS["apiServer.private"];
        const policy = args.networkPolicy ?? AKS_DEFAULTS.networkPolicy;
        const defender = args.defender ?? AKS_DEFAULTS.defender;

        // With a customer subnet, a user-assigned control-plane identity gets Network Contributor on it
        // before the cluster exists ("Use a managed identity in AKS": a pre-created identity needs the
        // role on the subnet; "Configure Azure CNI networking": the cluster identity needs
        // Microsoft.Network/virtualNetworks/subnets/join/action and read, which Network Contributor holds).
        let identity: UserAssignedIdentity | undefined;
        const dependsOn: pulumi.Resource[] = [];
        if (args.subnetId !== undefined) {
            identity = new UserAssignedIdentity(
                `${name}-identity`,
                { resourceName: deriveName("userAssignedIdentity", `id-${args.clusterName}`), resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags },
                { parent: this },
            );
            dependsOn.push(
                grantRole(
                    `${name}-subnet-network-contributor`,
                    {
                        scope: args.subnetId,
                        role: "networkContributor",
                        principalId: identity.principalId,
                        principalType: "ServicePrincipal",
                        subscriptionId: args.subscriptionId,
                        identity: ["aks-subnet", args.clusterName],
                        description: `AKS cluster ${args.clusterName}: the control plane joins nodes and load balancers to its subnet`,
                    },
                    { parent: this },
                ),
            );
        }

        const pool = (p: PoolProfile) => ({ ...p, availabilityZones: zones, vnetSubnetID: args.subnetId, enableNodePublicIP: false, osType: "Linux", type: "VirtualMachineScaleSets" });
        const system = poolProfile(args.systemPool ?? {}, "System");
        const cluster = new ManagedCluster(
            `${name}-cluster`,
            {
                resourceName: args.clusterName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                dnsPrefix,
                kubernetesVersion: args.kubernetesVersion,
                sku: { name: "Base", tier: args.skuTier ?? AKS_DEFAULTS.skuTier },
                identity: identity
                    ? { type: "UserAssigned", userAssignedIdentities: [identity.id] }
                    : { type: "SystemAssigned" },
                enableRBAC: true,
                disableLocalAccounts: !(args.localAccounts ?? AKS_DEFAULTS.localAccounts),
                aadProfile: { managed: true, enableAzureRBAC: true, tenantID: args.tenantId, adminGroupObjectIDs: args.adminGroupObjectIds },
                apiServerAccessProfile: isPrivate
                    ? { enablePrivateCluster: true, privateDNSZone: "system", enablePrivateClusterPublicFQDN: false }
                    : { enablePrivateCluster: false, authorizedIPRanges: [...(args.apiServer?.authorizedIpRanges ?? AKS_DEFAULTS["apiServer.authorizedIpRanges"])] },
                networkProfile: {
                    networkPlugin: "azure",
                    // Azure CNI Overlay: pod IPs stay out of the VNet ("AKS CNI networking overview" recommends it).
                    networkPluginMode: "overlay",
                    networkDataplane: policy === "cilium" ? "cilium" : "azure",
                    networkPolicy: policy,
                    podCidr: args.podCidr ?? AKS_DEFAULTS.podCidr,
                    serviceCidr: args.serviceCidr ?? AKS_DEFAULTS.serviceCidr,
                    dnsServiceIP: args.dnsServiceIp ?? AKS_DEFAULTS.dnsServiceIp,
                    loadBalancerSku: "standard",
                },
                oidcIssuerProfile: { enabled: true },
                securityProfile: {
                    workloadIdentity: { enabled: true },
                    defender: defender
                        ? { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: args.logAnalyticsWorkspaceId }
                        : { securityMonitoring: { enabled: false } },
                    // Removes unused, vulnerable images from nodes weekly ("Use Image Cleaner on AKS").
                    imageCleaner: { enabled: true, intervalHours: 168 },
                },
                autoUpgradeProfile: {
                    upgradeChannel: args.upgradeChannel ?? AKS_DEFAULTS.upgradeChannel,
                    nodeOSUpgradeChannel: args.nodeOsUpgradeChannel ?? AKS_DEFAULTS.nodeOsUpgradeChannel,
                },
                addonProfiles: {
                    azurepolicy: { enabled: true },
                    // Container Insights with managed identity (Entra ID) authentication to the workspace
                    // ("Enable monitoring for Kubernetes clusters": useAADAuth; the shared-key agent is legacy).
                    omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: args.logAnalyticsWorkspaceId, useAADAuth: "true" } },
                },
                agentPoolProfiles: [{ ...pool(system), mode: "System", nodeTaints: [SYSTEM_POOL_TAINT] }],
            },
            { parent: this, dependsOn },
        );

        for (const p of args.userPools ?? []) {
            const profile = poolProfile(p, "User");
            // A retired (PB-series) FPGA size is kept for a legacy pool, never silently: see components/fpga.ts.
            const warning = poolWarning(p.name, p.vmSize);
            if (warning) pulumi.log.warn(warning, this);
            new AgentPool(
                `${name}-pool-${p.name}`,
                {
                    ...pool(profile),
                    agentPoolName: p.name,
                    resourceName: cluster.name,
                    resourceGroupName: args.resourceGroupName,
                    mode: "User",
                    // An FPGA pool is always tainted and labelled (fpga-pool.ts).
                    ...poolMarks(p.vmSize, p.nodeLabels, p.nodeTaints),
                    orchestratorVersion: args.kubernetesVersion,
                    tags: args.tags,
                },
                { parent: this },
            );
        }

        sendDiagnostics(`${name}-diagnostics`, cluster.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.aksCluster, { parent: this });

        this.id = cluster.id;
        this.name = cluster.name;
        // No output falls back to "": a value Azure should have returned and did not fails the run.
        const must = <T>(what: string, value: T | undefined | null): T => {
            if (value === undefined || value === null || value === "") throw new Error(`AKS cluster ${args.clusterName}: Azure returned no ${what}`);
            return value;
        };
        this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((p) => must("oidcIssuerProfile.issuerURL", p?.issuerURL));
        this.kubeletIdentityObjectId = cluster.identityProfile.apply((p) => must("identityProfile.kubeletidentity.objectId", p?.kubeletidentity?.objectId));
        this.nodeResourceGroup = cluster.nodeResourceGroup.apply((g) => must("nodeResourceGroup", g));
        this.apiServerFqdn = pulumi.all([cluster.privateFQDN, cluster.fqdn]).apply(([priv, pub]) => (isPrivate ? must("privateFQDN", priv) : must("fqdn", pub)));
        this.tenantId = pulumi.output(args.tenantId);
        this.entraServerAppId = pulumi.output(AKS_ENTRA_SERVER_APP_ID);
        this.controlPlanePrincipalId = identity ? identity.principalId : cluster.identity.apply((i) => must("identity.principalId", i?.principalId));
        this.userKubeconfig = pulumi.secret(
            listManagedClusterUserCredentialsOutput({ resourceGroupName: args.resourceGroupName, resourceName: cluster.name, format: "exec" }, { parent: this, dependsOn: [cluster] }).apply(
                (r) => Buffer.from(must("user kubeconfig", r.kubeconfigs[0]?.value), "base64").toString("utf8"),
            ),
        );
        this.registerOutputs({
            id: this.id,
            name: this.name,
            oidcIssuerUrl: this.oidcIssuerUrl,
            kubeletIdentityObjectId: this.kubeletIdentityObjectId,
            nodeResourceGroup: this.nodeResourceGroup,
            apiServerFqdn: this.apiServerFqdn,
            tenantId: this.tenantId,
            entraServerAppId: this.entraServerAppId,
            userKubeconfig: this.userKubeconfig,
            controlPlanePrincipalId: this.controlPlanePrincipalId,
        });
    }
}
