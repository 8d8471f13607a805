/**
 * Shared plumbing of the offline CLIs (plan, audit): exit codes, output
 * streams that tests can replace, and the usage error.
 */
/** Exit codes of `plan` and `audit`. */
export const EXIT = {
    /** Clean, or advisory violations only. */
    ok: 0,
    /** A mandatory policy violation. */
    violation: 1,
    /** Bad input: arguments, config, files. */
    badInput: 2,
} as const;

/** Where a CLI writes; injectable so tests need no subprocess. */
export interface CliIo {
    /** Standard output. */
    out: (text: string) => void;
    /** Standard error. */
    err: (text: string) => void;
}

/** The process's own streams. */
export const processIo: CliIo = {
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
};

/** A problem with the command line. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
