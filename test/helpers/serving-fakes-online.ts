/**
 * A ServingArtifacts stand-in for host tests (until the artifacts helper lands): digest-pinned
 * images with the sample app's port and routes, model versions as workspace asset IDs, and
 * environment versions, all under the given workspace ID.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ServingArtifacts, ServingModelVersion } from "../../components/serving/serving-artifacts";

/** Fake artifacts of `workspaceId`; `storage` maps a model ref to the account holding its files. */
export function fakeOnlineArtifacts(workspaceId: string, storage: Record<string, string> = {}): ServingArtifacts {
    return {
        image: (key) => ({
            reference: pulumi.output(`crexample.azurecr.io/${key}@sha256:${"a".repeat(64)}`),
            port: 8080,
            routes: { scoring: "/score", liveness: "/healthz/live", readiness: "/healthz/ready" },
            inWorkspaceRegistry: true,
        }),
        model: (ref): ServingModelVersion => {
            const [name, version] = ref.split(":");
            return { assetId: pulumi.output(`${workspaceId}/models/${name}/versions/${version}`), uri: pulumi.output(`azureml://models/${name}/versions/${version}`), storageAccountId: storage[ref] };
        },
        environment: (key) => pulumi.output(`${workspaceId}/environments/${key}/versions/1`),
        resources: [],
    };
}
