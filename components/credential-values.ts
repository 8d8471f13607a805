/**
 * Values that are credentials whatever they are called (pure): one table for every place the
 * toolkit refuses to put a secret into a resource definition anyone with read access sees — a
 * scheduled job's definition (schedules/job-definition.ts) and a compute instance's setup script
 * (compute/setup-scripts.ts, whose text travels inline in the compute's ARM body).
 */

/** A credential pattern and what it is, for messages. */
export interface CredentialValue {
    /** Matches the credential (some anchored: they judge one whole value). */
    pattern: RegExp;
    /** What it is, e.g. "a SAS token (sig=)". */
    what: string;
}

/** The patterns: connection strings with keys or passwords, SAS signatures, private keys, JWTs, base64 keys, API tokens. */
export const CREDENTIAL_VALUES: readonly CredentialValue[] = [
    { pattern: /AccountKey=|SharedAccessKey=|DefaultEndpointsProtocol=/i, what: "a storage or Service Bus connection string with a key" },
    { pattern: /(?:^|[?&])sig=[^&]+/i, what: "a SAS token (sig=)" },
    { pattern: /(?:^|;)\s*(?:Password|Pwd)\s*=/i, what: "a connection string with a password" },
    { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: "a private key" },
    { pattern: /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/, what: "a bearer token (JWT)" },
    { pattern: /^(?:[A-Za-z0-9+/]{4}){10,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/, what: "a base64 key" },
    { pattern: /^(?:ghp|gho|github_pat|xox[abp]|sk)_[A-Za-z0-9_]{16,}$|^AKIA[0-9A-Z]{16}$/, what: "an API token" },
];

/** The credential one value is, or undefined. */
export function credentialValue(value: string): CredentialValue | undefined {
    return CREDENTIAL_VALUES.find((p) => p.pattern.test(value));
}

/**
 * The credentials in a text of many words (a shell script): each line, each word (split at blanks,
 * quotes, `:` and `@`, so a token in `https://user:<token>@host` is a word) and the value of each
 * `NAME=value` word, so an anchored pattern (a JWT, a base64 key) is found inside
 * `export TOKEN="eyJ..."` too. Each kind once, with its line.
 */
export function credentialsInText(text: string): { what: string; line: number }[] {
    const found = new Map<string, number>();
    text.split(/\r?\n/).forEach((line, i) => {
        const words = line.split(/[\s"'`:@]+/).filter((w) => w !== "");
        const candidates = [line, ...words, ...words.flatMap((w) => (w.includes("=") ? [w.slice(w.indexOf("=") + 1)] : []))];
        for (const c of candidates) {
            const hit = credentialValue(c);
            if (hit && !found.has(hit.what)) found.set(hit.what, i + 1);
        }
    });
    return [...found].map(([what, line]) => ({ what, line }));
}
