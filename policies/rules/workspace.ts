/** Policies for the Azure ML workspace (azure-native:machinelearningservices:Workspace). */
import { is, isNot, present } from "../lib/matchers";
import { propertyPolicy, resourcePolicy, stackPolicy } from "../lib/define";
import { PRIVATE_DNS_SCHEMA, type PrivateDnsConfig, type ProductionConfig } from "../lib/config";
import { ALL_CLOUDS, cloudOfLocation, cloudsOfStack, privateLinkZones, type AzureCloud } from "../lib/clouds";
import { dnsZoneGroupsFor, peek, privateEndpointsFor, resourceLogsOf, zoneNamesOf } from "../lib/relations";
import { eqi, readPath, readString, show } from "../lib/read";
import { isProjectWorkspace } from "../lib/workspace-kind";
import { TYPES } from "../lib/tokens";
import { unproxy } from "../lib/pulumi-internals";

const WS = [TYPES.workspace];

/** Workspace public network access must be disabled (production). */
export const workspacePublicNetworkDisabled = propertyPolicy({
    name: "ml-workspace-public-network-disabled",
    description: "Azure ML workspaces must disable public network access in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set publicNetworkAccess to Disabled and reach the workspace through its private endpoint.",
    sources: { azurePolicy: ["438c38d2"], psrule: ["Azure.ML.PublicAccess"], checkov: ["CKV_AZURE_144"], mcsb: ["NS-2"] },
    controls: ["workspace.public-network-access"],
    types: WS,
    expectations: [{ path: "publicNetworkAccess", expect: is("Disabled") }],
});

/** A VNet-bound workspace must not be publicly reachable anyway. */
export const workspaceNoPublicAccessBehindVnet = propertyPolicy({
    name: "ml-workspace-no-public-access-behind-vnet",
    description: "Azure ML workspaces must not allow public access when behind a virtual network.",
    severity: "high",
    remediation: "Remove allowPublicAccessWhenBehindVnet or set it to false.",
    sources: { psrule: ["Azure.ML.PublicAccess"], mcsb: ["NS-2"] },
    controls: ["workspace.no-public-access-behind-vnet"],
    types: WS,
    expectations: [{ path: "allowPublicAccessWhenBehindVnet", expect: isNot(true, "false") }],
});

/** Config of the managed-network policy. */
interface ManagedNetworkConfig extends ProductionConfig {
    /** The workspace uses a customer-managed VNet, so isolationMode Disabled is acceptable. */
    customerVnet: boolean;
}

/**
 * Managed network isolation. AzP 6ddb1705 ships with its parameter defaulting
 * to `Disabled` despite its title; this policy does what the control means.
 */
export const workspaceManagedNetworkIsolation = resourcePolicy<ManagedNetworkConfig>({
    name: "ml-workspace-managed-network-isolation",
    description:
        "Azure ML workspaces must use managed network isolation (AllowOnlyApprovedOutbound in production); unlike AzP 6ddb1705's default parameter, Disabled is only accepted with a customer VNet: the workspace puts serverless compute in a customer subnet (serverlessComputeSettings.serverlessComputeCustomSubnet), or customerVnet: true.",
    severity: "high",
    remediation:
        "Set managedNetwork.isolationMode to AllowOnlyApprovedOutbound (production) or AllowInternetOutbound; use Disabled only with compute in a customer VNet subnet (serverlessComputeSettings.serverlessComputeCustomSubnet, or customerVnet: true when the VNet is set up elsewhere).",
    sources: { azurePolicy: ["6ddb1705"], mcsb: ["NS-1"] },
    controls: ["workspace.managed-network-isolation"],
    productionAware: true,
    types: WS,
    config: {
        customerVnet: { type: "boolean", default: false, description: "The workspace is isolated by a customer-managed VNet set up outside the workspace resource (a workspace with serverlessComputeSettings.serverlessComputeCustomSubnet needs no setting)." },
    },
    check: ({ props, config, production, report, args }) => {
        if (isProjectWorkspace(props)) args.notApplicable("a project workspace uses its hub's managed network");
        const mode = readPath(props, "managedNetwork.isolationMode");
        if (mode === undefined || eqi(mode, "Disabled")) {
            if (!config.customerVnet && !usesCustomerSubnet(props)) {
                report(`managedNetwork.isolationMode is ${show(mode)}; set it to ${production ? "AllowOnlyApprovedOutbound" : "AllowInternetOutbound or AllowOnlyApprovedOutbound"}`);
            }
            return;
        }
        if (production && !eqi(mode, "AllowOnlyApprovedOutbound")) {
            report(`managedNetwork.isolationMode is ${show(mode)}; set it to AllowOnlyApprovedOutbound in production`);
        }
    },
});

/**
 * True when the workspace evidently isolates compute in a customer VNet: its serverless compute
 * has a custom subnet. With isolation Disabled, that is the documented classic VNet isolation
 * ("Secure an Azure Machine Learning training environment with virtual networks" —
 * https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet). The subnet ID is
 * often unknown at preview (the subnet is created in the same stack): an unknown value still says a
 * subnet is set, so it is read without the analyzer's unknown-checking proxy.
 */
function usesCustomerSubnet(props: unknown): boolean {
    const subnet = readPath(unproxy(props), "serverlessComputeSettings.serverlessComputeCustomSubnet");
    return typeof subnet === "string" && subnet !== "";
}

/** Config of the CMK policy. */
interface CmkConfig extends ProductionConfig {
    /** Whether the organisation requires CMK at all. */
    required: boolean;
}

/** Customer-managed key encryption (configurable; mandatory in production). */
export const workspaceCustomerManagedKey = resourcePolicy<CmkConfig>({
    name: "ml-workspace-customer-managed-key",
    description: "Azure ML workspaces must encrypt data with a customer-managed key (mandatory in production, configurable).",
    severity: "medium",
    productionGated: true,
    remediation: "Set encryption.status to Enabled with a Key Vault key (keyVaultProperties); the vault needs purge protection.",
    sources: { azurePolicy: ["ba769a63"], mcsb: ["DP-5"] },
    controls: ["workspace.customer-managed-key"],
    types: WS,
    config: { required: { type: "boolean", default: true, description: "Require customer-managed keys at all." } },
    check: ({ props, config, report, args }) => {
        if (!config.required) {
            args.notApplicable("customer-managed keys are not required by config");
        }
        if (isProjectWorkspace(props)) args.notApplicable("a project workspace is encrypted with its hub's key");
        const status = readPath(props, "encryption.status");
        if (!eqi(status, "Enabled")) {
            report(`encryption.status is ${show(status)}; set it to Enabled`);
        }
    },
});

/** A user-assigned identity makes access independent of the workspace lifecycle (advisory). */
export const workspaceUserAssignedIdentity = propertyPolicy({
    name: "ml-workspace-user-assigned-identity",
    description: "Azure ML workspaces should use a user-assigned managed identity.",
    severity: "low",
    enforcementLevel: "advisory",
    remediation: "Add a UserAssigned identity and set primaryUserAssignedIdentity to its resource ID.",
    sources: { azurePolicy: ["5f0c7d88"], psrule: ["Azure.ML.UserManagedIdentity"], mcsb: ["IM-3"] },
    controls: ["workspace.user-assigned-identity"],
    types: WS,
    // A hub's project takes no identity settings ("Project class" of azure-ai-ml has no identity
    // parameter): it reaches the shared resources through its hub, whose identity this policy checks.
    appliesTo: (props) => !isProjectWorkspace(props),
    expectations: [{ path: "primaryUserAssignedIdentity", expect: present("a user-assigned identity resource ID") }],
});

/** System datastores use the workspace identity, not storage keys. */
export const workspaceIdentityDatastores = propertyPolicy({
    name: "ml-workspace-identity-datastores",
    description: "Azure ML workspaces must access their system datastores with identity-based authentication.",
    severity: "medium",
    remediation: "Set systemDatastoresAuthMode to identity (this also lets the storage account disable shared keys).",
    sources: { other: ["AVM defaults"], mcsb: ["IM-1"] },
    controls: ["workspace.identity-datastores"],
    types: WS,
    expectations: [{ path: "systemDatastoresAuthMode", expect: is("identity") }],
});

/**
 * Every datastore uses identity-based access: credentials None, so no account key, SAS token,
 * service principal secret or certificate is stored in the workspace ("Data administration",
 * https://learn.microsoft.com/azure/machine-learning/how-to-administrate-data-authentication).
 * An Azure Files datastore has no identity-based form, so it is always a violation.
 */
export const datastoreIdentityAccess = propertyPolicy({
    name: "ml-datastore-identity-access",
    description: "Azure ML datastores must use identity-based access (credentials None): no account key, SAS token, service principal secret or certificate stored in the workspace.",
    severity: "high",
    remediation: "Create the datastore with credentials None (identity-based access) and grant the workspace, compute and user identities Storage Blob Data Reader or Contributor on the account; move file-share data to a blob container or Data Lake Gen2 filesystem.",
    sources: { other: ["Azure ML data administration"], mcsb: ["IM-1"] },
    controls: ["datastore.identity-access"],
    types: ["azure-native:machinelearningservices:Datastore"],
    expectations: [{ path: "properties.credentials.credentialsType", expect: is("None") }],
});

/** Config of the HBI policy. */
interface HbiConfig extends ProductionConfig {
    /** The stack's data classification (overridden by the stack tag / workspace tag). */
    dataClassification: string;
    /** Classifications that require an HBI workspace. */
    confidentialClassifications: string[];
}

/** High-business-impact mode when the data is confidential. */
export const workspaceHbiWhenConfidential = resourcePolicy<HbiConfig>({
    name: "ml-workspace-hbi-when-confidential",
    description: "Azure ML workspaces holding confidential data must be high-business-impact (hbiWorkspace) workspaces.",
    severity: "medium",
    remediation: "Set hbiWorkspace to true (it can only be set at creation), or correct the data classification.",
    sources: { other: ["Azure ML quickstarts"], mcsb: ["DP-1"] },
    controls: ["workspace.hbi-when-confidential"],
    types: WS,
    config: {
        dataClassification: {
            type: "string",
            default: "internal",
            description: "Data classification of the stack; a `dataClassification` stack tag or workspace tag takes precedence.",
        },
        confidentialClassifications: {
            type: "array",
            items: { type: "string" },
            default: ["confidential", "restricted", "highly-confidential"],
            description: "Classifications that require hbiWorkspace.",
        },
    },
    check: ({ props, config, report, args }) => {
        const classification =
            readString(props, "tags.dataClassification") ?? args.stackTags.get("dataClassification") ?? config.dataClassification;
        const confidential = config.confidentialClassifications.some((c) => eqi(classification, c));
        if (!confidential) {
            args.notApplicable(`data classification ${classification} does not require HBI`);
        }
        if (readPath(props, "hbiWorkspace") !== true) {
            report(`hbiWorkspace is ${show(readPath(props, "hbiWorkspace"))} but the data is ${classification}; set it to true`);
        }
    },
});

/** Workspace resource logs go to Log Analytics. */
export const workspaceResourceLogs = stackPolicy({
    name: "ml-workspace-resource-logs",
    description: "Azure ML workspaces must send resource logs (not only metrics) through a diagnostic setting.",
    severity: "medium",
    remediation: "Add a monitor:DiagnosticSetting with resourceUri = the workspace ID, category group allLogs, to the stack's Log Analytics workspace.",
    sources: { azurePolicy: ["afe0c3be"], mcsb: ["LT-3"] },
    controls: ["workspace.resource-logs"],
    types: WS,
    check: ({ subjects, resources, report }) => {
        for (const ws of subjects) {
            const logs = resourceLogsOf(ws, resources);
            if (logs !== "ok") {
                report(
                    logs === "none"
                        ? `no monitor:DiagnosticSetting has resourceUri = workspace ${ws.name}; add one with category group allLogs`
                        : `the diagnostic settings of workspace ${ws.name} enable no resource logs (metrics only); add logs [{ categoryGroup: allLogs, enabled: true }]`,
                    ws,
                );
            }
        }
    },
});

/** The workspace zones per cloud, for the remediation text (from components/network/private-link-zones.ts). */
const AML_ZONES_BY_CLOUD = ALL_CLOUDS.map((c) => `${c}: ${privateLinkZones("amlworkspace", c, "").join(" + ")}`).join("; ");

/** A private workspace must be reachable through a private endpoint with both AML zones of its cloud. */
export const workspacePrivateEndpoint = stackPolicy<PrivateDnsConfig>({
    name: "ml-workspace-private-endpoint",
    description: "Azure ML workspaces with public access off must have an amlworkspace private endpoint linked to both Azure ML private DNS zones of their cloud.",
    severity: "high",
    remediation: `Add a network:PrivateEndpoint with groupIds [amlworkspace] to the workspace and a PrivateDnsZoneGroup with the API and notebooks zones of the workspace's cloud (${AML_ZONES_BY_CLOUD}).`,
    sources: { azurePolicy: ["45e05259", "ee40564d"], mcsb: ["NS-2"] },
    controls: ["workspace.private-endpoint"],
    types: WS,
    config: PRIVATE_DNS_SCHEMA,
    check: ({ subjects, resources, config, report }) => {
        let stackClouds: AzureCloud[] | undefined;
        for (const ws of subjects) {
            if (!eqi(ws.props.publicNetworkAccess, "Disabled") || isProjectWorkspace(ws.props)) {
                continue;
            }
            const endpoints = privateEndpointsFor(ws, resources, "amlworkspace");
            if (endpoints.length === 0) {
                report(`workspace ${ws.name} has publicNetworkAccess Disabled but no private endpoint with groupIds [amlworkspace]`, ws);
                continue;
            }
            if (config.dnsManagedByPolicy) {
                continue;
            }
            const zones = new Set(endpoints.flatMap((pe) => dnsZoneGroupsFor(pe, resources).flatMap((g) => zoneNamesOf(g))));
            // The workspace's own location names its cloud; without a known one, any cloud of the stack
            // (then any cloud at all) whose zones are complete will do, and the closest one is reported.
            const own = cloudOfLocation(peek(() => ws.props.location));
            // The whole stack is read only when the workspace's own location does not name a cloud.
            const fallback = own ? [] : (stackClouds ??= [...cloudsOfStack(resources)]);
            const candidates = own ? [own] : fallback.length > 0 ? fallback : ALL_CLOUDS;
            const wanted = candidates.map((c) => privateLinkZones("amlworkspace", c, ""));
            if (wanted.some((w) => w.every((z) => zones.has(z)))) {
                continue;
            }
            const closest = wanted.reduce((best, w) => (w.filter((z) => zones.has(z)).length > best.filter((z) => zones.has(z)).length ? w : best));
            const missing = closest.filter((z) => !zones.has(z));
            report(`the private endpoint of workspace ${ws.name} is not linked to DNS zone(s) ${missing.join(", ")}; add them to its PrivateDnsZoneGroup`, ws);
        }
    },
});
