/**
 * One `host: kubernetes` endpoint: plain Kubernetes objects (kubernetes-serving-manifests.ts) on a
 * cluster the stack created, through a Kubernetes provider that signs in with Entra ID (the
 * cluster-user exec kubeconfig; see aks-cluster-objects.ts for what `pulumi up` needs for it), and
 * the Azure side the pods need:
 * - a user-assigned identity with a federated credential for the endpoint's service account
 *   (issuer = the cluster's OIDC issuer, subject `system:serviceaccount:<ns>:<sa>`, audience
 *   api://AzureADTokenExchange; "Use Microsoft Entra Workload ID with AKS",
 *   https://learn.microsoft.com/azure/aks/workload-identity-overview), holding Storage Blob Data
 *   Reader on the model's storage account;
 * - AcrPull on the workspace registry for the cluster's KUBELET identity: the kubelet pulls images
 *   before any pod runs, with the node's identity, never with a pod's workload identity
 *   ("Authenticate with Azure Container Registry (ACR) from Azure Kubernetes Service (AKS)",
 *   https://learn.microsoft.com/azure/aks/cluster-container-registry-integration: the integration
 *   "assigns the AcrPull role to the Microsoft Entra ID managed identity associated with the agent
 *   pool"). That grant is one per cluster and serving workspace (kubernetes-host.ts makes it).
 *
 * Every child is parented to this component, never to another resource: under Pulumi mocks a
 * custom resource parented to a custom resource costs over a second per registration.
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { Namespace, Secret, Service, ServiceAccount } from "@pulumi/kubernetes/core/v1";
import { Deployment } from "@pulumi/kubernetes/apps/v1";
import { HorizontalPodAutoscaler } from "@pulumi/kubernetes/autoscaling/v2";
import { PodDisruptionBudget } from "@pulumi/kubernetes/policy/v1";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import { FederatedIdentityCredential, UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { grantRole } from "../../access/grant";
import { deriveName } from "../../naming";
import { KubernetesServiceType } from "../serving-enums";
import { clusterScoringUri, SECRET_ENV_NAME, servingManifests, WORKLOAD_IDENTITY_AUDIENCE, type KubernetesEndpointSpecArgs } from "./kubernetes-serving-manifests";

/** Arguments of {@link KubernetesEndpoint}. */
export interface KubernetesEndpointArgs {
    /** The endpoint's objects (the identity's client ID is this component's). Required. */
    spec: KubernetesEndpointSpecArgs;
    /** The cluster-user kubeconfig (exec, kubelogin; secret) of the cluster. Required. */
    kubeconfig: pulumi.Input<string>;
    /** OIDC issuer URL of the cluster. Required. */
    oidcIssuerUrl: pulumi.Input<string>;
    /** Application Insights connection string the app reports requests to (secret). Default: none (the Secret's key is empty). */
    applicationInsightsConnectionString?: pulumi.Input<string>;
    /** Secret environment variable values by name. Default: none. */
    secretEnvironmentVariables?: { [name: string]: pulumi.Input<string> };
    /** Storage account holding the model files (the identity gets Storage Blob Data Reader). Default: none. */
    modelStorageAccountId?: pulumi.Input<string>;
    /** Application Insights component the app reports to (the identity gets Monitoring Metrics Publisher: the component takes Entra ID ingestion only). Default: none. */
    applicationInsightsId?: pulumi.Input<string>;
    /** Base of the identity's Azure name (e.g. `platform-fraud-scorer`). Required. */
    identityNameBase: string;
    /** Resource group of the identity. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Region of the identity. Required. */
    location: string;
    /** Tags of the identity. Default: none. */
    tags?: { [key: string]: string };
    /** Subscription of the role definitions. Required. */
    subscriptionId: pulumi.Input<string>;
    /** Stable strings naming the workspace (role assignment names). Required. */
    uniqueBy: string[];
}

/** A scoring Deployment with its Service, autoscaler, disruption budget and network policies on AKS. */
export class KubernetesEndpoint extends pulumi.ComponentResource {
    /** Where clients call: the Service's DNS name (ClusterIP) or the internal load balancer's private IP. */
    readonly scoringUri: pulumi.Output<string>;
    /** Client ID of the endpoint's workload identity. */
    readonly clientId: pulumi.Output<string>;
    /** Principal ID of the endpoint's workload identity. */
    readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: KubernetesEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:KubernetesEndpoint", name, {}, opts);
        const s = args.spec;
        const azure = { parent: this };
        const identity = new UserAssignedIdentity(
            `${name}-identity`,
            { resourceName: deriveName("userAssignedIdentity", `id-${args.identityNameBase}`), resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags },
            azure,
        );
        const federation = new FederatedIdentityCredential(
            `${name}-federation`,
            {
                resourceName: identity.name,
                resourceGroupName: args.resourceGroupName,
                federatedIdentityCredentialResourceName: deriveName("federatedIdentityCredential", `aks-${s.clusterKey}-${s.namespace}-${s.key}`),
                issuer: args.oidcIssuerUrl,
                subject: `system:serviceaccount:${s.namespace}:${s.key}`,
                audiences: [WORKLOAD_IDENTITY_AUDIENCE],
            },
            azure,
        );
        const grants: pulumi.Resource[] = [federation];
        if (args.modelStorageAccountId !== undefined) {
            grants.push(
                grantRole(
                    `${name}-model-reader`,
                    {
                        scope: args.modelStorageAccountId,
                        role: "storageBlobDataReader",
                        principalId: identity.principalId,
                        principalType: "ServicePrincipal",
                        subscriptionId: args.subscriptionId,
                        identity: [...args.uniqueBy, "kubernetes-endpoint", s.key, "model-storage"],
                        description: `Kubernetes endpoint ${s.key} reads its model`,
                    },
                    azure,
                ),
            );
        }

        if (args.applicationInsightsId !== undefined) {
            // Application Insights with local auth off takes telemetry only with an Entra token of an
            // identity holding Monitoring Metrics Publisher ("Microsoft Entra authentication for Application Insights").
            grants.push(
                grantRole(
                    `${name}-telemetry`,
                    {
                        scope: args.applicationInsightsId,
                        role: "monitoringMetricsPublisher",
                        principalId: identity.principalId,
                        principalType: "ServicePrincipal",
                        subscriptionId: args.subscriptionId,
                        identity: [...args.uniqueBy, "kubernetes-endpoint", s.key, "application-insights"],
                        description: `Kubernetes endpoint ${s.key} sends telemetry`,
                    },
                    azure,
                ),
            );
        }

        // The kubeconfig stays secret in the provider's state whatever the caller passed.
        const provider = new Provider(`${name}-provider`, { kubeconfig: pulumi.secret(args.kubeconfig) }, azure);
        // What the caller's dependsOn names (cluster, extension, image pushes, pull grant) must reach every
        // in-cluster object: a component's dependsOn does not reach its children by itself.
        const waitFor = pulumi.output(opts?.dependsOn ?? []).apply((d) => (Array.isArray(d) ? d : [d]) as pulumi.Resource[]);
        const after = (...more: pulumi.Resource[]) => waitFor.apply((d) => [...d, ...more]);
        const inCluster = { parent: this, provider, dependsOn: waitFor };
        const m = servingManifests({ ...s, clientId: identity.clientId });
        const ns = new Namespace(`${name}-namespace`, m.namespace, inCluster);
        // Namespaced objects name the Namespace's output: they wait for it without a dependsOn of their own.
        const inNamespace = <T extends { metadata?: pulumi.Input<object> }>(manifest: T): T => ({ ...manifest, metadata: { ...(manifest.metadata as object), namespace: ns.metadata.name } });
        const secretValues: Record<string, pulumi.Input<string>> = {
            [SECRET_ENV_NAME]: pulumi.output(args.applicationInsightsConnectionString).apply((c) => c ?? ""),
            ...(args.secretEnvironmentVariables ?? {}),
        };
        const secret = new Secret(`${name}-secret`, { ...inNamespace(m.secret), stringData: pulumi.secret(secretValues) }, inCluster);
        const account = new ServiceAccount(`${name}-service-account`, inNamespace(m.serviceAccount), inCluster);
        // Network policies first: the pods never run unfenced.
        const policies = [
            new NetworkPolicy(`${name}-deny-all`, inNamespace(m.denyAll), inCluster),
            new NetworkPolicy(`${name}-allow-scoring`, inNamespace(m.allowScoring), inCluster),
            new NetworkPolicy(`${name}-allow-egress`, inNamespace(m.allowEgress), inCluster),
        ];
        const deployment = new Deployment(`${name}-deployment`, inNamespace(m.deployment), { ...inCluster, dependsOn: after(...grants, secret, account, ...policies) });
        new HorizontalPodAutoscaler(`${name}-autoscaler`, inNamespace(m.autoscaler), { ...inCluster, dependsOn: after(deployment) });
        new PodDisruptionBudget(`${name}-disruption-budget`, inNamespace(m.disruptionBudget), inCluster);
        const service = new Service(`${name}-service`, inNamespace(m.service), { ...inCluster, dependsOn: after(...policies) });

        this.clientId = identity.clientId;
        this.principalId = identity.principalId;
        this.scoringUri =
            s.serviceType === KubernetesServiceType.ClusterIp
                ? pulumi.output(clusterScoringUri(s))
                : service.status.apply((st) => {
                      const ip = st?.loadBalancer?.ingress?.[0]?.ip;
                      if (!ip) throw new pulumi.ResourceError(`Kubernetes endpoint ${s.key}: the internal load balancer reported no IP`, this);
                      return `http://${ip}:${s.port}${s.routes.scoring}`;
                  });
        this.registerOutputs({ scoringUri: this.scoringUri, clientId: this.clientId, principalId: this.principalId });
    }
}

