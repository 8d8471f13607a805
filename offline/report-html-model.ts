/**
 * The HTML report's architecture diagram as data (pure: a captured stack in, groups, nodes and edges
 * out; offline/report-html-layout.ts places them, offline/report-html.ts draws them).
 *
 * What becomes a node: one per workspace (hub, project or standalone), associated resource (storage,
 * key vault, container registry, Application Insights, Log Analytics, Azure ML registry), network
 * piece (virtual network, subnet, private endpoint; the private DNS zones and their links as one
 * node), compute (AKS cluster, compute cluster, compute instance, Kubernetes compute), endpoint (the
 * one resource offline/endpoint-hosts.ts names per endpoint), IoT hub and IoT Edge device. Role
 * assignments are grouped: one "people" node per user or group principal, one "identities" node per
 * owner for the workload identities (service principals). Every other resource is shown by the node
 * of its nearest component that holds a node (a diagnostic setting by its storage account), so any
 * resource, and so any policy violation, has a node to point at.
 *
 * Grouping: the platform holds its own sections and one group per team (offline/plan-teams.ts);
 * each owner's nodes sit in sections (workspace, network, compute, people, IoT) and its endpoints in
 * one group per host (containers, Kubernetes, FPGA, IoT Edge). Edges come from property
 * dependencies (an input's value came from the other resource), for the relations a reader looks
 * for: a private endpoint to what it exposes, a project to its hub, an endpoint to its workspace,
 * compute or cluster, a workspace to its associated resources.
 *
 * Inputs are redacted (offline/plan.ts redact) before anything is read, so no secret reaches a label.
 */
import { createHash } from "node:crypto";
import { builtinRoleNameOf } from "../components/access/builtin-roles";
import type { EndpointHost } from "../components/serving/serving-enums";
import { endpointHostOf, HOST_GROUPS, HOST_LABELS, hostGroupOf } from "./endpoint-hosts";
import type { CapturedResource, CapturedStack } from "./graph";
import { redact } from "./plan";
import { teamsOf } from "./plan-teams";

/** What a node is (its `data-kind` in the HTML). */
export type NodeKind =
    | "workspace"
    | "storage"
    | "key-vault"
    | "container-registry"
    | "ml-registry"
    | "app-insights"
    | "log-analytics"
    | "vnet"
    | "subnet"
    | "private-endpoint"
    | "dns-zones"
    | "aks-cluster"
    | "compute-cluster"
    | "compute-instance"
    | "kubernetes-compute"
    | "people"
    | "identities"
    | "endpoint"
    | "iot-hub"
    | "iot-device";

/** Words for each kind (the legend and the node's second line). */
export const KIND_LABELS: Readonly<Record<NodeKind, string>> = {
    workspace: "Azure ML workspace",
    storage: "Storage account",
    "key-vault": "Key vault",
    "container-registry": "Container registry",
    "ml-registry": "Azure ML registry",
    "app-insights": "Application Insights",
    "log-analytics": "Log Analytics",
    vnet: "Virtual network",
    subnet: "Subnet",
    "private-endpoint": "Private endpoint",
    "dns-zones": "Private DNS zones",
    "aks-cluster": "AKS cluster",
    "compute-cluster": "Compute cluster",
    "compute-instance": "Compute instance",
    "kubernetes-compute": "Kubernetes compute",
    people: "People (role assignments)",
    identities: "Workload identities",
    endpoint: "Endpoint",
    "iot-hub": "IoT hub",
    "iot-device": "IoT Edge device",
};

/** Sections an owner's nodes are put in, in drawing order (endpoints go in host groups). */
const SECTIONS = [
    { key: "workspace", title: "Workspace and associated resources", kinds: ["workspace", "storage", "key-vault", "container-registry", "ml-registry", "app-insights", "log-analytics"] },
    { key: "network", title: "Network and private endpoints", kinds: ["vnet", "subnet", "private-endpoint", "dns-zones"] },
    { key: "compute", title: "Compute", kinds: ["aks-cluster", "compute-cluster", "compute-instance", "kubernetes-compute"] },
    { key: "people", title: "People and identities", kinds: ["people", "identities"] },
    { key: "iot", title: "IoT hub and devices", kinds: ["iot-hub", "iot-device"] },
] as const satisfies readonly { key: string; title: string; kinds: readonly NodeKind[] }[];

/** Kinds by type token, for types whose kind needs no input. */
const KIND_BY_TYPE: Readonly<Record<string, NodeKind>> = {
    "azure-native:machinelearningservices:Workspace": "workspace",
    "azure-native:storage:StorageAccount": "storage",
    "azure-native:keyvault:Vault": "key-vault",
    "azure-native:containerregistry:Registry": "container-registry",
    "azure-native:machinelearningservices:Registry": "ml-registry",
    "azure-native:applicationinsights:Component": "app-insights",
    "azure-native:operationalinsights:Workspace": "log-analytics",
    "azure-native:network:VirtualNetwork": "vnet",
    "azure-native:network:Subnet": "subnet",
    "azure-native:network:PrivateEndpoint": "private-endpoint",
    "azure-native:containerservice:ManagedCluster": "aks-cluster",
    "azure-native:iothub:IotHubResource": "iot-hub",
    "pulumi-nodejs:dynamic/edge:IotEdgeDevice": "iot-device",
};

/** Types drawn as the owner's one "Private DNS zones" node. */
const DNS_TYPES = new Set(["azure-native:privatedns:PrivateZone", "azure-native:privatedns:VirtualNetworkLink"]);
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
/** Principal types Azure gives people (and groups of them); the rest are workload identities. */
const PEOPLE_PRINCIPALS = new Set(["User", "Group", "ForeignGroup"]);

/**
 * Input names that carry a resource's Azure name, in the order tried: a child's own name before its
 * parent's (a compute or endpoint also names its workspace, a subnet its virtual network).
 */
const NAME_INPUTS = ["computeName", "endpointName", "privateEndpointName", "containerGroupName", "subnetName", "accountName", "vaultName", "registryName", "virtualNetworkName", "deviceId", "idPrefix", "workspaceName", "resourceName"];

/** One box of the diagram. */
export interface DiagramNode {
    /** HTML id, `node-<hash>`: stable across runs (from the URN or the aggregate's key). */
    id: string;
    /** What it is. */
    kind: NodeKind;
    /** First line: the Azure name (or the logical name). */
    label: string;
    /** Second line: the kind, or the host of an endpoint, or the count of an aggregate. */
    detail: string;
    /** The resources it stands for (one, or the aggregate's); the first is its own. */
    urns: string[];
    /** Team, undefined for the platform's own. */
    team?: string;
    /** Host of an endpoint. */
    host?: EndpointHost;
    /** Section or host-group id it sits in. */
    group: string;
    /** Tooltip: type and logical name(s). */
    tooltip: string;
}

/** A titled box holding nodes and groups. */
export interface DiagramGroup {
    /** HTML id, `group-…`. */
    id: string;
    /** Shown at its top. */
    title: string;
    /** platform, team, section or host (its `data-group` in the HTML). */
    kind: "platform" | "team" | "section" | "host";
    /** Nested groups, in drawing order. */
    groups: DiagramGroup[];
    /** Node ids directly inside. */
    nodes: string[];
}

/** A line from one node to another. */
export interface DiagramEdge {
    /** `edge-<from>-<to>`. */
    id: string;
    /** Node id. */
    from: string;
    /** Node id. */
    to: string;
}

/** The whole diagram. */
export interface DiagramModel {
    /** The platform group, holding everything. */
    root: DiagramGroup;
    /** Nodes by id, in drawing order. */
    nodes: Map<string, DiagramNode>;
    /** Edges, deduplicated. */
    edges: DiagramEdge[];
    /** The node that shows each resource (its own, its aggregate's, or its nearest component's). */
    nodeOfUrn: Map<string, string>;
}

/** A short stable id from a key (HTML ids must not carry URN punctuation). */
export function stableId(prefix: string, key: string): string {
    return `${prefix}-${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}

function slug(s: string): string {
    return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" && v !== "[unknown]" && v !== "[secret]" ? v : undefined);

/** The kind of a resource drawn on its own, undefined when it is not. */
function kindOf(r: CapturedResource, inputs: Record<string, unknown>, host: EndpointHost | undefined): NodeKind | undefined {
    if (!r.custom) return undefined;
    if (host !== undefined) return "endpoint";
    if (r.type === "azure-native:machinelearningservices:Compute") {
        const type = str((inputs.properties as Record<string, unknown> | undefined)?.computeType);
        return type === "AmlCompute" ? "compute-cluster" : type === "ComputeInstance" ? "compute-instance" : type === "Kubernetes" ? "kubernetes-compute" : undefined;
    }
    return KIND_BY_TYPE[r.type];
}

function azureName(r: CapturedResource, inputs: Record<string, unknown>): string {
    for (const k of NAME_INPUTS) {
        const v = str(inputs[k]);
        if (v) return v;
    }
    const meta = inputs.metadata as Record<string, unknown> | undefined;
    return str(meta?.name) ?? r.name;
}

function detailOf(kind: NodeKind, inputs: Record<string, unknown>, host: EndpointHost | undefined): string {
    if (host !== undefined) return HOST_LABELS[host];
    if (kind === "workspace") {
        const k = str(inputs.kind);
        return k === "Hub" ? "Azure ML hub" : k === "Project" ? "Azure ML project" : KIND_LABELS.workspace;
    }
    return KIND_LABELS[kind];
}

/** The name a role assignment gives its principal: the label its description starts with, else the principal ID. */
function principalLabel(inputs: Record<string, unknown>, principalId: string): string {
    const description = str(inputs.description);
    // Access grants write "<label>: <role> (granted by aml-workspace)"; data grants "<label> uses …".
    const m = description && /^([A-Za-z0-9][\w.@-]*)(?::| uses )/.exec(description);
    return m ? m[1] : principalId;
}

/** Builds the diagram of a captured stack. */
export function buildDiagramModel(stack: CapturedStack): DiagramModel {
    const teams = teamsOf(stack);
    const byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
    const inputsOf = new Map(stack.resources.map((r) => [r.urn, redact(r.inputs) as Record<string, unknown>]));
    const nodes = new Map<string, DiagramNode>();
    const nodeOfUrn = new Map<string, string>();
    const ownNode = new Set<string>(); // URNs drawn as their own node (edges start and end only there)
    // Owner key: "" for the platform, else the team.
    const owners: string[] = [""];
    const ownerOf = (urn: string): string => teams.get(urn) ?? "";
    for (const r of stack.resources) if (!owners.includes(ownerOf(r.urn))) owners.push(ownerOf(r.urn));
    const sectionId = (owner: string, key: string): string => `group-${owner === "" ? "platform" : `team-${slug(owner)}`}-${key}`;

    const add = (node: Omit<DiagramNode, "group"> & { section: string }): void => {
        const { section, ...rest } = node;
        nodes.set(node.id, { ...rest, group: section });
    };
    const aggregate = (id: string, kind: NodeKind, owner: string, section: string, label: string, r: CapturedResource): void => {
        const existing = nodes.get(id);
        if (existing) existing.urns.push(r.urn);
        else add({ id, kind, label, detail: "", urns: [r.urn], team: owner || undefined, section, tooltip: "" });
        nodeOfUrn.set(r.urn, id);
    };

    for (const r of stack.resources) {
        if (!r.custom) continue;
        const inputs = inputsOf.get(r.urn) ?? {};
        const owner = ownerOf(r.urn);
        const parentType = r.parent ? byUrn.get(r.parent)?.type : undefined;
        const host = endpointHostOf(r, parentType);
        const kind = kindOf(r, inputs, host);
        if (kind) {
            const id = stableId("node", r.urn);
            const section = kind === "endpoint" ? sectionId(owner, `endpoints-${hostGroupOf(host as EndpointHost).key}`) : sectionId(owner, (SECTIONS.find((s) => (s.kinds as readonly NodeKind[]).includes(kind)) as (typeof SECTIONS)[number]).key);
            add({ id, kind, label: azureName(r, inputs), detail: detailOf(kind, inputs, host), urns: [r.urn], team: owner || undefined, host, section, tooltip: `${r.type}\n${r.name}` });
            nodeOfUrn.set(r.urn, id);
            ownNode.add(r.urn);
        } else if (DNS_TYPES.has(r.type)) {
            aggregate(stableId("node", `dns:${owner}`), "dns-zones", owner, sectionId(owner, "network"), "Private DNS zones", r);
        } else if (r.type === ROLE_ASSIGNMENT) {
            const principalType = str(inputs.principalType) ?? "";
            const principalId = str(inputs.principalId) ?? "(unknown principal)";
            if (PEOPLE_PRINCIPALS.has(principalType)) aggregate(stableId("node", `people:${owner}:${principalId}`), "people", owner, sectionId(owner, "people"), principalLabel(inputs, principalId), r);
            else aggregate(stableId("node", `identities:${owner}`), "identities", owner, sectionId(owner, "people"), "Workload identities", r);
        }
    }

    // Aggregates: their count and what they hold.
    for (const n of nodes.values()) {
        if (n.kind === "dns-zones") {
            const zones = n.urns.filter((u) => byUrn.get(u)?.type === "azure-native:privatedns:PrivateZone");
            n.detail = `${zones.length} zone${zones.length === 1 ? "" : "s"}, ${n.urns.length - zones.length} network link${n.urns.length - zones.length === 1 ? "" : "s"}`;
            n.tooltip = zones.map((u) => str(inputsOf.get(u)?.privateZoneName) ?? byUrn.get(u)?.name).join("\n");
        } else if (n.kind === "people" || n.kind === "identities") {
            const roles = n.urns.map((u) => {
                const id = str(inputsOf.get(u)?.roleDefinitionId)?.split("/").pop() ?? "";
                return builtinRoleNameOf(id) ?? (id || "role");
            });
            const principals = new Set(n.urns.map((u) => str(inputsOf.get(u)?.principalId) ?? "?"));
            n.detail = n.kind === "people" ? `${principalKind(n.urns, inputsOf)}: ${roles.length} role${roles.length === 1 ? "" : "s"}` : `${principals.size} identit${principals.size === 1 ? "y" : "ies"}, ${roles.length} role${roles.length === 1 ? "" : "s"}`;
            n.tooltip = [...new Set(roles)].sort().join("\n");
        }
    }

    // Every other resource: the node of its nearest component (or custom parent) whose nodes all sit
    // in one section (a storage component: its account; not a team or the platform, which hold many).
    // A component's node: its own nodes before aggregates, the shallowest first (the Workspace
    // component's workspace, not the Log Analytics of its Monitoring child), then registration order.
    const firstNodeBelow = new Map<string, string>();
    const rank = new Map<string, number>();
    const sectionsBelow = new Map<string, Set<string>>();
    stack.resources.forEach((r, index) => {
        const id = nodeOfUrn.get(r.urn);
        if (!id) return;
        const own = ownNode.has(r.urn);
        let depth = 0;
        for (let p = r.parent; p && byUrn.has(p); p = byUrn.get(p)?.parent) {
            depth++;
            const score = (own ? 0 : 1e9) + depth * 1e6 + index;
            if (score < (rank.get(p) ?? Infinity)) {
                rank.set(p, score);
                firstNodeBelow.set(p, id);
            }
            // Aggregates (people, identities, DNS) cut across components: only own nodes count here.
            if (own) sectionsBelow.set(p, (sectionsBelow.get(p) ?? new Set()).add((nodes.get(id) as DiagramNode).group));
        }
    });
    for (const [urn, sections] of sectionsBelow) if (sections.size > 1) firstNodeBelow.delete(urn);
    for (const r of stack.resources) {
        if (nodeOfUrn.has(r.urn)) continue;
        // A component's own subtree first, then its ancestors'.
        for (let p: string | undefined = r.urn; p && byUrn.has(p); p = byUrn.get(p)?.parent) {
            const id = p === r.urn ? firstNodeBelow.get(p) : (nodeOfUrn.get(p) ?? firstNodeBelow.get(p));
            if (id) {
                nodeOfUrn.set(r.urn, id);
                break;
            }
            // Above a component of several sections nothing is nearer: no node rather than a wrong one.
            if ((sectionsBelow.get(p)?.size ?? 0) > 1) break;
        }
    }

    // Edges: property dependencies between nodes drawn on their own, for the relations that matter.
    const edges = new Map<string, DiagramEdge>();
    const link = (from: string, to: string): void => {
        if (from === to) return;
        const id = `edge-${from}-${to}`;
        if (!edges.has(id) && !edges.has(`edge-${to}-${from}`)) edges.set(id, { id, from, to });
    };
    for (const r of stack.resources) {
        if (!ownNode.has(r.urn)) continue;
        const from = nodes.get(nodeOfUrn.get(r.urn) as string) as DiagramNode;
        const deps = new Set(Object.values(r.propertyDependencies ?? {}).flat());
        // A Kubernetes object reaches its cluster through its provider's kubeconfig.
        const provider = r.provider?.split("::").slice(0, -1).join("::");
        const providerResource = provider ? byUrn.get(provider) : undefined;
        if (providerResource) for (const d of [...Object.values(providerResource.propertyDependencies ?? {}).flat(), ...providerResource.dependencies]) deps.add(d);
        for (const d of deps) {
            if (!ownNode.has(d)) continue;
            const to = nodes.get(nodeOfUrn.get(d) as string) as DiagramNode;
            if (wanted(from.kind, to.kind)) link(from.id, to.id);
        }
    }

    // Groups: the platform's sections, then one group per team with its sections; endpoints per host.
    const sectionsOf = (owner: string): DiagramGroup[] => {
        const out: DiagramGroup[] = [];
        const inSection = (id: string): string[] => [...nodes.values()].filter((n) => n.group === id).map((n) => n.id);
        for (const s of SECTIONS) {
            const id = sectionId(owner, s.key);
            const ids = inSection(id);
            if (ids.length) out.push({ id, title: s.title, kind: "section", groups: [], nodes: ids });
        }
        for (const h of HOST_GROUPS) {
            const id = sectionId(owner, `endpoints-${h.key}`);
            const ids = inSection(id);
            if (ids.length) out.push({ id, title: `Endpoints: ${h.title}`, kind: "host", groups: [], nodes: ids });
        }
        return out;
    };
    const teamGroups = owners
        .filter((o) => o !== "")
        .map((team): DiagramGroup => ({ id: `group-team-${slug(team)}`, title: `Team ${team}`, kind: "team", groups: sectionsOf(team), nodes: [] }))
        .filter((g) => g.groups.length > 0);
    const root: DiagramGroup = { id: "group-platform", title: `Platform ${stack.project}/${stack.stack}`, kind: "platform", groups: [...sectionsOf(""), ...teamGroups], nodes: [] };
    return { root, nodes, edges: [...edges.values()], nodeOfUrn };
}

function principalKind(urns: string[], inputsOf: Map<string, Record<string, unknown>>): string {
    const t = str(inputsOf.get(urns[0])?.principalType) ?? "principal";
    return t === "User" ? "user" : "group";
}

/** The relations drawn as edges (from the dependent resource to the one it uses). */
function wanted(from: NodeKind, to: NodeKind): boolean {
    switch (from) {
        case "private-endpoint":
            return to !== "subnet" && to !== "vnet";
        case "workspace":
            return to === "workspace" || to === "storage" || to === "key-vault" || to === "container-registry" || to === "app-insights";
        case "endpoint":
            return to === "workspace" || to === "kubernetes-compute" || to === "aks-cluster" || to === "iot-device";
        case "kubernetes-compute":
            return to === "aks-cluster";
        case "subnet":
            return to === "vnet";
        case "iot-device":
            return to === "iot-hub";
        default:
            return false;
    }
}
