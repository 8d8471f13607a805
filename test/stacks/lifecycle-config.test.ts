/**
 * Config checks and defaults of the lifecycle rules: each problem names the key
 * the user wrote and the fix.
 */
import type { ConfigProblem } from "../../stacks/config-errors";
import { configProblems } from "../helpers/config";
import { loadPlatformConfig } from "../../stacks/config";

const P = "aml-workspace:platform";
const ctx = { project: "aml-workspace", stack: "t" };
const base = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ environment: "dev", location: "westeurope", tags: { owner: "o", costCenter: "c" }, ...over });

const problems = (raw: unknown): ConfigProblem[] => configProblems(raw, ctx);

const VNET_B = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/spoke";

describe("default storage", () => {
    it("refuses a hierarchical namespace on the workspace's default storage account", () => {
        expect(problems(base({ storage: { hierarchicalNamespace: true } }))).toEqual([
            {
                path: `${P}.storage.hierarchicalNamespace`,
                problem: expect.stringContaining("does not support a hierarchical namespace on the workspace's default storage account"),
                fix: expect.stringContaining("separate account registered as a datastore"),
            },
        ]);
    });

    it.each([
        ["Standard_ZRS", "westus", "AzureCloud"],
        ["Standard_GZRS", "northcentralus", "AzureCloud"],
        ["Standard_RAGZRS", "usgovarizona", "AzureUSGovernment"],
    ])("refuses %s in %s, which has no availability zones", (sku, location, cloud) => {
        const found = problems(base({ location, cloud, storage: { sku } }));
        expect(found).toEqual([{ path: `${P}.storage.sku`, problem: `${sku} is zone-redundant, but ${location} has no availability zones`, fix: expect.stringContaining("use Standard_LRS, Standard_GRS or Standard_RAGRS") }]);
    });

    it("accepts zone-redundant storage where the region has zones, in every cloud", () => {
        expect(problems(base({ storage: { sku: "Standard_GZRS" } }))).toEqual([]);
        expect(problems(base({ cloud: "AzureUSGovernment", location: "usgovvirginia", storage: { sku: "Standard_ZRS" } }))).toEqual([]);
    });

    it("defaults to ZRS where the region has zones and to GRS elsewhere", () => {
        expect(loadPlatformConfig(base(), ctx).storage.sku).toBe("Standard_ZRS");
        expect(loadPlatformConfig(base({ location: "westus" }), ctx).storage.sku).toBe("Standard_GRS");
        expect(loadPlatformConfig(base({ cloud: "AzureChinaCloud", location: "chinaeast2" }), ctx).storage.sku).toBe("Standard_GRS");
    });
});

describe("private DNS of an adopted network", () => {
    const adopted = { virtualNetwork: { existingId: VNET_B, subnetIds: { privateEndpoints: `${VNET_B}/subnets/pe` } } };

    it("defaults to existing (central zones) for an adopted network and to create otherwise", () => {
        expect(loadPlatformConfig(base({ network: { ...adopted, privateDns: { mode: "policyManaged" } } }), ctx).network.privateDns.mode).toBe("policyManaged");
        expect(loadPlatformConfig(base(), ctx).network.privateDns.mode).toBe("create");
        const found = problems(base({ network: adopted }));
        expect(found.map((p) => p.path)).toEqual([`${P}.network.privateDns.zoneIds`]);
    });

    it("keeps an explicit create for an adopted network that has no links yet", () => {
        expect(loadPlatformConfig(base({ network: { ...adopted, privateDns: { mode: "create" } } }), ctx).network.privateDns.mode).toBe("create");
    });
});

describe("subscriptions of adopted IDs", () => {
    it("refuses a network in another subscription than the adopted resource group (private endpoints must be in the network's subscription)", () => {
        const found = problems(
            base({
                resourceGroup: { existingId: "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app" },
                network: { virtualNetwork: { existingId: VNET_B, subnetIds: { privateEndpoints: `${VNET_B}/subnets/pe` } }, privateDns: { mode: "policyManaged" } },
            }),
        );
        expect(found).toEqual([
            {
                path: `${P}.network.virtualNetwork.existingId`,
                problem: expect.stringContaining("is in subscription 22222222-2222-2222-2222-222222222222, but resourceGroup.existingId puts the stack's private endpoints in subscription 11111111-1111-1111-1111-111111111111"),
                fix: "adopt a resource group in the network's subscription, or a network (spoke) in the resource group's subscription",
            },
        ]);
    });

    it("accepts a public stack whose adopted network only hosts nothing of it", () => {
        expect(
            problems(
                base({
                    resourceGroup: { existingId: "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app" },
                    network: { publicNetworkAccess: "Enabled", virtualNetwork: { existingId: VNET_B, subnetIds: {} }, privateDns: { mode: "policyManaged" } },
                }),
            ),
        ).toEqual([]);
    });
});

describe("names and protection", () => {
    it("protects soft-deleted names in every environment unless the stack opts out, and validates the generation", () => {
        expect(loadPlatformConfig(base(), ctx).protection.protectSoftDeleted).toBe(true);
        expect(loadPlatformConfig(base({ protection: { protectSoftDeleted: false } }), ctx).protection.protectSoftDeleted).toBe(false);
        expect(loadPlatformConfig(base(), ctx).naming).toEqual({ generation: 0 });
        expect(problems(base({ naming: { generation: -1 } })).map((p) => p.path)).toEqual([`${P}.naming.generation`]);
    });
});
