/**
 * Each workspace option changes exactly the resources and inputs it should.
 * Stacks are built once, in beforeAll, and shared by the assertions.
 */
import type { StackRun } from "../../../offline/run-stack";
import { allOfType, at, baseConfig, oneOfType, runPlatform } from "../../helpers/stack";

const runs: Record<string, StackRun> = {};
const variants: Record<string, Record<string, unknown>> = {
    imageBuild: baseConfig({ workspace: { imageBuildCompute: "image-builder" }, compute: { clusters: { "image-builder": { vmSize: "Standard_DS3_v2", maxNodes: 1 } } } }),
    // A private registry needs its image build cluster named (config-semantics-image-build.ts).
    clusterOnly: baseConfig({ workspace: { imageBuildCompute: "train" }, compute: { clusters: { train: { vmSize: "Standard_DS3_v2", maxNodes: 2 } } } }),
    basicRegistry: baseConfig({ network: { publicNetworkAccess: "Enabled" }, containerRegistry: { mode: "always", sku: "Basic" } }),
    gov: baseConfig({ cloud: "AzureUSGovernment", location: "usgovvirginia", containerRegistry: { mode: "always" }, workspace: { imageBuildCompute: "builder" }, compute: { clusters: { builder: { vmSize: "Standard_DS3_v2", maxNodes: 1 } } } }),
    named: baseConfig({
        namePrefix: "fraud",
        resourceGroup: { name: "rg-fraud-models" },
        workspace: { name: "fraud-ws", friendlyName: "Fraud", description: "Fraud models" },
        storage: { name: "stfraud01" },
        keyVault: { name: "kv-fraud-01" },
        dataClassification: "confidential",
        protection: { protect: true },
    }),
};

beforeAll(async () => {
    for (const [name, config] of Object.entries(variants)) runs[name] = await runPlatform(config, { stack: name.toLowerCase() });
});

it("onDemand creates the registry once image builds are configured, and points the workspace at it", () => {
    const run = runs.imageBuild;
    const registry = oneOfType(run.graph, "azure-native:containerregistry:Registry");
    const ws = oneOfType(run.graph, "azure-native:machinelearningservices:Workspace");
    expect(ws.propertyDependencies.containerRegistry).toEqual([registry.urn]);
    expect(ws.inputs.imageBuildCompute).toBe("image-builder");
    // Private by default: export blocked, dedicated data endpoint.
    expect(registry.inputs).toMatchObject({ publicNetworkAccess: "Disabled", dataEndpointEnabled: true, policies: { exportPolicy: { status: "disabled" } } });
    expect(allOfType(run.graph, "azure-native:authorization:RoleAssignment").filter((g) => String(g.inputs.scope).includes("Microsoft.ContainerRegistry"))).toHaveLength(2);
});

it("onDemand also creates the registry for a stack with compute (jobs run in environment images), and reaches it privately", () => {
    const registry = oneOfType(runs.clusterOnly.graph, "azure-native:containerregistry:Registry");
    expect(oneOfType(runs.clusterOnly.graph, "azure-native:machinelearningservices:Workspace").propertyDependencies.containerRegistry).toEqual([registry.urn]);
    const endpoints = allOfType(runs.clusterOnly.graph, "azure-native:network:PrivateEndpoint").filter((pe) => pe.propertyDependencies.privateLinkServiceConnections?.includes(registry.urn));
    expect(endpoints.map((pe) => at(pe.inputs, "privateLinkServiceConnections.0.groupIds"))).toEqual([["registry"]]);
});

it("a public Basic registry gets no Premium-only settings, and export stays allowed (ACR requires it)", () => {
    const registry = oneOfType(runs.basicRegistry.graph, "azure-native:containerregistry:Registry").inputs;
    expect(registry).toMatchObject({ sku: { name: "Basic" }, publicNetworkAccess: "Enabled", adminUserEnabled: false, anonymousPullEnabled: false, zoneRedundancy: "Disabled" });
    expect(registry.networkRuleSet).toBeUndefined();
    expect(at(registry, "policies.exportPolicy.status")).toBe("enabled");
    expect(at(registry, "policies.retentionPolicy")).toBeUndefined();
});

it("a US Government stack gets that cloud's DNS suffixes", () => {
    expect(runs.gov.outputs.registryLoginServer).toMatch(/\.azurecr\.us$/);
    expect(runs.gov.outputs.keyVaultUri).toMatch(/\.vault\.usgovcloudapi\.net\/$/);
    expect(runs.gov.outputs.discoveryUrl).toBe("https://usgovvirginia.api.ml.azure.us/discovery");
});

it("user-given names, friendly name, description, HBI and explicit protection are honoured", () => {
    const g = runs.named.graph;
    expect(oneOfType(g, "azure-native:resources:ResourceGroup").inputs.resourceGroupName).toBe("rg-fraud-models");
    expect(oneOfType(g, "azure-native:storage:StorageAccount").inputs.accountName).toBe("stfraud01");
    expect(oneOfType(g, "azure-native:keyvault:Vault").inputs.vaultName).toBe("kv-fraud-01");
    const ws = oneOfType(g, "azure-native:machinelearningservices:Workspace");
    expect(ws.inputs).toMatchObject({ workspaceName: "fraud-ws", friendlyName: "Fraud", description: "Fraud models", hbiWorkspace: true, resourceGroupName: "rg-fraud-models" });
    expect(ws.protect).toBe(true);
    expect(ws.retainOnDelete).toBe(false);
    expect(oneOfType(g, "azure-native:operationalinsights:Workspace").inputs.workspaceName).toBe("log-fraud");
    expect(allOfType(g, "azure-native:authorization:ManagementLockByScope")).toHaveLength(0);
});
