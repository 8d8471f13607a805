/**
 * Policies for the AzureML cluster extension (azure-native:kubernetesconfiguration:Extension of
 * type Microsoft.AzureML.Kubernetes). The pack's own controls (CONTROLS.md has no row for the
 * extension): the documented defaults are HTTPS (`allowInsecureConnections` "for development or
 * test purposes") and, on AKS, `internalLoadBalancerProvider: azure` "to allow the inference
 * router using internal load balancer" ("Deploy Azure Machine Learning extension on AKS or Arc
 * Kubernetes cluster", https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension).
 * Attached Kubernetes compute is held to `ml-compute-local-auth-disabled` like every compute.
 */
import { resourcePolicy } from "../lib/define";
import { eqi, readObject, readPath, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

const AZURE_ML_EXTENSION_TYPE = "Microsoft.AzureML.Kubernetes";
const DOC = "Deploy Azure Machine Learning extension on AKS or Arc Kubernetes cluster";

/** The extension's configuration settings, or notApplicable for other extension types. */
function azureMlSettings(props: Record<string, unknown>, notApplicable: (reason: string) => never): Record<string, unknown> {
    if (!eqi(readPath(props, "extensionType"), AZURE_ML_EXTENSION_TYPE)) notApplicable(`only ${AZURE_ML_EXTENSION_TYPE} extensions`);
    return readObject(props, "configurationSettings");
}

/** Inference endpoints only over HTTPS. */
export const azureMlExtensionHttps = resourcePolicy({
    name: "azureml-extension-https",
    description: "The AzureML cluster extension must not allow insecure (HTTP) inference connections.",
    severity: "high",
    remediation: "Remove allowInsecureConnections (or set it to False) and give sslCname with sslSecret, or scoringFe.sslCert and scoringFe.sslKey in the protected settings.",
    sources: { other: [DOC], mcsb: ["DP-3"] },
    controls: ["azuremlExtension.https"],
    types: [TYPES.k8sExtension],
    check: ({ props, report, args }) => {
        const v = azureMlSettings(props, (r) => args.notApplicable(r)).allowInsecureConnections;
        if (eqi(String(v), "true")) report(`configurationSettings.allowInsecureConnections is ${show(v)}; set it to False`);
    },
});

interface RouterConfig {
    allowPublicInferenceRouter: boolean;
}

/** The inference router behind an internal load balancer (or a node port / cluster IP behind your own ingress). */
export const azureMlExtensionInternalRouter = resourcePolicy<RouterConfig>({
    name: "azureml-extension-internal-router",
    description: "The AzureML cluster extension's inference router must not get a public load balancer unless the policy config allows it.",
    severity: "high",
    remediation: "Set internalLoadBalancerProvider to azure (with inferenceRouterServiceType loadBalancer), use nodePort or clusterIP behind a private ingress, or set allowPublicInferenceRouter in the policy config.",
    sources: { other: [DOC, "AKS internal load balancer guidance"], mcsb: ["NS-2"] },
    controls: ["azuremlExtension.internal-inference-router"],
    types: [TYPES.k8sExtension],
    config: { allowPublicInferenceRouter: { type: "boolean", default: false, description: "Allow a public load balancer in front of the inference router." } },
    check: ({ props, config, report, args }) => {
        const s = azureMlSettings(props, (r) => args.notApplicable(r));
        if (!eqi(String(s.enableInference), "true")) args.notApplicable("only extensions with inference enabled");
        if (!eqi(String(s.inferenceRouterServiceType), "loadBalancer")) return;
        if (!eqi(String(s.internalLoadBalancerProvider), "azure") && !config.allowPublicInferenceRouter) {
            report(`configurationSettings.internalLoadBalancerProvider is ${show(s.internalLoadBalancerProvider)} with inferenceRouterServiceType loadBalancer; set it to azure`);
        }
    },
});
