/**
 * What Azure refuses about attached Kubernetes compute and the AzureML cluster extension.
 *
 * Sources (checked 2026-12-04): "Attach a Kubernetes cluster to Azure Machine Learning workspace"
 * (https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace): the
 * extension must be deployed before attaching ("If the Kubernetes Extension Contributor role
 * permission is not available, the cluster attachment fails with 'extension not installed'");
 * "Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster"
 * (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension): no attach
 * across subscriptions; the extension is cluster-scoped, released into `azureml`, and refuses
 * inference without a certificate unless insecure connections are allowed (the CLI's provider,
 * Azure/azure-cli-extensions AzureMLKubernetes.py, applies the same rules before calling ARM).
 */
import { AKS_CLUSTER_TYPE, AZURE_ML_EXTENSION_TYPE, AZURE_ML_RELEASE_NAMESPACE } from "../../components/kubernetes/azureml-extension-settings";
import { readPath } from "../../components/object-path";
import { parseResourceId, resourceTypeOfId } from "../../components/resource-ids";
import { SECRET_SIG, SIG_KEY } from "../wire";
import type { RuleSubject } from "./arm-rules";
import { isUnknown } from "@pulumi/pulumi";

type Rule = (s: RuleSubject) => string | undefined;

const EXTENSION_TYPE = "azure-native:kubernetesconfiguration:Extension";
const CLUSTER_TYPE = "azure-native:containerservice:ManagedCluster";
const isTrue = (v: unknown): boolean => String(plain(v)).toLowerCase() === "true";

/** A value as ARM receives it: the SDK marks a map holding a secret (or a secret value) with Pulumi's secret signature. */
function plain(v: unknown): unknown {
    const o = v as Record<string, unknown> | null;
    return typeof o === "object" && o !== null && o[SIG_KEY] === SECRET_SIG ? plain(o.value) : v;
}

/** Rules of a `Kubernetes` compute (other compute types pass). */
export const KUBERNETES_COMPUTE_RULES: readonly Rule[] = [
    (s) => {
        if (readPath(s.inputs, "properties.computeType") !== "Kubernetes") return undefined;
        const clusterId = readPath(s.inputs, "properties.resourceId");
        // A created cluster's ID is unknown in preview: nothing to check until it is known.
        if (isUnknown(clusterId)) return undefined;
        if (typeof clusterId !== "string") return "properties.resourceId is required for a Kubernetes compute (the ARM ID of the cluster to attach)";
        const type = resourceTypeOfId(clusterId);
        if (type?.toLowerCase() !== AKS_CLUSTER_TYPE.toLowerCase() && type?.toLowerCase() !== "microsoft.kubernetes/connectedclusters") {
            return `properties.resourceId ${clusterId} is not an AKS or Arc Kubernetes cluster`;
        }
        if (parseResourceId(clusterId).subscriptionId.toLowerCase() !== s.subscriptionId.toLowerCase()) {
            return `properties.resourceId is a cluster in subscription ${parseResourceId(clusterId).subscriptionId}, but the workspace is in ${s.subscriptionId}; Azure ML does not attach an AKS cluster across subscriptions`;
        }
        // Only a cluster the stack itself declares is known to have no extension; an adopted one may have it already.
        const cluster = s.lookup(clusterId);
        if (!cluster || cluster.type !== CLUSTER_TYPE) return undefined;
        const prefix = `${clusterId.toLowerCase()}/providers/microsoft.kubernetesconfiguration/extensions/`;
        const extension = s.all().find((r) => r.type === EXTENSION_TYPE && r.id?.toLowerCase().startsWith(prefix) && readPath(r.inputs, "extensionType") === AZURE_ML_EXTENSION_TYPE);
        return extension ? undefined : `the cluster ${clusterId} has no ${AZURE_ML_EXTENSION_TYPE} extension in the stack; attach fails with "extension not installed" (create the AzureML extension first and depend on it)`;
    },
];

/** Rules of the AzureML cluster extension (other extension types pass). */
export const AZURE_ML_EXTENSION_RULES: readonly Rule[] = [
    (s) => {
        if (readPath(s.inputs, "extensionType") !== AZURE_ML_EXTENSION_TYPE) return undefined;
        const problems: string[] = [];
        if (readPath(s.inputs, "scope.namespace") !== undefined) problems.push("scope.namespace: the AzureML extension installs only at cluster scope");
        const ns = readPath(s.inputs, "scope.cluster.releaseNamespace");
        if (ns !== undefined && ns !== AZURE_ML_RELEASE_NAMESPACE) problems.push(`scope.cluster.releaseNamespace is ${String(ns)}; the AzureML extension is released into ${AZURE_ML_RELEASE_NAMESPACE}`);
        const settings = (plain(readPath(s.inputs, "configurationSettings")) ?? {}) as Record<string, unknown>;
        const protectedSettings = readPath(s.inputs, "configurationProtectedSettings");
        if (!isTrue(settings.enableTraining) && !isTrue(settings.enableInference)) problems.push("configurationSettings: neither enableTraining nor enableInference is True");
        if (isTrue(settings.enableInference) && !isTrue(settings.allowInsecureConnections) && plain(settings["scoringFe.sslSecret"]) === undefined && protectedSettings === undefined) {
            problems.push("configurationSettings: inference over HTTPS needs a certificate (sslSecret, or scoringFe.sslCert and scoringFe.sslKey in the protected settings) unless allowInsecureConnections is True");
        }
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
];

const FIC_TYPE = "azure-native:managedidentity:FederatedIdentityCredential";
/** Federated credentials one user-assigned identity holds at most. */
export const MAX_FEDERATED_CREDENTIALS_PER_IDENTITY = 20;

/**
 * Rules of a federated identity credential on a user-assigned identity (workload identity of
 * `host: kubernetes` endpoints). "Important considerations and restrictions for federated identity
 * credentials" (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations):
 * at most 20 per identity; issuer and subject at most 600 characters, no wildcards; the
 * issuer/subject pair unique on the identity; one audience.
 */
export const FEDERATED_CREDENTIAL_RULES: readonly Rule[] = [
    (s) => {
        const problems: string[] = [];
        const issuer = s.inputs.issuer;
        const subject = s.inputs.subject;
        const audiences = s.inputs.audiences;
        if (typeof issuer === "string" && (!/^https:\/\//.test(issuer) || issuer.length > 600 || issuer.trim() !== issuer)) problems.push(`issuer "${issuer}" must be an https URL of at most 600 characters without surrounding spaces`);
        if (typeof subject === "string" && (subject.length > 600 || subject.includes("*"))) problems.push(`subject "${subject}" must be at most 600 characters with no wildcard`);
        if (Array.isArray(audiences) && audiences.length !== 1) problems.push(`audiences has ${audiences.length} values; a federated credential takes exactly one`);
        const siblings = s.all().filter((r) => r.type === FIC_TYPE && r.logicalName !== s.logicalName && r.inputs.resourceGroupName === s.inputs.resourceGroupName && r.inputs.resourceName === s.inputs.resourceName);
        if (siblings.length >= MAX_FEDERATED_CREDENTIALS_PER_IDENTITY) problems.push(`identity ${String(s.inputs.resourceName)} already has ${siblings.length} federated credentials; at most ${MAX_FEDERATED_CREDENTIALS_PER_IDENTITY} are allowed`);
        const same = siblings.find((r) => r.inputs.issuer === issuer && r.inputs.subject === subject);
        if (same && typeof issuer === "string" && typeof subject === "string") problems.push(`identity ${String(s.inputs.resourceName)} already trusts issuer ${issuer} for subject ${subject} ("${same.logicalName}"); the pair is unique per identity`);
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
];
