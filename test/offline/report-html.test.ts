/**
 * The HTML report's parts on a small hand-built stack (fast; the shipped stacks in a browser are
 * test/offline/report-html.e2e.test.ts): which resource is an endpoint on which host
 * (offline/endpoint-hosts.ts), the diagram model (nodes, groups, edges, the node each resource and
 * violation points at), the elkjs layout (every box placed, inside its group, none overlapping), and
 * the page (escaped, no secret, nothing loaded from anywhere, violations linked to their boxes).
 */
import type { CapturedResource, CapturedStack } from "../../offline/graph";
import { secret } from "../../offline/graph";
import { endpointHostOf } from "../../offline/endpoint-hosts";
import { estimateCost } from "../../offline/cost-estimate";
import { criticalPath } from "../../offline/critical-path";
import type { PolicyMeta, PolicyReport } from "../../offline/policy-report";
import { buildDiagramModel, stableId, type DiagramGroup } from "../../offline/report-html-model";
import { layoutDiagram, type DiagramLayout } from "../../offline/report-html-layout";
import { renderHtml } from "../../offline/report-html";

const SECRET = "s3cr3t-Value-never-printed";
const STACK = "unit";
const PROJECT = "aml-workspace";

/** A resource under `parent` (a URN), typed and named, with inputs. */
function r(type: string, name: string, inputs: Record<string, unknown> = {}, extra: Partial<CapturedResource> = {}): CapturedResource {
    const parentType = extra.parent ? extra.parent.split("::")[2] : undefined;
    return {
        type,
        name,
        urn: `urn:pulumi:${STACK}::${PROJECT}::${parentType ? `${parentType}$` : ""}${type}::${name}`,
        custom: !type.startsWith("aml-workspace:index:") && type !== "pulumi:pulumi:Stack",
        inputs,
        dependencies: [],
        propertyDependencies: {},
        protect: false,
        ...extra,
    };
}

const teamTags = { team: "risk", owner: "ml" };
const platformTags = { owner: "ml" };
const root = r("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);
const platform = r("aml-workspace:index:MlPlatform", "platform", {}, { parent: root.urn });
const hub = r("azure-native:machinelearningservices:Workspace", "hub-ws", { workspaceName: "mlw-hub", kind: "Hub", tags: platformTags }, { parent: platform.urn });
const storage = r("azure-native:storage:StorageAccount", "hub-sa", { accountName: "sthub", tags: platformTags }, { parent: platform.urn });
const pe = r("azure-native:network:PrivateEndpoint", "pe-blob", { privateEndpointName: "pep-blob", tags: platformTags }, { parent: platform.urn, propertyDependencies: { privateLinkServiceConnections: [storage.urn] } });
const zone = r("azure-native:privatedns:PrivateZone", "zone-blob", { privateZoneName: "privatelink.blob.core.windows.net", tags: platformTags }, { parent: platform.urn });
const team = r("aml-workspace:index:Team", "team-risk", {}, { parent: platform.urn });
const project = r("azure-native:machinelearningservices:Workspace", "risk-ws", { workspaceName: "mlw-risk", kind: "Project", tags: teamTags }, { parent: team.urn, propertyDependencies: { hubResourceId: [hub.urn] } });
const aciComponent = r("aml-workspace:index:ContainerGroupEndpoint", "risk-aci", {}, { parent: team.urn });
const aci = r(
    "azure-native:containerinstance:ContainerGroup",
    "risk-aci-group",
    { containerGroupName: "ci-risk", tags: teamTags, containers: [{ name: "score", environmentVariables: [{ name: "TOKEN", secureValue: secret(SECRET) }], resources: { requests: { cpu: 1, memoryInGB: 2 } } }] },
    { parent: aciComponent.urn },
);
const aciDiag = r("azure-native:monitor:DiagnosticSetting", "risk-aci-diag", {}, { parent: aciComponent.urn });
const managed = r("azure-native:machinelearningservices:OnlineEndpoint", "risk-managed", { endpointName: "ep-managed", workspaceName: "mlw-risk", properties: { authMode: "AADToken" }, tags: teamTags }, { parent: team.urn, propertyDependencies: { workspaceName: [project.urn] } });
const onK8s = r("azure-native:machinelearningservices:OnlineEndpoint", "risk-k8s-online", { endpointName: secret(SECRET), properties: { compute: "/subscriptions/x/computes/aks" }, tags: teamTags }, { parent: team.urn });
const k8sComponent = r("aml-workspace:index:KubernetesEndpoint", "risk-k8s-scorer", {}, { parent: team.urn });
const k8sDeployment = r("kubernetes:apps/v1:Deployment", "risk-k8s-scorer-deployment", { metadata: { name: "scorer" }, spec: { template: { spec: { containers: [] } } } }, { parent: k8sComponent.urn });
const fpgaComponent = r("aml-workspace:index:KubernetesEndpoint", "risk-fpga", {}, { parent: team.urn });
const fpgaDeployment = r("kubernetes:apps/v1:Deployment", "risk-fpga-deployment", { metadata: { name: "defect" }, spec: { template: { spec: { nodeSelector: { "aml-workspace/accelerator": "fpga" } } } } }, { parent: fpgaComponent.urn });
// A Deployment outside a KubernetesEndpoint (e.g. some other workload) is not an endpoint.
const otherDeployment = r("kubernetes:apps/v1:Deployment", "other-deployment", { metadata: { name: "other" } }, { parent: platform.urn });
const edge = r("pulumi-nodejs:dynamic/edge:IotEdgeDeployment", "line-deployment", { idPrefix: "plant-01-line" }, { parent: platform.urn });
const people = r("azure-native:authorization:RoleAssignment", "risk-ds-grant", { principalId: "00000000-0000-0000-0000-00000000a001", principalType: "Group", description: "risk-data-scientists: AzureML Data Scientist (granted by aml-workspace)", roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121" }, { parent: team.urn });
const identity = r("azure-native:authorization:RoleAssignment", "risk-aci-acr-pull", { principalId: "11111111-2222-3333-4444-555555555555", principalType: "ServicePrincipal", roleDefinitionId: "/x/7f951dda-4ed3-4680-a7ca-43fe172d538d" }, { parent: aciComponent.urn });
// A name a browser must not read as markup.
const oddName = r("azure-native:machinelearningservices:ModelContainer", "model-<img src=x onerror=alert(1)>", { tags: teamTags }, { parent: team.urn });

const stack: CapturedStack = {
    project: PROJECT,
    stack: STACK,
    preview: false,
    resources: [root, platform, hub, storage, pe, zone, team, project, aciComponent, aci, aciDiag, managed, onK8s, k8sComponent, k8sDeployment, fpgaComponent, fpgaDeployment, otherDeployment, edge, people, identity, oddName],
};

const meta = (name: string, remediation: string): PolicyMeta => ({ name, remediation, description: `${name} description` }) as PolicyMeta;
const report: PolicyReport = {
    violations: [
        { policyName: "diagnostics-enabled", enforcementLevel: "mandatory", severity: "high", urn: aciDiag.urn, message: "Diagnostics must be on.\ncategory X is off", resourceName: aciDiag.name, resourceType: aciDiag.type },
        { policyName: "storage-private", enforcementLevel: "advisory", severity: "medium", urn: storage.urn, message: "Storage should be private.\npublicNetworkAccess is Enabled", resourceName: storage.name, resourceType: storage.type },
    ],
    skipped: [],
    errors: [],
    warnings: [],
    summary: { project: PROJECT, stack: STACK, preview: false, resources: stack.resources.length, policiesEvaluated: 2, violations: 2, mandatory: 1, advisory: 1, skipped: 0, errors: 0, notApplicable: 0, passed: false },
    policies: [meta("diagnostics-enabled", "Send <all> categories to Log Analytics."), meta("storage-private", "Set publicNetworkAccess to Disabled.")],
    evaluated: [],
};

describe("endpoint hosts", () => {
    const parentType = (x: CapturedResource) => stack.resources.find((p) => p.urn === x.parent)?.type;
    it("names one resource per endpoint and its host; other resources are not endpoints", () => {
        const hosts = Object.fromEntries(stack.resources.map((x) => [x.name, endpointHostOf(x, parentType(x))]).filter(([, h]) => h !== undefined));
        expect(hosts).toEqual({
            "risk-aci-group": "containerInstance",
            "risk-managed": "managedOnline",
            "risk-k8s-online": "kubernetesOnline",
            "risk-k8s-scorer-deployment": "kubernetes",
            "risk-fpga-deployment": "fpga",
            "line-deployment": "iotEdge",
        });
    });
});

describe("the diagram", () => {
    const model = buildDiagramModel(stack);
    const nodes = [...model.nodes.values()];
    const byUrn = (x: CapturedResource) => model.nodes.get(model.nodeOfUrn.get(x.urn) as string);
    let layout: DiagramLayout;
    beforeAll(async () => {
        layout = await layoutDiagram(model);
    });

    it("has one node per workspace, endpoint and private endpoint, and aggregates DNS and role assignments", () => {
        const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
        expect([count("workspace"), count("endpoint"), count("private-endpoint"), count("storage"), count("dns-zones"), count("people"), count("identities")]).toEqual([2, 6, 1, 1, 1, 1, 1]);
        expect(byUrn(hub)).toMatchObject({ label: "mlw-hub", detail: "Azure ML hub", team: undefined });
        expect(byUrn(project)).toMatchObject({ label: "mlw-risk", detail: "Azure ML project", team: "risk" });
        // A secret name is not shown: the logical name stands in.
        expect(byUrn(onK8s)).toMatchObject({ label: "risk-k8s-online", detail: "online endpoint on Kubernetes" });
        expect(byUrn(people)).toMatchObject({ kind: "people", label: "risk-data-scientists", detail: "group: 1 role", tooltip: "AzureML Data Scientist" });
    });

    it("groups the team inside the platform, with one group per endpoint host", () => {
        const titles = (g: DiagramGroup): unknown => [g.title, ...g.groups.map(titles)];
        const teamGroup = model.root.groups.find((g) => g.kind === "team") as DiagramGroup;
        expect(teamGroup.title).toBe("Team risk");
        expect(teamGroup.groups.filter((g) => g.kind === "host").map((g) => g.title)).toEqual(["Endpoints: Container hosts", "Endpoints: Kubernetes hosts", "Endpoints: FPGA hosts"]);
        // The IoT Edge deployment is the platform's (no team tag on its ancestors).
        expect(model.root.groups.filter((g) => g.kind === "host").map((g) => g.title)).toEqual(["Endpoints: IoT Edge hosts"]);
        expect(JSON.stringify(titles(model.root))).toContain("Network and private endpoints");
    });

    it("points every resource at a node: its own, its aggregate's, or its component's", () => {
        expect(model.nodeOfUrn.get(aciDiag.urn)).toBe(model.nodeOfUrn.get(aci.urn));
        expect(byUrn(identity)?.kind).toBe("identities");
        expect(byUrn(zone)?.kind).toBe("dns-zones");
        // Components holding several sections (the platform, a team) and what hangs directly under them: no node, rather than a wrong one.
        for (const x of [root, platform, team, oddName]) expect([x.name, model.nodeOfUrn.has(x.urn)]).toEqual([x.name, false]);
    });

    it("draws edges for the relations that matter: private endpoint to its target, project to hub, endpoint to workspace", () => {
        const edges = model.edges.map((e) => `${model.nodes.get(e.from)?.label} -> ${model.nodes.get(e.to)?.label}`).sort();
        expect(edges).toEqual(["ep-managed -> mlw-risk", "mlw-risk -> mlw-hub", "pep-blob -> sthub"]);
    });

    it("places every node and group, each node inside its group, no two nodes overlapping", () => {
        for (const n of nodes) {
            const b = layout.boxes.get(n.id);
            const g = layout.boxes.get(n.group);
            expect(b && g && b.width > 0 && b.height > 0).toBe(true);
            if (!b || !g) continue;
            expect(b.x >= g.x && b.y >= g.y && b.x + b.width <= g.x + g.width + 0.01 && b.y + b.height <= g.y + g.height + 0.01).toBe(true);
        }
        const boxes = nodes.map((n) => layout.boxes.get(n.id) as { x: number; y: number; width: number; height: number });
        for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
                const [a, b] = [boxes[i], boxes[j]];
                expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
            }
        expect(model.edges.every((e) => (layout.routes.get(e.id)?.length ?? 0) >= 2)).toBe(true);
    });

    describe("the page", () => {
        let html: string;
        beforeAll(() => {
            html = renderHtml({ stack, report, source: "unit test", costEstimate: estimateCost(stack), deployTime: criticalPath(stack) }, model, layout);
        });

        it("carries one element per node with its kind and URN, and the counts in the summary", () => {
            expect(html.match(/<g class="node"[^>]* data-kind="endpoint"/g)).toHaveLength(6);
            expect(html.match(/data-kind="workspace"/g)).toHaveLength(2);
            expect(html).toContain(`data-urn="${aci.urn.replace(/\$/g, "$")}"`);
            expect(html).toMatch(/<th>Endpoints<\/th><td>6 \(Container hosts: 2, Kubernetes hosts: 2, FPGA hosts: 1, IoT Edge hosts: 1\)<\/td>/);
        });

        it("never prints a secret, and escapes names", () => {
            expect(html).not.toContain(SECRET);
            expect(html).not.toContain("<img");
            expect(html).toContain("model-&lt;img src=x onerror=alert(1)&gt;");
        });

        it("loads nothing: no src, no stylesheet link, every href an anchor in the page, and a CSP that forbids fetching", () => {
            // Attribute values aside (a URN may hold any text), no tag has a src attribute.
            expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z]+\b[^>]*\ssrc=/i);
            expect(html).not.toMatch(/<link\b/);
            for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href.startsWith("#")).toBe(true);
            expect(html).toContain("default-src 'none'");
            // Every anchor target exists.
            const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
            for (const [, href] of html.matchAll(/href="#([^"]*)"/g)) expect(ids.has(href)).toBe(true);
        });

        it("lists violations with level, policy, finding and remediation, linked to the box and the table row", () => {
            const row = /<tr id="violation-0"[^]*?<\/tr>/.exec(html)?.[0] ?? "";
            expect(row).toContain("mandatory");
            expect(row).toContain("diagnostics-enabled");
            expect(row).toContain("category X is off");
            expect(row).toContain("Send &lt;all&gt; categories to Log Analytics.");
            expect(row).toContain(`href="#${model.nodeOfUrn.get(aci.urn)}"`);
            expect(row).toContain(`href="#${stableId("row", aciDiag.urn)}"`);
        });

        it("shows the cost per team and in total as an estimate with its price source, and the critical path", () => {
            expect(html).toMatch(/<h2>Monthly cost \(estimate\)<\/h2>/);
            expect(html).toMatch(/<tr><td>risk<\/td><td class="num">\$[\d,.]+<\/td><\/tr>/);
            expect(html).toMatch(/<tr class="total"><td>total<\/td>/);
            expect(html).toContain("price table of");
            expect(html).toMatch(/<h2>Deploy time \(estimate\)<\/h2>\n<p>~[\d.]+ min on the critical path/);
        });

        it("has a row per resource for the search", () => {
            expect(html.match(/<tr id="row-/g)).toHaveLength(stack.resources.length);
        });
    });
});
