/**
 * Names the stack derives (resource group, workspace, storage, vault,
 * registry, monitoring, identity, virtual network, NSGs, private endpoints
 * and their NICs, DNS links), checked with the very functions the components
 * use, and reported against the config key that produced them (`namePrefix`,
 * which defaults from the stack name). Also the network names a user gives
 * directly (virtual network, subnets), which no other check covers.
 */
import { nameProblem, NamingError, NAME_RULES, type ResourceKind } from "../components/naming";
import { endpointNicName, MONITOR_ENDPOINT_ROLE, networkSecurityGroupName, privateEndpointBase, privateEndpointName, ROLE_NAME_PARTS, virtualNetworkName } from "../components/network/network-names";
import { planNetwork } from "../components/network/network-plan";
import { givenNames, platformNames } from "../components/platform-names";
import { at, type ConfigProblem } from "./config-errors";
import type { SubnetRole } from "../components/network/subnet-roles";
import type { PlatformConfig } from "./config-types";

/**
 * Stand-in for the deployment identity that seeds global suffixes: the suffix
 * is always 6 base36 characters, so its value changes neither a name's length
 * nor its characters' classes; only the identity itself is unknown here.
 */
const SUFFIX_SEED = ["config-check"];

/** Every problem of this file's checks. */
export function derivedNameProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    out.push(...givenNetworkNameProblems(c));
    const prefixKey = "namePrefix";
    const source = `derived from namePrefix "${c.namePrefix}"`;
    const report = (what: string, derive: () => string | undefined): string | undefined => {
        try {
            return derive();
        } catch (e) {
            if (!(e instanceof NamingError)) throw e;
            out.push({ path: at(prefixKey), problem: `gives the ${what} an invalid name (${source}): ${e.message}`, fix: "choose a namePrefix without reserved words (microsoft, windows, login...) or characters the name rules forbid, or set that resource's own name" });
            return undefined;
        }
    };
    report("platform resources", () => {
        platformNames({
            prefix: c.namePrefix,
            uniqueBy: SUFFIX_SEED,
            given: givenNames(c),
        });
        return "";
    });
    const plan = planNetwork(c);
    const v = plan.virtualNetwork;
    if (v?.mode === "create") {
        if (v.name === undefined) report("virtual network", () => virtualNetworkName(c.namePrefix));
        for (const role of Object.keys(v.subnets) as SubnetRole[]) {
            report(`${role} subnet's network security group`, () => networkSecurityGroupName(c.namePrefix, ROLE_NAME_PARTS[role]));
        }
    }
    for (const t of plan.targets) {
        const role = t.role === "monitoring" ? MONITOR_ENDPOINT_ROLE : t.role;
        for (const g of t.groupIds) {
            const base = privateEndpointBase(c.namePrefix, role, g, t.groupIds.length > 1);
            report(`${t.role} ${g} private endpoint`, () => privateEndpointName(base));
            report(`${t.role} ${g} private endpoint's network interface`, () => endpointNicName(base));
        }
    }
    // One message per distinct problem: several resources fail the same way for one prefix.
    const seen = new Set<string>();
    return out.filter((p) => !seen.has(p.problem) && seen.add(p.problem) !== undefined);
}

/** Network names the user wrote: the virtual network and the subnets to create. */
function givenNetworkNameProblems(c: PlatformConfig): ConfigProblem[] {
    const v = c.network.virtualNetwork;
    const named: [string, ResourceKind, string | undefined][] = [
        ["network.virtualNetwork.name", "virtualNetwork", v.name],
        ...(Object.entries(v.subnets) as [SubnetRole, { name?: string }][]).map(([role, s]): [string, ResourceKind, string | undefined] => [`network.virtualNetwork.subnets.${role}.name`, "subnet", s.name]),
    ];
    return named.flatMap(([key, kind, name]) => {
        if (name === undefined) return [];
        const problem = nameProblem(kind, name);
        return problem ? [{ path: at(key), problem, fix: `choose a ${NAME_RULES[kind].label} name of ${NAME_RULES[kind].rule}` }] : [];
    });
}
