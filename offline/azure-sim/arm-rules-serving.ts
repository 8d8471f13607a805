/**
 * What Azure refuses about serving artifacts (environment and model versions).
 *
 * Sources (checked 2026-12-04):
 * - "CLI (v2) environment YAML schema" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-environment):
 *   `image`: "One of image or build is required"; `os_type` linux or windows.
 * - "CLI (v2) model YAML schema" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-model):
 *   `type` allowed values custom_model, mlflow_model, triton_model.
 */
import { readPath } from "../../components/object-path";
import { ModelType } from "../../components/serving/serving-enums";
import type { RuleSubject } from "./arm-rules";

type Rule = (s: RuleSubject) => string | undefined;

const ENVIRONMENT_OS_TYPES = ["linux", "windows"];

/** An environment version names a finished image or a build context. */
const environmentImageOrBuild: Rule = (s) =>
    readPath(s.inputs, "properties.image") === undefined && readPath(s.inputs, "properties.build") === undefined
        ? "properties has neither image nor build; one of them is required (environment YAML schema)"
        : undefined;

const environmentOsType: Rule = (s) => {
    const os = readPath(s.inputs, "properties.osType");
    return typeof os === "string" && !ENVIRONMENT_OS_TYPES.includes(os.toLowerCase()) ? `properties.osType ${os} is not Linux or Windows` : undefined;
};

/** A model version's type is one of the documented storage formats. */
const modelType: Rule = (s) => {
    const type = readPath(s.inputs, "properties.modelType");
    const allowed: string[] = Object.values(ModelType);
    return typeof type === "string" && !allowed.includes(type) ? `properties.modelType ${type} is not one of ${allowed.join(", ")}` : undefined;
};

/** Rules by type token. */
export const SERVING_ARTIFACT_RULES: Readonly<Record<string, readonly Rule[]>> = {
    "azure-native:machinelearningservices:EnvironmentVersion": [environmentImageOrBuild, environmentOsType],
    "azure-native:machinelearningservices:ModelVersion": [modelType],
    "azure-native:machinelearningservices:RegistryModelVersion": [modelType],
};
