/**
 * How stack policies find which resource refers to which. The analyzer gives
 * stack policies outputs plus the dependency graph; during preview an ID is
 * unknown, so a reference is recognised first through `propertyDependencies`
 * (always known), then by comparing ARM IDs when they are known.
 */
import type { PolicyResource } from "@pulumi/policy";
import { isUnknownValueError } from "./pulumi-internals";
import { readArray, readPath } from "./read";
import { remember } from "./remember";

/** Type tokens the relation helpers need. */
export const T = {
    diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    dnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    privateZone: "azure-native:privatedns:PrivateZone",
    /** The token azure-native v1/v2 used for private zones; still in older stacks' exports. */
    legacyPrivateZone: "azure-native:network:PrivateZone",
    logAnalytics: "azure-native:operationalinsights:Workspace",
    storageAccount: "azure-native:storage:StorageAccount",
} as const;

/**
 * Reads a value for matching only. An unknown value cannot match by value, and
 * the dependency graph still links the resources, so here (and only here) an
 * unknown is treated as "no value" instead of skipping the whole policy.
 */
export function peek(read: () => unknown): unknown {
    try {
        return read();
    } catch (e) {
        if (isUnknownValueError(e)) {
            return undefined;
        }
        throw e;
    }
}

const armIds = new WeakMap<PolicyResource, string | null>();

/** The ARM ID of a resource (outputs carry `id`), lower-cased, if known. */
export function armId(r: PolicyResource): string | undefined {
    let id = armIds.get(r);
    if (id === undefined) {
        const raw = peek(() => r.props.id);
        id = typeof raw === "string" && raw.startsWith("/") ? raw.toLowerCase() : null;
        armIds.set(r, id);
    }
    return id ?? undefined;
}

/** The Azure name of a resource (`name` output), if known. */
export function azureName(r: PolicyResource): string | undefined {
    const n = peek(() => r.props.name);
    return typeof n === "string" ? n : undefined;
}

/**
 * A name qualified by resource group ("rg/name", lower-cased), for matching by
 * name: child resources name their parent (accountName, privateEndpointName),
 * and such names are only unique within a resource group.
 */
export function qualifiedName(r: PolicyResource, name: unknown): string | undefined {
    if (typeof name !== "string") {
        return undefined;
    }
    const rg = peek(() => r.props.resourceGroupName);
    return `name:${typeof rg === "string" ? rg.toLowerCase() : ""}/${name.toLowerCase()}`;
}

/** True when input `prop` of `from` was computed from `target` (dependency graph). */
export function dependsThrough(from: PolicyResource, prop: string, target: PolicyResource): boolean {
    return (from.propertyDependencies[prop] ?? []).some((d) => d.urn === target.urn);
}

/** True when `value` is `target`'s ARM ID (or a sub-resource of it). */
export function isIdOf(value: unknown, target: PolicyResource): boolean {
    const id = armId(target);
    if (typeof value !== "string" || id === undefined) {
        return false;
    }
    const v = value.toLowerCase();
    return v === id || v.startsWith(`${id}/`);
}

/**
 * The lower-cased IDs `value` names or lies under: itself and every prefix
 * that ends before a "/". `isIdOf(value, t)` holds exactly when `armId(t)` is
 * one of them, so references can be matched with set lookups.
 */
export function idPrefixes(value: string): string[] {
    const v = value.toLowerCase();
    const out = [v];
    for (let i = v.indexOf("/"); i >= 0; i = v.indexOf("/", i + 1)) {
        out.push(v.slice(0, i));
    }
    return out;
}

/**
 * A test of whether input `prop` of `from`, whose value is `value`, refers to
 * one of `targets`: the same answer as
 * `targets.some((t) => dependsThrough(from, prop, t) || isIdOf(value, t))`,
 * by lookups instead of a scan of the targets for every reference.
 */
export function referenceTo(targets: readonly PolicyResource[]): (from: PolicyResource, prop: string, value: unknown) => boolean {
    const urns = new Set(targets.map((t) => t.urn));
    const ids = new Set(targets.map((t) => armId(t)).filter((id): id is string => id !== undefined));
    return (from, prop, value) =>
        (from.propertyDependencies[prop] ?? []).some((d) => urns.has(d.urn)) ||
        (typeof value === "string" && ids.size > 0 && idPrefixes(value).some((p) => ids.has(p)));
}

/** True when input `prop` of `from` refers to `target` (graph or ID). */
export function refersTo(from: PolicyResource, prop: string, target: PolicyResource): boolean {
    return dependsThrough(from, prop, target) || isIdOf(peek(() => readPath(from.props, prop)), target);
}

/**
 * Per-stack lookup tables, built once per `resources` array (one stack policy
 * evaluation) so relation queries are map lookups instead of scans of the
 * whole stack for every subject.
 */
interface StackIndex {
    /** Resources by type token. */
    byType: Map<string, PolicyResource[]>;
    /** Lazily built relation tables by name. */
    tables: Map<string, Map<string, PolicyResource[]>>;
    /** Position of each resource in the stack, to keep results in stack order (built when first needed). */
    position?: Map<PolicyResource, number>;
}

const indexes = new WeakMap<readonly PolicyResource[], StackIndex>();

function indexOf(all: readonly PolicyResource[]): StackIndex {
    let idx = indexes.get(all);
    if (!idx) {
        const byType = new Map<string, PolicyResource[]>();
        for (const r of all) {
            const list = byType.get(r.type);
            if (list) {
                list.push(r);
            } else {
                byType.set(r.type, [r]);
            }
        }
        idx = { byType, tables: new Map() };
        indexes.set(all, idx);
    }
    return idx;
}

/** Resources of `type` (indexed). */
export function ofType(all: readonly PolicyResource[], type: string): PolicyResource[] {
    return indexOf(all).byType.get(type) ?? [];
}

/** Builds (once) a table from keys to resources of `type`. */
function table(all: readonly PolicyResource[], name: string, type: string, keysOf: (r: PolicyResource) => Iterable<string>): Map<string, PolicyResource[]> {
    const idx = indexOf(all);
    let t = idx.tables.get(name);
    if (!t) {
        t = new Map();
        for (const r of ofType(all, type)) {
            // A resource's keys depend on it alone, so they are worked out once (lib/remember.ts).
            for (const key of remember(r, `table:${name}`, () => Object.freeze([...new Set(keysOf(r))]))) {
                const list = t.get(key);
                if (list) {
                    list.push(r);
                } else {
                    t.set(key, [r]);
                }
            }
        }
        idx.tables.set(name, t);
    }
    return t;
}

/** Looks `keys` up in a table, de-duplicated, in stack order. */
function lookup(t: Map<string, PolicyResource[]>, all: readonly PolicyResource[], keys: (string | undefined)[]): PolicyResource[] {
    const found = new Set<PolicyResource>();
    for (const k of keys) {
        for (const r of k === undefined ? [] : (t.get(k) ?? [])) {
            found.add(r);
        }
    }
    if (found.size <= 1) {
        return [...found];
    }
    const idx = indexOf(all);
    const position = (idx.position ??= new Map(all.map((r, i) => [r, i])));
    return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
}

/** An ARM ID and every parent ID of it ("/a/b/c" → "/a/b/c", "/a/b", "/a"), lower-cased. */
function idAndParents(value: unknown): string[] {
    if (typeof value !== "string" || !value.startsWith("/")) {
        return [];
    }
    const parts = value.toLowerCase().replace(/\/+$/, "").split("/");
    const out: string[] = [];
    for (let i = parts.length; i > 1; i--) {
        out.push(parts.slice(0, i).join("/"));
    }
    return out;
}

/** URNs input `prop` of `r` was computed from. */
function depUrns(r: PolicyResource, prop: string): string[] {
    return (r.propertyDependencies[prop] ?? []).map((d) => d.urn);
}

const DIAG_SUFFIX = "/providers/microsoft.insights/diagnosticsettings/";

/** Diagnostic settings whose `resourceUri` is `target` (or a sub-resource of it). */
export function diagnosticSettingsFor(target: PolicyResource, all: readonly PolicyResource[]): PolicyResource[] {
    const t = table(all, "diag", T.diagnosticSetting, (d) => {
        const keys = [...depUrns(d, "resourceUri"), ...idAndParents(peek(() => d.props.resourceUri))];
        // Outputs have no resourceUri; the setting's own ID is "<resourceUri>/providers/microsoft.insights/...".
        const own = armId(d);
        const at = own?.indexOf(DIAG_SUFFIX) ?? -1;
        if (own !== undefined && at > 0) {
            keys.push(own.slice(0, at));
        }
        return keys;
    });
    return lookup(t, all, [target.urn, armId(target)]);
}

/** Which log entries of a diagnostic setting count (case-insensitive); any enabled entry when both are absent. */
export interface LogFilter {
    /** Accepted `category` values (e.g. AuditEvent). */
    categories?: readonly string[];
    /** Accepted `categoryGroup` values (e.g. audit, allLogs). */
    groups?: readonly string[];
}

/**
 * True when diagnostic setting `ds` enables a log entry the filter accepts. A
 * setting with metrics only (no `logs`, or none enabled) sends no resource
 * logs. An unknown `logs` value throws, so the policy is skipped rather than
 * guessed.
 */
export function enablesLogs(ds: PolicyResource, filter: LogFilter = {}): boolean {
    const any = filter.categories === undefined && filter.groups === undefined;
    if (any && readPath(ds.props, "logs") === undefined && readPath(ds.props, "metrics") === undefined) {
        // Neither list is recorded (hand-written or output-only state): the setting exists, which is all we can tell.
        return true;
    }
    return readArray(ds.props, "logs").some(
        (l) =>
            readPath(l, "enabled") !== false &&
            (any
                ? typeof readPath(l, "category") === "string" || typeof readPath(l, "categoryGroup") === "string"
                : matches(readPath(l, "category"), filter.categories) || matches(readPath(l, "categoryGroup"), filter.groups)),
    );
}

/** True when `value` is one of `accepted` (case-insensitive). */
function matches(value: unknown, accepted: readonly string[] | undefined): boolean {
    return typeof value === "string" && accepted !== undefined && accepted.some((a) => a.toLowerCase() === value.toLowerCase());
}

/**
 * The outcome of looking for resource logs of `target`: "none" (no diagnostic
 * setting), "no-logs" (settings, but none enables an accepted log), or "ok".
 */
export function resourceLogsOf(target: PolicyResource, all: readonly PolicyResource[], filter: LogFilter = {}): "none" | "no-logs" | "ok" {
    const settings = diagnosticSettingsFor(target, all);
    if (settings.length === 0) {
        return "none";
    }
    return settings.some((ds) => enablesLogs(ds, filter)) ? "ok" : "no-logs";
}

/** The connections of private endpoint `pe` (automatic, then manual). */
function connectionsOf(pe: PolicyResource): unknown[] {
    return [
        ...(peek(() => readArray(pe.props, "privateLinkServiceConnections")) as unknown[]),
        ...(peek(() => readArray(pe.props, "manualPrivateLinkServiceConnections")) as unknown[]),
    ];
}

/** Private endpoints connected to `target`, optionally restricted to a group ID. */
export function privateEndpointsFor(target: PolicyResource, all: readonly PolicyResource[], groupId?: string): PolicyResource[] {
    const t = table(all, "pe", T.privateEndpoint, (pe) => [
        ...depUrns(pe, "privateLinkServiceConnections"),
        ...depUrns(pe, "manualPrivateLinkServiceConnections"),
        ...connectionsOf(pe).flatMap((c) => idAndParents(peek(() => readPath(c, "privateLinkServiceId")))),
    ]);
    const endpoints = lookup(t, all, [target.urn, armId(target)]);
    if (groupId === undefined) {
        return endpoints;
    }
    return endpoints.filter((pe) => {
        const connections = connectionsOf(pe);
        const matching = connections.filter((c) => isIdOf(peek(() => readPath(c, "privateLinkServiceId")), target));
        const candidates = matching.length > 0 ? matching : connections;
        return candidates.some((c) =>
            (peek(() => readArray(c, "groupIds")) as unknown[]).some(
                (g) => typeof g === "string" && g.toLowerCase() === groupId.toLowerCase(),
            ),
        );
    });
}

/**
 * URNs of the resources of `type` that `r` hangs off in the graph: its parent,
 * or what input `prop` was computed from. Other links do not count (every
 * resource has a parent, often the stack or a component, and a name may be
 * computed from a random suffix), so callers fall back to names when this is empty.
 */
function graphLinks(r: PolicyResource, prop: string, type: string): string[] {
    return [
        ...(r.parent?.type === type ? [r.parent.urn] : []),
        ...(r.propertyDependencies[prop] ?? []).filter((d) => d.type === type).map((d) => d.urn),
    ];
}

const ZONE_GROUP_SEGMENT = "/privatednszonegroups/";

/** DNS zone groups attached to private endpoint `pe`. */
export function dnsZoneGroupsFor(pe: PolicyResource, all: readonly PolicyResource[]): PolicyResource[] {
    const t = table(all, "dns", T.dnsZoneGroup, (g) => {
        const keys = graphLinks(g, "privateEndpointName", T.privateEndpoint);
        // Match by name only when the graph does not say which endpoint it belongs to.
        const named = keys.length === 0 ? qualifiedName(g, peek(() => g.props.privateEndpointName)) : undefined;
        if (named !== undefined) {
            keys.push(named);
        }
        // Outputs: the group's ID is "<private endpoint ID>/privateDnsZoneGroups/<name>".
        const own = armId(g);
        const at = own?.indexOf(ZONE_GROUP_SEGMENT) ?? -1;
        if (own !== undefined && at > 0) {
            keys.push(own.slice(0, at));
        }
        return keys;
    });
    return lookup(t, all, [pe.urn, qualifiedName(pe, azureName(pe) ?? peek(() => pe.props.privateEndpointName)), armId(pe)]);
}

/** Storage services (blob/file) of `account`, by graph, parent or account name. */
export function storageServicesFor(account: PolicyResource, all: readonly PolicyResource[], type: string): PolicyResource[] {
    const t = table(all, `services:${type}`, type, (s) => {
        const keys = graphLinks(s, "accountName", T.storageAccount);
        // Match by name only when the graph does not say which account it belongs to.
        const named = keys.length === 0 ? qualifiedName(s, peek(() => s.props.accountName)) : undefined;
        if (named !== undefined) {
            keys.push(named);
        }
        // Outputs: the service's ID is "<account ID>/blobServices/default".
        keys.push(...idAndParents(armId(s)).slice(1));
        return keys;
    });
    return lookup(t, all, [account.urn, armId(account), qualifiedName(account, azureName(account) ?? peek(() => account.props.accountName))]);
}

/** DNS zone names a zone group links (from zone IDs or the PrivateZone resources). */
export function zoneNamesOf(group: PolicyResource): string[] {
    const names = new Set<string>();
    for (const cfg of peek(() => readArray(group.props, "privateDnsZoneConfigs")) as unknown[]) {
        const zoneId = peek(() => readPath(cfg, "privateDnsZoneId"));
        if (typeof zoneId === "string" && zoneId.includes("/")) {
            names.add(zoneId.split("/").pop()!.toLowerCase());
        }
    }
    for (const dep of group.propertyDependencies["privateDnsZoneConfigs"] ?? []) {
        if (dep.type === T.privateZone || dep.type === T.legacyPrivateZone) {
            const zone = peek(() => dep.props.privateZoneName) ?? azureName(dep);
            if (typeof zone === "string") {
                names.add(zone.toLowerCase());
            }
        }
    }
    return [...names];
}

/** True when `r` has a private endpoint with a DNS zone group. */
export function hasPrivateEndpointWithDns(r: PolicyResource, all: readonly PolicyResource[], groupId?: string): boolean {
    return privateEndpointsFor(r, all, groupId).some((pe) => dnsZoneGroupsFor(pe, all).length > 0);
}
