/**
 * The HTML report (`plan --html <file>`, `audit --format html`): ONE self-contained file, with no
 * request leaving it (a Content-Security-Policy of `default-src 'none'` says so to the browser; no
 * font, image, style sheet or script is loaded from anywhere): the summary, the cost and deploy-time
 * estimates, the architecture diagram as inline SVG (offline/report-html-model.ts, placed by elkjs in
 * offline/report-html-layout.ts), the policy violations with their remediation, each linked to its
 * node on the diagram and its row in the table, and a searchable table of every resource.
 *
 * Everything printed is escaped; resource inputs are read redacted (the model does it), and only
 * names, types and counts are printed from them, never an input's value.
 */
import type { EndpointHost } from "../components/serving/serving-enums";
import type { CostEstimate } from "./cost-estimate";
import { criticalPath, type DeployTimeEstimate } from "./critical-path";
import { DEPLOY_TIME_SOURCE } from "./deploy-time-report";
import { estimateCost } from "./cost-estimate";
import { HOST_GROUPS, HOST_LABELS } from "./endpoint-hosts";
import type { CapturedStack } from "./graph";
import { summarize } from "./plan";
import { teamsOf } from "./plan-teams";
import type { PolicyReport, Violation } from "./policy-report";
import { GROUP_TITLE_HEIGHT, layoutDiagram, shortLabel, type DiagramLayout } from "./report-html-layout";
import { buildDiagramModel, KIND_LABELS, stableId, type DiagramGroup, type DiagramModel, type DiagramNode, type NodeKind } from "./report-html-model";

/** What the report shows. */
export interface HtmlReportInput {
    /** The captured (plan) or exported (audit) stack. */
    stack: CapturedStack;
    /** The policy results. */
    report: PolicyReport;
    /** What produced it, e.g. "offline plan of stacks/Pulumi.prod.yaml". */
    source: string;
    /** The cost estimate. Default: none (section omitted). */
    costEstimate?: CostEstimate;
    /** The deploy-time estimate. Default: none (section omitted). */
    deployTime?: DeployTimeEstimate;
}

/** Escapes text for HTML content and attribute values. */
export function esc(s: unknown): string {
    return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** Fill colour of each kind (the legend shows them). */
const KIND_COLORS: Readonly<Record<NodeKind, string>> = {
    workspace: "#2563eb",
    storage: "#0d9488",
    "key-vault": "#ca8a04",
    "container-registry": "#7c3aed",
    "ml-registry": "#9333ea",
    "app-insights": "#db2777",
    "log-analytics": "#be185d",
    vnet: "#475569",
    subnet: "#64748b",
    "private-endpoint": "#0891b2",
    "dns-zones": "#94a3b8",
    "aks-cluster": "#15803d",
    "compute-cluster": "#16a34a",
    "compute-instance": "#22c55e",
    "kubernetes-compute": "#4d7c0f",
    people: "#ea580c",
    identities: "#f97316",
    endpoint: "#dc2626",
    "iot-hub": "#0369a1",
    "iot-device": "#0284c7",
};

const usd = (n: number): string => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const minutes = (m: number): string => `${Number.isInteger(m) ? m : m.toFixed(1)} min`;

/** Writes the report for a plan or an audit: builds the diagram, lays it out, renders the page. */
export async function renderHtmlReport(input: HtmlReportInput): Promise<string> {
    const model = buildDiagramModel(input.stack);
    const layout = await layoutDiagram(model);
    return renderHtml(input, model, layout);
}

/**
 * The report of an audited stack export: the same page, with the cost and deploy-time estimates
 * computed from the export's inputs (the deploy time is left out when the export's dependencies
 * form a cycle, which a real export never has).
 */
export async function renderAuditHtml(stack: CapturedStack, report: PolicyReport, file: string): Promise<string> {
    let deployTime: DeployTimeEstimate | undefined;
    try {
        deployTime = criticalPath(stack);
    } catch {
        deployTime = undefined;
    }
    return renderHtmlReport({ stack, report, source: `audit of the stack export ${file}`, costEstimate: estimateCost(stack), deployTime });
}

/** Renders the page from a placed diagram (pure). */
export function renderHtml(input: HtmlReportInput, model: DiagramModel, layout: DiagramLayout): string {
    const { stack, report } = input;
    const title = `${stack.project}/${stack.stack}: architecture and policy report`;
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        // Nothing may be fetched: the page is complete as written.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${esc(title)}</title>`,
        `<style>${STYLE}</style>`,
        "</head>",
        "<body>",
        `<header><h1>${esc(title)}</h1><p class="source">${esc(input.source)}${stack.preview ? " (preview: some values unknown)" : ""}; offline, no Azure account used.</p></header>`,
        renderSummary(input, model),
        input.costEstimate ? renderCost(input.costEstimate) : "",
        input.deployTime ? renderDeployTime(input.deployTime) : "",
        renderDiagram(model, layout),
        renderViolations(report, model),
        renderResources(stack, model),
        `<script>${SCRIPT}</script>`,
        "</body>",
        "</html>",
        "",
    ].join("\n");
}

function renderSummary(input: HtmlReportInput, model: DiagramModel): string {
    const s = summarize(input.stack);
    const r = input.report.summary;
    const nodes = [...model.nodes.values()];
    const count = (kind: NodeKind): number => nodes.filter((n) => n.kind === kind).length;
    const hosts = HOST_GROUPS.map((g) => [g.title, nodes.filter((n) => n.host !== undefined && (g.hosts as readonly EndpointHost[]).includes(n.host)).length] as const).filter(([, n]) => n > 0);
    const verdict = r.passed ? (r.advisory > 0 ? "passed with advisories" : "passed") : "failed";
    const rows: [string, string][] = [
        ["Resources", `${s.total} (${s.custom} Azure and Kubernetes resources, ${s.components} components; ${s.protected} protected)`],
        ["Workspaces", String(count("workspace"))],
        ["Endpoints", `${count("endpoint")}${hosts.length ? ` (${hosts.map(([t, n]) => `${t}: ${n}`).join(", ")})` : ""}`],
        ["Private endpoints", String(count("private-endpoint"))],
        ["Policies", `${verdict}: ${r.mandatory} mandatory, ${r.advisory} advisory violation${r.violations === 1 ? "" : "s"}; ${r.policiesEvaluated} policies evaluated, ${r.skipped} skipped, ${r.errors} failed`],
    ];
    if (input.costEstimate) rows.push(["Monthly cost (estimate)", `${usd(input.costEstimate.total)} ${esc(input.costEstimate.currency)}, list prices; see below`]);
    if (input.deployTime) rows.push(["Deploy time (estimate)", `~${minutes(input.deployTime.totalMinutes)} on the critical path`]);
    return `<section id="summary"><h2>Summary</h2><table class="kv" data-verdict="${esc(verdict)}">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</table></section>`;
}

function renderCost(e: CostEstimate): string {
    const rows = e.teams.map((t) => `<tr><td>${esc(t.team)}</td><td class="num">${esc(usd(t.monthly))}</td></tr>`).join("");
    const kinds = new Map<string, number>();
    for (const u of e.usageBased) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    const sources = [...new Set(e.lines.map((l) => l.source))];
    return [
        '<section id="cost"><h2>Monthly cost (estimate)</h2>',
        `<p class="note">${esc(e.label)}. List prices in ${esc(e.currency)} from the toolkit's price table of ${esc(e.priceTableDate)} (${esc(e.priceRegion)} prices; the plan deploys to ${esc(e.region)}), ${e.hoursPerMonth} h per month; ${e.estimatedLines} of ${e.lines.length} priced items are toolkit estimates to verify on the Azure pricing calculator.</p>`,
        `<table class="grid" id="cost-table"><thead><tr><th>Team</th><th>Per month</th></tr></thead><tbody>${rows}<tr class="total"><td>total</td><td class="num">${esc(usd(e.total))}</td></tr></tbody></table>`,
        e.unpriced.length ? `<p class="note">Not counted ($0): ${esc(e.unpriced.map((u) => `${u.resource} (${u.reason})`).join("; "))}</p>` : "",
        kinds.size ? `<p class="note">Usage-based, not estimated: ${esc([...kinds].map(([k, n]) => `${k} (${n})`).join(", "))}</p>` : "",
        `<details><summary>Priced items (${e.lines.length}) and price sources (${sources.length})</summary><table class="grid"><thead><tr><th>Team</th><th>Resource</th><th>Item</th><th>Quantity</th><th>Per month</th><th>Basis</th></tr></thead><tbody>`,
        e.lines.map((l) => `<tr><td>${esc(l.team)}</td><td>${esc(l.resource)}</td><td>${esc(l.item)}${l.note ? `<br><small>${esc(l.note)}</small>` : ""}</td><td class="num">${esc(l.quantity)}</td><td class="num">${esc(usd(l.monthly))}</td><td>${esc(l.basis)}</td></tr>`).join(""),
        `</tbody></table><ul class="sources">${sources.map((s) => `<li>${esc(s)}</li>`).join("")}</ul></details>`,
        "</section>",
    ].join("\n");
}

function renderDeployTime(d: DeployTimeEstimate): string {
    return [
        '<section id="deploy-time"><h2>Deploy time (estimate)</h2>',
        `<p>~${esc(minutes(d.totalMinutes))} on the critical path. <span class="note">${esc(DEPLOY_TIME_SOURCE)}.</span></p>`,
        '<table class="grid" id="critical-path"><thead><tr><th>Minutes</th><th>Type</th><th>Resource</th></tr></thead><tbody>',
        d.criticalPath.map((s) => `<tr><td class="num">${esc(minutes(s.minutes))}</td><td>${esc(s.type)}</td><td>${esc(s.name)}${s.known ? "" : " <small>(default: type not in the table)</small>"}</td></tr>`).join(""),
        "</tbody></table>",
        d.defaultedTypes.length ? `<p class="note">Types without a nominal time (default used): ${esc(d.defaultedTypes.join(", "))}</p>` : "",
        "</section>",
    ].join("\n");
}

function renderDiagram(model: DiagramModel, layout: DiagramLayout): string {
    const parts: string[] = [];
    const group = (g: DiagramGroup, depth: number): void => {
        const b = layout.boxes.get(g.id);
        if (!b) return;
        parts.push(
            `<g class="group group-${g.kind}" id="${esc(g.id)}" data-group="${esc(g.kind)}"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6"/>` +
                `<text class="group-title" x="${b.x + 10}" y="${b.y + GROUP_TITLE_HEIGHT - 8}">${esc(g.title)}</text></g>`,
        );
        for (const c of g.groups) group(c, depth + 1);
    };
    group(model.root, 0);
    for (const e of model.edges) {
        const pts = layout.routes.get(e.id);
        if (!pts || pts.length < 2) continue;
        parts.push(`<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${pts.map((p, i) => `${i === 0 ? "M" : "L"}${round(p.x)} ${round(p.y)}`).join(" ")}" marker-end="url(#arrow)"/>`);
    }
    for (const n of model.nodes.values()) parts.push(renderNode(n, layout));
    const kinds = [...new Set([...model.nodes.values()].map((n) => n.kind))];
    const legend = kinds.map((k) => `<li><span class="swatch" style="background:${KIND_COLORS[k]}"></span>${esc(KIND_LABELS[k])}</li>`).join("");
    const hosts = [...new Set([...model.nodes.values()].filter((n) => n.host).map((n) => n.host as EndpointHost))];
    return [
        '<section id="diagram"><h2>Architecture</h2>',
        '<p class="note">Drawn from the captured resource graph: the platform, each team with its workspace, network and private endpoints, people and compute, and endpoints grouped by where they run. Arrows point from a resource to the one it uses (a private endpoint to what it exposes, a project to its hub, an endpoint to its workspace or cluster). Hover a box for its type and names, click it for its row in the resource table; a violation links to its box.</p>',
        `<ul class="legend">${legend}</ul>`,
        hosts.length ? `<p class="note">Endpoint hosts: ${esc(hosts.map((h) => HOST_LABELS[h]).join(", "))}.</p>` : "",
        `<div class="diagram-wrap"><svg id="architecture" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Architecture diagram" viewBox="0 0 ${round(layout.width)} ${round(layout.height)}" width="${round(layout.width)}" height="${round(layout.height)}">`,
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#64748b"/></marker></defs>',
        ...parts,
        "</svg></div></section>",
    ].join("\n");
}

const round = (n: number): number => Math.round(n * 10) / 10;

function renderNode(n: DiagramNode, layout: DiagramLayout): string {
    const b = layout.boxes.get(n.id);
    if (!b) return "";
    const color = KIND_COLORS[n.kind];
    const host = n.host ? ` data-host="${esc(n.host)}"` : "";
    const team = ` data-team="${esc(n.team ?? "platform")}"`;
    return (
        // A box links to its resource's row in the table (an aggregate: its first resource's).
        `<a href="#${esc(stableId("row", n.urns[0]))}"><g class="node" id="${esc(n.id)}" data-kind="${esc(n.kind)}" data-urn="${esc(n.urns[0])}"${host}${team} tabindex="0">` +
        `<title>${esc(`${KIND_LABELS[n.kind]}: ${n.label}\n${n.tooltip}`)}</title>` +
        `<rect class="box" x="${round(b.x)}" y="${round(b.y)}" width="${round(b.width)}" height="${round(b.height)}" rx="4"/>` +
        `<rect x="${round(b.x)}" y="${round(b.y)}" width="6" height="${round(b.height)}" fill="${color}"/>` +
        `<text class="label" x="${round(b.x + 12)}" y="${round(b.y + 17)}">${esc(shortLabel(n.label))}</text>` +
        `<text class="detail" x="${round(b.x + 12)}" y="${round(b.y + 33)}">${esc(n.detail)}</text></g></a>`
    );
}

function renderViolations(report: PolicyReport, model: DiagramModel): string {
    const meta = new Map(report.policies.map((p) => [p.name, p]));
    const row = (v: Violation, i: number): string => {
        const node = model.nodeOfUrn.get(v.urn);
        const [headline, ...detail] = v.message.split("\n");
        const links = node
            ? `<a class="goto" href="#${esc(node)}" data-node="${esc(node)}">on the diagram</a> · <a href="#${esc(stableId("row", v.urn))}">in the table</a>`
            : v.resourceName
              ? `<a href="#${esc(stableId("row", v.urn))}">in the table</a>`
              : "stack-wide";
        return (
            `<tr id="violation-${i}" class="violation level-${esc(v.enforcementLevel)}" data-policy="${esc(v.policyName)}" data-node="${esc(node ?? "")}">` +
            `<td><span class="badge ${esc(v.enforcementLevel)}">${esc(v.enforcementLevel)}</span><br><small>${esc(v.severity)}</small></td>` +
            `<td><strong>${esc(v.policyName)}</strong><br>${esc(headline)}</td>` +
            `<td>${esc(v.resourceName ?? "(stack)")}<br><small>${esc(v.resourceType ?? "")}</small><br>${links}</td>` +
            `<td>${esc(detail.join("\n"))}</td>` +
            `<td class="remediation">${esc(meta.get(v.policyName)?.remediation ?? "")}</td></tr>`
        );
    };
    const s = report.summary;
    return [
        `<section id="violations"><h2>Policy violations (${report.violations.length})</h2>`,
        `<p class="note">${s.mandatory} mandatory (fail the deployment), ${s.advisory} advisory. ${report.skipped.length} evaluation${report.skipped.length === 1 ? "" : "s"} skipped on unknown values, ${report.errors.length} polic${report.errors.length === 1 ? "y" : "ies"} failed.</p>`,
        report.violations.length === 0
            ? '<p class="ok">No violations.</p>'
            : `<table class="grid" id="violation-table"><thead><tr><th>Level</th><th>Policy</th><th>Resource</th><th>Finding</th><th>Remediation</th></tr></thead><tbody>${report.violations.map(row).join("")}</tbody></table>`,
        report.errors.length ? `<h3>Policies that failed</h3><ul>${report.errors.map((e) => `<li>${esc(e.policyName)}: ${esc(e.message)}</li>`).join("")}</ul>` : "",
        "</section>",
    ].join("\n");
}

function renderResources(stack: CapturedStack, model: DiagramModel): string {
    const teams = teamsOf(stack);
    const rows = stack.resources.map((r) => {
        const node = model.nodeOfUrn.get(r.urn);
        const own = node !== undefined && model.nodes.get(node)?.urns.length === 1 && model.nodes.get(node)?.urns[0] === r.urn;
        const marks = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""].filter(Boolean).join(", ");
        return (
            `<tr id="${esc(stableId("row", r.urn))}" data-urn="${esc(r.urn)}">` +
            `<td>${esc(r.name)}</td><td>${esc(r.type)}</td><td>${esc(teams.get(r.urn) ?? "platform")}</td>` +
            `<td>${node ? `<a class="goto" href="#${esc(node)}" data-node="${esc(node)}">${own ? "its box" : "shown in"}: ${esc(shortLabel(model.nodes.get(node)?.label ?? ""))}</a>` : ""}</td><td>${esc(marks)}</td></tr>`
        );
    });
    return [
        `<section id="resources"><h2>Resources (<span id="resource-count">${stack.resources.length}</span> of ${stack.resources.length})</h2>`,
        '<p><label for="resource-search">Search name, type or team: </label><input id="resource-search" type="search" autocomplete="off" placeholder="e.g. PrivateEndpoint or risk"></p>',
        `<div class="table-wrap"><table class="grid" id="resource-table"><thead><tr><th>Name</th><th>Type</th><th>Team</th><th>Diagram</th><th>Lifecycle</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
        "</section>",
    ].join("\n");
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 24px 48px;color:#0f172a;background:#fff}
h1{font-size:22px;margin:20px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0;padding-bottom:4px}
.source,.note{color:#475569}.note{font-size:13px}
table.kv th{text-align:left;padding:2px 16px 2px 0;font-weight:600;vertical-align:top}
table.grid{border-collapse:collapse;width:100%;font-size:13px}table.grid th,table.grid td{border:1px solid #e2e8f0;padding:4px 6px;text-align:left;vertical-align:top}
table.grid thead th{background:#f1f5f9;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:700}
td.remediation{white-space:pre-wrap;max-width:38em}
.badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px}.badge.mandatory{background:#b91c1c}.badge.advisory{background:#b45309}
.ok{color:#15803d;font-weight:600}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:12px}.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.diagram-wrap{border:1px solid #e2e8f0;border-radius:6px;overflow:auto;max-height:none}
#architecture{display:block;max-width:100%;height:auto;font-family:system-ui,"DejaVu Sans",sans-serif}
.group rect{fill:#f8fafc;stroke:#cbd5e1}.group-platform>rect{fill:#fff;stroke:#94a3b8;stroke-width:1.5}.group-team>rect{fill:#eff6ff;stroke:#93c5fd;stroke-width:1.5}
.group-host>rect{fill:#fef2f2;stroke:#fca5a5}.group-title{font-size:13px;font-weight:600;fill:#334155}
.node .box{fill:#fff;stroke:#94a3b8}.node .label{font-size:12px;font-weight:600;fill:#0f172a}.node .detail{font-size:11px;fill:#475569}
.node:target .box,.node.highlight .box{stroke:#dc2626;stroke-width:3;fill:#fee2e2}
.edge{fill:none;stroke:#94a3b8;stroke-width:1.2}
tr.highlight td,tr:target td{background:#fef9c3}
.table-wrap{max-height:32em;overflow:auto;border:1px solid #e2e8f0}
`;

/** Table search and "go to the box": the only script, inline. */
const SCRIPT = `
(function(){
  var input=document.getElementById('resource-search');
  var rows=[].slice.call(document.querySelectorAll('#resource-table tbody tr'));
  var count=document.getElementById('resource-count');
  if(input){input.addEventListener('input',function(){
    var q=input.value.trim().toLowerCase();var shown=0;
    rows.forEach(function(r){var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!hit;if(hit)shown++;});
    count.textContent=String(shown);
  });}
  document.addEventListener('click',function(e){
    var a=e.target.closest?e.target.closest('a.goto'):null;if(!a)return;
    var node=document.getElementById(a.getAttribute('data-node'));if(!node)return;
    e.preventDefault();
    [].forEach.call(document.querySelectorAll('.node.highlight'),function(n){n.classList.remove('highlight');});
    node.classList.add('highlight');
    node.scrollIntoView({block:'center',inline:'center'});
    if(history.replaceState)history.replaceState(null,'','#'+node.id);
  });
})();
`;
