/**
 * What the containerInstance host reads, faked for tests until the artifacts helper lands: a
 * ServingArtifacts answering one image and one model, and a ServingContext of one workspace.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ServingArtifacts } from "../../components/serving/serving-artifacts";
import type { ServingContext } from "../../components/serving/serving-context";

export const SUB = "00000000-0000-0000-0000-000000000000";
export const RG = "rg-aml-prod";
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`;
export const DIGEST = `sha256:${"a".repeat(64)}`;
export const MODEL_STORAGE_ID = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmodels`;
export const MODEL_URI = "https://stmodels.blob.core.windows.net/models/credit/1/";
export const LOG_ID = `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log-aml-prod`;

/** Artifacts with image `score` (in `loginServer`'s registry, or another when `inWorkspaceRegistry` is false) and model `credit:1`. */
export function fakeArtifacts(loginServer: pulumi.Input<string>, inWorkspaceRegistry = true): ServingArtifacts {
    return {
        image: (key) => {
            if (key !== "score") throw new Error(`unknown image ${key}`);
            return { reference: pulumi.interpolate`${loginServer}/score@${DIGEST}`, port: 8080, routes: { scoring: "/score", liveness: "/healthz/live", readiness: "/healthz/ready" }, inWorkspaceRegistry };
        },
        model: (ref) => {
            if (ref !== "credit:1") throw new Error(`unknown model ${ref}`);
            return { assetId: pulumi.output(`${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw/models/credit/versions/1`), uri: pulumi.output(MODEL_URI), storageAccountId: MODEL_STORAGE_ID };
        },
        environment: () => pulumi.output("unused"),
        resources: [],
    };
}

/** A context for workspace `mlw-aml-prod` of team `risk`. */
export function fakeContext(over: Partial<ServingContext> & { registryId: pulumi.Input<string | undefined> }): ServingContext {
    const { registryId, ...rest } = over;
    return {
        name: "platform-team-risk",
        teamKey: "risk",
        namePrefix: "aml-prod-risk",
        uniqueBy: ["aml-workspace", "prod", "westeurope", "team:risk"],
        resourceGroupName: RG,
        location: "westeurope",
        tags: { owner: "ml-platform" },
        subscriptionId: SUB,
        tenantId: "00000000-0000-0000-0000-0000000000aa",
        workspace: {
            name: "mlw-aml-prod-risk",
            id: `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-aml-prod-risk`,
            principalId: "00000000-0000-0000-0000-0000000000dd",
            storageAccountId: MODEL_STORAGE_ID,
            registryId,
            registryLoginServer: undefined,
            applicationInsightsId: `${RG_ID}/providers/Microsoft.Insights/components/appi-aml-prod`,
            applicationInsightsConnectionString: pulumi.secret("InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://westeurope-0.in.applicationinsights.azure.com/"),
        },
        publicNetworkAccess: "Disabled",
        logAnalyticsWorkspaceId: LOG_ID,
        clusters: {},
        kubernetesComputes: {},
        dependsOn: [],
        ...rest,
    };
}
