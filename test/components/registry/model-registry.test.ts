/**
 * The model registry under the offline engine: what the component asks Azure for (regions, the
 * primary first, per-region storage, a Premium ACR, a system identity, private by default, an
 * amlregistry private endpoint in the shared zone, diagnostics), what simulated Azure answers,
 * and what it refuses.
 */
import { Registry } from "@pulumi/azure-native/machinelearningservices";
import { SimulatedAzure } from "../../../offline/azure-sim/simulator";
import type { CapturedResource } from "../../../offline/graph";
import { promiseOf } from "../../../offline/outputs";
import { runProgram, runStack, SimulationError } from "../../../offline/run-stack";
import { groupIdsOfType, zonesFor, zonesForAll } from "../../../components/network/private-link-zones";
import { ModelRegistry, registryPrivateAccessTarget, type ModelRegistryArgs } from "../../../components/registry/model-registry";
import { modelRegistryName, registryRegions, registrySettingProblems } from "../../../components/registry/registry-settings";
import { hasAvailabilityZones } from "../../../components/regions";
import { nameProblem } from "../../../components/naming";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { allPolicies } from "../../../policies/all";

const RG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml-prod";
const BASE: ModelRegistryArgs = { namePrefix: "aml-prod", resourceGroupName: "rg-aml-prod", location: "westeurope", tags: { env: "prod" } };

async function plan(args: Partial<ModelRegistryArgs>): Promise<{ resources: CapturedResource[]; outputs: Record<string, unknown> }> {
    const run = await runProgram(() => {
        const r = new ModelRegistry("models", { ...BASE, ...args });
        return { id: r.id, name: r.registryName, discoveryUrl: r.discoveryUrl, principalId: r.principalId, regions: r.regions, pe: r.privateEndpointId };
    });
    return { resources: run.graph.resources, outputs: run.outputs };
}
const ofType = (rs: CapturedResource[], type: string) => rs.filter((r) => r.type === type);
const registryOf = (rs: CapturedResource[]) => ofType(rs, "azure-native:machinelearningservices:Registry")[0];

describe("ModelRegistry", () => {
    it("defaults: private, a system identity, the primary region only, LRS Blob storage and a Premium ACR", async () => {
        const { resources, outputs } = await plan({});
        const reg = registryOf(resources);
        expect(reg.inputs).toMatchObject({
            registryName: "mlr-aml-prod",
            location: "westeurope",
            publicNetworkAccess: "Disabled",
            identity: { type: "SystemAssigned" },
            regionDetails: [
                {
                    location: "westeurope",
                    storageAccountDetails: [{ systemCreatedStorageAccount: { storageAccountType: "Standard_LRS", storageAccountHnsEnabled: false, allowBlobPublicAccess: false } }],
                    acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: "Premium" } }],
                },
            ],
        });
        expect(outputs.discoveryUrl).toBe("https://westeurope.api.azureml.ms/registrymanagement/v1.0/registries/mlr-aml-prod/discovery");
        expect(outputs.id).toMatch(/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/rg-aml-prod\/providers\/Microsoft\.MachineLearningServices\/registries\/mlr-aml-prod$/);
        expect(outputs.principalId).toMatch(/^[0-9a-f-]{36}$/);
        expect(ofType(resources, "azure-native:monitor:DiagnosticSetting")).toEqual([]);
        expect(ofType(resources, "azure-native:network:PrivateEndpoint")).toEqual([]);
    });

    it("replicates to each region once, the primary first, each with its own storage settings", async () => {
        const { resources, outputs } = await plan({
            storageAccountType: "Standard_ZRS",
            replicas: [{ location: "northeurope", storageAccountType: "Standard_GRS", storageHierarchicalNamespace: true }, { location: "westeurope" }, { location: "swedencentral" }],
        });
        const details = registryOf(resources).inputs.regionDetails as { location: string; storageAccountDetails: { systemCreatedStorageAccount: Record<string, unknown> }[] }[];
        expect(details.map((d) => [d.location, d.storageAccountDetails[0].systemCreatedStorageAccount.storageAccountType, d.storageAccountDetails[0].systemCreatedStorageAccount.storageAccountHnsEnabled])).toEqual([
            ["westeurope", "Standard_ZRS", false],
            ["northeurope", "Standard_GRS", true],
            ["swedencentral", "Standard_ZRS", false],
        ]);
        expect(outputs.regions).toEqual(["westeurope", "northeurope", "swedencentral"]);
    });

    it("reaches a private registry through one amlregistry endpoint registered in the shared API zone, and sends its logs", async () => {
        const zone = zonesFor("amlregistry", "AzureCloud", "")[0];
        const { resources } = await plan({
            logAnalyticsWorkspaceId: `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log-aml-prod`,
            privateEndpoint: { subnetId: `${RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`, dnsZones: [{ name: zone, id: `${RG_ID}/providers/Microsoft.Network/privateDnsZones/${zone}` }] },
        });
        const [pe] = ofType(resources, "azure-native:network:PrivateEndpoint");
        expect(pe.inputs).toMatchObject({ privateEndpointName: "pep-aml-prod-mlregistry", privateLinkServiceConnections: [{ groupIds: ["amlregistry"] }] });
        const [group] = ofType(resources, "azure-native:network:PrivateDnsZoneGroup");
        expect(group.inputs.privateDnsZoneConfigs).toEqual([{ name: "privatelink-api-azureml-ms", privateDnsZoneId: `${RG_ID}/providers/Microsoft.Network/privateDnsZones/${zone}` }]);
        const [diag] = ofType(resources, "azure-native:monitor:DiagnosticSetting");
        expect(diag.inputs).toMatchObject({ logs: [{ categoryGroup: "allLogs", enabled: true }], metrics: [] });
        expect(String(diag.inputs.resourceUri)).toMatch(/registries\/mlr-aml-prod$/);
    });

    it("what the component creates passes the pack's registry policies, in production too", async () => {
        const zone = zonesFor("amlregistry", "AzureCloud", "")[0];
        const run = await runProgram(() => {
            new ModelRegistry("models", {
                ...BASE,
                privateEndpoint: { subnetId: `${RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`, dnsZones: [{ name: zone, id: `${RG_ID}/providers/Microsoft.Network/privateDnsZones/${zone}` }] },
            });
        });
        const policies = allPolicies.filter((p) => p.name.startsWith("ml-registry-"));
        expect(policies.map((p) => p.name).sort()).toEqual(["ml-registry-managed-identity", "ml-registry-private-endpoint", "ml-registry-public-network-disabled"]);
        const report = evaluatePolicies(run.graph, { "ml-registry-public-network-disabled": { production: true } }, { policies });
        expect(report.errors).toEqual([]);
        expect(report.violations).toEqual([]);
        expect(report.evaluated.filter((o) => o.outcome === "passed").map((o) => o.policyName).sort()).toEqual(policies.map((p) => p.name).sort());
    });

    it("offers itself as a PrivateAccess target with the amlregistry group", async () => {
        const run = await runProgram(() => {
            const r = new ModelRegistry("models", BASE);
            const t = registryPrivateAccessTarget(r);
            return { role: t.role, groups: t.groupIds, id: t.resourceId };
        });
        expect(run.outputs).toMatchObject({ role: "mlregistry", groups: ["amlregistry"] });
        expect(String(run.outputs.id)).toMatch(/\/registries\/mlr-aml-prod$/);
    });

    it("a weaker setting is explicit: public access and a user-given name", async () => {
        const { resources } = await plan({ publicNetworkAccess: "Enabled", registryName: "contoso-models" });
        expect(registryOf(resources).inputs).toMatchObject({ publicNetworkAccess: "Enabled", registryName: "contoso-models" });
    });

    it("a Basic ACR with replicas is refused by simulated Azure, naming the setting", async () => {
        const err = await runProgram(() => {
            new ModelRegistry("models", { ...BASE, acrSku: "Basic", publicNetworkAccess: "Enabled", replicas: [{ location: "northeurope" }] });
        }).then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(SimulationError);
        expect((err as SimulationError).failures.join("\n")).toMatch(/ACR SKU Basic cannot replicate to 2 regions \(geo-replication is Premium only\)/);
    });
});

describe("simulated Azure for registries", () => {
    const create = (inputs: Record<string, unknown>) => {
        const s = new SimulatedAzure({ preview: false });
        const r = s.newResource({ type: "azure-native:machinelearningservices:Registry", name: "r", inputs: { registryName: "mlr-x", resourceGroupName: "rg", location: "westeurope", ...inputs }, custom: true });
        return { s, r: r as { id: string; state: Record<string, unknown> } };
    };
    const region = (location: string, storageAccountType = "Standard_LRS", acrAccountSku = "Premium") => ({
        location,
        storageAccountDetails: [{ systemCreatedStorageAccount: { storageAccountType } }],
        acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku } }],
    });

    it("answers with the registry ID, discovery URL, managed resource group and a principal", () => {
        const { s, r } = create({ identity: { type: "SystemAssigned" }, regionDetails: [region("westeurope")] });
        expect(s.rejections).toEqual([]);
        expect(r.id).toMatch(/\/resourceGroups\/rg\/providers\/Microsoft\.MachineLearningServices\/registries\/mlr-x$/);
        expect(r.state).toMatchObject({
            discoveryUrl: "https://westeurope.api.azureml.ms/registrymanagement/v1.0/registries/mlr-x/discovery",
            managedResourceGroup: { resourceId: expect.stringMatching(/\/resourceGroups\/azureml-rg-mlr-x_[0-9a-f-]{36}$/) },
            identity: { type: "SystemAssigned", principalId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        });
    });

    it.each([
        ["regionDetails without the primary region", [region("northeurope")], /regionDetails\[0\]\.location is northeurope, but the primary region \(location\) is westeurope and is not in regionDetails/],
        ["the primary region not first", [region("northeurope"), region("westeurope")], /regionDetails\[0\]\.location is northeurope, but the primary region \(location\) is westeurope; list it first/],
        ["a region twice", [region("westeurope"), region("westeurope")], /lists a region twice/],
        ["zone-redundant storage where the region has no zones", [region("westeurope"), region("ukwest", "Standard_ZRS")], /Standard_ZRS is zone-redundant, but ukwest has no availability zones/],
        ["a Standard ACR without public access", [region("westeurope", "Standard_LRS", "Standard")], /ACR SKU Standard has no private link/],
    ])("refuses %s", (_t, regionDetails, message) => {
        const { s } = create({ regionDetails, publicNetworkAccess: "Disabled" });
        expect(s.rejections).toEqual([expect.stringMatching(message)]);
    });

    it("refuses a registry name Azure refuses, and one name twice in the tenant", async () => {
        const err = await runStack({
            stack: "t",
            config: {},
            program: () => {
                const a = new Registry("a", { registryName: "mlr-shared", resourceGroupName: "rg-a", location: "westeurope", regionDetails: [region("westeurope")] });
                const b = new Registry("b", { registryName: "mlr-shared", resourceGroupName: "rg-b", location: "westeurope", regionDetails: [region("westeurope")] });
                const c = new Registry("c", { registryName: "-bad", resourceGroupName: "rg-c", location: "westeurope", regionDetails: [region("westeurope")] });
                return { a: a.id, b: b.id, c: c.id };
            },
        }).then(() => undefined, (e: unknown) => e);
        const failures = (err as SimulationError).failures.join("\n");
        expect(failures).toMatch(/Registry "b": the name "mlr-shared" is already used by "a"/);
        expect(failures).toMatch(/machine learning registry name must be 2-32 letters, digits, underscores and hyphens/);
    });
});

describe("registry facts (pure)", () => {
    it("derives a valid, stable name from the prefix, shortened to the rule", () => {
        expect(modelRegistryName("aml-prod")).toBe("mlr-aml-prod");
        const long = modelRegistryName("a-very-long-platform-prefix-for-the-models-of-contoso");
        expect(long.length).toBeLessThanOrEqual(32);
        expect(nameProblem("mlRegistry", long)).toBeUndefined();
        expect(modelRegistryName("aml-prod")).toBe(modelRegistryName("aml-prod"));
    });

    it("shares the workspace's API zone (one zone per cloud, listed once with a workspace) and is the registry type's group ID", () => {
        expect(zonesForAll(["amlworkspace", "amlregistry"], "AzureCloud", "")).toEqual(["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"]);
        expect(zonesFor("amlregistry", "AzureUSGovernment", "")).toEqual([zonesFor("amlworkspace", "AzureUSGovernment", "")[0]]);
        expect(groupIdsOfType("Microsoft.MachineLearningServices/registries")).toEqual(["amlregistry"]);
    });

    it("orders regions primary first, each once, lowercased", () => {
        expect(registryRegions("westeurope", ["NorthEurope", "westeurope", "northeurope"])).toEqual(["westeurope", "northeurope"]);
    });

    it("finds each refused pairing and none in a sound one", () => {
        const zones = (r: string) => hasAvailabilityZones("AzureCloud", r);
        expect(registrySettingProblems([{ location: "westeurope", storageAccountType: "Standard_ZRS" }, { location: "northeurope", storageAccountType: "Standard_GZRS" }], "Premium", "Disabled", zones)).toEqual([]);
        expect(registrySettingProblems([{ location: "ukwest", storageAccountType: "Premium_ZRS" }, { location: "uksouth", storageAccountType: "Standard_LRS" }], "Standard", "Disabled", zones)).toEqual([
            "storage account type Premium_ZRS is zone-redundant, but ukwest has no availability zones",
            "ACR SKU Standard cannot replicate to 2 regions (geo-replication is Premium only)",
            "ACR SKU Standard has no private link, which a registry without public network access needs (Premium only)",
        ]);
    });
});

it("promiseOf reads the component's outputs outside the engine's exports", async () => {
    let registry: ModelRegistry | undefined;
    await runProgram(() => {
        registry = new ModelRegistry("models", BASE);
    });
    expect(await promiseOf(registry!.regions)).toEqual(["westeurope"]);
});
