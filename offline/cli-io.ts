/**
 * Shared plumbing of the offline CLIs (plan, audit): exit codes, output
 * streams that tests can replace, flag parsing with one-line errors, report
 * files (folders created, `-` for stdout), and in-place progress on a TTY.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

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
    /**
     * Rewrites one status line in place (stderr on a terminal); `""` clears it.
     * Default: absent, so no progress is shown (pipes, files, tests).
     */
    progress?: (text: string) => void;
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

/**
 * A status line on a terminal: carriage return, the text, erase to end of line (ECMA-48 EL).
 * Only a TTY gets it, so logs and pipes never see control characters.
 */
function ttyProgress(stream: NodeJS.WriteStream): ((text: string) => void) | undefined {
    if (!stream.isTTY) return undefined;
    return (text) => {
        if (!closed.has(stream)) stream.write(`\r${text.slice(0, Math.max(0, (stream.columns || 80) - 1))}\x1b[K`);
    };
}

/** The process's own streams; progress only when stderr is a terminal. */
export const processIo: CliIo = {
    out: (t) => writeLine(process.stdout, t),
    err: (t) => writeLine(process.stderr, t),
    progress: ttyProgress(process.stderr),
};

/** A problem with the command line. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

/** A file or folder the user named cannot be read or written (exit code 2). */
export class FileAccessError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "FileAccessError";
    }
}

/** Plain words for the errno codes file access gives. */
const ERRNO_WORDS: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "it is a directory",
    ENOTDIR: "a part of the path is a file, not a directory",
    EEXIST: "a part of the path is a file, not a directory",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
};

/** The reason a file operation failed, in words (the errno code when it has none). */
export function describeFsError(e: unknown): string {
    const code = (e as NodeJS.ErrnoException).code;
    return (code && ERRNO_WORDS[code]) ?? code ?? (e instanceof Error ? e.message : String(e));
}

/** A file the user named, read; or why not: missing, or unreadable with the reason in words. */
export type UserFile = { text: string } | { missing: boolean; reason: string };

/**
 * Reads a text file the user named (a stack export, a policy config): the one place that
 * turns a read failure into words, "file not found" or "cannot read the file (<why>)".
 */
export function readUserFile(file: string): UserFile {
    try {
        return { text: fs.readFileSync(file, "utf8") };
    } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
        return { missing, reason: missing ? "file not found" : `cannot read the file (${describeFsError(e)})` };
    }
}

/** `-` as a report target: standard output. */
export const STDOUT = "-";

/**
 * Fails fast, before a long run, when a report target cannot be written: it is
 * a folder, or a part of its path is a file. (Permissions still surface when
 * writing.) Throws {@link FileAccessError} naming the path as given.
 */
export function checkWritable(target: string): void {
    if (target === STDOUT) return;
    if (target === "" || target.endsWith("/") || target.endsWith(path.sep)) throw new FileAccessError(`cannot write "${target}": give a file name, not a folder`);
    // stat throws ENOTDIR when a part of the path is a file; that is the answer, not an error.
    const stat = (p: string): fs.Stats | undefined => {
        try {
            return fs.statSync(p, { throwIfNoEntry: false });
        } catch {
            return undefined;
        }
    };
    if (stat(target)?.isDirectory()) throw new FileAccessError(`cannot write ${target}: it is a directory; give a file name`);
    let dir = path.dirname(path.resolve(target));
    for (;;) {
        const found = stat(dir);
        if (found) {
            if (!found.isDirectory()) throw new FileAccessError(`cannot write ${target}: ${ERRNO_WORDS.ENOTDIR}`);
            return;
        }
        const parent = path.dirname(dir);
        if (parent === dir) return;
        dir = parent;
    }
}

/**
 * Writes a report where the user asked: `-` is stdout; otherwise the file,
 * creating its folders. Throws {@link FileAccessError} naming the path as given.
 */
export function writeReportFile(target: string, content: string, io: CliIo): void {
    const text = content.endsWith("\n") ? content : `${content}\n`;
    if (target === STDOUT) {
        io.out(text.slice(0, -1));
        return;
    }
    checkWritable(target);
    try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
    } catch (e) {
        if (e instanceof FileAccessError) throw e;
        throw new FileAccessError(`cannot write ${target}: ${describeFsError(e)}`);
    }
}

/** One flag of a CLI. */
export interface FlagSpec {
    /** Whether it takes a value. */
    type: "string" | "boolean";
    /** One-letter alias, e.g. `o` for `-o`. Default: none. */
    short?: string;
    /** A value flag that may be repeated; its values are collected in order. Default false. */
    multiple?: boolean;
}

/** Values of parsed flags: strings for value flags, booleans for switches. */
export type FlagValues<S extends Record<string, FlagSpec>> = {
    [K in keyof S]?: S[K]["type"] extends "string" ? (S[K]["multiple"] extends true ? string[] : string) : boolean;
};

/** What {@link parseFlags} returns. */
export interface ParsedFlags<S extends Record<string, FlagSpec>> {
    /** The flags given. */
    values: FlagValues<S>;
    /** Arguments that are not flags. */
    positionals: string[];
    /** `--help` or `-h` was given. */
    help: boolean;
}

/**
 * Parses argv against the flag table (plus `--help`/`-h`). Every mistake is a
 * {@link UsageError} of one line naming the flag: unknown flag, flag without
 * its value (including one followed by another flag), value given to a switch.
 */
export function parseFlags<S extends Record<string, FlagSpec>>(argv: string[], spec: S): ParsedFlags<S> {
    const options = { ...spec, help: { type: "boolean" as const, short: "h" } };
    // Non-strict with tokens: Node's own strict errors are multi-sentence and do not all name the
    // flag, so the checks below read the tokens and word each mistake in one line.
    const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
    const values: Record<string, string | string[] | boolean> = {};
    const positionals: string[] = [];
    let help = false;
    for (const t of tokens) {
        if (t.kind === "positional") {
            positionals.push(t.value);
            continue;
        }
        if (t.kind === "option-terminator") continue;
        const flag = t.name === "help" ? undefined : spec[t.name];
        if (t.name === "help") {
            help = true;
        } else if (!flag) {
            throw new UsageError(`unknown flag ${t.rawName}`);
        } else if (flag.type === "boolean") {
            if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value (got "${t.value}")`);
            values[t.name] = true;
        } else if (t.value === undefined || t.value === "") {
            throw new UsageError(`${t.rawName} needs a value`);
        } else if (!t.inlineValue && t.value.length > 1 && t.value.startsWith("-")) {
            // `--json --preview`: the next word is a flag, so the value was forgotten.
            throw new UsageError(`${t.rawName} needs a value (got the flag ${t.value}; write ${t.rawName}=${t.value} if that is the value)`);
        } else if (flag.multiple) {
            values[t.name] = [...((values[t.name] as string[] | undefined) ?? []), t.value];
        } else {
            values[t.name] = t.value;
        }
    }
    return { values: values as FlagValues<S>, positionals, help };
}

/** The last line of every usage error: where the full usage is. */
export function usageHint(command: string): string {
    return `(run \`npm run ${command} -- --help\` for usage)`;
}
