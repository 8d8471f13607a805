/**
 * The IoT Edge deployment manifest of a model served on an edge device, built by a pure function:
 * plain values in, the `modulesContent` object out (what a deployment's `content.modulesContent`
 * and `POST /devices/{id}/applyConfigurationContent` take). No Pulumi here: edge-manifest-output.ts
 * lifts it to outputs and marks the result secret (it carries the registry password).
 *
 * Documentation (all read 2026-12-04):
 * - "Learn how to deploy modules and establish routes in IoT Edge"
 *   (https://learn.microsoft.com/azure/iot-edge/module-composition): a manifest is `modulesContent`
 *   with the module twins `$edgeAgent` and `$edgeHub` (both required) and, optionally, the desired
 *   properties of other module twins; route syntax `FROM <source> [WHERE <condition>] INTO <sink>`,
 *   module outputs `/messages/modules/<moduleId>/outputs/<output>` (`*` for all), the sink
 *   `$upstream` (IoT Hub); store and forward keeps messages `timeToLiveSecs` (7200 in the docs'
 *   examples) while the upstream is unreachable.
 * - "Properties of the IoT Edge agent and IoT Edge hub module twins"
 *   (https://learn.microsoft.com/azure/iot-edge/module-edgeagent-edgehub, dated 2026-03-04): every
 *   desired property written here, its required fields and values (`runtime.type` docker,
 *   `systemModules.edgeHub.status` running and `restartPolicy` always, `env` as
 *   `"<name>": {"value": "<value>"}`, `createOptions` as stringified JSON, schemaVersion 1.1
 *   "recommended").
 * - "How to configure container create options for IoT Edge modules"
 *   (https://learn.microsoft.com/azure/iot-edge/how-to-use-create-options): createOptions are the
 *   Docker Engine create options; `HostConfig.PortBindings` maps a container port to a host port
 *   (`ExposedPorts` declares it), `HostConfig.Memory` (bytes) and `HostConfig.NanoCpus` (1e9 per
 *   CPU) limit resources.
 * - "Prepare to deploy your IoT Edge solution in production"
 *   (https://learn.microsoft.com/azure/iot-edge/production-checklist): registry access by a
 *   non-admin identity ("disable the Admin user"), per-module `HostConfig.LogConfig` json-file with
 *   `max-size` 10m and `max-file` 3 so logs cannot fill the device.
 *
 * Hardening of the model module by default: digest-pinned image from the workspace registry, a
 * non-root user (the scoring app's uid 10001), all Linux capabilities dropped, no privilege
 * escalation, memory without swap, a PID limit, bounded logs, the port published on the loopback
 * address only. edgeHub publishes no host port unless the device is a gateway for downstream devices.
 */
import { requirePinnedImageReference } from "../serving/image-reference";
import { EdgeImagePullPolicy, EdgeModuleRestartPolicy, EdgeModuleStatus } from "./edge-enums";
import { DEFAULT_IOT_EDGE_RUNTIME_LINE, systemModuleImages, type IotEdgeRuntimeLine } from "./edge-runtime-versions";

/** Defaults of the manifest, one place (the config defaults table should read these when the wiring lands). */
export const EDGE_MANIFEST_DEFAULTS = {
    moduleVersion: "1.0",
    containerPort: 8080,
    hostIp: "127.0.0.1",
    memoryMiB: 1024,
    cpus: 1,
    pidsLimit: 256,
    user: "10001",
    timeToLiveSecs: 7200,
    minDockerVersion: "v1.25",
    loggingOptions: "",
    logMaxSize: "10m",
    logMaxFiles: 3,
    schemaVersion: "1.1",
} as const;

/** The model module's container: ports and limits, written into its createOptions. */
export interface EdgeModuleContainerArgs {
    /** Port the model server listens on inside the container (default 8080, the scoring app's). */
    readonly containerPort?: number;
    /** Host port published for local clients (default: the container port). */
    readonly hostPort?: number;
    /** Host address the port is bound to (default `127.0.0.1`: only clients on the device; `0.0.0.0` opens it to the network). */
    readonly hostIp?: string;
    /** Do not publish the port on the host at all, only modules on the edge network reach it (default false). */
    readonly unpublished?: boolean;
    /** Memory limit in MiB, swap excluded (default 1024). */
    readonly memoryMiB?: number;
    /** CPU limit in CPUs, fractions allowed (default 1). */
    readonly cpus?: number;
    /** Most processes the container may run (default 256). */
    readonly pidsLimit?: number;
    /** User the container runs as (default `10001`, the scoring app's non-root uid). */
    readonly user?: string;
}

/** The model module. */
export interface EdgeModelModuleArgs {
    /** Module name (required): the container name and the route source; letters, digits, `_`, `.`, `-`. */
    readonly name: string;
    /** Digest-pinned image `<loginServer>/<repository>@sha256:<hex>` from the workspace registry (required). */
    readonly image: string;
    /** User-defined module version (default `1.0`). */
    readonly version?: string;
    /** Restart policy (default `always`). */
    readonly restartPolicy?: EdgeModuleRestartPolicy;
    /** Desired status (default `running`). */
    readonly status?: EdgeModuleStatus;
    /** Image pull policy (default `on-create`). */
    readonly imagePullPolicy?: EdgeImagePullPolicy;
    /** Position in the startup order, 0 first (default: none, the runtime starts it last). */
    readonly startupOrder?: number;
    /** Environment variables (default none). */
    readonly env?: Readonly<Record<string, string>>;
    /** Ports and limits (default: see {@link EdgeModuleContainerArgs}). */
    readonly container?: EdgeModuleContainerArgs;
    /** Desired properties of the module's own twin (default none: no twin section is written). */
    readonly desiredProperties?: Readonly<Record<string, unknown>>;
}

/** Pull credentials for the workspace registry: a repository-scoped token, never the admin user. */
export interface EdgeRegistryCredentialArgs {
    /** Registry login server, `<name>.azurecr.io` (required); the model image must come from it. */
    readonly loginServer: string;
    /** Token name of a repository-scoped token with pull rights on the model repository (required). */
    readonly username: string;
    /** One of the token's passwords (required; a secret: pass it only through edge-manifest-output.ts). */
    readonly password: string;
}

/** `$edgeAgent` runtime settings. */
export interface EdgeRuntimeArgs {
    /** LTS line whose pinned system module images are used (default `1.6`, see edge-runtime-versions.ts). */
    readonly line?: IotEdgeRuntimeLine;
    /** `runtime.settings.minDockerVersion` (default `v1.25`). */
    readonly minDockerVersion?: string;
    /** `runtime.settings.loggingOptions`, stringified JSON of the agent's Docker logging options (default empty). */
    readonly loggingOptions?: string;
    /** The device is a gateway: edgeHub publishes 5671, 8883 and 443 for downstream devices (default false: no host port). */
    readonly gateway?: boolean;
}

/** Everything the manifest is built from. */
export interface EdgeManifestArgs {
    /** The model module (required). */
    readonly module: EdgeModelModuleArgs;
    /** Pull credentials for the workspace registry (required: the model image is private). */
    readonly registry: EdgeRegistryCredentialArgs;
    /** Runtime settings (default: see {@link EdgeRuntimeArgs}). */
    readonly runtime?: EdgeRuntimeArgs;
    /** `$edgeHub` routes by name (default: `<module>ToUpstream`, all module outputs to `$upstream`). */
    readonly routes?: Readonly<Record<string, string>>;
    /** Store-and-forward time to live in seconds (default 7200). */
    readonly timeToLiveSecs?: number;
}

/** The manifest: module twin name → `{"properties.desired": {...}}`. */
export type EdgeModulesContent = Record<string, { "properties.desired": Record<string, unknown> }>;

/** A manifest argument that is wrong; the message names the field and the fix. */
export class EdgeManifestError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "EdgeManifestError";
    }
}

/** A module name: Docker container name characters, not a system module's name. */
const MODULE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;
/** An environment variable name (POSIX portable). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A route: `FROM <source> [WHERE <condition>] INTO <sink>` (module-composition, "Declare routes"). */
export const EDGE_ROUTE_PATTERN = /^FROM\s+\S+(\s+WHERE\s+.+)?\s+INTO\s+\S+$/i;
/** The ACR refresh-token user (registry-auth.ts): its password expires within hours, unusable on a device. */
const NULL_GUID = "00000000-0000-0000-0000-000000000000";

/** The default route of a module: all its outputs to IoT Hub. */
export function upstreamRoute(moduleName: string): string {
    return `FROM /messages/modules/${moduleName}/outputs/* INTO $upstream`;
}

/** The manifest for `args`; throws {@link EdgeManifestError} naming every wrong field at once. */
export function buildEdgeManifest(args: EdgeManifestArgs): EdgeModulesContent {
    const problems: string[] = [];
    const m = args.module;
    const d = EDGE_MANIFEST_DEFAULTS;
    if (!MODULE_NAME.test(m.name)) problems.push(`module.name "${m.name}" must be 1-64 letters, digits, "_", "." or "-", starting with a letter or digit`);
    let image = m.image;
    try {
        image = requirePinnedImageReference(m.image, { loginServer: args.registry.loginServer });
    } catch (err) {
        problems.push(`module.image: ${(err as Error).message}`);
    }
    problems.push(...registryProblems(args.registry));
    const c = m.container ?? {};
    const containerPort = c.containerPort ?? d.containerPort;
    const hostPort = c.hostPort ?? containerPort;
    for (const [field, value] of [["containerPort", containerPort], ["hostPort", hostPort]] as const) {
        if (!Number.isInteger(value) || value < 1 || value > 65535) problems.push(`module.container.${field} must be a port 1-65535; got ${value}`);
    }
    const memoryMiB = c.memoryMiB ?? d.memoryMiB;
    if (!Number.isInteger(memoryMiB) || memoryMiB < 6) problems.push(`module.container.memoryMiB must be an integer of at least 6 (Docker's minimum); got ${memoryMiB}`);
    const cpus = c.cpus ?? d.cpus;
    if (!(cpus > 0) || !Number.isInteger(Math.round(cpus * 1e9))) problems.push(`module.container.cpus must be a positive number; got ${cpus}`);
    const pidsLimit = c.pidsLimit ?? d.pidsLimit;
    if (!Number.isInteger(pidsLimit) || pidsLimit < 1) problems.push(`module.container.pidsLimit must be a positive integer; got ${pidsLimit}`);
    const user = c.user ?? d.user;
    if (user === "0" || user === "root" || user.startsWith("0:") || user.startsWith("root:")) problems.push(`module.container.user must not be root; use a non-root uid such as ${d.user}`);
    const hostIp = c.hostIp ?? d.hostIp;
    for (const name of Object.keys(m.env ?? {})) if (!ENV_NAME.test(name)) problems.push(`module.env.${name}: not a valid environment variable name`);
    if (m.startupOrder !== undefined && (!Number.isInteger(m.startupOrder) || m.startupOrder < 0 || m.startupOrder > 4294967295)) {
        problems.push(`module.startupOrder must be an integer 0-4294967295; got ${m.startupOrder}`);
    }
    const ttl = args.timeToLiveSecs ?? d.timeToLiveSecs;
    if (!Number.isInteger(ttl) || ttl < 1) problems.push(`timeToLiveSecs must be a positive integer (seconds); got ${ttl}`);
    const routes = args.routes ?? { [`${m.name}ToUpstream`]: upstreamRoute(m.name) };
    if (Object.keys(routes).length === 0) problems.push(`routes is empty: the model's outputs would go nowhere; omit it for the default route to $upstream`);
    for (const [name, route] of Object.entries(routes)) if (!EDGE_ROUTE_PATTERN.test(route)) problems.push(`routes.${name}: "${route}" is not "FROM <source> [WHERE <condition>] INTO <sink>"`);
    const runtime = args.runtime ?? {};
    let images: { edgeAgent: string; edgeHub: string } | undefined;
    try {
        images = systemModuleImages(runtime.line ?? DEFAULT_IOT_EDGE_RUNTIME_LINE);
    } catch (err) {
        problems.push(`runtime.line: ${(err as Error).message}`);
    }
    if (problems.length > 0 || images === undefined) throw new EdgeManifestError(`IoT Edge manifest: ${problems.join("; ")}`);

    const port = `${containerPort}/tcp`;
    const createOptions = {
        User: user,
        ExposedPorts: { [port]: {} },
        HostConfig: {
            ...(c.unpublished === true ? {} : { PortBindings: { [port]: [{ HostIp: hostIp, HostPort: String(hostPort) }] } }),
            Memory: memoryMiB * 1024 * 1024,
            // Memory + swap equal to the memory limit: no swap (Docker run reference, --memory-swap).
            MemorySwap: memoryMiB * 1024 * 1024,
            NanoCpus: Math.round(cpus * 1e9),
            PidsLimit: pidsLimit,
            CapDrop: ["ALL"],
            SecurityOpt: ["no-new-privileges"],
            LogConfig: { Type: "json-file", Config: { "max-size": d.logMaxSize, "max-file": String(d.logMaxFiles) } },
        },
    };
    const moduleEntry: Record<string, unknown> = {
        version: m.version ?? d.moduleVersion,
        type: "docker",
        status: m.status ?? EdgeModuleStatus.running,
        restartPolicy: m.restartPolicy ?? EdgeModuleRestartPolicy.always,
        imagePullPolicy: m.imagePullPolicy ?? EdgeImagePullPolicy.onCreate,
        ...(m.startupOrder !== undefined ? { startupOrder: m.startupOrder } : {}),
        ...(m.env !== undefined && Object.keys(m.env).length > 0 ? { env: Object.fromEntries(Object.entries(m.env).map(([k, v]) => [k, { value: v }])) } : {}),
        settings: { image, createOptions: JSON.stringify(createOptions) },
    };
    const gatewayPorts = { PortBindings: Object.fromEntries(["5671", "8883", "443"].map((p) => [`${p}/tcp`, [{ HostPort: p }]])) };
    const loginServer = args.registry.loginServer.toLowerCase();
    const content: EdgeModulesContent = {
        $edgeAgent: {
            "properties.desired": {
                schemaVersion: d.schemaVersion,
                runtime: {
                    type: "docker",
                    settings: {
                        minDockerVersion: runtime.minDockerVersion ?? d.minDockerVersion,
                        loggingOptions: runtime.loggingOptions ?? d.loggingOptions,
                        registryCredentials: {
                            [registryKey(loginServer)]: { username: args.registry.username, password: args.registry.password, address: loginServer },
                        },
                    },
                },
                systemModules: {
                    edgeAgent: { type: "docker", settings: { image: images.edgeAgent, createOptions: "{}" } },
                    edgeHub: {
                        type: "docker",
                        status: "running",
                        restartPolicy: "always",
                        settings: { image: images.edgeHub, createOptions: JSON.stringify(runtime.gateway === true ? { HostConfig: gatewayPorts } : {}) },
                    },
                },
                modules: { [m.name]: moduleEntry },
            },
        },
        $edgeHub: {
            "properties.desired": {
                schemaVersion: d.schemaVersion,
                routes: { ...routes },
                storeAndForwardConfiguration: { timeToLiveSecs: ttl },
            },
        },
    };
    if (m.desiredProperties !== undefined) content[m.name] = { "properties.desired": { ...m.desiredProperties } };
    return content;
}

/** What a reviewable manifest holds instead of the registry password (edge-manifest-output.ts edgeManifestParts); the deployment provider writes the password in as it sends the content. */
export const REGISTRY_PASSWORD_PLACEHOLDER = "<set by the deployment provider from registryPasswords>";

/** The `registryCredentials` key of a login server: its registry name (`contoso` for `contoso.azurecr.io`). */
export function registryKey(loginServer: string): string {
    return loginServer.toLowerCase().split(".")[0].replace(/[^a-z0-9]/g, "");
}

/**
 * Why a registry credential is not a repository-scoped token's, or nothing. The ACR admin user's
 * name is the registry name ("For Azure Container Registry, the username is usually the registry
 * name", module-edgeagent-edgehub; the production checklist says to disable it), and the null GUID
 * marks a short-lived Entra refresh token (registry-auth.ts), which would stop working on the device.
 */
export function registryProblems(registry: EdgeRegistryCredentialArgs): string[] {
    const problems: string[] = [];
    if (!/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/i.test(registry.loginServer)) problems.push(`registry.loginServer "${registry.loginServer}" is not a registry host name`);
    const user = registry.username;
    if (user.trim() === "") problems.push("registry.username is empty: use the name of a repository-scoped token with pull rights");
    else if (user.toLowerCase() === registryKey(registry.loginServer)) {
        problems.push(`registry.username "${user}" is the registry's admin user: create a repository-scoped token with pull rights on the model repository and use its name`);
    } else if (user === NULL_GUID) {
        problems.push("registry.username is the null GUID of an Entra refresh token, which expires within hours: use a repository-scoped token");
    }
    if (registry.password === "") problems.push("registry.password is empty: use one of the token's passwords");
    return problems;
}
