/**
 * Network isolation through the real program: the prod stack (created network
 * and zones), a hub-and-spoke stack (adopted network and central zones), a
 * stack whose DNS Azure Policy manages, and a US Government stack.
 */
import type { CapturedResource, CapturedStack } from "../../../offline/graph";
import { runStack, type StackRun } from "../../../offline/run-stack";
import { readStackConfig } from "../../../offline/stack-file";
import { allOfType, at, baseConfig, oneOfType, runPlatform } from "../../helpers/stack";
import { platformPart } from "../../helpers/stack";

const PE = "azure-native:network:PrivateEndpoint";
const ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup";
const ZONE = "azure-native:privatedns:PrivateZone";
const LINK = "azure-native:privatedns:VirtualNetworkLink";
const VNET = "azure-native:network:VirtualNetwork";
const SUBNET = "azure-native:network:Subnet";

const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers";
const HUB_VNET = `${SUB}/Microsoft.Network/virtualNetworks/vnet-spoke-ml`;
const zoneId = (zone: string): string => `${SUB}/Microsoft.Network/privateDnsZones/${zone}`;
const PUBLIC_ZONES = [
    "privatelink.api.azureml.ms",
    "privatelink.notebooks.azure.net",
    "privatelink.blob.core.windows.net",
    "privatelink.file.core.windows.net",
    "privatelink.vaultcore.azure.net",
    "privatelink.monitor.azure.com",
    "privatelink.oms.opinsights.azure.com",
    "privatelink.ods.opinsights.azure.com",
    "privatelink.agentsvc.azure-automation.net",
];

let prod: StackRun;
let hub: StackRun;
let policyDns: StackRun;
let gov: StackRun;

beforeAll(async () => {
    prod = platformPart(await runStack({ stack: "prod", config: readStackConfig("prod") }));
    hub = await runPlatform(
        baseConfig({
            network: {
                virtualNetwork: { existingId: HUB_VNET, subnetIds: { privateEndpoints: `${HUB_VNET}/subnets/snet-pe` } },
                privateDns: { mode: "existing", zoneIds: Object.fromEntries(PUBLIC_ZONES.map((z) => [z, zoneId(z)])) },
            },
        }),
    );
    policyDns = await runPlatform(baseConfig({ network: { privateDns: { mode: "policyManaged" } } }));
    gov = await runPlatform(baseConfig({ cloud: "AzureUSGovernment", location: "usgovvirginia" }));
});

/** True when `input` of `r` was computed from `from` (a real dependency in the graph). */
function dependsThrough(r: CapturedResource, input: string, from: CapturedResource): boolean {
    return (r.propertyDependencies[input] ?? []).includes(from.urn);
}

/** The endpoints whose connection targets `target`, by group ID. */
function endpointsTo(graph: CapturedStack, target: CapturedResource): Record<string, CapturedResource> {
    return Object.fromEntries(
        allOfType(graph, PE)
            .filter((pe) => dependsThrough(pe, "privateLinkServiceConnections", target))
            .map((pe) => [(at(pe.inputs, "privateLinkServiceConnections.0.groupIds") as string[]).join(","), pe]),
    );
}

/** Zone names of the zone group of an endpoint (from zone IDs). */
function zonesOf(graph: CapturedStack, pe: CapturedResource): string[] {
    const groups = allOfType(graph, ZONE_GROUP).filter((g) => g.inputs.privateEndpointName === pe.inputs.privateEndpointName);
    expect(groups).toHaveLength(1);
    return (groups[0].inputs.privateDnsZoneConfigs as { privateDnsZoneId: string }[]).map((c) => c.privateDnsZoneId.split("/").pop()!);
}

describe("prod: private end to end", () => {
    it.each<[string, string[]]>([
        ["azure-native:machinelearningservices:Workspace", ["amlworkspace"]],
        ["azure-native:storage:StorageAccount", ["blob", "file"]],
        ["azure-native:keyvault:Vault", ["vault"]],
        ["azure-native:containerregistry:Registry", ["registry"]],
        ["azure-native:monitor:PrivateLinkScope", ["azuremonitor"]],
    ])("%s has one private endpoint per group ID (%j), each with a zone group", (type, groupIds) => {
        const endpoints = endpointsTo(prod.graph, oneOfType(prod.graph, type));
        expect(Object.keys(endpoints).sort()).toEqual([...groupIds].sort());
        for (const pe of Object.values(endpoints)) expect(zonesOf(prod.graph, pe).length).toBeGreaterThan(0);
    });

    it("the workspace's ONE endpoint has a zone group with both AML zones", () => {
        const endpoints = Object.values(endpointsTo(prod.graph, oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace")));
        expect(endpoints).toHaveLength(1);
        expect(zonesOf(prod.graph, endpoints[0]).sort()).toEqual(["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"]);
    });

    it("the Azure Monitor endpoint registers in all five zones", () => {
        const [pe] = Object.values(endpointsTo(prod.graph, oneOfType(prod.graph, "azure-native:monitor:PrivateLinkScope")));
        expect(zonesOf(prod.graph, pe)).toHaveLength(5);
    });

    it("the private link scope is private-only and holds Log Analytics and Application Insights", () => {
        const scope = oneOfType(prod.graph, "azure-native:monitor:PrivateLinkScope");
        expect(scope.inputs.accessModeSettings).toEqual({ ingestionAccessMode: "PrivateOnly", queryAccessMode: "PrivateOnly" });
        const scoped = allOfType(prod.graph, "azure-native:monitor:PrivateLinkScopedResource");
        expect(scoped).toHaveLength(2);
        for (const type of ["azure-native:operationalinsights:Workspace", "azure-native:applicationinsights:Component"]) {
            const target = oneOfType(prod.graph, type);
            expect(scoped.filter((r) => dependsThrough(r, "linkedResourceId", target))).toHaveLength(1);
        }
    });

    it("every zone group points at zones the stack created, and every zone is linked to the virtual network without autoregistration", () => {
        const vnet = oneOfType(prod.graph, VNET);
        const zones = allOfType(prod.graph, ZONE);
        for (const g of allOfType(prod.graph, ZONE_GROUP)) {
            const configs = g.inputs.privateDnsZoneConfigs as { privateDnsZoneId: string }[];
            const sources = zones.filter((z) => dependsThrough(g, "privateDnsZoneConfigs", z));
            expect(sources.map((z) => z.inputs.privateZoneName).sort()).toEqual(configs.map((c) => c.privateDnsZoneId.split("/").pop()).sort());
        }
        const links = allOfType(prod.graph, LINK);
        expect(links.map((l) => l.inputs.privateZoneName).sort()).toEqual(zones.map((z) => z.inputs.privateZoneName).sort());
        for (const l of links) {
            expect(dependsThrough(l, "virtualNetwork", vnet)).toBe(true);
            expect(at(l.inputs, "virtualNetwork.id")).toMatch(/\/virtualNetworks\/vnet-aml-prod$/);
            expect(l.inputs.registrationEnabled).toBe(false);
        }
        // The blob zone is shared by storage and Azure Monitor: created once.
        expect(zones.filter((z) => z.inputs.privateZoneName === "privatelink.blob.core.windows.net")).toHaveLength(1);
    });

    it("no public network access anywhere", () => {
        const paths: Record<string, string[]> = {
            "azure-native:machinelearningservices:Workspace": ["publicNetworkAccess"],
            "azure-native:storage:StorageAccount": ["publicNetworkAccess"],
            "azure-native:keyvault:Vault": ["properties.publicNetworkAccess"],
            "azure-native:containerregistry:Registry": ["publicNetworkAccess"],
            "azure-native:operationalinsights:Workspace": ["publicNetworkAccessForIngestion", "publicNetworkAccessForQuery"],
            "azure-native:applicationinsights:Component": ["publicNetworkAccessForIngestion", "publicNetworkAccessForQuery"],
        };
        for (const [type, keys] of Object.entries(paths)) {
            for (const key of keys) expect([type, key, at(oneOfType(prod.graph, type).inputs, key)]).toEqual([type, key, "Disabled"]);
        }
        expect(at(oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace").inputs, "allowPublicAccessWhenBehindVnet")).toBe(false);
    });

    it("endpoints sit in the private-endpoints subnet, which has network policies on and no default outbound access", () => {
        const subnet = allOfType(prod.graph, SUBNET).find((s) => s.inputs.subnetName === "snet-private-endpoints")!;
        expect(subnet.inputs).toMatchObject({ addressPrefix: "10.20.0.0/24", privateEndpointNetworkPolicies: "Enabled", defaultOutboundAccess: false });
        for (const pe of allOfType(prod.graph, PE)) {
            expect(dependsThrough(pe, "subnet", subnet)).toBe(true);
            expect(at(pe.inputs, "subnet.id")).toMatch(/\/subnets\/snet-private-endpoints$/);
        }
    });

    it("each subnet has its own NSG; the scoring subnet is delegated to container instances", () => {
        const subnets = allOfType(prod.graph, SUBNET);
        expect(subnets.map((s) => s.inputs.subnetName).sort()).toEqual(["snet-aks", "snet-private-endpoints", "snet-scoring"]);
        const nsgIds = subnets.map((s) => at(s.inputs, "networkSecurityGroup.id"));
        expect(new Set(nsgIds).size).toBe(3);
        const scoring = subnets.find((s) => s.inputs.subnetName === "snet-scoring")!;
        expect(scoring.inputs.delegations).toEqual([{ name: "aci", serviceName: "Microsoft.ContainerInstance/containerGroups" }]);
        expect(at(oneOfType(prod.graph, VNET).inputs, "addressSpace.addressPrefixes")).toEqual(["10.20.0.0/16"]);
    });

    it("endpoints and zone groups depend on their target and the zones' network links", () => {
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace");
        const [pe] = Object.values(endpointsTo(prod.graph, ws));
        expect(pe.dependencies).toContain(ws.urn);
        const links = allOfType(prod.graph, LINK).map((l) => l.urn);
        for (const l of links) expect(pe.dependencies).toContain(l);
        const group = allOfType(prod.graph, ZONE_GROUP).find((g) => g.inputs.privateEndpointName === pe.inputs.privateEndpointName)!;
        expect(group.dependencies).toContain(pe.urn);
    });
});

describe("hub and spoke: existing virtual network and central DNS zones", () => {
    it("creates no virtual network, subnet, NSG, zone or link", () => {
        for (const type of [VNET, SUBNET, "azure-native:network:NetworkSecurityGroup", ZONE, LINK]) expect(allOfType(hub.graph, type)).toHaveLength(0);
    });

    it("puts endpoints in the given subnet and registers them in the given zones", () => {
        const pes = allOfType(hub.graph, PE);
        expect(pes.length).toBe(5); // workspace, blob, file, vault, azuremonitor (no registry in onDemand mode)
        for (const pe of pes) expect(at(pe.inputs, "subnet.id")).toBe(`${HUB_VNET}/subnets/snet-pe`);
        const ws = oneOfType(hub.graph, "azure-native:machinelearningservices:Workspace");
        const [wsPe] = Object.values(endpointsTo(hub.graph, ws));
        const group = allOfType(hub.graph, ZONE_GROUP).find((g) => g.inputs.privateEndpointName === wsPe.inputs.privateEndpointName)!;
        expect((group.inputs.privateDnsZoneConfigs as { privateDnsZoneId: string }[]).map((c) => c.privateDnsZoneId)).toEqual([
            zoneId("privatelink.api.azureml.ms"),
            zoneId("privatelink.notebooks.azure.net"),
        ]);
    });
});

describe("DNS managed by Azure Policy", () => {
    it("creates endpoints but no zones and no zone groups", () => {
        expect(allOfType(policyDns.graph, PE).length).toBeGreaterThan(0);
        expect(allOfType(policyDns.graph, ZONE)).toHaveLength(0);
        expect(allOfType(policyDns.graph, ZONE_GROUP)).toHaveLength(0);
    });

    it("still creates the default virtual network for the endpoints", () => {
        expect(at(oneOfType(policyDns.graph, VNET).inputs, "addressSpace.addressPrefixes")).toEqual(["10.0.0.0/16"]);
    });
});

describe("US Government cloud", () => {
    it("uses the Government zone names", () => {
        const zones = allOfType(gov.graph, ZONE).map((z) => z.inputs.privateZoneName);
        expect(zones).toEqual(expect.arrayContaining(["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net", "privatelink.vaultcore.usgovcloudapi.net", "privatelink.monitor.azure.us"]));
        expect(zones.filter((z) => String(z).endsWith(".windows.net") || String(z).endsWith(".azureml.ms"))).toEqual([]);
    });
});
