/**
 * Config checks of what a virtual network can hold: address ranges Azure
 * refuses in an address space, subnets too small for what the stack places in
 * them, and a delegated subnet shared with anything else. The facts are in
 * components/network/address-limits.ts; the placement comes from the network
 * plan the components build.
 */
import { endpointAddresses, SUBNET_RESERVED_ADDRESSES, usableAddresses, VNET_FORBIDDEN_RANGES } from "../components/network/address-limits";
import { overlaps, parseCidr } from "../components/network/cidr";
import { planNetwork, type NetworkPlan } from "../components/network/network-plan";
import { at, type ConfigProblem } from "./config-errors";
import { SUBNET_ROLE_LIST, SUBNET_ROLES, type SubnetRole } from "../components/network/subnet-roles";
import type { PlatformConfig } from "./config-types";

/** This file's checks, each on its own so a schema-invalid input skips only the check that reads it. */
export const CAPACITY_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [
    forbiddenRangeProblems,
    (c) => subnetCapacityProblems(c, planNetwork(c)),
    (c) => delegatedSubnetProblems(c, planNetwork(c)),
];

/** Address prefixes that include a range Azure refuses in a virtual network (VNet FAQ). */
function forbiddenRangeProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    (c.network.virtualNetwork.addressSpace ?? []).forEach((text, i) => {
        const space = parseCidr(text);
        if (typeof space === "string") return; // reported by the address checks
        for (const r of VNET_FORBIDDEN_RANGES) {
            const range = parseCidr(r.cidr);
            if (typeof range !== "string" && overlaps(space, range)) {
                out.push({
                    path: at(`network.virtualNetwork.addressSpace[${i}]`),
                    problem: `"${text}" includes ${r.cidr} (${r.purpose}), which Azure refuses in a virtual network`,
                    fix: "use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, or 100.64.0.0/10) that avoids it",
                });
            }
        }
    });
    return out;
}

/** What the stack places in each created subnet, in addresses, with a readable breakdown. */
export function subnetDemand(c: PlatformConfig, plan: NetworkPlan): Partial<Record<SubnetRole, { addresses: number; what: string[] }>> {
    const out: Partial<Record<SubnetRole, { addresses: number; what: string[] }>> = {};
    if (plan.privateEndpoints) {
        const what: string[] = [];
        let addresses = 0;
        for (const t of plan.targets) {
            for (const g of t.groupIds) {
                const n = endpointAddresses(g);
                addresses += n;
                what.push(`${t.role} ${g} endpoint (${n})`);
            }
        }
        out.privateEndpoints = { addresses, what };
    }
    if (plan.computeInCustomerNetwork) {
        const what: string[] = [];
        let addresses = 0;
        for (const [name, cl] of Object.entries(c.compute.clusters)) {
            addresses += cl.maxNodes;
            what.push(`cluster ${name} (${cl.maxNodes} nodes)`);
        }
        const instances = Object.keys(c.compute.instances);
        if (instances.length > 0) {
            addresses += instances.length;
            what.push(`${instances.length} compute instance(s)`);
        }
        out.training = { addresses, what };
    }
    return out;
}

/** Smallest prefix whose usable addresses hold `n`. */
function prefixFor(n: number): number {
    let prefix = 29;
    while (prefix > 0 && usableAddresses(prefix) < n) prefix--;
    return prefix;
}

/** Created subnets must hold what the stack puts in them, after the 5 addresses Azure reserves. */
function subnetCapacityProblems(c: PlatformConfig, plan: NetworkPlan): ConfigProblem[] {
    const v = plan.virtualNetwork;
    if (!v || v.mode !== "create") return [];
    const out: ConfigProblem[] = [];
    for (const [role, demand] of Object.entries(subnetDemand(c, plan)) as [SubnetRole, { addresses: number; what: string[] }][]) {
        const subnet = v.subnets[role];
        if (!subnet) continue;
        const cidr = parseCidr(subnet.addressPrefix);
        if (typeof cidr === "string") continue;
        const usable = usableAddresses(cidr.prefix);
        if (demand.addresses <= usable) continue;
        out.push({
            path: at(v.defaulted ? "network.virtualNetwork" : `network.virtualNetwork.subnets.${role}.addressPrefix`),
            problem: `"${subnet.addressPrefix}" has ${usable} usable addresses (Azure reserves ${SUBNET_RESERVED_ADDRESSES} in every subnet), but the stack places ${demand.addresses} in it: ${demand.what.join(", ")}`,
            fix: `use a /${prefixFor(demand.addresses)} or larger block${role === "training" ? ", or lower maxNodes" : ""}`,
        });
    }
    return out;
}

/**
 * A delegated subnet (the scoring subnet, to Microsoft.ContainerInstance/containerGroups;
 * the delegations are in components/network/subnet-roles.ts) holds only that
 * service's resources, so it cannot also be another role's subnet. Sources: "Subnet delegation" (learn.microsoft.com/azure/virtual-network/subnet-delegation-overview)
 * and "Virtual network scenarios and resources" for container instances
 * (learn.microsoft.com/azure/container-instances/container-instances-virtual-network-concepts):
 * the delegated subnet can only host container groups. Read 2026-12-02.
 */
function delegatedSubnetProblems(c: PlatformConfig, plan: NetworkPlan): ConfigProblem[] {
    const v = c.network.virtualNetwork;
    const out: ConfigProblem[] = [];
    for (const delegated of SUBNET_ROLE_LIST) {
        const service = SUBNET_ROLES[delegated].delegation;
        const id = v.subnetIds[delegated];
        if (service === undefined || !id) continue;
        for (const role of SUBNET_ROLE_LIST) {
            if (role !== delegated && v.subnetIds[role]?.toLowerCase() === id.toLowerCase()) {
                out.push({
                    path: at(`network.virtualNetwork.subnetIds.${delegated}`),
                    problem: `is the same subnet as subnetIds.${role}; the ${delegated} subnet is delegated to ${service} and can hold nothing else${role === "privateEndpoints" && plan.privateEndpoints ? " (the private endpoints would go into it)" : ""}`,
                    fix: `give the ${delegated} role its own subnet, separate from the ${role} subnet`,
                });
            }
        }
    }
    // Created subnets: two roles given the same name would be one subnet in ARM.
    const created = plan.virtualNetwork?.mode === "create" ? plan.virtualNetwork.subnets : {};
    const byName = new Map<string, SubnetRole>();
    for (const role of SUBNET_ROLE_LIST) {
        const name = created[role]?.name;
        if (name === undefined) continue;
        const first = byName.get(name.toLowerCase());
        if (first === undefined) {
            byName.set(name.toLowerCase(), role);
            continue;
        }
        const delegated = SUBNET_ROLES[role].delegation !== undefined ? role : SUBNET_ROLES[first].delegation !== undefined ? first : undefined;
        out.push({
            path: at(`network.virtualNetwork.subnets.${role}.name`),
            problem: `"${name}" is also the name of the ${first} subnet, so both roles would share one subnet${delegated ? `; the ${delegated} subnet is delegated to ${SUBNET_ROLES[delegated].delegation} and can hold nothing else` : ""}`,
            fix: "give each subnet its own name",
        });
    }
    return out;
}
