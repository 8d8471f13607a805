/**
 * The per-cloud facts policies need, read from the tables the components use
 * (components/clouds.ts, components/network/private-link-zones.ts), so a zone
 * name, a DNS suffix or a region list lives in one place. Policies only see
 * resources, so the cloud is recognised from a location: an Azure ML region
 * belongs to exactly one cloud.
 */
import type { PolicyResource } from "@pulumi/policy";
import { CLOUDS, cloudOfRegion, type AzureCloud } from "../../components/clouds";
import { zonesFor, type PrivateLinkGroupId } from "../../components/network/private-link-zones";
import { peek } from "./relations";
import { normalizeLocation } from "./read";
import { readShared, remember } from "./remember";

export type { AzureCloud };

/** Every cloud of the table, in its order (public cloud first). */
export const ALL_CLOUDS = Object.keys(CLOUDS) as AzureCloud[];

/** The cloud a location belongs to (any spelling: "US Gov Virginia", "usgovvirginia"); undefined for an unknown one. */
export function cloudOfLocation(location: unknown): AzureCloud | undefined {
    return typeof location === "string" ? cloudOfRegion(normalizeLocation(location)) : undefined;
}

/** The cloud of a resource's location (unknown or unrecognised: undefined). */
export function cloudOfResource(r: PolicyResource): AzureCloud | undefined {
    return remember(r, "cloud", () => cloudOfLocation(peek(() => readShared(r, "location"))));
}

/** The clouds the stack's located resources are in (unknown locations are skipped). */
export function cloudsOfStack(resources: readonly PolicyResource[]): Set<AzureCloud> {
    const clouds = new Set<AzureCloud>();
    for (const r of resources) {
        const cloud = cloudOfResource(r);
        if (cloud) {
            clouds.add(cloud);
        }
    }
    return clouds;
}

/** Azure ML regions of the given clouds, in table order. */
export function mlRegionsOf(clouds: Iterable<AzureCloud>): string[] {
    return [...clouds].flatMap((c) => [...CLOUDS[c].mlRegions]);
}

/** Registry login-server patterns of every cloud (`*.azurecr.io`, `*.azurecr.us`, `*.azurecr.cn`). */
export function registryPatterns(): string[] {
    return ALL_CLOUDS.map((c) => `*.${CLOUDS[c].registrySuffix}`);
}

/** The private DNS zones an endpoint of `groupId` needs in `cloud` (regional zones filled in). */
export function privateLinkZones(groupId: PrivateLinkGroupId, cloud: AzureCloud, region: string): string[] {
    return zonesFor(groupId, cloud, region);
}
