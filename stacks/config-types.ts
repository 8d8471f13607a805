/**
 * The validated, defaults-applied platform configuration. It mirrors
 * `schema/platform.schema.json`; `loadPlatformConfig` is the only producer.
 */
import type { AzureCloud } from "../components/clouds";
import type { OutboundRuleSpec } from "../components/workspace/outbound-rules";

/** Deployment environment. */
export type Environment = "dev" | "test" | "prod";
/** Whether a resource accepts traffic from public networks. */
export type PublicNetworkAccess = "Enabled" | "Disabled";
/** Storage account replication SKUs the toolkit allows. */
export type StorageSku = "Standard_LRS" | "Standard_ZRS" | "Standard_GRS" | "Standard_GZRS" | "Standard_RAGRS" | "Standard_RAGZRS";
/** How the container registry comes to exist. */
export type RegistryMode = "onDemand" | "always" | "existing";
/** Managed network isolation modes of the workspace. */
export type IsolationMode = "AllowOnlyApprovedOutbound" | "AllowInternetOutbound" | "Disabled";

/** A subnet the toolkit creates. */
export interface SubnetConfig {
    /** Address prefix (CIDR) inside the virtual network's address space. */
    addressPrefix: string;
    /** Subnet name (derived from the role when absent). */
    name?: string;
}

/** The roles subnets play. */
export type SubnetRole = "privateEndpoints" | "training" | "scoring" | "aks";

/** The virtual network: created (`addressSpace` + `subnets`) or adopted (`existingId` + `subnetIds`). */
export interface VirtualNetworkConfig {
    /** ID of an existing virtual network (hub-and-spoke landing zone); nothing is created for it. */
    existingId?: string;
    /** Name of the virtual network to create (derived when absent). */
    name?: string;
    /** Address space of the virtual network to create. */
    addressSpace?: string[];
    /** Subnets to create, by role. */
    subnets: Partial<Record<SubnetRole, SubnetConfig>>;
    /** Existing subnets of `existingId`, by role. */
    subnetIds: Partial<Record<SubnetRole, string>>;
}

/** How private endpoints get their DNS records. */
export type PrivateDnsMode = "create" | "existing" | "policyManaged";

/** A compute cluster (AmlCompute). */
export interface ClusterConfig {
    /** VM size. */
    vmSize: string;
    /** Minimum nodes. */
    minNodes: number;
    /** Maximum nodes. */
    maxNodes: number;
    /** Idle seconds before a node is released. */
    idleSecondsBeforeScaleDown: number;
    /** Dedicated or low-priority VMs. */
    vmPriority: "Dedicated" | "LowPriority";
}

/** A compute instance. */
export interface InstanceConfig {
    /** VM size. */
    vmSize: string;
    /** ISO 8601 idle time before shutdown. */
    idleTimeBeforeShutdown: string;
    /** Entra object ID of the user the instance is assigned to. */
    assignedUserObjectId?: string;
}

/** Bring-your-own shape shared by every adoptable resource. */
export interface Adoptable {
    /** ARM ID of an existing resource to adopt; nothing is created for it. */
    existingId?: string;
    /** Name of the resource to create (derived when absent). */
    name?: string;
}

/** The whole platform, defaults applied. */
export interface PlatformConfig {
    /** Deployment environment. */
    environment: Environment;
    /** True for `prod`: the production defaults and policy mode. */
    production: boolean;
    /** Azure region of every resource. */
    location: string;
    /** Azure cloud. */
    cloud: AzureCloud;
    /** Base of derived names. */
    namePrefix: string;
    /** Stability of derived names. */
    naming: {
        /** Seed of global name suffixes (default: project, stack, location). */
        suffixSeed?: string;
        /** Recreate generation of the soft-deleted names (key vault, workspace); 0 keeps the original names. */
        generation: number;
    };
    /** Tags for every taggable resource (includes `environment`). */
    tags: Record<string, string>;
    /** Sensitivity of the data. */
    dataClassification: "general" | "confidential";
    /** Resource group to create or adopt. */
    resourceGroup: Adoptable;
    /** Public reachability. */
    network: {
        /** Public network access of the workspace and its dependencies. */
        publicNetworkAccess: PublicNetworkAccess;
        /** Storage firewall default when public. */
        firewallDefaultAction: "Allow" | "Deny";
        /** Public IPs/CIDRs let through the firewalls. */
        allowedIpRanges: string[];
        /** Private endpoints for the workspace and its dependencies (default: on when publicNetworkAccess is Disabled). */
        privateEndpoints?: boolean;
        /** The customer virtual network (private endpoints, compute, scoring, AKS). */
        virtualNetwork: VirtualNetworkConfig;
        /** Private DNS zones of the private endpoints. */
        privateDns: {
            /** Create and link zones, use existing zone IDs, or leave DNS to Azure Policy. */
            mode: PrivateDnsMode;
            /** Existing zone IDs by zone name (mode `existing`). */
            zoneIds: Record<string, string>;
        };
    };
    /** The workspace. */
    workspace: {
        /** Workspace name (derived when absent). */
        name?: string;
        /** Display name. */
        friendlyName?: string;
        /** Description. */
        description?: string;
        /** SKU. */
        sku: "Basic";
        /** Identity of the workspace. */
        identity: {
            /** Identity type. */
            type: "UserAssigned" | "SystemAssigned";
            /** Existing user-assigned identity to use. */
            existingId?: string;
            /** Principal ID of `existingId`. */
            existingPrincipalId?: string;
        };
        /** Managed network. */
        managedNetwork: {
            /** Isolation mode. */
            isolationMode: IsolationMode;
            /** Firewall SKU. */
            firewallSku: "Basic" | "Standard";
            /** Provision at creation. */
            provisionNetworkNow: boolean;
            /** Outbound rules by name. */
            outboundRules: Record<string, OutboundRuleSpec>;
        };
        /** Serverless compute settings. */
        serverlessCompute: {
            /** Serverless compute nodes get no public IP. */
            noPublicIp: boolean;
        };
        /** Image build compute name. */
        imageBuildCompute?: string;
        /** v1 legacy mode. */
        v1LegacyMode: boolean;
    };
    /** Storage account. */
    storage: Adoptable & {
        /** Replication SKU. */
        sku: StorageSku;
        /** Soft delete days for blobs, containers and shares. */
        softDeleteRetentionDays: number;
        /** Hierarchical namespace (Data Lake Gen2); adds a `dfs` private endpoint. */
        hierarchicalNamespace: boolean;
    };
    /** Key vault. */
    keyVault: Adoptable & {
        /** Vault SKU. */
        sku: "standard" | "premium";
        /** Soft delete retention. */
        softDeleteRetentionDays: number;
        /** Purge protection. */
        purgeProtection: boolean;
    };
    /** Container registry. */
    containerRegistry: Adoptable & {
        /** How the registry comes to exist. */
        mode: RegistryMode;
        /** SKU. */
        sku: "Basic" | "Standard" | "Premium";
        /** Retention of untagged manifests / soft-deleted artifacts. */
        retentionDays: number;
    };
    /** Monitoring. */
    monitoring: {
        /** Log Analytics workspace. */
        logAnalytics: Adoptable & {
            /** Retention days. */
            retentionInDays: number;
        };
        /** Application Insights. */
        applicationInsights: Adoptable;
    };
    /** Compute targets of the workspace. */
    compute: {
        /** Compute clusters by name. */
        clusters: Record<string, ClusterConfig>;
        /** Compute instances by name. */
        instances: Record<string, InstanceConfig>;
    };
    /** Encryption at rest. */
    encryption: {
        /** Customer-managed key. */
        customerManagedKey: {
            /** Whether a CMK is used. */
            enabled: boolean;
            /** Base name of the created key, or the name of the existing key in `keyVaultId`. */
            keyName: string;
            /** Type of the created key (`RSA-HSM` needs a premium vault). */
            keyType: "RSA" | "RSA-HSM";
            /** RSA key size. */
            keySize: 2048 | 3072 | 4096;
            /** ARM ID of an existing key (e.g. in a central vault). */
            existingKeyId?: string;
            /** ARM ID of an existing vault holding the existing key `keyName`. */
            keyVaultId?: string;
            /** Service-side encryption of workspace metadata instead of the classic Cosmos DB in your subscription. */
            serviceSideEncryption: boolean;
            /** Object ID of the Azure Cosmos DB service principal in this tenant (classic CMK). */
            cosmosDbPrincipalObjectId?: string;
        };
    };
    /** Deletion guards (resolved from the environment when not set). */
    protection: {
        /** Pulumi protect on stateful resources. */
        protect: boolean;
        /** Pulumi retainOnDelete on stateful resources. */
        retainOnDelete: boolean;
        /** CanNotDelete management locks where they block no update (resolved from the environment). */
        deleteLock: boolean;
        /** Pulumi protect on the resources whose names outlive them (key vault, workspace); default true. */
        protectSoftDeleted: boolean;
    };
}
