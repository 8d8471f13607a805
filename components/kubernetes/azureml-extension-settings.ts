/**
 * The AzureML cluster extension (`Microsoft.AzureML.Kubernetes`) as pure data: its settings with
 * defaults applied, the checks of a combination, and the ARM `configurationSettings` the Azure CLI
 * would send for them. No resources here: the component (`azureml-extension.ts`), the stack
 * config checks and the tests share it.
 *
 * Sources (checked 2026-12-04):
 * - "Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension): the
 *   setting names and values (`enableTraining`, `enableInference`, `allowInsecureConnections`,
 *   `inferenceRouterServiceType`, `internalLoadBalancerProvider`, `sslSecret`, `sslCname`,
 *   `inferenceRouterHA`, `nodeSelector`, `installNvidiaDevicePlugin`, `installPromOp`,
 *   `installVolcano`, `installDcgmExporter`; protected `sslCertPemFile`/`sslKeyPemFile`), the
 *   cluster scope and the `azureml` release namespace.
 * - The Azure CLI's extension provider, which turns those settings into the ARM request
 *   (Azure/azure-cli-extensions, src/k8s-extension/azext_k8s_extension/partner_extensions/AzureMLKubernetes.py):
 *   certificate and key go base64-encoded as the protected `scoringFe.sslCert`/`scoringFe.sslKey`,
 *   a secret name as `scoringFe.sslSecret`; an internal load balancer adds
 *   `scoringFe.serviceType.internalLoadBalancer`, a node port `scoringFe.serviceType.nodePort`;
 *   on AKS it sets `relayserver.enabled=false`, `servicebus.enabled=false`,
 *   `nginxIngress.enabled=true`, and `cluster_name`, `cluster_name_friendly`, `location`,
 *   `jobSchedulerLocation`, `domain`; release train `stable` unless given; a system-assigned identity.
 *   HTTPS needs a certificate (files or secret) and a CNAME, unless insecure connections are allowed;
 *   node port and an internal load balancer exclude each other.
 */
import { COMPONENT_DEFAULTS as D } from "../defaults";
import type { AzureMlExtensionSettingsArgs } from "./azureml-extension";

/** The extension type registered with Microsoft.KubernetesConfiguration. */
export const AZURE_ML_EXTENSION_TYPE = "Microsoft.AzureML.Kubernetes";
/** The namespace the CLI installs the extension into (fixed: "Fixed value, do not change"). */
export const AZURE_ML_RELEASE_NAMESPACE = "azureml";
/** The extension resource's name when none is given. */
export const AZURE_ML_EXTENSION_NAME = "azureml";
/** ARM type of an AKS cluster, the only cluster kind this toolkit attaches. */
export const AKS_CLUSTER_TYPE = "Microsoft.ContainerService/managedClusters";

/**
 * The extension's settings as a user writes them (every field optional but the two toggles): the
 * component's settings, with the PEM values replaced by whether they are given (their values never
 * enter this module).
 */
export type AzureMlExtensionSettingsInput = Omit<AzureMlExtensionSettingsArgs, "sslCertPem" | "sslKeyPem"> & {
    /** Whether a PEM certificate is given. */
    hasSslCertPem?: boolean;
    /** Whether a PEM private key is given. */
    hasSslKeyPem?: boolean;
};

/** The settings with every default applied. */
export type AzureMlExtensionSettings = Required<Omit<AzureMlExtensionSettingsInput, "sslCname" | "sslSecretName">> & Pick<AzureMlExtensionSettingsInput, "sslCname" | "sslSecretName">;

/** Applies the defaults of COMPONENT_DEFAULTS (`kubernetes.clusters.*.azureml.*`). */
export function resolveAzureMlExtensionSettings(s: AzureMlExtensionSettingsInput): AzureMlExtensionSettings {
    return {
        enableTraining: s.enableTraining,
        enableInference: s.enableInference,
        inferenceRouterServiceType: s.inferenceRouterServiceType ?? D["kubernetes.clusters.*.azureml.inferenceRouterServiceType"],
        internalLoadBalancer: s.internalLoadBalancer ?? D["kubernetes.clusters.*.azureml.internalLoadBalancer"],
        allowInsecureConnections: s.allowInsecureConnections ?? D["kubernetes.clusters.*.azureml.allowInsecureConnections"],
        sslCname: s.sslCname,
        sslSecretName: s.sslSecretName,
        hasSslCertPem: s.hasSslCertPem ?? false,
        hasSslKeyPem: s.hasSslKeyPem ?? false,
        inferenceRouterHA: s.inferenceRouterHA ?? D["kubernetes.clusters.*.azureml.inferenceRouterHA"],
        installNvidiaDevicePlugin: s.installNvidiaDevicePlugin ?? D["kubernetes.clusters.*.azureml.installNvidiaDevicePlugin"],
        installPromOp: s.installPromOp ?? D["kubernetes.clusters.*.azureml.installPromOp"],
        installVolcano: s.installVolcano ?? D["kubernetes.clusters.*.azureml.installVolcano"],
        installDcgmExporter: s.installDcgmExporter ?? D["kubernetes.clusters.*.azureml.installDcgmExporter"],
        nodeSelector: { ...(s.nodeSelector ?? {}) },
        releaseTrain: s.releaseTrain ?? D["kubernetes.clusters.*.azureml.releaseTrain"],
        autoUpgradeMinorVersion: s.autoUpgradeMinorVersion ?? D["kubernetes.clusters.*.azureml.autoUpgradeMinorVersion"],
    };
}

/** Where the extension is installed: what decides which combinations are acceptable. */
export interface ExtensionContext {
    /** The stack keeps its endpoints private (public network access off): no public inference router. */
    privateStack: boolean;
    /** A production stack: plain HTTP is refused even when asked for. */
    production: boolean;
}

/** One problem, keyed by the setting (relative to the extension's settings). */
export interface SettingProblem {
    /** Setting name, e.g. `allowInsecureConnections`. */
    key: string;
    problem: string;
    fix: string;
}

/** Whether the inference router gets a public address: a load balancer that is not internal. */
export function routerIsPublic(s: Pick<AzureMlExtensionSettings, "enableInference" | "inferenceRouterServiceType" | "internalLoadBalancer">): boolean {
    return s.enableInference && s.inferenceRouterServiceType === "loadBalancer" && !s.internalLoadBalancer;
}

/** Every problem of one extension's settings (empty when the CLI and the extension would accept them and the stack's rules hold). */
export function azureMlExtensionProblems(input: AzureMlExtensionSettingsInput, ctx: ExtensionContext): SettingProblem[] {
    const s = resolveAzureMlExtensionSettings(input);
    const out: SettingProblem[] = [];
    if (!s.enableTraining && !s.enableInference) {
        out.push({ key: "enableTraining", problem: "and enableInference are both false: the extension would run nothing", fix: "set enableTraining: true (jobs) and/or enableInference: true (online endpoints)" });
    }
    if (routerIsPublic(s) && ctx.privateStack) {
        out.push({
            key: "internalLoadBalancer",
            problem: "is false, which gives the inference router a public load balancer in a private stack",
            fix: "remove internalLoadBalancer (an Azure internal load balancer is the default), or use inferenceRouterServiceType nodePort/clusterIP behind your own private ingress",
        });
    }
    if (s.enableInference && s.inferenceRouterServiceType === "nodePort" && input.internalLoadBalancer === true) {
        // The CLI refuses internalLoadBalancerProvider with nodePort (MutuallyExclusiveArgumentError).
        out.push({ key: "internalLoadBalancer", problem: "applies to a load balancer, but inferenceRouterServiceType is nodePort", fix: "remove internalLoadBalancer, or use inferenceRouterServiceType loadBalancer" });
    }
    if (s.allowInsecureConnections && ctx.production) {
        out.push({ key: "allowInsecureConnections", problem: "is true in a production stack: inference endpoints would take plain HTTP", fix: "remove it and give sslCname with sslSecretName or sslCertPemSecret + sslKeyPemSecret" });
    }
    if (s.hasSslCertPem !== s.hasSslKeyPem) {
        out.push({
            key: s.hasSslCertPem ? "sslKeyPemSecret" : "sslCertPemSecret",
            problem: `is missing: ${s.hasSslCertPem ? "a certificate" : "a key"} is given without its ${s.hasSslCertPem ? "key" : "certificate"}`,
            fix: "give both sslCertPemSecret and sslKeyPemSecret, or sslSecretName instead",
        });
    }
    const certificate = (s.hasSslCertPem && s.hasSslKeyPem) || s.sslSecretName !== undefined;
    if (s.sslSecretName !== undefined && (s.hasSslCertPem || s.hasSslKeyPem)) {
        out.push({ key: "sslSecretName", problem: "is set together with sslCertPemSecret/sslKeyPemSecret (the extension would use the files and ignore the secret)", fix: "give either the Kubernetes secret or the PEM certificate and key" });
    }
    if (certificate && !s.sslCname) {
        out.push({ key: "sslCname", problem: "is required with a certificate: the HTTPS endpoint is served under this name", fix: "set sslCname to the DNS name the certificate is issued for" });
    }
    if (s.sslCname && !certificate) {
        out.push({ key: "sslCname", problem: "is set without a certificate", fix: "add sslSecretName (a secret with cert.pem and key.pem in the azureml namespace) or sslCertPemSecret + sslKeyPemSecret" });
    }
    if (s.enableInference && !s.allowInsecureConnections && !certificate) {
        out.push({
            key: "sslCname",
            problem: "and a certificate are required for inference: HTTPS is the default and the extension refuses to install without a certificate",
            fix: "set sslCname with sslSecretName or sslCertPemSecret + sslKeyPemSecret (or, outside production, allowInsecureConnections: true)",
        });
    }
    if (!s.enableInference) {
        // Only a value other than the default is a choice (a stack file has its defaults filled in).
        const defaults = resolveAzureMlExtensionSettings({ enableTraining: s.enableTraining, enableInference: false });
        const inferenceOnly = ["inferenceRouterServiceType", "internalLoadBalancer", "allowInsecureConnections", "inferenceRouterHA"] as const;
        for (const key of inferenceOnly) {
            if (input[key] !== undefined && input[key] !== defaults[key]) out.push({ key, problem: "applies to inference, which is not enabled", fix: "remove it, or set enableInference: true" });
        }
    }
    return out;
}

/** The cluster the extension goes on, as the CLI's generated settings need it (`T`: a string, or a value known later). */
export interface ExtensionCluster<T = string> {
    /** ARM ID of the managed cluster. */
    id: T;
    /** Cluster name. */
    name: T;
    /** Cluster region. */
    location: string;
}

const bool = (b: boolean): string => (b ? "True" : "False");

/**
 * The ARM `configurationSettings` (not the protected ones) of the extension, as the Azure CLI's
 * provider builds them for an AKS cluster. The PEM files are the component's to add (as secrets).
 */
export function azureMlConfigurationSettings<T = string>(s: AzureMlExtensionSettings, cluster: ExtensionCluster<T>): Record<string, string | T> {
    const out: Record<string, string | T> = {
        enableTraining: bool(s.enableTraining),
        enableInference: bool(s.enableInference),
        installNvidiaDevicePlugin: bool(s.installNvidiaDevicePlugin),
        installPromOp: bool(s.installPromOp),
        installDcgmExporter: bool(s.installDcgmExporter),
        // Set by the CLI for every AKS cluster: no Azure Relay or Service Bus (those are for Arc clusters).
        "relayserver.enabled": "false",
        "servicebus.enabled": "false",
        "nginxIngress.enabled": "true",
        cluster_name: cluster.id,
        clusterId: cluster.id,
        "prometheus.prometheusSpec.externalLabels.cluster_name": cluster.id,
        cluster_name_friendly: cluster.name,
        location: cluster.location,
        jobSchedulerLocation: cluster.location,
        domain: `${cluster.location}.cloudapp.azure.com`,
    };
    if (s.enableTraining) out.installVolcano = bool(s.installVolcano);
    for (const [k, v] of Object.entries(s.nodeSelector)) out[`nodeSelector.${k}`] = v;
    if (s.enableInference) {
        out.inferenceRouterServiceType = s.inferenceRouterServiceType;
        out.allowInsecureConnections = bool(s.allowInsecureConnections);
        out.inferenceRouterHA = bool(s.inferenceRouterHA);
        if (s.inferenceRouterServiceType === "nodePort") out["scoringFe.serviceType.nodePort"] = "True";
        if (s.inferenceRouterServiceType === "loadBalancer" && s.internalLoadBalancer) {
            out.internalLoadBalancerProvider = "azure";
            out["scoringFe.serviceType.internalLoadBalancer"] = "True";
        }
        if (s.sslCname) out.sslCname = s.sslCname;
        if (s.sslSecretName && !s.allowInsecureConnections) {
            out.sslSecret = s.sslSecretName;
            out["scoringFe.sslSecret"] = s.sslSecretName;
        }
    }
    return out;
}

/** Base64 of a PEM text, as the CLI sends `scoringFe.sslCert` / `scoringFe.sslKey`. */
export function pemToSetting(pem: string): string {
    return Buffer.from(pem, "ascii").toString("base64");
}
