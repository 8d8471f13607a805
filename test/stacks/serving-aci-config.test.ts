/**
 * Config checks of endpoints on host containerInstance (stacks/config-semantics-serving-aci.ts) and
 * the program-stage check of their secret config keys (stacks/config-serving-secrets.ts).
 */
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { loadPlatformConfig } from "../../stacks/config";
import { missingServingSecrets } from "../../stacks/config-serving-secrets";
import { formatProblem } from "../../stacks/config-errors";
import { runPlatform } from "../helpers/stack";

const DIGEST = `sha256:${"a".repeat(64)}`;
const P = "aml-workspace:platform";
/** Endpoints alert by default; these tests are about the container host, so every block names an action group. */
const ALERTS = { actionGroup: { emails: ["ml-oncall@contoso.example"] } };
const EP = `${P}.serving.endpoints.risk-aci`;
const PRIVATE_NETWORK = {
    publicNetworkAccess: "Disabled",
    privateEndpoints: true,
    virtualNetwork: { addressSpace: ["10.20.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.20.0.0/24" }, scoring: { addressPrefix: "10.20.1.0/24" } } },
};
const IMAGES = { score: { reference: `craml.azurecr.io/score@${DIGEST}` } };
const MODELS = { credit: { versions: { "1": { path: "https://st.blob.core.windows.net/m/credit/1/" } } } };

function config(endpoint: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        environment: "dev",
        location: "westeurope",
        tags: { owner: "ml-platform", costCenter: "CC-1" },
        network: PRIVATE_NETWORK,
        serving: { images: IMAGES, models: MODELS, alerts: ALERTS, endpoints: { "risk-aci": { host: "containerInstance", image: "score", model: "credit:1", ...endpoint } } },
        ...over,
    };
}

describe("serving endpoints on host containerInstance", () => {
    it("accept a private endpoint in a stack with a scoring subnet, with plain and secret variables", () => {
        expect(problemLines(config({ cpu: 4, memoryInGB: 16, environmentVariables: { LOG_LEVEL: "info" }, secretEnvironmentVariables: { SCORING_API_KEY: "riskScoringApiKey" } }))).toEqual([]);
    });

    it("accept a public DNS label on a public stack", () => {
        expect(problemLines(config({ publicDnsLabel: "risk-scoring-dev" }, { network: { publicNetworkAccess: "Enabled" } }))).toEqual([]);
    });

    it("refuse a public DNS label on a private stack, and a label that is not a DNS label", () => {
        expect(problemLines(config({ publicDnsLabel: "Risk_Scoring" }))).toEqual([
            `${EP}.publicDnsLabel: "Risk_Scoring" is not a DNS label (3-63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit) (use e.g. risk-scoring-dev)`,
            `${EP}.publicDnsLabel: gives the container group a public IP, but network.publicNetworkAccess is Disabled (remove publicDnsLabel: the group then gets a private IP in the scoring subnet)`,
        ]);
    });

    it("need a scoring subnet for a private group", () => {
        expect(problemLines(config({}, { network: { publicNetworkAccess: "Enabled" } }))).toEqual([
            `${EP}.publicDnsLabel: is not set, so the container group gets a private IP in the scoring subnet, but the stack has none (add network.virtualNetwork.subnets.scoring (e.g. addressPrefix 10.0.1.0/24) or subnetIds.scoring; or, on a public stack only, set publicDnsLabel)`,
        ]);
    });

    it("refuse a private group in Azure Government, where a group in a virtual network has no managed identity", () => {
        const lines = problemLines(config({}, { cloud: "AzureUSGovernment", location: "usgovvirginia" }));
        expect(lines).toContain(`${EP}: runs in a virtual network, but AzureUSGovernment does not support a managed identity on a container group in a virtual network (and this host pulls its image with one) (serve it on host managedOnline or kubernetes instead)`);
    });

    it("keep cpu and memory within the ACI maxima, all problems of a file together, team key paths included", () => {
        const lines = problemLines({
            ...config({ cpu: 32, memoryInGB: 241 }),
            sharing: "hub",
            serving: undefined,
            teams: { risk: { serving: { images: IMAGES, models: MODELS, alerts: ALERTS, endpoints: { "risk-aci": { host: "containerInstance", image: "score", cpu: 31, memoryInGB: 240.5 } } } } },
        });
        expect(lines).toContain(`${P}.teams.risk.serving.endpoints.risk-aci.memoryInGB: memoryInGB 240.5 is outside what a container group in a virtual network accepts (more than 0, at most 240 GB) (lower it; the ACI maxima are 31 vCPU and 240 GB, and above 4 vCPU / 16 GB request a quota increase first)`);
        expect(lines.filter((l) => l.includes(".cpu:"))).toEqual([]);
    });

    it("refuse variable names, variables the host sets, a variable both plain and secret, and a secret naming no config key", () => {
        expect(
            problemLines(config({ environmentVariables: { "1X": "a", MODEL_URI: "b", TOKEN: "c" }, secretEnvironmentVariables: { TOKEN: "aml-workspace:token", APPLICATIONINSIGHTS_CONNECTION_STRING: "platform" } })),
        ).toEqual([
            `${EP}.environmentVariables.1X: "1X" is not an environment variable name (a letter or underscore, then letters, digits and underscores) (rename it, e.g. MY_SETTING)`,
            `${EP}.environmentVariables.MODEL_URI: is set by the host itself (use another name; the host sets MODEL_URI, AZURE_CLIENT_ID, APPLICATIONINSIGHTS_CONNECTION_STRING, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES)`,
            `${EP}.secretEnvironmentVariables.APPLICATIONINSIGHTS_CONNECTION_STRING: is set by the host itself (use another name; the host sets MODEL_URI, AZURE_CLIENT_ID, APPLICATIONINSIGHTS_CONNECTION_STRING, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES)`,
            `${EP}.secretEnvironmentVariables.TOKEN: is also a plain environment variable (keep only the secret one)`,
            `${EP}.secretEnvironmentVariables.TOKEN: names "aml-workspace:token", which is not a config key of this project: letters, digits, '_', '.', '-', no namespace, not "platform" (name a key set with: pulumi config set --secret <key> <value>)`,
            `${EP}.secretEnvironmentVariables.APPLICATIONINSIGHTS_CONNECTION_STRING: names "platform", which is not a config key of this project: letters, digits, '_', '.', '-', no namespace, not "platform" (name a key set with: pulumi config set --secret <key> <value>)`,
        ]);
    });

    it("refuse the fields of other hosts, and a missing image", () => {
        expect(problemLines(config({ image: undefined, cluster: "shared", deployments: { blue: { model: "credit:1", image: "score" } }, allowFrom: ["10.0.0.0/8"] }))).toEqual([
            `${EP}.deployments: does not apply to host containerInstance (remove it; it applies to managedOnline, kubernetesOnline or kubernetes endpoints)`,
            `${EP}.cluster: does not apply to host containerInstance (remove it; it applies to managedOnline, kubernetesOnline or kubernetes endpoints)`,
            `${EP}.allowFrom: does not apply to host containerInstance (remove it; it applies to managedOnline, kubernetesOnline or kubernetes endpoints)`,
            // A missing image is the artifacts check's, the same for every host.
            `${EP}.image: is not set, so the endpoint has neither an image nor a build context (name a key of serving.images (score))`,
        ]);
    });
});

describe("secret config keys of endpoints (program stage)", () => {
    const c = loadPlatformConfig(
        {
            ...config({ secretEnvironmentVariables: { SCORING_API_KEY: "riskScoringApiKey", DB_PASSWORD: "riskDbPassword" } }),
            sharing: "hub",
            teams: { fraud: { serving: { images: IMAGES, models: MODELS, alerts: ALERTS, endpoints: { "fraud-aci": { host: "containerInstance", image: "score", model: "credit:1", secretEnvironmentVariables: { TOKEN: "fraudToken" } } } } } },
            serving: undefined,
        },
        TEST_CONTEXT,
    );

    it("lists every key the stack does not set, with its key path and the command that sets it", () => {
        expect(missingServingSecrets(c, (k) => k === "unrelated", "prod").map(formatProblem)).toEqual([
            `${P}.teams.fraud.serving.endpoints.fraud-aci.secretEnvironmentVariables.TOKEN: names the config key "fraudToken", which stack prod does not set (run: pulumi config set --secret fraudToken <value> --stack prod)`,
        ]);
    });

    it("is silent when every key is set", () => {
        expect(missingServingSecrets(c, () => true, "prod")).toEqual([]);
    });

    it("stops the program before any resource, all missing keys at once", async () => {
        const platform = config({ secretEnvironmentVariables: { SCORING_API_KEY: "riskScoringApiKey", DB_PASSWORD: "riskDbPassword" } });
        await expect(runPlatform(platform)).rejects.toThrow(
            "Invalid stack configuration (2 problems):\n  " +
            [
                `${EP}.secretEnvironmentVariables.SCORING_API_KEY: names the config key "riskScoringApiKey", which stack test does not set (run: pulumi config set --secret riskScoringApiKey <value> --stack test)`,
                `${EP}.secretEnvironmentVariables.DB_PASSWORD: names the config key "riskDbPassword", which stack test does not set (run: pulumi config set --secret riskDbPassword <value> --stack test)`,
            ].join("\n  "),
        );
    });
});
