/**
 * Defaults of serving (images, models, endpoints and their alerts), in one table keyed by the stack
 * config path (`serving.…`; a team's `teams.<key>.serving.…` takes the same). COMPONENT_DEFAULTS
 * (components/defaults.ts) spreads it, the schema's `default`s say the same (tests compare both
 * ways), and the serving components read their `??` fallbacks here.
 *
 * Sources (checked 2026-12-04):
 * - "Deploy and score a machine learning model by using an online endpoint"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints): key or
 *   Microsoft Entra token authentication; deployments split live traffic and may mirror it.
 * - "Online deployment YAML schema" (https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online):
 *   request_settings defaults (max_concurrent_requests_per_instance 1, request_timeout_ms 5000,
 *   max_queue_wait_ms 500), instance_count 1.
 * - "Azure Container Instances: container groups" (https://learn.microsoft.com/azure/container-instances/container-instances-container-groups):
 *   restart policy Always by default.
 */
import { EDGE_MANIFEST_DEFAULTS } from "../edge/edge-manifest";
import type { EdgeModuleRestartPolicy } from "../edge/edge-enums";
import { DEFAULT_IOT_EDGE_RUNTIME_LINE, type IotEdgeRuntimeLine } from "../edge/edge-runtime-versions";
import type { EdgeDeviceAuthentication } from "../edge/iothub-resources";
import { IOT_HUB_DEFAULTS, type IotHubSku } from "../edge/iot-hub";
import type { ContainerRestartPolicy, EndpointAuthMode, KubernetesServiceType, ModelRegistryTarget, ModelType } from "./serving-enums";

/** Serving defaults by stack config path. */
export const SERVING_DEFAULTS = {
    /** The Dockerfile at the root of the build context. */
    "serving.images.*.build.dockerfile": "Dockerfile",
    /** Linux on x64: what ACI, managed online endpoints and AKS's default pools run. */
    "serving.images.*.build.platform": "linux/amd64",
    /** The sample scoring app's port (examples/scoring-app). */
    "serving.images.*.port": 8080,
    /** The sample scoring app's routes. */
    "serving.images.*.routes.scoring": "/score",
    "serving.images.*.routes.liveness": "/healthz/live",
    "serving.images.*.routes.readiness": "/healthz/ready",
    /** Models are registered in the serving workspace unless the platform registry is asked for. */
    "serving.models.*.registry": "workspace" as ModelRegistryTarget,
    /** A model of files Azure ML does not interpret. */
    "serving.models.*.type": "custom_model" as ModelType,
    /** One CPU core per container group. */
    "serving.endpoints.*.cpu": 1,
    /** 1.5 GB per container group. */
    "serving.endpoints.*.memoryInGB": 1.5,
    /** Restart on exit: a scoring server is long-running. */
    "serving.endpoints.*.restartPolicy": "Always" as ContainerRestartPolicy,
    /** Microsoft Entra tokens: no long-lived key to leak or rotate. */
    "serving.endpoints.*.authMode": "aadToken" as EndpointAuthMode,
    /** Two pods, so one can be evicted (node drain, upgrade) while the other serves. */
    "serving.endpoints.*.replicas": 2,
    "serving.endpoints.*.resources.requests.cpu": "500m",
    "serving.endpoints.*.resources.requests.memory": "1Gi",
    "serving.endpoints.*.resources.limits.cpu": "1",
    "serving.endpoints.*.resources.limits.memory": "2Gi",
    "serving.endpoints.*.autoscale.maxReplicas": 4,
    "serving.endpoints.*.autoscale.targetCpuUtilization": 70,
    /** At least one pod serves during voluntary disruptions. */
    "serving.endpoints.*.minAvailable": 1,
    /** A private IP in the virtual network: never a public load balancer. */
    "serving.endpoints.*.serviceType": "InternalLoadBalancer" as KubernetesServiceType,
    "serving.endpoints.*.deployments.*.instanceCount": 1,
    "serving.endpoints.*.deployments.*.requestSettings.maxConcurrentRequestsPerInstance": 1,
    "serving.endpoints.*.deployments.*.requestSettings.requestTimeout": "PT5S",
    "serving.endpoints.*.deployments.*.requestSettings.maxQueueWait": "PT0.5S",
    "serving.endpoints.*.deployments.*.scale.targetUtilization": 70,
    /** Endpoint alerts; an endpoint's `alerts` override them field by field (it has no defaults of its own). */
    "serving.alerts.thresholds.enabled": true,
    "serving.alerts.thresholds.errorRatePercent": 5,
    "serving.alerts.thresholds.latencyMs": 1000,
    "serving.alerts.thresholds.availabilityPercent": 99,
    "serving.alerts.thresholds.window": "PT5M",
    /** One request per second: the volume the error-rate percent is taken of (a metric alert cannot divide by the real volume). */
    "serving.alerts.thresholds.expectedRequestsPerMinute": 60,
    /** IoT Edge (host iotEdge): the manifest's own defaults (components/edge/edge-manifest.ts, edge-runtime-versions.ts). */
    /** X.509 issued by a CA the hub verifies: no device secret exists outside the device. */
    "serving.endpoints.*.iotEdge.authentication": "certificateAuthority" as EdgeDeviceAuthentication,
    /** The newest LTS line still supported (edge-runtime-versions.ts). */
    "serving.endpoints.*.iotEdge.runtime": DEFAULT_IOT_EDGE_RUNTIME_LINE as IotEdgeRuntimeLine,
    "serving.endpoints.*.iotEdge.gateway": false,
    /** Only callers on the device itself: publishing to the device's network is a choice. */
    "serving.endpoints.*.iotEdge.hostIp": EDGE_MANIFEST_DEFAULTS.hostIp as string,
    "serving.endpoints.*.iotEdge.memoryMiB": EDGE_MANIFEST_DEFAULTS.memoryMiB as number,
    "serving.endpoints.*.iotEdge.cpus": EDGE_MANIFEST_DEFAULTS.cpus as number,
    "serving.endpoints.*.iotEdge.restartPolicy": "always" as EdgeModuleRestartPolicy,
    "serving.endpoints.*.iotEdge.timeToLiveSecs": EDGE_MANIFEST_DEFAULTS.timeToLiveSecs as number,
    /** The smallest standard tier: the basic tiers lack what IoT Edge needs (edge/iot-hub.ts). */
    "serving.iotHub.sku": IOT_HUB_DEFAULTS.sku as IotHubSku,
    "serving.iotHub.units": IOT_HUB_DEFAULTS.units as number,
} as const;

