/**
 * Entry point of `pulumi up` (Pulumi.yaml `main`). Invalid configuration is
 * reported as one line per problem and no resource is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config-errors";
import { definePlatform, type StackOutputs } from "./program";

function run(): StackOutputs | undefined {
    try {
        return definePlatform();
    } catch (err) {
        if (err instanceof ConfigError) {
            // RunError makes Pulumi print the message alone, without a stack trace.
            throw new pulumi.RunError(err.message);
        }
        throw err;
    }
}

const outputs = run();

export const resourceGroupName = outputs?.resourceGroupName;
export const workspaceName = outputs?.workspaceName;
export const workspaceId = outputs?.workspaceId;
export const discoveryUrl = outputs?.discoveryUrl;
export const principalId = outputs?.principalId;
export const storageAccountId = outputs?.storageAccountId;
export const keyVaultUri = outputs?.keyVaultUri;
export const registryLoginServer = outputs?.registryLoginServer;
export const applicationInsightsConnectionString = outputs?.applicationInsightsConnectionString;
export const scoringUris = outputs?.scoringUris;
