/**
 * The pure tables of Azure limits (reserved names, tags, VM sizes, VNet
 * addresses, private link group IDs) and the network name functions that the
 * components and the config checks share.
 */
import { endpointAddresses, usableAddresses, VNET_FORBIDDEN_RANGES } from "../../components/network/address-limits";
import { endpointNicName, networkSecurityGroupName, privateEndpointBase, privateEndpointName, virtualNetworkName } from "../../components/network/network-names";
import { groupIdsOfType, PRIVATE_LINK_ZONES, typesOfGroupId, type PrivateLinkGroupId } from "../../components/network/private-link-zones";
import { deriveName, nameProblem, NamingError } from "../../components/naming";
import { reservedNameProblem } from "../../components/reserved-names";
import { DEFAULT_TAG_LIMITS, strictestTagLimits, tagLimitsFor, tagNameProblem } from "../../components/tag-limits";
import { AML_VM_SIZES, canonicalVmSize, seriesOfVmSize } from "../../components/vm-sizes";

describe("reserved resource names", () => {
    it.each<[string, string, RegExp]>([
        ["storageAccount", "stwindowsdata", /contains the reserved word WINDOWS/],
        ["keyVault", "Azure", /is the reserved word AZURE/],
        ["containerRegistry", "loginregistry", /starts with the reserved word LOGIN/],
    ])("refuses %s '%s'", (kind, name, message) => {
        expect(nameProblem(kind as "storageAccount", name)).toMatch(message);
    });

    it("accepts reserved words where Azure does: inside a name (except microsoft/windows), or a kind without a public endpoint", () => {
        expect(reservedNameProblem("storageAccount", "stazureml01")).toBeUndefined();
        expect(reservedNameProblem("keyVault", "kv-login")).toBeUndefined();
        expect(reservedNameProblem("workspace", "microsoft")).toBeUndefined();
    });

    it("makes deriveName refuse a base whose name would be reserved, instead of deploying a name ARM refuses", () => {
        expect(() => deriveName("storageAccount", "stmicrosoft", ["o", "p", "s"])).toThrow(NamingError);
    });
});

describe("tag limits", () => {
    it("storage accounts limit tag names to 128, other types to 512", () => {
        const storage = strictestTagLimits(["Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults"]);
        expect(storage.maxNameLength).toBe(128);
        expect(strictestTagLimits(["Microsoft.KeyVault/vaults"]).maxNameLength).toBe(512);
        expect(tagNameProblem("k".repeat(129), storage, storage.nameLimitedBy)?.problem).toMatch(/at most 128/);
        expect(tagNameProblem("k".repeat(128), storage)).toBeUndefined();
    });

    it.each(["a<b", "a>b", "50%", "r&d", "a\\b", "why?", "a/b"])("refuses the character in %s", (name) => {
        expect(tagNameProblem(name, strictestTagLimits([]))?.problem).toMatch(/which Azure refuses in tag names/);
    });

    it.each(["microsoftOwner", "Azure-team", "WINDOWS"])("refuses the reserved prefix of %s", (name) => {
        expect(tagNameProblem(name, strictestTagLimits([]))?.problem).toMatch(/a prefix Azure reserves/);
    });
});

describe("VM sizes", () => {
    it("knows the sizes the shipped stacks and docs use, case-insensitively", () => {
        for (const size of ["Standard_DS3_v2", "Standard_D4ds_v5", "Standard_NC6s_v3", "Standard_ND96asr_v4", "Standard_E8ds_v4", "standard_f4s_v2"]) {
            expect(canonicalVmSize(size)).toBeDefined();
        }
        expect(seriesOfVmSize("Standard_DS3_v2")).toBe("DSv2");
    });

    it("has no duplicates and no size that does not exist", () => {
        expect(new Set(AML_VM_SIZES.map((s) => s.toLowerCase())).size).toBe(AML_VM_SIZES.length);
        expect(canonicalVmSize("Standard_DS3_v3")).toBeUndefined();
        expect(canonicalVmSize("Standard_D3s_v5")).toBeUndefined();
    });
});

describe("VNet addresses", () => {
    it("lists the ranges the VNet FAQ refuses", () => {
        expect(VNET_FORBIDDEN_RANGES.map((r) => r.cidr)).toEqual(["224.0.0.0/4", "255.255.255.255/32", "127.0.0.0/8", "169.254.0.0/16", "168.63.129.16/32"]);
    });

    it("leaves 5 addresses of every subnet to Azure", () => {
        expect(usableAddresses(29)).toBe(3);
        expect(usableAddresses(24)).toBe(251);
        expect(endpointAddresses("amlworkspace")).toBe(3);
        expect(endpointAddresses("vault")).toBe(1);
    });
});

describe("private link group IDs per resource type", () => {
    it("offers every group ID the toolkit connects to on the type the simulator expects", () => {
        for (const g of Object.keys(PRIVATE_LINK_ZONES) as PrivateLinkGroupId[]) {
            expect(typesOfGroupId(g).length).toBeGreaterThan(0);
        }
        expect(groupIdsOfType("Microsoft.Storage/storageAccounts")).toContain("dfs");
        expect(typesOfGroupId("namespace")).toEqual(["microsoft.eventhub/namespaces", "microsoft.servicebus/namespaces"]);
    });
});

describe("network names", () => {
    it("derives the names the components create", () => {
        expect(virtualNetworkName("aml-dev")).toBe("vnet-aml-dev");
        expect(networkSecurityGroupName("aml-dev", "pe")).toBe("nsg-aml-dev-pe");
        const base = privateEndpointBase("aml-dev", "storage", "blob", true);
        expect(privateEndpointName(base)).toBe("pep-aml-dev-storage-blob");
        expect(endpointNicName(base)).toBe("pep-aml-dev-storage-blob-nic");
    });
});

describe("tag names on Azure DNS zones (components/tag-limits.ts)", () => {
    // "Use tags to organize your Azure resources", Limitations: DNS zones refuse spaces, parentheses,
    // a leading digit, special and Unicode characters in tag names.
    const dns = strictestTagLimits(["Microsoft.Network/privateDnsZones"]);

    it.each(["cost center", "cost(center)", "1owner", "coût", "tab\tname"])("refuses %j on a private DNS zone", (name) => {
        expect(tagNameProblem(name, dns)?.problem).toBe(`tag name ${JSON.stringify(name)} is refused by Microsoft.Network/privateDnsZones (no spaces, parentheses, Unicode characters or a leading digit in tag names)`);
    });

    it("accepts ordinary names there, and DNS-refused names on types without the rule", () => {
        for (const name of ["owner", "costCenter", "cost-center", "cost_center", "team:ml"]) expect(tagNameProblem(name, dns)).toBeUndefined();
        expect(tagNameProblem("cost center", strictestTagLimits(["Microsoft.Storage/storageAccounts"]))).toBeUndefined();
        expect(tagNameProblem("cost center", DEFAULT_TAG_LIMITS)).toBeUndefined();
    });

    it("applies a single type's rule too", () => {
        expect(tagNameProblem("cost center", tagLimitsFor("microsoft.network/privatednszones"), "Microsoft.Network/privateDnsZones")?.problem).toMatch(/refused by Microsoft.Network\/privateDnsZones/);
    });
});
