/**
 * Places a policy finding of a planned stack in its stack file, so SARIF
 * consumers (code scanning) can annotate the line to change. The stack
 * program builds every resource from the one platform config key, so that key
 * is always a correct place; a deeper key is used when the finding names a
 * setting the stack file actually contains.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { CONFIG_KEY } from "../stacks/config-errors";
import type { Finding, SourcePosition } from "./report-sarif";
import type { KeyLocation } from "./stack-file";

/** A property path at the start of a detail line: `properties.publicNetworkAccess is Enabled` → its segments. */
const PROPERTY_PATH = /^([A-Za-z_$][\w$]*(?:\[\d+\])*(?:\.[A-Za-z_$][\w$]*(?:\[\d+\])*)*)\b/;

/** The property names a finding's detail lines start with, most specific (last segment) first. */
function propertiesNamed(message: string): string[] {
    const names: string[] = [];
    for (const line of message.split("\n").slice(1)) {
        const m = PROPERTY_PATH.exec(line.trim());
        if (m) names.push(...m[1].replace(/\[\d+\]/g, "").split(".").reverse());
    }
    return [...new Set(names)];
}

/** Lower-case words of a resource's logical name (`platform-ml-keyVault-diag` → platform, ml, keyvault, diag). */
function nameWords(urn: string | undefined): string[] {
    if (!urn) return [];
    return urn.slice(urn.lastIndexOf("::") + 2).toLowerCase().split(/[-_.]+/);
}

const at = (k: KeyLocation): SourcePosition => ({ line: k.line, column: k.column });

/**
 * A locator for {@link toSarif}: the deepest platform config key a finding
 * points at, else the config section its resource was named after, else the
 * platform key itself. Matching is by key names the file really contains
 * (from the YAML parser's positions), never by searching the text.
 * @param keys every key of the stack file with its position ({@link readStackFile})
 * @param rootKey the program's config key; default `aml-workspace:platform`
 */
export function stackFileLocator(keys: readonly KeyLocation[], rootKey: string = CONFIG_KEY): (finding: Finding) => SourcePosition | undefined {
    const root = keys.find((k) => k.path.length === 1 && k.path[0] === rootKey);
    const under = keys.filter((k) => k.path.length > 1 && k.path[0] === rootKey);
    const sections = under.filter((k) => k.path.length === 2);
    const within = (prefix: string[]) => under.filter((k) => prefix.every((p, i) => k.path[i] === p) && k.path.length > prefix.length);
    return (finding) => {
        const words = nameWords(finding.urn);
        // The last word naming a section is the most specific (`...-storage-account-diag` → storage).
        const section = [...words].reverse().map((w) => sections.find((s) => s.path[1].toLowerCase() === w)).find((s) => s !== undefined);
        for (const property of propertiesNamed(finding.message)) {
            const inSection = section ? within(section.path).find((k) => k.path[k.path.length - 1] === property) : undefined;
            if (inSection) return at(inSection);
            const anywhere = under.filter((k) => k.path[k.path.length - 1] === property);
            if (anywhere.length === 1) return at(anywhere[0]);
        }
        if (section) return at(section);
        return root ? at(root) : undefined;
    };
}

/**
 * A locator for a `pulumi stack export` (or backend checkpoint) file: a finding
 * lands on its resource's entry, found by the JSON parser's positions (JSON is
 * YAML, so the `yaml` package reads it with line numbers), never by a text search.
 * @param text the export file's content
 */
export function exportFileLocator(text: string): (finding: Finding) => SourcePosition | undefined {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const byUrn = new Map<string, SourcePosition>();
    const resources = doc.getIn(["deployment", "resources"], true) ?? doc.getIn(["checkpoint", "latest", "resources"], true);
    if (isSeq(resources)) {
        for (const item of resources.items) {
            if (!isMap(item)) continue;
            const urn = item.get("urn", true);
            if (isScalar(urn) && typeof urn.value === "string" && urn.range) {
                const { line, col } = lineCounter.linePos(urn.range[0]);
                if (!byUrn.has(urn.value)) byUrn.set(urn.value, { line, column: col });
            }
        }
    }
    return (finding) => (finding.urn ? byUrn.get(finding.urn) : undefined);
}
