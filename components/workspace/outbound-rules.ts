/**
 * Managed-network outbound rules (pure): from the config's flat shape to the
 * azure-native discriminated inputs of `managedNetwork.outboundRules`.
 */

/** One outbound rule as configured (flat; fields apply per type). */
export interface OutboundRuleSpec {
    /** Rule type. */
    type: "FQDN" | "PrivateEndpoint" | "ServiceTag";
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

/** Converts one configured rule to its ARM shape. */
export function toArmOutboundRule(rule: OutboundRuleSpec): ArmOutboundRule {
    const category = rule.category ?? "UserDefined";
    switch (rule.type) {
        case "FQDN":
            return { type: "FQDN", category, destination: rule.destination ?? "" };
        case "PrivateEndpoint":
            return {
                type: "PrivateEndpoint",
                category,
                destination: { serviceResourceId: rule.serviceResourceId ?? "", subresourceTarget: rule.subresourceTarget ?? "", sparkEnabled: rule.sparkEnabled ?? false },
                ...(rule.fqdns ? { fqdns: rule.fqdns } : {}),
            };
        case "ServiceTag":
            return {
                type: "ServiceTag",
                category,
                destination: {
                    serviceTag: rule.serviceTag ?? "",
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
    return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, toArmOutboundRule(rule)]));
}
