/**
 * Checks the schema cannot express: Azure name rules, regions per cloud,
 * options that conflict, and pairings ARM would reject at deploy time.
 * Each returns problems instead of throwing, so the user sees them all at once.
 */
import { CLOUDS, cloudOfRegion } from "../components/clouds";
import { nameProblem, type ResourceKind } from "../components/naming";
import { hasSubnet, planNetwork } from "../components/network/network-plan";
import { readPath } from "../components/object-path";
import { resourceTypeOfId } from "../components/resource-ids";
import { EXISTING_ID_KEYS } from "./config-adoptable";
import { at, closest, type ConfigProblem } from "./config-errors";
import { computeSectionProblems } from "./config-semantics-compute";
import { encryptionProblems } from "./config-semantics-encryption";
import { CAPACITY_CHECKS } from "./config-semantics-capacity";
import { LIMIT_CHECKS } from "./config-semantics-limits";
import { derivedNameProblems } from "./config-semantics-names";
import { lifecycleProblems } from "./config-lifecycle";
import { ipRangeProblems, networkProblems } from "./config-semantics-network";
import { outboundRuleProblems } from "./config-semantics-outbound";
import { TEAM_CHECKS } from "./config-semantics-teams";
import { SCHEDULE_CHECKS } from "./config-schedules";
import { INSTANCE_CHECKS } from "./config-compute-instances";
import { IMAGE_BUILD_CHECKS } from "./config-semantics-image-build";
import { DATA_CHECKS } from "./config-data";
import { KUBERNETES_CHECKS } from "./config-semantics-kubernetes";
import { SERVING_ALERT_CHECKS } from "./config-semantics-serving-alerts";

import { onlineEndpointProblems } from "./config-semantics-serving-online";
import { SERVING_ARTIFACT_CHECKS } from "./config-semantics-serving-artifacts";

import { SERVING_KUBERNETES_CHECKS } from "./config-semantics-serving-kubernetes";
import { SERVING_IOTEDGE_CHECKS } from "./config-semantics-serving-iotedge";

import { SERVING_FPGA_CHECKS } from "./config-semantics-serving-fpga";
import type { PlatformConfig } from "./config-types";
import { SERVING_ACI_CHECKS } from "./config-semantics-serving-aci";

/** The semantic checks, in report order; `config.ts` runs each one guarded when the schema failed. */
export const SEMANTIC_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [
    regionProblems,
    nameProblems,
    adoptionProblems,
    identityProblems,
    encryptionProblems,
    managedNetworkProblems,
    ipRangeProblems,
    networkProblems,
    computeProblems,
    ...LIMIT_CHECKS,
    ...CAPACITY_CHECKS,
    outboundRuleProblems,
    derivedNameProblems,
    lifecycleProblems,
    ...TEAM_CHECKS,
    ...SCHEDULE_CHECKS,
    ...INSTANCE_CHECKS,
    ...IMAGE_BUILD_CHECKS,
    ...DATA_CHECKS,
    ...KUBERNETES_CHECKS,
    ...SERVING_ACI_CHECKS,
    ...SERVING_ALERT_CHECKS,

    onlineEndpointProblems,
    ...SERVING_ARTIFACT_CHECKS,

    ...SERVING_KUBERNETES_CHECKS,
    ...SERVING_IOTEDGE_CHECKS,

    ...SERVING_FPGA_CHECKS,
];

/** Every semantic problem of a schema-valid config. */
export function semanticProblems(c: PlatformConfig): ConfigProblem[] {
    return SEMANTIC_CHECKS.flatMap((check) => check(c));
}

function regionProblems(c: PlatformConfig): ConfigProblem[] {
    const profile = CLOUDS[c.cloud];
    if (profile.mlRegions.includes(c.location)) return [];
    const other = cloudOfRegion(c.location);
    return [
        {
            path: at("location"),
            problem: other
                ? `"${c.location}" is a region of ${other}, not of ${c.cloud}`
                : `"${c.location}" is not a region where Azure Machine Learning is offered in ${c.cloud}`,
            fix: other ? `set cloud: ${other}, or pick one of: ${profile.mlRegions.join(", ")}` : regionFix(c.location, profile.mlRegions),
        },
    ];
}

/** "did you mean eastus2" for `East US 2` (display names: drop spaces, lowercase) and for typos. */
function regionFix(location: string, regions: readonly string[]): string {
    const normalised = location.toLowerCase().replace(/[\s_-]+/g, "");
    const elsewhere = normalised !== location ? cloudOfRegion(normalised) : undefined;
    if (elsewhere && !regions.includes(normalised)) return `did you mean ${normalised}? It is a region of ${elsewhere}: also set cloud: ${elsewhere}`;
    const guess = regions.includes(normalised) ? normalised : closest(normalised, regions);
    return guess ? `did you mean ${guess}? (regions are written as ARM names, lowercase without spaces)` : `use one of: ${regions.join(", ")}`;
}

function nameProblems(c: PlatformConfig): ConfigProblem[] {
    const given: [string, ResourceKind, string | undefined][] = [
        ["resourceGroup.name", "resourceGroup", c.resourceGroup.name],
        ["workspace.name", "workspace", c.workspace.name],
        ["workspace.imageBuildCompute", "computeCluster", c.workspace.imageBuildCompute],
        ["storage.name", "storageAccount", c.storage.name],
        ["keyVault.name", "keyVault", c.keyVault.name],
        ["containerRegistry.name", "containerRegistry", c.containerRegistry.name],
        ["monitoring.logAnalytics.name", "logAnalytics", c.monitoring.logAnalytics.name],
        ["monitoring.applicationInsights.name", "applicationInsights", c.monitoring.applicationInsights.name],
        ["encryption.customerManagedKey.keyName", "keyVaultKey", c.encryption.customerManagedKey.keyName],
    ];
    return given.flatMap(([key, kind, name]) => {
        const problem = name === undefined ? undefined : nameProblem(kind, name);
        return problem ? [{ path: at(key), problem, fix: "choose a name that follows the rule, or remove the key to derive one" }] : [];
    });
}

/** `existingId` must name the right resource type, and never comes with a `name`. */
function adoptionProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const { key: idKey, armType: expectedType } of EXISTING_ID_KEYS.filter((k) => k.adopts)) {
        const key = idKey.slice(0, -".existingId".length);
        const section = (readPath(c, key) ?? {}) as { existingId?: unknown; name?: unknown };
        if (typeof section.existingId !== "string" || section.existingId === "") continue;
        if (section.name) {
            out.push({ path: at(`${key}.name`), problem: "conflicts with existingId", fix: "set either name (create) or existingId (adopt), not both" });
        }
        const actual = resourceTypeOfId(section.existingId);
        if (expectedType === undefined ? actual !== undefined : actual?.toLowerCase() !== expectedType.toLowerCase()) {
            out.push({
                path: at(`${key}.existingId`),
                problem: `is ${actual ? `a ${actual}` : "a resource group"} ID`,
                fix: expectedType ? `give the ID of a ${expectedType}` : "give the ID of a resource group (/subscriptions/<id>/resourceGroups/<name>)",
            });
        }
    }
    const reg = c.containerRegistry;
    if (reg.mode === "existing" && !reg.existingId) {
        out.push({ path: at("containerRegistry.existingId"), problem: "is required when mode is existing", fix: "give the registry's resource ID, or choose mode onDemand or always" });
    }
    if (reg.mode !== "existing" && reg.existingId) {
        out.push({ path: at("containerRegistry.mode"), problem: `is ${reg.mode} but existingId is set`, fix: "set mode: existing to adopt the registry, or remove existingId" });
    }
    return out;
}

/** `Microsoft.Storage/storageAccounts` for a resource ID, undefined for a resource group ID. */

function identityProblems(c: PlatformConfig): ConfigProblem[] {
    const id = c.workspace.identity;
    const out: ConfigProblem[] = [];
    if (id.existingId && id.type !== "UserAssigned") {
        out.push({ path: at("workspace.identity.existingId"), problem: "needs type UserAssigned", fix: "set workspace.identity.type: UserAssigned or remove existingId" });
    }
    if (id.existingId && !id.existingPrincipalId) {
        out.push({ path: at("workspace.identity.existingPrincipalId"), problem: "is required with existingId", fix: "give the identity's object (principal) ID so the toolkit can grant it access to the workspace's dependencies" });
    }
    if (!id.existingId && id.existingPrincipalId) {
        out.push({ path: at("workspace.identity.existingPrincipalId"), problem: "is set without existingId", fix: "remove it, or add workspace.identity.existingId" });
    }
    if (c.encryption.customerManagedKey.enabled && id.type !== "UserAssigned") {
        out.push({ path: at("workspace.identity.type"), problem: "is SystemAssigned but a customer-managed key is enabled", fix: "use UserAssigned: the key must be readable before the workspace (and its system identity) exists" });
    }
    return out;
}

function managedNetworkProblems(c: PlatformConfig): ConfigProblem[] {
    const mn = c.workspace.managedNetwork;
    const out: ConfigProblem[] = [];
    if (mn.isolationMode === "Disabled" && !hasSubnet(planNetwork(c), "training")) {
        out.push({
            path: at("workspace.managedNetwork.isolationMode"),
            problem: "is Disabled but no customer virtual network hosts the compute, which would leave it without network isolation",
            fix: "add network.virtualNetwork with a training subnet (subnets.training or subnetIds.training), or use AllowOnlyApprovedOutbound or AllowInternetOutbound",
        });
    }
    for (const [name, rule] of Object.entries(mn.outboundRules)) {
        if (mn.isolationMode === "Disabled") {
            out.push({
                path: at(`workspace.managedNetwork.outboundRules.${name}`),
                problem: "applies to the managed network, which isolationMode Disabled turns off",
                fix: "remove the rule (control egress in the customer virtual network), or enable the managed network",
            });
        } else if (mn.isolationMode !== "AllowOnlyApprovedOutbound" && rule.type !== "PrivateEndpoint") {
            out.push({
                path: at(`workspace.managedNetwork.outboundRules.${name}.type`),
                problem: `${rule.type} rules only apply in AllowOnlyApprovedOutbound mode`,
                fix: "set isolationMode: AllowOnlyApprovedOutbound, or remove the rule (internet outbound is already open)",
            });
        }
    }
    return out;
}

/** Compute names, node ranges, and the image build cluster. */
function computeProblems(c: PlatformConfig): ConfigProblem[] {
    const out = computeSectionProblems(c.compute, "compute");
    const { clusters } = c.compute;
    const build = c.workspace.imageBuildCompute;
    // Compute names are case-insensitive, so "CPU" names cluster "cpu".
    if (build !== undefined && !Object.keys(clusters).some((k) => k.toLowerCase() === build.toLowerCase())) {
        out.push({
            path: at("workspace.imageBuildCompute"),
            problem: `names "${build}", which is not a configured compute cluster`,
            fix: Object.keys(clusters).length > 0 ? `use one of: ${Object.keys(clusters).join(", ")}` : `add compute.clusters.${build}`,
        });
    }
    return out;
}
