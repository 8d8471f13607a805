/**
 * Serving artifacts in the stack config (`serving` and `teams.<key>.serving`): scoring images,
 * registered models, and that every endpoint names images and model versions that exist. The
 * library's pure checks (components/serving/scoring-images.ts `imageArgProblems`,
 * registered-models.ts `modelSourceOf` and name rules) with their full key paths, plus what needs
 * the rest of the config (datastores, the model registry and its consumers).
 *
 * Files (build contexts, Dockerfiles) are checked when the program reads the stack folder:
 * {@link servingFileProblems}.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { WORKSPACE_DATASTORES } from "../components/data/data-settings";
import { dockerfileProblems } from "../components/serving/dockerfile-check";
import { LOCAL_PATH_REFUSAL, modelNameProblem, modelSourceOf, modelVersionProblem } from "../components/serving/registered-models";
import { imageArgProblems } from "../components/serving/scoring-images";
import { SERVING_DEFAULTS } from "../components/serving/serving-defaults";
import { EndpointHost, ModelRegistryTarget } from "../components/serving/serving-enums";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig, Serving } from "./config-types";

/** One serving block with its key path, team, and the datastores of the same workspace. */
interface ServingSection {
    base: string;
    teamKey?: string;
    serving: NonNullable<Serving>;
    datastores: string[];
}

function sectionsOf(c: PlatformConfig): ServingSection[] {
    const datastoresOf = (d: unknown): string[] => Object.keys((d as { datastores?: Record<string, unknown> } | undefined)?.datastores ?? {});
    const out: ServingSection[] = [];
    if (c.serving) out.push({ base: "serving", serving: c.serving, datastores: datastoresOf(c.data) });
    for (const [k, t] of Object.entries(c.teams ?? {})) {
        if (t.serving) out.push({ base: `teams.${k}.serving`, teamKey: k, serving: t.serving, datastores: datastoresOf(t.data) });
    }
    return out;
}

/** Hosts whose endpoint names its image and model itself (one container); the online hosts name them per deployment. */
const ENDPOINT_LEVEL_HOSTS: readonly string[] = [EndpointHost.ContainerInstance, EndpointHost.Kubernetes, EndpointHost.Fpga];

/** Every image, model and endpoint-reference problem of the config. */
export function servingArtifactProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const sec of sectionsOf(c)) {
        const images = sec.serving.images ?? {};
        const models = sec.serving.models ?? {};
        for (const [key, img] of Object.entries(images)) {
            for (const p of imageArgProblems(img)) {
                const [field, ...rest] = p.startsWith("reference: ") || p.startsWith("repository: ") ? p.split(": ") : ["", p];
                out.push({
                    path: at(`${sec.base}.images.${key}${field ? `.${field}` : ""}`),
                    problem: field ? rest.join(": ") : p,
                    fix: field === "reference" ? "pin it: <registry>/<repository>@sha256:<64 hex> (docker buildx imagetools inspect <image> prints the digest)" : field === "repository" ? "use lowercase letters, digits and '.', '_', '-', '/' separators" : "set build (a context folder) to build the image, or reference (a digest-pinned image) to adopt one",
                });
            }
        }
        const versions = new Set<string>();
        for (const [name, model] of Object.entries(models)) {
            const modelPath = `${sec.base}.models.${name}`;
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
                    out.push({ path: at(`${vPath}.localPath`), problem: LOCAL_PATH_REFUSAL.problem, fix: LOCAL_PATH_REFUSAL.fix });
                } else if (source.kind === "datastore") {
                    if (registry === ModelRegistryTarget.Platform) {
                        out.push({ path: at(`${vPath}.datastore`), problem: "names a datastore, but a platform registry model has no workspace datastores", fix: "use path with the files' https:// URL, or register the model in the workspace" });
                    } else if (!sec.datastores.includes(source.datastore) && !(WORKSPACE_DATASTORES as readonly string[]).includes(source.datastore)) {
                        const known = [...sec.datastores, ...WORKSPACE_DATASTORES];
                        out.push({ path: at(`${vPath}.datastore`), problem: `names ${source.datastore}, which is not a datastore of this workspace`, fix: `use one of ${known.join(", ")}, or declare it under ${sec.base.replace(/serving$/, "data")}.datastores` });
                    }
                }
            }
        }
        const imageKeys = Object.keys(images);
        const refProblems = (where: string, image: string | undefined, model: string | undefined, required: boolean): void => {
            if (image === undefined) {
                if (required) out.push({ path: at(`${where}.image`), problem: "is not set, so the endpoint has neither an image nor a build context", fix: `name a key of ${sec.base}.images${imageKeys.length ? ` (${imageKeys.join(", ")})` : ", and declare the image there (build: { context: <folder> })"}` });
            } else if (!imageKeys.includes(image)) {
                out.push({ path: at(`${where}.image`), problem: `names ${image}, which is not an image of ${sec.base}.images`, fix: imageKeys.length ? `use one of ${imageKeys.join(", ")}` : `declare ${sec.base}.images.${image} with build or reference` });
            }
            if (model === undefined) {
                if (required) out.push({ path: at(`${where}.model`), problem: "is not set", fix: `name a model version <name>:<version> of ${sec.base}.models` });
            } else if (!versions.has(model)) {
                out.push({ path: at(`${where}.model`), problem: `names ${model}, which is not a version of ${sec.base}.models`, fix: versions.size ? `use one of ${[...versions].join(", ")}` : `declare it under ${sec.base}.models (<name>.versions.<version>)` });
            }
        };
        // Which fields each host takes (deployments or not, image and model where) is each host's own
        // check (config-semantics-serving-<host>.ts); here only what the names refer to.
        for (const [key, e] of Object.entries(sec.serving.endpoints ?? {})) {
            const where = `${sec.base}.endpoints.${key}`;
            const deployments = Object.entries(e.deployments ?? {});
            if (ENDPOINT_LEVEL_HOSTS.includes(e.host)) {
                refProblems(where, e.image, e.model, true);
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
    for (const sec of sectionsOf(c)) {
        for (const [key, img] of Object.entries(sec.serving.images ?? {})) {
            if (!img.build) continue;
            const buildPath = `${sec.base}.images.${key}.build`;
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
    }
    return out;
}

/** The checks config.ts runs with the other semantic checks. */
export const SERVING_ARTIFACT_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [servingArtifactProblems];
