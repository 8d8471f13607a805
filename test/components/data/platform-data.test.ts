/**
 * Data of the platform: one run of the real program for a private hub whose team has a lake, an
 * identity-based datastore on it and a data asset, then every assertion on the captured graph
 * (inputs, no credential anywhere, grants, the hub's outbound rules, the lake's private endpoints);
 * and the config checks, several problems in one run, each with its key path.
 */
import type { StackRun } from "../../../offline/run-stack";
import { problemLines } from "../../helpers/config";
import { allOfType, baseConfig, runPlatform } from "../../helpers/stack";
import { BUILTIN_ROLE_IDS } from "../../../components/access/builtin-roles";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { SIMULATED_SUBSCRIPTION_ID } from "../../../offline/azure-sim/simulator";
import { deterministicGuid } from "../../../components/hashing";

const P = "aml-workspace:platform";
const DS = "00000000-0000-0000-0000-00000000a001";
const OPS = "00000000-0000-0000-0000-00000000a003";
const EXISTING = "/subscriptions/00000000-0000-0000-0000-00000000beef/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stshareddata";
const riskData = {
    lakes: { lake: { filesystems: ["raw", "curated"] } },
    datastores: {
        risk_raw: { type: "adlsGen2", lake: "lake", container: "raw", description: "Raw risk data" },
        risk_curated: { type: "azureBlob", lake: "lake", container: "curated", access: "readWrite" },
        shared_ref: { type: "azureBlob", accountId: EXISTING, container: "reference" },
    },
    assets: { transactions: { type: "uri_folder", datastore: "risk_raw", description: "Card transactions", versions: { "1": { path: "transactions/2026/" } } } },
};
const privateHub = baseConfig({
    sharing: "hub",
    network: { publicNetworkAccess: "Disabled", privateEndpoints: true, virtualNetwork: { addressSpace: ["10.20.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.20.0.0/24" } } } },
    teams: {
        risk: {
            access: [
                { principalId: DS, principalType: "Group", label: "risk-ds", role: "AzureML Data Scientist" },
                { principalId: OPS, principalType: "Group", label: "ops", role: "AzureML Compute Operator" },
            ],
            compute: { clusters: { "risk-cpu": { vmSize: "Standard_DS3_v2", maxNodes: 2 } } },
            data: riskData,
        },
    },
});

let run: StackRun;
beforeAll(async () => {
    run = await runPlatform(privateHub);
}, 60_000);

const of = (type: string) => allOfType(run.graph, `azure-native:${type}`);
const lakeAccount = () => of("storage:StorageAccount").find((a) => a.inputs.isHnsEnabled === true);

describe("a team's lake, datastores and asset in a private hub", () => {
    it("creates the lake hardened like the default storage, with a hierarchical namespace and its filesystems", () => {
        const lake = lakeAccount();
        const storage = of("storage:StorageAccount").find((a) => a.inputs.isHnsEnabled === false);
        expect(lake?.inputs.accountName).toMatch(/^dlamltestrisklake[a-z0-9]+$/);
        const { accountName: _a, isHnsEnabled: _h, tags: _t, ...hardening } = lake?.inputs ?? {};
        const { accountName: _b, isHnsEnabled: _i, tags: _u, ...defaultHardening } = storage?.inputs ?? {};
        expect(hardening).toEqual(defaultHardening);
        expect(lake?.urn).toContain("aml-workspace:index:Team");
        expect(of("storage:BlobContainer").map((c) => [c.inputs.accountName, c.inputs.containerName, c.inputs.publicAccess])).toEqual([
            [lake?.inputs.accountName, "raw", "None"],
            [lake?.inputs.accountName, "curated", "None"],
        ]);
        const blob = of("storage:BlobServiceProperties").find((b) => String(b.urn).includes("lake"));
        expect(blob?.inputs).toMatchObject({ deleteRetentionPolicy: { enabled: true, days: 14 }, containerDeleteRetentionPolicy: { enabled: true, days: 14 } });
        expect(of("monitor:DiagnosticSetting").filter((d) => String(d.inputs.resourceUri).includes(String(lake?.inputs.accountName)))).toHaveLength(3);
    });

    it("creates each datastore in the team's project with identity-based access", () => {
        const project = of("machinelearningservices:Workspace").find((w) => w.inputs.kind === "Project");
        const stores: Record<string, Record<string, unknown>> = Object.fromEntries(of("machinelearningservices:Datastore").map((d) => [String(d.inputs.name), d.inputs as Record<string, unknown>]));
        expect(Object.keys(stores).sort()).toEqual(["risk_curated", "risk_raw", "shared_ref"]);
        for (const s of Object.values(stores)) {
            expect(s.workspaceName).toBe(project?.inputs.workspaceName);
            expect(s.properties).toMatchObject({ credentials: { credentialsType: "None" }, serviceDataAccessAuthIdentity: "WorkspaceSystemAssignedIdentity", protocol: "https" });
        }
        expect(stores.risk_raw.properties).toMatchObject({ datastoreType: "AzureDataLakeGen2", filesystem: "raw", accountName: lakeAccount()?.inputs.accountName, description: "Raw risk data" });
        expect(stores.risk_curated.properties).toMatchObject({ datastoreType: "AzureBlob", containerName: "curated" });
        expect(stores.shared_ref.properties).toMatchObject({ accountName: "stshareddata", subscriptionId: "00000000-0000-0000-0000-00000000beef", resourceGroup: "rg-data" });
    });

    it("creates the data asset's container and version on the datastore", () => {
        const [container] = of("machinelearningservices:DataContainer");
        const [version] = of("machinelearningservices:DataVersion");
        expect(container.inputs).toMatchObject({ name: "transactions", properties: { dataType: "uri_folder", description: "Card transactions" } });
        expect(version.inputs).toMatchObject({ name: "transactions", version: "1", properties: { dataType: "uri_folder", dataUri: "azureml://datastores/risk_raw/paths/transactions/2026/" } });
        const store = of("machinelearningservices:Datastore").find((d) => d.inputs.name === "risk_raw");
        expect(container.dependencies).toContain(store?.urn);
    });

    it("stores no credential, key or SAS in any input", () => {
        const text = JSON.stringify(run.graph.resources.filter((r) => r.type.startsWith("azure-native:machinelearningservices:Data")).map((r) => r.inputs));
        expect(text).not.toMatch(/accountKey|sasToken|clientSecret|certificate|"secrets"|AccountKey|"Sas"|ServicePrincipal"/);
        for (const d of of("machinelearningservices:Datastore")) expect(Object.keys((d.inputs.properties as { credentials: object }).credentials)).toEqual(["credentialsType"]);
    });

    it("grants the data-plane roles at each account: the project identity reads, data users get the datastore's access, others nothing", () => {
        const lakeId = String(lakeAccount()?.inputs.accountName);
        const project = of("machinelearningservices:Workspace").find((w) => w.inputs.kind === "Project");
        const onAccounts = of("authorization:RoleAssignment").filter((g) => /storageAccounts\/(dl|stshareddata)/.test(String(g.inputs.scope)));
        const rows = onAccounts.map((g) => [String(g.inputs.scope).split("/").pop(), g.inputs.principalId, g.inputs.principalType, String(g.inputs.roleDefinitionId).split("/").pop()]);
        const cluster = of("machinelearningservices:Compute").find((c) => c.inputs.computeName === "risk-cpu");
        expect(cluster?.inputs.identity).toEqual({ type: "SystemAssigned" });
        // Simulated Azure derives a system-assigned principal from the resource's ID (offline/azure-sim/computed.ts).
        const principalOf = (armId: string) => deterministicGuid("simulated-azure", "principal", armId.toLowerCase());
        const wsId = `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/${String(project?.inputs.resourceGroupName)}/providers/Microsoft.MachineLearningServices/workspaces/${String(project?.inputs.workspaceName)}`;
        const clusterPrincipal = principalOf(`${wsId}/computes/${String(cluster?.inputs.computeName)}`);
        const projectPrincipal = principalOf(wsId);
        expect(rows).toEqual(
            expect.arrayContaining([
                [lakeId, projectPrincipal, "ServicePrincipal", BUILTIN_ROLE_IDS["Storage Blob Data Reader"]],
                [lakeId, projectPrincipal, "ServicePrincipal", BUILTIN_ROLE_IDS.Reader],
                ["stshareddata", projectPrincipal, "ServicePrincipal", BUILTIN_ROLE_IDS["Storage Blob Data Reader"]],
                ["stshareddata", projectPrincipal, "ServicePrincipal", BUILTIN_ROLE_IDS.Reader],
                // One datastore on the lake is readWrite: the team's data scientists get the stronger role once.
                [lakeId, DS, "Group", BUILTIN_ROLE_IDS["Storage Blob Data Contributor"]],
                ["stshareddata", DS, "Group", BUILTIN_ROLE_IDS["Storage Blob Data Reader"]],
                // The project's cluster has its own system-assigned identity: its jobs (scheduled ones
                // have no submitting user) read and write as it.
                [lakeId, clusterPrincipal, "ServicePrincipal", BUILTIN_ROLE_IDS["Storage Blob Data Contributor"]],
                ["stshareddata", clusterPrincipal, "ServicePrincipal", BUILTIN_ROLE_IDS["Storage Blob Data Reader"]],
            ]),
        );
        expect(rows).toHaveLength(8);
        expect(rows.some((r) => r[1] === OPS)).toBe(false);
        // Deterministic names: a second run names every grant the same.
        expect(new Set(onAccounts.map((g) => g.inputs.roleAssignmentName)).size).toBe(8);
    });

    it("gives the hub's managed network a private endpoint rule per account and sub-resource its projects' datastores use", () => {
        const hub = of("machinelearningservices:Workspace").find((w) => w.inputs.kind === "Hub");
        const rules = (hub?.inputs.managedNetwork as { outboundRules: Record<string, { type: string; destination: { serviceResourceId: string; subresourceTarget: string } }> }).outboundRules;
        const data = Object.entries(rules).filter(([n]) => n.startsWith("risk-"));
        expect(data.map(([n, r]) => [n.replace(/st-[0-9a-f]{8}/, "st-x"), r.type, r.destination.serviceResourceId.split("/").pop(), r.destination.subresourceTarget])).toEqual([
            ["risk-lake-lake-blob", "PrivateEndpoint", lakeAccount()?.inputs.accountName, "blob"],
            ["risk-lake-lake-dfs", "PrivateEndpoint", lakeAccount()?.inputs.accountName, "dfs"],
            ["risk-st-x-blob", "PrivateEndpoint", "stshareddata", "blob"],
        ]);
    });

    it("reaches the lake through private endpoints (blob and dfs) in a private stack", () => {
        const endpoints = of("network:PrivateEndpoint").filter((e) => JSON.stringify(e.inputs.privateLinkServiceConnections).includes(String(lakeAccount()?.inputs.accountName)));
        expect(endpoints.map((e) => (e.inputs.privateLinkServiceConnections as { groupIds: string[] }[])[0].groupIds[0]).sort()).toEqual(["blob", "dfs"]);
        // The project identity reads each endpoint (studio preview of a private lake, "Data administration").
        const readers = of("authorization:RoleAssignment").filter((g) => /privateEndpoints\/[^/]*lake/.test(String(g.inputs.scope)));
        expect(readers.map((g) => [String(g.inputs.roleDefinitionId).split("/").pop(), g.inputs.principalType])).toEqual([
            [BUILTIN_ROLE_IDS.Reader, "ServicePrincipal"],
            [BUILTIN_ROLE_IDS.Reader, "ServicePrincipal"],
        ]);
        expect(new Set(readers.map((g) => g.inputs.principalId)).size).toBe(1);
        expect(readers.map((g) => String(g.inputs.scope)).sort()).toEqual(endpoints.map((e) => String(e.outputs?.id ?? `/subscriptions/${SIMULATED_SUBSCRIPTION_ID}/resourceGroups/${String(e.inputs.resourceGroupName)}/providers/Microsoft.Network/privateEndpoints/${String(e.inputs.privateEndpointName)}`)).sort());
    });
});

describe("the policy pack on the data", () => {
    it("finds on the lake exactly what it finds on the default storage (in production too), and nothing on the datastores or asset", () => {
        for (const config of [{}, { all: { production: true } }]) {
            const report = evaluatePolicies(run.graph, config as never);
            expect(report.errors).toEqual([]);
            const policiesOn = (pattern: RegExp) => report.violations.filter((v) => pattern.test(String(v.urn))).map((v) => v.policyName).sort();
            expect(policiesOn(/platform-team-risk-lake-lake-(account|blob|file)$/)).toEqual(policiesOn(/platform-ml-storage-(account|blob|file)$/));
            expect(policiesOn(/datastore|asset|-fs-/)).toEqual([]);
        }
    });
});

describe("data config checks", () => {
    it("reports every problem of the file at once, each with its key path", () => {
        const lines = problemLines(
            baseConfig({
                teams: {
                    risk: {
                        data: {
                            lakes: { lake: { filesystems: ["raw", "Bad_FS"] } },
                            datastores: {
                                share: { type: "azureFile", accountId: EXISTING, container: "share" },
                                "bad-name": { type: "azureBlob", lake: "nolake", container: "raw" },
                                both: { type: "azureBlob", lake: "lake", accountId: EXISTING, container: "raw" },
                                other: { type: "adlsGen2", lake: "lake", container: "missing" },
                                notstorage: { type: "azureBlob", accountId: "/subscriptions/00000000-0000-0000-0000-00000000beef/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", container: "raw" },
                            },
                            assets: {
                                file: { type: "uri_file", datastore: "other", versions: { "1": { path: "data/" } } },
                                table: { type: "mltable", datastore: "nostore", versions: { "1 0": { path: "tables/MLTable" } } },
                                ok: { type: "uri_folder", datastore: "workspaceblobstore", versions: { "2": { path: "/abs/path" } } },
                            },
                        },
                    },
                },
            }),
        );
        const base = `${P}.teams.risk.data`;
        expect(lines).toEqual(
            expect.arrayContaining([
                expect.stringContaining(`${base}.lakes.lake.filesystems[1]: container name must be 3-63 lowercase`),
                expect.stringContaining(`${base}.datastores.share.type: is an Azure file share, which Azure ML reaches only with an account key or a SAS token`),
                expect.stringContaining(`${base}.datastores.bad-name: datastore name must be 1-255 letters, digits and underscores`),
                expect.stringContaining(`${base}.datastores.bad-name.lake: names nolake, which is not a lake of this workspace`),
                expect.stringContaining(`${base}.datastores.both: needs exactly one of lake and accountId`),
                expect.stringContaining(`${base}.datastores.other.container: names missing, which is not a filesystem of lake lake`),
                expect.stringContaining(`${base}.datastores.notstorage.accountId: is not the ARM ID of a storage account`),
                expect.stringContaining(`${base}.assets.file.versions.1.path: ("data/") ends with / but a uri_file names one file`),
                expect.stringContaining(`${base}.assets.table.datastore: names nostore, which is neither a datastore of this workspace`),
                expect.stringContaining(`${base}.assets.table.versions.1 0: version must be`),
                expect.stringContaining(`${base}.assets.table.versions.1 0.path: ("tables/MLTable") names the MLTable file`),
                expect.stringContaining(`${base}.assets.ok.versions.2.path: ("/abs/path") must be a path inside the datastore`),
            ]),
        );
        expect(lines).toHaveLength(12);
    });

    it("data at the top level needs the single workspace", () => {
        expect(problemLines(baseConfig({ sharing: "hub", teams: { risk: {} }, data: { lakes: { lake: {} } } }))).toEqual([
            expect.stringContaining(`${P}.data: is set, but a hub holds no team's data`),
        ]);
    });

    it("a valid section loads with read access by default", () => {
        expect(problemLines(baseConfig({ data: riskData }))).toEqual([]);
    });
});
