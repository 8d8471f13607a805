/**
 * The subnet roles of the customer network, one table: the role keys the
 * stack config uses (`network.virtualNetwork.subnets.<role>` and
 * `subnetIds.<role>`), the default subnet names, the role part of per-role
 * names (`nsg-<prefix>-<part>`), and the service a role's subnet is delegated
 * to. The Network component, the network plan, the derived names and the
 * config checks all read it.
 *
 * Delegation: "Subnet delegation"
 * (https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview) and, for
 * container instances, "Virtual network scenarios and resources"
 * (https://learn.microsoft.com/azure/container-instances/container-instances-virtual-network-concepts):
 * a subnet delegated to a service holds only that service's resources. Read 2026-12-02.
 */

/** A role a subnet plays in the customer network. */
export type SubnetRole = "privateEndpoints" | "training" | "scoring" | "aks";

/** What the toolkit knows about one role. */
export interface SubnetRoleSpec {
    /** Name of the subnet created for the role when the config names none. */
    readonly defaultName: string;
    /** The role part of per-role names (`nsg-<prefix>-<part>`, logical names). */
    readonly namePart: string;
    /** The service the role's subnet is delegated to (it can then hold nothing else); undefined for none. */
    readonly delegation: string | undefined;
    /** What the subnet holds, for messages. */
    readonly holds: string;
}

/** Every role, in the order the config reference and the checks list them. */
export const SUBNET_ROLES: Readonly<Record<SubnetRole, SubnetRoleSpec>> = Object.freeze({
    privateEndpoints: Object.freeze({ defaultName: "snet-private-endpoints", namePart: "pe", delegation: undefined, holds: "private endpoints" }),
    training: Object.freeze({ defaultName: "snet-training", namePart: "training", delegation: undefined, holds: "compute clusters and instances" }),
    scoring: Object.freeze({ defaultName: "snet-scoring", namePart: "scoring", delegation: "Microsoft.ContainerInstance/containerGroups", holds: "container instances" }),
    aks: Object.freeze({ defaultName: "snet-aks", namePart: "aks", delegation: undefined, holds: "AKS nodes" }),
});

/** The role keys, in table order. */
export const SUBNET_ROLE_LIST: readonly SubnetRole[] = Object.freeze(Object.keys(SUBNET_ROLES) as SubnetRole[]);

/** Default subnet names by role (from {@link SUBNET_ROLES}). */
export const SUBNET_NAMES: Readonly<Record<SubnetRole, string>> = Object.freeze(
    Object.fromEntries(SUBNET_ROLE_LIST.map((r) => [r, SUBNET_ROLES[r].defaultName])) as Record<SubnetRole, string>,
);

/** The role part of per-role names by role (from {@link SUBNET_ROLES}). */
export const ROLE_NAME_PARTS: Readonly<Record<SubnetRole, string>> = Object.freeze(
    Object.fromEntries(SUBNET_ROLE_LIST.map((r) => [r, SUBNET_ROLES[r].namePart])) as Record<SubnetRole, string>,
);
