import * as pulumi from "@pulumi/pulumi";
import { Workspace as MlWorkspace } from "@pulumi/azure-native/machinelearningservices";
import { DIAGNOSTICS, sendDiagnostics } from "../monitoring/diagnostics";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";

/** Arguments of {@link ProjectWorkspace}. */
export interface ProjectWorkspaceArgs extends PlacementArgs {
    /** Project workspace name (3-33). Required. */
    workspaceName: string;
    /** Resource ID of the hub workspace (`kind: Hub`) the project belongs to. Required. */
    hubResourceId: pulumi.Input<string>;
    /** Display name in the studio. Default: none. */
    friendlyName?: pulumi.Input<string>;
    /** Description. Default: none. */
    description?: pulumi.Input<string>;
    /** Public network access; a project follows its hub. Default `Disabled`. */
    publicNetworkAccess?: pulumi.Input<string>;
    /** High business impact (less diagnostic data collected). Default false. */
    hbi?: boolean;
    /** Log Analytics workspace for the project's resource logs. Default: no diagnostic settings. */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Deletion guards. Default none. */
    protection?: StatefulProtection;
}

/**
 * A lightweight project workspace (`kind: Project`) of a hub: it has no storage,
 * key vault, registry or managed network of its own; the hub's are shared by all
 * its projects, and its location must be the hub's ("Hub class" and "Project class",
 * azure-ai-ml: https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.project).
 * The project gets a system-assigned identity; access to the hub's resources comes
 * through the hub.
 */
export class ProjectWorkspace extends pulumi.ComponentResource {
    /** Project workspace resource ID. */
    readonly id: pulumi.Output<string>;
    /** Project workspace name. */
    readonly workspaceName: pulumi.Output<string>;
    /** Principal ID of the project's system-assigned identity. */
    readonly principalId: pulumi.Output<string>;
    /** Discovery URL of the project's regional API. */
    readonly discoveryUrl: pulumi.Output<string | undefined>;

    constructor(name: string, args: ProjectWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ProjectWorkspace", name, {}, opts);
        const project = new MlWorkspace(
            `${name}-workspace`,
            {
                workspaceName: args.workspaceName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                kind: "Project",
                hubResourceId: args.hubResourceId,
                sku: { name: "Basic", tier: "Basic" },
                friendlyName: args.friendlyName,
                description: args.description,
                identity: { type: "SystemAssigned" },
                publicNetworkAccess: args.publicNetworkAccess ?? "Disabled",
                allowPublicAccessWhenBehindVnet: false,
                hbiWorkspace: args.hbi ?? false,
                systemDatastoresAuthMode: "identity",
            },
            statefulOptions(this, args.protection),
        );
        if (args.logAnalyticsWorkspaceId) {
            sendDiagnostics(`${name}-diag`, project.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.workspace, { parent: this });
        }
        this.id = project.id;
        this.workspaceName = project.name;
        this.principalId = project.identity.apply((i) => {
            if (!i?.principalId) throw new Error(`project workspace ${args.workspaceName} has no system-assigned principal ID`);
            return i.principalId;
        });
        this.discoveryUrl = project.discoveryUrl;
        this.registerOutputs({ id: this.id, workspaceName: this.workspaceName, principalId: this.principalId });
    }
}
