/**
 * Shared plumbing of the offline CLIs: exit codes, and turning known errors
 * into one clear message (never a stack trace).
 */
import { ConfigError } from "../stacks/config-errors";
import { SimulationError } from "./run-stack";
import { StackFileError } from "./stack-file";

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

/**
 * Reports an error the user can fix and returns the exit code; rethrows
 * anything unexpected (a bug, which deserves its stack trace).
 */
export function reportInputError(e: unknown, io: CliIo, usage: string): number {
    if (e instanceof ConfigError) {
        io.err(e.message);
    } else if (e instanceof SimulationError) {
        io.err(`${e.message}\n(Azure would reject these at deploy time; fix the stack config or the component.)`);
    } else if (e instanceof StackFileError) {
        io.err(`error: ${e.message}`);
    } else if (e instanceof UsageError) {
        io.err(`error: ${e.message}\n${usage}`);
    } else {
        throw e;
    }
    return EXIT.badInput;
}
