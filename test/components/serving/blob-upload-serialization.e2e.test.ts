/**
 * The default upload provider survives Pulumi's function serialization (what `pulumi up` does to a
 * dynamic provider) and works from the serialized text alone, in a fresh module: it captures no
 * secret, check and diff run, and an operation builds its token source at run time from the
 * environment, which here names what is missing before any request leaves.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { modelFolderUploadProvider } from "../../../components/serving/blob-upload-dynamic";
import { folderDigest } from "../../../components/serving/blob-upload";
import { restoreEnvironmentAfterEach, serializedProvider } from "../../helpers/serialized-provider";

restoreEnvironmentAfterEach();

it("serializes without secrets and runs from the text, building the token source at run time", async () => {
    const provider = modelFolderUploadProvider();
    const { loaded, containsSecrets } = await serializedProvider(provider, __dirname);
    expect(containsSecrets).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "serialized-upload-"));
    fs.writeFileSync(path.join(dir, "model.json"), "{}");
    const news = { accountName: "stamldev", storageSuffix: "core.windows.net", container: "models", prefix: "churn/1/", localPath: dir, contentDigest: folderDigest(dir) };
    const checked = await loaded.check({}, news);
    expect(checked).toEqual({ inputs: { ...news, tokenSource: "auto" }, failures: [] });
    expect(await loaded.diff("id", checked.inputs, { ...checked.inputs, localPath: "/elsewhere" })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(await loaded.diff("id", checked.inputs, { ...checked.inputs, prefix: "churn/2/" })).toMatchObject({ replaces: ["prefix"] });
    for (const k of ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_SECRET"]) delete process.env[k];
    // The loaded module runs outside jest's sandbox, so its Error is another realm's: compare the message.
    const message = await loaded.create({ ...checked.inputs, tokenSource: "environment" }).then(
        () => "created",
        (err: unknown) => `${String(err)}`,
    );
    expect(message).toBe(
        "BlobRequestError: storage account stamldev, container models, blob churn/1/model.json: put blob: no Entra ID token for https://storage.azure.com/.default: set AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET for an identity with Storage Blob Data Contributor on the account, or use tokenSource \"azureCli\"",
    );
}, 15_000);
