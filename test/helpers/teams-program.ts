/**
 * A small program of two teams under one platform, each team a component with the team tag
 * transformation (components/team-tag-options.ts), the way the teams integration wires it: the platform
 * keeps a resource group and a network of its own (no team); each team has a workspace, a cluster,
 * a nested component with a storage account, and an untagged role assignment.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { VirtualNetwork } from "@pulumi/azure-native/network";
import { Compute, Workspace } from "@pulumi/azure-native/machinelearningservices";
import { StorageAccount } from "@pulumi/azure-native/storage";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { teamTagTransformation } from "../../components/team-tag-options";
import type { TeamQuotaTags } from "../../components/team-tags";

/** A team of the test program. */
export interface TestTeam {
    /** Team key. */
    key: string;
    /** Quota put on its workspace. */
    quota?: TeamQuotaTags;
    /** VM size of its cluster. */
    vmSize: string;
    /** Cluster max nodes. */
    maxNodes: number;
}

/** The program: returns nothing; registers the platform and its teams. */
export function teamsProgram(teams: readonly TestTeam[]): () => void {
    return () => {
        const platform = new pulumi.ComponentResource("aml-workspace:index:MlPlatform", "platform", {});
        const tags = { environment: "dev", owner: "ml-platform", costCenter: "CC-1" };
        const rg = new ResourceGroup("rg", { resourceGroupName: "rg-teams", location: "westeurope", tags }, { parent: platform });
        new VirtualNetwork("vnet", { resourceGroupName: rg.name, virtualNetworkName: "vnet-teams", location: "westeurope", addressSpace: { addressPrefixes: ["10.0.0.0/16"] }, tags }, { parent: platform });
        for (const team of teams) {
            const component = new pulumi.ComponentResource("aml-workspace:index:Team", `team-${team.key}`, {}, {
                parent: platform,
                transformations: [teamTagTransformation(team.key, team.quota)],
            });
            const ws = new Workspace(`${team.key}-ws`, { resourceGroupName: rg.name, workspaceName: `mlw-${team.key}`, location: "westeurope", tags }, { parent: component });
            new Compute(`${team.key}-cpu`, {
                resourceGroupName: rg.name,
                workspaceName: ws.name,
                computeName: `${team.key}-cpu`,
                location: "westeurope",
                tags,
                properties: { computeType: "AmlCompute", properties: { vmSize: team.vmSize, scaleSettings: { minNodeCount: 0, maxNodeCount: team.maxNodes } } },
            // Under the team's component, not the workspace: a custom resource parented by another
            // custom resource costs the mock runtime over a second per registration.
            }, { parent: component });
            const data = new pulumi.ComponentResource("aml-workspace:index:TeamData", `${team.key}-data`, {}, { parent: component });
            new StorageAccount(`${team.key}-sa`, {
                resourceGroupName: rg.name,
                accountName: `st${team.key}data01`,
                location: "westeurope",
                kind: "StorageV2",
                sku: { name: "Standard_ZRS" },
                tags,
            }, { parent: data });
            new RoleAssignment(`${team.key}-grant`, {
                roleAssignmentName: team.key === "fraud" ? "00000000-0000-0000-0000-0000000000f2" : "00000000-0000-0000-0000-0000000000f1",
                scope: ws.id,
                principalId: "00000000-0000-0000-0000-0000000000aa",
                principalType: "Group",
                roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121",
            }, { parent: data });
        }
    };
}
