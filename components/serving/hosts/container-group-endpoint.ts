/**
 * One scoring endpoint as an Azure Container Instances container group: a user-assigned identity
 * (created first, with its role assignments, because ACI pulls the image with it at create time),
 * the group running the digest-pinned image with probes on the image's routes, and a diagnostic
 * setting sending its logs to Log Analytics.
 *
 * Design (sources and limits: container-group-rules.ts):
 * - Pulls from ACR with the user-assigned identity (`imageRegistryCredentials[].identity`), never a
 *   username/password: ACI supports only a user-assigned identity for ACR pulls.
 * - Private by default: a private IP in the delegated scoring subnet (`subnetIds`). A public IP with a
 *   DNS label only when `publicDnsLabel` is set (the stack's checks allow it only for a public stack);
 *   ACI offers no public IP for a group in a virtual network, so the two are exclusive.
 * - Logs through a diagnostic setting (ContainerInstanceLog, ContainerEvent), not the legacy
 *   `diagnostics.logAnalytics`: "Container group and instance logging with Azure Monitor logs"
 *   (https://learn.microsoft.com/azure/container-instances/container-instances-log-analytics) says the
 *   legacy integration needs the workspace KEY, a publicly accessible workspace and local
 *   authentication, while diagnostic settings need no key and support private endpoints. So no
 *   workspace key is ever read or stored.
 * - Secrets (`secretEnvironmentVariables`, the Application Insights connection string) are
 *   `secureValue`s and Pulumi secrets; ARM never returns a secure value.
 */
import * as pulumi from "@pulumi/pulumi";
import { ContainerGroup, ResourceIdentityType } from "@pulumi/azure-native/containerinstance";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import { grantRole } from "../../access/grant";
import { DIAGNOSTICS, sendDiagnostics } from "../../monitoring/diagnostics";
import { SERVING_DEFAULTS } from "../serving-defaults";
import type { ContainerRestartPolicy } from "../serving-enums";
import { DNS_LABEL_REUSE_SCOPE, HOST_ENV, SCORING_CONTAINER_NAME, dnsLabelProblem, envNameProblem, resourceProblems } from "./container-group-rules";

const D = SERVING_DEFAULTS;

/** Arguments of {@link ContainerGroupEndpoint}. */
export interface ContainerGroupEndpointArgs {
    /** Container group name (e.g. from `containerGroupName`). Required. */
    containerGroupName: string;
    /** Name of the endpoint's user-assigned identity (e.g. from `endpointIdentityName`). Required. */
    identityName: string;
    /** Resource group. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Azure region. Required. */
    location: string;
    /** Subscription of the role definitions. Required. */
    subscriptionId: pulumi.Input<string>;
    /** Stable strings naming this endpoint (its role assignments' GUIDs derive from them). Required. */
    uniqueBy: string[];
    /** Image reference, digest-pinned (`<registry>/<repository>@sha256:<hex>`). Required. */
    image: pulumi.Input<string>;
    /** Login server to pull the image from with the identity (an Azure container registry); empty or unset: a public image, no credentials. Default: none. */
    registryServer?: pulumi.Input<string>;
    /** ARM ID of that registry: the identity gets AcrPull on it. Default: none (grant AcrPull yourself). */
    registryId?: pulumi.Input<string>;
    /** Port the scoring server listens on. Default 8080. */
    port?: number;
    /** Scoring path. Default `/score`. */
    scoringPath?: string;
    /** Liveness probe path. Default `/healthz/live`. */
    livenessPath?: string;
    /** Readiness probe path. Default `/healthz/ready`. */
    readinessPath?: string;
    /** vCPU. Default 1. */
    cpu?: number;
    /** Memory in GB. Default 1.5. */
    memoryInGB?: number;
    /** Restart policy. Default `Always`. */
    restartPolicy?: ContainerRestartPolicy;
    /** Delegated subnet for a private IP. Default: none (then `publicDnsLabel` is required). */
    subnetId?: pulumi.Input<string>;
    /** DNS label of a public IP (only without `subnetId`). Default: none (private IP). */
    publicDnsLabel?: string;
    /** Plain environment variables. Default: none. */
    environmentVariables?: { [name: string]: string };
    /** Secret environment variables, passed as secure values. Default: none. */
    secretEnvironmentVariables?: { [name: string]: pulumi.Input<string> };
    /** Where the model's files are (set as MODEL_URI). Default: none. */
    modelUri?: pulumi.Input<string>;
    /** Storage account holding the model's files: the identity gets Storage Blob Data Reader on it. Default: none. */
    modelStorageAccountId?: pulumi.Input<string>;
    /** Application Insights connection string (a secure value APPLICATIONINSIGHTS_CONNECTION_STRING). Default: none. */
    applicationInsightsConnectionString?: pulumi.Input<string | undefined>;
    /** Application Insights component the app reports to: the identity gets Monitoring Metrics Publisher on it (the component takes Entra ID ingestion only). Default: none. */
    applicationInsightsId?: pulumi.Input<string>;
    /** Telemetry names of the endpoint (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES: its alerts filter on the role name they make). Default: none. */
    telemetryEnvironment?: { [name: string]: string };
    /** Log Analytics workspace the group's logs go to (diagnostic setting). Default: none (no logs kept). */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** Tags. Default: none. */
    tags?: { [key: string]: string };
}

/** An endpoint served by one container group. */
export class ContainerGroupEndpoint extends pulumi.ComponentResource {
    /** ARM ID of the container group (what its alerts watch). */
    readonly id: pulumi.Output<string>;
    /** The group's IP address (private in the subnet, or public). */
    readonly ipAddress: pulumi.Output<string>;
    /** `http://<ip or fqdn>:<port><scoring path>`. */
    readonly scoringUri: pulumi.Output<string>;
    /** ARM ID of the endpoint's user-assigned identity. */
    readonly identityId: pulumi.Output<string>;
    /** Principal (object) ID of that identity. */
    readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: ContainerGroupEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:ContainerGroupEndpoint", name, {}, opts);
        const problems = containerGroupArgProblems(args);
        if (problems.length > 0) throw new pulumi.ResourceError(`${name}: ${problems.join("; ")}`, this);
        const port = args.port ?? D["serving.images.*.port"];
        const scoringPath = args.scoringPath ?? D["serving.images.*.routes.scoring"];
        const isPrivate = args.subnetId !== undefined;

        const identity = new UserAssignedIdentity(`${name}-identity`, { resourceName: args.identityName, resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags }, { parent: this });
        const purpose = { acrPull: ["acr-pull", "pull its image"], storageBlobDataReader: ["model-reader", "read its model"], monitoringMetricsPublisher: ["telemetry", "send telemetry"] } as const;
        const grant = (role: keyof typeof purpose, scope: pulumi.Input<string>, what: string): RoleAssignment =>
            grantRole(`${name}-${purpose[role][0]}`, {
                scope,
                role,
                principalId: identity.principalId,
                principalType: "ServicePrincipal",
                subscriptionId: args.subscriptionId,
                identity: [...args.uniqueBy, what],
                description: `Container group ${args.containerGroupName}: ${purpose[role][1]}`,
            }, { parent: this });
        // ACI pulls the image while it creates the group, so the grants must exist first.
        const grants = [
            ...(args.registryId !== undefined ? [grant("acrPull", args.registryId, "registry")] : []),
            ...(args.modelStorageAccountId !== undefined ? [grant("storageBlobDataReader", args.modelStorageAccountId, "model-storage")] : []),
            // Application Insights with local auth off takes telemetry only with an Entra token of an identity
            // holding Monitoring Metrics Publisher ("Microsoft Entra authentication for Application Insights").
            ...(args.applicationInsightsId !== undefined ? [grant("monitoringMetricsPublisher", args.applicationInsightsId, "application-insights")] : []),
        ];

        const probe = (path: string, initialDelaySeconds: number) => ({ httpGet: { path, port, scheme: "http" }, initialDelaySeconds, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 });
        const ports = [{ port, protocol: "TCP" }];
        const group = new ContainerGroup(
            `${name}-group`,
            {
                containerGroupName: args.containerGroupName,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                osType: "Linux",
                sku: "Standard",
                restartPolicy: args.restartPolicy ?? D["serving.endpoints.*.restartPolicy"],
                identity: { type: ResourceIdentityType.UserAssigned, userAssignedIdentities: [identity.id] },
                // An empty server (a public image) means no credentials.
                imageRegistryCredentials:
                    args.registryServer === undefined ? undefined : pulumi.all([args.registryServer, identity.id]).apply(([server, id]) => (server ? [{ server, identity: id }] : [])),
                containers: [
                    {
                        name: SCORING_CONTAINER_NAME,
                        image: args.image,
                        ports,
                        resources: { requests: { cpu: args.cpu ?? D["serving.endpoints.*.cpu"], memoryInGB: args.memoryInGB ?? D["serving.endpoints.*.memoryInGB"] } },
                        environmentVariables: environmentOf(args, identity.clientId),
                        // Liveness answers while the model loads; readiness only once it has (examples/scoring-app).
                        livenessProbe: probe(args.livenessPath ?? D["serving.images.*.routes.liveness"], 30),
                        readinessProbe: probe(args.readinessPath ?? D["serving.images.*.routes.readiness"], 10),
                    },
                ],
                ipAddress: isPrivate
                    ? { type: "Private", ports }
                    : { type: "Public", ports, dnsNameLabel: args.publicDnsLabel, autoGeneratedDomainNameLabelScope: DNS_LABEL_REUSE_SCOPE },
                subnetIds: isPrivate ? [{ id: args.subnetId as pulumi.Input<string> }] : undefined,
            },
            // Children do not inherit the component's dependsOn: the group also waits for what the caller named
            // (e.g. the private endpoints it pulls and reads through).
            { parent: this, dependsOn: pulumi.output(opts?.dependsOn ?? []).apply((d) => [...(Array.isArray(d) ? d : [d]), ...grants]) },
        );
        if (args.logAnalyticsWorkspaceId !== undefined) sendDiagnostics(`${name}-diagnostics`, group.id, args.logAnalyticsWorkspaceId, DIAGNOSTICS.containerGroup, { parent: this });

        this.id = group.id;
        this.identityId = identity.id;
        this.principalId = identity.principalId;
        this.ipAddress = group.ipAddress.apply((ip) => ip?.ip ?? "");
        // A public group is called by its FQDN (the label hashed with the tenant); a private one by its IP.
        const host = group.ipAddress.apply((ip) => (isPrivate ? ip?.ip : ip?.fqdn) ?? "");
        this.scoringUri = pulumi.interpolate`http://${host}:${port}${scoringPath}`;
        this.registerOutputs({ id: this.id, ipAddress: this.ipAddress, scoringUri: this.scoringUri, identityId: this.identityId, principalId: this.principalId });
    }
}

/** The container's environment: plain values, secure values, and what the host sets itself (HOST_ENV). */
function environmentOf(args: ContainerGroupEndpointArgs, clientId: pulumi.Output<string>): pulumi.Input<{ name: string; value?: pulumi.Input<string>; secureValue?: pulumi.Input<string> }[]> {
    const plain = Object.entries(args.environmentVariables ?? {}).map(([name, value]) => ({ name, value }));
    const secure = Object.entries(args.secretEnvironmentVariables ?? {}).map(([name, value]) => ({ name, secureValue: pulumi.secret(value) }));
    const host: { name: string; value?: pulumi.Input<string>; secureValue?: pulumi.Input<string> }[] = [
        { name: HOST_ENV.clientId, value: clientId },
        ...Object.entries(args.telemetryEnvironment ?? {}).map(([name, value]) => ({ name, value })),
        ...(args.modelUri !== undefined ? [{ name: HOST_ENV.modelUri, value: args.modelUri }] : []),
    ];
    const appInsights = args.applicationInsightsConnectionString;
    if (appInsights === undefined) return [...plain, ...secure, ...host];
    // The connection string may be unknown or absent (a stack without Application Insights): then no variable.
    return pulumi.output(appInsights).apply((cs) => [
        ...plain,
        ...secure,
        ...host,
        ...(cs ? [{ name: HOST_ENV.applicationInsights, secureValue: pulumi.secret(cs) }] : []),
    ]);
}

/** Problems of the args (the stack's config checks report the same with key paths before this runs). */
export function containerGroupArgProblems(args: ContainerGroupEndpointArgs): string[] {
    const out: string[] = [];
    const isPrivate = args.subnetId !== undefined;
    if (isPrivate && args.publicDnsLabel !== undefined) out.push("publicDnsLabel is set with subnetId, but a container group in a virtual network has no public IP; drop one of them");
    if (!isPrivate && args.publicDnsLabel === undefined) out.push("neither subnetId (a private IP) nor publicDnsLabel (a public IP) is set; set subnetId");
    if (args.publicDnsLabel !== undefined) {
        const p = dnsLabelProblem(args.publicDnsLabel);
        if (p) out.push(`publicDnsLabel ${p}`);
    }
    out.push(...resourceProblems(args.cpu ?? D["serving.endpoints.*.cpu"], args.memoryInGB ?? D["serving.endpoints.*.memoryInGB"], isPrivate));
    const names = [...Object.keys(args.environmentVariables ?? {}), ...Object.keys(args.secretEnvironmentVariables ?? {})];
    for (const n of names) {
        const p = envNameProblem(n);
        if (p) out.push(`environment variable ${p}`);
        if ((Object.values(HOST_ENV) as string[]).includes(n)) out.push(`environment variable ${n} is set by the host; use another name`);
    }
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    for (const n of new Set(twice)) out.push(`environment variable ${n} is both plain and secret; keep one`);
    return out;
}
