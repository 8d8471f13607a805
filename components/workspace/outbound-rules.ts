/**
 * Managed-network outbound rules (pure): from the config's flat shape to the
 * azure-native discriminated inputs of `managedNetwork.outboundRules`.
 */

import type * as pulumi from "@pulumi/pulumi";
import { COMPONENT_DEFAULTS } from "../defaults";
import type { OutboundRuleType } from "../enums";

/** One outbound rule as configured (flat; fields apply per type). */
export interface OutboundRuleSpec {
    /** Rule type. */
    type: OutboundRuleType;
    /** Rule category. Default `UserDefined`. */
    category?: string;
    /** FQDN: destination host. */
    destination?: string;
    /** PrivateEndpoint: target resource ID. */
    serviceResourceId?: string;
    /** PrivateEndpoint: sub-resource (group ID). */
    subresourceTarget?: string;
    /** PrivateEndpoint: Spark access. */
    sparkEnabled?: boolean;
    /** PrivateEndpoint: FQDNs resolved to the endpoint. */
    fqdns?: string[];
    /** ServiceTag: the tag. */
    serviceTag?: string;
    /** ServiceTag: protocol. */
    protocol?: string;
    /** ServiceTag: port ranges. */
    portRanges?: string;
    /** ServiceTag: action. */
    action?: string;
    /** ServiceTag: address prefixes. */
    addressPrefixes?: string[];
}

/** The ARM shape of one rule, as azure-native expects it. */
export type ArmOutboundRule =
    | { type: "FQDN"; category: string; destination: string }
    | { type: "PrivateEndpoint"; category: string; destination: { serviceResourceId: string; subresourceTarget: string; sparkEnabled: boolean }; fqdns?: string[] }
    | { type: "ServiceTag"; category: string; destination: { serviceTag: string; protocol: string; portRanges: string; action: string; addressPrefixes?: string[] } };

/** The fields each rule type needs: a rule without them would be sent with an empty destination. */
const REQUIRED_FIELDS: Readonly<Record<OutboundRuleType, readonly (keyof OutboundRuleSpec)[]>> = {
    FQDN: ["destination"],
    PrivateEndpoint: ["serviceResourceId", "subresourceTarget"],
    ServiceTag: ["serviceTag"],
};

/** What is missing from the rules, each as `<rule>.<field>: ...`; empty when every rule is complete. */
export function outboundRuleProblems(rules: Record<string, OutboundRuleSpec>): string[] {
    return Object.entries(rules).flatMap(([name, rule]) =>
        (REQUIRED_FIELDS[rule.type] ?? []).filter((f) => rule[f] === undefined || rule[f] === "").map((f) => `${name}.${f}: required for a ${rule.type} rule`),
    );
}

/** Converts one configured rule to its ARM shape; throws when a field its type needs is missing. */
export function toArmOutboundRule(rule: OutboundRuleSpec, name = "rule"): ArmOutboundRule {
    const problems = outboundRuleProblems({ [name]: rule });
    if (problems.length > 0) throw new Error(`managedNetwork.outboundRules.${problems.join("; ")}`);
    const category = rule.category ?? COMPONENT_DEFAULTS["workspace.managedNetwork.outboundRules.*.category"];
    switch (rule.type) {
        case "FQDN":
            return { type: "FQDN", category, destination: rule.destination as string };
        case "PrivateEndpoint":
            return {
                type: "PrivateEndpoint",
                category,
                destination: { serviceResourceId: rule.serviceResourceId as string, subresourceTarget: rule.subresourceTarget as string, sparkEnabled: rule.sparkEnabled ?? false },
                ...(rule.fqdns ? { fqdns: rule.fqdns } : {}),
            };
        case "ServiceTag":
            return {
                type: "ServiceTag",
                category,
                destination: {
                    serviceTag: rule.serviceTag as string,
                    protocol: rule.protocol ?? "TCP",
                    portRanges: rule.portRanges ?? "443",
                    action: rule.action ?? "Allow",
                    ...(rule.addressPrefixes ? { addressPrefixes: rule.addressPrefixes } : {}),
                },
            };
    }
}

/** Converts a map of rules, keeping names (ARM keys rules by name). */
export function toArmOutboundRules(rules: Record<string, OutboundRuleSpec>): Record<string, ArmOutboundRule> {
    return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, toArmOutboundRule(rule, name)]));
}

/**
 * Private-endpoint rules whose target ID may be an output (a storage account created by the same
 * program): ARM shapes with the configured rules' default category and no Spark access.
 */
export function privateEndpointRulesOf(rules: { [name: string]: { serviceResourceId: pulumi.Input<string>; subresourceTarget: string } } | undefined) {
    return Object.fromEntries(
        Object.entries(rules ?? {}).map(([name, r]) => [
            name,
            {
                type: "PrivateEndpoint" as const,
                category: COMPONENT_DEFAULTS["workspace.managedNetwork.outboundRules.*.category"],
                destination: { serviceResourceId: r.serviceResourceId, subresourceTarget: r.subresourceTarget, sparkEnabled: false },
            },
        ]),
    );
}
