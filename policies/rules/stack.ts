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
    dnsZoneGroupsFor,
    hasPrivateEndpointWithDns,
    ofType,
    peek,
    privateEndpointsFor,
    referenceTo,
    refersTo,
    storageServicesFor,
    zoneNamesOf,
} from "../lib/relations";
import { eqi, isObject, normalizeLocation, readArray, readObject, readPath, type Obj } from "../lib/read";
import { readShared } from "../lib/remember";
import { TYPES } from "../lib/tokens";
import { isProjectWorkspace } from "../lib/workspace-kind";
import { ALL_CLOUDS, cloudOfLocation, cloudsOfStack, mlRegionsOf, privateLinkZones, type AzureCloud } from "../lib/clouds";
import { PRIVATE_LINK_ZONES, type PrivateLinkGroupId } from "../../components/network/private-link-zones";
import { TAGGABLE_TYPES } from "../lib/taggable";

export { TAGGABLE_TYPES };

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
    /** Allowed Azure regions (any spelling: "West Europe" or "westeurope"); absent: every Azure ML region of the stack's cloud. */
    allowedLocations?: string[];
}

/**
 * Resources only in allowed regions. Which regions is an organisation's choice
 * (data residency), so the default restricts nothing the stack's own cloud
 * offers: without `allowedLocations`, any region where Azure ML is offered in
 * the cloud(s) the stack's resources are in (components/clouds.ts, the table
 * config validation uses) is allowed, and a location no cloud's table knows is
 * reported. A provider deploys to one cloud, so a stack spans one in practice.
 */
export const allowedLocations = stackPolicy<LocationsConfig>({
    name: "allowed-locations",
    description: "Every resource with a location must be in an allowed Azure region (by default, any Azure ML region of the stack's cloud).",
    severity: "medium",
    remediation: "Deploy to one of the allowed regions, or extend allowedLocations in the policy config after a data-residency review.",
    sources: { azurePolicy: ["e56962a6", "e765b5de"] },
    controls: ["stack.allowed-locations"],
    types: [],
    config: {
        allowedLocations: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description: "Allowed regions; `global` is always allowed. Unset (the default): every region where Azure ML is offered in the stack's cloud.",
        },
    },
    check: ({ resources, config, report }) => {
        const listed = config.allowedLocations ?? mlRegionsOf(cloudsOfStack(resources));
        const allowed = new Set([...listed.map(normalizeLocation), "global"]);
        const hint = config.allowedLocations
            ? `use one of ${config.allowedLocations.join(", ")}`
            : listed.length > 0
              ? "use a region where Azure ML is offered in the stack's cloud"
              : `use a region where Azure ML is offered (${ALL_CLOUDS.join(", ")} regions)`;
        for (const r of resources) {
            if (!r.type.startsWith("azure-native:") || matchingExemption(r.name, config.exemptResourceNames) !== undefined) {
                continue;
            }
            // The location every resource's cloud was found from (lib/clouds.ts), read once per resource.
            const value = readShared(r, "location");
            const location = typeof value === "string" ? value : undefined;
            if (location !== undefined && !allowed.has(normalizeLocation(location))) {
                report(`location is ${location}; ${hint}`, r);
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

/** Group IDs of a private endpoint's connections (lower-cased). */
function groupIdsOf(pe: PolicyResource): string[] {
    const connections = [
        ...(peek(() => readArray(pe.props, "privateLinkServiceConnections")) as unknown[]),
        ...(peek(() => readArray(pe.props, "manualPrivateLinkServiceConnections")) as unknown[]),
    ];
    return connections.flatMap((c) => (peek(() => readArray(c, "groupIds")) as unknown[]).filter((g): g is string => typeof g === "string").map((g) => g.toLowerCase()));
}

/** Table group IDs by lower-cased name (`iotHub` is written in camel case). */
const KNOWN_GROUP_IDS = new Map((Object.keys(PRIVATE_LINK_ZONES) as PrivateLinkGroupId[]).map((g) => [g.toLowerCase(), g]));

/**
 * The service zone the endpoint's zone groups lack for its group IDs, per the shared
 * table (components/network/private-link-zones.ts) and the target's cloud
 * (from its location; else any cloud of the stack, then any cloud: the closest
 * complete set wins). Empty when they are complete or the names cannot be read.
 */
function missingZones(pe: PolicyResource, target: PolicyResource, all: PolicyResource[], stackClouds: () => AzureCloud[]): { groupId: string; missing: string[] }[] {
    const linked = new Set(dnsZoneGroupsFor(pe, all).flatMap((g) => zoneNamesOf(g)));
    if (linked.size === 0) {
        return [];
    }
    const location = peek(() => target.props.location);
    const own = cloudOfLocation(location);
    const candidates = own ? [own] : stackClouds().length > 0 ? stackClouds() : ALL_CLOUDS;
    const region = typeof location === "string" ? normalizeLocation(location) : "";
    const out: { groupId: string; missing: string[] }[] = [];
    for (const g of groupIdsOf(pe)) {
        const known = KNOWN_GROUP_IDS.get(g);
        // The workspace's two zones are ml-workspace-private-endpoint's job; the AKS API zone is
        // regional; Azure Monitor endpoints belong to a scope, not to the resource.
        if (known === undefined || known === "amlworkspace" || known === "management" || known === "azuremonitor") {
            continue;
        }
        // The first zone of a row is the service's own endpoint (blob, vault, registry, IoT hub);
        // later ones serve companions (the IoT hub's built-in Event Hub endpoint) and stay optional.
        const wanted = candidates.map((c) => privateLinkZones(known, c, region).slice(0, 1));
        if (wanted.some((w) => w.every((z) => linked.has(z)))) {
            continue;
        }
        const closest = wanted.reduce((best, w) => (w.filter((z) => linked.has(z)).length > best.filter((z) => linked.has(z)).length ? w : best));
        out.push({ groupId: known, missing: closest.filter((z) => !linked.has(z)) });
    }
    return out;
}

/** Private resources are reachable through a private endpoint with DNS. */
export const privateEndpointWhenPrivate = stackPolicy<PrivateDnsConfig>({
    name: "private-endpoint-when-private",
    description: "Every resource with public network access disabled must have a private endpoint with a private DNS zone group linking its service's zones.",
    severity: "high",
    remediation:
        "Add a network:PrivateEndpoint to the resource and a network:PrivateDnsZoneGroup linking the privatelink DNS zones of its group ID in the resource's cloud (components/network/private-link-zones.ts lists them).",
    sources: { other: ["Azure Private Link guidance", "Azure Private Endpoint private DNS zone values"], mcsb: ["NS-2"] },
    controls: ["stack.private-reachable"],
    types: Object.keys(PUBLIC_ACCESS_PATHS),
    config: PRIVATE_DNS_SCHEMA,
    check: ({ subjects, resources, config, report }) => {
        let clouds: AzureCloud[] | undefined;
        const stackClouds = (): AzureCloud[] => (clouds ??= [...cloudsOfStack(resources)]);
        for (const r of subjects) {
            if (!eqi(readPath(r.props, PUBLIC_ACCESS_PATHS[r.type]), "Disabled")) continue;
            // A hub's project is reached through the hub's private endpoint.
            if (r.type === TYPES.workspace && isProjectWorkspace(r.props)) continue;
            if (config.dnsManagedByPolicy ? privateEndpointsFor(r, resources).length === 0 : !hasPrivateEndpointWithDns(r, resources)) {
                const wanted = config.dnsManagedByPolicy ? "private endpoint; add one" : "private endpoint with a DNS zone group; add both";
                report(`${r.name} has ${PUBLIC_ACCESS_PATHS[r.type]} Disabled but no ${wanted}`, r);
                continue;
            }
            if (config.dnsManagedByPolicy) continue;
            for (const pe of privateEndpointsFor(r, resources)) {
                for (const { groupId, missing } of missingZones(pe, r, resources, stackClouds)) {
                    report(`the ${groupId} private endpoint ${pe.name} of ${r.name} is not linked to DNS zone(s) ${missing.join(", ")}; add them to its PrivateDnsZoneGroup`, r);
                }
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
        reportPlainSecrets(root, root, "", report);
    },
});

/**
 * Reports every plain value under a sensitive name in `node`, found at `path`
 * of `root` (the raw props). Module-level, not a closure per resource: it runs
 * on every node of every resource of the stack.
 */
function reportPlainSecrets(root: object, node: unknown, path: string, report: (message: string) => void): void {
    if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
            const v: unknown = node[i];
            // Only containers can hold a sensitive name; the path is spelled out for them alone.
            if (typeof v === "object" && v !== null) {
                reportPlainSecrets(root, v, `${path}[${i}]`, report);
            }
        }
        return;
    }
    if (!isObject(node)) {
        return;
    }
    const nameValue = sensitivePairName(node);
    for (const key of Object.keys(node)) {
        const value = node[key];
        if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
            continue;
        }
        const sensitive = isSensitiveName(key) || (key === "value" && nameValue !== undefined);
        if (sensitive && isPlaintextCandidate(value) && secretnessOf(root, node, key) === "plain") {
            report(`${joinPath(path, key)}${key === "value" && nameValue ? ` (${nameValue})` : ""} holds a plain value; make it a Pulumi secret`);
        } else if (typeof value === "object" && value !== null && secretnessOf(root, node, key) !== "secret") {
            reportPlainSecrets(root, value, joinPath(path, key), report);
        }
    }
}

/** `path.key` (or `key` at the root). */
function joinPath(path: string, key: string): string {
    return path === "" ? key : `${path}.${key}`;
}

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
        const toLogAnalytics = referenceTo(logAnalytics);
        const toStackWorkspace = (ds: PolicyResource): boolean => {
            const dest = peek(() => ds.props.workspaceId);
            if (logAnalytics.length === 0) {
                return typeof dest === "string" && dest !== "";
            }
            return toLogAnalytics(ds, "workspaceId", dest);
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
