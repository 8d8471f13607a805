/**
 * What a workspace serves, as `MlPlatformArgs` takes it (`serving`, `teams.<key>.serving`): scoring
 * images, registered models, REST endpoints on their hosts, and the endpoints' alerts. The stack
 * program maps its `serving` config here (stacks/config-serving.ts); a library user writes these
 * directly. Defaults: serving-defaults.ts (SERVING_DEFAULTS), applied by the serving components.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ContainerRestartPolicy, EndpointAuthMode, EndpointHost, KubernetesServiceType, ModelRegistryTarget, ModelType } from "./serving-enums";
import type { PublicNetworkAccess } from "../enums";
import type { PlatformIotEdgeArgs, PlatformIotHubArgs } from "./platform-serving-iotedge-args";

/** Build an image with `@pulumi/docker` and push it to the workspace's (or hub's) registry. */
export interface PlatformImageBuildArgs {
    /** Build context folder (absolute, or relative to the program's working directory). Required. */
    context: string;
    /** Dockerfile, relative to the context. Default `Dockerfile`. */
    dockerfile?: string;
    /** Build stage to stop at. Default: the last stage. */
    target?: string;
    /** Build arguments (never secrets: they stay in the image history). Default: none. */
    args?: { [name: string]: string };
    /** Target platform. Default `linux/amd64`. */
    platform?: string;
}

/** HTTP paths of a scoring server. */
export interface PlatformImageRoutesArgs {
    /** Scoring path. Default `/score`. */
    scoring?: string;
    /** Liveness probe path. Default `/healthz/live`. */
    liveness?: string;
    /** Readiness probe path. Default `/healthz/ready`. */
    readiness?: string;
}

/** A scoring image: `build` or `reference`, exactly one. */
export interface PlatformServingImageArgs {
    /** Build and push. Default: none (then `reference` is required). */
    build?: PlatformImageBuildArgs;
    /** An existing image pinned by digest, `<registry>/<repository>@sha256:<hex>`. Default: none (then `build` is required). */
    reference?: string;
    /** Repository of a built image. Default: the image key; for a team `<team>/<image key>` (a hub's projects share its registry). */
    repository?: string;
    /** Port the scoring server listens on. Default 8080. */
    port?: number;
    /** HTTP paths of the scoring server. Default: `/score`, `/healthz/live`, `/healthz/ready`. */
    routes?: PlatformImageRoutesArgs;
}

/** One model version: exactly one of `path`, `datastore` + `datastorePath`, `localPath`. */
export interface PlatformModelVersionArgs {
    /** https:// blob URL or azureml:// URI of the files. Default: none. */
    path?: string;
    /** Datastore holding the files. Default: none. */
    datastore?: string;
    /** Path inside `datastore`. Default: none. */
    datastorePath?: string;
    /** Local folder or file (absolute, or relative to the working directory), uploaded with Entra ID to the workspace storage (model-uploads.ts); workspace models only. Default: none. */
    localPath?: string;
    /** Description. Default: none. */
    description?: string;
}

/** A registered model and its versions. */
export interface PlatformServingModelArgs {
    /** Description. Default: none. */
    description?: string;
    /** `workspace` (the serving workspace) or `platform` (the model registry). Default `workspace`. */
    registry?: ModelRegistryTarget;
    /** Model type. Default `custom_model`. */
    type?: ModelType;
    /** Versions by version string. Required (at least one). */
    versions: { [version: string]: PlatformModelVersionArgs };
}

/** CPU and memory of a container (Kubernetes quantities). */
export interface PlatformResourceQuantitiesArgs {
    /** CPU, e.g. `500m`. Default: see {@link PlatformContainerResourcesArgs}. */
    cpu?: string;
    /** Memory, e.g. `1Gi`. Default: see {@link PlatformContainerResourcesArgs}. */
    memory?: string;
}

/** Requests and limits of a container (Kubernetes quantities). */
export interface PlatformContainerResourcesArgs {
    /** Requests. Default `{ cpu: "500m", memory: "1Gi" }`. */
    requests?: PlatformResourceQuantitiesArgs;
    /** Limits. Default `{ cpu: "1", memory: "2Gi" }`. */
    limits?: PlatformResourceQuantitiesArgs;
}

/** Request handling of an online deployment. */
export interface PlatformRequestSettingsArgs {
    /** Concurrent requests per instance. Default 1. */
    maxConcurrentRequestsPerInstance?: number;
    /** Scoring timeout (ISO 8601 duration). Default `PT5S`. */
    requestTimeout?: string;
    /** Longest queue wait (ISO 8601 duration). Default `PT0.5S`. */
    maxQueueWait?: string;
}

/** Utilization autoscaling of an online deployment. */
export interface PlatformDeploymentScaleArgs {
    /** Most instances. Required. */
    maxInstances: number;
    /** Target utilization percent. Default 70. */
    targetUtilization?: number;
}

/** A deployment of an online endpoint. */
export interface PlatformOnlineDeploymentArgs {
    /** Model version served, `<name>:<version>` of the serving models. Required. */
    model: string;
    /** Key of the scoring image. Required. */
    image: string;
    /** VM size (managed) or Kubernetes instance type. Default `Standard_DS3_v2` (managed), the compute's default instance type (Kubernetes). */
    instanceType?: string;
    /** Instances (the minimum with `scale`). Default 1. */
    instanceCount?: number;
    /** Percent of live traffic. Default 100 for an endpoint's only deployment, else 0. */
    traffic?: number;
    /** Percent of live traffic mirrored here. Default 0. */
    mirrorTraffic?: number;
    /** Plain environment variables. Default: none. */
    environmentVariables?: { [name: string]: string };
    /** Request handling. Default: see {@link PlatformRequestSettingsArgs}. */
    requestSettings?: PlatformRequestSettingsArgs;
    /** Utilization autoscaling. Default: none (fixed `instanceCount`). */
    scale?: PlatformDeploymentScaleArgs;
    /** Outbound internet (managed). Default: `Disabled` when the workspace is private, else `Enabled`. */
    egressPublicNetworkAccess?: PublicNetworkAccess;
}

/** Kubernetes autoscaling. */
export interface PlatformKubernetesAutoscaleArgs {
    /** Most replicas. Default 4. */
    maxReplicas?: number;
    /** Average CPU utilization (percent of requests) kept. Default 70. */
    targetCpuUtilization?: number;
}

/** Alert thresholds of an endpoint. */
export interface PlatformEndpointAlertThresholdsArgs {
    /** Create the alerts. Default true. */
    enabled?: boolean;
    /** Failed-request percent that alerts. Default 5. */
    errorRatePercent?: number;
    /** Average latency (ms) that alerts. Default 1000. */
    latencyMs?: number;
    /** Availability percent below which it alerts. Default 99. */
    availabilityPercent?: number;
    /** Evaluation window (ISO 8601: PT1M, PT5M, PT15M, PT30M, PT1H). Default `PT5M`. */
    window?: string;
    /**
     * Requests per minute the error-rate percent is taken of: a metric alert compares one metric
     * with a threshold and cannot divide failed by total requests, so `errorRatePercent` of this
     * volume is the failed-request threshold. Default 60.
     */
    expectedRequestsPerMinute?: number;
}

/** Who the endpoint alerts go to. */
export interface PlatformActionGroupArgs {
    /** ID of an existing action group. Default: create one. */
    existingId?: string;
    /** Short name of a created group. Default: derived from the workspace. */
    shortName?: string;
    /** Email receivers of a created group. Default: none. */
    emails?: string[];
}

/** Endpoint alerts of a serving workspace. */
export interface PlatformEndpointAlertsArgs {
    /** Action group. Required when endpoints have alerts. */
    actionGroup?: PlatformActionGroupArgs;
    /** Default thresholds. Default: see {@link PlatformEndpointAlertThresholdsArgs}. */
    thresholds?: PlatformEndpointAlertThresholdsArgs;
}

/** A REST endpoint on one host. Which fields apply depends on `host` (each says). */
export interface PlatformEndpointArgs {
    /** Where it runs. Required. */
    host: EndpointHost;
    /** Description. Default: none. */
    description?: string;
    /** Key of the scoring image (containerInstance, kubernetes). Default: none. */
    image?: string;
    /** Model version `<name>:<version>` (containerInstance, kubernetes). Default: none. */
    model?: string;
    /** Plain environment variables (containerInstance, kubernetes). Default: none. */
    environmentVariables?: { [name: string]: string };
    /** Secret environment variables by name; values are secret (containerInstance, kubernetes). Default: none. */
    secretEnvironmentVariables?: { [name: string]: pulumi.Input<string> };
    /** CPU cores (containerInstance). Default 1. */
    cpu?: number;
    /** Memory in GB (containerInstance). Default 1.5. */
    memoryInGB?: number;
    /** Restart policy (containerInstance). Default `Always`. */
    restartPolicy?: ContainerRestartPolicy;
    /** Public DNS label; a public IP (containerInstance). Default: none (private IP). */
    publicDnsLabel?: string;
    /** Authentication (online hosts): `aadToken` (managedOnline only), `amlToken` or `key`. Default `aadToken`. */
    authMode?: EndpointAuthMode;
    /** Public network access (online hosts). Default: the platform's `network.publicNetworkAccess`. */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Kubernetes compute name (kubernetesOnline). Default: none. */
    compute?: string;
    /** Deployments by name (online hosts). Default: none. */
    deployments?: { [name: string]: PlatformOnlineDeploymentArgs };
    /** AKS cluster key of `kubernetes.clusters` (kubernetes). Default: none. */
    cluster?: string;
    /** Namespace created for it (kubernetes). Default: the endpoint key. */
    namespace?: string;
    /** Replicas (kubernetes; the autoscaler's minimum). Default 2. */
    replicas?: number;
    /** Requests and limits (kubernetes). Default: see {@link PlatformContainerResourcesArgs}. */
    resources?: PlatformContainerResourcesArgs;
    /** Autoscaling (kubernetes). Default: max 4 replicas at 70% CPU. */
    autoscale?: PlatformKubernetesAutoscaleArgs;
    /** Disruption budget minimum (kubernetes). Default 1. */
    minAvailable?: number;
    /** Service type (kubernetes). Default `InternalLoadBalancer`. */
    serviceType?: KubernetesServiceType;
    /** CIDRs allowed to the scoring port (kubernetes). Default: the virtual network's address space. */
    allowFrom?: string[];
    /** FPGA extended resource each pod requests, as the device plugin registers it (fpga; e.g. `amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-<timestamp>`). Default: none (required for fpga). */
    fpgaResource?: string;
    /** Alert thresholds. Default: the serving `alerts.thresholds`. */
    alerts?: PlatformEndpointAlertThresholdsArgs;
    /** Device and module (iotEdge). Default: none. */
    iotEdge?: PlatformIotEdgeArgs;
}

/** What a workspace serves. */
export interface PlatformServingArgs {
    /** Scoring images by key. Default: none. */
    images?: { [key: string]: PlatformServingImageArgs };
    /** Registered models by name. Default: none. */
    models?: { [name: string]: PlatformServingModelArgs };
    /** Endpoints by key. Default: none. */
    endpoints?: { [key: string]: PlatformEndpointArgs };
    /** Endpoint alerts. Default: thresholds of SERVING_DEFAULTS, no action group. */
    alerts?: PlatformEndpointAlertsArgs;
    /** The IoT hub of the `iotEdge` endpoints. Default: S1, one unit (created only when an endpoint is on host iotEdge). */
    iotHub?: PlatformIotHubArgs;
}

/** Serving with its maps present (per-field defaults are applied where each is used, from SERVING_DEFAULTS). */
export interface ResolvedServing {
    images: { [key: string]: PlatformServingImageArgs };
    models: { [name: string]: PlatformServingModelArgs };
    endpoints: { [key: string]: PlatformEndpointArgs };
    alerts: PlatformEndpointAlertsArgs;
    /** The IoT hub's args (iotEdge endpoints); absent is the defaults. */
    iotHub?: PlatformIotHubArgs;
}

/** {@link ResolvedServing} of the args (absent maps become empty). */
export function resolveServing(a: PlatformServingArgs | undefined): ResolvedServing {
    return { images: { ...(a?.images ?? {}) }, models: { ...(a?.models ?? {}) }, endpoints: { ...(a?.endpoints ?? {}) }, alerts: { ...(a?.alerts ?? {}) }, iotHub: { ...(a?.iotHub ?? {}) } };
}

/** Whether a workspace serves anything (images, models or endpoints). */
export function servesAnything(s: ResolvedServing): boolean {
    return Object.keys(s.images).length + Object.keys(s.models).length + Object.keys(s.endpoints).length > 0;
}
