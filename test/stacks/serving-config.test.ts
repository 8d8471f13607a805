/**
 * Issue 11's bad endpoint configs, in one stack file: an unknown host, an endpoint with neither an
 * image nor a build context, traffic that does not sum to 100, replicas at the disruption budget's
 * minimum, a public endpoint in a private stack, an instance type the cluster does not offer. Each
 * is reported at its key path with its fix, all of them in one run, and nothing is created (the
 * loader throws before the program declares anything).
 */
import { loadPlatformConfig } from "../../stacks/config";
import { ConfigError } from "../../stacks/config-errors";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const DIGEST = `sha256:${"b".repeat(64)}`;
const small = { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } };
const azureml = { enableTraining: true, enableInference: true, sslCname: "scoring.example.com", sslSecretName: "azureml-tls" };

/** A private hub stack whose team `risk` serves on every host; `endpoints` replaces its endpoints. */
function stack(endpoints: Record<string, unknown>): Record<string, unknown> {
    return baseConfig({
        sharing: "hub",
        network: { publicNetworkAccess: "Disabled", virtualNetwork: { addressSpace: ["10.20.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "10.20.0.0/24" }, scoring: { addressPrefix: "10.20.1.0/24" }, aks: { addressPrefix: "10.20.8.0/21" } } } },
        kubernetes: { clusters: { shared: { create: { localAccounts: true, userPools: { cpu: { vmSize: "Standard_D8ds_v5", maxCount: 3 } } }, azureml } } },
        teams: {
            risk: {
                compute: { kubernetes: { "risk-aks": { cluster: "shared", namespace: "risk", instanceTypes: { "cpu-small": small }, defaultInstanceType: "cpu-small" } } },
                serving: {
                    images: { scorer: { reference: `crexample.azurecr.io/risk/scorer@${DIGEST}` } },
                    models: { credit: { versions: { "1": { path: "https://stexample.blob.core.windows.net/models/credit/1/" }, "2": { path: "https://stexample.blob.core.windows.net/models/credit/2/" } } } },
                    alerts: { actionGroup: { emails: ["ml-oncall@contoso.example"] } },
                    endpoints,
                },
            },
        },
    });
}

const GOOD = {
    aci: { host: "containerInstance", image: "scorer", model: "credit:1" },
    online: { host: "managedOnline", deployments: { blue: { model: "credit:1", image: "scorer", traffic: 90 }, green: { model: "credit:2", image: "scorer", traffic: 10 } } },
    plain: { host: "kubernetes", cluster: "shared", namespace: "risk-scoring", image: "scorer", model: "credit:1" },
    onk8s: { host: "kubernetesOnline", compute: "risk-aks", authMode: "amlToken", deployments: { main: { model: "credit:1", image: "scorer", instanceType: "cpu-small" } } },
};
const E = `${P}.teams.risk.serving.endpoints`;

it("a stack serving on all four hosts loads", () => {
    expect(problemLines(stack(GOOD))).toEqual([]);
});

it("reports every bad endpoint of the file at its key path, in one run", () => {
    const bad = {
        ...GOOD,
        edge: { host: "lambda", image: "scorer", model: "credit:1" },
        aci: { host: "containerInstance", model: "credit:1" },
        online: { ...GOOD.online, deployments: { blue: { model: "credit:1", image: "scorer", traffic: 80 }, green: { model: "credit:2", image: "scorer", traffic: 10 } }, publicNetworkAccess: "Enabled" },
        plain: { ...GOOD.plain, replicas: 2, minAvailable: 2 },
        onk8s: { ...GOOD.onk8s, deployments: { main: { model: "credit:1", image: "scorer", instanceType: "gpu-large" } } },
    };
    const lines = problemLines(stack(bad));
    const expected = [
        // Unknown host: the schema's enum, at the key.
        new RegExp(`^${E}\\.edge\\.host: .*containerInstance.*managedOnline.*kubernetes.*kubernetesOnline`),
        new RegExp(`^${E}\\.aci\\.image: is not set, so the endpoint has neither an image nor a build context`),
        new RegExp(`^${E}\\.online\\.deployments: the deployments' live traffic sums to 90, not 100`),
        new RegExp(`^${E}\\.online\\.publicNetworkAccess: is Enabled, but network\\.publicNetworkAccess is Disabled`),
        new RegExp(`^${E}\\.plain\\.minAvailable: is 2 with 2 replicas`),
        new RegExp(`^${E}\\.onk8s\\.deployments\\.main\\.instanceType: .*gpu-large`),
    ];
    for (const e of expected) expect(lines).toContainEqual(expect.stringMatching(e));
    // Each line names its fix in parentheses.
    for (const l of lines) expect(l).toMatch(/\(.+\)$/);
    // And the loader refuses the file as a whole, before any resource exists.
    expect(() => loadPlatformConfig(stack(bad), TEST_CONTEXT)).toThrow(ConfigError);
});
