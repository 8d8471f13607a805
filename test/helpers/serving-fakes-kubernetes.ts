/**
 * A fake ServingArtifacts for host tests until the artifacts helper lands: digest-pinned images in
 * the workspace registry and registered model versions, with no resources of their own.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ServingArtifacts, ServingImage, ServingModelVersion } from "../../components/serving/serving-artifacts";

/** Artifacts of the given images (`key -> reference`) and models (`name:version -> { uri, storageAccountId }`). */
export function fakeKubernetesArtifacts(images: Record<string, string>, models: Record<string, { uri: string; storageAccountId?: string }>): ServingArtifacts {
    return {
        image(key: string): ServingImage {
            const reference = images[key];
            if (reference === undefined) throw new Error(`no image ${key}`);
            return { reference: pulumi.output(reference), port: 8080, routes: { scoring: "/score", liveness: "/healthz/live", readiness: "/healthz/ready" }, inWorkspaceRegistry: true };
        },
        model(ref: string): ServingModelVersion {
            const m = models[ref];
            if (m === undefined) throw new Error(`no model ${ref}`);
            return { assetId: pulumi.output(`azureml:${ref}`), uri: pulumi.output(m.uri), storageAccountId: m.storageAccountId };
        },
        environment(imageKey: string): pulumi.Output<string> {
            return pulumi.output(`environment-of-${imageKey}`);
        },
        resources: [],
    };
}
