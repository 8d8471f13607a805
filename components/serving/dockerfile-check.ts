/**
 * A Dockerfile check (pure) for the few rules a scoring image must follow before it is built and
 * pushed, so a bad build context is refused without a Docker engine:
 *
 * - `from-pinned`: every base image names a tag other than `latest`, or a digest ("Dockerfile
 *   reference", FROM: without a tag the builder assumes `latest`).
 * - `user-non-root`: the final stage switches to a numeric, non-root user (Kubernetes verifies
 *   `runAsNonRoot` only for a numeric user; "Configure a Security Context for a Pod or Container").
 * - `expose-port`: the final stage exposes the port the server listens on, and an `ENV PORT`
 *   agrees with it.
 * - `no-remote-add`: no `ADD` of a URL or a git repository (unverified remote content).
 * - `no-secrets`: no `ENV`/`ARG` named like a secret with a value, no value shaped like a key,
 *   token or connection string, no `COPY`/`ADD` of credential files (an image's layers and
 *   config are readable by anyone who can pull it).
 * - `exec-form`: `ENTRYPOINT`/`CMD` in exec (JSON) form, so the server is PID 1 and gets SIGTERM.
 *
 * The parser follows the "Dockerfile reference" (https://docs.docker.com/reference/dockerfile/):
 * instructions are case-insensitive, `#` starts a comment line (also inside a continuation), a
 * trailing `\` continues the line; exec form is a JSON array. Parser directives other than
 * `syntax`, a changed escape character and heredocs are refused rather than misread.
 */

/** One instruction. */
export interface DockerInstruction {
    /** Upper-case keyword (`FROM`, `RUN`, ...). */
    readonly keyword: string;
    /** Everything after the keyword, continuations joined with a space. */
    readonly args: string;
    /** 1-based line where the instruction starts. */
    readonly line: number;
}

/** A rule a Dockerfile breaks, with its line. */
export interface DockerfileProblem {
    readonly line: number;
    readonly rule: string;
    readonly message: string;
}

/** What the check needs to know about the server. */
export interface DockerfileExpectations {
    /** The port the server listens on; the final stage must EXPOSE it. */
    readonly port?: number;
}

/** Names of variables that hold secrets. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|ACCOUNT_?KEY|PRIVATE_?KEY|CONNECTION_?STRING|CLIENT_?CERT|CREDENTIAL)/i;
/** Values that are secrets whatever their name: JWTs, storage keys, SAS signatures, PEM keys, connection strings. */
const SECRET_VALUE = [
    /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/,
    /AccountKey=/i,
    /SharedAccessKey=/i,
    /SharedAccessSignature=/i,
    /[?&]sig=[A-Za-z0-9%]{10,}/,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\b(?:ghp|gho|github_pat)_[A-Za-z0-9_]{20,}/,
];
/** Files that hold credentials. */
const CREDENTIAL_FILE = /(^|\/)(\.env(\..*)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|id_rsa|id_ed25519|.*\.pem|.*\.key|.*\.pfx|\.azure|\.docker|\.kube|credentials(\.json)?)\/?$/i;

/** Split a Dockerfile into instructions; throws on what this parser does not read (see the module comment). */
export function parseDockerfile(text: string): DockerInstruction[] {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const out: DockerInstruction[] = [];
    let inDirectives = true;
    let pending: { start: number; parts: string[] } | undefined;
    lines.forEach((raw, i) => {
        const lineNo = i + 1;
        const trimmed = raw.trim();
        if (inDirectives) {
            const directive = /^#\s*([a-zA-Z]+)\s*=\s*(.*)$/.exec(trimmed);
            if (directive !== null) {
                const name = directive[1].toLowerCase();
                if (name === "escape" && directive[2].trim() !== "\\") throw new Error(`line ${lineNo}: the escape directive "${directive[2].trim()}" is not supported by this check`);
                if (name !== "syntax" && name !== "escape" && name !== "check") throw new Error(`line ${lineNo}: unknown parser directive "${name}"`);
                return;
            }
            if (trimmed !== "" || pending !== undefined) inDirectives = false;
        }
        if (trimmed.startsWith("#")) return; // a comment line, also inside a continuation
        if (trimmed === "" && pending === undefined) return;
        const continues = /\\\s*$/.test(raw);
        const content = continues ? raw.replace(/\\\s*$/, "") : raw;
        if (pending === undefined) pending = { start: lineNo, parts: [] };
        pending.parts.push(content.trim());
        if (continues) return;
        out.push(toInstruction(pending.parts.filter((p) => p !== "").join(" "), pending.start));
        pending = undefined;
    });
    if (pending !== undefined) out.push(toInstruction(pending.parts.filter((p) => p !== "").join(" "), pending.start));
    return out;
}

function toInstruction(text: string, line: number): DockerInstruction {
    const match = /^(\S+)\s*(.*)$/.exec(text);
    if (match === null) throw new Error(`line ${line}: empty instruction`);
    const keyword = match[1].toUpperCase();
    if (/<<-?["']?[A-Za-z_]/.test(match[2]) && ["RUN", "COPY", "ADD"].includes(keyword)) {
        throw new Error(`line ${line}: heredocs are not supported by this check`);
    }
    return { keyword, args: match[2], line };
}

/** The JSON array of an exec-form argument, or undefined for shell form. */
export function execForm(args: string): string[] | undefined {
    if (!args.trimStart().startsWith("[")) return undefined;
    try {
        const parsed = JSON.parse(args) as unknown;
        return Array.isArray(parsed) && parsed.every((p) => typeof p === "string") ? (parsed as string[]) : undefined;
    } catch {
        return undefined;
    }
}

/** Words of a shell-form argument, honouring quotes and backslash escapes. */
function words(args: string): string[] {
    const out: string[] = [];
    let current = "";
    let quote: string | undefined;
    let has = false;
    for (let i = 0; i < args.length; i++) {
        const c = args[i];
        if (quote !== undefined) {
            if (c === quote) quote = undefined;
            else if (c === "\\" && quote === '"' && i + 1 < args.length) current += args[++i];
            else current += c;
        } else if (c === '"' || c === "'") {
            quote = c;
            has = true;
        } else if (c === "\\" && i + 1 < args.length) {
            current += args[++i];
            has = true;
        } else if (/\s/.test(c)) {
            if (has || current !== "") out.push(current);
            current = "";
            has = false;
        } else {
            current += c;
            has = true;
        }
    }
    if (has || current !== "") out.push(current);
    return out;
}

/** `ENV`/`ARG` pairs: `K=V ...`, or the legacy `ENV K V` form. */
function assignments(instruction: DockerInstruction): { key: string; value: string | undefined }[] {
    const w = words(instruction.args);
    if (instruction.keyword === "ENV" && w.length >= 2 && !w[0].includes("=")) {
        return [{ key: w[0], value: w.slice(1).join(" ") }];
    }
    return w.map((word) => {
        const eq = word.indexOf("=");
        return eq < 0 ? { key: word, value: undefined } : { key: word.slice(0, eq), value: word.slice(eq + 1) };
    });
}

/** Sources of a COPY/ADD (flags dropped, destination dropped). */
function copySources(instruction: DockerInstruction): string[] {
    const exec = execForm(instruction.args);
    const parts = (exec ?? words(instruction.args)).filter((p) => !p.startsWith("--"));
    return parts.slice(0, -1);
}

/** Every rule `text` breaks (empty when it passes); throws when the text cannot be parsed. */
export function dockerfileProblems(text: string, expectations: DockerfileExpectations = {}): DockerfileProblem[] {
    const instructions = parseDockerfile(text);
    const problems: DockerfileProblem[] = [];
    const add = (line: number, rule: string, message: string): void => {
        problems.push({ line, rule, message });
    };
    const froms = instructions.filter((i) => i.keyword === "FROM");
    if (froms.length === 0) {
        add(1, "from-pinned", "no FROM instruction");
        return problems;
    }
    const stageNames = new Set<string>();
    for (const from of froms) {
        const w = words(from.args).filter((p) => !p.startsWith("--"));
        const image = w[0] ?? "";
        const earlierStage = stageNames.has(image.toLowerCase());
        if (w.length >= 3 && w[1].toLowerCase() === "as") stageNames.add(w[2].toLowerCase());
        if (earlierStage) continue; // builds on an earlier stage, checked there
        if (image.includes("$")) {
            add(from.line, "from-pinned", `FROM ${image}: a variable in the base image cannot be checked for a pin; write the tag or digest`);
            continue;
        }
        if (image === "scratch") continue;
        const at = image.indexOf("@");
        const name = at < 0 ? image : image.slice(0, at);
        const tagColon = name.lastIndexOf(":");
        const tag = tagColon > name.lastIndexOf("/") ? name.slice(tagColon + 1) : undefined;
        if (at < 0 && (tag === undefined || tag === "latest")) {
            add(from.line, "from-pinned", `FROM ${image}: ${tag === undefined ? "no tag means latest" : "latest moves"}; name an exact version tag (e.g. python:3.12.8-slim-bookworm) or a digest`);
        }
    }

    // The final stage: from its FROM to the end.
    const finalStart = instructions.lastIndexOf(froms[froms.length - 1]);
    const final = instructions.slice(finalStart);
    const lastFromLine = froms[froms.length - 1].line;

    const users = final.filter((i) => i.keyword === "USER");
    const lastUser = users[users.length - 1];
    if (lastUser === undefined) {
        add(lastFromLine, "user-non-root", "the final stage has no USER, so it runs as root: add USER <uid>:<gid> with a numeric, non-zero UID");
    } else {
        const user = words(lastUser.args)[0] ?? "";
        const name = user.split(":")[0];
        if (name === "root" || name === "0") add(lastUser.line, "user-non-root", `USER ${user} runs as root: use a numeric, non-zero UID`);
        else if (!/^\d+$/.test(name)) add(lastUser.line, "user-non-root", `USER ${user}: use the numeric UID (Kubernetes can verify runAsNonRoot only for a numeric user)`);
    }

    const exposed = new Set<number>();
    for (const e of final.filter((i) => i.keyword === "EXPOSE")) {
        for (const w of words(e.args)) {
            const port = Number(w.split("/")[0]);
            if (Number.isInteger(port)) exposed.add(port);
        }
    }
    const envPort = final
        .filter((i) => i.keyword === "ENV")
        .flatMap((i) => assignments(i).map((a) => ({ ...a, line: i.line })))
        .filter((a) => a.key === "PORT")
        .pop();
    if (expectations.port !== undefined && !exposed.has(expectations.port)) {
        add(lastFromLine, "expose-port", `the final stage does not EXPOSE ${expectations.port}, the port the server listens on`);
    }
    if (envPort?.value !== undefined && !exposed.has(Number(envPort.value))) {
        add(envPort.line, "expose-port", `ENV PORT=${envPort.value} is not among the EXPOSEd ports (${[...exposed].join(", ") || "none"})`);
    }
    if (expectations.port !== undefined && envPort?.value !== undefined && Number(envPort.value) !== expectations.port) {
        add(envPort.line, "expose-port", `ENV PORT=${envPort.value} differs from the server's port ${expectations.port}`);
    }

    for (const i of instructions) {
        if (i.keyword === "ADD") {
            for (const src of copySources(i)) {
                if (/^(https?|ftp):\/\//i.test(src) || /^git@/.test(src) || /\.git(#.*)?$/.test(src)) {
                    add(i.line, "no-remote-add", `ADD ${src}: remote content is not verified; download it in a RUN step with a checksum check, or COPY it from the context`);
                }
            }
        }
        if (i.keyword === "COPY" || i.keyword === "ADD") {
            for (const src of copySources(i)) {
                if (CREDENTIAL_FILE.test(src)) add(i.line, "no-secrets", `${i.keyword} ${src}: a credential file would be readable in the image; use a build secret (RUN --mount=type=secret) instead`);
            }
        }
        if (i.keyword === "ENV" || i.keyword === "ARG") {
            for (const a of assignments(i)) {
                if (SECRET_NAME.test(a.key) && a.value !== undefined && a.value !== "") {
                    add(i.line, "no-secrets", `${i.keyword} ${a.key} has a value in the image; pass secrets at run time (secure environment values, Key Vault) or as build secrets`);
                }
            }
        }
        if (SECRET_VALUE.some((re) => re.test(i.args))) {
            add(i.line, "no-secrets", `${i.keyword} holds a value shaped like a key, token or connection string`);
        }
    }

    for (const i of final.filter((x) => x.keyword === "ENTRYPOINT" || x.keyword === "CMD")) {
        if (execForm(i.args) === undefined) {
            add(i.line, "exec-form", `${i.keyword} in shell form runs under /bin/sh, which does not pass SIGTERM on: write it as a JSON array`);
        }
    }
    if (!final.some((x) => x.keyword === "ENTRYPOINT" || x.keyword === "CMD")) {
        add(lastFromLine, "exec-form", "the final stage has neither ENTRYPOINT nor CMD");
    }
    return problems.sort((a, b) => a.line - b.line);
}
