/**
 * Policies for Azure Machine Learning registries (azure-native:machinelearningservices:Registry),
 * the platform's shared model registry. CONTROLS.md has no registry row and Azure Policy / PSRule
 * had no built-in for registries when these were written (searched 2026-12-02: the Machine
 * Learning built-ins cover workspaces, computes and registry *model deployments* only), so the
 * controls are the pack's own, following "Network isolation with registries"
 * (learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation), which recommends
 * a private endpoint for a user-created registry, and the workspace controls they mirror.
 */
import { is } from "../lib/matchers";
import { propertyPolicy, stackPolicy } from "../lib/define";
import { PRIVATE_DNS_SCHEMA, type PrivateDnsConfig } from "../lib/config";
import { ALL_CLOUDS, cloudOfLocation, cloudsOfStack, privateLinkZones, type AzureCloud } from "../lib/clouds";
import { dnsZoneGroupsFor, peek, privateEndpointsFor, zoneNamesOf } from "../lib/relations";
import { eqi, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

const MLR = [TYPES.mlRegistry];

/** Registry public network access off (production). */
export const mlRegistryPublicNetworkDisabled = propertyPolicy({
    name: "ml-registry-public-network-disabled",
    description: "Azure ML registries must disable public network access in production (own control; no Azure Policy or PSRule built-in for registries).",
    severity: "high",
    productionGated: true,
    remediation: "Set publicNetworkAccess to Disabled and reach the registry through an amlregistry private endpoint.",
    sources: { mcsb: ["NS-2"], other: ["own: Network isolation with registries (how-to-registry-network-isolation)"] },
    controls: ["mlRegistry.public-network-access"],
    types: MLR,
    expectations: [{ path: "publicNetworkAccess", expect: is("Disabled") }],
});

/** Registry identity: system-assigned, as the registries API creates its managed resources with it. */
export const mlRegistryManagedIdentity = propertyPolicy({
    name: "ml-registry-managed-identity",
    description: "Azure ML registries must have a system-assigned managed identity (own control; the registries API creates the registry's storage and container registry with it).",
    severity: "medium",
    remediation: "Set identity.type to SystemAssigned (or SystemAssigned,UserAssigned).",
    sources: { mcsb: ["IM-3"], other: ["own: Create and manage registries (how-to-manage-registries), REST example identity SystemAssigned"] },
    controls: ["mlRegistry.managed-identity"],
    types: MLR,
    expectations: [{ path: "identity.type", expect: { ok: (v) => typeof v === "string" && /systemassigned/i.test(v.replace(/\s/g, "")), want: "SystemAssigned" } }],
});

/** The zones per cloud, for the remediation text (from components/network/private-link-zones.ts). */
const ZONES_BY_CLOUD = ALL_CLOUDS.map((c) => `${c}: ${privateLinkZones("amlregistry", c, "").join(" + ")}`).join("; ");

/** A private registry must be reachable through an amlregistry private endpoint with its cloud's API zone. */
export const mlRegistryPrivateEndpoint = stackPolicy<PrivateDnsConfig>({
    name: "ml-registry-private-endpoint",
    description: "Azure ML registries with public access off must have an amlregistry private endpoint linked to the Azure ML API private DNS zone of their cloud (own control).",
    severity: "high",
    remediation: `Add a network:PrivateEndpoint with groupIds [amlregistry] to the registry and a PrivateDnsZoneGroup with the API zone of the registry's cloud (${ZONES_BY_CLOUD}).`,
    sources: { mcsb: ["NS-2"], other: ["own: Network isolation with registries (how-to-registry-network-isolation)"] },
    controls: ["mlRegistry.private-endpoint"],
    types: MLR,
    config: PRIVATE_DNS_SCHEMA,
    check: ({ subjects, resources, config, report }) => {
        let stackClouds: AzureCloud[] | undefined;
        for (const reg of subjects) {
            // Absent means Enabled (the API's default), so only an explicit Disabled makes the registry private.
            if (!eqi(reg.props.publicNetworkAccess, "Disabled")) continue;
            const endpoints = privateEndpointsFor(reg, resources, "amlregistry");
            if (endpoints.length === 0) {
                report(`registry ${reg.name} has publicNetworkAccess ${show(readPath(reg.props, "publicNetworkAccess"))} but no private endpoint with groupIds [amlregistry]`, reg);
                continue;
            }
            if (config.dnsManagedByPolicy) continue;
            const zones = new Set(endpoints.flatMap((pe) => dnsZoneGroupsFor(pe, resources).flatMap((g) => zoneNamesOf(g))));
            const own = cloudOfLocation(peek(() => reg.props.location));
            stackClouds ??= [...cloudsOfStack(resources)];
            const candidates = own ? [own] : stackClouds.length > 0 ? stackClouds : ALL_CLOUDS;
            const wanted = candidates.map((c) => privateLinkZones("amlregistry", c, ""));
            if (wanted.some((w) => w.every((z) => zones.has(z)))) continue;
            const missing = wanted[0].filter((z) => !zones.has(z));
            report(`the private endpoint of registry ${reg.name} is not linked to DNS zone(s) ${missing.join(", ")}; add them to its PrivateDnsZoneGroup`, reg);
        }
    },
});
