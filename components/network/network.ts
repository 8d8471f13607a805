import * as pulumi from "@pulumi/pulumi";
import { NetworkSecurityGroup, Subnet, VirtualNetwork } from "@pulumi/azure-native/network";
import { networkSecurityGroupName } from "./network-names";
import { SUBNET_ROLE_LIST, SUBNET_ROLES, type SubnetRole } from "./subnet-roles";
import { bringYourOwn } from "../bring-your-own-check";
import type { PlacementArgs } from "../placement";

/** A subnet to create. */
export interface NetworkSubnetArgs {
    /** Subnet name (1-80). */
    name: string;
    /** CIDR inside the address space. */
    addressPrefix: string;
}

/** Subnets by role; each is optional. */
export interface NetworkSubnetsArgs {
    /** Private endpoints. Default: none. */
    privateEndpoints?: NetworkSubnetArgs;
    /** Compute clusters, instances and serverless compute in this network. Default: none. */
    training?: NetworkSubnetArgs;
    /** Container instances (delegated to Microsoft.ContainerInstance/containerGroups). Default: none. */
    scoring?: NetworkSubnetArgs;
    /** AKS nodes. Default: none. */
    aks?: NetworkSubnetArgs;
}

/** Existing subnet IDs by role; each is optional. */
export interface NetworkSubnetIdsArgs {
    /** Private endpoints. Default: none. */
    privateEndpoints?: string;
    /** Compute. Default: none. */
    training?: string;
    /** Container instances. Default: none. */
    scoring?: string;
    /** AKS nodes. Default: none. */
    aks?: string;
}

/** Arguments of {@link Network}. */
export interface NetworkArgs extends PlacementArgs {
    /** ID of an existing virtual network to adopt (hub-and-spoke spoke); when set nothing is created. Default: create one. */
    existingId?: string;
    /** Existing subnets of `existingId` by role. Default: none. */
    subnetIds?: NetworkSubnetIdsArgs;
    /** Name of the network to create (2-64). Required unless adopted; must be unset when adopted. */
    name?: string;
    /** Address space of the network to create. Required unless adopted. */
    addressSpace?: string[];
    /** Subnets to create by role, each with its own network security group. Default: none. */
    subnets?: NetworkSubnetsArgs;
    /** Base of NSG names, e.g. `aml-prod` gives `nsg-aml-prod-training`. Default: the network name. */
    namePrefix?: string;
}

/** The roles, their name parts and delegations: one table (subnet-roles.ts). */
const ROLES = SUBNET_ROLE_LIST;

/**
 * The customer virtual network: subnets for private endpoints, training
 * compute, scoring container instances (ACI delegation) and AKS, each with a
 * network security group (Azure's default rules deny inbound from the
 * internet); or an existing network and subnets adopted by ID.
 */
export class Network extends pulumi.ComponentResource {
    /** Virtual network ID. */
    readonly virtualNetworkId: pulumi.Output<string>;
    /** Private endpoints subnet ID, if any. */
    readonly privateEndpointsSubnetId?: pulumi.Output<string>;
    /** Training subnet ID, if any. */
    readonly trainingSubnetId?: pulumi.Output<string>;
    /** Scoring (ACI) subnet ID, if any. */
    readonly scoringSubnetId?: pulumi.Output<string>;
    /** AKS subnet ID, if any. */
    readonly aksSubnetId?: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:Network", name, {}, opts);
        const ids: Partial<Record<SubnetRole, pulumi.Output<string>>> = {};
        const choice = bringYourOwn("", args, this);
        if (choice.adopt) {
            if (args.addressSpace || args.subnets) throw new pulumi.ResourceError("existingId adopts a network: give subnetIds, not addressSpace or subnets", this);
            this.virtualNetworkId = pulumi.output(choice.existingId);
            for (const role of ROLES) {
                const id = args.subnetIds?.[role];
                if (id === undefined) continue;
                if (!id.toLowerCase().startsWith(`${choice.existingId.toLowerCase()}/subnets/`)) {
                    throw new pulumi.ResourceError(`subnetIds.${role} is not a subnet of ${choice.existingId}`, this);
                }
                ids[role] = pulumi.output(id);
            }
        } else {
            if (!args.addressSpace?.length) throw new pulumi.ResourceError("addressSpace: is required when existingId is not set (the CIDRs of the network to create)", this);
            if (args.subnetIds) throw new pulumi.ResourceError("subnetIds needs existingId; describe subnets to create under subnets", this);
            const vnet = new VirtualNetwork(
                `${name}-vnet`,
                {
                    virtualNetworkName: choice.name,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    addressSpace: { addressPrefixes: args.addressSpace },
                    // Subnets are their own resources below; the provider keeps them on updates of the network.
                },
                { parent: this },
            );
            this.virtualNetworkId = vnet.id;
            const prefix = args.namePrefix ?? choice.name;
            // ARM serialises writes to one network; creating subnets one after another avoids
            // "AnotherOperationInProgress" conflicts.
            let previous: pulumi.Resource | undefined;
            for (const role of ROLES) {
                const spec = args.subnets?.[role];
                if (!spec) continue;
                const { namePart: short, delegation } = SUBNET_ROLES[role];
                const nsg = new NetworkSecurityGroup(
                    `${name}-nsg-${short}`,
                    {
                        networkSecurityGroupName: networkSecurityGroupName(prefix, short),
                        resourceGroupName: args.resourceGroupName,
                        location: args.location,
                        tags: args.tags,
                        securityRules: [],
                    },
                    { parent: this },
                );
                const subnet: Subnet = new Subnet(
                    `${name}-snet-${short}`,
                    {
                        subnetName: spec.name,
                        virtualNetworkName: vnet.name,
                        resourceGroupName: args.resourceGroupName,
                        addressPrefix: spec.addressPrefix,
                        networkSecurityGroup: { id: nsg.id },
                        // Private endpoints honour NSGs and route tables only with network policies on.
                        privateEndpointNetworkPolicies: "Enabled",
                        privateLinkServiceNetworkPolicies: "Enabled",
                        // Private endpoints need no egress; compute subnets keep Azure's default until the landing zone routes egress.
                        defaultOutboundAccess: role === "privateEndpoints" ? false : undefined,
                        delegations: delegation ? [{ name: "aci", serviceName: delegation }] : undefined,
                    },
                    { parent: this, dependsOn: previous ? [previous] : [] },
                );
                previous = subnet;
                ids[role] = subnet.id;
            }
        }
        this.privateEndpointsSubnetId = ids.privateEndpoints;
        this.trainingSubnetId = ids.training;
        this.scoringSubnetId = ids.scoring;
        this.aksSubnetId = ids.aks;
        this.registerOutputs({
            virtualNetworkId: this.virtualNetworkId,
            privateEndpointsSubnetId: this.privateEndpointsSubnetId,
            trainingSubnetId: this.trainingSubnetId,
            scoringSubnetId: this.scoringSubnetId,
            aksSubnetId: this.aksSubnetId,
        });
    }
}
