/**
 * The address Azure gives a container group, deterministically. A private group gets the next free
 * address of its subnet in declaration order: Azure reserves the first four addresses and the last of
 * every subnet ("Azure Virtual Network frequently asked questions", "Are there any restrictions on
 * using IP addresses within these subnets?"), so the first group gets `.4` of a /24. A subnet the stack
 * does not declare (adopted) has no known prefix: the address is then derived from the group's ID in
 * 10.0.0.0/8. A public group gets an address of the documentation range 203.0.113.0/24 (RFC 5737, never
 * a real one) and the FQDN `<label>.<hash>.<region>.azurecontainer.io` of a label with a reuse policy
 * ("Deploy an Azure Container Instances (ACI) container group with DNS name reuse policy"; the
 * simulator's container groups are in AzureCloud regions).
 */
import { formatAddress, parseCidr } from "../../components/network/cidr";
import { readPath } from "../../components/object-path";
import type { ComputedContext } from "./computed";

const TYPE = "azure-native:containerinstance:ContainerGroup";
/** Addresses Azure keeps at the start of every subnet. */
const RESERVED_AT_START = 4;

/** `ipAddress` with the computed `ip` (and `fqdn` for a public label). */
export function containerGroupAddress(c: ComputedContext, hash: string): Record<string, unknown> {
    const ipAddress = (c.inputs.ipAddress ?? {}) as Record<string, unknown>;
    const hex = hash.replace(/-/g, "");
    if (String(ipAddress.type).toLowerCase() !== "private") {
        const label = ipAddress.dnsNameLabel;
        const region = String(c.inputs.location ?? "").toLowerCase();
        const fqdn = typeof label === "string" ? `${label}.${hex.slice(0, 12)}.${region}.azurecontainer.io` : undefined;
        return { ipAddress: { ...ipAddress, ip: `203.0.113.${(parseInt(hex.slice(0, 2), 16) % 254) + 1}`, ...(fqdn ? { fqdn } : {}) } };
    }
    const subnetId = readPath(c.inputs, "subnetIds.0.id");
    const all = c.all?.() ?? [];
    const subnet = typeof subnetId === "string" ? all.find((r) => r.type === "azure-native:network:Subnet" && r.id?.toLowerCase() === subnetId.toLowerCase()) : undefined;
    const block = subnet && typeof subnet.inputs.addressPrefix === "string" ? parseCidr(subnet.inputs.addressPrefix) : undefined;
    if (block && typeof block !== "string") {
        // Groups of this subnet declared before this one (this one is already in the list).
        const before = all.filter((r) => r.type === TYPE && readPath(r.inputs, "subnetIds.0.id") === subnetId);
        const index = Math.max(0, before.findIndex((r) => r.id?.toLowerCase() === c.id.toLowerCase()));
        return { ipAddress: { ...ipAddress, ip: formatAddress(block.start + RESERVED_AT_START + index) } };
    }
    const n = parseInt(hex.slice(0, 6), 16);
    return { ipAddress: { ...ipAddress, ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${Math.max(4, n & 255)}` } };
}
