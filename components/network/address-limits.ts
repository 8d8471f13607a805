/**
 * What Azure refuses or takes for itself in a virtual network's addresses
 * (pure data), shared by config validation and the simulator.
 *
 * Sources, read 2026-12-02:
 *   - "Azure Virtual Network frequently asked questions (FAQ)", "What address ranges can I use in my
 *     virtual networks?" (learn.microsoft.com/azure/virtual-network/virtual-networks-faq):
 *     the ranges below can't be added to a virtual network; and "Are there any restrictions on
 *     using IP addresses within these subnets?": Azure reserves the first four and the last
 *     address of every subnet (5 in all).
 *   - "How to use your workspace with a custom DNS server"
 *     (learn.microsoft.com/azure/machine-learning/how-to-custom-dns): the workspace endpoint's
 *     FQDNs resolve to three private IPs (workspace API and cert, notebooks, inference/models).
 *   - "Use Azure Private Link to connect networks to Azure Monitor"
 *     (learn.microsoft.com/azure/azure-monitor/logs/private-link-security), as corrected after
 *     MicrosoftDocs/azure-docs#68525: the Azure Monitor private link scope endpoint needs at least
 *     5 free addresses in its subnet.
 *   - "What is a private endpoint?" (learn.microsoft.com/azure/private-link/private-endpoint-overview):
 *     every other endpoint takes one IP configuration (one address) per member of its group.
 */
import type { PrivateLinkGroupId } from "./private-link-zones";

/** An IPv4 range Azure refuses in a virtual network's address space, and why. */
export interface ReservedRange {
    /** CIDR of the range. */
    cidr: string;
    /** What the range is. */
    purpose: string;
}

/** Ranges a virtual network's address space may not include (VNet FAQ). */
export const VNET_FORBIDDEN_RANGES: readonly ReservedRange[] = Object.freeze([
    { cidr: "224.0.0.0/4", purpose: "multicast" },
    { cidr: "255.255.255.255/32", purpose: "broadcast" },
    { cidr: "127.0.0.0/8", purpose: "loopback" },
    { cidr: "169.254.0.0/16", purpose: "link-local" },
    { cidr: "168.63.129.16/32", purpose: "Azure's internal DNS and host services" },
]);

/** Addresses Azure keeps in every subnet: network, gateway, two for DNS, broadcast. */
export const SUBNET_RESERVED_ADDRESSES = 5;

/** Private IPs one private endpoint of a group ID takes in its subnet (1 unless the docs say more). */
export const ENDPOINT_ADDRESSES: Readonly<Partial<Record<PrivateLinkGroupId, number>>> = Object.freeze({
    amlworkspace: 3,
    azuremonitor: 5,
});

/** Addresses an endpoint of `groupId` takes. */
export function endpointAddresses(groupId: PrivateLinkGroupId): number {
    return ENDPOINT_ADDRESSES[groupId] ?? 1;
}

/** Addresses a subnet of `prefix` leaves for resources, after Azure's reserved five. */
export function usableAddresses(prefix: number): number {
    return Math.max(0, 2 ** (32 - prefix) - SUBNET_RESERVED_ADDRESSES);
}

/**
 * Ranges a firewall IP rule (storage, key vault, registry) may not name: the firewalls filter
 * public traffic only. Private ranges of RFC 1918 ("Configure Azure Storage firewalls and virtual
 * networks", https://learn.microsoft.com/azure/storage/common/storage-network-security,
 * "IP network rules aren't allowed for private address ranges (as defined in RFC 1918)"), and
 * this-network, loopback and link-local addresses, which never reach a public endpoint. Read 2026-12-02.
 */
export const FIREWALL_NON_PUBLIC_RANGES: readonly ReservedRange[] = Object.freeze([
    { cidr: "0.0.0.0/8", purpose: "this network" },
    { cidr: "10.0.0.0/8", purpose: "private (RFC 1918)" },
    { cidr: "127.0.0.0/8", purpose: "loopback" },
    { cidr: "169.254.0.0/16", purpose: "link-local" },
    { cidr: "172.16.0.0/12", purpose: "private (RFC 1918)" },
    { cidr: "192.168.0.0/16", purpose: "private (RFC 1918)" },
]);
