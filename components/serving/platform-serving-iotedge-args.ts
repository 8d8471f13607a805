/**
 * The IoT Edge parts of serving's args (issue 12): an endpoint's `iotEdge` block (host `iotEdge`) and
 * the serving workspace's `iotHub`. Defaults: serving-defaults.ts (SERVING_DEFAULTS), which reads the
 * manifest's own defaults (components/edge/edge-manifest.ts EDGE_MANIFEST_DEFAULTS).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { EdgeModuleRestartPolicy } from "../edge/edge-enums";
import type { IotEdgeRuntimeLine } from "../edge/edge-runtime-versions";
import type { EdgeDeviceAuthentication } from "../edge/iothub-resources";
import type { IotHubSku } from "../edge/iot-hub";

/** The device and module of an endpoint on host `iotEdge`. */
export interface PlatformIotEdgeArgs {
    /** IoT Edge device ID (1-128 letters, digits and `- : . + % _ # * ? ! ( ) , = @ ; $ '`). Required. */
    deviceId: string;
    /** How the device authenticates: `certificateAuthority`, `selfSigned` (thumbprints) or `sas` (hub-generated keys, kept secret). Default `certificateAuthority`. */
    authentication?: EdgeDeviceAuthentication;
    /** SHA-1 or SHA-256 hex thumbprint of the primary certificate (`selfSigned` only, then required). Default: none. */
    primaryThumbprint?: string;
    /** Thumbprint of the secondary certificate (`selfSigned` only). Default: none. */
    secondaryThumbprint?: string;
    /** IoT Edge LTS line whose pinned system module images the manifest uses. Default `1.6`. */
    runtime?: IotEdgeRuntimeLine;
    /** The device is a gateway for downstream devices (edgeHub publishes 5671, 8883, 443). Default false. */
    gateway?: boolean;
    /** Host port the model is published on. Default: the image's port. */
    hostPort?: number;
    /** Host address the port is bound to. Default `127.0.0.1` (only clients on the device). */
    hostIp?: string;
    /** Memory limit of the module in MiB, swap excluded. Default 1024. */
    memoryMiB?: number;
    /** CPU limit of the module in CPUs. Default 1. */
    cpus?: number;
    /** Restart policy of the module: `always` or `never`. Default `always`. */
    restartPolicy?: EdgeModuleRestartPolicy;
    /** `$edgeHub` routes by name. Default: all the module's outputs to `$upstream`. */
    routes?: { [name: string]: string };
    /** Store-and-forward time to live in seconds. Default 7200. */
    timeToLiveSecs?: number;
    /** One password of the endpoint's repository-scoped pull token (secret; generated with `az acr token credential generate`). Required. */
    registryTokenPassword: pulumi.Input<string>;
}

/** The IoT hub of a serving workspace with `iotEdge` endpoints. */
export interface PlatformIotHubArgs {
    /** SKU: `S1`, `S2` or `S3` (standard tiers: IoT Edge needs cloud-to-device messaging, which the basic tiers lack). Default `S1`. */
    sku?: IotHubSku;
    /** Units of the SKU. Default 1. */
    units?: number;
}
