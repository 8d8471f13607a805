/** Policies for Azure Container Registry (azure-native:containerregistry). */
import type { PolicyResource } from "@pulumi/policy";
import { is, isNot } from "../lib/matchers";
import { propertyPolicy, resourcePolicy, stackPolicy } from "../lib/define";
import { armId, dependsThrough, ofType, peek, privateEndpointsFor } from "../lib/relations";
import { eqi, readArray, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";
import { registrySkuAllowsPrivateEndpoints } from "../../components/registry-sku";

const ACR = [TYPES.registry];

/** Admin user off. */
export const acrAdminUserDisabled = propertyPolicy({
    name: "acr-admin-user-disabled",
    description: "Container registries must disable the admin user.",
    severity: "high",
    remediation: "Set adminUserEnabled to false and pull with managed identities (AcrPull role).",
    sources: { azurePolicy: ["dc921057"], psrule: ["Azure.ACR.AdminUser"], checkov: ["CKV_AZURE_137"], mcsb: ["IM-1"] },
    controls: ["registry.admin-user-disabled"],
    types: ACR,
    expectations: [{ path: "adminUserEnabled", expect: isNot(true, "false") }],
});

/** Anonymous pull off. */
export const acrAnonymousPullDisabled = propertyPolicy({
    name: "acr-anonymous-pull-disabled",
    description: "Container registries must disable anonymous (unauthenticated) pull.",
    severity: "high",
    remediation: "Set anonymousPullEnabled to false.",
    sources: { azurePolicy: ["9f2dea28"], psrule: ["Azure.ACR.AnonymousAccess"], checkov: ["CKV_AZURE_138"], mcsb: ["IM-1"] },
    controls: ["registry.anonymous-pull-disabled"],
    types: ACR,
    expectations: [{ path: "anonymousPullEnabled", expect: isNot(true, "false") }],
});

/** Public network access off (production). */
export const acrPublicNetworkDisabled = propertyPolicy({
    name: "acr-public-network-disabled",
    description: "Container registries must disable public network access in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set publicNetworkAccess to Disabled (Premium SKU) and add a registry private endpoint with its DNS zone group.",
    sources: { azurePolicy: ["0fdf0491"], checkov: ["CKV_AZURE_139"], mcsb: ["NS-2"] },
    controls: ["registry.public-network-access"],
    types: ACR,
    expectations: [{ path: "publicNetworkAccess", expect: is("Disabled") }],
});

/** Firewall default deny when the registry is public. */
export const acrNetworkDefaultDeny = propertyPolicy({
    name: "acr-network-rule-default-deny",
    description: "Container registries reachable from public networks must deny by default in their network rules.",
    severity: "medium",
    remediation: "Set networkRuleSet.defaultAction to Deny with explicit IP rules (Premium SKU), or disable public network access.",
    sources: { azurePolicy: ["d0793b48"], psrule: ["Azure.ACR.Firewall"], mcsb: ["NS-2"] },
    controls: ["registry.network-default-deny"],
    types: ACR,
    appliesTo: (props) => !eqi(readPath(props, "publicNetworkAccess"), "Disabled"),
    expectations: [{ path: "networkRuleSet.defaultAction", expect: is("Deny") }],
});

/** Premium SKU when private endpoints are used (they need it). */
export const acrPremiumWhenPrivate = stackPolicy({
    name: "acr-premium-when-private",
    description: "Container registries that use private endpoints or disable public access must be Premium.",
    severity: "medium",
    remediation: "Set sku.name to Premium (private link, network rules and export policy need it).",
    sources: { azurePolicy: ["bd560fc0"], psrule: ["Azure.ACR.MinSku"] },
    controls: ["registry.premium-when-private"],
    types: ACR,
    check: ({ subjects, resources, report }) => {
        for (const acr of subjects) {
            const isPrivate =
                eqi(acr.props.publicNetworkAccess, "Disabled") || privateEndpointsFor(acr, resources).length > 0;
            const sku = readPath(acr.props, "sku.name");
            if (isPrivate && !registrySkuAllowsPrivateEndpoints(sku)) {
                report(`sku.name is ${show(sku)} but registry ${acr.name} is private; set it to Premium`, acr);
            }
        }
    },
});

/** Export disabled (production). */
export const acrExportDisabled = propertyPolicy({
    name: "acr-export-disabled",
    description: "Container registries must disable artifact export in production.",
    severity: "medium",
    productionGated: true,
    remediation: "Set policies.exportPolicy.status to disabled (requires publicNetworkAccess Disabled and Premium).",
    sources: { azurePolicy: ["524b0254"], mcsb: ["DP-2"] },
    controls: ["registry.export-disabled"],
    types: ACR,
    expectations: [{ path: "policies.exportPolicy.status", expect: is("disabled") }],
});

/** ARM-audience tokens off. */
export const acrArmAudienceTokensDisabled = propertyPolicy({
    name: "acr-arm-audience-tokens-disabled",
    description: "Container registries must not accept ARM-audience Entra tokens for registry authentication.",
    severity: "medium",
    remediation: "Set policies.azureADAuthenticationAsArmPolicy.status to disabled.",
    sources: { azurePolicy: ["42781ec6"], mcsb: ["IM-1"] },
    controls: ["registry.arm-audience-tokens-disabled"],
    types: ACR,
    expectations: [{ path: "policies.azureADAuthenticationAsArmPolicy.status", expect: is("disabled") }],
});

/**
 * Retention or soft delete (advisory). ACR does not allow both at once, so
 * either one enabled satisfies the control.
 */
export const acrRetentionSoftDelete = resourcePolicy({
    name: "acr-retention-soft-delete",
    description: "Container registries should enable an untagged-manifest retention policy or soft delete (ACR allows one of them at a time).",
    severity: "low",
    enforcementLevel: "advisory",
    remediation: "Set policies.retentionPolicy.status to enabled (Premium), or policies.softDeletePolicy.status to enabled.",
    sources: { psrule: ["Azure.ACR.Retention", "Azure.ACR.SoftDelete"], checkov: ["CKV_AZURE_167"], mcsb: ["BR-1"] },
    controls: ["registry.retention-soft-delete"],
    types: ACR,
    check: ({ props, report }) => {
        const retention = readPath(props, "policies.retentionPolicy.status");
        const softDelete = readPath(props, "policies.softDeletePolicy.status");
        if (!eqi(retention, "enabled") && !eqi(softDelete, "enabled")) {
            report(`policies.retentionPolicy.status is ${show(retention)} and policies.softDeletePolicy.status is ${show(softDelete)}; set one of them to enabled`);
        }
    },
});

/** Built-in scope maps that only pull. */
const READ_ONLY_BUILTIN_SCOPE_MAPS = ["_repositories_pull", "_repositories_pull_metadata_read"];

/** The only scope-map action allowed: read content of a repository (names may be nested, e.g. models/scoring). */
const READ_ONLY_ACTION = /^repositories\/[^/]+(\/[^/]+)*\/content\/read$/i;

/** Finds the ScopeMap a token uses (graph first, then by ID). */
function scopeMapOf(token: PolicyResource, all: PolicyResource[]): PolicyResource | undefined {
    const id = peek(() => token.props.scopeMapId);
    return ofType(all, TYPES.acrScopeMap).find(
        (r) => dependsThrough(token, "scopeMapId", r) || (typeof id === "string" && armId(r) === id.toLowerCase()),
    );
}

/** Registry tokens may only read content (edge devices pull). */
export const acrTokenScopeReadOnly = stackPolicy({
    name: "acr-token-scope-read-only",
    description: "Container registry tokens must use scope maps that only allow content/read.",
    severity: "high",
    remediation: "Point the token's scopeMapId at a ScopeMap whose actions are only repositories/<repo>/content/read.",
    sources: { azurePolicy: ["ff05e24e"], mcsb: ["PA-7"] },
    controls: ["registry.token-read-only"],
    types: [TYPES.acrToken],
    check: ({ subjects, resources, report }) => {
        for (const token of subjects) {
            const map = scopeMapOf(token, resources);
            if (map === undefined) {
                const id = peek(() => token.props.scopeMapId);
                const builtin = typeof id === "string" ? id.split("/").pop() : undefined;
                if (builtin !== undefined && !READ_ONLY_BUILTIN_SCOPE_MAPS.includes(builtin)) {
                    report(`token ${token.name} uses scope map ${builtin}, which allows more than content/read; use a read-only scope map`, token);
                }
                continue;
            }
            const extra = readArray(map.props, "actions").filter(
                (a) => !(typeof a === "string" && READ_ONLY_ACTION.test(a)),
            );
            if (extra.length > 0) {
                report(`scope map ${map.name} of token ${token.name} allows ${extra.map((a) => show(a)).join(", ")}; keep only repositories/<repo>/content/read`, token);
            }
        }
    },
});
