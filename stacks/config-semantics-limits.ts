/**
 * Config checks for documented Azure limits that are not names or networks:
 * tags (per resource type), nil principal IDs, compute instance idle
 * shutdown bounds, and VM sizes that do not exist. Each problem names the key
 * the user wrote; the limits themselves live in components/ tables.
 */
import { IDLE_SHUTDOWN_MINUTES, isoDurationMinutes } from "../components/compute/idle-shutdown";
import { planNetwork } from "../components/network/network-plan";
import { strictestTagLimits, tagNameProblem } from "../components/tag-limits";
import { canonicalVmSize, AML_VM_SIZES } from "../components/vm-sizes";
import { at, closest, type ConfigProblem } from "./config-errors";
import { unguarded } from "./config-guard";
import type { PlatformConfig } from "./config-types";

/** This file's checks, each on its own so a schema-invalid input skips only the check that reads it. */
export const LIMIT_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [tagProblems, nilGuidProblems, idleShutdownProblems, vmSizeProblems];

/**
 * ARM types the stack creates and tags whose tag limits differ from the default: a created storage
 * account, and the private DNS zones it creates when private endpoints are on and
 * network.privateDns.mode is create (components/network/private-dns-zones.ts).
 */
function taggedTypes(c: PlatformConfig): string[] {
    const plan = planNetwork(c);
    return [
        ...(c.storage.existingId ? [] : ["Microsoft.Storage/storageAccounts"]),
        ...(plan.privateEndpoints && plan.dns.mode === "create" ? ["Microsoft.Network/privateDnsZones"] : []),
    ];
}

/**
 * The tags every resource gets: the config's `tags` plus the `environment` tag
 * the program adds. Only names are read here (values are bounded by the schema).
 */
export function tagProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const names = Object.keys(c.tags);
    const limits = strictestTagLimits(taggedTypes(c));
    if (names.length > limits.maxCount) {
        out.push({ path: at("tags"), problem: `gives ${names.length} tags (with the environment tag the toolkit adds); Azure allows at most ${limits.maxCount} per resource`, fix: `remove ${names.length - limits.maxCount} tag(s), or combine values in one tag` });
    }
    const seen = new Map<string, string>();
    for (const name of names) {
        const added = name === "environment";
        const path = added ? at("environment") : at(`tags.${name}`);
        const p = tagNameProblem(name, limits, limits.nameLimitedBy);
        if (p) out.push({ path, ...p });
        const lower = name.toLowerCase();
        const first = seen.get(lower);
        if (first !== undefined) {
            const [dup, other] = added ? [first, name] : [name, first];
            out.push({
                path: at(`tags.${dup}`),
                problem: `is the same tag as ${other} (Azure tag names are case-insensitive)${other === "environment" ? ", which the toolkit sets from environment" : ""}`,
                fix: other === "environment" ? "remove it: the environment tag is added from the environment setting" : `keep one of ${dup} and ${other}`,
            });
        } else {
            seen.set(lower, name);
        }
    }
    return out;
}

/** The nil GUID, which Entra ID never assigns to an object. */
export const NIL_GUID = "00000000-0000-0000-0000-000000000000";

/** Keys that hold an Entra object or principal ID. */
const PRINCIPAL_KEY = /(principal|object|user|group|client)Id$/i;

/**
 * A principal or object ID that is the nil GUID, anywhere in the config: a
 * placeholder left in place. ARM refuses a role assignment to it
 * (PrincipalNotFound) and a compute instance cannot be assigned to it.
 */
export function nilGuidProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const walk = (v: unknown, path: string): void => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v !== null && typeof v === "object") {
            for (const [k, x] of Object.entries(v)) {
                const sub = path === "" ? k : `${path}.${k}`;
                if (typeof x === "string" && PRINCIPAL_KEY.test(k) && x.toLowerCase() === NIL_GUID) {
                    out.push({ path: at(sub), problem: "is the nil GUID 00000000-0000-0000-0000-000000000000, which is no Entra object", fix: "give the object ID of the user, group or identity (az ad user show / az identity show --query principalId)" });
                } else walk(x, sub);
            }
        }
    };
    // Reads every value: the raw object, so schema-invalid values elsewhere do not skip this check.
    walk(unguarded(c), "");
    return out;
}

/** Idle shutdown of each compute instance of the platform's compute. */
function idleShutdownProblems(c: PlatformConfig): ConfigProblem[] {
    return idleShutdownProblemsOf(c.compute, "compute");
}

/** Idle shutdown of each compute instance of the compute section at `basePath`, within Azure ML's bounds (components/compute/idle-shutdown.ts). */
export function idleShutdownProblemsOf(compute: { instances: Readonly<Record<string, { idleTimeBeforeShutdown: string }>> }, basePath: string): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const [name, inst] of Object.entries(compute.instances)) {
        const key = `${basePath}.instances.${name}.idleTimeBeforeShutdown`;
        const minutes = isoDurationMinutes(inst.idleTimeBeforeShutdown);
        if (minutes === undefined) {
            out.push({ path: at(key), problem: `"${inst.idleTimeBeforeShutdown}" names no time`, fix: "write an ISO 8601 duration from PT15M to P3D, e.g. PT60M" });
            continue;
        }
        const { min, max } = IDLE_SHUTDOWN_MINUTES;
        if (minutes < min || minutes > max) {
            out.push({
                path: at(key),
                problem: `"${inst.idleTimeBeforeShutdown}" is ${minutes} minutes; Azure ML accepts 15 minutes to 3 days`,
                fix: `use a duration from PT15M to P3D, e.g. PT60M`,
            });
        }
    }
    return out;
}

/** VM sizes of the platform's clusters and instances. */
function vmSizeProblems(c: PlatformConfig): ConfigProblem[] {
    return vmSizeProblemsOf(c.compute, "compute");
}

/** VM sizes of the clusters and instances of the compute section at `basePath` must exist (components/vm-sizes.ts). */
export function vmSizeProblemsOf(
    compute: { clusters: Readonly<Record<string, { vmSize: string }>>; instances: Readonly<Record<string, { vmSize: string }>> },
    basePath: string,
): ConfigProblem[] {
    const sized: [string, string][] = [
        ...Object.entries(compute.clusters).map(([n, cl]): [string, string] => [`${basePath}.clusters.${n}.vmSize`, cl.vmSize]),
        ...Object.entries(compute.instances).map(([n, i]): [string, string] => [`${basePath}.instances.${n}.vmSize`, i.vmSize]),
    ];
    return sized.flatMap(([key, size]): ConfigProblem[] => {
        if (canonicalVmSize(size) !== undefined) return [];
        const guess = closest(size, AML_VM_SIZES);
        return [{
            path: at(key),
            problem: `"${size}" is not an Azure VM size that Azure ML compute supports`,
            fix: guess ? `did you mean ${guess}?` : "use a size from components/vm-sizes.ts, e.g. Standard_DS3_v2 or Standard_D4ds_v5",
        }];
    });
}
