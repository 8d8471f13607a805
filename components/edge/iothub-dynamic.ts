/**
 * Pulumi dynamic providers for the IoT Hub data plane, which azure-native does not cover: the edge
 * device identity ({@link IotEdgeDevice}) and its deployment ({@link IotEdgeDeployment}). The
 * idempotent operations are iothub-resources.ts; the HTTP client iothub-rest.ts.
 *
 * Rules of dynamic providers that shape this file ("Dynamic resource providers",
 * https://www.pulumi.com/docs/iac/concepts/providers/dynamic-providers/, and "Author a Dynamic
 * Provider", https://www.pulumi.com/docs/iac/guides/building-extending/providers/dynamic-providers/,
 * read 2026-12-04): the provider object is serialized with the program (function serialization of
 * everything it captures) and runs later in a separate process, so it must capture nothing that is
 * not plain code and data. Hence the token source is not passed in as a function from the program
 * (an azure-native `getClientToken` closure holds the engine connection): the resource's
 * `tokenSource` input names a kind (`environment` or `azureCli`) and the provider constructs the
 * source inside each operation. Tests inject a runtime (token source, fake hub URL) through the
 * factory, which is only used in-process. The serialized provider captures no secret (the
 * serialization test checks it), so the engine may store it in the clear; outputs that hold secrets
 * are declared with `additionalSecretOutputs`: the symmetric keys of a sas device, the manifest
 * (registry password). A program's resources share one provider object per kind, so the SDK
 * serializes it once (its provider cache is keyed by the object), not once per device.
 */
import * as pulumi from "@pulumi/pulumi";
import { entraTokenFromEnvironmentFor } from "../serving/entra-token";
import type { TransportOptions } from "../serving/http-retry";
import type { EntraTokenSource } from "../serving/registry-auth";
import { entraTokenFromAzureCli } from "./azure-cli-token";
import {
    DEFAULT_DEPLOYMENT_PRIORITY,
    EdgeDeviceAuthentication,
    configurationIdFor,
    createDeployment,
    createDevice,
    deleteDeployment,
    deleteDevice,
    deviceSpecProblems,
    readDeployment,
    readDevice,
    stableJson,
    updateDeployment,
    updateDevice,
    type EdgeDeploymentSpec,
    type EdgeDeploymentState,
    type EdgeDeviceSpec,
    type EdgeDeviceState,
} from "./iothub-resources";
import { CONFIGURATION_ID_PATTERN, DEVICE_ID_PATTERN, HUB_HOST_PATTERN, IotHubClient } from "./iothub-rest";
import { REGISTRY_PASSWORD_PLACEHOLDER } from "./edge-manifest-output";

/** Where the provider gets its Entra ID token at run time. */
export const IotHubTokenSource = {
    /** `AZURE_TENANT_ID`, `AZURE_CLIENT_ID` and a federated token file or client secret (CI, workload identity). */
    environment: "environment",
    /** The Azure CLI's signed-in identity (a workstation). */
    azureCli: "azureCli",
} as const;
/** A {@link IotHubTokenSource} value. */
export type IotHubTokenSource = (typeof IotHubTokenSource)[keyof typeof IotHubTokenSource];

/** In-process overrides for tests; a real program passes none (they would be serialized). */
export interface IotHubProviderRuntime {
    /** Token source used instead of the `tokenSource` kind. */
    readonly tokenSource?: EntraTokenSource;
    /** Base URL of a local fake hub. */
    readonly baseUrl?: string;
    /** Retry bounds, fetch, jitter. */
    readonly transport?: TransportOptions;
}

/** The client of one operation, its token source built now (inside the provider process). */
function clientFor(hubHostName: string, kind: string, runtime: IotHubProviderRuntime | undefined): IotHubClient {
    const tokenSource = runtime?.tokenSource ?? (kind === IotHubTokenSource.azureCli ? entraTokenFromAzureCli() : entraTokenFromEnvironmentFor("IoT Hub Registry Contributor on the hub"));
    return new IotHubClient({ hubHostName, tokenSource, ...(runtime?.baseUrl !== undefined ? { baseUrl: runtime.baseUrl } : {}), ...runtime?.transport });
}

/** Check failures common to both resources. */
function commonFailures(news: { hubHostName?: unknown; tokenSource?: unknown }): pulumi.dynamic.CheckFailure[] {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    if (typeof news.hubHostName !== "string" || !HUB_HOST_PATTERN.test(news.hubHostName)) failures.push({ property: "hubHostName", reason: "must be the hub's host name, <hub>.azure-devices.net" });
    if (!Object.values(IotHubTokenSource).includes(news.tokenSource as IotHubTokenSource)) failures.push({ property: "tokenSource", reason: `must be one of ${Object.values(IotHubTokenSource).join(", ")}` });
    return failures;
}

/** The device provider's inputs after defaults. */
interface DeviceInputs {
    readonly hubHostName: string;
    readonly deviceId: string;
    readonly authentication: EdgeDeviceAuthentication;
    readonly primaryThumbprint?: string;
    readonly secondaryThumbprint?: string;
    readonly enabled: boolean;
    readonly tokenSource: IotHubTokenSource;
}
/** Its outputs. */
type DeviceOutputs = DeviceInputs & Omit<EdgeDeviceState, "deviceId" | "authentication" | "enabled" | "primaryThumbprint" | "secondaryThumbprint">;

function deviceSpec(inputs: DeviceInputs): EdgeDeviceSpec {
    return {
        deviceId: inputs.deviceId,
        authentication: inputs.authentication,
        ...(inputs.primaryThumbprint !== undefined ? { primaryThumbprint: inputs.primaryThumbprint } : {}),
        ...(inputs.secondaryThumbprint !== undefined ? { secondaryThumbprint: inputs.secondaryThumbprint } : {}),
        enabled: inputs.enabled,
    };
}

function deviceOutputs(inputs: DeviceInputs, state: EdgeDeviceState): DeviceOutputs {
    return {
        ...inputs,
        etag: state.etag,
        generationId: state.generationId,
        primaryKey: state.primaryKey,
        secondaryKey: state.secondaryKey,
    };
}

/** The device provider (see the module comment for `runtime`). */
export function iotEdgeDeviceProvider(runtime?: IotHubProviderRuntime): pulumi.dynamic.ResourceProvider<DeviceInputs, DeviceOutputs> {
    return {
        async check(_olds, news) {
            const inputs: DeviceInputs = {
                ...news,
                authentication: news.authentication ?? EdgeDeviceAuthentication.certificateAuthority,
                enabled: news.enabled ?? true,
                tokenSource: news.tokenSource ?? IotHubTokenSource.environment,
            };
            const failures = commonFailures(inputs);
            for (const problem of deviceSpecProblems(deviceSpec(inputs))) failures.push({ property: problem.split(/[ "]/)[0] || "deviceId", reason: problem });
            return { inputs, failures };
        },
        async diff(_id, olds, news) {
            // The hub and the device ID name the identity: another one is another device.
            const replaces = (["hubHostName", "deviceId"] as const).filter((k) => olds[k] !== news[k]);
            const same = (a: string | undefined, b: string | undefined): boolean => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
            const updates = [
                olds.authentication !== news.authentication ? "authentication" : undefined,
                !same(olds.primaryThumbprint, news.primaryThumbprint) ? "primaryThumbprint" : undefined,
                !same(olds.secondaryThumbprint, news.secondaryThumbprint) ? "secondaryThumbprint" : undefined,
                olds.enabled !== news.enabled ? "enabled" : undefined,
                olds.tokenSource !== news.tokenSource ? "tokenSource" : undefined,
            ].filter((k): k is string => k !== undefined);
            // Another hub or another ID never collides with the old identity: create the new one first.
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs) {
            const state = await createDevice(clientFor(inputs.hubHostName, inputs.tokenSource, runtime), deviceSpec(inputs));
            return { id: `${inputs.hubHostName}/devices/${inputs.deviceId}`, outs: deviceOutputs(inputs, state) };
        },
        async read(id, props) {
            if (props === undefined) return {};
            const state = await readDevice(clientFor(props.hubHostName, props.tokenSource, runtime), props.deviceId);
            if (state === undefined) return {};
            const inputs: DeviceInputs = {
                hubHostName: props.hubHostName,
                deviceId: props.deviceId,
                authentication: state.authentication,
                ...(state.primaryThumbprint !== undefined ? { primaryThumbprint: state.primaryThumbprint } : {}),
                ...(state.secondaryThumbprint !== undefined ? { secondaryThumbprint: state.secondaryThumbprint } : {}),
                enabled: state.enabled,
                tokenSource: props.tokenSource,
            };
            return { id, props: deviceOutputs(inputs, state) };
        },
        async update(_id, olds, news) {
            const client = clientFor(news.hubHostName, news.tokenSource, runtime);
            const wanted = deviceSpec(news);
            const old: EdgeDeviceState = {
                ...olds,
                primaryThumbprint: olds.primaryThumbprint,
                secondaryThumbprint: olds.secondaryThumbprint,
            };
            // Only the token source changed: nothing to send to the hub.
            const hubChanged = deviceSpecChanged(olds, news);
            const state = hubChanged ? await updateDevice(client, old, wanted) : old;
            return { outs: deviceOutputs(news, state) };
        },
        async delete(_id, props) {
            await deleteDevice(clientFor(props.hubHostName, props.tokenSource, runtime), props.deviceId);
        },
    };
}

function deviceSpecChanged(olds: DeviceInputs, news: DeviceInputs): boolean {
    return stableJson(deviceSpec(olds)) !== stableJson(deviceSpec(news));
}

let deviceProviderSingleton: pulumi.dynamic.ResourceProvider | undefined;
/** The one device provider of a program (serialized once). */
function defaultDeviceProvider(): pulumi.dynamic.ResourceProvider {
    deviceProviderSingleton ??= iotEdgeDeviceProvider();
    return deviceProviderSingleton;
}

/** Arguments of {@link IotEdgeDevice}. */
export interface IotEdgeDeviceArgs {
    /** Hub host name, `<hub>.azure-devices.net` (required). */
    readonly hubHostName: pulumi.Input<string>;
    /** Device ID (required). */
    readonly deviceId: pulumi.Input<string>;
    /** How the device authenticates (default `certificateAuthority`). */
    readonly authentication?: pulumi.Input<EdgeDeviceAuthentication>;
    /** Primary certificate thumbprint (required for `selfSigned`; default none). */
    readonly primaryThumbprint?: pulumi.Input<string>;
    /** Secondary certificate thumbprint (default none). */
    readonly secondaryThumbprint?: pulumi.Input<string>;
    /** Whether the device may connect (default true). */
    readonly enabled?: pulumi.Input<boolean>;
    /** Where the provider gets its Entra ID token (default `environment`). */
    readonly tokenSource?: IotHubTokenSource;
}

/** The edge device identity on an IoT hub. */
export class IotEdgeDevice extends pulumi.dynamic.Resource {
    /** Hub host name. */
    declare readonly hubHostName: pulumi.Output<string>;
    /** Device ID. */
    declare readonly deviceId: pulumi.Output<string>;
    /** The identity's ETag as last read. */
    declare readonly etag: pulumi.Output<string>;
    /** The hub's generation ID (changes when the identity is deleted and re-created). */
    declare readonly generationId: pulumi.Output<string>;
    /** Primary symmetric key (sas only; a secret). */
    declare readonly primaryKey: pulumi.Output<string | undefined>;
    /** Secondary symmetric key (sas only; a secret). */
    declare readonly secondaryKey: pulumi.Output<string | undefined>;

    constructor(name: string, args: IotEdgeDeviceArgs, opts: pulumi.CustomResourceOptions = {}, runtime?: IotHubProviderRuntime) {
        super(
            runtime === undefined ? defaultDeviceProvider() : iotEdgeDeviceProvider(runtime),
            name,
            { ...args, etag: undefined, generationId: undefined, primaryKey: undefined, secondaryKey: undefined },
            { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), "primaryKey", "secondaryKey"] },
            "edge",
            "IotEdgeDevice",
        );
    }
}

/** The deployment provider's inputs after defaults. */
interface DeploymentInputs {
    readonly hubHostName: string;
    /** Prefix of the configuration ID; the ID adds a hash of the content. */
    readonly idPrefix: string;
    readonly targetDeviceId: string;
    readonly priority: number;
    readonly labels: Record<string, string>;
    /** The manifest, its registry passwords replaced by REGISTRY_PASSWORD_PLACEHOLDER (reviewable, not secret). */
    readonly modulesContent: Record<string, unknown>;
    /** The registry passwords by `registryCredentials` key (secret), written into the content sent to the hub. */
    readonly registryPasswords: Record<string, string>;
    readonly tokenSource: IotHubTokenSource;
}
/** Its outputs. */
type DeploymentOutputs = DeploymentInputs & { readonly configurationId: string; readonly etag: string };

/** The registry credentials of a manifest (`$edgeAgent` runtime settings), by key. */
function registryCredentialsOf(content: Record<string, unknown>): Record<string, Record<string, unknown>> {
    const agent = (content.$edgeAgent ?? {}) as Record<string, unknown>;
    const desired = (agent["properties.desired"] ?? {}) as { runtime?: { settings?: { registryCredentials?: Record<string, Record<string, unknown>> } } };
    return desired.runtime?.settings?.registryCredentials ?? {};
}

/** The content the hub gets: the manifest with each named credential's password written in (a copy). */
export function withRegistryPasswords(content: Record<string, unknown>, passwords: Readonly<Record<string, string>>): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
    const credentials = registryCredentialsOf(copy);
    for (const [key, password] of Object.entries(passwords)) if (credentials[key] !== undefined) credentials[key].password = password;
    return copy;
}

/** The content as state keeps it: each named credential's password back to the placeholder (a copy). */
export function withoutRegistryPasswords(content: Record<string, unknown>, passwords: Readonly<Record<string, string>>): Record<string, unknown> {
    return withRegistryPasswords(content, Object.fromEntries(Object.keys(passwords).map((k) => [k, REGISTRY_PASSWORD_PLACEHOLDER])));
}

function deploymentSpec(inputs: DeploymentInputs): EdgeDeploymentSpec {
    // The ID hashes the content as sent, password included: a rotated password is a new deployment.
    const content = withRegistryPasswords(inputs.modulesContent, inputs.registryPasswords ?? {});
    return {
        configurationId: configurationIdFor(inputs.idPrefix, content),
        targetDeviceId: inputs.targetDeviceId,
        priority: inputs.priority,
        labels: inputs.labels,
        modulesContent: content,
    };
}

function deploymentOutputs(inputs: DeploymentInputs, state: EdgeDeploymentState): DeploymentOutputs {
    return { ...inputs, configurationId: state.configurationId, etag: state.etag };
}

/** The deployment provider (see the module comment for `runtime`). */
export function iotEdgeDeploymentProvider(runtime?: IotHubProviderRuntime): pulumi.dynamic.ResourceProvider<DeploymentInputs, DeploymentOutputs> {
    return {
        async check(_olds, news) {
            const inputs: DeploymentInputs = {
                ...news,
                priority: news.priority ?? DEFAULT_DEPLOYMENT_PRIORITY,
                labels: news.labels ?? {},
                registryPasswords: news.registryPasswords ?? {},
                tokenSource: news.tokenSource ?? IotHubTokenSource.environment,
            };
            const failures = commonFailures(inputs);
            // 12 hex of content hash and a "-" follow the prefix, within the 128 of an ID.
            if (typeof inputs.idPrefix !== "string" || !CONFIGURATION_ID_PATTERN.test(inputs.idPrefix) || inputs.idPrefix.length > 115) {
                failures.push({ property: "idPrefix", reason: "must be 1-115 lowercase letters, digits and -" });
            }
            if (typeof inputs.targetDeviceId !== "string" || !DEVICE_ID_PATTERN.test(inputs.targetDeviceId)) failures.push({ property: "targetDeviceId", reason: "must be a device ID" });
            if (!Number.isInteger(inputs.priority) || inputs.priority < 0) failures.push({ property: "priority", reason: "must be a non-negative integer" });
            const content = inputs.modulesContent as Record<string, unknown> | undefined;
            if (typeof content !== "object" || content === null || !("$edgeAgent" in content) || !("$edgeHub" in content)) {
                failures.push({ property: "modulesContent", reason: "must be a manifest with $edgeAgent and $edgeHub (buildEdgeManifest)" });
            }
            return { inputs, failures };
        },
        async diff(_id, olds, news) {
            // The hub cannot change a deployment's content, and the ID carries its hash: new content is a
            // new deployment, created before the old one is deleted (never a device without one).
            const replaces: string[] = [];
            if (olds.hubHostName !== news.hubHostName) replaces.push("hubHostName");
            if (olds.idPrefix !== news.idPrefix) replaces.push("idPrefix");
            if (stableJson(olds.modulesContent) !== stableJson(news.modulesContent)) replaces.push("modulesContent");
            if (stableJson(olds.registryPasswords ?? {}) !== stableJson(news.registryPasswords ?? {})) replaces.push("registryPasswords");
            const updates = [
                olds.targetDeviceId !== news.targetDeviceId ? "targetDeviceId" : undefined,
                olds.priority !== news.priority ? "priority" : undefined,
                stableJson(olds.labels) !== stableJson(news.labels) ? "labels" : undefined,
                olds.tokenSource !== news.tokenSource ? "tokenSource" : undefined,
            ].filter((k): k is string => k !== undefined);
            return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs) {
            const state = await createDeployment(clientFor(inputs.hubHostName, inputs.tokenSource, runtime), deploymentSpec(inputs));
            return { id: `${inputs.hubHostName}/configurations/${state.configurationId}`, outs: deploymentOutputs(inputs, state) };
        },
        async read(id, props) {
            if (props === undefined) return {};
            const state = await readDeployment(clientFor(props.hubHostName, props.tokenSource, runtime), props.configurationId);
            if (state === undefined) return {};
            const target = /^deviceId='(.*)'$/.exec(state.targetCondition)?.[1]?.replace(/''/g, "'") ?? props.targetDeviceId;
            // The hub's copy holds the passwords: state keeps the placeholder (the passwords stay in their secret input).
            const inputs: DeploymentInputs = { ...props, targetDeviceId: target, priority: state.priority, labels: { ...state.labels }, modulesContent: withoutRegistryPasswords(state.modulesContent, props.registryPasswords ?? {}) };
            return { id, props: deploymentOutputs(inputs, state) };
        },
        async update(_id, olds, news) {
            const wanted = deploymentSpec(news);
            const old: EdgeDeploymentState = {
                configurationId: olds.configurationId,
                targetCondition: `deviceId='${olds.targetDeviceId.replace(/'/g, "''")}'`,
                priority: olds.priority,
                labels: olds.labels,
                modulesContent: withRegistryPasswords(olds.modulesContent, olds.registryPasswords ?? {}),
                etag: olds.etag,
            };
            const hubChanged = olds.targetDeviceId !== news.targetDeviceId || olds.priority !== news.priority || stableJson(olds.labels) !== stableJson(news.labels);
            const state = hubChanged ? await updateDeployment(clientFor(news.hubHostName, news.tokenSource, runtime), old, wanted) : old;
            return { outs: deploymentOutputs(news, state) };
        },
        async delete(_id, props) {
            await deleteDeployment(clientFor(props.hubHostName, props.tokenSource, runtime), props.configurationId);
        },
    };
}

let deploymentProviderSingleton: pulumi.dynamic.ResourceProvider | undefined;
/** The one deployment provider of a program (serialized once). */
function defaultDeploymentProvider(): pulumi.dynamic.ResourceProvider {
    deploymentProviderSingleton ??= iotEdgeDeploymentProvider();
    return deploymentProviderSingleton;
}

/** Arguments of {@link IotEdgeDeployment}. */
export interface IotEdgeDeploymentArgs {
    /** Hub host name, `<hub>.azure-devices.net` (required). */
    readonly hubHostName: pulumi.Input<string>;
    /** Prefix of the configuration ID, lowercase letters, digits and `-` (required); the ID is `<prefix>-<content hash>`. */
    readonly idPrefix: pulumi.Input<string>;
    /** The device the deployment targets (required). */
    readonly targetDeviceId: pulumi.Input<string>;
    /** The manifest with REGISTRY_PASSWORD_PLACEHOLDER for passwords, from edgeManifestParts (required). */
    readonly modulesContent: pulumi.Input<Record<string, unknown>>;
    /** The registry passwords by `registryCredentials` key, from edgeManifestParts (kept secret). Default: none. */
    readonly registryPasswords?: pulumi.Input<Record<string, string>>;
    /** Priority among deployments targeting the device (default 10). */
    readonly priority?: pulumi.Input<number>;
    /** Labels (default none). */
    readonly labels?: pulumi.Input<Record<string, string>>;
    /** Where the provider gets its Entra ID token (default `environment`). */
    readonly tokenSource?: IotHubTokenSource;
}

/** An IoT Edge deployment of one manifest to one device. */
export class IotEdgeDeployment extends pulumi.dynamic.Resource {
    /** The configuration ID on the hub (`<prefix>-<content hash>`). */
    declare readonly configurationId: pulumi.Output<string>;
    /** Its ETag as last read. */
    declare readonly etag: pulumi.Output<string>;
    /** The manifest as applied, passwords replaced by the placeholder. */
    declare readonly modulesContent: pulumi.Output<Record<string, unknown>>;

    constructor(name: string, args: IotEdgeDeploymentArgs, opts: pulumi.CustomResourceOptions = {}, runtime?: IotHubProviderRuntime) {
        super(
            runtime === undefined ? defaultDeploymentProvider() : iotEdgeDeploymentProvider(runtime),
            name,
            { ...args, registryPasswords: pulumi.secret(args.registryPasswords ?? {}), configurationId: undefined, etag: undefined },
            { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), "registryPasswords"] },
            "edge",
            "IotEdgeDeployment",
        );
    }
}
