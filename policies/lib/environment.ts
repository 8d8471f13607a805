/**
 * Which stacks and resources are "production", decided the way the real
 * analyzer allows: from what @pulumi/policy 1.21 hands a policy (the resource's
 * own props and `args.stackTags`; for stack policies, every resource of the
 * stack), never from a side file. The toolkit tags every taggable resource with
 * `environment: <env>` (stacks/config.ts), so a stack written with
 * `environment: prod` is production for its own pack without any policy config.
 *
 * Order, first match wins:
 * 1. an explicit `production: true|false` in the policy's config
 *    (`--policy-pack-config` or Pulumi Cloud) — the organisation's override;
 * 2. the resource's own `environment` tag (Azure tag names are
 *    case-insensitive, so `Environment` counts too);
 * 3. the stack tag `environment` (`pulumi stack tag set environment prod`);
 * 4. stack policies only: the `environment` tags of the stack's resources —
 *    production when any of them names a production environment (fail closed:
 *    a stack that holds one production resource is treated as production);
 * 5. otherwise not production.
 * A value is production when it is one of `productionEnvironments`
 * (default `prod`, `production`; compared case-insensitively).
 */
import type { PolicyResource } from "@pulumi/policy";
import { peek } from "./relations";
import { isObject } from "./read";
import { remember } from "./remember";

/** The tag (resource tag and stack tag) that names the environment. */
export const ENVIRONMENT_TAG = "environment";

/** Environment names that mean production when the config names none. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS: readonly string[] = ["prod", "production"];

/** The config keys production resolution reads (see PRODUCTION_SCHEMA). */
export interface ProductionSettings {
    /** Explicit override; absent unless the policy config sets it. */
    production?: boolean;
    /** Environment names that count as production. */
    productionEnvironments?: readonly string[];
}

/** The value of the `environment` tag in `props.tags` (tag names are case-insensitive in Azure); unknown values read as absent. */
export function environmentTagOf(props: unknown): string | undefined {
    const tags = peek(() => (isObject(props) ? props["tags"] : undefined));
    if (!isObject(tags)) {
        return undefined;
    }
    for (const key of Object.keys(tags)) {
        if (key.toLowerCase() === ENVIRONMENT_TAG) {
            const value = peek(() => tags[key]);
            return typeof value === "string" && value.trim() !== "" ? value : undefined;
        }
    }
    return undefined;
}

/** The stack tag `environment`, when set (stack tag names compared case-insensitively too). */
export function environmentStackTag(stackTags: ReadonlyMap<string, string> | undefined): string | undefined {
    if (!stackTags) {
        return undefined;
    }
    for (const [key, value] of stackTags) {
        if (key.toLowerCase() === ENVIRONMENT_TAG && value.trim() !== "") {
            return value;
        }
    }
    return undefined;
}

/** True when `environment` is one of the production environment names. */
export function isProductionEnvironment(environment: string | undefined, settings: ProductionSettings): boolean {
    if (environment === undefined) {
        return false;
    }
    const names = settings.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS;
    return names.some((n) => n.toLowerCase() === environment.trim().toLowerCase());
}

/** Production for one resource seen by a resource policy (steps 1-3, then 5). */
export function resourceIsProduction(settings: ProductionSettings, props: unknown, stackTags: ReadonlyMap<string, string> | undefined): boolean {
    if (typeof settings.production === "boolean") {
        return settings.production;
    }
    const environment = environmentTagOf(props) ?? environmentStackTag(stackTags);
    return isProductionEnvironment(environment, settings);
}

/** The `environment` tag of a stack policy's resource. */
function resourceEnvironment(r: PolicyResource): string | undefined {
    return remember(r, "environment-tag", () => environmentTagOf(r.props));
}

/**
 * The production test of a stack policy: `of(resource)` for a finding about a
 * resource (steps 1-4), `of(undefined)` for a stack-wide finding (steps 1, 3, 4).
 */
export function stackProduction(
    settings: ProductionSettings,
    resources: readonly PolicyResource[],
    stackTags: ReadonlyMap<string, string> | undefined,
): (resource?: PolicyResource) => boolean {
    let stackWide: boolean | undefined;
    const ofStack = (): boolean => {
        if (stackWide === undefined) {
            const tag = environmentStackTag(stackTags);
            stackWide =
                tag !== undefined
                    ? isProductionEnvironment(tag, settings)
                    : resources.some((r) => isProductionEnvironment(resourceEnvironment(r), settings));
        }
        return stackWide;
    };
    return (resource) => {
        if (typeof settings.production === "boolean") {
            return settings.production;
        }
        const own = resource ? resourceEnvironment(resource) : undefined;
        return own !== undefined ? isProductionEnvironment(own, settings) : ofStack();
    };
}
