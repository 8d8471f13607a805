/**
 * A Pulumi dynamic provider uploading a local model folder (or file) to a blob container with a
 * Microsoft Entra ID token ({@link ModelFolderUpload}); azure-native's `storage.Blob` signs with the
 * account key, which the toolkit's storage refuses (`allowSharedKeyAccess: false`; "Cannot create a
 * blob in storage account with SharedAccessKey disabled - AAD/RBAC",
 * https://github.com/pulumi/pulumi-azure-native/issues/2015). The upload logic is blob-upload.ts,
 * the HTTP client blob-rest.ts.
 *
 * Shaped by the rules of dynamic providers, like components/edge/iothub-dynamic.ts ("Dynamic
 * resource providers", https://www.pulumi.com/docs/iac/concepts/providers/dynamic-providers/): the
 * provider is serialized with the program and runs in another process, so it captures only code
 * and data; the token source is named by a kind (`auto`, `environment`, `azureCli`) and built inside
 * each operation; no token or secret is ever an input or output (nothing to keep secret in state).
 * Tests inject a runtime (token source, fake endpoint) through the factory, in-process only.
 *
 * Lifecycle: the diff compares the folder's content digest (blob-upload.ts `folderDigest`,
 * computed by the program), so an unchanged folder is a no-op and a changed one is uploaded again
 * (then blobs no longer in it are deleted); another account, container or prefix is another upload
 * (created before the old one is deleted); delete removes exactly the blobs it uploaded. The local
 * path itself is not compared: the same files from another checkout are the same upload.
 */
import * as pulumi from "@pulumi/pulumi";
import { entraTokenFromAzureCli } from "../edge/azure-cli-token";
import { BlobClient, CONTAINER_NAME_PATTERN, STORAGE_ACCOUNT_PATTERN } from "./blob-rest";
import { deleteBlobs, uploadFolder } from "./blob-upload";
import { entraTokenFromEnvironmentFor } from "./entra-token";
import type { TransportOptions } from "./http-retry";
import type { EntraTokenSource } from "./registry-auth";

/** Where the provider gets its Entra ID token at run time. */
export const BlobUploadTokenSource = {
    /** `environment` when `AZURE_CLIENT_ID` and `AZURE_TENANT_ID` are set, else `azureCli` (decided in each operation, so state never depends on where it ran). */
    auto: "auto",
    /** `AZURE_TENANT_ID`, `AZURE_CLIENT_ID` and a federated token file or client secret (CI, workload identity). */
    environment: "environment",
    /** The Azure CLI's signed-in identity (a workstation). */
    azureCli: "azureCli",
} as const;
/** A {@link BlobUploadTokenSource} value. */
export type BlobUploadTokenSource = (typeof BlobUploadTokenSource)[keyof typeof BlobUploadTokenSource];

/** In-process overrides for tests; a real program passes none (they would be serialized). */
export interface BlobUploadProviderRuntime {
    /** Token source used instead of the `tokenSource` kind. */
    readonly tokenSource?: EntraTokenSource;
    /** Base URL of a local fake Blob service. */
    readonly baseUrl?: string;
    /** Retry bounds, fetch, jitter. */
    readonly transport?: TransportOptions;
}

/** The token source of a kind, built now (inside the provider process). */
function tokenSourceOf(kind: string): EntraTokenSource {
    const useEnvironment = kind === BlobUploadTokenSource.environment || (kind === BlobUploadTokenSource.auto && !!process.env.AZURE_CLIENT_ID && !!process.env.AZURE_TENANT_ID);
    return useEnvironment ? entraTokenFromEnvironmentFor("Storage Blob Data Contributor on the account") : entraTokenFromAzureCli();
}

/** The provider's inputs after defaults. */
interface UploadInputs {
    readonly accountName: string;
    /** DNS suffix of storage endpoints (`core.windows.net`). */
    readonly storageSuffix: string;
    readonly container: string;
    /** Blob name prefix, ending in `/`. */
    readonly prefix: string;
    /** The folder or file (relative to the working directory, or absolute). */
    readonly localPath: string;
    /** sha256 hex of the files (blob-upload.ts folderDigest). */
    readonly contentDigest: string;
    readonly tokenSource: BlobUploadTokenSource;
}
/** Its outputs. */
type UploadOutputs = UploadInputs & { readonly blobs: string[]; readonly bytes: number };

function clientFor(inputs: UploadInputs, runtime: BlobUploadProviderRuntime | undefined): BlobClient {
    return new BlobClient({
        accountName: inputs.accountName,
        storageSuffix: inputs.storageSuffix,
        tokenSource: runtime?.tokenSource ?? tokenSourceOf(inputs.tokenSource),
        ...(runtime?.baseUrl !== undefined ? { baseUrl: runtime.baseUrl } : {}),
        ...runtime?.transport,
    });
}

/** The upload provider (see the module comment for `runtime`). */
export function modelFolderUploadProvider(runtime?: BlobUploadProviderRuntime): pulumi.dynamic.ResourceProvider<UploadInputs, UploadOutputs> {
    return {
        async check(_olds, news) {
            const inputs: UploadInputs = { ...news, tokenSource: news.tokenSource ?? BlobUploadTokenSource.auto };
            const failures: pulumi.dynamic.CheckFailure[] = [];
            if (typeof inputs.accountName !== "string" || !STORAGE_ACCOUNT_PATTERN.test(inputs.accountName)) failures.push({ property: "accountName", reason: "must be a storage account name (3-24 lowercase letters and digits)" });
            if (typeof inputs.storageSuffix !== "string" || !/^[a-z0-9.-]+$/.test(inputs.storageSuffix)) failures.push({ property: "storageSuffix", reason: "must be a DNS suffix such as core.windows.net" });
            if (typeof inputs.container !== "string" || !CONTAINER_NAME_PATTERN.test(inputs.container)) failures.push({ property: "container", reason: "must be a container name (3-63 lowercase letters, digits and single hyphens)" });
            if (typeof inputs.prefix !== "string" || !/^[^/].*\/$/.test(inputs.prefix)) failures.push({ property: "prefix", reason: "must be a blob name prefix ending in /" });
            if (typeof inputs.localPath !== "string" || inputs.localPath === "") failures.push({ property: "localPath", reason: "must be the folder or file to upload" });
            if (typeof inputs.contentDigest !== "string" || !/^[0-9a-f]{64}$/.test(inputs.contentDigest)) failures.push({ property: "contentDigest", reason: "must be the folder's sha256 (64 hex)" });
            if (!Object.values(BlobUploadTokenSource).includes(inputs.tokenSource)) failures.push({ property: "tokenSource", reason: `must be one of ${Object.values(BlobUploadTokenSource).join(", ")}` });
            return { inputs, failures };
        },
        async diff(_id, olds, news) {
            const replaces = (["accountName", "storageSuffix", "container", "prefix"] as const).filter((k) => olds[k] !== news[k]);
            const updates = (["contentDigest", "tokenSource"] as const).filter((k) => olds[k] !== news[k]);
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs) {
            const result = await uploadFolder(clientFor(inputs, runtime), inputs.container, inputs.prefix, inputs.localPath, inputs.contentDigest);
            return { id: `${inputs.accountName}/${inputs.container}/${inputs.prefix}`, outs: { ...inputs, blobs: result.blobs, bytes: result.bytes } };
        },
        async read(id, props) {
            // What was uploaded is what state says; the files are checked again on the next change.
            return props === undefined ? {} : { id, props };
        },
        async update(_id, olds, news) {
            if (olds.contentDigest === news.contentDigest) return { outs: { ...news, blobs: olds.blobs, bytes: olds.bytes } };
            const client = clientFor(news, runtime);
            const result = await uploadFolder(client, news.container, news.prefix, news.localPath, news.contentDigest);
            // Files gone from the folder are gone from the container too (after the new ones landed).
            const kept = new Set(result.blobs);
            await deleteBlobs(client, news.container, (olds.blobs ?? []).filter((b) => !kept.has(b)));
            return { outs: { ...news, blobs: result.blobs, bytes: result.bytes } };
        },
        async delete(_id, props) {
            await deleteBlobs(clientFor(props, runtime), props.container, props.blobs ?? []);
        },
    };
}

let providerSingleton: pulumi.dynamic.ResourceProvider | undefined;
/** The one upload provider of a program (serialized once). */
function defaultProvider(): pulumi.dynamic.ResourceProvider {
    providerSingleton ??= modelFolderUploadProvider();
    return providerSingleton;
}

/** Arguments of {@link ModelFolderUpload}. */
export interface ModelFolderUploadArgs {
    /** Storage account name (required). */
    readonly accountName: pulumi.Input<string>;
    /** DNS suffix of storage endpoints, e.g. `core.windows.net` (required). */
    readonly storageSuffix: pulumi.Input<string>;
    /** Container, which must exist (required). */
    readonly container: pulumi.Input<string>;
    /** Blob name prefix ending in `/` (required). */
    readonly prefix: pulumi.Input<string>;
    /** The folder or file, relative to the working directory or absolute (required). */
    readonly localPath: pulumi.Input<string>;
    /** sha256 of the files, blob-upload.ts folderDigest(localPath) (required). */
    readonly contentDigest: pulumi.Input<string>;
    /** Where the provider gets its Entra ID token (default `auto`). */
    readonly tokenSource?: BlobUploadTokenSource;
}

/** The files of a local folder, uploaded with Entra ID under a prefix of a blob container. */
export class ModelFolderUpload extends pulumi.dynamic.Resource {
    /** Blob names uploaded, sorted. */
    declare readonly blobs: pulumi.Output<string[]>;
    /** Total bytes uploaded. */
    declare readonly bytes: pulumi.Output<number>;
    /** The digest of what was uploaded. */
    declare readonly contentDigest: pulumi.Output<string>;

    constructor(name: string, args: ModelFolderUploadArgs, opts: pulumi.CustomResourceOptions = {}, runtime?: BlobUploadProviderRuntime) {
        super(runtime === undefined ? defaultProvider() : modelFolderUploadProvider(runtime), name, { ...args, blobs: undefined, bytes: undefined }, opts, "serving", "ModelFolderUpload");
    }
}
