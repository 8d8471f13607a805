/**
 * Registered models of one serving workspace: a model container and one version per entry, in the
 * serving workspace (ModelContainer/ModelVersion) or, with `registry: platform`, in the platform's
 * Azure ML registry (RegistryModelContainer/RegistryModelVersion), so every team can deploy it.
 *
 * What online deployments name ("Share models, components, and environments across workspaces with
 * registries", https://learn.microsoft.com/azure/machine-learning/how-to-share-models-pipelines-across-workspaces-with-registries,
 * and "Specify model to deploy for use in online endpoint",
 * https://learn.microsoft.com/azure/machine-learning/concept-online-deployment-model-specification):
 * a workspace model version by its ARM ID, a registry model version by its asset ID
 * `azureml://registries/<registry>/models/<name>/versions/<version>`.
 *
 * Where the files are: `path` as given (an https blob URL or an azureml:// URI), or
 * `azureml://datastores/<datastore>/paths/<path>` ("Create data assets": the datastore URI form),
 * or for `localPath` the https URL of the folder uploaded with Entra ID to the workspace's default
 * storage (model-uploads.ts); a version waits for its upload.
 */
import * as pulumi from "@pulumi/pulumi";
import { ModelContainer, ModelVersion, RegistryModelContainer, RegistryModelVersion } from "@pulumi/azure-native/machinelearningservices";
import { assetVersionProblem, WORKSPACE_DATASTORES } from "../data/data-settings";
import type { PlatformModelVersionArgs, PlatformServingModelArgs } from "./platform-serving-args";
import type { ServingModelVersion } from "./serving-artifacts";
import type { ServingContext } from "./serving-context";
import { SERVING_DEFAULTS } from "./serving-defaults";
import { ModelRegistryTarget } from "./serving-enums";
import { createModelUpload, lazyModelUploadTarget, type ModelUploadTarget } from "./model-uploads";

/**
 * Why `localPath` is refused for a platform registry model: the files are uploaded to the serving
 * workspace's default storage, but a registry model is for every consumer team, and only this
 * workspace's identity and hosts are granted read on that account; a registry keeps its assets in
 * storage of its own ("Share models, components, and environments across workspaces with
 * registries", https://learn.microsoft.com/azure/machine-learning/how-to-share-models-pipelines-across-workspaces-with-registries:
 * a registry asset created from a local path or a workspace asset is copied into the registry's
 * storage by the SDK/CLI, which the management API used here does not do for a URL). Register it
 * in the workspace instead.
 */
export const REGISTRY_LOCAL_PATH_REFUSAL = {
    problem: "is uploaded to the serving workspace's storage, which a platform registry model version does not read (a registry keeps its own storage)",
    fix: "set registry: workspace for a model uploaded from a local folder, or upload the files yourself and give the registry model their path",
} as const;

/** A model name (1-255 letters, digits, `-`, `_`, `.`, starting with a letter or digit). */
const MODEL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/;

/** Why `name` is not a model name, or undefined. */
export function modelNameProblem(name: string): string | undefined {
    return MODEL_NAME.test(name) ? undefined : `model name must be 1-255 letters, digits, '-', '_' and '.', starting with a letter or digit; got '${name}'`;
}

/** Why `version` is not a model version, or undefined: the asset version rule every Azure ML asset shares (data-settings.ts). */
export function modelVersionProblem(version: string): string | undefined {
    return assetVersionProblem(version);
}

/** The one source a version names, or a problem. */
export type ModelSource = { kind: "path"; uri: string } | { kind: "datastore"; datastore: string; uri: string } | { kind: "localPath"; localPath: string };

/** The source of a version (pure); `problem` when it names none, several, or a bad one. */
export function modelSourceOf(v: PlatformModelVersionArgs): ModelSource | { problem: string; fix: string } {
    const named = [v.path !== undefined, v.datastore !== undefined || v.datastorePath !== undefined, v.localPath !== undefined].filter(Boolean).length;
    if (named !== 1) return { problem: named === 0 ? "names no files" : "names more than one source", fix: "set exactly one of path, datastore + datastorePath, or localPath" };
    if (v.path !== undefined) {
        if (!/^(https:\/\/|azureml:\/\/)\S+$/.test(v.path)) return { problem: `path "${v.path}" is neither an https:// URL nor an azureml:// URI`, fix: "use https://<account>.blob.core.windows.net/<container>/<path> or azureml://datastores/<datastore>/paths/<path>" };
        return { kind: "path", uri: v.path };
    }
    if (v.localPath !== undefined) return { kind: "localPath", localPath: v.localPath };
    if (v.datastore === undefined || v.datastorePath === undefined) return { problem: `has ${v.datastore === undefined ? "datastorePath without datastore" : "datastore without datastorePath"}`, fix: "set both datastore and datastorePath" };
    return { kind: "datastore", datastore: v.datastore, uri: `azureml://datastores/${v.datastore}/paths/${v.datastorePath.replace(/^\/+/, "")}` };
}

/** The asset ID of a registry model version (what a deployment names). */
export function registryModelAssetId(registryName: string, model: string, version: string): string {
    return `azureml://registries/${registryName}/models/${model}/versions/${version}`;
}

/** Registers `serving.models.<name>` and its versions; the versions by `<name>:<version>`. */
export function createRegisteredModel(
    name: string,
    args: PlatformServingModelArgs,
    ctx: ServingContext,
    parent: pulumi.Resource,
    /** Where local folders go; one per serving workspace (serving-artifacts-create.ts shares it). Default: this model's own. */
    uploadTarget: () => ModelUploadTarget = lazyModelUploadTarget(ctx, parent),
): { versions: Record<string, ServingModelVersion>; resources: pulumi.Resource[] } {
    const fail = (what: string): never => {
        throw new pulumi.ResourceError(`serving.models.${name}${what}`, parent);
    };
    const nameProblem = modelNameProblem(name);
    if (nameProblem) fail(`: ${nameProblem}`);
    if (Object.keys(args.versions ?? {}).length === 0) fail(".versions: at least one version is needed");
    const target = args.registry ?? SERVING_DEFAULTS["serving.models.*.registry"];
    const modelType = args.type ?? SERVING_DEFAULTS["serving.models.*.type"];
    const registry = target === ModelRegistryTarget.Platform ? ctx.modelRegistry : undefined;
    if (target === ModelRegistryTarget.Platform && !registry) fail(".registry: is platform, but the platform has no modelRegistry (declare modelRegistry, or register the model in the workspace)");
    // Every version is checked before anything is registered: a bad one creates nothing.
    const sources = Object.entries(args.versions).map(([version, v]): [string, PlatformModelVersionArgs, ModelSource] => {
        const versionProblem = modelVersionProblem(version);
        if (versionProblem) fail(`.versions.${version}: ${versionProblem}`);
        const source = modelSourceOf(v);
        if ("problem" in source) return fail(`.versions.${version}: ${source.problem} (${source.fix})`);
        if (registry && source.kind === "localPath") return fail(`.versions.${version}.localPath ${REGISTRY_LOCAL_PATH_REFUSAL.problem} (${REGISTRY_LOCAL_PATH_REFUSAL.fix})`);
        if (registry && source.kind === "datastore") fail(`.versions.${version}.datastore: a registry has no datastores (use path with the files' https:// URL)`);
        return [version, v, source];
    });
    const base = `${ctx.name}-model-${name}`;
    const opts = { parent, dependsOn: ctx.dependsOn };
    const container = registry
        ? new RegistryModelContainer(`${base}`, { resourceGroupName: ctx.resourceGroupName, registryName: registry.name, modelName: name, properties: { description: args.description, tags: ctx.tags } }, opts)
        : new ModelContainer(`${base}`, { resourceGroupName: ctx.resourceGroupName, workspaceName: ctx.workspace.name, name, properties: { description: args.description, tags: ctx.tags } }, opts);
    const resources: pulumi.Resource[] = [container];
    const versions: Record<string, ServingModelVersion> = {};
    for (const [version, v, s] of sources) {
        let uri: pulumi.Input<string>;
        const waitFor: pulumi.Resource[] = [container];
        if (s.kind === "localPath") {
            const uploaded = createModelUpload(name, version, s.localPath, uploadTarget(), ctx, parent, `${ctx.teamKey ? `teams.${ctx.teamKey}.` : ""}serving.models.${name}.versions.${version}.localPath`);
            resources.push(uploaded.upload);
            waitFor.push(uploaded.upload);
            uri = uploaded.uri;
        } else {
            uri = s.uri;
        }
        const properties = { modelType, modelUri: uri, description: v.description, tags: ctx.tags };
        const vOpts = { parent, dependsOn: waitFor };
        if (registry) {
            const created = new RegistryModelVersion(`${base}-v-${version}`, { resourceGroupName: ctx.resourceGroupName, registryName: registry.name, modelName: name, version, properties }, vOpts);
            resources.push(created);
            versions[`${name}:${version}`] = { assetId: pulumi.output(registry.name).apply((r) => registryModelAssetId(r, name, version)), uri: pulumi.output(uri) };
        } else {
            const created = new ModelVersion(`${base}-v-${version}`, { resourceGroupName: ctx.resourceGroupName, workspaceName: ctx.workspace.name, name, version, properties }, vOpts);
            resources.push(created);
            // The workspace's own blob datastores and the uploads live in its default storage account (a host's identity reads the files there).
            const workspaceStore = s.kind === "localPath" || (s.kind === "datastore" && (WORKSPACE_DATASTORES as readonly string[]).includes(s.datastore) && s.datastore !== "workspacefilestore");
            versions[`${name}:${version}`] = { assetId: created.id, uri: pulumi.output(uri), storageAccountId: workspaceStore ? ctx.workspace.storageAccountId : undefined };
        }
    }
    return { versions, resources };
}
