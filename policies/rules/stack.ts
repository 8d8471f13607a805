/** Cross-cutting policies over the whole stack. */
import type { PolicyResource } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../lib/define";
import { matchingExemption, PRIVATE_DNS_SCHEMA, type PrivateDnsConfig, type ProductionConfig } from "../lib/config";
import { isPlaintextCandidate, isSensitiveName } from "../lib/sensitive";
import { secretInfoKnown, secretnessOf } from "../lib/secrets";
import { unproxy, UNKNOWN_SENTINELS } from "../lib/pulumi-internals";
import {
    dependsThrough,
    diagnosticSettingsFor,
    hasPrivateEndpointWithDns,
    isIdOf,
    ofType,
    peek,
    privateEndpointsFor,
    refersTo,
    storageServicesFor,
} from "../lib/relations";
import { eqi, isObject, normalizeLocation, readObject, readPath, readString, type Obj } from "../lib/read";
import { TYPES } from "../lib/tokens";

/** azure-native types that carry ARM tags (tracked resources the toolkit creates). */
export const TAGGABLE_TYPES = [
    "azure-native:resources:ResourceGroup",
    TYPES.storageAccount, TYPES.vault, TYPES.registry, TYPES.workspace, TYPES.compute,
    TYPES.appInsights, TYPES.logAnalytics, TYPES.managedCluster, TYPES.agentPool,
    TYPES.containerGroup, TYPES.iotHub, TYPES.privateEndpoint,
    "azure-native:network:VirtualNetwork", "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:PrivateZone", "azure-native:network:VirtualNetworkLink",
    "azure-native:network:PublicIPAddress", "azure-native:network:NatGateway",
    "azure-native:managedidentity:UserAssignedIdentity",
    "azure-native:machinelearningservices:OnlineEndpoint", "azure-native:machinelearningservices:OnlineDeployment",
    "azure-native:insights:PrivateLinkScope", "azure-native:monitor:PrivateLinkScope",
];

/** Config of the required-tags policy. */
interface TagsConfig extends ProductionConfig {
    /** Tag names every taggable resource must carry (case-insensitive, non-empty values). */
    requiredTags: string[];
}

/** Required tags on taggable resources. */
export const requiredTags = stackPolicy<TagsConfig>({
    name: "required-tags",
    description: "Every taggable Azure resource must carry the required tags (environment, owner, costCenter by default).",
    severity: "low",
    remediation: "Add the missing tags (the toolkit applies stack-wide tags from config to every resource).",
    sources: { azurePolicy: ["871b6d14"], mcsb: ["AM-2"] },
    controls: ["stack.required-tags"],
    types: TAGGABLE_TYPES,
    config: {
        requiredTags: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: ["environment", "owner", "costCenter"],
            description: "Tag names every taggable resource must carry.",
        },
    },
    check: ({ subjects, config, report }) => {
        for (const r of subjects) {
            const tags = readObject(r.props, "tags");
            const present = Object.entries(tags)
                .filter(([, v]) => typeof v === "string" && v.trim() !== "")
                .map(([k]) => k.toLowerCase());
            const missing = config.requiredTags.filter((t) => !present.includes(t.toLowerCase()));
            if (missing.length > 0) {
                report(`tags is missing ${missing.join(", ")}; add them`, r);
            }
        }
    },
});

/** Config of the allowed-locations policy. */
interface LocationsConfig extends ProductionConfig {
    /** Allowed Azure regions (any spelling: "West Europe" or "westeurope"). */
    allowedLocations: string[];
}

/** Default allowed regions. */
export const DEFAULT_ALLOWED_LOCATIONS = [
    "westeurope", "northeurope", "swedencentral", "francecentral", "germanywestcentral", "uksouth",
    "eastus", "eastus2", "centralus", "westus2", "westus3", "southeastasia", "australiaeast",
];

/** Resources only in allowed regions. */
export const allowedLocations = stackPolicy<LocationsConfig>({
    name: "allowed-locations",
    description: "Every resource with a location must be in an allowed Azure region.",
    severity: "medium",
    remediation: "Deploy to one of allowedLocations, or extend the list in the policy config after a data-residency review.",
    sources: { azurePolicy: ["e56962a6", "e765b5de"] },
    controls: ["stack.allowed-locations"],
    types: [],
    config: {
        allowedLocations: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: DEFAULT_ALLOWED_LOCATIONS,
            description: "Allowed regions; `global` is always allowed.",
        },
    },
    check: ({ resources, config, report }) => {
        const allowed = new Set([...config.allowedLocations.map(normalizeLocation), "global"]);
        for (const r of resources) {
            if (!r.type.startsWith("azure-native:") || matchingExemption(r.name, config.exemptResourceNames) !== undefined) {
                continue;
            }
            const location = readString(r.props, "location");
            if (location !== undefined && !allowed.has(normalizeLocation(location))) {
                report(`location is ${location}; use one of ${config.allowedLocations.join(", ")}`, r);
            }
        }
    },
});

/** Stateful types whose loss loses data. */
export const STATEFUL_TYPES = [TYPES.storageAccount, TYPES.vault, TYPES.registry, TYPES.workspace, TYPES.logAnalytics];

/** Stateful resources are protected (production). */
export const statefulResourcesProtected = stackPolicy({
    name: "stateful-resources-protected",
    description: "Stateful resources (storage, key vault, registry, workspace, Log Analytics) must be protected from deletion in production.",
    severity: "high",
    productionGated: true,
    remediation: "Create the resource with { protect: true } (and retainOnDelete where the stack says so).",
    sources: { other: ["Pulumi resource options guidance"], mcsb: ["BR-1"] },
    controls: ["stack.stateful-protected"],
    types: STATEFUL_TYPES,
    check: ({ subjects, report }) => {
        for (const r of subjects) {
            if (!r.opts.protect) {
                report(`${r.name} is not protected; set the protect resource option to true`, r);
            }
        }
    },
});

/** Lock types that can keep a resource group or workspace from deletion. */
const LOCK_TYPES = [TYPES.lockAtResourceGroup, TYPES.lockByScope, TYPES.lockAtResource];

/** True when `lock` is a CanNotDelete lock covering `ws`, its resource group, or the stack's Log Analytics workspace. */
function locks(lock: PolicyResource, ws: PolicyResource, logAnalytics: readonly PolicyResource[]): boolean {
    if (!eqi(peek(() => lock.props.level), "CanNotDelete")) {
        return false;
    }
    // The toolkit's placement: a lock covers role assignments, diagnostic settings and computes under
    // its scope, so it locks the audit logs rather than the group or the workspace
    // ("Lock your resources to protect your infrastructure", learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
    if (lock.type === TYPES.lockByScope && logAnalytics.some((la) => refersTo(lock, "scope", la))) {
        return true;
    }
    if (lock.type === TYPES.lockAtResourceGroup) {
        return true;
    }
    if (lock.type === TYPES.lockByScope) {
        const scope = peek(() => lock.props.scope);
        // During preview the group's ID is unknown; the graph still shows the lock's scope
        // coming from the resource group the workspace is in.
        const sameGroup = (ws.propertyDependencies["resourceGroupName"] ?? []).some((g) => dependsThrough(lock, "scope", g));
        return refersTo(lock, "scope", ws) || sameGroup || (typeof scope === "string" && /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/?$/i.test(scope));
    }
    return dependsThrough(lock, "resourceName", ws) || peek(() => lock.props.resourceName) === peek(() => ws.props.name);
}

/** A delete lock on the resource group or workspace (production; advisory). */
export const resourceLockPresent = stackPolicy({
    name: "resource-lock-present",
    description: "Production workspaces should have a CanNotDelete lock on their Log Analytics workspace (the toolkit's placement: a lock on the group or the workspace also blocks deleting role assignments and diagnostic settings, and cluster scale-down), or on the workspace or its resource group.",
    severity: "low",
    enforcementLevel: "advisory",
    productionGated: true,
    remediation: "Add an authorization:ManagementLockByScope with level CanNotDelete on the Log Analytics workspace (protection.deleteLock).",
    sources: { other: ["Azure resource lock guidance"], mcsb: ["BR-1"] },
    controls: ["stack.delete-lock"],
    types: [TYPES.workspace],
    check: ({ subjects, resources, report }) => {
        const lockResources = resources.filter((r) => LOCK_TYPES.includes(r.type as (typeof LOCK_TYPES)[number]));
        const logAnalytics = resources.filter((r) => r.type === TYPES.logAnalytics);
        for (const ws of subjects) {
            if (!lockResources.some((l) => locks(l, ws, logAnalytics))) {
                report(`workspace ${ws.name} has no CanNotDelete lock on it or its resource group; add one`, ws);
            }
        }
    },
});

/** Where each private-capable type keeps its public-access switch. */
const PUBLIC_ACCESS_PATHS: Readonly<Record<string, string>> = {
    [TYPES.storageAccount]: "publicNetworkAccess",
    [TYPES.vault]: "properties.publicNetworkAccess",
    [TYPES.registry]: "publicNetworkAccess",
    [TYPES.workspace]: "publicNetworkAccess",
    [TYPES.iotHub]: "properties.publicNetworkAccess",
};

/** Private resources are reachable through a private endpoint with DNS. */
export const privateEndpointWhenPrivate = stackPolicy<PrivateDnsConfig>({
    name: "private-endpoint-when-private",
    description: "Every resource with public network access disabled must have a private endpoint with a private DNS zone group.",
    severity: "high",
    remediation: "Add a network:PrivateEndpoint to the resource and a network:PrivateDnsZoneGroup linking the service's privatelink DNS zone.",
    sources: { other: ["Azure Private Link guidance"], mcsb: ["NS-2"] },
    controls: ["stack.private-reachable"],
    types: Object.keys(PUBLIC_ACCESS_PATHS),
    config: PRIVATE_DNS_SCHEMA,
    check: ({ subjects, resources, config, report }) => {
        for (const r of subjects) {
            if (!eqi(readPath(r.props, PUBLIC_ACCESS_PATHS[r.type]), "Disabled")) continue;
            if (config.dnsManagedByPolicy ? privateEndpointsFor(r, resources).length === 0 : !hasPrivateEndpointWithDns(r, resources)) {
                const wanted = config.dnsManagedByPolicy ? "private endpoint; add one" : "private endpoint with a DNS zone group; add both";
                report(`${r.name} has ${PUBLIC_ACCESS_PATHS[r.type]} Disabled but no ${wanted}`, r);
            }
        }
    },
});

/**
 * No plaintext secrets in inputs. This is a resource policy because the engine
 * gives resource policies the inputs (what the program sets) and stack
 * policies the outputs (where providers legitimately return keys).
 *
 * Honest limit: under `pulumi preview --policy-pack` the analyzer unwraps
 * secrets before policies run, so a `pulumi.secret(...)` and a literal look
 * the same; there the policy reports itself not applicable rather than flag
 * correct code. The offline plan and `npm run audit` know which inputs were
 * secret (captured graph / checkpoint ciphertext) and enforce it.
 */
export const noPlaintextSecrets = resourcePolicy({
    name: "no-plaintext-secrets",
    description: "Inputs named like a password, secret, key, token or connection string must hold Pulumi secrets, not plain values.",
    severity: "critical",
    remediation: "Wrap the value with pulumi.secret() (or read it with config.requireSecret), or better, reference Key Vault and use managed identities.",
    sources: { other: ["Pulumi secrets guidance"], mcsb: ["IM-8"] },
    controls: ["stack.no-plaintext-secrets"],
    types: ["*"],
    check: ({ props, report, args }) => {
        if (args.type.startsWith("pulumi:")) {
            args.notApplicable("Pulumi-internal resource");
        }
        if (!secretInfoKnown(props)) {
            args.notApplicable("the Pulumi analyzer unwraps secrets before policies run; check with npm run plan / npm run audit");
        }
        const root = unproxy(props);
        const visit = (node: unknown, path: string): void => {
            if (Array.isArray(node)) {
                node.forEach((v, i) => visit(v, `${path}[${i}]`));
                return;
            }
            if (!isObject(node)) {
                return;
            }
            const nameValue = sensitivePairName(node);
            for (const [key, value] of Object.entries(node)) {
                const at = path === "" ? key : `${path}.${key}`;
                if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
                    continue;
                }
                const sensitive = isSensitiveName(key) || (key === "value" && nameValue !== undefined);
                if (sensitive && isPlaintextCandidate(value) && secretnessOf(root, node, key) === "plain") {
                    report(`${at}${key === "value" && nameValue ? ` (${nameValue})` : ""} holds a plain value; make it a Pulumi secret`);
                } else if (typeof value === "object" && value !== null && secretnessOf(root, node, key) !== "secret") {
                    visit(value, at);
                }
            }
        };
        visit(root, "");
    },
});

/** For name/value pairs (`{ name: "DB_PASSWORD", value: ... }`), the sensitive name. */
function sensitivePairName(node: Obj): string | undefined {
    const name = node["name"];
    return typeof name === "string" && "value" in node && isSensitiveName(name) ? name : undefined;
}

/** Types that support diagnostic settings and must have one. */
export const DIAGNOSABLE_TYPES = [TYPES.storageAccount, TYPES.vault, TYPES.registry, TYPES.workspace, TYPES.managedCluster, TYPES.iotHub];

/** Diagnostic settings to the stack's Log Analytics for every diagnosable resource. */
export const diagnosticSettingsEverywhere = stackPolicy({
    name: "diagnostic-settings-everywhere",
    description: "Every resource that supports diagnostic settings must send them to the stack's Log Analytics workspace.",
    severity: "medium",
    remediation: "Add a monitor:DiagnosticSetting per resource (for storage: on the account or its blob service) with workspaceId = the stack's Log Analytics workspace.",
    sources: { azurePolicy: ["7f89b1eb"], mcsb: ["LT-3", "LT-5"] },
    controls: ["stack.diagnostics-everywhere"],
    types: DIAGNOSABLE_TYPES,
    check: ({ subjects, resources, report }) => {
        const logAnalytics = ofType(resources, TYPES.logAnalytics);
        const toStackWorkspace = (ds: PolicyResource): boolean => {
            const dest = peek(() => ds.props.workspaceId);
            if (logAnalytics.length === 0) {
                return typeof dest === "string" && dest !== "";
            }
            return logAnalytics.some((la) => dependsThrough(ds, "workspaceId", la) || isIdOf(dest, la));
        };
        for (const r of subjects) {
            // Storage logs are configured on the blob/file services (".../blobServices/default").
            const children =
                r.type === TYPES.storageAccount
                    ? [...storageServicesFor(r, resources, TYPES.blobService), ...storageServicesFor(r, resources, TYPES.fileService)]
                    : [];
            const settings = [r, ...children].flatMap((t) => diagnosticSettingsFor(t, resources));
            if (!settings.some(toStackWorkspace)) {
                report(
                    settings.length === 0
                        ? `${r.name} has no monitor:DiagnosticSetting; add one to the stack's Log Analytics workspace`
                        : `the diagnostic settings of ${r.name} do not send to the stack's Log Analytics workspace; set workspaceId`,
                    r,
                );
            }
        }
    },
});
