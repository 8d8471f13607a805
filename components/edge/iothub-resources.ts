/**
 * The two IoT Hub data-plane objects an edge host needs, with idempotent create/read/update/delete
 * over {@link IotHubClient} (no Pulumi here; iothub-dynamic.ts wraps these in dynamic providers):
 *
 * - **The edge device identity** (`/devices/{id}`, `capabilities.iotEdge: true`), authenticated by
 *   X.509 CA (the default: nothing secret exists in the cloud), self-signed X.509 thumbprints, or a
 *   symmetric key the hub generates (returned only to be kept as a Pulumi secret). "Devices - Create
 *   Or Update Identity" (https://learn.microsoft.com/rest/api/iothub/service/devices/create-or-update-identity,
 *   read 2026-12-04): AuthenticationMechanism `type` sas | selfSigned | certificateAuthority | none,
 *   `symmetricKey.primaryKey/secondaryKey`, `x509Thumbprint.primaryThumbprint/secondaryThumbprint`,
 *   DeviceCapabilities `iotEdge`, `status` enabled | disabled.
 * - **The deployment** as an IoT Edge automatic deployment (`/configurations/{id}`) targeting the one
 *   device by `deviceId='<id>'`, rather than `POST /devices/{id}/applyConfigurationContent`
 *   ("Configuration - Apply On Edge Device", same api-version). Why: applyConfigurationContent answers
 *   204 and nothing else, has no GET, no ETag and no DELETE, so Pulumi could neither read back what is
 *   applied, detect a concurrent change, nor remove it; and "Understand IoT Edge automatic deployments
 *   for single devices or at scale" (https://learn.microsoft.com/azure/iot-edge/module-deployment-monitoring)
 *   says "You can't combine per-device and automatic deployments. Once you start targeting IoT Edge
 *   devices with automatic deployments ... per-device deployments are no longer supported", so a
 *   per-device apply would silently stop working the day anyone adds an at-scale deployment. A
 *   configuration has GET/PUT/DELETE and an ETag, and its content is immutable ("Configuration
 *   identifier and Content cannot be updated"), which maps onto Pulumi's replace: the ID carries a
 *   hash of the content, so a new manifest is a new configuration created before the old one is
 *   deleted, and the device never has no deployment.
 *
 * Idempotency: create reads first and adopts an identical object (a retried or interrupted
 * `pulumi up`), and treats a 409 on its PUT the same way (the object appeared meanwhile, or an
 * earlier attempt of the same PUT landed before its answer was lost). Update sends the ETag of the
 * state Pulumi last saw: a 412 means the object changed since; if it now equals what we wanted (our
 * own retried write) that is success, otherwise the error says so and nothing is overwritten (no
 * lost update). Delete is unconditional (If-Match `*`) and tolerates 404.
 */
import { createHash } from "node:crypto";
import { CONFIGURATION_ID_PATTERN, DEVICE_ID_PATTERN, type IotHubClient } from "./iothub-rest";

/** How the edge device authenticates to the hub. */
export const EdgeDeviceAuthentication = {
    /** X.509 certificate issued by a CA verified on the hub (the default: no secret exists outside the device). */
    certificateAuthority: "certificateAuthority",
    /** Self-signed X.509 certificates named by thumbprint. */
    selfSigned: "selfSigned",
    /** Symmetric keys the hub generates; they exist only as Pulumi secret outputs. */
    sas: "sas",
} as const;
/** A {@link EdgeDeviceAuthentication} value. */
export type EdgeDeviceAuthentication = (typeof EdgeDeviceAuthentication)[keyof typeof EdgeDeviceAuthentication];

/** What the device identity should be. */
export interface EdgeDeviceSpec {
    /** Device ID (required). */
    readonly deviceId: string;
    /** Authentication (default `certificateAuthority`). */
    readonly authentication?: EdgeDeviceAuthentication;
    /** SHA-1 or SHA-256 thumbprint of the primary certificate (required for `selfSigned`, refused otherwise). */
    readonly primaryThumbprint?: string;
    /** Thumbprint of the secondary certificate (default: none; only for `selfSigned`). */
    readonly secondaryThumbprint?: string;
    /** Whether the device may connect (default true). */
    readonly enabled?: boolean;
}

/** The device identity as the hub holds it. */
export interface EdgeDeviceState {
    readonly deviceId: string;
    readonly authentication: EdgeDeviceAuthentication;
    readonly primaryThumbprint: string | undefined;
    readonly secondaryThumbprint: string | undefined;
    readonly enabled: boolean;
    readonly etag: string;
    readonly generationId: string;
    /** Symmetric keys (sas only): secrets. */
    readonly primaryKey: string | undefined;
    readonly secondaryKey: string | undefined;
}

/** What the deployment should be. */
export interface EdgeDeploymentSpec {
    /** Configuration ID, see {@link configurationIdFor} (required). */
    readonly configurationId: string;
    /** The device the deployment targets (required). */
    readonly targetDeviceId: string;
    /** Priority; the highest-priority deployment targeting a device wins (default 10). */
    readonly priority?: number;
    /** Labels (default none). */
    readonly labels?: Readonly<Record<string, string>>;
    /** The manifest's modulesContent (required). */
    readonly modulesContent: Readonly<Record<string, unknown>>;
}

/** The deployment as the hub holds it. */
export interface EdgeDeploymentState {
    readonly configurationId: string;
    readonly targetCondition: string;
    readonly priority: number;
    readonly labels: Readonly<Record<string, string>>;
    readonly modulesContent: Readonly<Record<string, unknown>>;
    readonly etag: string;
}

/** Default deployment priority. */
export const DEFAULT_DEPLOYMENT_PRIORITY = 10;
/** SHA-1 (40) or SHA-256 (64) hex thumbprint. */
export const THUMBPRINT_PATTERN = /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;

/**
 * A data-plane operation that cannot be completed as asked (not a transport failure): a plain
 * `Error` named `IotHubConflictError` (not a subclass, see iotHubRequestError in iothub-rest.ts).
 */
export function iotHubConflictError(message: string): Error {
    return Object.assign(new Error(message), { name: "IotHubConflictError" });
}

/** Problems of a device spec (empty when valid). */
export function deviceSpecProblems(spec: EdgeDeviceSpec): string[] {
    const problems: string[] = [];
    if (!DEVICE_ID_PATTERN.test(spec.deviceId)) problems.push(`deviceId "${spec.deviceId}" must be 1-128 ASCII letters, digits or - : . + % _ # * ? ! ( ) , = @ ; $ '`);
    const auth = spec.authentication ?? EdgeDeviceAuthentication.certificateAuthority;
    if (!Object.values(EdgeDeviceAuthentication).includes(auth)) problems.push(`authentication "${auth}" must be one of ${Object.values(EdgeDeviceAuthentication).join(", ")}`);
    if (auth === EdgeDeviceAuthentication.selfSigned) {
        if (spec.primaryThumbprint === undefined) problems.push("primaryThumbprint is required for selfSigned authentication");
        for (const [field, value] of [["primaryThumbprint", spec.primaryThumbprint], ["secondaryThumbprint", spec.secondaryThumbprint]] as const) {
            if (value !== undefined && !THUMBPRINT_PATTERN.test(value)) problems.push(`${field} must be a SHA-1 (40) or SHA-256 (64) hex thumbprint`);
        }
    } else if (spec.primaryThumbprint !== undefined || spec.secondaryThumbprint !== undefined) {
        problems.push(`thumbprints only apply to selfSigned authentication, not ${auth}`);
    }
    return problems;
}

/** The identity body of a PUT (keys of an existing sas device kept, so an update does not rotate them). */
function deviceBody(spec: EdgeDeviceSpec, keys?: { primaryKey?: string; secondaryKey?: string }): Record<string, unknown> {
    const auth = spec.authentication ?? EdgeDeviceAuthentication.certificateAuthority;
    const authentication =
        auth === EdgeDeviceAuthentication.sas
            ? // Keys left null: the hub generates them.
              { type: "sas", symmetricKey: { primaryKey: keys?.primaryKey ?? null, secondaryKey: keys?.secondaryKey ?? null } }
            : auth === EdgeDeviceAuthentication.selfSigned
              ? { type: "selfSigned", x509Thumbprint: { primaryThumbprint: spec.primaryThumbprint, secondaryThumbprint: spec.secondaryThumbprint ?? null } }
              : { type: "certificateAuthority" };
    return { deviceId: spec.deviceId, status: spec.enabled === false ? "disabled" : "enabled", authentication, capabilities: { iotEdge: true } };
}

/** A device as the hub answered it. */
interface HubDevice {
    deviceId?: string;
    etag?: string;
    generationId?: string;
    status?: string;
    capabilities?: { iotEdge?: boolean };
    authentication?: { type?: string; symmetricKey?: { primaryKey?: string | null; secondaryKey?: string | null }; x509Thumbprint?: { primaryThumbprint?: string | null; secondaryThumbprint?: string | null } };
}

function deviceState(body: unknown, etag: string | undefined): EdgeDeviceState {
    const d = (body ?? {}) as HubDevice;
    const type = d.authentication?.type;
    return {
        deviceId: d.deviceId ?? "",
        authentication: (type === "sas" || type === "selfSigned" ? type : "certificateAuthority") as EdgeDeviceAuthentication,
        primaryThumbprint: d.authentication?.x509Thumbprint?.primaryThumbprint ?? undefined,
        secondaryThumbprint: d.authentication?.x509Thumbprint?.secondaryThumbprint ?? undefined,
        enabled: d.status !== "disabled",
        etag: (d.etag ?? etag ?? "").replace(/^"|"$/g, ""),
        generationId: d.generationId ?? "",
        primaryKey: type === "sas" ? (d.authentication?.symmetricKey?.primaryKey ?? undefined) : undefined,
        secondaryKey: type === "sas" ? (d.authentication?.symmetricKey?.secondaryKey ?? undefined) : undefined,
    };
}

/** How `current` differs from `spec` (names of the fields), empty when it matches; `iotEdge` when the identity is not an edge device. */
export function deviceDifferences(current: EdgeDeviceState & { iotEdge?: boolean }, spec: EdgeDeviceSpec): string[] {
    const diffs: string[] = [];
    if (current.iotEdge === false) diffs.push("capabilities.iotEdge");
    if (current.authentication !== (spec.authentication ?? EdgeDeviceAuthentication.certificateAuthority)) diffs.push("authentication");
    const same = (a: string | undefined, b: string | undefined): boolean => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
    if (!same(current.primaryThumbprint, spec.primaryThumbprint)) diffs.push("primaryThumbprint");
    if (!same(current.secondaryThumbprint, spec.secondaryThumbprint)) diffs.push("secondaryThumbprint");
    if (current.enabled !== (spec.enabled ?? true)) diffs.push("enabled");
    return diffs;
}

const devicePath = (id: string): string => `/devices/${encodeURIComponent(id)}`;

/** The device, or undefined when the hub has none by that ID. */
export async function readDevice(client: IotHubClient, deviceId: string): Promise<(EdgeDeviceState & { iotEdge: boolean }) | undefined> {
    const answer = await client.request({ method: "GET", path: devicePath(deviceId), operation: `read device ${deviceId}`, handled: [404] });
    if (answer.status === 404) return undefined;
    return { ...deviceState(answer.body, answer.etag), iotEdge: (answer.body as HubDevice)?.capabilities?.iotEdge === true };
}

/** Create the device, or adopt an identical existing one; an existing different one is an error naming the fields. */
export async function createDevice(client: IotHubClient, spec: EdgeDeviceSpec): Promise<EdgeDeviceState> {
    const problems = deviceSpecProblems(spec);
    if (problems.length > 0) throw iotHubConflictError(`IoT hub ${client.hub}: device ${spec.deviceId}: ${problems.join("; ")}`);
    const adopt = (existing: EdgeDeviceState & { iotEdge: boolean }): EdgeDeviceState => {
        const diffs = deviceDifferences(existing, spec);
        if (diffs.length > 0) {
            throw iotHubConflictError(
                `IoT hub ${client.hub}: device ${spec.deviceId} already exists with different ${diffs.join(", ")}; import it (pulumi import), delete it, or choose another deviceId`,
            );
        }
        const { iotEdge: _ignored, ...state } = existing;
        return state;
    };
    const existing = await readDevice(client, spec.deviceId);
    if (existing !== undefined) return adopt(existing);
    const answer = await client.request({ method: "PUT", path: devicePath(spec.deviceId), operation: `create device ${spec.deviceId}`, body: deviceBody(spec), handled: [409] });
    if (answer.status === 409) {
        const now = await readDevice(client, spec.deviceId);
        if (now === undefined) throw iotHubConflictError(`IoT hub ${client.hub}: create device ${spec.deviceId}: the hub answered 409 (exists) but the device cannot be read; retry`);
        return adopt(now);
    }
    return deviceState(answer.body, answer.etag);
}

/** Update the device from the state Pulumi last saw (`old.etag`); a concurrent change is an error, never overwritten. */
export async function updateDevice(client: IotHubClient, old: EdgeDeviceState, spec: EdgeDeviceSpec): Promise<EdgeDeviceState> {
    const problems = deviceSpecProblems(spec);
    if (problems.length > 0) throw iotHubConflictError(`IoT hub ${client.hub}: device ${spec.deviceId}: ${problems.join("; ")}`);
    const keys = old.authentication === EdgeDeviceAuthentication.sas ? { primaryKey: old.primaryKey, secondaryKey: old.secondaryKey } : undefined;
    const answer = await client.request({
        method: "PUT",
        path: devicePath(spec.deviceId),
        operation: `update device ${spec.deviceId}`,
        body: deviceBody(spec, keys),
        ifMatch: old.etag,
        handled: [404, 412],
        secrets: [old.primaryKey ?? "", old.secondaryKey ?? ""],
    });
    if (answer.status === 404) throw iotHubConflictError(`IoT hub ${client.hub}: update device ${spec.deviceId}: the device no longer exists (deleted outside Pulumi); run pulumi refresh, then pulumi up to recreate it`);
    if (answer.status === 412) {
        const now = await readDevice(client, spec.deviceId);
        if (now !== undefined && deviceDifferences(now, spec).length === 0) {
            const { iotEdge: _ignored, ...state } = now;
            return state;
        }
        throw iotHubConflictError(
            `IoT hub ${client.hub}: update device ${spec.deviceId}: HTTP 412, the device changed on the hub since Pulumi last read it (etag ${old.etag}, now ${now?.etag ?? "deleted"}); nothing was overwritten: run pulumi refresh to take in the change, then pulumi up`,
        );
    }
    return deviceState(answer.body, answer.etag);
}

/** Delete the device; an absent device is already deleted. */
export async function deleteDevice(client: IotHubClient, deviceId: string): Promise<void> {
    await client.request({ method: "DELETE", path: devicePath(deviceId), operation: `delete device ${deviceId}`, ifMatch: "*", handled: [404] });
}

/** JSON with sorted keys: the same content always serializes, and hashes, the same way. */
export function stableJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
    if (value !== null && typeof value === "object") {
        return `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value);
}

/** `<prefix>-<first 12 hex of sha256(content)>`: a new manifest gets a new configuration (the content is immutable on the hub). */
export function configurationIdFor(prefix: string, modulesContent: unknown): string {
    const id = `${prefix}-${createHash("sha256").update(stableJson(modulesContent)).digest("hex").slice(0, 12)}`;
    if (!CONFIGURATION_ID_PATTERN.test(id)) throw iotHubConflictError(`deployment ID prefix "${prefix}" must be lowercase letters, digits and "-", at most 115 characters`);
    return id;
}

/** The target condition of a one-device deployment (device IDs may contain `'`, which the query language doubles). */
export function deviceTargetCondition(deviceId: string): string {
    return `deviceId='${deviceId.replace(/'/g, "''")}'`;
}

interface HubConfiguration {
    id?: string;
    etag?: string;
    targetCondition?: string;
    priority?: number;
    labels?: Record<string, string> | null;
    content?: { modulesContent?: Record<string, unknown> };
}

function deploymentState(body: unknown, etag: string | undefined): EdgeDeploymentState {
    const c = (body ?? {}) as HubConfiguration;
    return {
        configurationId: c.id ?? "",
        targetCondition: c.targetCondition ?? "",
        priority: c.priority ?? 0,
        labels: c.labels ?? {},
        modulesContent: c.content?.modulesContent ?? {},
        etag: (c.etag ?? etag ?? "").replace(/^"|"$/g, ""),
    };
}

/** How `current` differs from `spec`; `content` cannot be changed in place. */
export function deploymentDifferences(current: EdgeDeploymentState, spec: EdgeDeploymentSpec): string[] {
    const diffs: string[] = [];
    if (stableJson(current.modulesContent) !== stableJson(spec.modulesContent)) diffs.push("content");
    if (current.targetCondition !== deviceTargetCondition(spec.targetDeviceId)) diffs.push("targetCondition");
    if (current.priority !== (spec.priority ?? DEFAULT_DEPLOYMENT_PRIORITY)) diffs.push("priority");
    if (stableJson(current.labels) !== stableJson(spec.labels ?? {})) diffs.push("labels");
    return diffs;
}

function deploymentBody(spec: EdgeDeploymentSpec): Record<string, unknown> {
    return {
        id: spec.configurationId,
        schemaVersion: "1.0",
        labels: { ...(spec.labels ?? {}) },
        content: { modulesContent: spec.modulesContent },
        targetCondition: deviceTargetCondition(spec.targetDeviceId),
        priority: spec.priority ?? DEFAULT_DEPLOYMENT_PRIORITY,
        metrics: { queries: {} },
    };
}

const configurationPath = (id: string): string => `/configurations/${encodeURIComponent(id)}`;

function deploymentSpecProblems(spec: EdgeDeploymentSpec): string[] {
    const problems: string[] = [];
    if (!CONFIGURATION_ID_PATTERN.test(spec.configurationId)) problems.push(`configurationId "${spec.configurationId}" must be 1-128 lowercase letters, digits and "-"`);
    if (!DEVICE_ID_PATTERN.test(spec.targetDeviceId)) problems.push(`targetDeviceId "${spec.targetDeviceId}" is not a device ID`);
    const priority = spec.priority ?? DEFAULT_DEPLOYMENT_PRIORITY;
    if (!Number.isInteger(priority) || priority < 0) problems.push(`priority must be a non-negative integer; got ${priority}`);
    if (!("$edgeAgent" in spec.modulesContent) || !("$edgeHub" in spec.modulesContent)) problems.push("modulesContent must hold $edgeAgent and $edgeHub");
    return problems;
}

/** The deployment, or undefined when the hub has none by that ID. */
export async function readDeployment(client: IotHubClient, configurationId: string): Promise<EdgeDeploymentState | undefined> {
    const answer = await client.request({ method: "GET", path: configurationPath(configurationId), operation: `read deployment ${configurationId}`, handled: [404] });
    return answer.status === 404 ? undefined : deploymentState(answer.body, answer.etag);
}

/** Create the deployment, adopt an identical one, or bring an existing one with the same content to the wanted priority and labels. */
export async function createDeployment(client: IotHubClient, spec: EdgeDeploymentSpec): Promise<EdgeDeploymentState> {
    const problems = deploymentSpecProblems(spec);
    if (problems.length > 0) throw iotHubConflictError(`IoT hub ${client.hub}: deployment ${spec.configurationId}: ${problems.join("; ")}`);
    const settle = async (existing: EdgeDeploymentState): Promise<EdgeDeploymentState> => {
        const diffs = deploymentDifferences(existing, spec);
        if (diffs.length === 0) return existing;
        if (diffs.includes("content")) {
            throw iotHubConflictError(`IoT hub ${client.hub}: deployment ${spec.configurationId} already exists with other content, which the hub cannot change; delete it or choose another ID prefix`);
        }
        return updateDeployment(client, existing, spec);
    };
    const existing = await readDeployment(client, spec.configurationId);
    if (existing !== undefined) return settle(existing);
    const answer = await client.request({ method: "PUT", path: configurationPath(spec.configurationId), operation: `create deployment ${spec.configurationId}`, body: deploymentBody(spec), handled: [409] });
    if (answer.status === 409) {
        const now = await readDeployment(client, spec.configurationId);
        if (now === undefined) throw iotHubConflictError(`IoT hub ${client.hub}: create deployment ${spec.configurationId}: the hub answered 409 (exists) but it cannot be read; retry`);
        return settle(now);
    }
    return deploymentState(answer.body, answer.etag);
}

/** Change priority, target or labels from the state Pulumi last saw (`old.etag`); a concurrent change is an error. */
export async function updateDeployment(client: IotHubClient, old: EdgeDeploymentState, spec: EdgeDeploymentSpec): Promise<EdgeDeploymentState> {
    const problems = deploymentSpecProblems(spec);
    if (problems.length > 0) throw iotHubConflictError(`IoT hub ${client.hub}: deployment ${spec.configurationId}: ${problems.join("; ")}`);
    if (stableJson(old.modulesContent) !== stableJson(spec.modulesContent)) {
        throw iotHubConflictError(`IoT hub ${client.hub}: deployment ${spec.configurationId}: the content of a deployment cannot be updated; it is replaced (a new ID)`);
    }
    const answer = await client.request({
        method: "PUT",
        path: configurationPath(spec.configurationId),
        operation: `update deployment ${spec.configurationId}`,
        body: deploymentBody(spec),
        ifMatch: old.etag,
        handled: [404, 412],
    });
    if (answer.status === 404) throw iotHubConflictError(`IoT hub ${client.hub}: update deployment ${spec.configurationId}: it no longer exists (deleted outside Pulumi); run pulumi refresh, then pulumi up`);
    if (answer.status === 412) {
        const now = await readDeployment(client, spec.configurationId);
        if (now !== undefined && deploymentDifferences(now, spec).length === 0) return now;
        throw iotHubConflictError(
            `IoT hub ${client.hub}: update deployment ${spec.configurationId}: HTTP 412, it changed on the hub since Pulumi last read it (etag ${old.etag}, now ${now?.etag ?? "deleted"}); nothing was overwritten: run pulumi refresh, then pulumi up`,
        );
    }
    return deploymentState(answer.body, answer.etag);
}

/** Delete the deployment; an absent one is already deleted. */
export async function deleteDeployment(client: IotHubClient, configurationId: string): Promise<void> {
    await client.request({ method: "DELETE", path: configurationPath(configurationId), operation: `delete deployment ${configurationId}`, ifMatch: "*", handled: [404] });
}

