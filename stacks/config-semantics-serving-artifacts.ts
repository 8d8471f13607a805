/**
 * Serving artifacts in the stack config (`serving` and `teams.<key>.serving`): scoring images,
 * registered models, and that every endpoint names images and model versions that exist. The
 * library's pure checks (components/serving/scoring-images.ts `imageArgProblems`,
 * registered-models.ts `modelSourceOf` and name rules) with their full key paths, plus what needs
 * the rest of the config (datastores, the model registry and its consumers).
 *
 * Files (build contexts, Dockerfiles, local model folders) are checked when the program reads the
 * stack folder: {@link servingFileProblems}.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { WORKSPACE_DATASTORES } from "../components/data/data-settings";
import { dockerfileProblems } from "../components/serving/dockerfile-check";
import { CONTAINER_NAME_PATTERN } from "../components/serving/blob-rest";
import { modelUploadContainer, uploadSourceProblem } from "../components/serving/blob-upload";
import { modelNameProblem, modelSourceOf, modelVersionProblem, REGISTRY_LOCAL_PATH_REFUSAL } from "../components/serving/registered-models";
import { imageArgProblems } from "../components/serving/scoring-images";
import { SERVING_DEFAULTS } from "../components/serving/serving-defaults";
import { EndpointHost, ModelRegistryTarget } from "../components/serving/serving-enums";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";
import { guardedEntries } from "./config-guard";
import { servingBlocksOf, type ServingBlock } from "./config-serving";

/** Hosts whose endpoint names its image and model itself (one container); the online hosts name them per deployment. */
const ENDPOINT_LEVEL_HOSTS: readonly string[] = [EndpointHost.ContainerInstance, EndpointHost.Kubernetes, EndpointHost.Fpga];

/** Every image, model and endpoint-reference problem of the config. */
export function servingArtifactProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const sec of servingBlocksOf(c)) {
        const images = sec.serving.images ?? {};
        const models = sec.serving.models ?? {};
        for (const [key, img] of Object.entries(images)) {
            for (const p of imageArgProblems(img)) {
                const [field, ...rest] = p.startsWith("reference: ") || p.startsWith("repository: ") ? p.split(": ") : ["", p];
                out.push({
                    path: at(`${sec.path}.images.${key}${field ? `.${field}` : ""}`),
                    problem: field ? rest.join(": ") : p,
                    fix: field === "reference" ? "pin it: <registry>/<repository>@sha256:<64 hex> (docker buildx imagetools inspect <image> prints the digest)" : field === "repository" ? "use lowercase letters, digits and '.', '_', '-', '/' separators" : "set build (a context folder) to build the image, or reference (a digest-pinned image) to adopt one",
                });
            }
        }
        const versions = new Set<string>();
        for (const [name, model] of Object.entries(models)) {
            const modelPath = `${sec.path}.models.${name}`;
            const badName = modelNameProblem(name);
            if (badName) out.push({ path: at(modelPath), problem: badName, fix: "rename the model key" });
            const registry = model.registry ?? SERVING_DEFAULTS["serving.models.*.registry"];
            if (registry === ModelRegistryTarget.Platform) {
                if (!c.modelRegistry) {
                    out.push({ path: at(`${modelPath}.registry`), problem: "is platform, but the stack has no modelRegistry", fix: "declare modelRegistry, or set registry: workspace" });
                } else if (sec.teamKey !== undefined && !(c.modelRegistry.consumers ?? []).includes(sec.teamKey)) {
                    out.push({
                        path: at(`${modelPath}.registry`),
                        problem: `is platform, but team ${sec.teamKey} is not in modelRegistry.consumers, so its workspace identity cannot read the registry's models`,
                        fix: `add ${sec.teamKey} to modelRegistry.consumers`,
                    });
                }
            }
            for (const [version, v] of Object.entries(model.versions ?? {})) {
                versions.add(`${name}:${version}`);
                const vPath = `${modelPath}.versions.${version}`;
                const badVersion = modelVersionProblem(version);
                if (badVersion) out.push({ path: at(vPath), problem: badVersion, fix: "rename the version key" });
                const source = modelSourceOf(v);
                if ("problem" in source) {
                    out.push({ path: at(vPath), problem: source.problem, fix: source.fix });
                } else if (source.kind === "localPath") {
                    if (registry === ModelRegistryTarget.Platform) out.push({ path: at(`${vPath}.localPath`), problem: REGISTRY_LOCAL_PATH_REFUSAL.problem, fix: REGISTRY_LOCAL_PATH_REFUSAL.fix });
                } else if (source.kind === "datastore") {
                    if (registry === ModelRegistryTarget.Platform) {
                        out.push({ path: at(`${vPath}.datastore`), problem: "names a datastore, but a platform registry model has no workspace datastores", fix: "use path with the files' https:// URL, or register the model in the workspace" });
                    } else if (!sec.datastores.includes(source.datastore) && !(WORKSPACE_DATASTORES as readonly string[]).includes(source.datastore)) {
                        const known = [...sec.datastores, ...WORKSPACE_DATASTORES];
                        out.push({ path: at(`${vPath}.datastore`), problem: `names ${source.datastore}, which is not a datastore of this workspace`, fix: `use one of ${known.join(", ")}, or declare it under ${sec.path.replace(/serving$/, "data")}.datastores` });
                    }
                }
            }
        }
        const imageKeys = Object.keys(images);
        const refProblems = (where: string, image: string | undefined, model: string | undefined, required: boolean, modelRequired = required): void => {
            if (image === undefined) {
                if (required) out.push({ path: at(`${where}.image`), problem: "is not set, so the endpoint has neither an image nor a build context", fix: `name a key of ${sec.path}.images${imageKeys.length ? ` (${imageKeys.join(", ")})` : ", and declare the image there (build: { context: <folder> })"}` });
            } else if (!imageKeys.includes(image)) {
                out.push({ path: at(`${where}.image`), problem: `names ${image}, which is not an image of ${sec.path}.images`, fix: imageKeys.length ? `use one of ${imageKeys.join(", ")}` : `declare ${sec.path}.images.${image} with build or reference` });
            }
            if (model === undefined) {
                if (modelRequired) out.push({ path: at(`${where}.model`), problem: "is not set", fix: `name a model version <name>:<version> of ${sec.path}.models` });
            } else if (!versions.has(model)) {
                out.push({ path: at(`${where}.model`), problem: `names ${model}, which is not a version of ${sec.path}.models`, fix: versions.size ? `use one of ${[...versions].join(", ")}` : `declare it under ${sec.path}.models (<name>.versions.<version>)` });
            }
        };
        // Which fields each host takes (deployments or not, image and model where) is each host's own
        // check (config-semantics-serving-<host>.ts); here only what the names refer to.
        for (const [key, e] of guardedEntries(out, sec.serving.endpoints)) {
            const where = `${sec.path}.endpoints.${key}`;
            const deployments = Object.entries(e.deployments ?? {});
            if (ENDPOINT_LEVEL_HOSTS.includes(e.host)) {
                refProblems(where, e.image, e.model, true);
                continue;
            }
            // An edge module carries its model in its image (the host refuses `model`).
            if (e.host === EndpointHost.IotEdge) {
                refProblems(where, e.image, undefined, true, false);
                continue;
            }
            for (const [d, dep] of deployments) refProblems(`${where}.deployments.${d}`, dep.image, dep.model, true);
        }
    }
    return out;
}

/** Reads a file's text (injected in tests). */
export type ReadText = (absolutePath: string) => string;

/**
 * The build contexts of the config's images, relative to `stackDir`: each must be a folder holding
 * its Dockerfile, and the Dockerfile must pass the scoring-image rules (dockerfile-check.ts) for the
 * image's port. Every problem with its key path, together.
 */
export function servingFileProblems(c: PlatformConfig, stackDir: string, read: ReadText = (p) => fs.readFileSync(p, "utf8")): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const sec of servingBlocksOf(c)) {
        for (const [key, img] of Object.entries(sec.serving.images ?? {})) {
            if (!img.build) continue;
            const buildPath = `${sec.path}.images.${key}.build`;
            const context = path.resolve(stackDir, img.build.context);
            if (!fs.existsSync(context) || !fs.statSync(context).isDirectory()) {
                out.push({ path: at(`${buildPath}.context`), problem: `names ${img.build.context}, which is not a folder (resolved against the stack folder: ${context})`, fix: "correct the path; it is relative to the stack folder" });
                continue;
            }
            const dockerfile = img.build.dockerfile ?? SERVING_DEFAULTS["serving.images.*.build.dockerfile"];
            let text: string;
            try {
                text = read(path.join(context, dockerfile));
            } catch {
                out.push({ path: at(`${buildPath}.dockerfile`), problem: `${dockerfile} is not a file in ${img.build.context}`, fix: `add ${dockerfile} to the context folder, or set build.dockerfile to the Dockerfile's path inside it` });
                continue;
            }
            let problems;
            try {
                problems = dockerfileProblems(text, { port: img.port ?? SERVING_DEFAULTS["serving.images.*.port"] });
            } catch (e) {
                out.push({ path: at(`${buildPath}.dockerfile`), problem: `${dockerfile} cannot be checked: ${(e as Error).message}`, fix: "write it without the unsupported construct" });
                continue;
            }
            for (const p of problems) out.push({ path: at(`${buildPath}.dockerfile`), problem: `${dockerfile} line ${p.line}: ${p.message} [${p.rule}]`, fix: "correct the Dockerfile (README, Serving: what a scoring image must follow)" });
        }
        out.push(...localModelProblems(sec, stackDir));
    }
    return out;
}

/**
 * The local model folders of a serving block (`models.<name>.versions.<v>.localPath`): each must
 * exist inside the stack's repository checkout as a folder or file, hold files, no symbolic links,
 * and stay within the upload limits (blob-upload.ts MODEL_UPLOAD_LIMITS).
 */
function localModelProblems(sec: ServingBlock, stackDir: string): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const [name, model] of Object.entries(sec.serving.models ?? {})) {
        for (const [version, v] of Object.entries(model.versions ?? {})) {
            if (v.localPath === undefined) continue;
            const container = modelUploadContainer(sec.teamKey);
            if (!CONTAINER_NAME_PATTERN.test(container)) {
                // "Naming and referencing containers, blobs, and metadata": no consecutive hyphens, none at the end.
                out.push({ path: at(`${sec.path}.models.${name}.versions.${version}.localPath`), problem: `would be uploaded to container ${container}, which is not a valid container name (lowercase letters, digits and single hyphens, not ending in one)`, fix: "rename the team key without consecutive or trailing hyphens, or give the model a path" });
                continue;
            }
            const resolved = path.resolve(stackDir, v.localPath);
            const problem = uploadSourceProblem(resolved);
            if (problem !== undefined) {
                out.push({ path: at(`${sec.path}.models.${name}.versions.${version}.localPath`), problem: `names ${v.localPath}, which ${problem} (resolved against the stack folder: ${resolved})`, fix: "name a folder (or file) of model files; the path is relative to the stack folder" });
            }
        }
    }
    return out;
}

/** The checks config.ts runs with the other semantic checks. */
export const SERVING_ARTIFACT_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [servingArtifactProblems];
