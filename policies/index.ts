/**
 * The CrossGuard entry point: `pulumi preview --policy-pack policies`.
 * Constructing a PolicyPack starts the analyzer's gRPC server, so this file
 * does that and nothing else, and nothing imports it (tests, the offline plan
 * and the audit import ./all instead).
 */
import { PolicyPack } from "@pulumi/policy";
import { allPolicies, PACK_DESCRIPTION, PACK_ENFORCEMENT_LEVEL, PACK_NAME } from "./all";

new PolicyPack(PACK_NAME, {
    policies: [...allPolicies],
    enforcementLevel: PACK_ENFORCEMENT_LEVEL,
    description: PACK_DESCRIPTION,
    provider: "azure",
    tags: ["azure", "machine-learning", "security"],
});
