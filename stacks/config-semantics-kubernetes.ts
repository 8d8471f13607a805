/**
 * Checks of `kubernetes.clusters` (the AKS clusters and their AzureML extension) and of every
 * workspace's `compute.kubernetes` attachments, with full key paths. The rules themselves live in
 * the library (components/kubernetes/): the extension's settings, namespace and instance type
 * rules; this file only walks the config and names the keys.
 *
 * Azure facts used (checked 2026-12-04):
 * - "Attach a Kubernetes cluster to Azure Machine Learning workspace"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace): one
 *   cluster may be attached to several workspaces; "specify the existed Kubernetes namespace ... to
 *   isolate workload among different teams/projects".
 * - "Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster": "Azure Machine
 *   Learning doesn't support attaching an AKS cluster cross subscription".
 * - "Secure Azure Kubernetes Service inferencing environment"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-secure-kubernetes-inferencing-environment):
 *   "If your workspace has a private endpoint, the Azure Kubernetes Service cluster must be in the
 *   same Azure region as the workspace."
 */
import { azureMlExtensionProblems, AKS_CLUSTER_TYPE } from "../components/kubernetes/azureml-extension-settings";
import { DEFAULT_INSTANCE_TYPE_NAME, instanceTypeNameProblem, instanceTypeProblems, namespaceProblem } from "../components/kubernetes/instance-types";
import { parseResourceId, resourceTypeOfId } from "../components/resource-ids";
import { at, closest, type ConfigProblem } from "./config-errors";
import { createdClusterProblems } from "./config-semantics-aks-create";
import type { PlatformConfig } from "./config-types";

type Attachments = PlatformConfig["compute"]["kubernetes"];

/** Every `compute.kubernetes` section of the config with its key path: the platform's and each team's. */
function attachmentSections(c: PlatformConfig): { path: string; computes: Attachments }[] {
    return [
        { path: "compute.kubernetes", computes: c.compute.kubernetes },
        ...Object.entries(c.teams ?? {}).map(([key, t]) => ({ path: `teams.${key}.compute.kubernetes`, computes: t.compute?.kubernetes ?? {} })),
    ];
}

/** The clusters: adopted (an AKS cluster ID in the deployment's subscription and region) or created (hardened settings), and extension settings that hold together. */
export function kubernetesClusterProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const privateStack = c.network.publicNetworkAccess === "Disabled";
    const groupSubscription = c.resourceGroup.existingId ? parseResourceId(c.resourceGroup.existingId).subscriptionId : undefined;
    for (const [key, cluster] of Object.entries(c.kubernetes.clusters)) {
        const base = `kubernetes.clusters.${key}`;
        if (cluster.existingId !== undefined) {
            const type = resourceTypeOfId(cluster.existingId);
            if (type?.toLowerCase() !== AKS_CLUSTER_TYPE.toLowerCase()) {
                out.push({ path: at(`${base}.existingId`), problem: `is ${type ? `a ${type}` : "a resource group"} ID`, fix: `give the ID of a ${AKS_CLUSTER_TYPE}` });
            } else if (groupSubscription && parseResourceId(cluster.existingId).subscriptionId.toLowerCase() !== groupSubscription.toLowerCase()) {
                out.push({
                    path: at(`${base}.existingId`),
                    problem: `is in subscription ${parseResourceId(cluster.existingId).subscriptionId}, not the platform's (${groupSubscription}); Azure ML does not attach an AKS cluster across subscriptions`,
                    fix: "use a cluster of the platform's subscription (or connect it to Azure Arc in that subscription)",
                });
            }
        }
        out.push(...createdClusterProblems(c, key, cluster));
        if (privateStack && cluster.location !== undefined && cluster.location !== c.location) {
            out.push({ path: at(`${base}.location`), problem: `is ${cluster.location}, but a workspace with a private endpoint needs its AKS cluster in its own region (${c.location})`, fix: `use a cluster in ${c.location}` });
        }
        const a = cluster.azureml;
        const settings = { ...a, hasSslCertPem: a.sslCertPemSecret !== undefined, hasSslKeyPem: a.sslKeyPemSecret !== undefined };
        for (const p of azureMlExtensionProblems(settings, { privateStack, production: c.production })) {
            out.push({ path: at(`${base}.azureml.${p.key}`), problem: p.problem, fix: p.fix });
        }
    }
    return out;
}

/** The attachments: known cluster, namespace rules, one attachment per cluster and namespace, instance types. */
export function kubernetesComputeProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const clusterKeys = Object.keys(c.kubernetes.clusters);
    /** First attachment of each cluster/namespace pair. */
    const byNamespace = new Map<string, string>();
    /** First definition of each instance type name per cluster (InstanceType is a cluster-wide object). */
    const typesByCluster = new Map<string, { path: string; spec: string }>();
    for (const { path, computes } of attachmentSections(c)) {
        for (const [name, k] of Object.entries(computes)) {
            const base = `${path}.${name}`;
            if (!clusterKeys.includes(k.cluster)) {
                const guess = closest(k.cluster, clusterKeys);
                out.push({
                    path: at(`${base}.cluster`),
                    problem: `"${k.cluster}" is not a key of kubernetes.clusters`,
                    fix: clusterKeys.length === 0 ? `add kubernetes.clusters.${k.cluster} with its existingId (or create settings) and azureml settings` : guess ? `did you mean ${guess}?` : `use one of: ${clusterKeys.join(", ")}`,
                });
            }
            const nsProblem = namespaceProblem(k.namespace);
            if (nsProblem) out.push({ path: at(`${base}.namespace`), problem: nsProblem, fix: "name an existing namespace that follows the Kubernetes rule" });
            const pair = `${k.cluster}\u0000${k.namespace}`;
            const first = byNamespace.get(pair);
            if (first === undefined) byNamespace.set(pair, base);
            else {
                out.push({
                    path: at(`${base}.namespace`),
                    problem: `"${k.namespace}" of cluster ${k.cluster} is already the namespace of ${first}; attachments of one cluster isolate their workloads by namespace`,
                    fix: "give each attachment of the cluster its own namespace",
                });
            }
            const types = k.instanceTypes ?? {};
            for (const [typeName, t] of Object.entries(types)) {
                const typePath = `${base}.instanceTypes.${typeName}`;
                const nameProblem = instanceTypeNameProblem(typeName);
                if (nameProblem) out.push({ path: at(typePath), problem: nameProblem, fix: "rename the instance type" });
                for (const p of instanceTypeProblems(t)) out.push({ path: at(`${typePath}.${p.key}`), problem: p.problem, fix: p.fix });
                const spec = JSON.stringify(t);
                const seen = typesByCluster.get(`${k.cluster}\u0000${typeName}`);
                if (seen === undefined) typesByCluster.set(`${k.cluster}\u0000${typeName}`, { path: typePath, spec });
                else if (seen.spec !== spec) {
                    out.push({ path: at(typePath), problem: `differs from ${seen.path}: an instance type is one object in the cluster, shared by every attachment`, fix: "define it the same way in both places, or rename one" });
                }
            }
            const def = k.defaultInstanceType;
            if (def !== undefined && def !== DEFAULT_INSTANCE_TYPE_NAME && types[def] === undefined) {
                const names = Object.keys(types);
                out.push({
                    path: at(`${base}.defaultInstanceType`),
                    problem: `"${def}" is not one of this attachment's instanceTypes`,
                    fix: names.length > 0 ? `use one of: ${names.join(", ")}` : `add instanceTypes.${def}, or remove defaultInstanceType to keep the extension's ${DEFAULT_INSTANCE_TYPE_NAME}`,
                });
            }
            // The default is also written as the cluster-wide `defaultinstancetype` object: one definition per cluster.
            if (def !== undefined && def !== DEFAULT_INSTANCE_TYPE_NAME && types[def] !== undefined) {
                const key = `${k.cluster}\u0000${DEFAULT_INSTANCE_TYPE_NAME}`;
                const spec = JSON.stringify(types[def]);
                const seen = typesByCluster.get(key);
                if (seen === undefined) typesByCluster.set(key, { path: `${base}.defaultInstanceType`, spec });
                else if (seen.spec !== spec) {
                    out.push({
                        path: at(`${base}.defaultInstanceType`),
                        problem: `"${def}" differs from ${seen.path}: the default is the cluster's one ${DEFAULT_INSTANCE_TYPE_NAME} object, shared by every attachment of cluster ${k.cluster}`,
                        fix: "give every attachment of the cluster the same default (defined the same way), or leave defaultInstanceType unset on all but one",
                    });
                }
            }
        }
    }
    return out;
}

/** The Kubernetes checks, in report order (hooked into SEMANTIC_CHECKS). */
export const KUBERNETES_CHECKS = [kubernetesClusterProblems, kubernetesComputeProblems] as const;
