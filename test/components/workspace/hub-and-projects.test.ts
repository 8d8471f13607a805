/**
 * The building blocks of hub sharing (issue 9 wires them into MlPlatform): a Workspace of kind
 * Hub, a lightweight ProjectWorkspace that points at it, and team workspaces that send their logs
 * to one shared Log Analytics workspace instead of creating their own.
 */
import { Workspace as LogAnalytics } from "@pulumi/azure-native/operationalinsights";
import type { CapturedStack } from "../../../offline/graph";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { ProjectWorkspace } from "../../../components/workspace/project-workspace";
import { Workspace } from "../../../components/workspace/workspace";
import { allOfType } from "../../helpers/stack";

const placement = { resourceGroupName: "rg-ml", location: "westeurope", tags: { owner: "ml", costCenter: "CC-1" } };
const IDS = { tenantId: "00000000-0000-0000-0000-0000000000aa", subscriptionId: "00000000-0000-0000-0000-000000000000" };

function workspaceArgs(prefix: string, extra: Partial<ConstructorParameters<typeof Workspace>[1]> = {}): ConstructorParameters<typeof Workspace>[1] {
    return {
        ...placement,
        ...IDS,
        workspaceName: `mlw-${prefix}`,
        uniqueBy: ["test", prefix],
        identity: { name: `id-${prefix}` },
        storage: { name: `st${prefix}01` },
        keyVault: { name: `kv-${prefix}-01` },
        monitoring: { logAnalytics: { name: `log-${prefix}` }, applicationInsights: { name: `appi-${prefix}` } },
        publicNetworkAccess: "Enabled",
        ...extra,
    };
}

const workspaces = (g: CapturedStack) => allOfType(g, "azure-native:machinelearningservices:Workspace");

describe("a hub with a project", () => {
    let run: StackRun;
    beforeAll(async () => {
        run = await runProgram(() => {
            const hub = new Workspace("hub", workspaceArgs("hub", { kind: "Hub" }));
            new ProjectWorkspace("risk", { ...placement, workspaceName: "mlw-risk", hubResourceId: hub.id, friendlyName: "Risk", logAnalyticsWorkspaceId: hub.logAnalyticsWorkspaceId });
        });
    });

    it("creates the hub as kind Hub with its own dependencies, and the project as kind Project of that hub", () => {
        const [hub, project] = ["mlw-hub", "mlw-risk"].map((n) => workspaces(run.graph).find((w) => w.inputs.workspaceName === n));
        expect(hub?.inputs.kind).toBe("Hub");
        expect(hub?.inputs.storageAccount).toMatch(/storageAccounts\/sthub01$/);
        expect(project?.inputs).toMatchObject({ kind: "Project", hubResourceId: hub?.outputs?.id ?? expect.stringMatching(/workspaces\/mlw-hub$/), identity: { type: "SystemAssigned" }, publicNetworkAccess: "Disabled" });
        // A project owns no storage, vault or registry: the hub's are shared.
        expect(project?.inputs.storageAccount).toBeUndefined();
        expect(project?.inputs.keyVault).toBeUndefined();
    });

    it("sends the project's logs to the hub's Log Analytics workspace", () => {
        const diag = allOfType(run.graph, "azure-native:monitor:DiagnosticSetting").filter((d) => String(d.inputs.resourceUri).endsWith("/workspaces/mlw-risk"));
        expect(diag).toHaveLength(1);
        expect(String(diag[0].inputs.workspaceId)).toMatch(/workspaces\/log-hub$/);
    });
});

describe("team workspaces sharing one Log Analytics workspace", () => {
    let run: StackRun;
    beforeAll(async () => {
        run = await runProgram(() => {
            const logs = new LogAnalytics("shared-logs", { ...placement, workspaceName: "log-shared", sku: { name: "PerGB2018" }, retentionInDays: 90 });
            for (const team of ["risk", "fraud"]) {
                new Workspace(team, workspaceArgs(team, { monitoring: { logAnalytics: {}, applicationInsights: { name: `appi-${team}` }, sharedLogAnalyticsWorkspaceId: logs.id } }));
            }
        });
    });

    it("creates no Log Analytics workspace of their own, and each Application Insights reads the shared one", () => {
        expect(allOfType(run.graph, "azure-native:operationalinsights:Workspace").map((w) => w.inputs.workspaceName)).toEqual(["log-shared"]);
        const insights = allOfType(run.graph, "azure-native:applicationinsights:Component");
        expect(insights.map((i) => i.inputs.resourceName).sort()).toEqual(["appi-fraud", "appi-risk"]);
        for (const i of insights) expect(String(i.inputs.workspaceResourceId)).toMatch(/workspaces\/log-shared$/);
    });

    it("refuses a shared workspace together with one to create", async () => {
        const failed = await runProgram(() => {
            new Workspace("bad", workspaceArgs("bad", { monitoring: { logAnalytics: { name: "log-bad" }, applicationInsights: { name: "appi-bad" }, sharedLogAnalyticsWorkspaceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/x" } }));
        }).then(
            () => "no error",
            (e: unknown) => String(e),
        );
        expect(failed).toMatch(/monitoring.sharedLogAnalyticsWorkspaceId: set together with monitoring.logAnalytics/);
    });
});
