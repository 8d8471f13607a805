/**
 * A small client of the IoT Hub service data plane (device identities and configurations), over
 * node's built-in `fetch`, authenticated with an Entra ID token. The hub has local (SAS) auth
 * disabled, so this is the only way in: "Control access to IoT Hub by using Microsoft Entra ID"
 * (https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-azure-ad, read 2026-12-04):
 * the token's audience is `https://iothubs.azure.net`, and the caller needs an IoT Hub data role
 * (IoT Hub Registry Contributor for identities and configurations).
 *
 * REST reference (api-version 2021-04-12, the version the current reference pages use; read 2026-12-04):
 * - "Devices - Create Or Update Identity" (https://learn.microsoft.com/rest/api/iothub/service/devices/create-or-update-identity):
 *   `PUT /devices/{id}`; If-Match is "a weak ETag for the device identity ... should not be set when
 *   creating a device, but may be set when updating a device". "Devices - Get Identity" `GET`, "Devices -
 *   Delete Identity" `DELETE` with If-Match (`*` deletes unconditionally).
 * - "Configuration - Create Or Update" (https://learn.microsoft.com/rest/api/iothub/service/configuration/create-or-update):
 *   `PUT /configurations/{id}`, same If-Match rule; "Configuration identifier and Content cannot be
 *   updated". "Configuration - Get" and "- Delete" alike.
 * A PUT without If-Match on an existing identity answers 409 (DeviceAlreadyExists); a stale
 * If-Match answers 412 (PreconditionFailed).
 *
 * Transport: the bounds and helpers of components/serving/http-retry.ts (same {@link RetryPolicy},
 * Retry-After parsing, redaction): one AbortController per attempt, bounded retries with exponential
 * backoff and equal jitter on 408, 429 (honouring Retry-After), 5xx, network errors and timeouts;
 * any other answer is final. A retried write is safe: a create that landed before its answer was
 * lost comes back 409, an update 412, a delete 404, and the callers (iothub-resources.ts) resolve
 * each by reading the current state. Messages name the hub, the operation, the status and the
 * IoT Hub error code, never the token or a key.
 */
import { bearerTokenFor, resolveRetryPolicy, unansweredAttempt, retryAfter, withRetries, type AttemptOutcome, type RetryPolicy, type TransportOptions } from "../serving/http-retry";
import type { EntraTokenSource } from "../serving/registry-auth";

/** The data-plane API version used for every request. */
export const IOTHUB_API_VERSION = "2021-04-12";
/** The Entra ID scope of the IoT Hub data plane. */
export const IOTHUB_ENTRA_SCOPE = "https://iothubs.azure.net/.default";

/**
 * A device ID: up to 128 ASCII letters, digits and `- : . + % _ # * ? ! ( ) , = @ ; $ '` ("Devices -
 * Update Twin", deviceId: "a case-sensitive string (up to 128 char long) of ASCII 7-bit alphanumeric
 * chars, and the following special characters").
 */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9\-:.+%_#*?!(),=@;$']{1,128}$/;
/**
 * A configuration ID as this project writes it: lowercase letters, digits and `-`, at most 128 ("Deploy
 * and monitor IoT Edge modules at scale", https://learn.microsoft.com/azure/iot-edge/how-to-deploy-at-scale:
 * "a unique name that is up to 128 lowercase letters"; a subset of what the hub accepts).
 */
export const CONFIGURATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;
/** An IoT hub host name, `<hub>.azure-devices.net` (or a sovereign cloud's suffix). */
export const HUB_HOST_PATTERN = /^[a-z0-9][a-z0-9-]{1,48}[a-z0-9](\.[a-z0-9-]+)+$/i;

/** How the client reaches one hub; every field but the hub and the token source has a default. */
export interface IotHubClientOptions extends TransportOptions {
    /** Hub host name, `<hub>.azure-devices.net` (required). */
    readonly hubHostName: string;
    /** Entra ID tokens for {@link IOTHUB_ENTRA_SCOPE} (required). */
    readonly tokenSource: EntraTokenSource;
    /** Base URL (default `https://<hubHostName>`; `http://127.0.0.1:<port>` only, for a local fake). */
    readonly baseUrl?: string;
}

/**
 * A data-plane request that failed for good: a plain `Error` carrying the status and IoT Hub error
 * code. Deliberately not a subclass: Pulumi's function serialization turns a class into a function
 * whose `super(message)` no longer sets `message` (a serialized provider threw message-less objects;
 * test/components/edge/iothub-serialization.e2e.test.ts), so errors are built from `Error` itself.
 */
export interface IotHubRequestError extends Error {
    /** HTTP status of the last answer, if any. */
    readonly status: number | undefined;
    /** IoT Hub error code (`DeviceNotFound`, `PreconditionFailed`...), if the answer had one. */
    readonly code: string | undefined;
}

/** An {@link IotHubRequestError}. */
export function iotHubRequestError(message: string, status: number | undefined, code: string | undefined): IotHubRequestError {
    return Object.assign(new Error(message), { name: "IotHubRequestError", status, code });
}

/** An answer the caller handles. */
export interface HubAnswer {
    readonly status: number;
    readonly body: unknown;
    /** The ETag header without quotes, when present. */
    readonly etag: string | undefined;
}

/** One request. */
export interface HubRequest {
    readonly method: "GET" | "PUT" | "DELETE";
    /** Path under the hub, `/devices/<encoded id>`. */
    readonly path: string;
    /** What is being done, for messages: `create device edge-01`. */
    readonly operation: string;
    /** JSON body. */
    readonly body?: unknown;
    /** If-Match value (quoted here). */
    readonly ifMatch?: string;
    /** Statuses besides 2xx the caller handles itself (404, 409, 412). */
    readonly handled?: readonly number[];
    /** Values to redact besides the token (keys in the body). */
    readonly secrets?: readonly string[];
}

/** Outcome of one attempt. */
/** One attempt's outcome: the answer, or why it failed (the shared retry loop's shape). */
type Attempt = AttemptOutcome<HubAnswer>;

/** A client bound to one hub. */
export class IotHubClient {
    private readonly policy: RetryPolicy;
    private readonly baseUrl: string;

    constructor(private readonly options: IotHubClientOptions) {
        if (!HUB_HOST_PATTERN.test(options.hubHostName)) {
            throw iotHubRequestError(`"${options.hubHostName}" is not an IoT hub host name (<hub>.azure-devices.net)`, undefined, undefined);
        }
        const policy = resolveRetryPolicy(options.retry);
        if ("problem" in policy) throw iotHubRequestError(policy.problem, undefined, undefined);
        this.policy = policy;
        const base = (options.baseUrl ?? `https://${options.hubHostName}`).replace(/\/+$/, "");
        // The bearer token must only ever travel over TLS, except to a local fake.
        if (!base.startsWith("https://") && !/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
            throw iotHubRequestError(`IoT hub base URL must be https (got ${base})`, undefined, undefined);
        }
        this.baseUrl = base;
    }

    /** The hub host name, for messages. */
    get hub(): string {
        return this.options.hubHostName;
    }

    /** Make a request with the retry policy; resolves to a 2xx or handled answer, rejects with {@link IotHubRequestError}. */
    async request(request: HubRequest): Promise<HubAnswer> {
        const label = `IoT hub ${this.hub}: ${request.operation}`;
        const token = await bearerTokenFor(this.options.tokenSource, IOTHUB_ENTRA_SCOPE, label, (message) => iotHubRequestError(message, undefined, undefined));
        const secrets = [token, ...(request.secrets ?? [])];
        const url = `${this.baseUrl}${request.path}${request.path.includes("?") ? "&" : "?"}api-version=${IOTHUB_API_VERSION}`;
        const { value } = await withRetries(
            (timeoutMs) => this.attempt(url, request, token, timeoutMs),
            { label, target: this.hub, step: request.operation, secrets, hint },
            this.policy,
            this.options,
            (f) => iotHubRequestError(f.message, f.status, f.code),
        );
        return value;
    }

    private async attempt(url: string, request: HubRequest, token: string, timeoutMs: number): Promise<Attempt> {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
            if (request.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
            if (request.ifMatch !== undefined) headers["if-match"] = request.ifMatch === "*" ? "*" : `"${request.ifMatch.replace(/^"|"$/g, "")}"`;
            const response = await (this.options.fetch ?? fetch)(url, {
                method: request.method,
                headers,
                ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
                signal: controller.signal,
                // Never follow a redirect: it would carry the token elsewhere.
                redirect: "manual",
            });
            const text = await response.text();
            const etag = response.headers.get("etag")?.replace(/^W\//, "").replace(/^"|"$/g, "") ?? undefined;
            if ((response.status >= 200 && response.status < 300) || (request.handled ?? []).includes(response.status)) {
                let body: unknown = undefined;
                if (text.trim() !== "") {
                    try {
                        body = JSON.parse(text) as unknown;
                    } catch {
                        return { done: false, retry: false, status: response.status, reason: `HTTP ${response.status} with a body that is not JSON` };
                    }
                }
                return { done: true, value: { status: response.status, body, etag } };
            }
            const code = errorCode(text, response.headers.get("iothub-errorcode"));
            const reason = `HTTP ${response.status}${code !== undefined ? ` (${code})` : ""}`;
            const retry = response.status === 408 || response.status === 429 || response.status >= 500;
            const wait = retry ? retryAfter(response.headers.get("retry-after")) : undefined;
            return { done: false, retry, status: response.status, reason, ...(code !== undefined ? { code } : {}), ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
        } catch (err) {
            return unansweredAttempt(err, controller.signal, timeoutMs);
        } finally {
            clearTimeout(timer);
        }
    }
}

/** Advice for a final status. */
function hint(status: number | undefined): string {
    if (status === 401) return ": the hub refused the Entra ID token; check the identity's tenant and that the token is for https://iothubs.azure.net";
    if (status === 403) return ": the identity lacks an IoT Hub data role; grant it IoT Hub Registry Contributor on the hub";
    return "";
}

/**
 * The IoT Hub error code of an error answer: the `iothub-errorcode` header, else `ErrorCode:<code>`
 * inside the body's `Message` (the hub's error body is `{"Message": "ErrorCode:<code>;<text>", ...}`).
 */
function errorCode(text: string, header: string | null): string | undefined {
    if (header !== null && /^[A-Za-z]+$/.test(header)) return header;
    const match = /ErrorCode:([A-Za-z]+)/.exec(text);
    return match?.[1];
}
