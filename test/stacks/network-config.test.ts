/**
 * Config validation of the network: unreachable private resources, address
 * spaces and subnets, private DNS, registry SKU, isolation mode, compute; and
 * the ARM shape of each outbound rule type.
 */
import type { ConfigProblem } from "../../stacks/config-errors";
import { configProblems } from "../helpers/config";
import { loadPlatformConfig } from "../../stacks/config";
import { toArmOutboundRule } from "../../components/workspace/outbound-rules";

const P = "aml-workspace:platform";
const base = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    environment: "dev",
    location: "westeurope",
    tags: { owner: "o", costCenter: "c" },
    ...over,
});

const problems = (raw: unknown): ConfigProblem[] => configProblems(raw);
const paths = (raw: unknown): string[] => problems(raw).map((p) => p.path);

const VNET = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-spoke";

describe("valid network configs", () => {
    it.each<[string, Record<string, unknown>]>([
        ["private by default (default virtual network)", base()],
        ["public without a network", base({ network: { publicNetworkAccess: "Enabled" } })],
        // An adopted network defaults to privateDns.mode existing; policyManaged needs no zone IDs.
        ["adopted network", base({ network: { virtualNetwork: { existingId: VNET, subnetIds: { privateEndpoints: `${VNET}/subnets/pe` } }, privateDns: { mode: "policyManaged" } } })],
        [
            "customer network compute",
            base({
                network: { virtualNetwork: { addressSpace: ["10.1.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.1.0.0/24" }, training: { addressPrefix: "10.1.1.0/24" } } } },
                workspace: { managedNetwork: { isolationMode: "Disabled" } },
            }),
        ],
    ])("%s", (_, raw) => {
        expect(problems(raw)).toEqual([]);
    });
});

describe("unreachable resources", () => {
    it("public access off with private endpoints off names every private resource", () => {
        expect(paths(base({ containerRegistry: { mode: "always" }, network: { privateEndpoints: false }, workspace: { imageBuildCompute: "builder" }, compute: { clusters: { builder: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } } })).sort()).toEqual(
            ["workspace", "storage", "keyVault", "containerRegistry", "monitoring.logAnalytics", "monitoring.applicationInsights"].map((k) => `${P}.${k}`).sort(),
        );
        expect(problems(base({ network: { privateEndpoints: false } }))[0].problem).toContain("unreachable");
    });

    it("adopted resources are not the stack's to make private", () => {
        const sa = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1";
        expect(paths(base({ storage: { existingId: sa }, network: { privateEndpoints: false } }))).not.toContain(`${P}.storage`);
    });
});

describe("addresses", () => {
    const net = (addressSpace: string[], subnets: Record<string, unknown>): Record<string, unknown> => base({ network: { virtualNetwork: { addressSpace, subnets } } });

    it("overlapping address spaces", () => {
        const p = problems(net(["10.0.0.0/16", "10.0.128.0/17"], { privateEndpoints: { addressPrefix: "10.0.0.0/24" } }));
        expect(p.map((x) => x.path)).toEqual([`${P}.network.virtualNetwork.addressSpace[1]`]);
        expect(p[0].problem).toContain("overlaps");
    });

    it("a subnet outside the address space", () => {
        const p = problems(net(["10.0.0.0/16"], { privateEndpoints: { addressPrefix: "10.0.0.0/24" }, aks: { addressPrefix: "10.1.0.0/22" } }));
        expect(p.map((x) => x.path)).toEqual([`${P}.network.virtualNetwork.subnets.aks.addressPrefix`]);
        expect(p[0].problem).toContain("outside the address space");
    });

    it("overlapping subnets, host bits and subnets below /29", () => {
        const p = problems(
            net(["10.0.0.0/16"], {
                privateEndpoints: { addressPrefix: "10.0.0.0/24" },
                training: { addressPrefix: "10.0.0.128/25" },
                scoring: { addressPrefix: "10.0.2.1/24" },
                aks: { addressPrefix: "10.0.3.0/30" },
            }),
        );
        expect(p.map((x) => [x.path, x.problem.match(/overlaps|host bits|smaller than \/29/)?.[0]])).toEqual([
            [`${P}.network.virtualNetwork.subnets.training.addressPrefix`, "overlaps"],
            [`${P}.network.virtualNetwork.subnets.scoring.addressPrefix`, "host bits"],
            [`${P}.network.virtualNetwork.subnets.aks.addressPrefix`, "smaller than /29"],
        ]);
    });

    it("a created network without a private-endpoints subnet while endpoints are on", () => {
        expect(paths(net(["10.0.0.0/16"], { training: { addressPrefix: "10.0.0.0/24" } }))).toEqual([`${P}.network.virtualNetwork.subnets.privateEndpoints`]);
    });
});

describe("network shape", () => {
    it("adopting and creating at once, and foreign subnet IDs", () => {
        expect(
            paths(
                base({
                    network: {
                        virtualNetwork: {
                            existingId: VNET,
                            addressSpace: ["10.0.0.0/16"],
                            subnetIds: { privateEndpoints: "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/other/subnets/pe" },
                        },
                        privateDns: { mode: "policyManaged" },
                    },
                }),
            ),
        ).toEqual([`${P}.network.virtualNetwork.addressSpace`, `${P}.network.virtualNetwork.subnetIds.privateEndpoints`]);
    });

    it("existingId must be a virtual network", () => {
        expect(paths(base({ network: { virtualNetwork: { existingId: VNET.replace("virtualNetworks", "networkSecurityGroups"), subnetIds: {} } } }))).toContain(
            `${P}.network.virtualNetwork.existingId`,
        );
    });
});

describe("private DNS", () => {
    it("existing zones must cover every zone the endpoints need", () => {
        const p = problems(base({ network: { privateDns: { mode: "existing", zoneIds: {} } } }));
        expect(p.map((x) => x.path)).toEqual([`${P}.network.privateDns.zoneIds`]);
        expect(p[0].problem).toContain("privatelink.api.azureml.ms");
        expect(p[0].problem).toContain("privatelink.notebooks.azure.net");
    });

    it("a zone ID must name its key's zone, and zoneIds need mode existing", () => {
        const id = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net";
        expect(paths(base({ network: { privateDns: { mode: "create", zoneIds: { "privatelink.api.azureml.ms": id } } } }))).toEqual([
            `${P}.network.privateDns.zoneIds`,
            `${P}.network.privateDns.zoneIds.privatelink.api.azureml.ms`,
        ]);
    });
});

describe("registry and isolation", () => {
    it("a private registry needs Premium", () => {
        expect(paths(base({ containerRegistry: { mode: "always", sku: "Standard" } }))).toEqual([`${P}.containerRegistry.sku`, `${P}.workspace.imageBuildCompute`]);
        expect(paths(base({ containerRegistry: { mode: "always", sku: "Standard" }, network: { publicNetworkAccess: "Enabled" } }))).toEqual([]);
    });

    it("isolationMode Disabled needs a customer network with a training subnet", () => {
        expect(paths(base({ workspace: { managedNetwork: { isolationMode: "Disabled" } } }))).toEqual([`${P}.workspace.managedNetwork.isolationMode`]);
    });

    it("outbound rules need the managed network", () => {
        expect(
            paths(
                base({
                    network: { virtualNetwork: { addressSpace: ["10.1.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.1.0.0/24" }, training: { addressPrefix: "10.1.1.0/24" } } } },
                    workspace: { managedNetwork: { isolationMode: "Disabled", outboundRules: { pypi: { type: "FQDN", destination: "pypi.org" } } } },
                }),
            ),
        ).toEqual([`${P}.workspace.managedNetwork.outboundRules.pypi`]);
    });
});

describe("compute", () => {
    it("imageBuildCompute must name a configured cluster", () => {
        expect(paths(base({ workspace: { imageBuildCompute: "builder" } }))).toEqual([`${P}.workspace.imageBuildCompute`]);
        expect(paths(base({ workspace: { imageBuildCompute: "builder" }, compute: { clusters: { builder: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } } }))).toEqual([]);
    });

    it("minNodes above maxNodes, bad names, and a name used twice", () => {
        expect(
            paths(
                base({
                    compute: {
                        clusters: { c1: { vmSize: "Standard_DS3_v2", minNodes: 3, maxNodes: 2 }, "this-name-is-far-too-long": { vmSize: "Standard_DS3_v2", maxNodes: 1 }, shared: { vmSize: "Standard_DS3_v2", maxNodes: 1 } },
                        instances: { shared: { vmSize: "Standard_DS3_v2", assignedUserObjectId: "00000000-0000-0000-0000-00000000b001" } },
                    },
                    workspace: { imageBuildCompute: "shared" },
                }),
            ),
        ).toEqual([`${P}.compute.clusters.c1`, `${P}.compute.clusters.c1.minNodes`, `${P}.compute.clusters.this-name-is-far-too-long`, `${P}.compute.instances.shared`]);
    });

    it("defaults: scale to zero, 120 s idle, PT60M instance shutdown, no serverless public IP", () => {
        const c = loadPlatformConfig(base({ workspace: { imageBuildCompute: "cpu" }, compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 2 } }, instances: { "ci-a": { vmSize: "Standard_DS3_v2", assignedUserObjectId: "00000000-0000-0000-0000-00000000b001" } } } }), { project: "aml-workspace", stack: "t" });
        expect(c.compute.clusters.cpu).toMatchObject({ minNodes: 0, idleSecondsBeforeScaleDown: 120, vmPriority: "Dedicated" });
        expect(c.compute.instances["ci-a"].idleTimeBeforeShutdown).toBe("PT60M");
        expect(c.workspace.serverlessCompute.noPublicIp).toBe(true);
        expect(c.network.privateDns.mode).toBe("create");
    });
});

describe("outbound rule inputs", () => {
    it("FQDN", () => {
        expect(toArmOutboundRule({ type: "FQDN", destination: "pypi.org" })).toEqual({ type: "FQDN", category: "UserDefined", destination: "pypi.org" });
    });

    it("PrivateEndpoint", () => {
        const id = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/data";
        expect(toArmOutboundRule({ type: "PrivateEndpoint", serviceResourceId: id, subresourceTarget: "blob", fqdns: ["data.blob.core.windows.net"] })).toEqual({
            type: "PrivateEndpoint",
            category: "UserDefined",
            destination: { serviceResourceId: id, subresourceTarget: "blob", sparkEnabled: false },
            fqdns: ["data.blob.core.windows.net"],
        });
    });

    it("ServiceTag", () => {
        expect(toArmOutboundRule({ type: "ServiceTag", serviceTag: "AzureMonitor", protocol: "TCP", portRanges: "443" })).toEqual({
            type: "ServiceTag",
            category: "UserDefined",
            destination: { serviceTag: "AzureMonitor", protocol: "TCP", portRanges: "443", action: "Allow" },
        });
    });

    it("schema: each type requires its own fields", () => {
        const rule = (r: Record<string, unknown>): string[] => paths(base({ workspace: { managedNetwork: { outboundRules: { r } } } }));
        expect(rule({ type: "FQDN" })).toEqual([`${P}.workspace.managedNetwork.outboundRules.r.destination`]);
        expect(rule({ type: "PrivateEndpoint", serviceResourceId: "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg" })).toEqual([
            `${P}.workspace.managedNetwork.outboundRules.r.subresourceTarget`,
        ]);
        expect(rule({ type: "ServiceTag", serviceTag: "AzureMonitor", protocol: "TCP" })).toEqual([`${P}.workspace.managedNetwork.outboundRules.r.portRanges`]);
    });
});
