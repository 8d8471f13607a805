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

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an
// error. Writing stops; the command still finishes and exits with its own code.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e;
        closed.add(stream);
    });
}

function writeLine(stream: NodeJS.WriteStream, text: string): void {
    if (!closed.has(stream)) stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** The process's own streams. */
export const processIo: CliIo = {
    out: (t) => writeLine(process.stdout, t),
    err: (t) => writeLine(process.stderr, t),
};

/** A problem with the command line. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
