/** Policies for AKS clusters and agent pools (azure-native:containerservice). */
import type { PolicyResource } from "@pulumi/policy";
import { is, isNot, oneOf } from "../lib/matchers";
import { propertyPolicy, resourcePolicy, stackPolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { dependsThrough, ofType, peek } from "../lib/relations";
import { eqi, normalizeLocation, readArray, readObject, readPath, readString, show } from "../lib/read";
import { TYPES } from "../lib/tokens";
import { FPGA_REGIONS, isFpgaVmSize } from "../../components/fpga";

const AKS = [TYPES.managedCluster];

/** Kubernetes RBAC. */
export const aksRbacEnabled = propertyPolicy({
    name: "aks-rbac-enabled",
    description: "AKS clusters must enable Kubernetes RBAC.",
    severity: "high",
    remediation: "Set enableRBAC to true (or leave it unset); it can only be set when the cluster is created.",
    sources: { azurePolicy: ["ac4a19c2"], psrule: ["Azure.AKS.UseRBAC"], checkov: ["CKV_AZURE_5"], mcsb: ["PA-7"] },
    controls: ["aks.rbac"],
    types: AKS,
    expectations: [{ path: "enableRBAC", expect: isNot(false, "true") }],
});

/** Entra ID integration with Azure RBAC for Kubernetes authorization. */
export const aksEntraAzureRbac = propertyPolicy({
    name: "aks-entra-azure-rbac",
    description: "AKS clusters must use managed Entra ID integration with Azure RBAC for Kubernetes authorization.",
    severity: "high",
    remediation: "Set aadProfile.managed and aadProfile.enableAzureRBAC to true.",
    sources: { azurePolicy: ["450d2877"], psrule: ["Azure.AKS.ManagedAAD", "Azure.AKS.AzureRBAC"], mcsb: ["IM-1", "PA-7"] },
    controls: ["aks.entra-azure-rbac"],
    types: AKS,
    expectations: [
        { path: "aadProfile.managed", expect: is(true) },
        { path: "aadProfile.enableAzureRBAC", expect: is(true) },
    ],
});

/** "Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster", Limitations. */
const AML_LOCAL_ACCOUNTS =
    "Azure Machine Learning doesn't support disabling local accounts for AKS (\"Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster\", Limitations)";

/** True when `ext` is an AzureML extension on `cluster` (by the graph, or by resource group and name). */
function azureMlExtensionOn(ext: PolicyResource, cluster: PolicyResource): boolean {
    if (!eqi(peek(() => readPath(ext.props, "extensionType")), "Microsoft.AzureML.Kubernetes")) return false;
    if (dependsThrough(ext, "clusterName", cluster)) return true;
    const name = peek(() => ext.props.clusterName);
    const group = peek(() => ext.props.resourceGroupName);
    const clusterName = peek(() => cluster.props.resourceName) ?? peek(() => cluster.props.name);
    const clusterGroup = peek(() => cluster.props.resourceGroupName);
    return typeof name === "string" && typeof group === "string" && eqi(clusterName, name) && eqi(clusterGroup, group) && eqi(peek(() => ext.props.clusterResourceName), "managedClusters");
}

/**
 * Local accounts off. A cluster that carries the AzureML extension is still reported, as advisory:
 * Azure ML documents that it does not support disabling them (the Trusted Access route is a preview).
 */
export const aksLocalAccountsDisabled = stackPolicy({
    name: "aks-local-accounts-disabled",
    description: "AKS clusters must disable local accounts.",
    severity: "high",
    remediation: "Set disableLocalAccounts to true (needs Entra ID integration). A cluster with the AzureML extension keeps them (advisory: Azure ML does not support disabling them).",
    sources: { azurePolicy: ["993c2fcd"], psrule: ["Azure.AKS.LocalAccounts"], checkov: ["CKV_AZURE_141"], mcsb: ["IM-1"], other: ["Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster"] },
    controls: ["aks.local-accounts-disabled"],
    types: AKS,
    check: ({ subjects, resources, report }) => {
        const extensions = ofType(resources, TYPES.k8sExtension);
        for (const cluster of subjects) {
            const value = peek(() => readPath(cluster.props, "disableLocalAccounts"));
            if (value === true) continue;
            const message = `disableLocalAccounts is ${show(value)}; set it to true`;
            const ext = extensions.find((e) => azureMlExtensionOn(e, cluster));
            if (ext) report(`${message} (kept: the AzureML extension ${ext.name} targets this cluster and ${AML_LOCAL_ACCOUNTS})`, cluster, true);
            else report(message, cluster);
        }
    },
});

/** A network policy engine. */
export const aksNetworkPolicy = propertyPolicy({
    name: "aks-network-policy",
    description: "AKS clusters must run a network policy engine (azure, calico or cilium).",
    severity: "medium",
    remediation: "Set networkProfile.networkPolicy to azure, calico or cilium.",
    sources: { psrule: ["Azure.AKS.NetworkPolicy"], checkov: ["CKV_AZURE_7"], other: ["Pulumi compliance policies"], mcsb: ["NS-1"] },
    controls: ["aks.network-policy"],
    types: AKS,
    expectations: [{ path: "networkProfile.networkPolicy", expect: oneOf(["azure", "calico", "cilium"]) }],
});

/** Private API server or authorized IP ranges. */
export const aksApiServerRestricted = resourcePolicy({
    name: "aks-api-server-restricted",
    description: "AKS API servers must be private or restricted to authorized IP ranges.",
    severity: "high",
    remediation: "Set apiServerAccessProfile.enablePrivateCluster to true, or apiServerAccessProfile.authorizedIPRanges to your CIDRs.",
    sources: { azurePolicy: ["040732e8", "0e246bcf"], checkov: ["CKV_AZURE_115", "CKV_AZURE_6"], psrule: ["Azure.AKS.AuthorizedIPs"], mcsb: ["NS-2"] },
    controls: ["aks.api-server-restricted"],
    types: AKS,
    check: ({ props, report }) => {
        const isPrivate = readPath(props, "apiServerAccessProfile.enablePrivateCluster") === true;
        const ranges = readArray(props, "apiServerAccessProfile.authorizedIPRanges");
        if (!isPrivate && ranges.length === 0) {
            report("apiServerAccessProfile.enablePrivateCluster is not true and apiServerAccessProfile.authorizedIPRanges is empty; set one of them");
        }
    },
});

/** Azure Policy add-on. */
export const aksAzurePolicyAddon = resourcePolicy({
    name: "aks-azure-policy-addon",
    description: "AKS clusters must enable the Azure Policy add-on.",
    severity: "medium",
    remediation: "Set addonProfiles.azurepolicy.enabled to true.",
    sources: { azurePolicy: ["0a15ec92"], psrule: ["Azure.AKS.AzurePolicyAddOn"], checkov: ["CKV_AZURE_116"], mcsb: ["PV-2"] },
    controls: ["aks.azure-policy-addon"],
    types: AKS,
    check: ({ props, report }) => {
        // The add-on key is case-insensitive in ARM (azurepolicy / azurePolicy).
        const addons = readObject(props, "addonProfiles");
        const key = Object.keys(addons).find((k) => k.toLowerCase() === "azurepolicy");
        const enabled = key === undefined ? undefined : readPath(addons[key], "enabled");
        if (enabled !== true) {
            report(`addonProfiles.azurepolicy.enabled is ${show(enabled)}; set it to true`);
        }
    },
});

/** Defender for Containers (advisory). */
export const aksDefenderEnabled = propertyPolicy({
    name: "aks-defender-enabled",
    description: "AKS clusters should enable Microsoft Defender for Containers security monitoring.",
    severity: "low",
    enforcementLevel: "advisory",
    remediation: "Set securityProfile.defender.securityMonitoring.enabled to true with a Log Analytics workspace.",
    sources: { azurePolicy: ["a1840de2"], mcsb: ["LT-1"] },
    controls: ["aks.defender"],
    types: AKS,
    expectations: [{ path: "securityProfile.defender.securityMonitoring.enabled", expect: is(true) }],
});

/** Managed identity for the control plane. */
export const aksManagedIdentity = propertyPolicy({
    name: "aks-managed-identity",
    description: "AKS clusters must use a managed identity instead of a service principal.",
    severity: "medium",
    remediation: "Set identity.type to SystemAssigned or UserAssigned.",
    sources: { azurePolicy: ["da6e2401"], psrule: ["Azure.AKS.ManagedIdentity"], mcsb: ["IM-3"] },
    controls: ["aks.managed-identity"],
    types: AKS,
    expectations: [{ path: "identity.type", expect: oneOf(["SystemAssigned", "UserAssigned"]) }],
});

/** Workload identity for pods. */
export const aksWorkloadIdentity = propertyPolicy({
    name: "aks-workload-identity",
    description: "AKS clusters must enable the OIDC issuer and workload identity.",
    severity: "medium",
    remediation: "Set oidcIssuerProfile.enabled and securityProfile.workloadIdentity.enabled to true.",
    sources: { other: ["AKS guidance"], mcsb: ["IM-3"] },
    controls: ["aks.workload-identity"],
    types: AKS,
    expectations: [
        { path: "oidcIssuerProfile.enabled", expect: is(true) },
        { path: "securityProfile.workloadIdentity.enabled", expect: is(true) },
    ],
});

/** Automatic upgrades. */
export const aksAutoUpgrade = resourcePolicy({
    name: "aks-auto-upgrade",
    description: "AKS clusters must use an automatic upgrade channel.",
    severity: "medium",
    remediation: "Set autoUpgradeProfile.upgradeChannel to patch, stable or node-image.",
    sources: { psrule: ["Azure.AKS.AutoUpgrade"], checkov: ["CKV_AZURE_171"], mcsb: ["PV-5"] },
    controls: ["aks.auto-upgrade"],
    types: AKS,
    check: ({ props, report }) => {
        const channel = readPath(props, "autoUpgradeProfile.upgradeChannel");
        if (channel === undefined || eqi(channel, "none")) {
            report(`autoUpgradeProfile.upgradeChannel is ${show(channel)}; set it to patch or stable`);
        }
    },
});

/** No public IPs on nodes (cluster profiles and separate agent pools). */
export const aksNoNodePublicIp = resourcePolicy({
    name: "aks-no-node-public-ip",
    description: "AKS node pools must not give nodes public IP addresses.",
    severity: "high",
    remediation: "Set enableNodePublicIP to false (or leave it unset) on every agent pool.",
    sources: { checkov: ["CKV_AZURE_143"], mcsb: ["NS-2"] },
    controls: ["aks.no-node-public-ip"],
    types: [TYPES.managedCluster, TYPES.agentPool],
    check: ({ props, report, args }) => {
        if (args.type === TYPES.agentPool) {
            if (readPath(props, "enableNodePublicIP") === true) {
                report("enableNodePublicIP is true; set it to false");
            }
            return;
        }
        readArray(props, "agentPoolProfiles").forEach((pool, i) => {
            if (readPath(pool, "enableNodePublicIP") === true) {
                report(`agentPoolProfiles[${i}].enableNodePublicIP is true; set it to false`);
            }
        });
    },
});

/** Config of the FPGA region policy. */
interface FpgaConfig extends ProductionConfig {
    /** Regions where FPGA VM sizes exist. */
    fpgaRegions: string[];
}

/** Finds the cluster an agent pool belongs to. */
function clusterOf(pool: PolicyResource, all: PolicyResource[]): PolicyResource | undefined {
    const clusters = ofType(all, TYPES.managedCluster);
    const name = peek(() => pool.props.resourceName);
    return (
        clusters.find((c) => dependsThrough(pool, "resourceName", c) || pool.parent?.urn === c.urn) ??
        clusters.find((c) => name !== undefined && (peek(() => c.props.name) === name || peek(() => c.props.resourceName) === name))
    );
}

/** FPGA pools only where FPGA VMs exist (stack policy: a pool's region is its cluster's). */
export const aksFpgaSupportedRegion = stackPolicy<FpgaConfig>({
    name: "aks-fpga-supported-region",
    description: "AKS node pools with FPGA VM sizes (Standard_NP*, Standard_PB*) must be in a region that offers them.",
    severity: "high",
    remediation: "Deploy the cluster in one of fpgaRegions, or use a non-FPGA VM size.",
    sources: { other: ["own: NP/PB-series regional availability"] },
    controls: ["aks.fpga-supported-region"],
    types: [TYPES.managedCluster, TYPES.agentPool],
    config: {
        fpgaRegions: { type: "array", items: { type: "string" }, default: [...FPGA_REGIONS], description: "Regions where FPGA VM sizes are available." },
    },
    check: ({ subjects, resources, config, report }) => {
        const allowed = config.fpgaRegions.map(normalizeLocation);
        const inRegion = (cluster: PolicyResource | undefined): string | undefined => {
            const loc = cluster ? readString(cluster.props, "location") : undefined;
            return loc === undefined ? undefined : normalizeLocation(loc);
        };
        for (const r of subjects) {
            const pools = r.type === TYPES.agentPool ? [r.props] : readArray(r.props, "agentPoolProfiles");
            const cluster = r.type === TYPES.agentPool ? clusterOf(r, resources) : r;
            for (const pool of pools) {
                const size = readPath(pool, "vmSize");
                if (!isFpgaVmSize(size)) {
                    continue;
                }
                const region = inRegion(cluster);
                if (region === undefined || !allowed.includes(region)) {
                    report(`vmSize ${show(size)} is an FPGA size but the cluster location is ${region ?? "unknown"}; use one of ${allowed.join(", ")}`, r);
                }
            }
        }
    },
});
