/**
 * Host containerInstance under the offline engine: what the container group asks Azure for (private
 * in the delegated subnet or public with a hashed DNS label, identity pulls after AcrPull, secure
 * values as secrets, probes on the image's routes, keyless logs), what simulated Azure answers
 * (the group's address, so the scoring URI), what it refuses, and what the policy pack says of it.
 * Two program runs (private and public) plus the refusals.
 */
import * as pulumi from "@pulumi/pulumi";
import { Registry } from "@pulumi/azure-native/containerregistry";
import { Subnet, VirtualNetwork } from "@pulumi/azure-native/network";
import { ContainerGroup } from "@pulumi/azure-native/containerinstance";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { runProgram, type StackRun } from "../../../offline/run-stack";
import { isSecret, type CapturedResource } from "../../../offline/graph";
import { evaluatePolicies } from "../../../offline/policy-harness";
import { azureRegistryHost, createContainerInstanceEndpoint } from "../../../components/serving/hosts/container-instance-host";
import { containerGroupArgProblems, type ContainerGroupEndpointArgs } from "../../../components/serving/hosts/container-group-endpoint";
import { BUILTIN_ROLES } from "../../../components/access/roles";
import type { PlatformEndpointArgs } from "../../../components/serving/platform-serving-args";
import type { ServingContext } from "../../../components/serving/serving-context";
import { resolveServing } from "../../../components/serving/platform-serving-args";
import { DIGEST, LOG_ID, MODEL_STORAGE_ID, MODEL_URI, RG, RG_ID, fakeArtifacts, fakeContext } from "../../helpers/serving-fakes-aci";

const GROUP = "azure-native:containerinstance:ContainerGroup";
const RA = "azure-native:authorization:RoleAssignment";
const ofType = (run: StackRun, type: string): CapturedResource[] => run.graph.resources.filter((r) => r.type === type);
/** The production-gated ACI control on, as a prod stack's policy config has it. */
const PROD = { "aci-private-ip-in-vnet": { production: true } };
const plain = (v: unknown): unknown => (isSecret(v) ? v.value : v);

/** A program with a registry, a VNet with the delegated scoring subnet, and the endpoint on the host. */
function program(endpoint: PlatformEndpointArgs, ctxOver: Partial<ServingContext> = {}, opts: { delegated?: boolean; applicationInsights?: boolean } = {}): () => Record<string, unknown> {
    return () => {
        const acr = new Registry("acr", { registryName: "craml", resourceGroupName: RG, location: "westeurope", sku: { name: "Premium" } });
        const vnet = new VirtualNetwork("vnet", { virtualNetworkName: "vnet-aml-prod", resourceGroupName: RG, location: "westeurope", addressSpace: { addressPrefixes: ["10.20.0.0/16"] } });
        const subnet = new Subnet("scoring", {
            subnetName: "snet-scoring",
            virtualNetworkName: vnet.name,
            resourceGroupName: RG,
            addressPrefix: "10.20.1.0/24",
            delegations: opts.delegated === false ? [] : [{ name: "aci", serviceName: "Microsoft.ContainerInstance/containerGroups" }],
        });
        const parent = new pulumi.ComponentResource("test:index:Serving", "serving");
        const ctx = fakeContext({ registryId: acr.id, scoringSubnetId: subnet.id, dependsOn: [vnet], ...ctxOver });
        if (opts.applicationInsights === false) ctx.workspace = { ...ctx.workspace, applicationInsightsConnectionString: undefined };
        const created = createContainerInstanceEndpoint({ key: "risk-aci", endpoint, serving: resolveServing({ endpoints: { "risk-aci": endpoint } }), artifacts: fakeArtifacts(acr.loginServer), ctx, parent });
        return { scoringUri: created.scoringUri, metricsId: created.metrics.resourceId, kind: created.metrics.kind };
    };
}

const ENDPOINT: PlatformEndpointArgs = {
    host: "containerInstance",
    image: "score",
    model: "credit:1",
    cpu: 2,
    memoryInGB: 4,
    environmentVariables: { LOG_LEVEL: "info" },
    secretEnvironmentVariables: { SCORING_API_KEY: pulumi.secret("s3cret-value") },
};

describe("host containerInstance, private (the default)", () => {
    let run: StackRun;
    beforeAll(async () => {
        run = await runProgram(program(ENDPOINT));
    });

    it("runs the digest-pinned image in a private IP of the delegated scoring subnet, as Linux, with the requested size", () => {
        const [group] = ofType(run, GROUP);
        expect(group.inputs).toMatchObject({
            containerGroupName: "ci-aml-prod-risk-risk-aci",
            osType: "Linux",
            sku: "Standard",
            restartPolicy: "Always",
            location: "westeurope",
            tags: { owner: "ml-platform" },
            ipAddress: { type: "Private", ports: [{ port: 8080, protocol: "TCP" }] },
            subnetIds: [{ id: `${RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet-aml-prod/subnets/snet-scoring` }],
        });
        expect((group.inputs.ipAddress as Record<string, unknown>).dnsNameLabel).toBeUndefined();
        const [c] = plain(group.inputs.containers) as Record<string, unknown>[];
        expect(c).toMatchObject({ name: "score", image: `craml.azurecr.io/score@${DIGEST}`, ports: [{ port: 8080, protocol: "TCP" }], resources: { requests: { cpu: 2, memoryInGB: 4 } } });
    });

    it("reports http://<private ip>:<port><scoring route> (the subnet's first free address) and the group as the metrics source", () => {
        const [group] = ofType(run, GROUP);
        expect(run.outputs.scoringUri).toBe("http://10.20.1.4:8080/score");
        expect(run.outputs.kind).toBe("containerInstance");
        expect(run.outputs.metricsId).toBe(`${RG_ID}/providers/Microsoft.ContainerInstance/containerGroups/ci-aml-prod-risk-risk-aci`);
        expect(group.name).toBe("platform-team-risk-endpoint-risk-aci-group");
    });

    it("pulls with its own user-assigned identity, which has AcrPull on the registry and reads the model's storage before the group exists", () => {
        const [group] = ofType(run, GROUP);
        const [identity] = ofType(run, "azure-native:managedidentity:UserAssignedIdentity");
        expect(identity.inputs).toMatchObject({ resourceName: "id-aml-prod-risk-risk-aci", location: "westeurope" });
        const identityId = `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aml-prod-risk-risk-aci`;
        expect(group.inputs.identity).toEqual({ type: "UserAssigned", userAssignedIdentities: [identityId] });
        expect(group.inputs.imageRegistryCredentials).toEqual([{ server: "craml.azurecr.io", identity: identityId }]);
        const grants = ofType(run, RA);
        const roleOf = (r: CapturedResource) => String(r.inputs.roleDefinitionId).split("/").pop();
        expect(grants.map((r) => [roleOf(r), r.inputs.scope, r.inputs.principalType]).sort()).toEqual([
            [BUILTIN_ROLES.acrPull, `${RG_ID}/providers/Microsoft.ContainerRegistry/registries/craml`, "ServicePrincipal"],
            [BUILTIN_ROLES.storageBlobDataReader, MODEL_STORAGE_ID, "ServicePrincipal"],
            // Application Insights takes Entra ID ingestion only: the identity publishes its telemetry.
            [BUILTIN_ROLES.monitoringMetricsPublisher, `${RG_ID}/providers/Microsoft.Insights/components/appi-aml-prod`, "ServicePrincipal"],
        ].sort());
        for (const g of grants) expect(group.dependencies).toContain(g.urn);
        // And on what the serving context says to wait for (here the network).
        expect(group.dependencies).toContain(ofType(run, "azure-native:network:VirtualNetwork")[0].urn);
    });

    it("passes plain values, secrets and the Application Insights connection string as secure values, the model URI and the identity's client ID", () => {
        const [group] = ofType(run, GROUP);
        const [c] = plain(group.inputs.containers) as { environmentVariables: unknown }[];
        // The list depends on the (secret) connection string, so Pulumi holds the whole list as a secret.
        expect(isSecret(c.environmentVariables)).toBe(true);
        const list = plain(c.environmentVariables) as { name: string; value?: unknown; secureValue?: unknown }[];
        const env = Object.fromEntries(list.map((e) => [e.name, e]));
        expect(Object.keys(env).sort()).toEqual(["APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_CLIENT_ID", "LOG_LEVEL", "MODEL_URI", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_SERVICE_NAME", "SCORING_API_KEY"]);
        expect(env.LOG_LEVEL).toEqual({ name: "LOG_LEVEL", value: "info" });
        // The role name the endpoint's alerts filter on: risk.risk-aci (endpoint-telemetry.ts).
        expect(env.OTEL_SERVICE_NAME).toEqual({ name: "OTEL_SERVICE_NAME", value: "risk-aci" });
        expect(env.OTEL_RESOURCE_ATTRIBUTES).toEqual({ name: "OTEL_RESOURCE_ATTRIBUTES", value: "service.namespace=risk" });
        expect(env.MODEL_URI).toEqual({ name: "MODEL_URI", value: MODEL_URI });
        expect(env.AZURE_CLIENT_ID.value).toMatch(/^[0-9a-f-]{36}$/);
        for (const name of ["SCORING_API_KEY", "APPLICATIONINSIGHTS_CONNECTION_STRING"]) expect(env[name].value).toBeUndefined();
        expect(plain(env.SCORING_API_KEY.secureValue)).toBe("s3cret-value");
        expect(String(plain(env.APPLICATIONINSIGHTS_CONNECTION_STRING.secureValue))).toMatch(/^InstrumentationKey=/);
    });

    it("probes liveness and readiness with httpGet on the image's routes and port", () => {
        const [group] = ofType(run, GROUP);
        const [c] = plain(group.inputs.containers) as Record<string, Record<string, unknown>>[];
        expect(c.livenessProbe).toMatchObject({ httpGet: { path: "/healthz/live", port: 8080, scheme: "http" } });
        expect(c.readinessProbe).toMatchObject({ httpGet: { path: "/healthz/ready", port: 8080, scheme: "http" } });
    });

    it("sends its logs to Log Analytics through a diagnostic setting: no workspace key anywhere", () => {
        const [group] = ofType(run, GROUP);
        expect(group.inputs.diagnostics).toBeUndefined();
        const [diag] = ofType(run, "azure-native:monitor:DiagnosticSetting");
        expect(diag.inputs).toMatchObject({
            workspaceId: LOG_ID,
            resourceUri: `${RG_ID}/providers/Microsoft.ContainerInstance/containerGroups/ci-aml-prod-risk-risk-aci`,
            logs: [{ category: "ContainerInstanceLog", enabled: true }, { category: "ContainerEvent", enabled: true }],
            logAnalyticsDestinationType: "Dedicated",
        });
        expect(JSON.stringify(run.graph.resources.map((r) => r.inputs))).not.toMatch(/workspaceKey|sharedKey/i);
    });

    it("passes every container instance policy of the pack (production)", () => {
        const report = evaluatePolicies(run.graph, PROD);
        expect(report.errors).toEqual([]);
        expect(report.violations.filter((v) => v.policyName.startsWith("aci-")).map((v) => v.message)).toEqual([]);
    });
});

describe("host containerInstance, public", () => {
    it("gets a public IP with the DNS label hashed with the tenant, no subnet, and is called by its FQDN", async () => {
        const run = await runProgram(program({ ...ENDPOINT, publicDnsLabel: "risk-scoring-dev" }, { publicNetworkAccess: "Enabled" }, { applicationInsights: false }));
        const [group] = ofType(run, GROUP);
        expect(group.inputs.ipAddress).toEqual({ type: "Public", ports: [{ port: 8080, protocol: "TCP" }], dnsNameLabel: "risk-scoring-dev", autoGeneratedDomainNameLabelScope: "TenantReuse" });
        expect(group.inputs.subnetIds).toBeUndefined();
        // Without Application Insights the list is plain and each secure value is a secret of its own.
        const [c] = plain(group.inputs.containers) as { environmentVariables: { name: string; value?: unknown; secureValue?: unknown }[] }[];
        const env = Object.fromEntries(c.environmentVariables.map((e) => [e.name, e]));
        expect(Object.keys(env).sort()).toEqual(["AZURE_CLIENT_ID", "LOG_LEVEL", "MODEL_URI", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_SERVICE_NAME", "SCORING_API_KEY"]);
        expect(isSecret(env.SCORING_API_KEY.secureValue)).toBe(true);
        expect(env.LOG_LEVEL.value).toBe("info");
        expect(run.outputs.scoringUri).toMatch(/^http:\/\/risk-scoring-dev\.[0-9a-f]{12}\.westeurope\.azurecontainer\.io:8080\/score$/);
        const report = evaluatePolicies(run.graph, PROD);
        expect(report.violations.filter((v) => v.policyName.startsWith("aci-")).map((v) => [v.policyName, v.message.split("\n").pop()])).toEqual([
            ["aci-private-ip-in-vnet", "ipAddress.type is Public; set it to Private"],
            ["aci-private-ip-in-vnet", "subnetIds is not set; set it to [{ id: <subnet ID> }]"],
        ]);
    });
});

describe("host containerInstance refuses", () => {
    it("a public DNS label on a private stack, naming the key path", async () => {
        await expect(runProgram(program({ ...ENDPOINT, publicDnsLabel: "risk-scoring" }))).rejects.toThrow(
            "teams.risk.serving.endpoints.risk-aci.publicDnsLabel: gives the container group a public IP, but network.publicNetworkAccess is Disabled",
        );
    });

    it("a private group when the stack has no scoring subnet", async () => {
        await expect(runProgram(program(ENDPOINT, { scoringSubnetId: undefined }))).rejects.toThrow("teams.risk.serving.endpoints.risk-aci.publicDnsLabel: is not set, so the container group needs a private IP, but the stack has no scoring subnet");
    });

    it("(simulated Azure) a subnet not delegated to container instances", async () => {
        await expect(runProgram(program(ENDPOINT, {}, { delegated: false }))).rejects.toThrow(/is not delegated to Microsoft\.ContainerInstance\/containerGroups/);
    });

    it("(simulated Azure) a pull by an identity with no AcrPull on the registry yet, and credentials of a system identity", async () => {
        const bare = () => {
            const acr = new Registry("acr", { registryName: "craml", resourceGroupName: RG, location: "westeurope", sku: { name: "Premium" } });
            const id = new UserAssignedIdentity("id", { resourceName: "id-x", resourceGroupName: RG, location: "westeurope" });
            const base = { resourceGroupName: RG, location: "westeurope", osType: "Linux", containers: [{ name: "s", image: pulumi.interpolate`${acr.loginServer}/s@${DIGEST}`, resources: { requests: { cpu: 1, memoryInGB: 1 } } }], ipAddress: { type: "Public", ports: [{ port: 80 }] } };
            new ContainerGroup("no-grant", { ...base, containerGroupName: "ci-a", identity: { type: "UserAssigned", userAssignedIdentities: [id.id] }, imageRegistryCredentials: [{ server: acr.loginServer, identity: id.id }] });
            new ContainerGroup("system", { ...base, containerGroupName: "ci-b", identity: { type: "SystemAssigned" }, imageRegistryCredentials: [{ server: acr.loginServer, identity: "system" }] });
        };
        const failure = runProgram(bare);
        await expect(failure).rejects.toThrow(/has no AcrPull role assignment on that registry declared before the group/);
        await expect(failure).rejects.toThrow(/imageRegistryCredentials\[0\]\.identity is "system"; ACR pulls need a user-assigned identity/);
    });
});

describe("containerGroupArgProblems (the component's own guard)", () => {
    const base: ContainerGroupEndpointArgs = { containerGroupName: "ci-a", identityName: "id-a", resourceGroupName: RG, location: "westeurope", subscriptionId: "s", uniqueBy: ["u"], image: `cr.azurecr.io/s@${DIGEST}`, subnetId: "subnet" };
    it("accepts the defaults in a subnet", () => {
        expect(containerGroupArgProblems(base)).toEqual([]);
    });
    it("lists every problem at once", () => {
        expect(
            containerGroupArgProblems({ ...base, publicDnsLabel: "Bad_Label", cpu: 32, memoryInGB: 0, environmentVariables: { "1X": "a", MODEL_URI: "b", DUP: "c" }, secretEnvironmentVariables: { DUP: "d" } }),
        ).toEqual([
            "publicDnsLabel is set with subnetId, but a container group in a virtual network has no public IP; drop one of them",
            'publicDnsLabel "Bad_Label" is not a DNS label (3-63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit)',
            "cpu 32 is outside what a container group in a virtual network accepts (more than 0, at most 31 vCPU)",
            "memoryInGB 0 is outside what a container group in a virtual network accepts (more than 0, at most 240 GB)",
            'environment variable "1X" is not an environment variable name (a letter or underscore, then letters, digits and underscores)',
            "environment variable MODEL_URI is set by the host; use another name",
            "environment variable DUP is both plain and secret; keep one",
        ]);
    });
    it("needs a subnet or a public label", () => {
        expect(containerGroupArgProblems({ ...base, subnetId: undefined })).toEqual(["neither subnetId (a private IP) nor publicDnsLabel (a public IP) is set; set subnetId"]);
    });
});

describe("azureRegistryHost (who is pulled from with the identity)", () => {
    it.each([
        [`craml.azurecr.io/score@${DIGEST}`, "craml.azurecr.io"],
        [`crgov.azurecr.us/score@${DIGEST}`, "crgov.azurecr.us"],
        [`mcr.microsoft.com/azureml/base@${DIGEST}`, undefined],
        [`craml.azurecr.io.example.com/score@${DIGEST}`, undefined],
    ])("%s -> %s", (reference, host) => {
        expect(azureRegistryHost(reference)).toBe(host);
    });
});
