/**
 * Shared config-schema fragments and their interpretation: production mode,
 * exemptions by resource-name pattern, retention minimums. Pulumi applies the
 * schema `default`s and validates the merged config before a policy runs, so
 * policies read `args.getConfig()` and can rely on these keys being present.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { DEFAULT_PRODUCTION_ENVIRONMENTS } from "./environment";

/** Properties every policy accepts. */
export interface BaseConfig {
    /** Resource-name patterns (glob, or `/regex/flags`) the policy skips. */
    exemptResourceNames: string[];
}

/** Properties of policies whose outcome depends on the environment (resolved by ./environment.ts). */
export interface ProductionConfig extends BaseConfig {
    /** Explicit override: true or false wins over the tags; absent (the default) lets the tags decide. */
    production?: boolean;
    /** Environment names (tag values) that mean production. */
    productionEnvironments: string[];
}

/** Schema fragment: exemptions (every policy). */
export const EXEMPTIONS_SCHEMA: Record<string, PolicyConfigJSONSchema> = {
    exemptResourceNames: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description: "Resource names the policy skips: globs (`*`, `?`) or `/regex/flags`.",
    },
};

/**
 * Schema fragment: production mode. `production` has no default on purpose:
 * the engine fills schema defaults into every policy's config before the pack
 * runs (pulumi/pkg/resource/analyzer/config.go, ReconcilePolicyPackConfig), so
 * a default of false would be indistinguishable from an explicit false and the
 * stack's `environment` tag could never decide.
 */
export const PRODUCTION_SCHEMA: Record<string, PolicyConfigJSONSchema> = {
    production: {
        type: "boolean",
        description:
            "Production override: true or false wins; unset (the default), the resource's `environment` tag decides, then the stack tag `environment`, then (stack policies) the stack's resources.",
    },
    productionEnvironments: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [...DEFAULT_PRODUCTION_ENVIRONMENTS],
        description: "Values of the `environment` tag (resource or stack tag) that mean production, compared case-insensitively.",
    },
};

/** Compiled exemption patterns, cached by pattern text (config is read per call). */
const patternCache = new Map<string, RegExp>();

/** Compiles a glob or `/regex/flags` pattern; throws with the pattern on bad regex. */
export function compileNamePattern(pattern: string): RegExp {
    const cached = patternCache.get(pattern);
    if (cached) {
        return cached;
    }
    let re: RegExp;
    const regexForm = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    if (regexForm) {
        try {
            re = new RegExp(regexForm[1], regexForm[2]);
        } catch (e) {
            throw new Error(`exemptResourceNames: invalid regular expression ${pattern}: ${(e as Error).message}`);
        }
    } else {
        const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
        re = new RegExp(`^${body}$`);
    }
    patternCache.set(pattern, re);
    return re;
}

/** The first pattern that matches `name`, if any. */
export function matchingExemption(name: string, patterns: readonly string[] | undefined): string | undefined {
    for (const p of patterns ?? []) {
        if (compileNamePattern(p).test(name)) {
            return p;
        }
    }
    return undefined;
}

/** Config of policies that look for a private DNS zone group on private endpoints. */
export interface PrivateDnsConfig extends BaseConfig {
    /** True when the organisation's Azure Policy creates the endpoints' DNS records (no zone group in the stack). */
    dnsManagedByPolicy: boolean;
}

/** Schema fragment: DNS records managed by Azure Policy (the stack's `network.privateDns.mode: policyManaged`). */
export const PRIVATE_DNS_SCHEMA: Record<string, PolicyConfigJSONSchema> = {
    dnsManagedByPolicy: {
        type: "boolean",
        default: false,
        description:
            "Set true when Azure Policy (DeployIfNotExists) adds the private DNS records, as with network.privateDns.mode policyManaged: a private endpoint then needs no zone group in the stack.",
    },
};
