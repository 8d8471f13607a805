/**
 * Policy pack config as `pulumi preview --policy-pack-config <file>` reads it,
 * and its reconciliation with the pack's metadata exactly as the engine does
 * (pulumi/pkg/resource/analyzer/config.go): start from each policy's default
 * level (policy level, else pack level) and schema defaults; apply `all`'s
 * level to every policy; apply each policy's entry (level, then properties,
 * shallow-merged); validate each policy's properties against
 * `{ type: object, properties, required }`.
 */
import Ajv, { type ValidateFunction } from "ajv";
import type { EnforcementLevel } from "@pulumi/policy";
import { compileNamePattern } from "../policies/lib/config";
import { readUserFile, UsageError } from "./cli-io";
import type { AmlPolicy } from "../policies/lib/meta";

/** One entry of a config file: a level, or an object with an optional level and properties. */
export type PolicyConfigEntry = EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);

/** A `--policy-pack-config` file: policy name (or `all`) → entry. */
export type PolicyPackConfigFile = Record<string, PolicyConfigEntry>;

/** A policy's effective config after reconciliation. */
export interface ResolvedPolicyConfig {
    /** Effective enforcement level. */
    enforcementLevel: EnforcementLevel;
    /** Effective properties (schema defaults overlaid with the file's values). */
    properties: Record<string, unknown>;
}

/** Bad policy config (unreadable, not JSON, wrong shape, or invalid for a schema). */
export class PolicyConfigError extends Error {
    /** Creates the error; `file` is the config file, when there is one. */
    constructor(
        message: string,
        /** The config file the error is about. */
        readonly file?: string,
    ) {
        super(file ? `policy config ${file}: ${message}` : `policy config: ${message}`);
        this.name = "PolicyConfigError";
    }
}

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** True for one of Pulumi's enforcement levels. */
export function isEnforcementLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (LEVELS as readonly string[]).includes(v);
}

/** Checks the file's shape the way the engine's parser does; returns it typed. */
export function parsePolicyConfig(data: unknown, file?: string): PolicyPackConfigFile {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
        throw new PolicyConfigError("must be a JSON object of policy name → enforcement level or object", file);
    }
    for (const [name, entry] of Object.entries(data)) {
        if (typeof entry === "string") {
            if (!isEnforcementLevel(entry)) {
                throw new PolicyConfigError(`"${name}": "${entry}" is not a valid enforcement level (${LEVELS.join(", ")})`, file);
            }
        } else if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
            const level = (entry as Record<string, unknown>).enforcementLevel;
            if (level !== undefined && !isEnforcementLevel(level)) {
                throw new PolicyConfigError(`"${name}".enforcementLevel: ${JSON.stringify(level)} is not a valid enforcement level (${LEVELS.join(", ")})`, file);
            }
        } else {
            throw new PolicyConfigError(`"${name}": ${JSON.stringify(entry)} is not a valid value; must be a string or object`, file);
        }
    }
    return data as PolicyPackConfigFile;
}

/** Reads and checks a config file; empty content is an empty config (as the engine allows). */
export function loadPolicyConfig(path: string): PolicyPackConfigFile {
    const read = readUserFile(path);
    if ("reason" in read) throw new PolicyConfigError(read.reason, path);
    const text = read.text;
    if (text.trim() === "") {
        return {};
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (e) {
        throw new PolicyConfigError(`not valid JSON (${(e as Error).message})`, path);
    }
    return parsePolicyConfig(data, path);
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new WeakMap<AmlPolicy, ValidateFunction>();

/** The compiled validator of a policy's config schema (as the engine's convertSchema builds it). */
function validatorFor(p: AmlPolicy): ValidateFunction {
    let v = validators.get(p);
    if (!v) {
        v = ajv.compile({ type: "object", properties: p.configSchema.properties, required: p.configSchema.required ?? [] });
        validators.set(p, v);
    }
    return v;
}

/** Result of reconciliation. */
export interface ReconciledConfig {
    /** Effective config per policy name. */
    byPolicy: Map<string, ResolvedPolicyConfig>;
    /** Non-fatal notes, e.g. config for a policy the pack does not have. */
    warnings: string[];
}

/** Reconciles pack metadata with a config file; throws PolicyConfigError listing every schema error. */
export function reconcilePolicyConfig(
    policies: readonly AmlPolicy[],
    config: PolicyPackConfigFile | undefined,
    packEnforcementLevel: EnforcementLevel,
    file?: string,
): ReconciledConfig {
    const cfg = config ? parsePolicyConfig(config, file) : {};
    const byPolicy = new Map<string, ResolvedPolicyConfig>();
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema.properties)) {
            if (schema.default !== undefined) {
                defaults[k] = structuredClone(schema.default);
            }
        }
        byPolicy.set(p.name, { enforcementLevel: p.enforcementLevel || packEnforcementLevel, properties: defaults });
    }
    const all = cfg["all"];
    const allLevel = typeof all === "string" ? all : all?.enforcementLevel;
    if (allLevel) {
        for (const v of byPolicy.values()) {
            v.enforcementLevel = allLevel;
        }
    }
    const warnings: string[] = [];
    for (const [name, entry] of Object.entries(cfg)) {
        if (name === "all") {
            continue;
        }
        const target = byPolicy.get(name);
        if (!target) {
            warnings.push(`config names policy "${name}", which the pack does not have`);
            continue;
        }
        if (typeof entry === "string") {
            target.enforcementLevel = entry;
            continue;
        }
        const { enforcementLevel, ...properties } = entry;
        if (enforcementLevel) {
            target.enforcementLevel = enforcementLevel;
        }
        Object.assign(target.properties, properties);
    }
    const errors: string[] = [];
    for (const p of policies) {
        const properties = byPolicy.get(p.name)!.properties;
        const validate = validatorFor(p);
        if (!validate(properties)) {
            for (const err of validate.errors ?? []) {
                const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, ".") : "(root)";
                errors.push(`${p.name}: ${where} ${err.message ?? "is invalid"}`);
            }
        }
        const patterns = properties.exemptResourceNames;
        if (Array.isArray(patterns)) {
            for (const pattern of patterns) {
                try {
                    compileNamePattern(String(pattern));
                } catch (e) {
                    errors.push(`${p.name}: ${(e as Error).message}`);
                }
            }
        }
    }
    if (errors.length > 0) {
        throw new PolicyConfigError(`invalid for the pack's config schema:\n  ${errors.join("\n  ")}`, file);
    }
    return { byPolicy, warnings };
}

/**
 * Stack tags from repeated `--stack-tag <name>=<value>` flags. The engine hands
 * policies the stack's tags (`pulumi stack tag ls`); offline there is no
 * backend to ask, so the plan and the audit give policies exactly the tags the
 * user passes, and an empty map otherwise (nothing is made up).
 */
export function parseStackTags(flags: readonly string[] | undefined): Map<string, string> {
    const tags = new Map<string, string>();
    for (const flag of flags ?? []) {
        const i = flag.indexOf("=");
        if (i <= 0) {
            throw new UsageError(`--stack-tag ${flag}: expected <name>=<value>, e.g. --stack-tag environment=prod`);
        }
        tags.set(flag.slice(0, i), flag.slice(i + 1));
    }
    return tags;
}
