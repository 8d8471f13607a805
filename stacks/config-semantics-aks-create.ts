/**
 * Checks of a `kubernetes.clusters.<key>` entry as bring-your-own (exactly one of `existingId`,
 * which adopts, and `create`, which makes the toolkit create the cluster) and of a cluster to
 * create: its `$defs/aksCluster` settings (checkAksCluster, under the full key path), its derived
 * name, and what the AzureML extension needs of it.
 *
 * Azure facts used (checked 2026-12-04), "Deploy Azure Machine Learning extension on AKS or Arc
 * Kubernetes cluster" (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension),
 * Limitations: "Azure Machine Learning doesn't support disabling local accounts for AKS. When the
 * AKS cluster is deployed, local accounts are enabled by default." (The Trusted Access route,
 * Azure/AML-Kubernetes docs/azureml-aks-ta-support.md, is a preview that needs sign-up.)
 * "Use node taints in an AKS cluster" / "Manage system node pools in AKS"
 * (https://learn.microsoft.com/azure/aks/use-system-pools): the system pool's
 * CriticalAddonsOnly=true:NoSchedule taint admits only pods that tolerate it; no Azure ML document
 * says the extension's pods do, so a created cluster carrying the extension needs a user pool.
 */
import { NamingError, nameProblem, deriveName } from "../components/naming";
import { aksClusterName } from "../components/platform-names";
import { at, type ConfigProblem } from "./config-errors";
import { aksCheckContext, checkAksCluster } from "./config-semantics-aks";
import type { PlatformConfig } from "./config-types";

type ClusterConfig = PlatformConfig["kubernetes"]["clusters"][string];

/** The Azure ML limitation a created cluster's `localAccounts: true` answers. */
export const AZURE_ML_LOCAL_ACCOUNTS_LIMITATION =
    "Azure Machine Learning doesn't support disabling local accounts for AKS (\"Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster\", Limitations)";

/** Problems of one cluster entry's adopt-or-create shape and, when created, of its settings. */
export function createdClusterProblems(c: PlatformConfig, key: string, cluster: ClusterConfig): ConfigProblem[] {
    const base = `kubernetes.clusters.${key}`;
    const out: ConfigProblem[] = [];
    // The one bring-your-own rule (components/bring-your-own.ts): an ID and settings to create contradict each other.
    if (cluster.existingId !== undefined && cluster.create !== undefined) {
        out.push({ path: at(`${base}.existingId`), problem: `set together with ${base}.create (an adopted cluster keeps its own settings)`, fix: "set only existingId to adopt the cluster, or only create to create one" });
        return out;
    }
    if (cluster.existingId === undefined && cluster.create === undefined) {
        out.push({ path: at(base), problem: "has neither existingId nor create", fix: "adopt a cluster with existingId: <ARM ID of the AKS cluster>, or create one with create: { ... } (create: {} takes every default)" });
        return out;
    }
    const s = cluster.create;
    if (s === undefined) return out;
    const createPath = `${base}.create`;
    // The names AksCluster checks: the derived cluster name and the DNS prefix derived from it.
    try {
        const name = aksClusterName(c.namePrefix, key);
        const issue = nameProblem("aksCluster", name) ?? nameProblem("aksDnsPrefix", deriveName("aksDnsPrefix", name));
        if (issue) out.push({ path: at(base), problem: `gives the created AKS cluster an invalid name (${name}): ${issue}`, fix: "choose another namePrefix or cluster key" });
    } catch (e) {
        if (!(e instanceof NamingError)) throw e;
        out.push({ path: at(base), problem: `gives the created AKS cluster an invalid name (aks-${c.namePrefix}-${key}): ${e.message}`, fix: "choose another namePrefix or cluster key" });
    }
    if (cluster.location !== undefined && cluster.location !== c.location) {
        out.push({ path: at(`${base}.location`), problem: `is ${cluster.location}, but a created cluster goes in the platform's region (${c.location}), where its resource group and aks subnet are`, fix: "remove location, or adopt a cluster of that region with existingId" });
    }
    out.push(...checkAksCluster(createPath, s, aksCheckContext(c)));
    // Every entry carries the AzureML extension (azureml is required), so a created cluster keeps local accounts, said explicitly.
    if (!s.localAccounts) {
        out.push({
            path: at(`${createPath}.localAccounts`),
            problem: `is false, but this cluster gets the AzureML extension and ${AZURE_ML_LOCAL_ACCOUNTS_LIMITATION}; the aks-local-accounts-disabled policy reports the cluster as advisory`,
            fix: "write localAccounts: true under create (with a comment citing the limitation), or adopt a cluster with existingId",
        });
    }
    if (Object.keys(s.userPools).length === 0) {
        out.push({
            path: at(`${createPath}.userPools`),
            problem: "is empty, but the AzureML extension's pods need a user pool: the system pool is tainted CriticalAddonsOnly=true:NoSchedule and no Azure ML document says the extension tolerates it",
            fix: "add a user pool, e.g. userPools: { cpu: { vmSize: Standard_D8ds_v5, maxCount: 3 } }",
        });
    }
    return out;
}

