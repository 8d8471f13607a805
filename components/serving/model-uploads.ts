/**
 * Model versions from a local folder (`serving.models.<name>.versions.<v>.localPath`): the one
 * container of a serving workspace's uploads in its default storage account (created with
 * azure-native `storage.BlobContainer`, management plane, no keys), and one {@link ModelFolderUpload}
 * per version, whose https URL the model version registers (blob-upload.ts says why not the
 * `workspaceblobstore` datastore).
 *
 * Who reads the files: the workspace identity has Storage Blob Data Contributor on its default
 * storage account (granted by Azure for a system-assigned identity, by the toolkit for a
 * user-assigned one: components/access/roles.ts), and hosts are told the account
 * (ServingModelVersion.storageAccountId) like any model in the workspace's storage. Who writes:
 * the identity running `pulumi up` (Storage Blob Data Contributor on the account; README, Serving).
 */
import * as pulumi from "@pulumi/pulumi";
import { BlobContainer } from "@pulumi/azure-native/storage";
import { CLOUDS, cloudOfRegion } from "../clouds";
import { ModelFolderUpload } from "./blob-upload-dynamic";
import { folderDigest, modelUploadContainer, modelUploadPrefix, modelUploadUri, storageAccountOfId } from "./blob-upload";
import type { ServingContext } from "./serving-context";
import * as fs from "node:fs";
import * as path from "node:path";

/** Where a serving workspace's local model folders go. */
export interface ModelUploadTarget {
    /** The container resource (the uploads wait for it). */
    readonly container: BlobContainer;
    /** Its name. */
    readonly containerName: string;
    /** Storage account name. */
    readonly accountName: pulumi.Output<string>;
    /** DNS suffix of storage endpoints in the workspace's cloud. */
    readonly storageSuffix: string;
}

/** The upload target of `ctx`, its container created on the first call only (a workspace without local models gets none). */
export function lazyModelUploadTarget(ctx: ServingContext, parent: pulumi.Resource): () => ModelUploadTarget {
    let target: ModelUploadTarget | undefined;
    return () => {
        if (target) return target;
        const account = pulumi.output(ctx.workspace.storageAccountId).apply(storageAccountOfId);
        const containerName = modelUploadContainer(ctx.teamKey);
        const container = new BlobContainer(
            `${ctx.name}-model-uploads`,
            { resourceGroupName: account.resourceGroupName, accountName: account.accountName, containerName, publicAccess: "None" },
            { parent, dependsOn: ctx.dependsOn },
        );
        target = { container, containerName, accountName: account.accountName, storageSuffix: CLOUDS[cloudOfRegion(ctx.location) ?? "AzureCloud"].storageSuffix };
        return target;
    };
}

/** Uploads `localPath` (absolute) for model version `<model>:<version>`; the URL to register and the upload to wait for. */
export function createModelUpload(model: string, version: string, localPath: string, target: ModelUploadTarget, ctx: ServingContext, parent: pulumi.Resource, keyPath: string): { uri: pulumi.Output<string>; upload: ModelFolderUpload } {
    let digest: string;
    let singleFile: string | undefined;
    try {
        singleFile = fs.statSync(localPath).isFile() ? path.basename(localPath) : undefined;
        digest = folderDigest(localPath);
    } catch (e) {
        throw new pulumi.ResourceError(`${keyPath}: cannot read ${localPath}: ${(e as Error).message}`, parent);
    }
    const prefix = modelUploadPrefix(model, version);
    const upload = new ModelFolderUpload(
        `${ctx.name}-model-${model}-v-${version}-upload`,
        // Relative to the program's working directory (the project folder, where the provider runs too),
        // like a docker build context (scoring-images.ts): state and plans name no machine's checkout.
        { accountName: target.accountName, storageSuffix: target.storageSuffix, container: target.containerName, prefix, localPath: path.relative(process.cwd(), localPath) || ".", contentDigest: digest },
        { parent, dependsOn: [target.container] },
    );
    // Known at plan time: the container and prefix are the config's, the account the workspace's.
    const uri = target.accountName.apply((account) => modelUploadUri(account, target.storageSuffix, target.containerName, prefix, singleFile));
    return { uri, upload };
}
