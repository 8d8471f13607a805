/**
 * The dev and prod stacks, run once each through the real program against
 * simulated Azure: every CONTROLS.md value for the workspace and its
 * associated resources, protection, diagnostics, identity access and CMK.
 */
import type { StackRun } from "../../../offline/run-stack";
import { runStack } from "../../../offline/run-stack";
import { readStackConfig } from "../../../offline/stack-file";
import { isSecret } from "../../../offline/graph";
import { allOfType, at, oneOfType } from "../../helpers/stack";
import { platformPart } from "../../helpers/stack";

let dev: StackRun;
let prod: StackRun;

beforeAll(async () => {
    dev = await runStack({ stack: "dev", config: readStackConfig("dev") });
    prod = platformPart(await runStack({ stack: "prod", config: readStackConfig("prod") }));
});

const STATEFUL = [
    "azure-native:storage:StorageAccount",
    "azure-native:keyvault:Vault",
    "azure-native:containerregistry:Registry",
    "azure-native:machinelearningservices:Workspace",
    "azure-native:operationalinsights:Workspace",
];

describe("storage account", () => {
    it.each(["dev", "prod"])("%s: HTTPS only, TLS 1.2, no public blobs, no shared key, no cross-tenant replication, infrastructure encryption", (name) => {
        const run = name === "dev" ? dev : prod;
        const inputs = oneOfType(run.graph, "azure-native:storage:StorageAccount").inputs;
        expect(inputs).toMatchObject({
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            allowCrossTenantReplication: false,
            kind: "StorageV2",
        });
        expect(at(inputs, "encryption.requireInfrastructureEncryption")).toBe(true);
        expect(at(inputs, "networkRuleSet.bypass")).toBe("AzureServices");
    });

    it("prod: private, default-deny firewall, geo-zone-redundant", () => {
        const inputs = oneOfType(prod.graph, "azure-native:storage:StorageAccount").inputs;
        expect(inputs.publicNetworkAccess).toBe("Disabled");
        expect(at(inputs, "networkRuleSet.defaultAction")).toBe("Deny");
        expect(at(inputs, "sku.name")).toBe("Standard_GZRS");
    });

    it("dev: public endpoint as configured, firewall still denies by default with the configured IP rule", () => {
        const inputs = oneOfType(dev.graph, "azure-native:storage:StorageAccount").inputs;
        expect(inputs.publicNetworkAccess).toBe("Enabled");
        expect(at(inputs, "networkRuleSet.defaultAction")).toBe("Deny");
        expect(at(inputs, "networkRuleSet.ipRules")).toEqual([{ iPAddressOrRange: "203.0.113.0/24", action: "Allow" }]);
        expect(at(inputs, "sku.name")).toBe("Standard_LRS");
    });

    it("blob, container and file-share soft delete with the configured retention", () => {
        const blob = oneOfType(prod.graph, "azure-native:storage:BlobServiceProperties").inputs;
        const file = oneOfType(prod.graph, "azure-native:storage:FileServiceProperties").inputs;
        expect(blob.deleteRetentionPolicy).toEqual({ enabled: true, days: 30 });
        expect(blob.containerDeleteRetentionPolicy).toEqual({ enabled: true, days: 30 });
        expect(file.shareDeleteRetentionPolicy).toEqual({ enabled: true, days: 30 });
        expect(at(oneOfType(dev.graph, "azure-native:storage:BlobServiceProperties").inputs, "deleteRetentionPolicy.days")).toBe(14);
    });
});

describe("key vault", () => {
    it("RBAC, purge protection, 90-day soft delete, default-deny firewall; private in prod", () => {
        const props = oneOfType(prod.graph, "azure-native:keyvault:Vault").inputs.properties;
        expect(props).toMatchObject({
            enableRbacAuthorization: true,
            enablePurgeProtection: true,
            enableSoftDelete: true,
            softDeleteRetentionInDays: 90,
            publicNetworkAccess: "Disabled",
            tenantId: "00000000-0000-0000-0000-0000000000aa",
        });
        expect(at(props, "networkAcls.defaultAction")).toBe("Deny");
        expect(at(props, "networkAcls.bypass")).toBe("AzureServices");
        expect(at(props, "accessPolicies")).toBeUndefined();
        expect(at(props, "sku.name")).toBe("premium");
    });

    it("dev keeps the firewall default-deny even with public access on", () => {
        const props = oneOfType(dev.graph, "azure-native:keyvault:Vault").inputs.properties;
        expect(at(props, "publicNetworkAccess")).toBe("Enabled");
        expect(at(props, "networkAcls.defaultAction")).toBe("Deny");
        expect(at(props, "networkAcls.ipRules")).toEqual([{ value: "203.0.113.0/24" }]);
    });
});

describe("container registry", () => {
    it("dev (onDemand): its scoring image makes the registry exist, hardened like any created one, and attached", () => {
        const registry = oneOfType(dev.graph, "azure-native:containerregistry:Registry");
        expect(registry.inputs).toMatchObject({ adminUserEnabled: false, anonymousPullEnabled: false, policies: { azureADAuthenticationAsArmPolicy: { status: "disabled" } } });
        expect(oneOfType(dev.graph, "azure-native:machinelearningservices:Workspace").inputs.containerRegistry).toMatch(/\/Microsoft\.ContainerRegistry\/registries\/cramldev[a-z0-9]{6}$/);
        // The image goes to that registry, with the deploying identity's token, never an admin password.
        const image = oneOfType(dev.graph, "docker:index/image:Image");
        expect(at(image.inputs, "imageName")).toMatch(/^cramldev[a-z0-9]{6}\.azurecr\.io\/scorer:ctx-[0-9a-f]{16}$/);
        expect(at(image.inputs, "registry.username")).toBe("00000000-0000-0000-0000-000000000000");
        expect(isSecret(at(image.inputs, "registry.password"))).toBe(true);
    });

    it("prod (always): Premium, no admin user, no anonymous pull, private, export blocked, no ARM tokens, retention, zone redundant", () => {
        const inputs = oneOfType(prod.graph, "azure-native:containerregistry:Registry").inputs;
        expect(inputs).toMatchObject({
            sku: { name: "Premium" },
            adminUserEnabled: false,
            anonymousPullEnabled: false,
            publicNetworkAccess: "Disabled",
            zoneRedundancy: "Enabled",
            policies: {
                exportPolicy: { status: "disabled" },
                azureADAuthenticationAsArmPolicy: { status: "disabled" },
                retentionPolicy: { status: "enabled", days: 30 },
            },
        });
        expect(at(inputs, "networkRuleSet.defaultAction")).toBe("Deny");
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace").inputs;
        expect(ws.containerRegistry).toMatch(/\/providers\/Microsoft\.ContainerRegistry\/registries\/cramlprod[a-z0-9]{6}$/);
    });
});

describe("monitoring", () => {
    it("Log Analytics with local auth off and the configured retention", () => {
        expect(oneOfType(prod.graph, "azure-native:operationalinsights:Workspace").inputs).toMatchObject({
            features: { disableLocalAuth: true },
            retentionInDays: 365,
            publicNetworkAccessForIngestion: "Disabled",
            publicNetworkAccessForQuery: "Disabled",
        });
        expect(oneOfType(dev.graph, "azure-native:operationalinsights:Workspace").inputs.retentionInDays).toBe(30);
    });

    it("workspace-based Application Insights with local auth off", () => {
        const logs = oneOfType(prod.graph, "azure-native:operationalinsights:Workspace");
        const insights = oneOfType(prod.graph, "azure-native:applicationinsights:Component");
        expect(insights.inputs).toMatchObject({ disableLocalAuth: true, kind: "web", applicationType: "web" });
        expect(insights.propertyDependencies.workspaceResourceId).toEqual([logs.urn]);
        expect(insights.inputs.workspaceResourceId).toMatch(/\/Microsoft\.OperationalInsights\/workspaces\/log-aml-prod$/);
    });

    it("the connection string output is a secret", () => {
        expect(isSecret(prod.outputs.applicationInsightsConnectionString)).toBe(true);
    });
});

/**
 * The workspace's user-assigned identity (prod's created AKS cluster has its own control-plane
 * identity, with its grant on the aks subnet: test/components/kubernetes/aks-cluster.test.ts).
 */
const workspaceIdentity = () => oneOfType({ ...prod.graph, resources: prod.graph.resources.filter((r) => !r.urn.includes("aml-workspace:index:AksCluster")) }, "azure-native:managedidentity:UserAssignedIdentity");

describe("workspace", () => {
    it("prod: private, identity-based datastores, HBI, user-assigned identity, approved-outbound managed network", () => {
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace").inputs;
        const uai = workspaceIdentity();
        expect(ws).toMatchObject({
            publicNetworkAccess: "Disabled",
            allowPublicAccessWhenBehindVnet: false,
            systemDatastoresAuthMode: "identity",
            hbiWorkspace: true,
            v1LegacyMode: false,
            sku: { name: "Basic", tier: "Basic" },
            friendlyName: "ML platform",
        });
        expect(at(ws, "identity.type")).toBe("UserAssigned");
        expect(ws.primaryUserAssignedIdentity).toMatch(/\/userAssignedIdentities\/id-aml-prod$/);
        expect(at(ws, "identity.userAssignedIdentities")).toEqual([ws.primaryUserAssignedIdentity]);
        expect(uai.inputs.resourceName).toBe("id-aml-prod");
        expect(at(ws, "managedNetwork.isolationMode")).toBe("AllowOnlyApprovedOutbound");
        expect(at(ws, "managedNetwork.firewallSku")).toBe("Standard");
        expect(ws.provisionNetworkNow).toBe(true);
    });

    it("prod: every outbound rule type reaches ARM in its discriminated shape", () => {
        const rules = at(oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace").inputs, "managedNetwork.outboundRules");
        expect(rules).toMatchObject({
            pypi: { type: "FQDN", category: "UserDefined", destination: "pypi.org" },
            "azure-monitor": { type: "ServiceTag", destination: { serviceTag: "AzureMonitor", protocol: "TCP", portRanges: "443", action: "Allow" } },
        });
    });

    it("prod: HSM customer-managed key from the stack's premium vault, through the user-assigned identity", () => {
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace").inputs;
        const key = oneOfType(prod.graph, "azure-native:keyvault:Key");
        const vault = oneOfType(prod.graph, "azure-native:keyvault:Vault");
        expect(at(vault.inputs, "properties.sku.name")).toBe("premium");
        expect(key.inputs).toMatchObject({ properties: { kty: "RSA-HSM", keySize: 3072, keyOps: ["wrapKey", "unwrapKey"] } });
        // The name carries a hash of the spec: changing type, size or rotation is a visible replace, never a silent no-op.
        expect(key.inputs.keyName).toMatch(/^aml-cmk-[a-z0-9]{6}$/);
        expect(at(ws, "encryption.status")).toBe("Enabled");
        expect(at(ws, "encryption.identity.userAssignedIdentity")).toBe(ws.primaryUserAssignedIdentity);
        expect(at(ws, "encryption.keyVaultProperties.keyVaultArmId")).toBe(ws.keyVault);
        expect(at(ws, "encryption.keyVaultProperties.keyIdentifier")).toMatch(/^https:\/\/kv-aml-prod-[a-z0-9]{6}\.vault\.azure\.net\/keys\/aml-cmk-[a-z0-9]{6}\/[0-9a-f]{32}$/);
    });

    it("prod: classic CMK path works: the Cosmos DB principal may get, wrap and unwrap with the key before the workspace is created", () => {
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace");
        const key = oneOfType(prod.graph, "azure-native:keyvault:Key");
        const keyId = `${String(ws.inputs.keyVault)}/keys/${String(key.inputs.keyName)}`;
        expect(ws.inputs.enableServiceSideCMKEncryption).toBe(false);
        const onKey = allOfType(prod.graph, "azure-native:authorization:RoleAssignment").filter((g) => g.inputs.scope === keyId);
        const cosmos = onKey.find((g) => g.inputs.principalId === "00000000-0000-0000-0000-00000000c05d");
        expect(cosmos?.inputs.roleDefinitionId).toMatch(/\/e147488a-f6f5-4113-8e2d-b22465e65bf6$/);
        expect(cosmos?.inputs.principalType).toBe("ServicePrincipal");
        expect(ws.dependencies).toContain(cosmos?.urn);
        // The workspace identity gets the same key access (it is the CMK identity), scoped to the key.
        const uai = workspaceIdentity();
        expect(onKey.filter((g) => g.propertyDependencies.principalId?.includes(uai.urn))).toHaveLength(1);
    });

    it("prod: the key, its role assignments, the identity and Application Insights are protected and retained", () => {
        const guarded = [
            oneOfType(prod.graph, "azure-native:keyvault:Key"),
            workspaceIdentity(),
            oneOfType(prod.graph, "azure-native:applicationinsights:Component"),
            ...allOfType(prod.graph, "azure-native:authorization:RoleAssignment").filter((g) => String(g.inputs.scope).includes("/keys/")),
        ];
        expect(guarded.length).toBeGreaterThanOrEqual(5);
        for (const r of guarded) expect({ name: r.name, protect: r.protect, retainOnDelete: r.retainOnDelete }).toEqual({ name: r.name, protect: true, retainOnDelete: true });
    });

    it("prod: no enablePurgeProtection false anywhere in the plan", () => {
        for (const r of prod.graph.resources) expect(JSON.stringify(r.inputs)).not.toMatch(/"enablePurgeProtection":false/);
        expect(at(oneOfType(prod.graph, "azure-native:keyvault:Vault").inputs, "properties.enablePurgeProtection")).toBe(true);
    });

    it("dev: no CMK, internet-outbound managed network without a firewall, public as configured", () => {
        const ws = oneOfType(dev.graph, "azure-native:machinelearningservices:Workspace").inputs;
        expect(ws.encryption).toBeUndefined();
        expect(allOfType(dev.graph, "azure-native:keyvault:Key")).toHaveLength(0);
        expect(ws.publicNetworkAccess).toBe("Enabled");
        expect(at(ws, "managedNetwork.isolationMode")).toBe("AllowInternetOutbound");
        expect(at(ws, "managedNetwork.firewallSku")).toBeUndefined();
        expect(ws.hbiWorkspace).toBe(false);
    });

    it("the workspace waits for its identity's role assignments (Azure checks access at creation), except Contributor on itself, which follows it", () => {
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace");
        // The workspace identity's grants: people's and CI's access (AccessGrants) is tested with the teams, the AKS control plane's with the cluster.
        const grants = allOfType(prod.graph, "azure-native:authorization:RoleAssignment").filter((g) => !g.urn.includes("aml-workspace:index:AccessGrants") && !g.urn.includes("aml-workspace:index:AksCluster"));
        const onWorkspace = grants.filter((g) => String(g.inputs.scope).includes("/providers/Microsoft.MachineLearningServices/workspaces/"));
        expect(onWorkspace.map((g) => String(g.inputs.roleDefinitionId).split("/").pop())).toEqual(["b24988ac-6180-42a0-ab88-20f7382dd24c"]);
        expect(onWorkspace[0].propertyDependencies.scope).toEqual([ws.urn]);
        const before = grants.filter((g) => !onWorkspace.includes(g) && !g.name.includes("studio"));
        expect(before.length).toBeGreaterThan(0);
        for (const g of before) expect(ws.dependencies).toContain(g.urn);
    });
});

describe("identity access", () => {
    it("grants exactly the documented roles, at resource scope, to a ServicePrincipal, with GUID names", () => {
        // The workspace identity's grants: people's and CI's access (AccessGrants) is tested with the teams, the AKS control plane's with the cluster.
        const grants = allOfType(prod.graph, "azure-native:authorization:RoleAssignment").filter((g) => !g.urn.includes("aml-workspace:index:AccessGrants") && !g.urn.includes("aml-workspace:index:AksCluster"));
        const scopeKind = (scope: string): string => (scope.includes("/providers/") ? `${scope.split("/providers/")[1].split("/")[0]}${scope.includes("/keys/") ? "/key" : ""}${scope.includes("/privateEndpoints/") ? "/privateEndpoint" : ""}` : "resourceGroup");
        const roles = grants.map((g) => `${scopeKind(String(g.inputs.scope))}:${String(g.inputs.roleDefinitionId).split("/").pop()}`).sort();
        expect(roles).toEqual(
            [
                "Microsoft.Storage:b24988ac-6180-42a0-ab88-20f7382dd24c",
                "Microsoft.Storage:ba92f5b4-2d11-453d-a403-e96b0029c9fe",
                "Microsoft.Storage:69566ab7-960f-475b-8e7c-b3118f30c6bd",
                "Microsoft.KeyVault:b24988ac-6180-42a0-ab88-20f7382dd24c",
                "Microsoft.KeyVault:00482a5a-887f-4fb3-b363-3b7fe8e74483",
                "Microsoft.ContainerRegistry:b24988ac-6180-42a0-ab88-20f7382dd24c",
                "Microsoft.ContainerRegistry:8311e382-0749-4cb8-b61a-304f252e45ec",
                "Microsoft.Insights:b24988ac-6180-42a0-ab88-20f7382dd24c",
                "Microsoft.Insights:3913510d-42f4-4e42-8a64-420c390055eb",
                // Contributor on the workspace itself.
                "Microsoft.MachineLearningServices:b24988ac-6180-42a0-ab88-20f7382dd24c",
                // Azure AI Enterprise Network Connection Approver for the managed network's endpoints.
                "resourceGroup:b556d68e-0be0-4f35-a333-ad7ee1ce17ea",
                // Key Vault Crypto Service Encryption User on the key: the identity and Cosmos DB.
                "Microsoft.KeyVault/key:e147488a-f6f5-4113-8e2d-b22465e65bf6",
                "Microsoft.KeyVault/key:e147488a-f6f5-4113-8e2d-b22465e65bf6",
                // Reader on the storage account's blob and file private endpoints (studio, storage private).
                "Microsoft.Network/privateEndpoint:acdd72a7-3385-48ef-bd42-f606fba81ae7",
                "Microsoft.Network/privateEndpoint:acdd72a7-3385-48ef-bd42-f606fba81ae7",
            ].sort(),
        );
        const principal = workspaceIdentity();
        for (const g of grants) {
            expect(g.inputs.principalType).toBe("ServicePrincipal");
            expect(g.inputs.roleAssignmentName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            if (g.inputs.principalId !== "00000000-0000-0000-0000-00000000c05d") expect(g.propertyDependencies.principalId).toEqual([principal.urn]);
            expect(g.inputs.roleDefinitionId).toMatch(/^\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{12}\/providers\/Microsoft\.Authorization\/roleDefinitions\//);
        }
    });
});

describe("diagnostics", () => {
    it.each([
        ["workspace", "azure-native:machinelearningservices:Workspace"],
        ["storage account", "azure-native:storage:StorageAccount"],
        ["blob service", "azure-native:storage:BlobServiceProperties"],
        ["file service", "azure-native:storage:FileServiceProperties"],
        ["key vault", "azure-native:keyvault:Vault"],
        ["registry", "azure-native:containerregistry:Registry"],
    ])("prod: the %s sends its logs/metrics to the stack's Log Analytics", (_label, type) => {
        const target = oneOfType(prod.graph, type);
        const logs = oneOfType(prod.graph, "azure-native:operationalinsights:Workspace");
        const settings = allOfType(prod.graph, "azure-native:monitor:DiagnosticSetting").filter((d) => d.propertyDependencies.resourceUri?.includes(target.urn));
        expect(settings).toHaveLength(1);
        expect(settings[0].propertyDependencies.workspaceId).toEqual([logs.urn]);
        expect(settings[0].inputs.name).toBe("to-log-analytics");
    });

    it("the key vault's setting carries the audit logs (allLogs category group)", () => {
        const vault = oneOfType(prod.graph, "azure-native:keyvault:Vault");
        const setting = allOfType(prod.graph, "azure-native:monitor:DiagnosticSetting").find((d) => d.propertyDependencies.resourceUri?.includes(vault.urn));
        expect(setting?.inputs.logs).toEqual([{ categoryGroup: "allLogs", enabled: true }]);
    });
});

describe("protection", () => {
    it.each(STATEFUL)("prod protects and retains %s", (type) => {
        const r = oneOfType(prod.graph, type);
        expect(r.protect).toBe(true);
        expect(r.retainOnDelete).toBe(true);
    });

    it("dev protects only what a replacement would break: the key vault and the workspace, whose names stay reserved after deletion", () => {
        expect(dev.graph.resources.filter((r) => r.protect).map((r) => r.type).sort()).toEqual([
            "azure-native:keyvault:Vault",
            "azure-native:machinelearningservices:Workspace",
        ]);
    });

    it("prod locks the Log Analytics workspace, after everything it protects; not the group (it holds compute, role assignments, diagnostics); dev has no lock", () => {
        const lock = oneOfType(prod.graph, "azure-native:authorization:ManagementLockByScope");
        const logs = oneOfType(prod.graph, "azure-native:operationalinsights:Workspace");
        const ws = oneOfType(prod.graph, "azure-native:machinelearningservices:Workspace");
        expect(lock.inputs.level).toBe("CanNotDelete");
        expect(lock.propertyDependencies.scope).toEqual([logs.urn]);
        expect(lock.dependencies).toEqual(expect.arrayContaining([logs.urn, ws.urn]));
        expect(allOfType(dev.graph, "azure-native:authorization:ManagementLockByScope")).toHaveLength(0);
    });
});

describe("tags and outputs", () => {
    it("every taggable Azure resource carries owner, costCenter and environment", () => {
        const taggable = prod.graph.resources.filter((r) => r.custom && "tags" in r.inputs);
        expect(taggable.length).toBeGreaterThanOrEqual(8);
        for (const r of taggable) expect(r.inputs.tags).toMatchObject({ owner: "ml-platform", costCenter: "CC-1001", environment: "prod" });
    });

    it("exports the IDs, names, discovery URL and registry login server", () => {
        expect(prod.outputs).toMatchObject({
            resourceGroupName: "rg-aml-prod",
            workspaceName: "mlw-aml-prod",
            discoveryUrl: "https://westeurope.api.azureml.ms/discovery",
        });
        expect(prod.outputs.registryLoginServer).toMatch(/^cramlprod[a-z0-9]{6}\.azurecr\.io$/);
        expect(prod.outputs.keyVaultUri).toMatch(/^https:\/\/kv-aml-prod-[a-z0-9]{6}\.vault\.azure\.net\/$/);
        expect(dev.outputs.registryLoginServer).toMatch(/^cramldev[a-z0-9]{6}\.azurecr\.io$/);
    });
});
