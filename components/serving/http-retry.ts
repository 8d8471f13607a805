/**
 * The transport of the token requests (registry exchange, registry token, Entra ID token): a form
 * POST over node's built-in `fetch` expecting a JSON answer, one AbortController per attempt for
 * its timeout (body included), bounded retries (count and total time) with exponential backoff and
 * equal jitter for 408, 429 (honouring Retry-After), 5xx and network errors or timeouts. Any other
 * answer is final: 400, 401 and 403 do not change by asking again, and neither does a 200 whose
 * body is not JSON. Messages and retry reports go through {@link redact}: a token never leaves in
 * an error or a log line, even when the server echoes it.
 */

/** Retry and timeout bounds; every field has a default. */
export interface RetryPolicy {
    /** Attempts per request, the first included (default 5). */
    readonly maxAttempts: number;
    /** Backoff before the second attempt, doubled each time (default 500 ms). */
    readonly initialDelayMs: number;
    /** Largest backoff between two attempts, and largest Retry-After honoured without giving up (default 10 s). */
    readonly maxDelayMs: number;
    /** Time limit of one request, body included (default 15 s). */
    readonly requestTimeoutMs: number;
    /** Time limit of one step, all attempts and waits included (default 60 s). */
    readonly totalTimeoutMs: number;
}

/** Defaults of {@link RetryPolicy}: a few attempts within a minute, enough for a throttling window. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    maxAttempts: 5,
    initialDelayMs: 500,
    maxDelayMs: 10_000,
    requestTimeoutMs: 15_000,
    totalTimeoutMs: 60_000,
};

/** One retry about to happen (for logs: it carries no token). */
export interface RetryReport {
    /** The host asked: the registry login server, or the Entra authority. */
    readonly target: string;
    /** Which request (`exchange`, `token`, `entra`). */
    readonly step: string;
    /** The attempt that failed (1-based). */
    readonly attempt: number;
    /** Why it is retried: `HTTP 503`, `timeout after 15000 ms`, `network error: ...`. */
    readonly reason: string;
    /** Wait before the next attempt. */
    readonly delayMs: number;
}

/** How the requests are made; every field has a default. */
export interface TransportOptions {
    /** Retry and timeout bounds (defaults: {@link DEFAULT_RETRY_POLICY}). */
    readonly retry?: Partial<RetryPolicy>;
    /** Called before each retry, e.g. to log with `pulumi.log.debug`. */
    readonly onRetry?: (report: RetryReport) => void;
    /** The fetch implementation (default the global `fetch`). */
    readonly fetch?: typeof fetch;
    /** Source of jitter in [0, 1) (default `Math.random`). */
    readonly random?: () => number;
}

/** One form POST to make. */
export interface FormRequest {
    /** Full URL. */
    readonly url: string;
    /** Form fields. */
    readonly form: Readonly<Record<string, string>>;
    /** Who is asked and what, for messages: `registry contoso.azurecr.io: /oauth2/exchange`. */
    readonly label: string;
    /** Host for retry reports. */
    readonly target: string;
    /** Step name for retry reports. */
    readonly step: string;
    /** Values to redact from every message (the tokens sent). */
    readonly secrets: readonly string[];
    /** Advice appended to the message of a final (not retried) HTTP answer. */
    readonly hint?: (status: number) => string;
}

/** A request that failed for good. */
export interface TransportFailure {
    /** Redacted message naming the label, the status or error, and the attempts. */
    readonly message: string;
    /** HTTP status of the last answer, if any. */
    readonly status: number | undefined;
    /** Attempts made. */
    readonly attempts: number;
}

/** The policy with defaults, or the first bound that is not a positive integer (`initialDelayMs` may be 0). */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy | { readonly problem: string } {
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...partial };
    const bad = (Object.keys(DEFAULT_RETRY_POLICY) as (keyof RetryPolicy)[]).find((k) => !Number.isInteger(policy[k]) || policy[k] < (k === "initialDelayMs" ? 0 : 1));
    return bad === undefined ? policy : { problem: `retry.${bad} must be a positive integer; got ${policy[bad]}` };
}

/** A JWT (three base64url parts, the first a JSON header): what Entra and ACR tokens look like. */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Form or JSON fields that carry a token, with their value. */
const TOKEN_FIELD_PATTERN = /((?:access_token|refresh_token|client_secret|client_assertion|password)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi;

/**
 * The bearer token for one REST request, from `tokenSource` for `scope`; a source that fails
 * becomes `fail(<label>: no Entra ID token for <scope>: <cause, redacted>)`, the caller's error type.
 */
export async function bearerTokenFor<E extends Error>(tokenSource: (scope: string) => Promise<string>, scope: string, label: string, fail: (message: string) => E): Promise<string> {
    try {
        return await tokenSource(scope);
    } catch (err) {
        throw fail(`${label}: no Entra ID token for ${scope}: ${redact((err as Error).message)}`);
    }
}

/** `text` with every known secret, every JWT and every token-named field value replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
    let out = text;
    for (const s of secrets) if (s.length > 0) out = out.split(s).join("[redacted]");
    return out.replace(JWT_PATTERN, "[redacted]").replace(TOKEN_FIELD_PATTERN, "$1[redacted]");
}

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110, 10.2.3); undefined when absent or unreadable. */
export function retryAfter(header: string | null, now: number = Date.now()): number | undefined {
    if (header === null) return undefined;
    const value = header.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Outcome of one attempt. */
/** What one attempt of a request gave: its answer, or why it failed and whether asking again can help. */
export type AttemptOutcome<T> =
    | { readonly done: true; readonly value: T }
    | { readonly done: false; readonly retry: boolean; readonly status?: number; readonly code?: string; readonly reason: string; readonly retryAfterMs?: number };

/** A request that got no answer (timed out through `signal`, or failed on the network): retried. */
export function unansweredAttempt(err: unknown, signal: AbortSignal, timeoutMs: number): AttemptOutcome<never> {
    if (signal.aborted) return { done: false, retry: true, reason: `timeout after ${timeoutMs} ms` };
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return { done: false, retry: true, reason: `network error: ${err instanceof Error ? err.message : String(err)}${cause}` };
}

/** The last failed attempt, as the final error of {@link withRetries} describes it. */
export interface FinalFailure {
    /** The message: the request, why it failed, and after how many attempts. */
    readonly message: string;
    /** HTTP status of the last answer, if there was one. */
    readonly status?: number;
    /** Service error code of the last answer, if it had one. */
    readonly code?: string;
    /** Attempts made. */
    readonly attempts: number;
}

/** What {@link withRetries} says about the request it repeats. */
export interface RetriedRequest {
    /** Names the request in messages (e.g. `registry exchange at cr.azurecr.io`). */
    readonly label: string;
    /** The host asked (retry reports). */
    readonly target: string;
    /** Which request (retry reports). */
    readonly step: string;
    /** Values to redact from every message and report (tokens, keys). */
    readonly secrets: readonly string[];
    /** Advice for a final status, appended to the message (e.g. which role is missing). */
    readonly hint?: (status: number) => string;
}

/**
 * The one retry loop of the toolkit's HTTP clients (token exchanges, IoT Hub, blob uploads):
 * `attempt(timeoutMs)` until it is done, a failure is final, or the policy's bounds are reached —
 * attempts, total time, or a Retry-After longer than the largest wait — with exponential backoff and
 * equal jitter (half the backoff fixed, half random, so waits still grow while the retries of many
 * clients spread out), never shorter than the server's Retry-After. Each attempt gets the time left,
 * at most `requestTimeoutMs`.
 */
export async function withRetries<T, E extends Error>(
    attempt: (timeoutMs: number) => Promise<AttemptOutcome<T>>,
    request: RetriedRequest,
    policy: RetryPolicy,
    options: Pick<TransportOptions, "onRetry" | "random">,
    fail: (failure: FinalFailure) => E,
): Promise<{ value: T; attempts: number }> {
    const random = options.random ?? Math.random;
    const started = Date.now();
    for (let n = 1; ; n++) {
        const remaining = policy.totalTimeoutMs - (Date.now() - started);
        const result = await attempt(Math.max(1, Math.min(policy.requestTimeoutMs, remaining)));
        if (result.done) return { value: result.value, attempts: n };
        const failure = (message: string): E => fail({ message: redact(message, request.secrets), status: result.status, code: result.code, attempts: n });
        const tries = `${n} attempt${n === 1 ? "" : "s"}`;
        if (!result.retry) {
            const hint = result.status !== undefined && request.hint !== undefined ? request.hint(result.status) : "";
            throw failure(`${request.label} failed: ${result.reason} (${tries}, not retried)${hint}`);
        }
        if (n >= policy.maxAttempts) throw failure(`${request.label} failed: ${result.reason}; gave up after ${tries} (retry.maxAttempts)`);
        if (result.retryAfterMs !== undefined && result.retryAfterMs > policy.maxDelayMs) {
            throw failure(`${request.label} failed: ${result.reason} and asked to wait ${Math.ceil(result.retryAfterMs / 1000)} s, more than retry.maxDelayMs (${policy.maxDelayMs} ms); gave up after ${tries}`);
        }
        const backoff = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (n - 1));
        const delayMs = Math.max(Math.round(backoff / 2 + random() * (backoff / 2)), result.retryAfterMs ?? 0);
        const elapsed = Date.now() - started;
        if (elapsed + delayMs >= policy.totalTimeoutMs) {
            throw failure(`${request.label} failed: ${result.reason}; gave up after ${tries} in ${elapsed} ms (retry.totalTimeoutMs ${policy.totalTimeoutMs} ms)`);
        }
        options.onRetry?.({ target: request.target, step: request.step, attempt: n, reason: redact(result.reason, request.secrets), delayMs });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
}

/**
 * POST `request.form` with the retry policy. Resolves to the parsed JSON answer and the attempts it
 * took, or rejects with what `fail` makes of the {@link TransportFailure}.
 */
export async function postFormWithRetry<E extends Error>(
    request: FormRequest,
    policy: RetryPolicy,
    options: TransportOptions,
    fail: (failure: TransportFailure) => E,
): Promise<{ body: unknown; attempts: number }> {
    const doFetch = options.fetch ?? fetch;
    const { value, attempts } = await withRetries(
        (timeoutMs) => attemptOnce(doFetch, request.url, request.form, timeoutMs),
        { label: request.label, target: request.target, step: request.step, secrets: request.secrets ?? [], hint: request.hint },
        policy,
        options,
        (f) => fail({ message: f.message, status: f.status, attempts: f.attempts }),
    );
    return { body: value, attempts };
}

/** One request with its own timeout covering the body; classifies the outcome. */
async function attemptOnce(doFetch: typeof fetch, url: string, form: Readonly<Record<string, string>>, timeoutMs: number): Promise<AttemptOutcome<unknown>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        const response = await doFetch(url, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
            body: new URLSearchParams(form).toString(),
            signal: controller.signal,
            // Never follow a redirect: it would carry the token elsewhere. "manual" hands the 3xx
            // back as an answer, which is final (not retried) like any other 3xx/4xx.
            redirect: "manual",
        });
        const text = await response.text();
        if (response.status === 200) {
            try {
                return { done: true, value: JSON.parse(text) as unknown };
            } catch {
                // A complete 200 answer that is not JSON does not improve by asking again.
                return { done: false, retry: false, status: 200, reason: "HTTP 200 with a body that is not JSON" };
            }
        }
        const reason = `HTTP ${response.status}${errorDetail(text)}`;
        const retry = response.status === 408 || response.status === 429 || response.status >= 500;
        const retryAfterMs = retry ? retryAfter(response.headers.get("retry-after")) : undefined;
        return { done: false, retry, status: response.status, reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    } catch (err) {
        return unansweredAttempt(err, controller.signal, timeoutMs);
    } finally {
        clearTimeout(timer);
    }
}

/**
 * ` (<code>: <message>)` from an error body, short; empty when there is none. Reads the registry
 * shape (`{"errors":[{"code","message"}]}`, Docker registry API) and the Entra ID shape
 * (`{"error","error_description"}`, OAuth 2.0 RFC 6749 section 5.2; the first line holds the AADSTS code).
 */
function errorDetail(text: string): string {
    try {
        const parsed = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[]; error?: unknown; error_description?: unknown };
        const first = parsed.errors?.[0];
        const parts = (first !== undefined ? [first.code, first.message] : [parsed.error, parsed.error_description]).filter((p): p is string => typeof p === "string");
        return parts.length === 0 ? "" : ` (${parts.join(": ").split(/\r?\n/)[0].slice(0, 200)})`;
    } catch {
        return "";
    }
}
