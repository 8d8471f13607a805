/**
 * AksCluster under the offline engine (simulated Azure + capture), in one program run: a prod-like
 * cluster in a customer subnet, a cluster on defaults (AKS's own VNet), and one with every weaker
 * explicit setting. The inputs Azure receives, the outputs issue 11's Kubernetes provider needs,
 * and the AKS policies (policies/rules/aks.ts) through the real harness: nothing reported on the
 * defaults, each weaker setting reported by its policy.
 */
import { VirtualNetwork, Subnet } from "@pulumi/azure-native/network";
import { AksCluster, AKS_DEFAULTS, AKS_ENTRA_SERVER_APP_ID, BUILTIN_ROLE_IDS, SYSTEM_POOL_TAINT } from "../../../components";
import type { CapturedResource } from "../../../offline/graph";
import { isSecret, UNKNOWN } from "../../../offline/graph";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { allPolicies } from "../../../policies/all";
import * as aksRules from "../../../policies/rules/aks";
import { at } from "../../helpers/stack";

const SUB = "00000000-0000-0000-0000-000000000000";
const TENANT = "00000000-0000-0000-0000-0000000000aa";
const RG = "rg-aml-prod";
const LAW = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.OperationalInsights/workspaces/log-aml-prod`;
const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const placement = { resourceGroupName: RG, tags: { owner: "ml-platform" }, tenantId: TENANT, subscriptionId: SUB, logAnalyticsWorkspaceId: LAW };

let run: StackRun;
beforeAll(async () => {
    run = await runProgram(() => {
        const vnet = new VirtualNetwork("vnet", { virtualNetworkName: "vnet-aml-prod", resourceGroupName: RG, location: "westeurope", addressSpace: { addressPrefixes: ["10.20.0.0/16"] } });
        const subnet = new Subnet("snet-aks", { subnetName: "snet-aks", virtualNetworkName: vnet.name, resourceGroupName: RG, addressPrefix: "10.20.8.0/21" });
        const prod = new AksCluster("serving", {
            ...placement,
            location: "westeurope",
            clusterName: "aks-aml-prod",
            kubernetesVersion: "1.30",
            subnetId: subnet.id,
            virtualNetworkAddressSpace: ["10.20.0.0/16"],
            systemPool: { vmSize: "Standard_D4ds_v5", minCount: 2, maxCount: 3 },
            userPools: [{ name: "cpu", vmSize: "Standard_D8ds_v5", minCount: 1, maxCount: 4, nodeLabels: { workload: "serving" } }],
        });
        new AksCluster("lab", { ...placement, location: "northcentralus", clusterName: "aks-lab" });
        // Issue 12's FPGA pool is one more AgentPool; here in a region without FPGA VMs.
        new AksCluster("fpga", { ...placement, location: "northcentralus", clusterName: "aks-fpga", userPools: [{ name: "fpga", vmSize: "Standard_NP10s", minCount: 0, maxCount: 1 }] });
        new AksCluster("weak", {
            ...placement,
            location: "westeurope",
            clusterName: "aks-weak",
            skuTier: "Free",
            upgradeChannel: "none",
            defender: false,
            networkPolicy: "azure",
            apiServer: { private: false, authorizedIpRanges: ["203.0.113.0/24"] },
            userPools: [{ name: "gp", vmSize: "Standard_D8s_v5", maxCount: 2 }],
        });
        return { id: prod.id, oidc: prod.oidcIssuerUrl, kubelet: prod.kubeletIdentityObjectId, nodeGroup: prod.nodeResourceGroup, fqdn: prod.apiServerFqdn, kubeconfig: prod.userKubeconfig, audience: prod.entraServerAppId, tenant: prod.tenantId };
    }, { stack: "prod" });
});

const named = (type: string, name: string): CapturedResource => {
    const found = run.graph.resources.filter((r) => r.type === type && (r.inputs.resourceName === name || r.inputs.agentPoolName === name));
    expect(found).toHaveLength(1);
    return found[0];
};

describe("the cluster's inputs", () => {
    it("Entra ID with Azure RBAC in the tenant, Kubernetes RBAC, no local accounts", () => {
        const c = named(CLUSTER, "aks-aml-prod").inputs;
        expect(c).toMatchObject({ enableRBAC: true, disableLocalAccounts: true, aadProfile: { managed: true, enableAzureRBAC: true, tenantID: TENANT } });
    });

    it("a private API server with the system private DNS zone", () => {
        expect(at(named(CLUSTER, "aks-aml-prod").inputs, "apiServerAccessProfile")).toEqual({ enablePrivateCluster: true, privateDNSZone: "system", enablePrivateClusterPublicFQDN: false });
        expect(at(named(CLUSTER, "aks-weak").inputs, "apiServerAccessProfile")).toEqual({ enablePrivateCluster: false, authorizedIPRanges: ["203.0.113.0/24"] });
    });

    it("Azure CNI Overlay with Cilium policies; service and pod ranges outside the VNet", () => {
        expect(at(named(CLUSTER, "aks-aml-prod").inputs, "networkProfile")).toEqual({
            networkPlugin: "azure", networkPluginMode: "overlay", networkDataplane: "cilium", networkPolicy: "cilium",
            podCidr: "10.244.0.0/16", serviceCidr: "172.16.0.0/16", dnsServiceIP: "172.16.0.10", loadBalancerSku: "standard", outboundType: "loadBalancer",
        });
        expect(at(named(CLUSTER, "aks-weak").inputs, "networkProfile")).toMatchObject({ networkDataplane: "azure", networkPolicy: "azure" });
    });

    it("workload identity, OIDC issuer, Defender to Log Analytics, image cleaner, upgrade channels, Standard tier", () => {
        const c = named(CLUSTER, "aks-aml-prod").inputs;
        expect(c).toMatchObject({
            oidcIssuerProfile: { enabled: true },
            securityProfile: { workloadIdentity: { enabled: true }, defender: { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: LAW }, imageCleaner: { enabled: true } },
            autoUpgradeProfile: { upgradeChannel: "stable", nodeOSUpgradeChannel: "NodeImage" },
            sku: { name: "Base", tier: "Standard" },
            kubernetesVersion: "1.30",
        });
        expect(named(CLUSTER, "aks-weak").inputs).toMatchObject({ sku: { tier: "Free" }, autoUpgradeProfile: { upgradeChannel: "none" }, securityProfile: { defender: { securityMonitoring: { enabled: false } } } });
    });

    it("Azure Policy and Container Insights (Entra ID auth) to the stack's Log Analytics", () => {
        expect(at(named(CLUSTER, "aks-aml-prod").inputs, "addonProfiles")).toEqual({
            azurepolicy: { enabled: true },
            omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: LAW, useAADAuth: "true" } },
        });
    });

    it("a tainted system pool inline, zoned, in the subnet, no public IPs, ephemeral OS disk, autoscaled", () => {
        const [system] = at(named(CLUSTER, "aks-aml-prod").inputs, "agentPoolProfiles") as Record<string, unknown>[];
        expect(system).toEqual({
            name: "system", mode: "System", vmSize: "Standard_D4ds_v5", count: 2, minCount: 2, maxCount: 3, enableAutoScaling: true, maxPods: 110,
            osDiskType: "Ephemeral", nodeTaints: [SYSTEM_POOL_TAINT], availabilityZones: ["1", "2", "3"],
            vnetSubnetID: expect.stringMatching(/\/virtualNetworks\/vnet-aml-prod\/subnets\/snet-aks$/), enableNodePublicIP: false, osType: "Linux", type: "VirtualMachineScaleSets",
        });
    });

    it("user pools are their own AgentPool resources (mode User) on the cluster", () => {
        const cpu = named(POOL, "cpu");
        expect(cpu.inputs).toMatchObject({
            resourceName: "aks-aml-prod", resourceGroupName: RG, mode: "User", vmSize: "Standard_D8ds_v5", minCount: 1, maxCount: 4, count: 1,
            enableAutoScaling: true, enableNodePublicIP: false, osDiskType: "Ephemeral", nodeLabels: { workload: "serving" }, orchestratorVersion: "1.30",
            availabilityZones: ["1", "2", "3"], vnetSubnetID: expect.stringMatching(/\/subnets\/snet-aks$/),
        });
        // A size without a local disk gets a managed OS disk.
        expect(named(POOL, "gp").inputs).toMatchObject({ osDiskType: "Managed", minCount: 1, maxCount: 2 });
    });

    it("no zones where the region has none; AKS's own VNet without a subnet", () => {
        const [system] = at(named(CLUSTER, "aks-lab").inputs, "agentPoolProfiles") as Record<string, unknown>[];
        expect(system.availabilityZones).toBeUndefined();
        expect(system.vnetSubnetID).toBeUndefined();
        expect(at(named(CLUSTER, "aks-lab").inputs, "identity")).toEqual({ type: "SystemAssigned" });
    });

    it("in a customer subnet: a user-assigned control-plane identity with Network Contributor on the subnet, granted first", () => {
        const cluster = named(CLUSTER, "aks-aml-prod");
        expect(at(cluster.inputs, "identity")).toEqual({ type: "UserAssigned", userAssignedIdentities: [expect.stringMatching(/\/userAssignedIdentities\/id-aks-aml-prod$/)] });
        const grants = run.graph.resources.filter((r) => r.type === "azure-native:authorization:RoleAssignment");
        expect(grants).toHaveLength(1);
        expect(grants[0].inputs).toMatchObject({
            scope: expect.stringMatching(/\/subnets\/snet-aks$/),
            roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE_IDS["Network Contributor"]}`,
            principalType: "ServicePrincipal",
        });
        expect(cluster.dependencies).toContain(grants[0].urn);
    });

    it("control-plane logs (kube-audit-admin and guard, not kube-audit) to Log Analytics in resource-specific tables", () => {
        const diag = run.graph.resources.filter((r) => r.type === "azure-native:monitor:DiagnosticSetting" && String(r.inputs.resourceUri).endsWith("/managedClusters/aks-aml-prod"));
        expect(diag).toHaveLength(1);
        const categories = (diag[0].inputs.logs as { category?: string }[]).map((l) => l.category);
        expect(categories).toEqual(expect.arrayContaining(["kube-audit-admin", "guard", "kube-apiserver"]));
        expect(categories).not.toContain("kube-audit");
        expect(diag[0].inputs).toMatchObject({ workspaceId: LAW, logAnalyticsDestinationType: "Dedicated", metrics: [{ category: "AllMetrics", enabled: true }] });
    });
});

describe("outputs", () => {
    it("what a Kubernetes provider with Entra ID credentials needs, and never an admin credential", () => {
        expect(run.outputs.id).toBe(`/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerService/managedClusters/aks-aml-prod`);
        expect(run.outputs.oidc).toMatch(/^https:\/\/westeurope\.oic\.prod-aks\.azure\.com\/.+\/$/);
        expect(run.outputs.kubelet).toMatch(/^[0-9a-f-]{36}$/);
        expect(run.outputs.nodeGroup).toBe("MC_rg-aml-prod_aks-aml-prod_westeurope");
        expect(run.outputs.fqdn).toMatch(/\.privatelink\.westeurope\.azmk8s\.io$/);
        expect(run.outputs.audience).toBe(AKS_ENTRA_SERVER_APP_ID);
        expect(run.outputs.tenant).toBe(TENANT);
        expect(isSecret(run.outputs.kubeconfig)).toBe(true);
        const kubeconfig = (run.outputs.kubeconfig as { value: string }).value;
        expect(kubeconfig).toContain(`server: https://${String(run.outputs.fqdn)}:443`);
        expect(kubeconfig).toContain("command: kubelogin");
        expect(kubeconfig).not.toMatch(/clusterAdmin|client-key-data|token:/);
    });
});

describe("the AKS policies", () => {
    const aksPolicies = allPolicies.filter((p) => Object.values(aksRules).includes(p as never));
    const report = () => evaluatePolicies(run.graph, undefined, { policies: aksPolicies });
    const byResource = (name: string) => report().violations.filter((v) => v.resourceName?.startsWith(`${name}-`) || v.urn.includes(`::${name}-`));

    it("cover every AKS policy", () => {
        expect(aksPolicies.map((p) => p.name).sort()).toEqual(Object.values(aksRules).map((p) => (p as { name: string }).name).sort());
        expect(report().errors).toEqual([]);
    });

    it("report nothing on the defaults (private or in a subnet)", () => {
        expect(byResource("serving")).toEqual([]);
        expect(byResource("lab")).toEqual([]);
    });

    it("find the cluster of a separate AgentPool: an FPGA pool outside the FPGA regions is reported", () => {
        expect(report().violations.filter((v) => v.policyName === "aks-fpga-supported-region").map((v) => v.resourceName)).toEqual(["fpga-pool-fpga"]);
    });

    it("report each weaker explicit setting with its policy", () => {
        expect(byResource("weak").map((v) => v.policyName).sort()).toEqual(["aks-auto-upgrade", "aks-defender-enabled"]);
    });
});

it("the defaults table is what the component applied", () => {
    const c = named(CLUSTER, "aks-lab").inputs;
    expect(at(c, "sku.tier")).toBe(AKS_DEFAULTS.skuTier);
    expect(at(c, "autoUpgradeProfile.upgradeChannel")).toBe(AKS_DEFAULTS.upgradeChannel);
    expect((at(c, "agentPoolProfiles") as { vmSize: string }[])[0].vmSize).toBe(AKS_DEFAULTS["systemPool.vmSize"]);
});

it("a preview plans the cluster; the outputs Azure computes stay unknown (no credentials asked for)", async () => {
    const preview = await runProgram(() => {
        const c = new AksCluster("p", { ...placement, location: "westeurope", clusterName: "aks-preview" });
        return { fqdn: c.apiServerFqdn, kubeconfig: c.userKubeconfig };
    }, { stack: "prod", preview: true });
    expect(preview.graph.resources.filter((r) => r.type === CLUSTER)).toHaveLength(1);
    expect(preview.outputs.fqdn).toBe(UNKNOWN);
    expect(isSecret(preview.outputs.kubeconfig) && preview.outputs.kubeconfig.value).toBe(UNKNOWN);
});
