/**
 * Places the HTML report's diagram (offline/report-html-model.ts) with elkjs, the JavaScript build of
 * the Eclipse Layout Kernel: a layout library made for compound graphs (boxes inside boxes with
 * edges crossing them), so no coordinate is hand-placed. It runs here, in Node, when the report is
 * written: the HTML then carries a finished SVG and needs no script or library to draw it.
 *
 * The layered algorithm lays the whole hierarchy out at once (hierarchyHandling INCLUDE_CHILDREN)
 * so edges between groups (a private endpoint to its storage account in a team) are routed through
 * the group borders; coordinates come back relative to the root (json.shapeCoords/edgeCoords ROOT),
 * which is what one flat SVG needs.
 */
// The bundled build runs the layout in this thread, with no worker file to find at run time.
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { DiagramGroup, DiagramModel } from "./report-html-model";

/** A placed box, absolute. */
export interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
}

/** The placed diagram. */
export interface DiagramLayout {
    /** Size of the whole drawing. */
    width: number;
    height: number;
    /** Nodes and groups by id. */
    boxes: Map<string, Box>;
    /** Each edge's route (start, bends, end). */
    routes: Map<string, { x: number; y: number }[]>;
}

/** Height of a node box (two lines of text). */
export const NODE_HEIGHT = 42;
/** Room above a group's content for its title. */
export const GROUP_TITLE_HEIGHT = 26;
/** Characters of a node's first line before it is shortened. */
export const MAX_LABEL_CHARS = 34;
/** Average glyph width of the node font (12 px sans-serif) used to size boxes. */
const CHAR_WIDTH = 7;

/** A label as drawn: shortened with an ellipsis past {@link MAX_LABEL_CHARS}. */
export function shortLabel(label: string, max = MAX_LABEL_CHARS): string {
    return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Width of a node box for its two lines. */
export function nodeWidth(label: string, detail: string): number {
    const chars = Math.max(shortLabel(label).length, detail.length * 0.9);
    return Math.round(Math.min(260, Math.max(140, chars * CHAR_WIDTH + 34)));
}

function toElk(model: DiagramModel, g: DiagramGroup): ElkNode {
    return {
        id: g.id,
        layoutOptions: {
            "elk.padding": `[top=${GROUP_TITLE_HEIGHT + 8},left=12,bottom=12,right=12]`,
            // Wide enough for its title.
            "elk.nodeSize.constraints": "MINIMUM_SIZE",
            "elk.nodeSize.minimum": `(${Math.round(g.title.length * CHAR_WIDTH + 30)}, 60)`,
        },
        children: [
            ...g.groups.map((c) => toElk(model, c)),
            ...g.nodes.map((id) => {
                const n = model.nodes.get(id);
                return { id, width: n ? nodeWidth(n.label, n.detail) : 140, height: NODE_HEIGHT };
            }),
        ],
    };
}

/** Lays the diagram out. */
export async function layoutDiagram(model: DiagramModel): Promise<DiagramLayout> {
    // Loaded here, not at the top: elkjs is 1.6 MB of JavaScript that only an HTML report needs, and
    // the plan CLI imports this module whether or not --html is given.
    const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
    const elk = new ELK();
    const graph: ElkNode = {
        id: "root",
        layoutOptions: {
            "elk.algorithm": "layered",
            "elk.direction": "RIGHT",
            "elk.hierarchyHandling": "INCLUDE_CHILDREN",
            "elk.edgeRouting": "ORTHOGONAL",
            "elk.spacing.nodeNode": "14",
            "elk.layered.spacing.nodeNodeBetweenLayers": "36",
            "elk.spacing.componentComponent": "24",
            "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
            "elk.json.shapeCoords": "ROOT",
            "elk.json.edgeCoords": "ROOT",
            "elk.padding": "[top=8,left=8,bottom=8,right=8]",
        },
        children: [toElk(model, model.root)],
        edges: model.edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.from], targets: [e.to] })),
    };
    const out = await elk.layout(graph);
    const boxes = new Map<string, Box>();
    const walk = (n: ElkNode): void => {
        if (n.id !== "root") boxes.set(n.id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
        for (const c of n.children ?? []) walk(c);
    };
    walk(out);
    const routes = new Map<string, { x: number; y: number }[]>();
    const collect = (n: ElkNode): void => {
        for (const e of n.edges ?? []) {
            const s = e.sections?.[0];
            if (s) routes.set(e.id, [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
        }
        for (const c of n.children ?? []) collect(c);
    };
    collect(out);
    return { width: out.width ?? 0, height: out.height ?? 0, boxes, routes };
}
