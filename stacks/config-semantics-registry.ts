/**
 * Config checks of the platform's model registry (`modelRegistry`): pure,
 * taking the section, its key path and what they depend on elsewhere in the
 * config (cloud, primary region, whether the stack has private endpoints, the
 * team keys). The facts live in components/: the name rule (naming.ts), the
 * Azure ML regions of each cloud (clouds.ts), the regions with availability
 * zones (regions.ts), the pairings Azure refuses (registry/registry-settings.ts).
 */
import { CLOUDS, cloudOfRegion, type AzureCloud } from "../components/clouds";
import { nameProblem } from "../components/naming";
import { hasAvailabilityZones } from "../components/regions";
import { REGISTRY_DEFAULTS, registrySettingProblems } from "../components/registry/registry-settings";
import { at, type ConfigProblem } from "./config-errors";
import type { ModelRegistry } from "./config-schema.generated";

/** The `modelRegistry` section (`$defs/modelRegistry`, type generated from the schema); partial: the checks also read a section written before ajv applied its defaults. */
export type ModelRegistrySection = Partial<ModelRegistry>;

/** What the registry's checks read from the rest of the config. */
export interface RegistryCheckContext {
    /** The stack's cloud. */
    cloud: AzureCloud;
    /** The stack's location: the registry's primary region. */
    location: string;
    /** True when the stack creates private endpoints (a private network). */
    privateEndpoints: boolean;
    /** The team keys of the config (`teams.<key>`). */
    teamKeys: readonly string[];
}

/** Every problem of a `modelRegistry` section at `basePath` (e.g. `modelRegistry`), each naming the key the user wrote. */
export function modelRegistryProblems(section: ModelRegistrySection, basePath: string, context: RegistryCheckContext): ConfigProblem[] {
    const key = (sub: string): string => at(`${basePath}.${sub}`);
    const out: ConfigProblem[] = [];
    if (section.name !== undefined) {
        const problem = nameProblem("mlRegistry", section.name);
        if (problem) out.push({ path: key("name"), problem, fix: "choose a registry name the rule allows; it can never be renamed, since it is part of every asset ID" });
    }
    const regions = section.regions ?? [context.location];
    const mlRegions = CLOUDS[context.cloud].mlRegions;
    const seen = new Set<string>();
    regions.forEach((region, i) => {
        const r = region.toLowerCase();
        if (!mlRegions.includes(r)) {
            const other = cloudOfRegion(r);
            out.push({
                path: key(`regions[${i}]`),
                problem: other ? `${region} is an Azure ML region of ${other}, not of the stack's cloud ${context.cloud}` : `${region} is not an Azure ML region of ${context.cloud}`,
                fix: `use one of ${mlRegions.join(", ")}`,
            });
        }
        if (seen.has(r)) out.push({ path: key(`regions[${i}]`), problem: `${region} is listed twice`, fix: "list each region once" });
        seen.add(r);
    });
    if (regions.length > 0 && regions[0].toLowerCase() !== context.location.toLowerCase()) {
        const listed = regions.some((r) => r.toLowerCase() === context.location.toLowerCase());
        out.push({
            path: key("regions[0]"),
            problem: `the first region is the registry's primary and must be the stack's location ${context.location}; got ${regions[0]}${listed ? "" : ` and ${context.location} is not listed`}`,
            fix: `put ${context.location} first (a registry's primary region can't change after creation)`,
        });
    }
    const access = section.publicNetworkAccess ?? REGISTRY_DEFAULTS.publicNetworkAccess;
    if (access === "Disabled" && !context.privateEndpoints) {
        out.push({
            path: key("publicNetworkAccess"),
            problem: `is Disabled${section.publicNetworkAccess === undefined ? " (the default)" : ""}, but the stack creates no private endpoints, so no workspace or user could reach the registry`,
            fix: "give the stack a private network (network private endpoints), or set publicNetworkAccess: Enabled",
        });
    }
    const consumers = section.consumers ?? [];
    consumers.forEach((team, i) => {
        if (!context.teamKeys.includes(team)) {
            out.push({
                path: key(`consumers[${i}]`),
                problem: `${team} is not a team of this platform`,
                fix: context.teamKeys.length > 0 ? `use a key of teams: ${context.teamKeys.join(", ")}` : "declare the team under teams, or remove it",
            });
        } else if (consumers.indexOf(team) !== i) {
            out.push({ path: key(`consumers[${i}]`), problem: `${team} is listed twice`, fix: "list each team once" });
        }
    });
    const storageAccountType = section.storageAccountType ?? REGISTRY_DEFAULTS.storageAccountType;
    const zones = (region: string): boolean => hasAvailabilityZones(context.cloud, region);
    regions.forEach((region) => {
        for (const problem of registrySettingProblems([{ location: region, storageAccountType }], REGISTRY_DEFAULTS.acrSku, access, zones)) {
            out.push({ path: key("storageAccountType"), problem, fix: "use an LRS or GRS storage account type, or regions with availability zones" });
        }
    });
    const acrSku = section.acrSku ?? REGISTRY_DEFAULTS.acrSku;
    const unique = [...new Set(regions.map((r) => r.toLowerCase()))];
    for (const problem of registrySettingProblems(unique.map((location) => ({ location, storageAccountType: "Standard_LRS" })), acrSku, access, zones)) {
        out.push({ path: key("acrSku"), problem, fix: "use acrSku: Premium (the default)" });
    }
    return out;
}
