/** The smallest complete args of a `Workspace` component (everything created, names given), for arg-check tests. */
import type { WorkspaceArgs } from "../../components/workspace/workspace";

export function minimalWorkspaceArgs(): WorkspaceArgs {
    return {
        resourceGroupName: "rg",
        location: "westeurope",
        tags: {},
        workspaceName: "mlw-x",
        tenantId: "t",
        subscriptionId: "s",
        uniqueBy: ["x"],
        identity: { name: "id-x" },
        storage: { name: "stx01" },
        keyVault: { name: "kv-x" },
        monitoring: { logAnalytics: { name: "log-x" }, applicationInsights: { name: "appi-x" } },
    };
}
