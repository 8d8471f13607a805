/** The pure data rules: names, versions, paths, URIs, roles by access, and the refusal of file shares. */
import {
    assetNameProblem,
    assetPathProblem,
    assetVersionProblem,
    containerNameProblem,
    DATA_ROLE_BY_ACCESS,
    datastoreKindProblem,
    datastoreNameProblem,
    datastoreUri,
    strongerAccess,
} from "../../../components/data/data-settings";
import { dataAssetArgProblems } from "../../../components/data/data-asset";
import { lakeAccountName } from "../../../components/platform-names";
import { nameProblem } from "../../../components/naming";

it("datastore names: letters, digits and underscores, never a workspace's own datastore", () => {
    expect(datastoreNameProblem("risk_raw")).toBeUndefined();
    expect(datastoreNameProblem("risk-raw")).toMatch(/letters, digits and underscores/);
    expect(datastoreNameProblem("_raw")).toMatch(/starting with a letter or digit/);
    expect(datastoreNameProblem("WorkspaceBlobStore")).toMatch(/workspace's own datastores/);
});

it("asset names, versions and container names", () => {
    expect(assetNameProblem("card-transactions_v2")).toBeUndefined();
    expect(assetNameProblem("card.transactions")).toMatch(/data asset name/);
    expect(assetVersionProblem("2026.12.01")).toBeUndefined();
    expect(assetVersionProblem("v 1")).toMatch(/version must be/);
    expect(containerNameProblem("raw-data")).toBeUndefined();
    for (const bad of ["ab", "Raw", "raw--data", "-raw", "raw_data"]) expect(containerNameProblem(bad)).toMatch(/container name/);
});

it("paths: relative, inside the datastore; a file for uri_file, a folder for mltable", () => {
    expect(assetPathProblem("uri_folder", "transactions/2026/")).toBeUndefined();
    expect(assetPathProblem("uri_file", "samples/one.csv")).toBeUndefined();
    expect(assetPathProblem("uri_file", "samples/")?.problem).toMatch(/ends with \//);
    expect(assetPathProblem("mltable", "tables/loans/MLTable")?.fix).toBe("use tables/loans/");
    expect(assetPathProblem("mltable", "tables/loans/")).toBeUndefined();
    expect(assetPathProblem("uri_folder", "/abs")?.problem).toMatch(/path inside the datastore/);
    expect(assetPathProblem("uri_folder", "abfss://fs@acc.dfs.core.windows.net/x")?.problem).toMatch(/path inside the datastore/);
    expect(assetPathProblem("uri_folder", "raw/../other")?.problem).toMatch(/leaves the datastore/);
});

it("builds the azureml:// URI: a folder ends with /, a file does not", () => {
    expect(datastoreUri("risk_raw", "transactions/2026", "uri_folder")).toBe("azureml://datastores/risk_raw/paths/transactions/2026/");
    expect(datastoreUri("risk_raw", "tables/loans/", "mltable")).toBe("azureml://datastores/risk_raw/paths/tables/loans/");
    expect(datastoreUri("risk_raw", "samples/one.csv", "uri_file")).toBe("azureml://datastores/risk_raw/paths/samples/one.csv");
});

it("file shares are refused with the reason; blob and Data Lake are identity-based", () => {
    expect(datastoreKindProblem("azureBlob")).toBeUndefined();
    expect(datastoreKindProblem("adlsGen2")).toBeUndefined();
    expect(datastoreKindProblem("azureFile")?.problem).toMatch(/account key or a SAS token/);
});

it("roles by access, and the stronger access wins on a shared account", () => {
    expect(DATA_ROLE_BY_ACCESS).toEqual({ read: "storageBlobDataReader", readWrite: "storageBlobDataContributor" });
    expect(strongerAccess("read", "read")).toBe("read");
    expect(strongerAccess("read", "readWrite")).toBe("readWrite");
});

it("the component refuses what the config refuses, all problems at once", () => {
    expect(dataAssetArgProblems({ assetName: "a.b", type: "uri_file", versions: { "x y": { path: "dir/" } } })).toEqual([
        expect.stringMatching(/^assetName: data asset name/),
        expect.stringMatching(/^versions\.x y: version must be/),
        expect.stringMatching(/^versions\.x y\.path \("dir\/"\) ends with \//),
    ]);
    expect(dataAssetArgProblems({ assetName: "a", type: "uri_folder", versions: {} })).toEqual(["versions: at least one version is needed"]);
});

it("lake account names are valid, deterministic, and differ by team and lake", () => {
    const a = lakeAccountName("aml-prod-risk", "lake", ["p", "s", "westeurope", "team:risk"]);
    expect(nameProblem("storageAccount", a)).toBeUndefined();
    expect(lakeAccountName("aml-prod-risk", "lake", ["p", "s", "westeurope", "team:risk"])).toBe(a);
    expect(lakeAccountName("aml-prod-fraud", "lake", ["p", "s", "westeurope", "team:fraud"])).not.toBe(a);
    expect(lakeAccountName("aml-prod-risk", "raw", ["p", "s", "westeurope", "team:risk"])).not.toBe(a);
});
