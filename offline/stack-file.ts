/**
 * Reads `stacks/Pulumi.<stack>.yaml` the way the Pulumi CLI does for a
 * project with `stackConfigDir: stacks`, with errors that name the file (as
 * the user wrote its folder), show the offending YAML line with a caret, and
 * the line of every config key so reports can point into the file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { describeFsError } from "./cli-io";

/** A problem with a stack file or its folder (exit code 2). */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** Directory of the stack config files (Pulumi.yaml `stackConfigDir`). */
export const STACKS_DIR = path.resolve(__dirname, "..", "stacks");

/** A config key's place in the stack file. */
export interface KeyLocation {
    /** Key path below `config:`, e.g. `["aml-workspace:platform", "storage", "sku"]`; list items as `"[0]"`. */
    path: string[];
    /** 1-based line of the key. */
    line: number;
    /** 1-based column of the key. */
    column: number;
}

/** A parsed stack file. */
export interface StackFile {
    /** The file as the user named it: `--stack-dir` as given joined with the file name, else relative to the working directory. */
    file: string;
    /** The `config:` map, values as written (objects stay objects). */
    config: Record<string, unknown>;
    /** Every key below `config:`, in file order. */
    keys: KeyLocation[];
}

/** The folder as it is shown in messages: as given, or the default relative to the working directory. */
function shownDir(dir: string | undefined): string {
    return dir ?? (path.relative(process.cwd(), STACKS_DIR) || ".");
}

/** Stacks that have a config file. */
export function listStacks(dir = STACKS_DIR): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Checks the stacks folder exists, is a folder and can be listed; throws StackFileError. */
function checkedStacks(dir: string | undefined): string[] {
    const where = shownDir(dir);
    try {
        if (!fs.statSync(dir ?? STACKS_DIR).isDirectory()) throw new StackFileError(`stack folder ${where} is a file, not a folder (--stack-dir names the folder holding Pulumi.<stack>.yaml)`);
        return listStacks(dir ?? STACKS_DIR);
    } catch (e) {
        if (e instanceof StackFileError) throw e;
        throw new StackFileError(`cannot read the stack folder ${where}: ${describeFsError(e)}`);
    }
}

/**
 * Reads and parses the stack file of `stack` in `dir`.
 * @param stack stack name
 * @param dir folder holding `Pulumi.<stack>.yaml`; default `stacks/` of this project
 */
export function readStackFile(stack: string, dir?: string): StackFile {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new StackFileError(`"${stack}" is not a valid stack name (letters, digits, '-', '_', '.')`);
    const known = checkedStacks(dir);
    const base = [".yaml", ".yml"].map((ext) => `Pulumi.${stack}${ext}`).find((f) => fs.existsSync(path.join(dir ?? STACKS_DIR, f)));
    if (!base) {
        throw new StackFileError(`no stack file for "${stack}" in ${shownDir(dir)}: expected Pulumi.${stack}.yaml (stacks here: ${known.join(", ") || "none"})`);
    }
    const file = path.join(shownDir(dir), base);
    let text: string;
    try {
        text = fs.readFileSync(path.join(dir ?? STACKS_DIR, base), "utf8");
    } catch (e) {
        throw new StackFileError(`cannot read ${file}: ${describeFsError(e)}`);
    }
    return { file, ...parseStackText(text, file) };
}

/** The `config:` map of a stack, values as written (objects stay objects). */
export function readStackConfig(stack: string, dir?: string): Record<string, unknown> {
    return readStackFile(stack, dir).config;
}

/** Parses the text of a stack file; `label` names it in errors. */
export function parseStackFile(text: string, label: string): Record<string, unknown> {
    return parseStackText(text, label).config;
}

/** The offending line of a YAML error with a caret under the column. */
function codeFrame(text: string, line: number, col: number): string {
    const source = text.split(/\r?\n/)[line - 1] ?? "";
    const gutter = `${line} | `;
    return `  ${gutter}${source}\n  ${" ".repeat(gutter.length + Math.max(0, col - 1))}^`;
}

/** Parses stack file text into its config map and key positions; `label` names it in errors. */
export function parseStackText(text: string, label: string): { config: Record<string, unknown>; keys: KeyLocation[] } {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        // The parser's offset of the error, turned into line and column by its own line counter.
        const pos = lineCounter.linePos(Math.min(e.pos[0], text.length));
        const headline = `${label}:${pos.line}:${pos.col}: invalid YAML: ${e.message.split("\n")[0]}`;
        throw new StackFileError(`${headline}\n${codeFrame(text, pos.line, pos.col)}`);
    }
    const body: unknown = doc.toJS();
    if (body === null || body === undefined) return { config: {}, keys: [] };
    if (typeof body !== "object" || Array.isArray(body)) throw new StackFileError(`${label}: expected a mapping with a config: key`);
    const config = (body as Record<string, unknown>).config ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) throw new StackFileError(`${label}: config: must be a mapping of keys to values`);
    const keys: KeyLocation[] = [];
    const configNode = doc.get("config", true);
    if (isMap(configNode)) collectKeys(configNode, [], lineCounter, keys);
    return { config: config as Record<string, unknown>, keys };
}

/** Walks a YAML node, recording each key's path and position from the parser's own ranges. */
function collectKeys(node: Node | null | undefined, prefix: string[], lines: LineCounter, out: KeyLocation[]): void {
    if (isMap(node)) {
        for (const pair of node.items) {
            const key = pair.key as Node | null;
            const name = isScalar(key) ? String(key.value) : String(key);
            const keyPath = [...prefix, name];
            const offset = key?.range?.[0];
            if (offset !== undefined) {
                const { line, col } = lines.linePos(offset);
                out.push({ path: keyPath, line, column: col });
            }
            collectKeys(pair.value as Node | null, keyPath, lines, out);
        }
    } else if (isSeq(node)) {
        node.items.forEach((item, i) => collectKeys(item as Node, [...prefix, `[${i}]`], lines, out));
    }
}
