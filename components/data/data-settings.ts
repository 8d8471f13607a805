/**
 * Data of a workspace (pure): the value sets, name rules and checks of datastores, data lakes and
 * data assets, the data-plane roles each kind of datastore needs, the managed-network outbound
 * targets and the `azureml://` URI of an asset version. Read by the components, the stack's config
 * checks and the policies, so each fact is written once.
 *
 * Sources (checked 2026-12-04):
 * - "Connect to storage with Azure Machine Learning Datastores"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-datastore): Blob and Data Lake Gen2
 *   datastores have an identity-based (credential-less) form; an Azure Files datastore is created
 *   with an account key or a SAS token only.
 * - "Identity-based data access to storage services" (v1,
 *   https://learn.microsoft.com/azure/machine-learning/v1/how-to-identity-based-data-access):
 *   "Identity-based data access supports connections to only the following storage services:
 *   Azure Blob Storage, Azure Data Lake Storage Gen1, Azure Data Lake Storage Gen2, Azure SQL Database".
 * - "Data administration" (https://learn.microsoft.com/azure/machine-learning/how-to-administrate-data-authentication):
 *   with no credential, jobs read as the compute's managed identity or the user's identity, dataset
 *   preview as the workspace identity; reading needs Storage Blob Data Reader, writing Storage Blob
 *   Data Contributor, and the storage Reader role reads the account's metadata.
 */
import type { BuiltinRole } from "../access/roles";

/** Kind of storage behind a datastore. */
export const DatastoreKind = {
    /** A blob container (Microsoft.Storage account, `blob` endpoint). */
    azureBlob: "azureBlob",
    /** A Data Lake Storage Gen2 filesystem (hierarchical-namespace account, `dfs` endpoint). */
    adlsGen2: "adlsGen2",
    /** An Azure file share: refused, Azure ML has no identity-based access to file shares. */
    azureFile: "azureFile",
} as const;
/** A {@link DatastoreKind} value. */
export type DatastoreKind = (typeof DatastoreKind)[keyof typeof DatastoreKind];

/** What the team may do with a datastore's data. */
export const DataAccess = {
    /** List and read blobs (Storage Blob Data Reader). */
    read: "read",
    /** Also write and delete blobs (Storage Blob Data Contributor). */
    readWrite: "readWrite",
} as const;
/** A {@link DataAccess} value. */
export type DataAccess = (typeof DataAccess)[keyof typeof DataAccess];

/** Type of a data asset (Azure ML `DataType`). */
export const DataAssetType = {
    /** One file. */
    uri_file: "uri_file",
    /** A folder. */
    uri_folder: "uri_folder",
    /** A folder holding an `MLTable` file. */
    mltable: "mltable",
} as const;
/** A {@link DataAssetType} value. */
export type DataAssetType = (typeof DataAssetType)[keyof typeof DataAssetType];

/** Azure ML's own datastores of every workspace: an asset may name them without declaring them. */
export const WORKSPACE_DATASTORES = ["workspaceblobstore", "workspaceartifactstore", "workspaceworkingdirectory", "workspacefilestore"] as const;

/** Datastore kinds the toolkit creates: those with an identity-based form. */
export const IDENTITY_DATASTORE_KINDS: readonly DatastoreKind[] = [DatastoreKind.azureBlob, DatastoreKind.adlsGen2];

/** Why a kind is refused, or undefined when it has identity-based access. */
export function datastoreKindProblem(kind: DatastoreKind): { problem: string; fix: string } | undefined {
    if (IDENTITY_DATASTORE_KINDS.includes(kind)) return undefined;
    return {
        problem:
            "is an Azure file share, which Azure ML reaches only with an account key or a SAS token stored in the datastore " +
            '("Connect to storage with Azure Machine Learning Datastores"; identity-based data access covers Blob, Data Lake Gen1/Gen2 and SQL only)',
        fix: "put the data in a blob container or a Data Lake Gen2 filesystem (type azureBlob or adlsGen2), e.g. a team lake",
    };
}

/** Private-link sub-resources a kind of datastore is read through (managed-network outbound rules and private endpoints). */
export const DATASTORE_SUBRESOURCES: Readonly<Record<DatastoreKind, readonly ("blob" | "dfs" | "file")[]>> = {
    azureBlob: ["blob"],
    // ABFS reads through dfs; Azure ML's data runtime and the studio also use the blob endpoint.
    adlsGen2: ["dfs", "blob"],
    azureFile: ["file"],
};

/** Data-plane role of a principal on the account, by access. */
export const DATA_ROLE_BY_ACCESS: Readonly<Record<DataAccess, BuiltinRole>> = {
    read: "storageBlobDataReader",
    readWrite: "storageBlobDataContributor",
};

/** The workspace identity previews and profiles data in the studio: read only, plus the account's metadata. */
export const WORKSPACE_IDENTITY_DATA_ROLES: readonly BuiltinRole[] = ["storageBlobDataReader", "reader"];

/** The stronger of two accesses (a principal granted on one account gets the strongest its datastores ask). */
export function strongerAccess(a: DataAccess, b: DataAccess): DataAccess {
    return a === "readWrite" || b === "readWrite" ? "readWrite" : "read";
}

// Name rules. Workspace child resources (datastores, data containers and versions) accept the
// pattern ^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$ (Azure/bicep-types-az, generated/machinelearningservices
// types.md, read 2026-12-02). Datastore names are narrower: "Datastore names can only contain
// alphanumeric characters and underscores" (Azure ML SDK v1 Datastore reference), so the
// intersection is encoded. Versions: Azure ML compares them as strings; ours allow letters,
// digits, dots, hyphens and underscores (1.0, 2026-12-01), starting with a letter or digit.
const DATASTORE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_]{0,254}$/;
const ASSET_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,254}$/;
const ASSET_VERSION = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,29}$/;
// Blob containers and Data Lake filesystems: 3-63 lowercase letters, digits and hyphens, starting
// with a letter or digit, no two hyphens in a row ("Naming and referencing containers, blobs, and metadata").
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** Problem with a datastore name, or undefined. */
export function datastoreNameProblem(name: string): string | undefined {
    if (!DATASTORE_NAME.test(name)) return `datastore name must be 1-255 letters, digits and underscores, starting with a letter or digit; got '${name}'`;
    if ((WORKSPACE_DATASTORES as readonly string[]).includes(name.toLowerCase())) return `'${name}' is one of the workspace's own datastores`;
    return undefined;
}

/** Problem with a data asset name, or undefined. */
export function assetNameProblem(name: string): string | undefined {
    return ASSET_NAME.test(name) ? undefined : `data asset name must be 1-255 letters, digits, hyphens and underscores, starting with a letter or digit; got '${name}'`;
}

/** Problem with a data asset version, or undefined. */
export function assetVersionProblem(version: string): string | undefined {
    return ASSET_VERSION.test(version) ? undefined : `version must be 1-30 letters, digits, dots, hyphens and underscores, starting with a letter or digit; got '${version}'`;
}

/** Problem with a blob container or filesystem name, or undefined. */
export function containerNameProblem(name: string): string | undefined {
    return CONTAINER_NAME.test(name) ? undefined : `container name must be 3-63 lowercase letters, digits and hyphens, starting with a letter or digit, no two hyphens in a row; got '${name}'`;
}

/**
 * Problem with a version's path inside its datastore, or undefined: relative (no leading `/`, no
 * scheme, no `..`), a `uri_file` names a file (no trailing `/`), a `uri_folder` or `mltable` a
 * folder (an MLTable asset points at the folder holding the `MLTable` file, "Working with tables in
 * Azure Machine Learning", https://learn.microsoft.com/azure/machine-learning/how-to-mltable).
 */
export function assetPathProblem(type: DataAssetType, path: string): { problem: string; fix: string } | undefined {
    if (path === "" || path.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(path)) {
        return { problem: `("${path}") must be a path inside the datastore`, fix: "write it relative to the datastore's container, e.g. raw/transactions/" };
    }
    if (path.split("/").includes("..")) return { problem: `("${path}") leaves the datastore`, fix: "remove the .. segments" };
    if (type === "uri_file" && path.endsWith("/")) return { problem: `("${path}") ends with / but a uri_file names one file`, fix: "name the file, or use type uri_folder" };
    if (type === "mltable" && /(^|\/)MLTable$/.test(path)) return { problem: `("${path}") names the MLTable file; an mltable asset points at its folder`, fix: `use ${path.replace(/MLTable$/, "") || "the folder"}` };
    return undefined;
}

/** The `azureml://` URI of a path in a datastore, as a DataVersion's `dataUri` takes it. */
export function datastoreUri(datastore: string, path: string, type: DataAssetType): string {
    const clean = path.replace(/^\/+/, "");
    const folder = type !== "uri_file" && !clean.endsWith("/") ? `${clean}/` : clean;
    return `azureml://datastores/${datastore}/paths/${folder}`;
}
