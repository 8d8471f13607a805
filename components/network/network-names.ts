/**
 * Names the network components derive (pure): the virtual network, one NSG
 * per subnet role, private endpoints and their network interfaces, DNS zone
 * links, the Azure Monitor private link scope. The components and the config
 * checks call these same functions, so a name the config check accepts is the
 * name the component creates.
 */
import { deriveName } from "../naming";
import type { PrivateLinkGroupId } from "./private-link-zones";

/** The role part of per-role names (`nsg-<prefix>-<part>`): the subnet-role table's. */
export { ROLE_NAME_PARTS } from "./subnet-roles";

/** The role part of the Azure Monitor private link scope endpoint's name (`pep-<prefix>-monitor`). */
export const MONITOR_ENDPOINT_ROLE = "monitor";

/** The virtual network the toolkit creates, from the name prefix: `vnet-<prefix>`. */
export function virtualNetworkName(prefix: string): string {
    return deriveName("virtualNetwork", `vnet-${prefix}`);
}

/** The NSG of a role's subnet: `nsg-<base>-<role part>`. */
export function networkSecurityGroupName(base: string, rolePart: string): string {
    return deriveName("networkSecurityGroup", `nsg-${base}-${rolePart}`);
}

/** The base of a private endpoint's names: `pep-<prefix>-<role>` (plus `-<group>` when the target has several endpoints). */
export function privateEndpointBase(prefix: string, role: string, groupId: PrivateLinkGroupId, several: boolean): string {
    return `pep-${prefix}-${role.toLowerCase()}${several ? `-${groupId.toLowerCase()}` : ""}`;
}

/** The private endpoint (and its connection) name. */
export function privateEndpointName(base: string): string {
    return deriveName("privateEndpoint", base);
}

/** The endpoint's network interface (`customNetworkInterfaceName`): `<base>-nic`. */
export function endpointNicName(base: string): string {
    return deriveName("privateEndpoint", `${base}-nic`);
}

/** A private DNS zone's link to the network: `link-<network name>`, at most 80 characters. */
export function dnsLinkName(virtualNetworkName: string): string {
    return `link-${virtualNetworkName}`.slice(0, 80);
}

/** The Azure Monitor private link scope: `ampls-<prefix>`. */
export function privateLinkScopeName(prefix: string): string {
    return `ampls-${prefix}`;
}
