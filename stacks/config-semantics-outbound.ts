/**
 * Config checks of managed-network outbound rules that ARM refuses at deploy
 * time: rule names equal ignoring case, unknown service tags, service-tag port
 * ranges, and private-endpoint rules whose sub-resource (`subresourceTarget`)
 * does not exist on the target's type.
 */
import { SERVICE_TAG_NAMES, serviceTagProblem } from "../components/network/service-tags";
import { groupIdsOfType } from "../components/network/private-link-zones";
import { at, closest, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";

/** Every problem of this file's checks. */
export function outboundRuleProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    // Rules are child resources (workspaces/outboundRules/{name}) and ARM names are case-insensitive
    // (Naming rules and restrictions for Azure resources —
    // https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules): PyPI and pypi collide.
    const seen = new Map<string, string>();
    for (const [name, rule] of Object.entries(c.workspace.managedNetwork.outboundRules)) {
        const key = `workspace.managedNetwork.outboundRules.${name}`;
        const first = seen.get(name.toLowerCase());
        if (first !== undefined) out.push({ path: at(key), problem: `has the name of rule ${first} (rule names are case-insensitive)`, fix: "rename one of them, or merge them into one rule" });
        else seen.set(name.toLowerCase(), name);
        if (rule.type === "ServiceTag" && rule.serviceTag !== undefined) {
            const bad = serviceTagProblem(rule.serviceTag);
            if (bad) {
                const guess = bad.base ?? closest(rule.serviceTag, SERVICE_TAG_NAMES);
                out.push({
                    path: at(`${key}.serviceTag`),
                    problem: bad.problem,
                    fix: bad.base !== undefined ? `use ${bad.base} without a region, or a tag with a regional form` : guess ? `did you mean ${guess}?` : "use a tag from the Azure service tags overview (e.g. AzureMachineLearning, Storage, Storage.WestEurope)",
                });
            }
        }
        if (rule.type === "ServiceTag" && rule.portRanges !== undefined) {
            const problem = portRangesProblem(rule.portRanges);
            if (problem) out.push({ path: at(`${key}.portRanges`), problem, fix: 'write a port (443), a range (8080-8089), a comma list of them ("80,443,8080-8089"), or * for every port' });
        }
        if (rule.type === "PrivateEndpoint" && rule.serviceResourceId && rule.subresourceTarget) {
            const problem = subresourceProblem(rule.serviceResourceId, rule.subresourceTarget);
            if (problem) out.push({ path: at(`${key}.subresourceTarget`), ...problem });
        }
    }
    return out;
}

/** Highest TCP/UDP port. */
const MAX_PORT = 65535;

/**
 * Problem with a service-tag rule's `portRanges`, else undefined: `*` alone, or
 * a comma list of ports and `a-b` ranges within 1-65535 with a <= b.
 * Sources: ARM reference "Microsoft.MachineLearningServices workspaces/outboundRules"
 * (ServiceTagDestination.portRanges, a string) and "Managed network isolation", service tag
 * rules (learn.microsoft.com/azure/machine-learning/how-to-managed-network), whose examples
 * use single ports, ranges and comma lists; ports are 1-65535 as in network security rules
 * ("Network security groups", learn.microsoft.com/azure/virtual-network/network-security-groups-overview). Read 2026-12-02.
 */
export function portRangesProblem(text: string): string | undefined {
    if (text.trim() === "*") return undefined;
    const parts = text.split(",").map((p) => p.trim());
    for (const part of parts) {
        if (part === "*") return `"${text}" mixes * with other ports; * already means every port`;
        const m = /^(\d+)(?:-(\d+))?$/.exec(part);
        if (!m) return `"${part}" is not a port or a range of ports`;
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        if (lo < 1 || hi > MAX_PORT || lo > MAX_PORT) return `"${part}" is outside 1-${MAX_PORT}`;
        if (lo > hi) return `"${part}" starts above where it ends`;
    }
    return undefined;
}

/** The ARM type of a resource ID (`Microsoft.Storage/storageAccounts`), from its last provider segment. */
function armTypeOf(id: string): string | undefined {
    const m = /\/providers\/([^/]+)\/([^/]+)\/[^/]+$/i.exec(id);
    return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Problem when the target's type does not offer `subresource` (components/network/private-link-zones.ts), else undefined. */
export function subresourceProblem(serviceResourceId: string, subresource: string): { problem: string; fix: string } | undefined {
    const type = armTypeOf(serviceResourceId);
    if (!type) return undefined;
    const offered = groupIdsOfType(type);
    if (!offered || offered.some((g) => g.toLowerCase() === subresource.toLowerCase())) return undefined;
    const guess = closest(subresource, offered);
    return {
        problem: `"${subresource}" is not a private link sub-resource of ${type} (serviceResourceId), which offers ${offered.join(", ")}`,
        fix: guess ? `did you mean ${guess}?` : `use one of ${offered.join(", ")}`,
    };
}
