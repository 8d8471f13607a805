/** Pure rules of the components: no resources, no mocks. */
import { decideRegistry } from "../../components/workspace/registry-mode";
import { toArmOutboundRule, toArmOutboundRules } from "../../components/workspace/outbound-rules";
import { parseResourceId, resourceId, resourceTypeOfId, roleDefinitionId } from "../../components/resource-ids";
import { platformNames } from "../../components/platform-names";
import { nameProblem } from "../../components/naming";
import { WORKSPACE_IDENTITY_ROLES, BUILTIN_ROLES } from "../../components/access/roles";
import { CLOUDS, cloudOfRegion } from "../../components/clouds";
import { registrySkuAllowsPrivateEndpoints, registrySkuOffers } from "../../components/registry-sku";

describe("registry decision", () => {
    it.each<[Parameters<typeof decideRegistry>[0], ReturnType<typeof decideRegistry>]>([
        [{ mode: "always" }, "create"],
        [{ mode: "existing" }, "adopt"],
        [{ mode: "onDemand" }, "none"],
        [{ mode: "onDemand", imageBuildCompute: "builder" }, "create"],
        [{ mode: "onDemand", imageConsumers: 2 }, "create"],
        [{ mode: "onDemand", imageConsumers: 0 }, "none"],
    ])("%j → %s", (demand, decision) => {
        expect(decideRegistry(demand)).toBe(decision);
    });
});

describe("outbound rules", () => {
    it("FQDN", () => {
        expect(toArmOutboundRule({ type: "FQDN", destination: "pypi.org" })).toEqual({ type: "FQDN", category: "UserDefined", destination: "pypi.org" });
    });
    it("PrivateEndpoint", () => {
        expect(toArmOutboundRule({ type: "PrivateEndpoint", serviceResourceId: "/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s", subresourceTarget: "blob", fqdns: ["s.blob.core.windows.net"] })).toEqual({
            type: "PrivateEndpoint",
            category: "UserDefined",
            destination: { serviceResourceId: "/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s", subresourceTarget: "blob", sparkEnabled: false },
            fqdns: ["s.blob.core.windows.net"],
        });
    });
    it("ServiceTag, with protocol, ports and action", () => {
        expect(toArmOutboundRule({ type: "ServiceTag", serviceTag: "AzureMonitor", protocol: "TCP", portRanges: "443,8443", category: "Recommended" })).toEqual({
            type: "ServiceTag",
            category: "Recommended",
            destination: { serviceTag: "AzureMonitor", protocol: "TCP", portRanges: "443,8443", action: "Allow" },
        });
    });
    it("keeps rule names as keys", () => {
        expect(Object.keys(toArmOutboundRules({ a: { type: "FQDN", destination: "a.org" }, b: { type: "FQDN", destination: "b.org" } }))).toEqual(["a", "b"]);
    });
});

describe("resource IDs", () => {
    const id = resourceId("00000000-0000-0000-0000-000000000000", "rg-x", "Microsoft.KeyVault/vaults", "kv-x");
    it("round-trips", () => {
        expect(parseResourceId(id)).toEqual({ subscriptionId: "00000000-0000-0000-0000-000000000000", resourceGroupName: "rg-x", type: "Microsoft.KeyVault/vaults", name: "kv-x" });
        expect(parseResourceId("/subscriptions/s/resourceGroups/rg-y")).toEqual({ subscriptionId: "s", resourceGroupName: "rg-y", name: "rg-y" });
    });
    it("rejects what is not an ARM ID", () => {
        expect(() => parseResourceId("kv-x")).toThrow(/not an ARM resource ID/);
    });
    it("builds subscription-scoped role definition IDs", () => {
        expect(roleDefinitionId("s", BUILTIN_ROLES.acrPull)).toBe("/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d");
    });
});

describe("platform names", () => {
    const names = platformNames({ prefix: "aml-dev", uniqueBy: ["organization", "aml-workspace", "dev", "westeurope"], given: {} });
    it.each(Object.entries(names))("%s = %s is valid for its kind", (key, value) => {
        const kind = ({ identity: "userAssignedIdentity", logAnalytics: "logAnalytics" } as Record<string, string>)[key] ?? key;
        expect(nameProblem(kind as never, value)).toBeUndefined();
    });
    it("global names carry the same stable suffix; local ones none", () => {
        const suffix = names.storageAccount.slice(-6);
        expect(names.keyVault.endsWith(suffix)).toBe(true);
        expect(names.containerRegistry.endsWith(suffix)).toBe(true);
        expect(names.workspace).toBe("mlw-aml-dev");
        expect(platformNames({ prefix: "aml-dev", uniqueBy: ["organization", "aml-workspace", "dev", "westeurope"], given: {} })).toEqual(names);
    });
    it("user-given names win", () => {
        expect(platformNames({ prefix: "p", uniqueBy: ["x"], given: { storageAccount: "stmine" } }).storageAccount).toBe("stmine");
    });
});

describe("roles and clouds", () => {
    it("the workspace identity gets Contributor plus a data-plane role on every associated resource", () => {
        for (const roles of Object.values(WORKSPACE_IDENTITY_ROLES)) {
            expect(roles[0]).toBe("contributor");
            expect(roles.length).toBeGreaterThanOrEqual(2);
        }
    });
    it("every region belongs to exactly one cloud", () => {
        const all = Object.values(CLOUDS).flatMap((c) => c.mlRegions);
        expect(new Set(all).size).toBe(all.length);
        expect(cloudOfRegion("chinanorth3")).toBe("AzureChinaCloud");
        expect(cloudOfRegion("atlantis")).toBeUndefined();
    });
});

describe("registry tiers (one rule for config, component, simulator and policy)", () => {
    test("only Premium offers private endpoints and network rules, in any case; a missing tier offers nothing", () => {
        expect(registrySkuAllowsPrivateEndpoints("Premium")).toBe(true);
        expect(registrySkuAllowsPrivateEndpoints("premium")).toBe(true);
        expect(registrySkuAllowsPrivateEndpoints("Standard")).toBe(false);
        expect(registrySkuAllowsPrivateEndpoints("Basic")).toBe(false);
        expect(registrySkuAllowsPrivateEndpoints(undefined)).toBe(false);
        expect(registrySkuOffers("Standard", "networkRules")).toBe(false);
        expect(registrySkuOffers("Premium", "networkRules")).toBe(true);
    });
});

describe("resourceTypeOfId (the one reader of a type from an ID)", () => {
    test("keeps the case as written and joins nested types; none for a group or subscription ID", () => {
        const sub = "/subscriptions/00000000-0000-0000-0000-000000000000";
        expect(resourceTypeOfId(`${sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`)).toBe("Microsoft.KeyVault/vaults");
        expect(resourceTypeOfId(`${sub}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`)).toBe("Microsoft.Network/virtualNetworks/subnets");
        expect(resourceTypeOfId(`${sub}/resourceGroups/rg`)).toBeUndefined();
        expect(resourceTypeOfId(sub)).toBeUndefined();
    });
});
