import * as pulumi from "@pulumi/pulumi";
import { Extension } from "@pulumi/azure-native/kubernetesconfiguration";
import type { InferenceRouterServiceType } from "../enums";
import { parseResourceId } from "../resource-ids";
import {
    AKS_CLUSTER_TYPE,
    AZURE_ML_EXTENSION_NAME,
    AZURE_ML_EXTENSION_TYPE,
    AZURE_ML_RELEASE_NAMESPACE,
    azureMlConfigurationSettings,
    azureMlExtensionProblems,
    pemToSetting,
    resolveAzureMlExtensionSettings,
} from "./azureml-extension-settings";

/** Settings that name a Kubernetes secret. */
const SECRET_NAMED = ["sslSecret", "scoringFe.sslSecret"];

/** Arguments of {@link AzureMlExtension}. */
export interface AzureMlExtensionArgs extends AzureMlExtensionSettingsArgs {
    /** ARM ID of the AKS cluster (`Microsoft.ContainerService/managedClusters`): a created cluster's `id` output or an existing cluster's ID. Required. */
    clusterId: pulumi.Input<string>;
    /** Region of the cluster (the extension's `location`/`jobSchedulerLocation` settings). Required. */
    clusterLocation: string;
    /** Name of the extension resource. Default `azureml`. */
    extensionName?: string;
    /** The stack is private: a public inference router is refused. Default true. */
    privateNetwork?: boolean;
    /** A production stack: plain HTTP is refused. Default false. */
    production?: boolean;
}

/** The extension's settings, as a user chooses them (`kubernetes.clusters.<key>.azureml`). */
export interface AzureMlExtensionSettingsArgs {
    /** Run training jobs and batch scoring (`enableTraining`). Required: no default, so the choice is explicit. */
    enableTraining: boolean;
    /** Serve online endpoints (`enableInference`). Required: no default, so the choice is explicit. */
    enableInference: boolean;
    /** How the inference router is exposed. Default `loadBalancer` (internal, see `internalLoadBalancer`). */
    inferenceRouterServiceType?: InferenceRouterServiceType;
    /** The router's load balancer is an Azure internal one (`internalLoadBalancerProvider: azure`). Default true. */
    internalLoadBalancer?: boolean;
    /** Serve inference over plain HTTP. Default false (HTTPS with `sslCname` and a certificate). */
    allowInsecureConnections?: boolean;
    /** DNS name of the HTTPS inference endpoint (`sslCname`). Default none; required with a certificate. */
    sslCname?: string;
    /** Kubernetes secret in the `azureml` namespace holding `cert.pem` and `key.pem` (`sslSecret`). Default none. */
    sslSecretName?: string;
    /** PEM certificate of the HTTPS endpoint; always sent as a secret in the protected settings. Default none. */
    sslCertPem?: pulumi.Input<string>;
    /** PEM private key of the HTTPS endpoint (no pass phrase); always sent as a secret in the protected settings. Default none. */
    sslKeyPem?: pulumi.Input<string>;
    /** Three inference router replicas (needs three nodes). Default true. */
    inferenceRouterHA?: boolean;
    /** Install the NVIDIA device plugin. Default false. */
    installNvidiaDevicePlugin?: boolean;
    /** Install the extension's Prometheus operator. Default true. */
    installPromOp?: boolean;
    /** Install the Volcano scheduler (training). Default true. */
    installVolcano?: boolean;
    /** Install the DCGM exporter for GPU metrics. Default false. */
    installDcgmExporter?: boolean;
    /** Node labels the extension and its workloads are restricted to. Default none (any node). */
    nodeSelector?: { [label: string]: string };
    /** Release train of automatic upgrades. Default `stable`. */
    releaseTrain?: string;
    /** Take minor versions automatically. Default true. */
    autoUpgradeMinorVersion?: boolean;
}

/**
 * The AzureML cluster extension (`Microsoft.AzureML.Kubernetes`) on an AKS cluster, installed once
 * per cluster; every workspace that attaches the cluster uses it. Cluster-scoped in the `azureml`
 * namespace, with a system-assigned identity, settings as the Azure CLI sends them, the TLS
 * certificate and key only in the protected settings, as secrets.
 */
export class AzureMlExtension extends pulumi.ComponentResource {
    /** The extension's ARM ID. */
    readonly id: pulumi.Output<string>;
    /** The extension's name. */
    readonly extensionName: pulumi.Output<string>;
    /** Principal ID of the extension's identity (the Kubernetes compute's `extensionPrincipalId`). */
    readonly principalId: pulumi.Output<string>;
    /** Release train (the Kubernetes compute's `extensionInstanceReleaseTrain`). */
    readonly releaseTrain: pulumi.Output<string>;
    /** The cluster's ARM ID. */
    readonly clusterId: pulumi.Output<string>;

    constructor(name: string, args: AzureMlExtensionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:AzureMlExtension", name, {}, opts);
        const input = { ...args, hasSslCertPem: args.sslCertPem !== undefined, hasSslKeyPem: args.sslKeyPem !== undefined };
        const problems = azureMlExtensionProblems(input, { privateStack: args.privateNetwork ?? true, production: args.production ?? false });
        if (problems.length > 0) {
            throw new pulumi.ResourceError(problems.map((p) => `${p.key}: ${p.problem} (${p.fix})`).join("; "), this);
        }
        const s = resolveAzureMlExtensionSettings(input);
        const clusterId = pulumi.output(args.clusterId);
        const parts = clusterId.apply((id) => {
            const p = parseResourceId(id);
            if (p.type?.toLowerCase() !== AKS_CLUSTER_TYPE.toLowerCase()) throw new pulumi.ResourceError(`clusterId: ${id} is not a ${AKS_CLUSTER_TYPE} ID`, this);
            return p;
        });
        // Certificate and key only when HTTPS is asked for; wrapped as secrets whatever the caller passed.
        const tls = !s.allowInsecureConnections && args.sslCertPem !== undefined && args.sslKeyPem !== undefined;
        const protectedSettings = tls
            ? pulumi.secret(
                  pulumi.all([args.sslCertPem, args.sslKeyPem]).apply(([cert, key]) => ({ "scoringFe.sslCert": pemToSetting(cert as string), "scoringFe.sslKey": pemToSetting(key as string) })),
              )
            : undefined;
        const extension = new Extension(
            `${name}-extension`,
            {
                resourceGroupName: parts.apply((p) => p.resourceGroupName),
                clusterRp: "Microsoft.ContainerService",
                clusterResourceName: "managedClusters",
                clusterName: parts.apply((p) => p.name),
                extensionName: args.extensionName ?? AZURE_ML_EXTENSION_NAME,
                extensionType: AZURE_ML_EXTENSION_TYPE,
                autoUpgradeMinorVersion: s.autoUpgradeMinorVersion,
                releaseTrain: s.releaseTrain,
                scope: { cluster: { releaseNamespace: AZURE_ML_RELEASE_NAMESPACE } },
                identity: { type: "SystemAssigned" },
                configurationSettings: Object.fromEntries(
                    Object.entries(azureMlConfigurationSettings(s, { id: clusterId, name: parts.apply((p) => p.name), location: args.clusterLocation })).map(([k, v]) => [
                        k,
                        // The name of a Kubernetes secret is not secret, but sent as one so no name-based check has to guess.
                        SECRET_NAMED.includes(k) ? pulumi.secret(v) : v,
                    ]),
                ),
                configurationProtectedSettings: protectedSettings,
            },
            // A created cluster (and its user pools) must exist first: a component's dependsOn does not reach its children.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.id = extension.id;
        this.extensionName = extension.name;
        this.clusterId = clusterId;
        this.releaseTrain = pulumi.output(s.releaseTrain);
        this.principalId = extension.identity.apply((i) => {
            if (!i?.principalId) throw new pulumi.ResourceError("the AzureML extension has no identity principal ID", this);
            return i.principalId;
        });
        this.registerOutputs({ id: this.id, extensionName: this.extensionName, principalId: this.principalId, releaseTrain: this.releaseTrain, clusterId: this.clusterId });
    }
}
