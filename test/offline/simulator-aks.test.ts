/**
 * Simulated Azure and AKS: what AKS refuses (local accounts off without Entra ID, pool names,
 * no system pool, Cilium policy without the Cilium data plane, service CIDR in the VNet, pods per
 * node, ephemeral OS disk without a local disk), and the values it computes (FQDNs, OIDC issuer,
 * kubelet identity, node resource group, the user kubeconfig), deterministically.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SimulatedAzure, SIMULATED_SUBSCRIPTION_ID, SIMULATED_TENANT_ID } from "../../offline/azure-sim/simulator";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const RG = "rg-aml";
const VNET = `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet-aml`;

const create = (s: SimulatedAzure, type: string, inputs: Record<string, unknown>, name = "r"): pulumi.runtime.MockResourceResult =>
    s.newResource({ type, name, inputs, custom: true }) as pulumi.runtime.MockResourceResult;

const systemPool = { name: "system", mode: "System", vmSize: "Standard_D4ds_v5", count: 2, minCount: 2, maxCount: 3, maxPods: 110, osDiskType: "Ephemeral", osType: "Linux" };
const good = (): Record<string, unknown> => ({
    resourceName: "aks-aml",
    resourceGroupName: RG,
    location: "westeurope",
    dnsPrefix: "aks-aml",
    identity: { type: "SystemAssigned" },
    disableLocalAccounts: true,
    aadProfile: { managed: true, enableAzureRBAC: true, tenantID: SIMULATED_TENANT_ID },
    apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system" },
    oidcIssuerProfile: { enabled: true },
    networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", networkDataplane: "cilium", networkPolicy: "cilium", serviceCidr: "172.16.0.0/16", dnsServiceIP: "172.16.0.10", podCidr: "10.244.0.0/16" },
    agentPoolProfiles: [{ ...systemPool }],
});

/** The rejection messages of a cluster with `change` applied. */
function refusals(change: (c: Record<string, unknown>) => void, before?: (s: SimulatedAzure) => void): string[] {
    const s = new SimulatedAzure({ preview: false });
    before?.(s);
    const inputs = good();
    change(inputs);
    create(s, CLUSTER, inputs, "cluster");
    return s.rejections;
}

describe("what AKS refuses", () => {
    it("accepts the hardened cluster", () => {
        expect(refusals(() => undefined)).toEqual([]);
    });

    it.each<[string, (c: Record<string, unknown>) => void, RegExp]>([
        ["local accounts off without Entra ID", (c) => delete c.aadProfile, /disableLocalAccounts is true but aadProfile\.managed is not/],
        ["Azure RBAC without managed Entra ID", (c) => (c.aadProfile = { enableAzureRBAC: true }), /aadProfile\.enableAzureRBAC is true but aadProfile\.managed is not/],
        ["a pool name with upper case", (c) => ((c.agentPoolProfiles as Record<string, unknown>[])[0].name = "System"), /agentPoolProfiles\[0\]\.name: AKS node pool name must be 1-12 lowercase letters and digits/],
        ["a pool name of 13 characters", (c) => ((c.agentPoolProfiles as Record<string, unknown>[])[0].name = "systempool123"), /agentPoolProfiles\[0\]\.name: AKS node pool name must be 1-12/],
        ["no system pool", (c) => ((c.agentPoolProfiles as Record<string, unknown>[])[0].mode = "User"), /no agent pool has mode System/],
        ["no pool at all", (c) => (c.agentPoolProfiles = []), /agentPoolProfiles is empty/],
        ["a pool without mode", (c) => delete (c.agentPoolProfiles as Record<string, unknown>[])[0].mode, /agentPoolProfiles\[0\]\.mode is undefined; set System or User/],
        ["a one-node system pool", (c) => Object.assign((c.agentPoolProfiles as Record<string, unknown>[])[0], { count: 1, minCount: 1 }), /agentPoolProfiles\[0\]\.minCount is 1; a system pool has at least 2 nodes/],
        ["maxPods above 250", (c) => ((c.agentPoolProfiles as Record<string, unknown>[])[0].maxPods = 300), /agentPoolProfiles\[0\]\.maxPods is 300; a system pool's maxPods is 30-250/],
        ["an ephemeral OS disk on a size without a local disk", (c) => ((c.agentPoolProfiles as Record<string, unknown>[])[0].vmSize = "Standard_D4s_v5"), /osDiskType is Ephemeral but Standard_D4s_v5 has no local disk/],
        ["Cilium policy on the Azure data plane", (c) => ((c.networkProfile as Record<string, unknown>).networkDataplane = "azure"), /networkPolicy is cilium but networkDataplane is not cilium/],
        ["a DNS service IP outside the service CIDR", (c) => ((c.networkProfile as Record<string, unknown>).dnsServiceIP = "10.0.0.10"), /networkProfile\.dnsServiceIP: 10\.0\.0\.10 is outside serviceCidr 172\.16\.0\.0\/16/],
        ["authorized IP ranges on a private cluster", (c) => ((c.apiServerAccessProfile as Record<string, unknown>).authorizedIPRanges = ["203.0.113.0/24"]), /authorizedIPRanges is set on a private cluster/],
        ["a DNS prefix with an underscore", (c) => (c.dnsPrefix = "aks_aml"), /dnsPrefix: AKS DNS prefix name must be/],
    ])("refuses %s", (_t, change, message) => {
        const found = refusals(change);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^azure-native:containerservice:ManagedCluster "cluster": /);
        expect(found[0]).toMatch(message);
    });

    it("refuses a service CIDR inside the nodes' virtual network (looked up from the subnet)", () => {
        const found = refusals(
            (c) => {
                (c.agentPoolProfiles as Record<string, unknown>[])[0].vnetSubnetID = `${VNET}/subnets/snet-aks`;
                Object.assign(c.networkProfile as object, { serviceCidr: "10.20.0.0/16", dnsServiceIP: "10.20.0.10" });
            },
            (s) => create(s, "azure-native:network:VirtualNetwork", { virtualNetworkName: "vnet-aml", resourceGroupName: RG, addressSpace: { addressPrefixes: ["10.20.0.0/16"] } }, "vnet"),
        );
        expect(found).toEqual([expect.stringContaining("networkProfile.serviceCidr: 10.20.0.0/16 overlaps the virtual network's address space 10.20.0.0/16")]);
    });

    it("refuses an agent pool with a bad name, no mode or too many pods", () => {
        const s = new SimulatedAzure({ preview: false });
        create(s, POOL, { agentPoolName: "GPU_pool", resourceName: "aks-aml", resourceGroupName: RG, mode: "User", vmSize: "Standard_D8ds_v5", count: 1 }, "p1");
        create(s, POOL, { agentPoolName: "cpu", resourceName: "aks-aml", resourceGroupName: RG, vmSize: "Standard_D8ds_v5", count: 1 }, "p2");
        create(s, POOL, { agentPoolName: "big", resourceName: "aks-aml", resourceGroupName: RG, mode: "User", vmSize: "Standard_D8ds_v5", minCount: 0, maxCount: 2, maxPods: 5 }, "p3");
        create(s, POOL, { agentPoolName: "ok", resourceName: "aks-aml", resourceGroupName: RG, mode: "User", vmSize: "Standard_D8ds_v5", minCount: 0, maxCount: 2, maxPods: 110 }, "p4");
        expect(s.rejections).toEqual([
            expect.stringMatching(/"p1": agentPoolName AKS node pool name must be 1-12 lowercase letters and digits/),
            expect.stringMatching(/"p2": mode is undefined; set System or User/),
            expect.stringMatching(/"p3": maxPods is 5; a pool's maxPods is 10-250/),
        ]);
    });

    it("refuses an FPGA pool of a size ARM does not offer; the region is left to the config checks and the policy (the list is the toolkit's)", () => {
        const s = new SimulatedAzure({ preview: false });
        const pool = (name: string, cluster: string, vmSize: string) => create(s, POOL, { agentPoolName: name, resourceName: cluster, resourceGroupName: RG, mode: "User", vmSize, minCount: 1, maxCount: 2, maxPods: 110 }, name);
        create(s, CLUSTER, good(), "westeurope-cluster");
        create(s, CLUSTER, { ...good(), resourceName: "aks-north", dnsPrefix: "aks-north", location: "northeurope" }, "north-cluster");
        pool("fpga", "aks-aml", "Standard_NP10s");
        pool("northfpga", "aks-north", "Standard_NP20s");
        pool("npx", "aks-aml", "Standard_NP80s");
        pool("northcpu", "aks-north", "Standard_D8ds_v5");
        expect(s.rejections).toEqual([expect.stringMatching(/"npx": vmSize: "Standard_NP80s" is not an FPGA VM size Azure offers/)]);
    });
});

describe("what AKS computes", () => {
    it("FQDNs, OIDC issuer, kubelet identity, node resource group, system identity; the same in two simulations", () => {
        const a = create(new SimulatedAzure({ preview: false }), CLUSTER, good()).state;
        const b = create(new SimulatedAzure({ preview: false }), CLUSTER, good()).state;
        expect(a).toEqual(b);
        expect(a).toMatchObject({
            id: `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.ContainerService/managedClusters/aks-aml`,
            fqdn: expect.stringMatching(/^aks-aml-[0-9a-f]{8}\.hcp\.westeurope\.azmk8s\.io$/),
            privateFQDN: expect.stringMatching(/^aks-aml-[0-9a-f]{8}\.[0-9a-f]{32}\.privatelink\.westeurope\.azmk8s\.io$/),
            nodeResourceGroup: "MC_rg-aml_aks-aml_westeurope",
            oidcIssuerProfile: { enabled: true, issuerURL: expect.stringMatching(new RegExp(`^https://westeurope\\.oic\\.prod-aks\\.azure\\.com/${SIMULATED_TENANT_ID}/[0-9a-f-]{36}/$`)) },
            identityProfile: { kubeletidentity: { objectId: expect.stringMatching(/^[0-9a-f-]{36}$/), resourceId: expect.stringContaining("/resourceGroups/MC_rg-aml_aks-aml_westeurope/") } },
            identity: { type: "SystemAssigned", principalId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        });
    });

    it("a public cluster has no private FQDN; agent pools hang under their cluster", () => {
        const s = new SimulatedAzure({ preview: false });
        const inputs = good();
        inputs.apiServerAccessProfile = { enablePrivateCluster: false, authorizedIPRanges: ["203.0.113.0/24"] };
        expect(create(s, CLUSTER, inputs).state.privateFQDN).toBeUndefined();
        const pool = create(s, POOL, { agentPoolName: "cpu", resourceName: "aks-aml", resourceGroupName: RG, mode: "User", vmSize: "Standard_D8ds_v5", minCount: 1, maxCount: 4, maxPods: 110 }, "cpu");
        expect(pool.id).toMatch(/\/managedClusters\/aks-aml\/agentPools\/cpu$/);
    });

    it("the user kubeconfig names the API server and kubelogin, and holds no credential; unknown clusters are an error", () => {
        const s = new SimulatedAzure({ preview: false });
        const fqdn = String(create(s, CLUSTER, good()).state.privateFQDN);
        const result = s.call({ token: "azure-native:containerservice:listManagedClusterUserCredentials", inputs: { resourceGroupName: RG, resourceName: "aks-aml", format: "exec" } }) as { kubeconfigs: { value: string }[] };
        const kubeconfig = Buffer.from(result.kubeconfigs[0].value, "base64").toString("utf8");
        expect(kubeconfig).toContain(`server: https://${fqdn}:443`);
        expect(kubeconfig).toMatch(/command: kubelogin/);
        expect(kubeconfig).not.toMatch(/client-key-data|token:|password/);
        expect(() => s.call({ token: "azure-native:containerservice:listManagedClusterUserCredentials", inputs: { resourceGroupName: RG, resourceName: "nope" } })).toThrow(/no managed cluster/);
    });
});
