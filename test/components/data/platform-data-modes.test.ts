/**
 * Data in the two other platform shapes, one program run each: the single workspace (its
 * user-assigned identity is also its computes', so it gets the datastore's access; a readWrite
 * datastore makes it Storage Blob Data Contributor) and independent teams (each team's workspace
 * carries the outbound rules of its own accounts only; a team without data gets none).
 */
import { BUILTIN_ROLE_IDS } from "../../../components/access/builtin-roles";
import { allOfType, baseConfig, runPlatform } from "../../helpers/stack";

const data = {
    lakes: { lake: { filesystems: ["raw"] } },
    datastores: { raw: { type: "adlsGen2", lake: "lake", container: "raw", access: "readWrite" } },
    assets: { sample: { type: "uri_file", datastore: "raw", versions: { "1": { path: "samples/one.csv" } } } },
};

it("single workspace: the datastores use its user-assigned identity, which also gets the datastore's access for its computes", async () => {
    const run = await runPlatform(baseConfig({ data, compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 2 } } }, workspace: { imageBuildCompute: "cpu" } }));
    const [store] = allOfType(run.graph, "azure-native:machinelearningservices:Datastore");
    expect(store.inputs.properties).toMatchObject({ serviceDataAccessAuthIdentity: "WorkspaceUserAssignedIdentity", credentials: { credentialsType: "None" } });
    // The workspace's user-assigned identity: the principal of its own grants on the key vault.
    const principal = allOfType(run.graph, "azure-native:authorization:RoleAssignment").find((g) => g.name.endsWith("-uai-keyVault-contributor"))?.inputs.principalId;
    expect(principal).toMatch(/^[0-9a-f-]{36}$/);
    const roles = allOfType(run.graph, "azure-native:authorization:RoleAssignment")
        .filter((g) => String(g.inputs.scope).includes("/storageAccounts/dl"))
        .map((g) => [g.inputs.principalId, String(g.inputs.roleDefinitionId).split("/").pop()]);
    expect(roles.sort()).toEqual(
        [
            [principal, BUILTIN_ROLE_IDS.Reader],
            [principal, BUILTIN_ROLE_IDS["Storage Blob Data Contributor"]],
            [principal, BUILTIN_ROLE_IDS["Storage Blob Data Reader"]],
        ].sort(),
    );
    const [version] = allOfType(run.graph, "azure-native:machinelearningservices:DataVersion");
    expect(version.inputs.properties).toMatchObject({ dataType: "uri_file", dataUri: "azureml://datastores/raw/paths/samples/one.csv" });
    const ws = allOfType(run.graph, "azure-native:machinelearningservices:Workspace")[0];
    expect(Object.keys((ws.inputs.managedNetwork as { outboundRules: object }).outboundRules).filter((n) => n.startsWith("lake-")).sort()).toEqual(["lake-lake-blob", "lake-lake-dfs"]);
});

it("independent teams: each workspace carries its own accounts' rules, and a team without data is untouched", async () => {
    const run = await runPlatform(baseConfig({ sharing: "independent", teams: { risk: { data }, fraud: {} } }));
    const workspaces = allOfType(run.graph, "azure-native:machinelearningservices:Workspace");
    const rulesOf = (team: string) =>
        Object.keys((workspaces.find((w) => String(w.inputs.workspaceName).includes(`-${team}`))?.inputs.managedNetwork as { outboundRules: object }).outboundRules).sort();
    expect(rulesOf("risk")).toEqual(["lake-lake-blob", "lake-lake-dfs"]);
    expect(rulesOf("fraud")).toEqual([]);
    const lake = allOfType(run.graph, "azure-native:storage:StorageAccount").find((a) => a.inputs.isHnsEnabled === true);
    expect(lake?.urn).toContain("platform-team-risk");
    // The lake's diagnostics go to the shared Log Analytics.
    const logs = allOfType(run.graph, "azure-native:operationalinsights:Workspace");
    expect(logs).toHaveLength(1);
    const diags = allOfType(run.graph, "azure-native:monitor:DiagnosticSetting").filter((d) => String(d.inputs.resourceUri).includes(String(lake?.inputs.accountName)));
    expect(diags).toHaveLength(3);
    for (const d of diags) expect(String(d.inputs.workspaceId)).toMatch(new RegExp(`/Microsoft\\.OperationalInsights/workspaces/${String(logs[0].inputs.workspaceName)}$`));
});
