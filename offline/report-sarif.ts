/**
 * SARIF 2.1.0 rendering of a PolicyReport: one run, the pack's policies as
 * rules (with help text from their remediation and sources), violations as
 * results located by the resource URN (logical location) and, when the input
 * file is known, in that file (physical location, with the line when a locator
 * finds one), and skipped evaluations as `note` results so they are visible,
 * not silent. The output validates against the SARIF 2.1.0 JSON schema
 * (test/offline/sarif-schema.e2e.test.ts).
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { PolicyMeta, PolicyReport } from "./policy-report";
import { sourceList } from "../policies/lib/sources";
import { PACK_PACKAGE_NAME, PACK_VERSION } from "../policies/lib/pack-version";

/** Where in the input file a finding is: 1-based line and column. */
export interface SourcePosition {
    /** 1-based line. */
    line: number;
    /** 1-based column. */
    column: number;
}

/** What a locator gets to place a finding. */
export interface Finding {
    /** Offending resource's URN (absent for stack-wide skips). */
    urn?: string;
    /** Policy that reported it. */
    policyName: string;
    /** The message (violation) or reason (skip). */
    message: string;
}

/** Options for {@link renderSarif}. */
export interface SarifOptions {
    /** The input file (stack file or stack export) as a path; results are placed in it when given. */
    artifactUri?: string;
    /** Finds the line of a finding in the input file. Default: none, the file without a line. */
    locate?: (finding: Finding) => SourcePosition | undefined;
    /** Tool version. Default: the pack's version (policies/package.json). */
    toolVersion?: string;
}

/**
 * A URL documenting the rule: its PSRule page when it has one, else none.
 * SARIF's `helpUri` must be an absolute URI (schema `format: uri`), and this
 * repository has no published address to anchor the pack README to; the rule's
 * `help` text carries the remediation either way.
 */
export function helpUriOf(p: PolicyMeta): string | undefined {
    const psrule = p.sources.psrule?.[0];
    return psrule ? `https://azure.github.io/PSRule.Rules.Azure/en/rules/${psrule}/` : undefined;
}

/**
 * A file path as a SARIF artifact URI: a relative URI reference (forward slashes,
 * percent-encoded segments) when the file is under the working directory, as code
 * scanning expects paths relative to the checkout; else an absolute `file:` URL.
 */
export function artifactUriOf(file: string): string {
    const relative = path.relative(process.cwd(), path.resolve(file));
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return pathToFileURL(path.resolve(file)).href;
    return relative.split(path.sep).map(encodeURIComponent).join("/");
}

/** SARIF's numeric security-severity (GitHub code scanning buckets). */
const SECURITY_SEVERITY = { low: "3.0", medium: "5.5", high: "8.0", critical: "9.5" } as const;

/** Builds the SARIF log object. */
export function toSarif(report: PolicyReport, options: SarifOptions = {}): Record<string, unknown> {
    const rules = report.policies.map((p) => ({
        id: p.name,
        name: p.name,
        shortDescription: { text: p.description },
        fullDescription: { text: `${p.description} Sources: ${sourceList(p.sources)}.` },
        help: { text: p.remediation, markdown: `**Remediation:** ${p.remediation}\n\n**Sources:** ${sourceList(p.sources)}` },
        ...(helpUriOf(p) ? { helpUri: helpUriOf(p) } : {}),
        defaultConfiguration: { level: p.enforcementLevel === "mandatory" || p.enforcementLevel === "remediate" ? "error" : p.enforcementLevel === "disabled" ? "none" : "warning" },
        properties: {
            severity: p.severity,
            "security-severity": SECURITY_SEVERITY[p.severity],
            tags: ["security", p.kind, ...p.controls],
            controls: p.controls,
            resourceTypes: p.resourceTypes,
        },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const artifactUri = options.artifactUri === undefined ? undefined : artifactUriOf(options.artifactUri);
    const location = (finding: Finding, name?: string) => {
        const at = artifactUri === undefined ? undefined : options.locate?.(finding);
        return {
            ...(artifactUri === undefined
                ? {}
                : {
                      physicalLocation: {
                          artifactLocation: { uri: artifactUri, index: 0 },
                          ...(at ? { region: { startLine: at.line, startColumn: at.column } } : {}),
                      },
                  }),
            logicalLocations: [{ fullyQualifiedName: finding.urn ?? "stack", ...(name ? { name } : {}), kind: "resource" }],
        };
    };
    const results = [
        ...report.violations.map((v) => ({
            ruleId: v.policyName,
            ruleIndex: ruleIndex.get(v.policyName) ?? -1,
            level: v.enforcementLevel === "mandatory" ? "error" : "warning",
            message: { text: v.message },
            locations: [location(v, v.resourceName)],
            properties: { severity: v.severity, enforcementLevel: v.enforcementLevel, resourceType: v.resourceType },
        })),
        ...report.skipped.map((k) => ({
            ruleId: k.policyName,
            ruleIndex: ruleIndex.get(k.policyName) ?? -1,
            level: "note",
            message: { text: k.reason },
            locations: [location({ urn: k.urn, policyName: k.policyName, message: k.reason })],
        })),
    ];
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: PACK_PACKAGE_NAME,
                        version: options.toolVersion ?? PACK_VERSION,
                        informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                        rules,
                    },
                },
                ...(artifactUri === undefined ? {} : { artifacts: [{ location: { uri: artifactUri } }] }),
                results,
                invocations: [{ executionSuccessful: report.errors.length === 0 }],
            },
        ],
    };
}

/** Renders SARIF as pretty-printed JSON with a trailing newline. */
export function renderSarif(report: PolicyReport, options: SarifOptions = {}): string {
    return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
