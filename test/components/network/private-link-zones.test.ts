import { CLOUDS, type AzureCloud } from "../../../components/clouds";
import { MAX_ZONES_PER_GROUP, PRIVATE_LINK_ZONES, zonesFor, zonesForAll, type PrivateLinkGroupId } from "../../../components/network/private-link-zones";

const CLOUD_NAMES = Object.keys(CLOUDS) as AzureCloud[];

describe("private link zone table", () => {
    it.each<[AzureCloud, string[]]>([
        ["AzureCloud", ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"]],
        ["AzureUSGovernment", ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"]],
        ["AzureChinaCloud", ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"]],
    ])("%s: the workspace endpoint needs both AML zones", (cloud, zones) => {
        expect(zonesFor("amlworkspace", cloud, "x")).toEqual(zones);
    });

    it.each<[PrivateLinkGroupId, Record<AzureCloud, string>]>([
        ["blob", { AzureCloud: "privatelink.blob.core.windows.net", AzureUSGovernment: "privatelink.blob.core.usgovcloudapi.net", AzureChinaCloud: "privatelink.blob.core.chinacloudapi.cn" }],
        ["file", { AzureCloud: "privatelink.file.core.windows.net", AzureUSGovernment: "privatelink.file.core.usgovcloudapi.net", AzureChinaCloud: "privatelink.file.core.chinacloudapi.cn" }],
        ["dfs", { AzureCloud: "privatelink.dfs.core.windows.net", AzureUSGovernment: "privatelink.dfs.core.usgovcloudapi.net", AzureChinaCloud: "privatelink.dfs.core.chinacloudapi.cn" }],
        ["vault", { AzureCloud: "privatelink.vaultcore.azure.net", AzureUSGovernment: "privatelink.vaultcore.usgovcloudapi.net", AzureChinaCloud: "privatelink.vaultcore.azure.cn" }],
        ["registry", { AzureCloud: "privatelink.azurecr.io", AzureUSGovernment: "privatelink.azurecr.us", AzureChinaCloud: "privatelink.azurecr.cn" }],
    ])("%s has one zone per cloud", (groupId, expected) => {
        for (const cloud of CLOUD_NAMES) expect(zonesFor(groupId, cloud, "x")).toEqual([expected[cloud]]);
    });

    it("Azure Monitor needs the five public zones, blob included", () => {
        expect(zonesFor("azuremonitor", "AzureCloud", "x")).toEqual([
            "privatelink.monitor.azure.com",
            "privatelink.oms.opinsights.azure.com",
            "privatelink.ods.opinsights.azure.com",
            "privatelink.agentsvc.azure-automation.net",
            "privatelink.blob.core.windows.net",
        ]);
    });

    it("sovereign-cloud zones use their cloud's suffixes, never a public one", () => {
        const publicSuffixes = /\.(windows\.net|azure\.com|azure\.net|azureml\.ms|azurecr\.io|azmk8s\.io|azure-automation\.net)$/;
        for (const cloud of ["AzureUSGovernment", "AzureChinaCloud"] as const) {
            for (const groupId of Object.keys(PRIVATE_LINK_ZONES) as PrivateLinkGroupId[]) {
                for (const zone of zonesFor(groupId, cloud, "region")) expect(zone).not.toMatch(publicSuffixes);
            }
        }
    });

    it("regional zones get the region filled in (private AKS API server)", () => {
        expect(zonesFor("management", "AzureCloud", "westeurope")).toEqual(["privatelink.westeurope.azmk8s.io"]);
    });

    it("IoT Hub needs its hub zone and the Event Hub-compatible zone", () => {
        expect(zonesFor("iotHub", "AzureCloud", "x")).toEqual(["privatelink.azure-devices.net", "privatelink.servicebus.windows.net"]);
    });

    it("zonesForAll lists a shared zone (blob: storage and Azure Monitor) once", () => {
        const zones = zonesForAll(["blob", "file", "azuremonitor"], "AzureCloud", "x");
        expect(zones.filter((z) => z === "privatelink.blob.core.windows.net")).toHaveLength(1);
        expect(zones).toHaveLength(6);
    });

    it("every row fits in one zone group (ARM allows five zones per group)", () => {
        for (const groupId of Object.keys(PRIVATE_LINK_ZONES) as PrivateLinkGroupId[]) {
            for (const cloud of CLOUD_NAMES) expect(zonesFor(groupId, cloud, "x").length).toBeLessThanOrEqual(MAX_ZONES_PER_GROUP);
        }
    });

    it("every zone is a privatelink zone name", () => {
        for (const groupId of Object.keys(PRIVATE_LINK_ZONES) as PrivateLinkGroupId[]) {
            for (const cloud of CLOUD_NAMES) {
                for (const zone of zonesFor(groupId, cloud, "westeurope")) expect(zone).toMatch(/^privatelink\.[a-z0-9.-]+$/);
            }
        }
    });
});
