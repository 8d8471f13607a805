import * as pulumi from "@pulumi/pulumi";
import { DataContainer, DataVersion } from "@pulumi/azure-native/machinelearningservices";
import { assetNameProblem, assetPathProblem, assetVersionProblem, datastoreUri, type DataAssetType } from "./data-settings";

/** One version of a data asset. */
export interface DataAssetVersionArgs {
    /** Path inside the datastore (relative; a folder for `uri_folder` and `mltable`). Required. */
    path: string;
    /** Description of the version. Default none. */
    description?: string;
}

/** Arguments of {@link DataAsset}. */
export interface DataAssetArgs {
    /** Resource group of the workspace. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace (or project) the asset belongs to. Required. */
    workspaceName: pulumi.Input<string>;
    /** Asset name (letters, digits, hyphens, underscores). Required. */
    assetName: string;
    /** Asset type: `uri_file`, `uri_folder` or `mltable`. Required. */
    type: DataAssetType;
    /** Datastore the versions' paths are in (a declared datastore or the workspace's own, e.g. `workspaceblobstore`). Required. */
    datastore: string;
    /** Versions by version string. Required (at least one). */
    versions: { [version: string]: DataAssetVersionArgs };
    /** Description shown in the studio. Default none. */
    description?: string;
    /** Tags of the asset. Default none. */
    tags?: { [key: string]: string };
}

/**
 * A data asset: its container (`workspaces/data/<name>`) and one version per entry
 * (`workspaces/data/<name>/versions/<version>`) pointing at
 * `azureml://datastores/<datastore>/paths/<path>` ("Create data assets",
 * https://learn.microsoft.com/azure/machine-learning/how-to-create-data-assets).
 */
export class DataAsset extends pulumi.ComponentResource {
    /** Data container resource ID. */
    readonly id: pulumi.Output<string>;
    /** Version resource IDs by version. */
    readonly versionIds: { [version: string]: pulumi.Output<string> };

    constructor(name: string, args: DataAssetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:DataAsset", name, {}, opts);
        const problems = dataAssetArgProblems(args);
        if (problems.length > 0) throw new pulumi.ResourceError(`DataAsset ${args.assetName}: ${problems.join("; ")}`, this);
        const container = new DataContainer(
            `${name}-container`,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                name: args.assetName,
                properties: { dataType: args.type, description: args.description, tags: args.tags },
            },
            // A component's dependsOn does not reach its children: the asset waits for its datastore.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.versionIds = Object.fromEntries(
            Object.entries(args.versions).map(([version, v]) => {
                const created = new DataVersion(
                    `${name}-v-${version}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        workspaceName: args.workspaceName,
                        // The container's name: the version is created after its container.
                        name: container.name,
                        version,
                        properties: versionProperties(args.type, { dataUri: datastoreUri(args.datastore, v.path, args.type), description: v.description, tags: args.tags }),
                    },
                    { parent: this },
                );
                return [version, created.id];
            }),
        );
        this.id = container.id;
        this.registerOutputs({ id: this.id, versionIds: this.versionIds });
    }
}

/** Problems of the args (pure): names, versions and paths. */
export function dataAssetArgProblems(args: Pick<DataAssetArgs, "assetName" | "type" | "versions">): string[] {
    const out: string[] = [];
    const bad = assetNameProblem(args.assetName);
    if (bad) out.push(`assetName: ${bad}`);
    const versions = Object.entries(args.versions ?? {});
    if (versions.length === 0) out.push("versions: at least one version is needed");
    for (const [version, v] of versions) {
        const badVersion = assetVersionProblem(version);
        if (badVersion) out.push(`versions.${version}: ${badVersion}`);
        const badPath = assetPathProblem(args.type, v.path);
        if (badPath) out.push(`versions.${version}.path ${badPath.problem} (${badPath.fix})`);
    }
    return out;
}

/** The version's properties, discriminated by type as azure-native expects them. */
function versionProperties(type: DataAssetType, p: { dataUri: string; description?: string; tags?: { [key: string]: string } }) {
    switch (type) {
        case "uri_file":
            return { ...p, dataType: "uri_file" as const };
        case "uri_folder":
            return { ...p, dataType: "uri_folder" as const };
        case "mltable":
            return { ...p, dataType: "mltable" as const };
    }
}
