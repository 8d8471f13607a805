/**
 * Config checks added for the red-team gaps of issue 7 (test/acceptance/adversarial-configs.test.ts):
 * case-insensitive names, service tags, the CMK vault's subscription, and message wording.
 * Each refusal is `<key path>: <problem> (<fix>)` naming the key the user wrote.
 */
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { loadPlatformConfig } from "../../stacks/config";
import { baseConfig } from "../helpers/stack";

const KEY = "aml-workspace:platform";
const S1 = "/subscriptions/00000000-0000-0000-0000-000000000001";
const S2 = "/subscriptions/00000000-0000-0000-0000-000000000002";
const GUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const VM = "Standard_DS3_v2";
/** An instance of a dev stack, assigned to the deploying principal by choice. */
const CI = { vmSize: VM, assignToDeployingPrincipal: true };
/** Public endpoints: the registry is not private, so no image build cluster is required. */
const PUBLIC = { network: { publicNetworkAccess: "Enabled" } };

const lines = (overrides: Record<string, unknown>): string[] => problemLines(baseConfig(overrides));
const approved = (outboundRules: Record<string, unknown>) => ({ workspace: { managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound", outboundRules } } });

describe("compute names share one case-insensitive namespace", () => {
    it("refuses an instance named like a cluster in another case, naming the instance", () => {
        expect(lines({ compute: { clusters: { CPU01: { vmSize: VM, maxNodes: 2 } }, instances: { cpu01: CI } }, ...PUBLIC })).toEqual([
            `${KEY}.compute.instances.cpu01: has the name of compute.clusters.CPU01 (compute names are case-insensitive and unique per workspace) (rename one of them)`,
        ]);
    });

    it("refuses two clusters, and two instances, that differ only in case", () => {
        const found = lines({ compute: { clusters: { gpu: { vmSize: VM, maxNodes: 2 }, GPU: { vmSize: VM, maxNodes: 2 } }, instances: { nbAlice: CI, NBALICE: CI } }, ...PUBLIC });
        expect(found.map((l) => l.split(": ")[0])).toEqual([`${KEY}.compute.clusters.GPU`, `${KEY}.compute.instances.NBALICE`]);
    });

    it("finds the image build cluster whatever its case, and still refuses a cluster that does not exist", () => {
        expect(lines({ compute: { clusters: { cpu: { vmSize: VM, maxNodes: 2 } } }, workspace: { imageBuildCompute: "CPU" } })).toEqual([]);
        expect(lines({ compute: { clusters: { cpu: { vmSize: VM, maxNodes: 2 } } }, workspace: { imageBuildCompute: "gpu" } })[0]).toMatch(/workspace\.imageBuildCompute: names "gpu", which is not a configured compute cluster/);
    });

    it("accepts distinct names", () => {
        expect(lines({ compute: { clusters: { cpu: { vmSize: VM, maxNodes: 2 } }, instances: { nb01: CI } }, ...PUBLIC })).toEqual([]);
    });

    it("words a bad name as the rule, once", () => {
        const [line] = lines({ compute: { clusters: { "1cpu": { vmSize: VM, maxNodes: 2 } } } });
        expect(line).toMatch(new RegExp(`^${KEY}\\.compute\\.clusters\\.1cpu: compute cluster name must be 3-16 `));
        expect(line).not.toMatch(/name compute/);
    });
});

describe("outbound rules", () => {
    it("refuses rule names that differ only in case, naming the second", () => {
        expect(lines(approved({ PyPI: { type: "FQDN", destination: "pypi.org" }, pypi: { type: "FQDN", destination: "files.pythonhosted.org" } }))).toEqual([
            `${KEY}.workspace.managedNetwork.outboundRules.pypi: has the name of rule PyPI (rule names are case-insensitive) (rename one of them, or merge them into one rule)`,
        ]);
    });

    it("refuses an unknown service tag with a did-you-mean", () => {
        expect(lines(approved({ mon: { type: "ServiceTag", serviceTag: "AzureMonitorr", protocol: "TCP", portRanges: "443" } }))).toEqual([
            `${KEY}.workspace.managedNetwork.outboundRules.mon.serviceTag: "AzureMonitorr" is not an Azure service tag (did you mean AzureMonitor?)`,
        ]);
    });

    it("refuses a regional form of a tag that has none", () => {
        expect(lines(approved({ mon: { type: "ServiceTag", serviceTag: "AzureMonitor.WestEurope", protocol: "TCP", portRanges: "443" } })).join("\n")).toContain(
            `${KEY}.workspace.managedNetwork.outboundRules.mon.serviceTag: service tag AzureMonitor has no regional form ("AzureMonitor.WestEurope") (use AzureMonitor without a region`,
        );
    });

    it("accepts documented tags, regional forms and any case", () => {
        for (const serviceTag of ["Storage.WestEurope", "azuremachinelearning", "AzureFrontDoor.FirstParty"]) {
            expect(lines(approved({ t: { type: "ServiceTag", serviceTag, protocol: "TCP", portRanges: "443" } }))).toEqual([]);
        }
    });
});

describe("customer-managed key vault in the workspace's subscription", () => {
    const key = (sub: string) => `${sub}/resourceGroups/rg-central/providers/Microsoft.KeyVault/vaults/kv-central/keys/cmk`;
    const cmk = (extra: Record<string, unknown>) => ({ encryption: { customerManagedKey: { enabled: true, cosmosDbPrincipalObjectId: GUID, ...extra } } });

    it("refuses a key in another subscription than the adopted resource group's", () => {
        expect(lines({ resourceGroup: { existingId: `${S2}/resourceGroups/rg-ml` }, ...cmk({ existingKeyId: key(S1) }) })).toEqual([
            `${KEY}.encryption.customerManagedKey.existingKeyId: is in subscription 00000000-0000-0000-0000-000000000001, but the workspace deploys into subscription 00000000-0000-0000-0000-000000000002 (from resourceGroup.existingId); Azure requires the key vault of a customer-managed key in the workspace's subscription (use a key in a vault of subscription 00000000-0000-0000-0000-000000000002, or adopt a resource group in subscription 00000000-0000-0000-0000-000000000001)`,
        ]);
    });

    it("refuses a keyVaultId in another subscription than an adopted network that hosts private endpoints", () => {
        const spoke = `${S2}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet`;
        const found = lines({
            network: { privateEndpoints: true, virtualNetwork: { existingId: spoke, subnetIds: { privateEndpoints: `${spoke}/subnets/pe` } }, privateDns: { mode: "policyManaged" } },
            ...cmk({ keyVaultId: `${S1}/resourceGroups/rg-central/providers/Microsoft.KeyVault/vaults/kv-central`, keyName: "cmk" }),
        });
        expect(found.join("\n")).toContain(`${KEY}.encryption.customerManagedKey.keyVaultId: is in subscription 00000000-0000-0000-0000-000000000001, but the workspace deploys into subscription 00000000-0000-0000-0000-000000000002 (from network.virtualNetwork.existingId)`);
    });

    it("accepts a key in the same subscription (any case), and any key when the subscription is not fixed in config", () => {
        expect(lines({ resourceGroup: { existingId: `${S1.toUpperCase().replace("/SUBSCRIPTIONS", "/subscriptions")}/resourceGroups/rg-ml` }, ...cmk({ existingKeyId: key(S1) }) })).toEqual([]);
        expect(lines(cmk({ existingKeyId: key(S1) }))).toEqual([]);
    });
});

describe("namePrefix format", () => {
    it("gives a fix, not the setting's description", () => {
        expect(lines({ namePrefix: "ml_team" })).toEqual([
            `${KEY}.namePrefix: string "ml_team" has an invalid format (write 1-16 letters, digits and hyphens starting with a letter, e.g. ml-team)`,
        ]);
    });
});

describe("tag names on the private DNS zones the stack creates", () => {
    const privateNet = (dnsMode: string, extra: Record<string, unknown> = {}) => ({
        network: { publicNetworkAccess: "Disabled", privateEndpoints: true, virtualNetwork: { addressSpace: ["10.20.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.20.0.0/24" } } }, privateDns: { mode: dnsMode, ...extra } },
    });
    const tags = (extra: Record<string, string>) => ({ tags: { owner: "ml-platform", costCenter: "CC-1", ...extra } });

    it("refuses a tag name with a space when the stack creates the zones, naming the tag", () => {
        // The secure default (public access off, private endpoints on, DNS mode create) creates zones.
        expect(lines(tags({ "cost center": "x" }))).toHaveLength(1);
        expect(lines({ ...privateNet("create"), ...tags({ "cost center": "x" }) })).toEqual([
            `${KEY}.tags.cost center: tag name "cost center" is refused by Microsoft.Network/privateDnsZones (no spaces, parentheses, Unicode characters or a leading digit in tag names) (rename the tag to ASCII letters, digits, hyphens and underscores starting with a letter, e.g. costCenter)`,
        ]);
        expect(lines({ ...privateNet("create"), ...tags({ "1st": "x" }) })[0]).toMatch(/^aml-workspace:platform\.tags\.1st: /);
    });

    it("accepts it when no zone is created (policy-managed DNS, or no private endpoints)", () => {
        expect(lines({ ...privateNet("policyManaged"), ...tags({ "cost center": "x" }) })).toEqual([]);
        expect(lines({ network: { publicNetworkAccess: "Enabled", allowedIpRanges: ["203.0.113.0/24"] }, ...tags({ "cost center": "x" }) })).toEqual([]);
    });
});

describe("location: ARM location names are case- and space-insensitive", () => {
    it.each(["WestEurope", "West Europe", "WESTEUROPE", " westeurope"])("resolves %j to westeurope, with zone-redundant storage", (location) => {
        const c = loadPlatformConfig(baseConfig({ location }), TEST_CONTEXT);
        expect(c.location).toBe("westeurope");
        expect(c.storage.sku).toBe("Standard_ZRS");
    });

    it("resolves a display name of the configured sovereign cloud", () => {
        expect(loadPlatformConfig(baseConfig({ location: "USGov Virginia", cloud: "AzureUSGovernment" }), TEST_CONTEXT).location).toBe("usgovvirginia");
    });

    it("keeps the did-you-mean for a misspelling and the cloud hint for another cloud's region", () => {
        expect(lines({ location: "WestEurope2" })[0]).toMatch(/^aml-workspace:platform\.location: "WestEurope2" is not a region .*\(did you mean westeurope/);
        expect(lines({ location: "USGovVirginia" })[0]).toContain("(did you mean usgovvirginia? It is a region of AzureUSGovernment: also set cloud: AzureUSGovernment)");
    });
});
