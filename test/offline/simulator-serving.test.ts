/** What simulated Azure refuses about serving artifacts, and the docker image's simulated digest. */
import { armRejections } from "../../offline/azure-sim/arm-rules";
import { COMPUTED } from "../../offline/azure-sim/computed";
import { CLOUDS } from "../../components/clouds";

const subject = (type: string, inputs: Record<string, unknown>) => ({ type, logicalName: "x", inputs, subscriptionId: "s", lookup: () => undefined, all: () => [] });
const ENV = "azure-native:machinelearningservices:EnvironmentVersion";

describe("environment and model versions", () => {
    it("an environment version needs an image or a build context, on Linux or Windows", () => {
        expect(armRejections(subject(ENV, { properties: { image: "cr.azurecr.io/a@sha256:0", osType: "Linux" } }))).toEqual([]);
        expect(armRejections(subject(ENV, { properties: { build: { contextUri: "https://x" } } }))).toEqual([]);
        expect(armRejections(subject(ENV, { properties: { osType: "Plan9" } }))).toEqual([
            `${ENV} "x": properties has neither image nor build; one of them is required (environment YAML schema)`,
            `${ENV} "x": properties.osType Plan9 is not Linux or Windows`,
        ]);
    });

    it.each(["azure-native:machinelearningservices:ModelVersion", "azure-native:machinelearningservices:RegistryModelVersion"])("%s: a documented model type", (type) => {
        expect(armRejections(subject(type, { properties: { modelType: "mlflow_model" } }))).toEqual([]);
        expect(armRejections(subject(type, { properties: { modelType: "onnx" } }))).toEqual([`${type} "x": properties.modelType onnx is not one of custom_model, mlflow_model, triton_model`]);
    });
});

describe("docker image push", () => {
    const push = (imageName: string) => COMPUTED["docker:index/image:Image"]({ id: "i", name: "i", inputs: { imageName }, tenantId: "t", cloud: CLOUDS.AzureCloud });

    it("reports <name>@sha256:<64 hex>, the same for the same image name, another for another content tag", () => {
        const a = push("cr.azurecr.io/scorer:ctx-0000000000000001");
        expect(a.repoDigest).toMatch(/^cr\.azurecr\.io\/scorer@sha256:[0-9a-f]{64}$/);
        expect(push("cr.azurecr.io/scorer:ctx-0000000000000001").repoDigest).toBe(a.repoDigest);
        expect(push("cr.azurecr.io/scorer:ctx-0000000000000002").repoDigest).not.toBe(a.repoDigest);
        expect(push("localhost:5000/scorer:ctx-1").repoDigest).toMatch(/^localhost:5000\/scorer@sha256:/);
    });
});
