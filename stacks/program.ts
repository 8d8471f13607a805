/**
 * The program every stack runs: read and validate the platform config, then
 * declare the platform. Shared by `index.ts` (real `pulumi up`) and the
 * offline engine, so both run exactly the same code.
 */
import * as pulumi from "@pulumi/pulumi";
import { MlPlatform } from "../components/platform";
import { CONFIG_KEY, ConfigError } from "./config-errors";
import { platformArgsOf } from "./platform-args";
import { loadPlatformConfig, parseConfigValue } from "./config";
import { readScheduleJobs } from "./config-schedules";
import { readSetupScripts } from "./config-compute-instances";
import { missingServingSecrets } from "./config-serving-secrets";
import { servingFileProblems } from "./config-semantics-serving-artifacts";

/** The stack outputs. */
export interface StackOutputs {
    /** Resource group name. */
    resourceGroupName: pulumi.Output<string>;
    /** Workspace name. */
    workspaceName: pulumi.Output<string | undefined>;
    /** Workspace resource ID. */
    workspaceId: pulumi.Output<string | undefined>;
    /** Workspace discovery URL. */
    discoveryUrl: pulumi.Output<string | undefined>;
    /** Workspace identity principal ID. */
    principalId: pulumi.Output<string | undefined>;
    /** Storage account ID. */
    storageAccountId: pulumi.Output<string | undefined>;
    /** Key vault URI. */
    keyVaultUri: pulumi.Output<string | undefined>;
    /** Registry login server, when the stack has a registry. */
    registryLoginServer: pulumi.Output<string | undefined>;
    /** Application Insights connection string (secret). */
    applicationInsightsConnectionString: pulumi.Output<string | undefined>;
    /** Scoring URI of every endpoint, by `<endpoint>` or `<team>/<endpoint>`; undefined when nothing is served. */
    scoringUris: pulumi.Output<{ [endpoint: string]: string } | undefined>;
}

/** Options of {@link definePlatform}. */
export interface DefinePlatformOptions {
    /** The stack file the config comes from, named in messages. Default `stacks/Pulumi.<stack>.yaml` (Pulumi.yaml `stackConfigDir`). */
    configSource?: string;
    /** The stack folder job files (`schedules.*.job`) and setup scripts (`*.setupScripts.*.file`) are relative to. Default this file's folder, `stacks/` (Pulumi.yaml `stackConfigDir`). */
    stackDir?: string;
}

/**
 * Declares the platform of the current stack. Throws `ConfigError` (before
 * registering any resource) when the config is invalid.
 */
export function definePlatform(opts: DefinePlatformOptions = {}): StackOutputs {
    const [project, key] = CONFIG_KEY.split(":");
    const raw = parseConfigValue(new pulumi.Config(project).get(key));
    const stack = pulumi.getStack();
    const config = loadPlatformConfig(raw, { project: pulumi.getProject(), stack, source: opts.configSource ?? `stacks/Pulumi.${stack}.yaml` });
    // The job files only have a meaning once the config is valid (which workspace, which computes).
    const stackDir = opts.stackDir ?? __dirname;
    const { jobs, problems } = readScheduleJobs(config, stackDir);
    // Setup scripts of compute instances, likewise read from the stack folder; all file problems together.
    const setup = readSetupScripts(config, stackDir);
    // Secret environment variables of endpoints name secret keys of this stack's project config: all missing ones together.
    const secrets = missingServingSecrets(config, (k) => new pulumi.Config(project).getSecret(k) !== undefined, stack);
    // Build contexts of scoring images and their Dockerfiles, likewise.
    const files = servingFileProblems(config, stackDir);
    const fileProblems = [...problems, ...setup.problems, ...secrets, ...files];
    if (fileProblems.length > 0) throw new ConfigError(fileProblems);
    const platform = new MlPlatform(
        "platform",
        platformArgsOf(config, { organization: pulumi.getOrganization(), project: pulumi.getProject(), stack: pulumi.getStack() }, jobs, setup.scripts, {
            stackDir,
            // Secret environment variables of endpoints name secret keys of this stack's project config.
            secret: (configKey) => new pulumi.Config(project).requireSecret(configKey),
        }),
    );
    return {
        resourceGroupName: platform.resourceGroupName,
        workspaceName: platform.workspaceName,
        workspaceId: platform.workspaceId,
        discoveryUrl: platform.discoveryUrl,
        principalId: platform.principalId,
        storageAccountId: platform.storageAccountId,
        keyVaultUri: platform.keyVaultUri,
        registryLoginServer: platform.registryLoginServer,
        applicationInsightsConnectionString: platform.applicationInsightsConnectionString,
        scoringUris: platform.scoringUris,
    };
}
