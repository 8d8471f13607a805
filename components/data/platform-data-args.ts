/**
 * The data of a workspace as the platform takes it (`data`, `teams.<key>.data`): the args, their
 * defaults, and the pure checks the stack config reports with full key paths
 * (stacks/config-data.ts). No resources here; components/data/platform-data.ts creates them.
 */
import { COMPONENT_DEFAULTS } from "../defaults";
import type { DataAssetVersionArgs } from "./data-asset";
import { resourceTypeOfId } from "../resource-ids";
import {
    assetNameProblem,
    assetPathProblem,
    assetVersionProblem,
    containerNameProblem,
    datastoreKindProblem,
    datastoreNameProblem,
    WORKSPACE_DATASTORES,
    type DataAccess,
    type DataAssetType,
    type DatastoreKind,
} from "./data-settings";
/** A data lake as the platform takes it (`data.lakes.<key>`). */
export interface PlatformDataLakeArgs {
    /** Filesystems (containers) to create. Default none. */
    filesystems?: string[];
    /** Replication SKU. Default `Standard_ZRS`. */
    sku?: string;
    /** Days deleted blobs and filesystems are kept. Default 14. */
    softDeleteRetentionDays?: number;
}

/** A datastore as the platform takes it (`data.datastores.<name>`). */
export interface PlatformDatastoreArgs {
    /** `azureBlob` or `adlsGen2` (`azureFile` is refused). Required. */
    type: DatastoreKind;
    /** Key of a lake of the same workspace's `data.lakes`; exactly one of `lake` and `accountId`. Default none. */
    lake?: string;
    /** ARM ID of an existing storage account; exactly one of `lake` and `accountId`. Default none. */
    accountId?: string;
    /** Blob container or filesystem (on a lake: one of its filesystems). Required. */
    container: string;
    /** What the team's people (and the compute identity) may do with the data. Default `read`. */
    access?: DataAccess;
    /** Description shown in the studio. Default none. */
    description?: string;
}

/** A data asset as the platform takes it (`data.assets.<name>`). */
export interface PlatformDataAssetArgs {
    /** `uri_file`, `uri_folder` or `mltable`. Required. */
    type: DataAssetType;
    /** A datastore of the same workspace (declared, or the workspace's own such as `workspaceblobstore`). Required. */
    datastore: string;
    /** Description shown in the studio. Default none. */
    description?: string;
    /** Versions by version string. Required. */
    versions: { [version: string]: DataAssetVersionArgs };
}

/** The data of one workspace (`MlPlatformArgs.data`, `PlatformTeamArgs.data`). */
export interface PlatformDataArgs {
    /** Data Lake Storage Gen2 accounts created for the workspace, by key (1-12 lowercase letters and digits). Default none. */
    lakes?: { [lakeKey: string]: PlatformDataLakeArgs };
    /** Identity-based datastores by name. Default none. */
    datastores?: { [datastoreName: string]: PlatformDatastoreArgs };
    /** Data assets by name. Default none. */
    assets?: { [assetName: string]: PlatformDataAssetArgs };
}

/** One workspace's data with every default applied. */
export interface ResolvedData {
    lakes: Record<string, { filesystems: string[]; sku: string; softDeleteRetentionDays: number }>;
    datastores: Record<string, PlatformDatastoreArgs & { access: DataAccess }>;
    assets: Record<string, PlatformDataAssetArgs>;
}

/** Applies the defaults (components/defaults.ts). */
export function resolveData(d: PlatformDataArgs | undefined): ResolvedData {
    return {
        lakes: Object.fromEntries(
            Object.entries(d?.lakes ?? {}).map(([k, l]) => [
                k,
                { filesystems: [...(l.filesystems ?? [])], sku: l.sku ?? COMPONENT_DEFAULTS["data.lakes.*.sku"], softDeleteRetentionDays: l.softDeleteRetentionDays ?? COMPONENT_DEFAULTS["data.lakes.*.softDeleteRetentionDays"] },
            ]),
        ),
        datastores: Object.fromEntries(Object.entries(d?.datastores ?? {}).map(([n, s]) => [n, { ...s, access: s.access ?? COMPONENT_DEFAULTS["data.datastores.*.access"] }])),
        assets: { ...(d?.assets ?? {}) },
    };
}

/** True when a workspace's data section declares anything. */
export function hasData(d: PlatformDataArgs | undefined): boolean {
    return Object.keys(d?.lakes ?? {}).length + Object.keys(d?.datastores ?? {}).length + Object.keys(d?.assets ?? {}).length > 0;
}

/** One problem of a data section, its key relative to the section (`datastores.raw.lake`). */
export interface DataProblem {
    key: string;
    problem: string;
    fix: string;
}

const LAKE_KEY = /^[a-z0-9]{1,12}$/;

/** Every problem of one workspace's data section (pure; the stack's config checks prefix the keys). */
export function dataProblems(d: PlatformDataArgs | undefined): DataProblem[] {
    const out: DataProblem[] = [];
    const lakes = d?.lakes ?? {};
    const datastores = d?.datastores ?? {};
    for (const [k, lake] of Object.entries(lakes)) {
        if (!LAKE_KEY.test(k)) out.push({ key: `lakes.${k}`, problem: "is not 1-12 lowercase letters and digits (the key is part of the account name)", fix: "rename the lake, e.g. lake or raw" });
        (lake.filesystems ?? []).forEach((fs, i) => {
            const bad = containerNameProblem(fs);
            if (bad) out.push({ key: `lakes.${k}.filesystems[${i}]`, problem: bad, fix: "rename the filesystem" });
        });
    }
    for (const [n, s] of Object.entries(datastores)) {
        const key = `datastores.${n}`;
        const badName = datastoreNameProblem(n);
        if (badName) out.push({ key, problem: badName, fix: "rename the datastore, e.g. risk_raw" });
        const badKind = datastoreKindProblem(s.type);
        if (badKind) out.push({ key: `${key}.type`, ...badKind });
        const badContainer = containerNameProblem(s.container);
        if (badContainer) out.push({ key: `${key}.container`, problem: badContainer, fix: "name an existing container or filesystem" });
        if ((s.lake === undefined) === (s.accountId === undefined)) {
            out.push({ key, problem: "needs exactly one of lake and accountId", fix: "name a lake of this workspace (lake: <key>) or an existing storage account (accountId: /subscriptions/.../storageAccounts/<name>)" });
        } else if (s.lake !== undefined) {
            const lake = lakes[s.lake];
            if (!lake) out.push({ key: `${key}.lake`, problem: `names ${s.lake}, which is not a lake of this workspace`, fix: `declare it under data.lakes, or use one of: ${Object.keys(lakes).join(", ") || "(none declared)"}` });
            else if (!(lake.filesystems ?? []).includes(s.container)) {
                out.push({ key: `${key}.container`, problem: `names ${s.container}, which is not a filesystem of lake ${s.lake}`, fix: `add it to data.lakes.${s.lake}.filesystems` });
            }
        } else if (s.accountId !== undefined && resourceTypeOfId(s.accountId)?.toLowerCase() !== "microsoft.storage/storageaccounts") {
            out.push({ key: `${key}.accountId`, problem: "is not the ARM ID of a storage account", fix: "use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>" });
        }
    }
    for (const [n, a] of Object.entries(d?.assets ?? {})) {
        const key = `assets.${n}`;
        const badName = assetNameProblem(n);
        if (badName) out.push({ key, problem: badName, fix: "rename the data asset" });
        if (!(a.datastore in datastores) && !(WORKSPACE_DATASTORES as readonly string[]).includes(a.datastore)) {
            out.push({ key: `${key}.datastore`, problem: `names ${a.datastore}, which is neither a datastore of this workspace nor one of its own (${WORKSPACE_DATASTORES.join(", ")})`, fix: "declare it under data.datastores of the same workspace" });
        }
        const versions = Object.entries(a.versions ?? {});
        if (versions.length === 0) out.push({ key: `${key}.versions`, problem: "is empty", fix: "declare at least one version with its path" });
        for (const [v, version] of versions) {
            const badVersion = assetVersionProblem(v);
            if (badVersion) out.push({ key: `${key}.versions.${v}`, problem: badVersion, fix: "use a version such as 1 or 2026.12.01" });
            const badPath = assetPathProblem(a.type, version.path);
            if (badPath) out.push({ key: `${key}.versions.${v}.path`, ...badPath });
        }
    }
    return out;
}
