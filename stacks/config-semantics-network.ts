/**
 * Semantic checks of the network settings: the shape of the customer network
 * (create xor adopt), its addresses, private DNS, reachability of private
 * resources, and the firewall IP ranges.
 */
import { FIREWALL_NON_PUBLIC_RANGES } from "../components/network/address-limits";
import { contains, containsAddress, overlaps, parseAddress, parseCidr, type Cidr } from "../components/network/cidr";
import { hasSubnet, planNetwork, type NetworkPlan } from "../components/network/network-plan";
import { zonesForAll } from "../components/network/private-link-zones";
import { registrySkuAllowsPrivateEndpoints } from "../components/registry-sku";
import { at, type ConfigProblem } from "./config-errors";
import { SUBNET_ROLE_LIST as ROLES, type SubnetRole } from "../components/network/subnet-roles";
import type { PlatformConfig } from "./config-types";

/**
 * The customer network: shape (create xor adopt), addresses, private DNS,
 * and reachability: a resource whose public access is off must be reached
 * by a private endpoint, else nobody (not even the workspace's users) can use it.
 */
export function networkProblems(c: PlatformConfig): ConfigProblem[] {
    const plan = planNetwork(c);
    return [...virtualNetworkShapeProblems(c, plan), ...addressProblems(c), ...privateDnsProblems(c, plan), ...reachabilityProblems(c, plan)];
}

function virtualNetworkShapeProblems(c: PlatformConfig, plan: NetworkPlan): ConfigProblem[] {
    const v = c.network.virtualNetwork;
    const out: ConfigProblem[] = [];
    const key = "network.virtualNetwork";
    if (v.existingId) {
        if (v.addressSpace) out.push({ path: at(`${key}.addressSpace`), problem: "conflicts with existingId", fix: "adopt a network (existingId + subnetIds) or create one (addressSpace + subnets), not both" });
        if (Object.keys(v.subnets).length > 0) out.push({ path: at(`${key}.subnets`), problem: "conflicts with existingId", fix: "name the existing subnets in subnetIds instead" });
        for (const role of ROLES) {
            const id = v.subnetIds[role];
            if (id && !id.toLowerCase().startsWith(`${v.existingId.toLowerCase()}/subnets/`)) {
                out.push({ path: at(`${key}.subnetIds.${role}`), problem: "is not a subnet of network.virtualNetwork.existingId", fix: `give a subnet ID that starts with ${v.existingId}/subnets/` });
            }
        }
    } else {
        if (Object.keys(v.subnetIds).length > 0) out.push({ path: at(`${key}.subnetIds`), problem: "is set without existingId", fix: "add network.virtualNetwork.existingId, or describe subnets to create under subnets" });
        if (!v.addressSpace && Object.keys(v.subnets).length > 0) out.push({ path: at(`${key}.addressSpace`), problem: "is required with subnets", fix: "give the address space the subnets are carved from" });
    }
    if (plan.privateEndpoints && plan.virtualNetwork && !hasSubnet(plan, "privateEndpoints")) {
        out.push({
            path: at(v.existingId ? `${key}.subnetIds.privateEndpoints` : `${key}.subnets.privateEndpoints`),
            problem: "is required: private endpoints are on and need a subnet",
            fix: v.existingId ? "give the ID of the subnet for private endpoints" : "add subnets.privateEndpoints with an addressPrefix inside addressSpace",
        });
    }
    return out;
}

/** Address spaces must not overlap; every subnet lies inside them and overlaps no other; Azure's smallest subnet is /29. */
function addressProblems(c: PlatformConfig): ConfigProblem[] {
    const v = c.network.virtualNetwork;
    if (!v.addressSpace) return [];
    const out: ConfigProblem[] = [];
    const spaces: Cidr[] = [];
    v.addressSpace.forEach((text, i) => {
        const path = at(`network.virtualNetwork.addressSpace[${i}]`);
        const parsed = parseCidr(text);
        if (typeof parsed === "string") {
            out.push({ path, problem: parsed, fix: "write the network address of the block, e.g. 10.10.0.0/16" });
            return;
        }
        const clash = spaces.find((s) => overlaps(s, parsed));
        if (clash) out.push({ path, problem: `"${text}" overlaps "${clash.text}"`, fix: "use address prefixes that do not overlap" });
        spaces.push(parsed);
    });
    const subnets: [SubnetRole, Cidr][] = [];
    for (const role of ROLES) {
        const s = v.subnets[role];
        if (!s) continue;
        const path = at(`network.virtualNetwork.subnets.${role}.addressPrefix`);
        const parsed = parseCidr(s.addressPrefix);
        if (typeof parsed === "string") {
            out.push({ path, problem: parsed, fix: "write the network address of the block, e.g. 10.10.1.0/24" });
            continue;
        }
        if (parsed.prefix > 29) out.push({ path, problem: `"${s.addressPrefix}" is smaller than /29, the smallest subnet Azure allows`, fix: "use a /29 or larger block" });
        if (spaces.length > 0 && !spaces.some((space) => contains(space, parsed))) {
            out.push({ path, problem: `"${s.addressPrefix}" is outside the address space (${v.addressSpace.join(", ")})`, fix: "pick a prefix inside network.virtualNetwork.addressSpace, or widen the address space" });
        }
        const clash = subnets.find(([, other]) => overlaps(other, parsed));
        if (clash) out.push({ path, problem: `"${s.addressPrefix}" overlaps the ${clash[0]} subnet (${clash[1].text})`, fix: "give each subnet its own block" });
        subnets.push([role, parsed]);
    }
    return out;
}

function privateDnsProblems(c: PlatformConfig, plan: NetworkPlan): ConfigProblem[] {
    const dns = c.network.privateDns;
    const out: ConfigProblem[] = [];
    const given = Object.keys(dns.zoneIds);
    if (dns.mode !== "existing" && given.length > 0) {
        out.push({ path: at("network.privateDns.zoneIds"), problem: `is set but mode is ${dns.mode}`, fix: "set mode: existing to use these zones, or remove zoneIds" });
    }
    for (const [zone, id] of Object.entries(dns.zoneIds)) {
        const m = /\/providers\/Microsoft\.Network\/privateDnsZones\/([^/]+)$/i.exec(id);
        if (!m) out.push({ path: at(`network.privateDns.zoneIds.${zone}`), problem: "is not a private DNS zone ID", fix: "give /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/<zone name>" });
        else if (m[1].toLowerCase() !== zone.toLowerCase()) out.push({ path: at(`network.privateDns.zoneIds.${zone}`), problem: `names the zone ${m[1]}, not ${zone}`, fix: `give the ID of the ${zone} zone` });
    }
    if (dns.mode === "existing" && plan.privateEndpoints) {
        const needed = zonesForAll(plan.targets.flatMap((t) => t.groupIds), c.cloud, c.location);
        const lower = new Set(given.map((z) => z.toLowerCase()));
        const missing = needed.filter((z) => !lower.has(z));
        if (missing.length > 0) {
            out.push({ path: at("network.privateDns.zoneIds"), problem: `has no ID for ${missing.join(", ")}`, fix: "add the zone IDs of the central DNS subscription, or use mode create or policyManaged" });
        }
    }
    return out;
}

function reachabilityProblems(c: PlatformConfig, plan: NetworkPlan): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const reached = new Set(plan.targets.map((t) => t.configKey));
    for (const key of plan.privateResources) {
        if (reached.has(key)) continue;
        for (const part of key.split(" and ")) {
            out.push({
                path: at(part),
                problem: "has public network access Disabled (network.publicNetworkAccess) and no private endpoint reaches it, so it would be unreachable",
                fix: "set network.privateEndpoints: true (private endpoints in network.virtualNetwork), or network.publicNetworkAccess: Enabled",
            });
        }
    }
    if (plan.privateEndpoints && plan.targets.some((t) => t.role === "registry") && !registrySkuAllowsPrivateEndpoints(c.containerRegistry.sku)) {
        out.push({ path: at("containerRegistry.sku"), problem: `is ${c.containerRegistry.sku}, but registry private endpoints need Premium`, fix: "set containerRegistry.sku: Premium, or turn network.privateEndpoints off with public access on" });
    }
    return out;
}


/** Firewall IP ranges that Azure would refuse. */
export function ipRangeProblems(c: PlatformConfig): ConfigProblem[] {
    return c.network.allowedIpRanges.flatMap((range, i) => {
        const problem = ipRangeProblem(range);
        return problem ? [{ path: at(`network.allowedIpRanges[${i}]`), ...problem }] : [];
    });
}

/** The non-public ranges, parsed once (the table is all valid blocks; a typo in it fails here at load). */
const NON_PUBLIC: readonly Cidr[] = FIREWALL_NON_PUBLIC_RANGES.map((r) => {
    const parsed = parseCidr(r.cidr);
    if (typeof parsed === "string") throw new Error(`address-limits: ${parsed}`);
    return parsed;
});

/** Firewall rules of storage, key vault and registry take public IPv4 only, and no /31 or /32. */
export function ipRangeProblem(range: string): { problem: string; fix: string } | undefined {
    const [ip, prefixText] = range.split("/");
    const address = parseAddress(ip);
    if (typeof address === "string") return { problem: `"${range}" is not an IPv4 address`, fix: "each part must be 0-255" };
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32 || prefix < 8) return { problem: `"${range}" has prefix /${prefix}`, fix: "use a prefix from /8 to /30, or a single address without a prefix" };
    if (prefixText !== undefined && prefix > 30) return { problem: `"${range}" uses /${prefix}, which storage firewalls reject`, fix: "write a single address without a prefix" };
    if (NON_PUBLIC.some((block) => containsAddress(block, address))) {
        return { problem: `"${range}" is a private or reserved range`, fix: "firewall IP rules take public addresses; reach private clients through private endpoints" };
    }
    return undefined;
}
