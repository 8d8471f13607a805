/**
 * Loads and validates the platform configuration of a stack: JSON Schema
 * (ajv, draft 2020-12, all errors, strict) then semantic checks. The only way
 * to a `PlatformConfig`; anything invalid raises one `ConfigError` listing
 * every problem, before any resource is registered.
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import schema from "./schema/platform.schema.json";
import { CONFIG_KEY, ConfigError, formatProblem, invalidPointers, keyPath, schemaProblems, type ConfigProblem } from "./config-errors";
import { runChecks } from "./config-guard";
import { SEMANTIC_CHECKS } from "./config-semantics";
import type { PlatformConfig, PlatformConfigInput } from "./config-types";
import { resolveDerivedDefaults } from "./config-lifecycle";
import { canonicalLocation } from "../components/clouds";
import { unverified } from "./config-guard";

let validator: ValidateFunction<PlatformConfigInput> | undefined;

/**
 * The ajv instance the stack schema is checked with: draft 2020-12, all errors, strict, formats,
 * and the schema's two annotation keywords. One definition, so tests that check a fragment of the
 * schema use exactly this setup.
 */
export function configAjv(options: { useDefaults?: boolean } = {}): Ajv2020 {
    const ajv = new Ajv2020({ allErrors: true, strict: true, useDefaults: options.useDefaults ?? true, verbose: true });
    addFormats(ajv);
    // Annotation for the type generator (stacks/tools/config-types.ts); no validation meaning.
    ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
    // Annotation: the fix a pattern error suggests (stacks/config-errors.ts); no validation meaning.
    ajv.addKeyword({ keyword: "fix", schemaType: "string" });
    return ajv;
}

/** The schema validator: a type guard, since the type is generated from the same schema. */
function schemaValidator(): ValidateFunction<PlatformConfigInput> {
    if (!validator) validator = configAjv().compile<PlatformConfigInput>(schema);
    return validator;
}

/** Where the config came from, to derive defaults. */
export interface ConfigContext {
    /** Pulumi project name. */
    project: string;
    /** Pulumi stack name. */
    stack: string;
    /** The stack file the config was read from, for messages. Default `stacks/Pulumi.<stack>.yaml`. */
    source?: string;
}

/**
 * Validates `raw` (the parsed value of `aml-workspace:platform`) and returns it
 * with defaults applied. Throws `ConfigError` listing every problem.
 */
export function loadPlatformConfig(raw: unknown, ctx: ConfigContext): PlatformConfig {
    if (raw === undefined || raw === null) {
        throw new ConfigError([{ path: CONFIG_KEY, problem: "is missing", fix: `add a ${CONFIG_KEY} object to ${ctx.source ?? `stacks/Pulumi.${ctx.stack}.yaml`} (see README, "Configuration")` }]);
    }
    // ajv fills defaults in place; never mutate the caller's object. (Not structuredClone:
    // under jest it returns arrays of another realm, which pulumi.output() mistakes for objects.)
    const data: unknown = JSON.parse(JSON.stringify(raw));
    const validate = schemaValidator();
    const valid = validate(data);
    const errors = valid ? [] : (validate.errors ?? []);
    const schema = schemaProblems(errors, data);
    // Not an object at all: nothing for the semantic checks to read.
    if (!valid && (data === null || typeof data !== "object" || Array.isArray(data))) throw new ConfigError(schema);
    // Semantic checks run even when the schema failed (on the defaults-filled data), so one run
    // reports every problem; a check that reads a schema-invalid value is skipped (config-guard.ts).
    const invalid = invalidPointers(errors);
    let config: PlatformConfig;
    try {
        // Valid data is a PlatformConfigInput by the schema's own guard; invalid data is read only
        // through the tracking view of config-guard.ts, which skips a check that touches a bad value.
        config = resolveConfig(valid ? data : unverified<PlatformConfigInput>(data), ctx);
    } catch (e) {
        if (valid) throw e;
        throw new ConfigError(schema);
    }
    const semantic = dropCovered(runChecks(SEMANTIC_CHECKS, config, invalid), invalid);
    const problems = uniqueProblems([...schema, ...semantic]);
    if (problems.length > 0) throw new ConfigError(problems);
    return config;
}

/** Semantic problems about a key the schema already reports (the key itself or inside it) say nothing new. */
function dropCovered(problems: readonly ConfigProblem[], invalid: readonly string[]): ConfigProblem[] {
    const covered = invalid.map((p) => keyPath(CONFIG_KEY, p));
    return problems.filter((p) => !covered.some((k) => p.path === k || p.path.startsWith(`${k}.`) || p.path.startsWith(`${k}[`)));
}

/** The same line once. */
function uniqueProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
    const seen = new Set<string>();
    return problems.filter((p) => {
        const line = formatProblem(p);
        if (seen.has(line)) return false;
        seen.add(line);
        return true;
    });
}

/** Fills the values derived from other settings (production mode, names, protection, environment tag, region- and network-dependent defaults). */
function resolveConfig(input: PlatformConfigInput, ctx: ConfigContext): PlatformConfig {
    // ARM location names are case- and space-insensitive: every check and resource sees the canonical one.
    const c: PlatformConfigInput = typeof input.location === "string" ? { ...input, location: canonicalLocation(input.location, input.cloud) } : input;
    const production = c.environment === "prod";
    const protection = c.protection;
    const derived = resolveDerivedDefaults(c);
    return {
        ...c,
        production,
        namePrefix: c.namePrefix ?? `aml-${ctx.stack}`,
        tags: { ...c.tags, environment: c.environment },
        protection: {
            protect: protection.protect ?? production,
            retainOnDelete: protection.retainOnDelete ?? production,
            deleteLock: protection.deleteLock ?? production,
            protectSoftDeleted: protection.protectSoftDeleted ?? true,
        },
        storage: { ...c.storage, sku: derived.storageSku },
        network: { ...c.network, privateDns: { ...c.network.privateDns, mode: derived.privateDnsMode } },
    };
}

/** Parses the config value Pulumi hands over (a JSON string, or an object in tests). */
export function parseConfigValue(value: string | undefined): unknown {
    if (value === undefined) return undefined;
    try {
        return JSON.parse(value);
    } catch {
        throw new ConfigError([{ path: CONFIG_KEY, problem: "is not a structured object", fix: "write it as a YAML mapping under config: in the stack file" }]);
    }
}
