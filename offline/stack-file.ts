/**
 * Reads `stacks/Pulumi.<stack>.yaml` the way the Pulumi CLI does for a
 * project with `stackConfigDir: stacks`, with errors that name the file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";

/** A problem with a stack file (exit code 2). */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** Directory of the stack config files (Pulumi.yaml `stackConfigDir`). */
export const STACKS_DIR = path.resolve(__dirname, "..", "stacks");

/** Stacks that have a config file. */
export function listStacks(dir = STACKS_DIR): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** The `config:` map of a stack, values as written (objects stay objects). */
export function readStackConfig(stack: string, dir: string = STACKS_DIR): Record<string, unknown> {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new StackFileError(`"${stack}" is not a valid stack name (letters, digits, '-', '_', '.')`);
    const file = findStackFile(stack, dir);
    if (!file) {
        const known = listStacks(dir);
        throw new StackFileError(`no stack file for "${stack}" in ${path.relative(process.cwd(), dir) || "."}: expected Pulumi.${stack}.yaml (stacks here: ${known.join(", ") || "none"})`);
    }
    return parseStackFile(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file));
}

/** The stack file of `stack` in `dir` (`.yaml` before `.yml`), or undefined. */
export function findStackFile(stack: string, dir: string = STACKS_DIR): string | undefined {
    return [".yaml", ".yml"].map((ext) => path.join(dir, `Pulumi.${stack}${ext}`)).find((f) => fs.existsSync(f));
}

/** Parses the text of a stack file. */
export function parseStackFile(text: string, label: string): Record<string, unknown> {
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = e.linePos?.[0];
        throw new StackFileError(`${label}${line ? `:${line.line}:${line.col}` : ""}: invalid YAML: ${e.message.split("\n")[0]}`);
    }
    const body: unknown = doc.toJS();
    if (body === null || body === undefined) return {};
    if (typeof body !== "object" || Array.isArray(body)) throw new StackFileError(`${label}: expected a mapping with a config: key`);
    const config = (body as Record<string, unknown>).config ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) throw new StackFileError(`${label}: config: must be a mapping of keys to values`);
    return config as Record<string, unknown>;
}
