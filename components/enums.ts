/**
 * Named value sets of component args, each declared once and reused by every component (and by
 * the stack mapping). Each is an `as const` object with its value type, not a bare string union:
 * Pulumi's component analyzer refuses anonymous unions and turns this shape into a schema enum
 * (`aml-workspace:index:<Name>`) other languages can use, while TypeScript callers still pass
 * plain strings (a string literal is assignable to the value type).
 * "Authoring a Source-Based Plugin Package":
 * https://www.pulumi.com/docs/iac/guides/building-extending/packages/source-based-plugin/
 */

/** Whether a resource accepts traffic from public networks. */
export const PublicNetworkAccess = {
    /** Public networks reach the resource (subject to its firewall). */
    Enabled: "Enabled",
    /** Only private endpoints and trusted Azure services reach the resource. */
    Disabled: "Disabled",
} as const;
/** A {@link PublicNetworkAccess} value. */
export type PublicNetworkAccess = (typeof PublicNetworkAccess)[keyof typeof PublicNetworkAccess];

/** What a firewall does with traffic no rule matches. */
export const FirewallDefaultAction = {
    /** Let unmatched traffic through. */
    Allow: "Allow",
    /** Refuse unmatched traffic. */
    Deny: "Deny",
} as const;
/** A {@link FirewallDefaultAction} value. */
export type FirewallDefaultAction = (typeof FirewallDefaultAction)[keyof typeof FirewallDefaultAction];

/** Key vault SKU. */
export const KeyVaultSku = {
    /** Software-protected keys. */
    standard: "standard",
    /** Also HSM-protected keys. */
    premium: "premium",
} as const;
/** A {@link KeyVaultSku} value. */
export type KeyVaultSku = (typeof KeyVaultSku)[keyof typeof KeyVaultSku];

/** Container registry SKU. */
export const RegistrySku = {
    /** Entry tier: no private endpoints, network rules or retention. */
    Basic: "Basic",
    /** More storage and throughput; still no private endpoints. */
    Standard: "Standard",
    /** Private endpoints, network rules, retention, zone redundancy. */
    Premium: "Premium",
} as const;
/** A {@link RegistrySku} value. */
export type RegistrySku = (typeof RegistrySku)[keyof typeof RegistrySku];

/** Kind of the workspace identity. */
export const IdentityType = {
    /** A user-assigned identity, created before the workspace (needed for a customer-managed key). */
    UserAssigned: "UserAssigned",
    /** The identity Azure creates with the workspace. */
    SystemAssigned: "SystemAssigned",
} as const;
/** A {@link IdentityType} value. */
export type IdentityType = (typeof IdentityType)[keyof typeof IdentityType];

/** Outbound isolation of a workspace's managed network. */
export const IsolationMode = {
    /** No managed network: compute runs in a customer network (or has internet access). */
    Disabled: "Disabled",
    /** Outbound internet allowed. */
    AllowInternetOutbound: "AllowInternetOutbound",
    /** Only approved outbound rules. */
    AllowOnlyApprovedOutbound: "AllowOnlyApprovedOutbound",
} as const;
/** A {@link IsolationMode} value. */
export type IsolationMode = (typeof IsolationMode)[keyof typeof IsolationMode];

/** SKU of the managed network's Azure Firewall (enforces FQDN rules). */
export const FirewallSku = {
    /** Azure Firewall Basic. */
    Basic: "Basic",
    /** Azure Firewall Standard. */
    Standard: "Standard",
} as const;
/** A {@link FirewallSku} value. */
export type FirewallSku = (typeof FirewallSku)[keyof typeof FirewallSku];

/** Type of a managed-network outbound rule. */
export const OutboundRuleType = {
    /** Allow a host name (needs the managed firewall). */
    FQDN: "FQDN",
    /** A managed private endpoint to an Azure resource. */
    PrivateEndpoint: "PrivateEndpoint",
    /** Allow a service tag. */
    ServiceTag: "ServiceTag",
} as const;
/** A {@link OutboundRuleType} value. */
export type OutboundRuleType = (typeof OutboundRuleType)[keyof typeof OutboundRuleType];

/** Key types the toolkit creates a customer-managed key with. */
export const CmkKeyType = {
    /** Software-protected RSA. */
    RSA: "RSA",
    /** HSM-protected RSA (needs a premium vault). */
    RSA_HSM: "RSA-HSM",
} as const;
/** A {@link CmkKeyType} value. */
export type CmkKeyType = (typeof CmkKeyType)[keyof typeof CmkKeyType];

/** Ingestion and query access mode of an Azure Monitor private link scope. */
export const MonitorAccessMode = {
    /** Only resources in the scope, through the private endpoint. */
    PrivateOnly: "PrivateOnly",
    /** Public endpoints also reachable (hybrid networks). */
    Open: "Open",
} as const;
/** A {@link MonitorAccessMode} value. */
export type MonitorAccessMode = (typeof MonitorAccessMode)[keyof typeof MonitorAccessMode];

/** How the container registry comes to exist: `onDemand` once something builds or pulls images, `always`, or an `existing` one. */
export const RegistryMode = {
    OnDemand: "onDemand",
    Always: "always",
    Existing: "existing",
} as const;
/** A {@link RegistryMode} value. */
export type RegistryMode = (typeof RegistryMode)[keyof typeof RegistryMode];

/**
 * The kind of a workspace: a standalone `Default` workspace, or a `Hub` that owns storage, key vault,
 * registry and managed network for the lightweight project workspaces of teams.
 */
export const WorkspaceKind = {
    Default: "Default",
    Hub: "Hub",
} as const;
/** A {@link WorkspaceKind} value. */
export type WorkspaceKind = (typeof WorkspaceKind)[keyof typeof WorkspaceKind];

/** How a platform shares Azure ML among teams: a workspace each (`independent`), or projects of one hub (`hub`). */
export const SharingModel = {
    Independent: "independent",
    Hub: "hub",
} as const;
/** A {@link SharingModel} value. */
export type SharingModel = (typeof SharingModel)[keyof typeof SharingModel];

/** Where a role is granted: the team's workspace (or project), the hub, the resource group, or the model registry. */
export const GrantScope = {
    Workspace: "workspace",
    Hub: "hub",
    ResourceGroup: "resourceGroup",
    Registry: "registry",
} as const;
/** A {@link GrantScope} value. */
export type GrantScope = (typeof GrantScope)[keyof typeof GrantScope];

/** Where a custom role may be granted: workspaces (and hubs) only, or anything in the resource group. */
export const CustomRoleScope = {
    Workspace: "workspace",
    ResourceGroup: "resourceGroup",
} as const;
/** A {@link CustomRoleScope} value. */
export type CustomRoleScope = (typeof CustomRoleScope)[keyof typeof CustomRoleScope];

/**
 * Kind of principal a grant is for. An `as const` object with its value type, not a bare string
 * union: Pulumi's component analyzer turns it into a schema enum
 * (`aml-workspace:index:PrincipalType`), while TypeScript callers still pass plain strings.
 */
export const PrincipalType = {
    /** A person's Entra ID account. */
    User: "User",
    /** An Entra ID security group. */
    Group: "Group",
    /** An application or managed identity. */
    ServicePrincipal: "ServicePrincipal",
} as const;
/** A {@link PrincipalType} value. */
export type PrincipalType = (typeof PrincipalType)[keyof typeof PrincipalType];

/**
 * How the AzureML extension exposes its inference router (`azureml-fe`): the extension setting
 * `inferenceRouterServiceType` ("Deploy Azure Machine Learning extension on AKS or Arc Kubernetes
 * cluster", https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension).
 */
export const InferenceRouterServiceType = {
    /** A cloud load balancer (internal with `internalLoadBalancer`, the default). */
    loadBalancer: "loadBalancer",
    /** A static port on every node; bring your own load balancing and TLS. */
    nodePort: "nodePort",
    /** Reachable only inside the cluster; bring your own ingress. */
    clusterIP: "clusterIP",
} as const;
/** A {@link InferenceRouterServiceType} value. */
export type InferenceRouterServiceType = (typeof InferenceRouterServiceType)[keyof typeof InferenceRouterServiceType];
