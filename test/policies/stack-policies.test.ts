/**
 * Stack policies: each is shown passing on a compliant graph and reporting
 * each violation against the offending URN, with relations found through the
 * dependency graph (propertyDependencies, parent) and through ARM IDs.
 */
import { CLOUDS } from "../../components/clouds";
import { PRIVATE_LINK_ZONES } from "../../components/network/private-link-zones";
import type { CapturedResource } from "../../offline/graph";
import { allPolicies } from "../../policies/all";
import { details, outcomesSeen, res, run, violations } from "./helpers";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers";
const T = {
    ws: "azure-native:machinelearningservices:Workspace",
    compute: "azure-native:machinelearningservices:Compute",
    sa: "azure-native:storage:StorageAccount",
    blob: "azure-native:storage:BlobServiceProperties",
    kv: "azure-native:keyvault:Vault",
    acr: "azure-native:containerregistry:Registry",
    mlr: "azure-native:machinelearningservices:Registry",
    token: "azure-native:containerregistry:Token",
    scope: "azure-native:containerregistry:ScopeMap",
    la: "azure-native:operationalinsights:Workspace",
    aks: "azure-native:containerservice:ManagedCluster",
    pool: "azure-native:containerservice:AgentPool",
    iot: "azure-native:iothub:IotHubResource",
    diag: "azure-native:monitor:DiagnosticSetting",
    pe: "azure-native:network:PrivateEndpoint",
    dnsGroup: "azure-native:network:PrivateDnsZoneGroup",
    zone: "azure-native:network:PrivateZone",
    lockRg: "azure-native:authorization:ManagementLockAtResourceGroupLevel",
    lockScope: "azure-native:authorization:ManagementLockByScope",
    deploy: "kubernetes:apps/v1:Deployment",
    netpol: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    pdb: "kubernetes:policy/v1:PodDisruptionBudget",
};

/** A resource whose outputs carry an ARM ID. */
function arm(type: string, name: string, armType: string, inputs: Record<string, unknown> = {}, extra: Partial<CapturedResource> = {}): CapturedResource {
    return res(type, name, inputs, { outputs: { ...inputs, id: `${SUB}/${armType}/${name}`, name }, ...extra });
}
const idOf = (r: CapturedResource) => r.outputs!.id as string;
/** propertyDependencies linking `prop` to `targets`. */
const via = (prop: string, ...targets: CapturedResource[]) => ({ propertyDependencies: { [prop]: targets.map((t) => t.urn) }, dependencies: targets.map((t) => t.urn) });

const urnOf = (type: string, name: string) => `urn:pulumi:test::aml::${type}::${name}`;

describe("ml-workspace-resource-logs and iothub-diagnostic-settings", () => {
    const ws = arm(T.ws, "ws", "Microsoft.MachineLearningServices/workspaces");
    const hub = arm(T.iot, "hub", "Microsoft.Devices/IotHubs");
    it("pass with settings linked by graph or by resourceUri", () => {
        const byGraph = res(T.diag, "d1", { resourceUri: "x" }, via("resourceUri", ws));
        const byId = res(T.diag, "d2", { resourceUri: idOf(hub).toUpperCase() });
        expect(violations("ml-workspace-resource-logs", [ws, byGraph])).toEqual([]);
        expect(violations("iothub-diagnostic-settings", [hub, byId])).toEqual([]);
    });
    it("pass with a setting found only by its output ID (checkpoint outputs have no resourceUri)", () => {
        const d = res(T.diag, "d", {}, { outputs: { id: `${idOf(ws)}/providers/microsoft.insights/diagnosticSettings/d` } });
        expect(violations("ml-workspace-resource-logs", [ws, d])).toEqual([]);
    });
    it("report a missing setting against the resource", () => {
        const v = violations("ml-workspace-resource-logs", [ws, res(T.diag, "other", { resourceUri: idOf(hub) })]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([[ws.urn, "no monitor:DiagnosticSetting has resourceUri = workspace ws; add one with category group allLogs"]]);
        expect(details("iothub-diagnostic-settings", [hub])).toEqual(["IoT hub hub has no monitor:DiagnosticSetting; add one with category group allLogs"]);
    });
});

/** A private endpoint to `target` with a DNS zone group linking `zones`. */
function endpoint(name: string, target: CapturedResource, groupId: string, zones: string[]): CapturedResource[] {
    const pe = arm(T.pe, name, "Microsoft.Network/privateEndpoints", {
        privateLinkServiceConnections: [{ privateLinkServiceId: idOf(target), groupIds: [groupId] }],
    });
    const zoneResources = zones.map((z) => res(T.zone, z, { privateZoneName: z }));
    const group = res(T.dnsGroup, `${name}-dns`, { privateEndpointName: name, privateDnsZoneConfigs: zones.map((z) => ({ name: z })) }, {
        ...via("privateDnsZoneConfigs", ...zoneResources),
        parent: pe.urn,
    });
    return [pe, ...zoneResources, group];
}

describe("ml-workspace-private-endpoint", () => {
    const ws = arm(T.ws, "ws", "Microsoft.MachineLearningServices/workspaces", { publicNetworkAccess: "Disabled" });
    it("passes with an amlworkspace endpoint linked to both AML zones", () => {
        expect(violations("ml-workspace-private-endpoint", [ws, ...endpoint("pe", ws, "amlworkspace", ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"])])).toEqual([]);
    });
    it("reports a missing endpoint", () => {
        expect(details("ml-workspace-private-endpoint", [ws])).toEqual(["workspace ws has publicNetworkAccess Disabled but no private endpoint with groupIds [amlworkspace]"]);
    });
    it("reports a missing notebooks zone", () => {
        expect(details("ml-workspace-private-endpoint", [ws, ...endpoint("pe", ws, "amlworkspace", ["privatelink.api.azureml.ms"])])).toEqual([
            "the private endpoint of workspace ws is not linked to DNS zone(s) privatelink.notebooks.azure.net; add them to its PrivateDnsZoneGroup",
        ]);
    });
    it("takes each cloud's zones from the shared table: a US Government or China workspace needs its own cloud's zones", () => {
        for (const [location, cloud] of [["usgovvirginia", "AzureUSGovernment"], ["chinanorth3", "AzureChinaCloud"], ["westeurope", "AzureCloud"]] as const) {
            const local = arm(T.ws, "ws", "Microsoft.MachineLearningServices/workspaces", { publicNetworkAccess: "Disabled", location });
            const own = PRIVATE_LINK_ZONES.amlworkspace[cloud];
            expect({ location, v: details("ml-workspace-private-endpoint", [local, ...endpoint("pe", local, "amlworkspace", [...own])]) }).toEqual({ location, v: [] });
            const other = cloud === "AzureCloud" ? PRIVATE_LINK_ZONES.amlworkspace.AzureChinaCloud : PRIVATE_LINK_ZONES.amlworkspace.AzureCloud;
            expect(details("ml-workspace-private-endpoint", [local, ...endpoint("pe", local, "amlworkspace", [...other])])).toEqual([
                `the private endpoint of workspace ws is not linked to DNS zone(s) ${own.join(", ")}; add them to its PrivateDnsZoneGroup`,
            ]);
        }
    });
    it("does not apply to a public workspace", () => {
        expect(violations("ml-workspace-private-endpoint", [arm(T.ws, "pub", "x", { publicNetworkAccess: "Enabled" })])).toEqual([]);
    });
});

describe("private-endpoint-when-private", () => {
    const kv = arm(T.kv, "kv", "Microsoft.KeyVault/vaults", { properties: { publicNetworkAccess: "Disabled" } });
    it("passes with an endpoint and DNS zone group", () => {
        expect(violations("private-endpoint-when-private", [kv, ...endpoint("pe", kv, "vault", ["privatelink.vaultcore.azure.net"])])).toEqual([]);
    });
    it("reports a zone group without the service's zone for the resource's cloud (shared table)", () => {
        expect(details("private-endpoint-when-private", [kv, ...endpoint("pe", kv, "vault", ["privatelink.blob.core.windows.net"])])).toEqual([
            "the vault private endpoint pe of kv is not linked to DNS zone(s) privatelink.vaultcore.azure.net; add them to its PrivateDnsZoneGroup",
        ]);
        const gov = arm(T.kv, "kv", "Microsoft.KeyVault/vaults", { location: "usgovvirginia", properties: { publicNetworkAccess: "Disabled" } });
        expect(details("private-endpoint-when-private", [gov, ...endpoint("pe", gov, "vault", [...PRIVATE_LINK_ZONES.vault.AzureUSGovernment])])).toEqual([]);
        expect(details("private-endpoint-when-private", [gov, ...endpoint("pe", gov, "vault", ["privatelink.vaultcore.azure.net"])])).toEqual([
            "the vault private endpoint pe of kv is not linked to DNS zone(s) privatelink.vaultcore.usgovcloudapi.net; add them to its PrivateDnsZoneGroup",
        ]);
        const sa = arm(T.sa, "sa", "Microsoft.Storage/storageAccounts", { location: "chinanorth3", publicNetworkAccess: "Disabled" });
        expect(details("private-endpoint-when-private", [sa, ...endpoint("pe-blob", sa, "blob", [...PRIVATE_LINK_ZONES.blob.AzureChinaCloud]), ...endpoint("pe-file", sa, "file", [...PRIVATE_LINK_ZONES.file.AzureChinaCloud])])).toEqual([]);
    });
    it("reports an endpoint without DNS, naming the resource", () => {
        const [pe] = endpoint("pe", kv, "vault", []);
        const v = violations("private-endpoint-when-private", [kv, pe]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([[kv.urn, "kv has properties.publicNetworkAccess Disabled but no private endpoint with a DNS zone group; add both"]]);
    });
});

describe("ml-compute-in-vnet", () => {
    const ws = arm(T.ws, "ws", "w", { managedNetwork: { isolationMode: "Disabled" } });
    const ci = (props: Record<string, unknown>) => res(T.compute, "ci", { workspaceName: "ws", properties: { computeType: "ComputeInstance", properties: props } }, via("workspaceName", ws));
    it("passes with a subnet", () => {
        expect(violations("ml-compute-in-vnet", [ws, ci({ subnet: { id: "/s" } })])).toEqual([]);
    });
    it("passes without a subnet when the workspace has a managed network", () => {
        const managed = arm(T.ws, "ws", "w", { managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" } });
        expect(violations("ml-compute-in-vnet", [managed, ci({})])).toEqual([]);
    });
    it("reports no subnet and no managed network: advisory, mandatory in production", () => {
        const msg = "properties.properties.subnet.id is not set and the workspace has no managed network; set it to a subnet ID";
        expect(violations("ml-compute-in-vnet", [ws, ci({})]).map((v) => [v.enforcementLevel, v.message.split("\n")[1]])).toEqual([["advisory", msg]]);
        expect(violations("ml-compute-in-vnet", [ws, ci({})], { "ml-compute-in-vnet": { production: true } })[0].enforcementLevel).toBe("mandatory");
    });
});

describe("storage-blob-soft-delete", () => {
    const sa = arm(T.sa, "sa", "Microsoft.Storage/storageAccounts");
    const blob = (inputs: Record<string, unknown>) => res(T.blob, "sa-blob", { accountName: "sa", ...inputs }, via("accountName", sa));
    const good = { deleteRetentionPolicy: { enabled: true, days: 7 }, containerDeleteRetentionPolicy: { enabled: true, days: 7 } };
    it("passes with both policies enabled", () => {
        expect(violations("storage-blob-soft-delete", [sa, blob(good)])).toEqual([]);
    });
    it("reports a missing BlobServiceProperties against the account", () => {
        const v = violations("storage-blob-soft-delete", [sa]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([[sa.urn, "storage account sa has no storage:BlobServiceProperties; add one with deleteRetentionPolicy and containerDeleteRetentionPolicy enabled"]]);
    });
    it("reports a disabled container policy against the blob service", () => {
        const b = blob({ ...good, containerDeleteRetentionPolicy: { enabled: false } });
        expect(violations("storage-blob-soft-delete", [sa, b]).map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([[b.urn, "containerDeleteRetentionPolicy.enabled is false; set it to true"]]);
    });
    it("minRetentionDays raises the minimum", () => {
        expect(details("storage-blob-soft-delete", [sa, blob(good)], { "storage-blob-soft-delete": { minRetentionDays: 14 } })).toEqual([
            "deleteRetentionPolicy.days is 7; set it to at least 14",
            "containerDeleteRetentionPolicy.days is 7; set it to at least 14",
        ]);
    });
});

describe("keyvault-audit-logs", () => {
    const kv = arm(T.kv, "kv", "Microsoft.KeyVault/vaults");
    const diag = (logs: unknown[]) => res(T.diag, "d", { resourceUri: idOf(kv), logs });
    it("passes with the audit category group or AuditEvent", () => {
        expect(violations("keyvault-audit-logs", [kv, diag([{ categoryGroup: "audit", enabled: true }])])).toEqual([]);
        expect(violations("keyvault-audit-logs", [kv, diag([{ category: "AuditEvent", enabled: true }])])).toEqual([]);
    });
    it("reports a setting without audit logs, and a missing setting", () => {
        expect(details("keyvault-audit-logs", [kv, diag([{ category: "AzurePolicyEvaluationDetails", enabled: true }])])).toEqual([
            "the diagnostic settings of key vault kv do not enable AuditEvent, audit or allLogs; add logs [{ categoryGroup: audit, enabled: true }]",
        ]);
        expect(details("keyvault-audit-logs", [kv])).toEqual(["key vault kv has no monitor:DiagnosticSetting; add one with categoryGroup audit"]);
    });
});

describe("acr-premium-when-private and acr-token-scope-read-only", () => {
    it("Premium is needed once the registry is private", () => {
        expect(violations("acr-premium-when-private", [arm(T.acr, "acr", "r", { sku: { name: "Premium" }, publicNetworkAccess: "Disabled" })])).toEqual([]);
        expect(violations("acr-premium-when-private", [arm(T.acr, "acr", "r", { sku: { name: "Basic" } })])).toEqual([]);
        const basic = arm(T.acr, "acr", "r", { sku: { name: "Standard" } });
        expect(details("acr-premium-when-private", [basic, ...endpoint("pe", basic, "registry", ["privatelink.azurecr.io"])])).toEqual([
            "sku.name is Standard but registry acr is private; set it to Premium",
        ]);
    });
    it("tokens must use read-only scope maps", () => {
        const map = (actions: string[]) => arm(T.scope, "map", "r/scopeMaps", { actions });
        const tokenFor = (m: CapturedResource) => res(T.token, "tok", { scopeMapId: idOf(m) }, via("scopeMapId", m));
        const ro = map(["repositories/models/content/read"]);
        expect(violations("acr-token-scope-read-only", [ro, tokenFor(ro)])).toEqual([]);
        const rw = map(["repositories/models/content/read", "repositories/models/content/write"]);
        const tok = tokenFor(rw);
        expect(violations("acr-token-scope-read-only", [rw, tok]).map((v) => [v.urn, v.message.split("\n")[1]])).toEqual([
            [tok.urn, "scope map map of token tok allows repositories/models/content/write; keep only repositories/<repo>/content/read"],
        ]);
        // An edge pull needs only content/read: listing tags and manifests (metadata/read) is more than that.
        const meta = map(["repositories/scorer/content/read", "repositories/scorer/metadata/read"]);
        expect(violations("acr-token-scope-read-only", [meta, tokenFor(meta)]).map((v) => v.message.split("\n")[1])).toEqual([
            "scope map map of token tok allows repositories/scorer/metadata/read; keep only repositories/<repo>/content/read",
        ]);
        expect(details("acr-token-scope-read-only", [res(T.token, "t", { scopeMapId: `${SUB}/x/scopeMaps/_repositories_push` })])).toEqual([
            "token t uses scope map _repositories_push, which allows more than content/read; use a read-only scope map",
        ]);
    });
});

describe("aks-local-accounts-disabled", () => {
    const cluster = (name: string, disableLocalAccounts: boolean | undefined) => arm(T.aks, name, "Microsoft.ContainerService/managedClusters", { resourceName: name, resourceGroupName: "rg", disableLocalAccounts });
    const extension = (name: string, inputs: Record<string, unknown>, extra: Partial<CapturedResource> = {}) =>
        res("azure-native:kubernetesconfiguration:Extension", name, { extensionType: "Microsoft.AzureML.Kubernetes", clusterRp: "Microsoft.ContainerService", clusterResourceName: "managedClusters", resourceGroupName: "rg", ...inputs }, extra);
    it("passes clusters with local accounts off", () => {
        expect(violations("aks-local-accounts-disabled", [cluster("aks", true)])).toEqual([]);
    });
    it("reports local accounts kept without the AzureML extension as mandatory", () => {
        const other = res("azure-native:kubernetesconfiguration:Extension", "flux", { extensionType: "microsoft.flux", clusterName: "aks", clusterResourceName: "managedClusters", resourceGroupName: "rg" });
        const v = violations("aks-local-accounts-disabled", [cluster("aks", false), other]);
        expect(v.map((x) => [x.urn, x.enforcementLevel, x.message.split("\n")[1]])).toEqual([[cluster("aks", false).urn, "mandatory", "disableLocalAccounts is false; set it to true"]]);
        expect(violations("aks-local-accounts-disabled", [cluster("aks", undefined)]).map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    });
    it("reports a cluster the AzureML extension targets as advisory, naming the Azure ML limitation (by graph or by name)", () => {
        const byGraph = cluster("created", false);
        const byName = cluster("adopted", false);
        const alone = cluster("alone", false);
        const extGraph = extension("ext-created", { clusterName: "x" }, via("clusterName", byGraph));
        const extName = extension("ext-adopted", { clusterName: "ADOPTED" });
        const v = violations("aks-local-accounts-disabled", [byGraph, byName, alone, extGraph, extName]);
        expect(v.map((x) => [x.urn, x.enforcementLevel])).toEqual([[byGraph.urn, "advisory"], [byName.urn, "advisory"], [alone.urn, "mandatory"]]);
        expect(v[0].message.split("\n")[1]).toBe(
            "disableLocalAccounts is false; set it to true (kept: the AzureML extension ext-created targets this cluster and Azure Machine Learning doesn't support disabling local accounts for AKS (\"Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster\", Limitations))",
        );
    });
    it("an extension on another resource group's cluster of the same name does not excuse it", () => {
        const ext = extension("ext", { clusterName: "aks", resourceGroupName: "other" });
        expect(violations("aks-local-accounts-disabled", [cluster("aks", false), ext]).map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    });
});

describe("aks-fpga-supported-region", () => {
    const cluster = (location: string, pools: unknown[] = []) => arm(T.aks, "aks", "c", { location, agentPoolProfiles: pools });
    it("passes FPGA pools in supported regions and non-FPGA pools anywhere", () => {
        const c = cluster("West Europe");
        expect(violations("aks-fpga-supported-region", [c, res(T.pool, "fpga", { resourceName: "aks", vmSize: "Standard_PB6s" }, via("resourceName", c))])).toEqual([]);
        expect(violations("aks-fpga-supported-region", [cluster("brazilsouth", [{ vmSize: "Standard_D4s_v5" }])])).toEqual([]);
    });
    it("reports an FPGA agent pool whose cluster is elsewhere, and inline FPGA profiles", () => {
        const c = cluster("brazilsouth", [{ vmSize: "Standard_NP10s" }]);
        const pool = res(T.pool, "fpga", { resourceName: "aks", vmSize: "Standard_PB6s" }, via("resourceName", c));
        const v = violations("aks-fpga-supported-region", [c, pool]);
        expect(v.map((x) => x.urn)).toEqual([c.urn, pool.urn]);
        expect(v[1].message.split("\n")[1]).toBe("vmSize Standard_PB6s is an FPGA size but the cluster location is brazilsouth; use one of eastus, westus2, westeurope, southeastasia");
    });
    it("fpgaRegions is tunable", () => {
        expect(violations("aks-fpga-supported-region", [cluster("brazilsouth", [{ vmSize: "Standard_NP10s" }])], { "aks-fpga-supported-region": { fpgaRegions: ["brazilsouth"] } })).toEqual([]);
    });
});

describe("k8s-namespace-default-deny and k8s-pdb-for-replicated", () => {
    const deploy = (replicas: number, ns = "inference") =>
        res(T.deploy, "scorer", { metadata: { namespace: ns }, spec: { replicas, template: { metadata: { labels: { app: "s" } } } } });
    const denyAll = res(T.netpol, "deny", { metadata: { namespace: "inference" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } });
    it("passes with a default-deny policy in the namespace", () => {
        expect(violations("k8s-namespace-default-deny", [deploy(1), denyAll])).toEqual([]);
    });
    it("reports a namespace whose only policy allows traffic", () => {
        const allow = res(T.netpol, "allow", { metadata: { namespace: "inference" }, spec: { podSelector: {}, ingress: [{}] } });
        expect(details("k8s-namespace-default-deny", [deploy(1), allow, denyAll].filter((r) => r !== denyAll))).toEqual([
            "namespace inference of scorer has no default-deny NetworkPolicy; add one with podSelector {} and policyTypes [Ingress]",
        ]);
        expect(details("k8s-namespace-default-deny", [deploy(1, "other"), denyAll])).toEqual([
            "namespace other of scorer has no default-deny NetworkPolicy; add one with podSelector {} and policyTypes [Ingress]",
        ]);
    });
    it("reports on the Namespace resource too when the stack declares it (once per namespace)", () => {
        const ns = res("kubernetes:core/v1:Namespace", "inference-ns", { metadata: { name: "inference" } });
        const second = res(T.deploy, "scorer-2", { metadata: { namespace: "inference" }, spec: { replicas: 1 } });
        const v = violations("k8s-namespace-default-deny", [ns, deploy(1), second]);
        expect(v.map((x) => x.urn).sort()).toEqual([ns.urn, urnOf(T.deploy, "scorer"), urnOf(T.deploy, "scorer-2")].sort());
    });
    it("PDB needed only above one replica, and must select the pods", () => {
        const pdb = (labels: Record<string, string>) => res(T.pdb, "pdb", { metadata: { namespace: "inference" }, spec: { selector: { matchLabels: labels } } });
        expect(violations("k8s-pdb-for-replicated", [deploy(1)])).toEqual([]);
        expect(violations("k8s-pdb-for-replicated", [deploy(3), pdb({ app: "s" })])).toEqual([]);
        expect(details("k8s-pdb-for-replicated", [deploy(3), pdb({ app: "other" })])).toEqual(["scorer has spec.replicas 3 but no PodDisruptionBudget selects its pods; add one"]);
    });
    it("an autoscaled Deployment (no spec.replicas) counts its autoscaler's minReplicas", () => {
        const scaled = res(T.deploy, "scorer", { metadata: { name: "scorer", namespace: "inference" }, spec: { template: { metadata: { labels: { app: "s" } } } } });
        const hpa = (min: number, name = "scorer") => res("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "hpa", { metadata: { namespace: "inference" }, spec: { minReplicas: min, maxReplicas: 4, scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name } } });
        expect(details("k8s-pdb-for-replicated", [scaled, hpa(2)])).toEqual(["scorer has autoscaler minReplicas 2 but no PodDisruptionBudget selects its pods; add one"]);
        expect(violations("k8s-pdb-for-replicated", [scaled, hpa(1)])).toEqual([]);
        expect(violations("k8s-pdb-for-replicated", [scaled, hpa(3, "other")])).toEqual([]);
    });
});

describe("required-tags", () => {
    const tagged = { tags: { environment: "dev", owner: "ml", costCenter: "1" } };
    it("passes tagged resources and ignores untaggable ones", () => {
        expect(violations("required-tags", [res(T.sa, "sa", tagged), res(T.blob, "b", {})])).toEqual([]);
    });
    it("reports missing or empty tags, case-insensitively", () => {
        const v = violations("required-tags", [res(T.kv, "kv", { tags: { Environment: "dev", owner: "" } })]);
        expect(v.map((x) => [x.urn, x.message.split("\n")[1]])).toEqual([[urnOf(T.kv, "kv"), "tags is missing owner, costCenter; add them"]]);
    });
    it("requiredTags is tunable", () => {
        expect(details("required-tags", [res(T.sa, "sa", tagged)], { "required-tags": { requiredTags: ["dataClassification"] } })).toEqual([
            "tags is missing dataClassification; add them",
        ]);
    });
});

describe("allowed-locations", () => {
    it("passes allowed and global locations in any spelling", () => {
        expect(violations("allowed-locations", [res(T.sa, "sa", { location: "West Europe" }), res(T.zone, "z", { location: "global" })])).toEqual([]);
    });
    it("by default accepts every Azure ML region of the stack's cloud (components/clouds.ts), whichever cloud", () => {
        for (const [cloud, profile] of Object.entries(CLOUDS)) {
            const stack = profile.mlRegions.map((region, i) => res(T.sa, `sa${i}`, { location: region }));
            expect({ cloud, v: violations("allowed-locations", stack) }).toEqual({ cloud, v: [] });
        }
        expect(violations("allowed-locations", [res(T.ws, "ws", { location: "US Gov Virginia" }), res(T.kv, "kv", { location: "usgovvirginia" })])).toEqual([]);
    });
    it("by default reports a location no cloud offers Azure ML in", () => {
        expect(details("allowed-locations", [res(T.sa, "sa", { location: "westeurope" }), res(T.kv, "kv", { location: "moonbase1" })])).toEqual([
            "location is moonbase1; use a region where Azure ML is offered in the stack's cloud",
        ]);
        expect(details("allowed-locations", [res(T.kv, "kv", { location: "moonbase1" })])).toEqual([
            "location is moonbase1; use a region where Azure ML is offered (AzureCloud, AzureUSGovernment, AzureChinaCloud regions)",
        ]);
    });
    it("reports a region outside a configured allowedLocations, exemptions apply", () => {
        const r = [res(T.sa, "sa", { location: "brazilsouth" })];
        const only = { "allowed-locations": { allowedLocations: ["West Europe", "northeurope"] } };
        expect(violations("allowed-locations", r)).toEqual([]);
        expect(violations("allowed-locations", r, only).map((v) => [v.urn, v.message.split("\n")[1]])).toEqual([
            [urnOf(T.sa, "sa"), "location is brazilsouth; use one of West Europe, northeurope"],
        ]);
        expect(violations("allowed-locations", r, { "allowed-locations": { allowedLocations: ["Brazil South"] } })).toEqual([]);
        expect(violations("allowed-locations", r, { "allowed-locations": { ...only["allowed-locations"], exemptResourceNames: ["s?"] } })).toEqual([]);
    });
});

describe("stateful-resources-protected and resource-lock-present", () => {
    const ws = arm(T.ws, "ws", "w");
    it("protect is required (mandatory in production)", () => {
        expect(violations("stateful-resources-protected", [res(T.sa, "sa", {}, { protect: true })])).toEqual([]);
        const v = violations("stateful-resources-protected", [res(T.la, "la")], { "stateful-resources-protected": { production: true } });
        expect(v.map((x) => [x.enforcementLevel, x.message.split("\n")[1]])).toEqual([["mandatory", "la is not protected; set the protect resource option to true"]]);
    });
    it("a CanNotDelete lock satisfies the lock control; ReadOnly or none does not", () => {
        expect(violations("resource-lock-present", [ws, res(T.lockRg, "lock", { level: "CanNotDelete" })])).toEqual([]);
        const v = violations("resource-lock-present", [ws, res(T.lockRg, "lock", { level: "ReadOnly" })], { "resource-lock-present": { production: true } });
        expect(v.map((x) => [x.enforcementLevel, x.urn])).toEqual([["advisory", ws.urn]]);
    });
    it("a CanNotDelete lock on the stack's Log Analytics workspace (the toolkit's placement) satisfies it", () => {
        const la = arm(T.la, "la", "Microsoft.OperationalInsights/workspaces");
        expect(violations("resource-lock-present", [ws, la, res(T.lockScope, "lock", { level: "CanNotDelete", scope: idOf(la) })])).toEqual([]);
        expect(violations("resource-lock-present", [ws, la, res(T.lockScope, "lock", { level: "CanNotDelete", scope: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other" })])).toHaveLength(1);
    });
});

describe("diagnostic-settings-everywhere", () => {
    const la = arm(T.la, "la", "Microsoft.OperationalInsights/workspaces");
    const sa = arm(T.sa, "sa", "Microsoft.Storage/storageAccounts");
    it("passes when settings (storage: on its blob service) go to the stack's workspace", () => {
        const blob = arm(T.blob, "sa-blob", "Microsoft.Storage/storageAccounts/sa/blobServices", { accountName: "sa" }, via("accountName", sa));
        const d = res(T.diag, "d", { resourceUri: "x", workspaceId: idOf(la) }, via("resourceUri", blob));
        expect(violations("diagnostic-settings-everywhere", [la, sa, blob, d])).toEqual([]);
    });
    it("reports settings sent elsewhere, and missing settings", () => {
        const d = res(T.diag, "d", { resourceUri: idOf(sa), storageAccountId: "/x" });
        expect(details("diagnostic-settings-everywhere", [la, sa, d])).toEqual(["the diagnostic settings of sa do not send to the stack's Log Analytics workspace; set workspaceId"]);
        expect(run("diagnostic-settings-everywhere", [la, sa]).violations.map((v) => v.urn)).toEqual([sa.urn]);
    });
});

describe("ml-registry-private-endpoint", () => {
    const reg = arm(T.mlr, "models", "Microsoft.MachineLearningServices/registries", { publicNetworkAccess: "Disabled", location: "westeurope" });
    const zones = PRIVATE_LINK_ZONES.amlregistry;
    it("passes with an amlregistry endpoint in its cloud's API zone, and for a public registry", () => {
        expect(violations("ml-registry-private-endpoint", [reg, ...endpoint("pe", reg, "amlregistry", [...zones.AzureCloud])])).toEqual([]);
        expect(violations("ml-registry-private-endpoint", [arm(T.mlr, "pub", "Microsoft.MachineLearningServices/registries", { publicNetworkAccess: "Enabled" })])).toEqual([]);
    });
    it("reports a private registry without an endpoint, or with a workspace endpoint only", () => {
        expect(details("ml-registry-private-endpoint", [reg])).toEqual(["registry models has publicNetworkAccess Disabled but no private endpoint with groupIds [amlregistry]"]);
        expect(details("ml-registry-private-endpoint", [reg, ...endpoint("pe", reg, "amlworkspace", [...zones.AzureCloud])])).toEqual([
            "registry models has publicNetworkAccess Disabled but no private endpoint with groupIds [amlregistry]",
        ]);
    });
    it("reports an endpoint outside its cloud's zone, unless DNS is managed by policy", () => {
        const gov = arm(T.mlr, "gov", "Microsoft.MachineLearningServices/registries", { publicNetworkAccess: "Disabled", location: "usgovvirginia" });
        const pe = endpoint("pe", gov, "amlregistry", [...zones.AzureCloud]);
        expect(details("ml-registry-private-endpoint", [gov, ...pe])).toEqual([
            `the private endpoint of registry gov is not linked to DNS zone(s) ${zones.AzureUSGovernment.join(", ")}; add them to its PrivateDnsZoneGroup`,
        ]);
        expect(violations("ml-registry-private-endpoint", [gov, ...pe], { "ml-registry-private-endpoint": { dnsManagedByPolicy: true } })).toEqual([]);
    });
});

describe("team-quota (full cases in team-quota.test.ts)", () => {
    const ws = res(T.ws, "risk-ws", { workspaceName: "mlw-risk", tags: { team: "risk", "quota-max-nodes": "2" } });
    const cluster = (max: number) =>
        res(T.compute, "risk-cpu", { workspaceName: "mlw-risk", tags: { team: "risk" }, properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_DS3_v2", scaleSettings: { maxNodeCount: max } } } });
    it("passes within the team's quota tags and reports a team above them", () => {
        expect(violations("team-quota", [ws, cluster(2)])).toEqual([]);
        expect(violations("team-quota", [ws, cluster(3)]).map((v) => v.urn)).toEqual([ws.urn]);
    });
});

describe("endpoint-metric-alerts (full cases in serving-alerts.test.ts)", () => {
    const ep = arm("azure-native:machinelearningservices:OnlineEndpoint", "score", "Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints");
    const alert = (actions: unknown[]) => res("azure-native:monitor:MetricAlert", "score-errors", { enabled: true, scopes: [idOf(ep)], actions });
    it("passes an endpoint with a notifying alert and reports one without", () => {
        expect(violations("endpoint-metric-alerts", [ep, alert([{ actionGroupId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag" }])])).toEqual([]);
        expect(violations("endpoint-metric-alerts", [ep, alert([])]).map((v) => v.urn)).toEqual([ep.urn]);
    });
});

// Runs last (jest runs a file's tests in order): every stack policy of the pack must have been
// seen by the harness, in the tests above, both reporting a violation and passing.
describe("coverage, from the harness's own reports", () => {
    it("every stack policy was evaluated above with outcome violated and with outcome passed", () => {
        const seen = outcomesSeen();
        const missing = allPolicies
            .filter((p) => p.kind === "stack")
            .flatMap((p) => (["violated", "passed"] as const).filter((o) => !seen.get(p.name)?.has(o)).map((o) => `${p.name}: never ${o}`));
        expect(missing).toEqual([]);
    });
});
