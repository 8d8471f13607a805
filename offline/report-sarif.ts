/**
 * SARIF 2.1.0 rendering of a PolicyReport: one run, the pack's policies as
 * rules (with help text from their remediation and sources), violations as
 * results located by the resource URN (logical location), and skipped
 * evaluations as `note` results so they are visible, not silent.
 */
import type { PolicyMeta, PolicyReport } from "./policy-report";
import { sourceList } from "../policies/lib/sources";

/** Options for {@link renderSarif}. */
export interface SarifOptions {
    /** The audited file, added as the results' physical location when given. */
    artifactUri?: string;
    /** Tool version (the pack's version). */
    toolVersion?: string;
}

/** A URL documenting the rule: its PSRule page when it has one, else the pack README anchor. */
export function helpUriOf(p: PolicyMeta): string {
    const psrule = p.sources.psrule?.[0];
    return psrule
        ? `https://azure.github.io/PSRule.Rules.Azure/en/rules/${psrule}/`
        : `policies/README.md#${p.name}`;
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
        helpUri: helpUriOf(p),
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
    const location = (urn: string | undefined, name?: string) => ({
        ...(options.artifactUri ? { physicalLocation: { artifactLocation: { uri: options.artifactUri } } } : {}),
        logicalLocations: [{ fullyQualifiedName: urn ?? "stack", ...(name ? { name } : {}), kind: "resource" }],
    });
    const results = [
        ...report.violations.map((v) => ({
            ruleId: v.policyName,
            ruleIndex: ruleIndex.get(v.policyName) ?? -1,
            level: v.enforcementLevel === "mandatory" ? "error" : "warning",
            message: { text: v.message },
            locations: [location(v.urn, v.resourceName)],
            properties: { severity: v.severity, enforcementLevel: v.enforcementLevel, resourceType: v.resourceType },
        })),
        ...report.skipped.map((k) => ({
            ruleId: k.policyName,
            ruleIndex: ruleIndex.get(k.policyName) ?? -1,
            level: "note",
            message: { text: k.reason },
            locations: [location(k.urn)],
        })),
    ];
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "aml-workspace-policies",
                        version: options.toolVersion ?? "0.1.0",
                        informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                        rules,
                    },
                },
                ...(options.artifactUri ? { artifacts: [{ location: { uri: options.artifactUri } }] } : {}),
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
