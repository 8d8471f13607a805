/**
 * The Kubernetes objects of one `host: kubernetes` endpoint, as plain manifests (pure: no
 * resources, no I/O). KubernetesEndpoint (kubernetes-endpoint.ts) creates them through the
 * cluster's Entra ID provider; the tests validate every one against the Kubernetes OpenAPI schema
 * (kubernetes-models, see KUBERNETES_SERVING_VERSIONS).
 *
 * Sources (checked 2026-12-04):
 * - "Pod Security Standards" / "Enforce Pod Security Standards with Namespace Labels"
 *   (https://kubernetes.io/docs/concepts/security/pod-security-standards/,
 *   https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/):
 *   `restricted` needs runAsNonRoot, allowPrivilegeEscalation false, capabilities drop ALL and a
 *   RuntimeDefault (or Localhost) seccomp profile; PSA is GA since 1.25.
 * - "Use Microsoft Entra Workload ID with AKS" and the workload identity webhook
 *   (https://learn.microsoft.com/azure/aks/workload-identity-overview,
 *   https://azure.github.io/azure-workload-identity/docs/installation/mutating-admission-webhook.html):
 *   the pod label `azure.workload.identity/use: "true"` and the service account annotation
 *   `azure.workload.identity/client-id`; the webhook projects its OWN service account token
 *   (volume `azure-identity-token`, audience api://AzureADTokenExchange) and sets
 *   AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_FEDERATED_TOKEN_FILE. The default API token is not used,
 *   so `automountServiceAccountToken: false` (the pod never talks to the API server).
 * - "Horizontal Pod Autoscaling" (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/,
 *   "Migrating Deployments and StatefulSets to horizontal autoscaling"): with an HPA, leave
 *   `spec.replicas` out of the Deployment, or every apply resets the replica count.
 * - "Use an internal load balancer with AKS" (https://learn.microsoft.com/azure/aks/internal-lb):
 *   the `service.beta.kubernetes.io/azure-load-balancer-internal: "true"` annotation.
 * - "Create an External Load Balancer: Preserving the client source IP"
 *   (https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip):
 *   `externalTrafficPolicy: Local` keeps the client IP (Cluster SNATs it to a node IP, which is in
 *   the virtual network and would pass any VNet-wide ipBlock), so the NetworkPolicy's allowFrom
 *   CIDRs see the real caller.
 * - "Network Policies" (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
 *   a policy selecting all pods with no rules denies all; ipBlock is meant for cluster-EXTERNAL IPs
 *   (pod traffic is matched with pod/namespace selectors); `kubernetes.io/metadata.name` labels
 *   every namespace.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { MANAGED_BY_LABEL } from "../../kubernetes/aks-cluster-objects";
import { KubernetesServiceType } from "../serving-enums";

/** The scoring container's user and group: the sample app's (examples/scoring-app/Dockerfile `USER 10001:10001`). */
export const SCORING_UID = 10001;

/** Annotation that keeps an AKS LoadBalancer Service on a private IP. */
export const INTERNAL_LOAD_BALANCER_ANNOTATION = "service.beta.kubernetes.io/azure-load-balancer-internal";

/** Audience of the service account tokens Entra ID exchanges (workload identity). */
export const WORKLOAD_IDENTITY_AUDIENCE = "api://AzureADTokenExchange";

/** Name of the Secret holding the container's secret environment. */
export const SECRET_ENV_NAME = "APPLICATIONINSIGHTS_CONNECTION_STRING";

/**
 * Egress the scoring pod is allowed, besides DNS to the cluster's CoreDNS (kube-system,
 * `k8s-app: kube-dns`, UDP and TCP 53):
 * - TCP 443 anywhere but the link-local metadata endpoints: Entra ID (token exchange of workload
 *   identity; login.microsoftonline.com has no fixed IP range a NetworkPolicy can name), Blob
 *   storage (the model; its private endpoint's IP is in the VNet when the stack is private) and
 *   Application Insights ingestion (or its Azure Monitor private link scope). Plain NetworkPolicy
 *   has no FQDN rules, so the port is the narrowest portable rule.
 * - Never IMDS (169.254.169.254) or the Azure wire server (168.63.129.16): IMDS hands out tokens of
 *   the NODE's identities (the kubelet identity holds AcrPull), which a pod with workload identity
 *   does not need and must not borrow.
 */
export const SCORING_EGRESS = {
    httpsPort: 443,
    everywhere: "0.0.0.0/0",
    except: ["169.254.169.254/32", "168.63.129.16/32"],
    dnsNamespace: "kube-system",
    dnsPodLabels: { "k8s-app": "kube-dns" },
} as const;

/** HTTP paths of the scoring server. */
export interface KubernetesScoringRoutesArgs {
    /** Scoring path. Required. */
    scoring: string;
    /** Liveness probe path. Required. */
    liveness: string;
    /** Readiness probe path. Required. */
    readiness: string;
}

/** CPU and memory (Kubernetes quantities). */
export interface KubernetesQuantitiesArgs {
    /** CPU, e.g. `500m`. Required. */
    cpu: string;
    /** Memory, e.g. `1Gi`. Required. */
    memory: string;
}

/** Requests and limits of the scoring container. */
export interface KubernetesResourcesArgs {
    /** Requests. Required. */
    requests: KubernetesQuantitiesArgs;
    /** Limits. Required. */
    limits: KubernetesQuantitiesArgs;
}

/** The model an endpoint serves. */
export interface KubernetesServedModelArgs {
    /** `<name>:<version>`. Required. */
    ref: string;
    /** Where its files are (`azureml://…` or `https://…`). Required. */
    uri: pulumi.Input<string>;
}

/** A node taint the pods tolerate (`operator: Equal`). */
export interface KubernetesTolerationArgs {
    /** Taint key. Required. */
    key: string;
    /** Taint value. Required. */
    value: string;
    /** Taint effect (`NoSchedule`, `PreferNoSchedule`, `NoExecute`). Required. */
    effect: string;
}

/**
 * A device the pods need (an extended resource a device plugin registers, e.g. an FPGA): requested
 * as a limit (Kubernetes takes extended resources as limits; a request, if any, must equal it),
 * with the node pool's taint tolerated and its label selected, so the pods land only there.
 */
export interface KubernetesAcceleratorArgs {
    /** Extended resource name, e.g. `amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-1234567890`. Required. */
    resourceName: string;
    /** Devices per pod. Required. */
    count: number;
    /** Node labels the pods select. Required. */
    nodeSelector: { [key: string]: string };
    /** Taints the pods tolerate. Required (may be empty). */
    tolerations: KubernetesTolerationArgs[];
}

/** The endpoint's objects, as KubernetesEndpoint takes them (values may be Pulumi inputs; tests pass plain strings). */
export interface KubernetesEndpointSpecArgs {
    /** Endpoint key: names every object and labels the pods. Required. */
    key: string;
    /** Key of the cluster in `kubernetes.clusters` (labels). Required. */
    clusterKey: string;
    /** Namespace created for the endpoint. Required. */
    namespace: string;
    /** Digest-pinned image reference. Required. */
    image: pulumi.Input<string>;
    /** Port the scoring server listens on. Required. */
    port: number;
    /** Scoring, liveness and readiness paths. Required. */
    routes: KubernetesScoringRoutesArgs;
    /** The model served. Default: none (no MODEL_URI). */
    model?: KubernetesServedModelArgs;
    /** Plain environment variables. Required (may be empty). */
    environmentVariables: { [name: string]: string };
    /** Names of the secret environment variables (values go into the Secret). Required (may be empty). */
    secretEnvironmentVariableNames: string[];
    /** Replicas: the autoscaler's minimum. Required. */
    replicas: number;
    /** The autoscaler's maximum. Required. */
    maxReplicas: number;
    /** Average CPU utilization (percent of requests) the autoscaler keeps. Required. */
    targetCpuUtilization: number;
    /** PodDisruptionBudget minimum. Required. */
    minAvailable: number;
    /** CPU and memory requests and limits. Required. */
    resources: KubernetesResourcesArgs;
    /** How the Service is reached. Required. */
    serviceType: KubernetesServiceType;
    /** CIDRs allowed to the scoring port (cluster-external callers). Required (may be empty). */
    allowFrom: string[];
    /** A device each pod needs (the FPGA host's). Default: none. */
    accelerator?: KubernetesAcceleratorArgs;
}

/** Everything the manifests depend on: the endpoint's objects and its identity's client ID. */
export interface KubernetesServingSpec extends KubernetesEndpointSpecArgs {
    /** Client ID of the user-assigned identity the pods federate to. */
    clientId: pulumi.Input<string>;
}

/** A manifest with its kind, for creation in order. */
export interface ServingManifests {
    namespace: k8s.core.v1.Namespace;
    serviceAccount: k8s.core.v1.ServiceAccount;
    secret: k8s.core.v1.Secret;
    deployment: k8s.apps.v1.Deployment;
    service: k8s.core.v1.Service;
    autoscaler: k8s.autoscaling.v2.HorizontalPodAutoscaler;
    disruptionBudget: k8s.policy.v1.PodDisruptionBudget;
    denyAll: k8s.networking.v1.NetworkPolicy;
    allowScoring: k8s.networking.v1.NetworkPolicy;
    allowEgress: k8s.networking.v1.NetworkPolicy;
}

/** Labels selecting the endpoint's pods (stable: a Deployment's selector is immutable). */
export function podSelectorLabels(key: string): Record<string, string> {
    return { "app.kubernetes.io/name": key, "app.kubernetes.io/component": "scoring" };
}

/** Labels of every object of the endpoint. */
function objectLabels(s: KubernetesServingSpec): Record<string, string> {
    return { ...MANAGED_BY_LABEL, ...podSelectorLabels(s.key), "aml-workspace/cluster": s.clusterKey, "aml-workspace/endpoint": s.key };
}

/** Name of the Secret with the container's secret environment. */
export function secretName(key: string): string {
    return `${key}-env`;
}

/** The scoring URI inside the cluster (ClusterIP): `http://<service>.<namespace>.svc.cluster.local:<port><route>`. */
export function clusterScoringUri(s: Pick<KubernetesServingSpec, "key" | "namespace" | "port" | "routes">): string {
    return `http://${s.key}.${s.namespace}.svc.cluster.local:${s.port}${s.routes.scoring}`;
}

/** Every manifest of the endpoint. */
export function servingManifests(s: KubernetesServingSpec): ServingManifests {
    const labels = objectLabels(s);
    const meta = (name: string) => ({ name, namespace: s.namespace, labels });
    const selector = podSelectorLabels(s.key);
    return {
        namespace: namespaceManifest(s, labels),
        serviceAccount: {
            apiVersion: "v1",
            kind: "ServiceAccount",
            metadata: { ...meta(s.key), annotations: { "azure.workload.identity/client-id": s.clientId } },
            // Workload identity projects its own token; the API token is never mounted.
            automountServiceAccountToken: false,
        },
        secret: secretManifest(s, meta(secretName(s.key))),
        deployment: deploymentManifest(s, meta(s.key), selector),
        service: serviceManifest(s, meta(s.key), selector),
        autoscaler: {
            apiVersion: "autoscaling/v2",
            kind: "HorizontalPodAutoscaler",
            metadata: meta(s.key),
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: s.key },
                minReplicas: s.replicas,
                maxReplicas: s.maxReplicas,
                metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: s.targetCpuUtilization } } }],
            },
        },
        disruptionBudget: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta(s.key), spec: { minAvailable: s.minAvailable, selector: { matchLabels: selector } } },
        ...networkPolicyManifests(s, meta, selector),
    };
}

function namespaceManifest(s: KubernetesServingSpec, labels: Record<string, string>): k8s.core.v1.Namespace {
    return {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
            name: s.namespace,
            labels: {
                ...labels,
                // Refuse any pod below the restricted standard; warn and audit at the same level.
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
                "pod-security.kubernetes.io/audit": "restricted",
            },
        },
    };
}

function secretManifest(s: KubernetesServingSpec, metadata: k8s.meta.v1.ObjectMeta): k8s.core.v1.Secret {
    // The values are set by the component (secret Pulumi outputs); the manifest names the keys.
    const keys = [SECRET_ENV_NAME, ...s.secretEnvironmentVariableNames];
    return { apiVersion: "v1", kind: "Secret", metadata, type: "Opaque", stringData: Object.fromEntries(keys.map((k) => [k, ""])) };
}

function deploymentManifest(s: KubernetesServingSpec, metadata: k8s.meta.v1.ObjectMeta, selector: Record<string, string>): k8s.apps.v1.Deployment {
    const fromSecret = (name: string) => ({ name, valueFrom: { secretKeyRef: { name: secretName(s.key), key: name } } });
    const env = [
        ...Object.entries(s.environmentVariables).map(([name, value]) => ({ name, value })),
        ...(s.model ? [{ name: "MODEL_URI", value: s.model.uri }, { name: "MODEL_REF", value: s.model.ref }] : []),
        { name: "PORT", value: String(s.port) },
        fromSecret(SECRET_ENV_NAME),
        ...s.secretEnvironmentVariableNames.map(fromSecret),
    ];
    const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({ httpGet: { path, port: "http" }, periodSeconds, timeoutSeconds: 2, failureThreshold });
    const spread = (topologyKey: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selector } });
    const a = s.accelerator;
    // The device goes into limits only: Kubernetes sets an extended resource's request to its limit.
    const limits: Record<string, pulumi.Input<string>> = { ...s.resources.limits, ...(a ? { [a.resourceName]: String(a.count) } : {}) };
    const placement = a
        ? { nodeSelector: { ...a.nodeSelector }, tolerations: a.tolerations.map((t) => ({ key: t.key, operator: "Equal", value: t.value, effect: t.effect })) }
        : {};
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata,
        spec: {
            // No spec.replicas: the HorizontalPodAutoscaler owns the count (minReplicas = replicas).
            selector: { matchLabels: selector },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
            template: {
                metadata: { labels: { ...metadata.labels, "azure.workload.identity/use": "true" } },
                spec: {
                    serviceAccountName: s.key,
                    automountServiceAccountToken: false,
                    enableServiceLinks: false,
                    securityContext: { runAsNonRoot: true, runAsUser: SCORING_UID, runAsGroup: SCORING_UID, fsGroup: SCORING_UID, seccompProfile: { type: "RuntimeDefault" } },
                    // Spread over zones and nodes; ScheduleAnyway so a single-zone pool still schedules.
                    topologySpreadConstraints: [spread("topology.kubernetes.io/zone"), spread("kubernetes.io/hostname")],
                    ...placement,
                    containers: [
                        {
                            name: "scoring",
                            image: s.image,
                            imagePullPolicy: "IfNotPresent",
                            ports: [{ name: "http", containerPort: s.port, protocol: "TCP" }],
                            env,
                            resources: { requests: { ...s.resources.requests }, limits },
                            // Model loading may be slow: the startup probe holds liveness off for up to 5 minutes.
                            startupProbe: probe(s.routes.liveness, 10, 30),
                            livenessProbe: probe(s.routes.liveness, 10, 3),
                            readinessProbe: probe(s.routes.readiness, 5, 3),
                            securityContext: {
                                runAsNonRoot: true,
                                runAsUser: SCORING_UID,
                                runAsGroup: SCORING_UID,
                                privileged: false,
                                allowPrivilegeEscalation: false,
                                readOnlyRootFilesystem: true,
                                capabilities: { drop: ["ALL"] },
                                seccompProfile: { type: "RuntimeDefault" },
                            },
                            // The root filesystem is read-only: scratch space (Python's tempfile, downloads) goes to /tmp.
                            volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                        },
                    ],
                    volumes: [{ name: "tmp", emptyDir: { sizeLimit: "1Gi" } }],
                },
            },
        },
    };
}

function serviceManifest(s: KubernetesServingSpec, metadata: k8s.meta.v1.ObjectMeta, selector: Record<string, string>): k8s.core.v1.Service {
    const ports = [{ name: "http", port: s.port, targetPort: "http", protocol: "TCP" }];
    if (s.serviceType === KubernetesServiceType.ClusterIp) {
        return { apiVersion: "v1", kind: "Service", metadata, spec: { type: "ClusterIP", selector, ports } };
    }
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: { ...metadata, annotations: { [INTERNAL_LOAD_BALANCER_ANNOTATION]: "true" } },
        // Local keeps the caller's IP for the NetworkPolicy (and sends traffic only to nodes with a pod).
        spec: { type: "LoadBalancer", externalTrafficPolicy: "Local", selector, ports },
    };
}

function networkPolicyManifests(
    s: KubernetesServingSpec,
    meta: (name: string) => k8s.meta.v1.ObjectMeta,
    selector: Record<string, string>,
): Pick<ServingManifests, "denyAll" | "allowScoring" | "allowEgress"> {
    const port = { protocol: "TCP", port: s.port };
    // ClusterIP callers are pods: ipBlock does not match pod traffic reliably, so any pod of the cluster may call.
    const inCluster = s.serviceType === KubernetesServiceType.ClusterIp ? [{ namespaceSelector: {} }] : [];
    const from = [...inCluster, ...s.allowFrom.map((cidr) => ({ ipBlock: { cidr } }))];
    return {
        denyAll: { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta("default-deny"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
        allowScoring: {
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: meta(`${s.key}-allow-scoring`),
            spec: { podSelector: { matchLabels: selector }, policyTypes: ["Ingress"], ingress: from.length > 0 ? [{ from, ports: [port] }] : [] },
        },
        allowEgress: {
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: meta(`${s.key}-allow-egress`),
            spec: {
                podSelector: { matchLabels: selector },
                policyTypes: ["Egress"],
                egress: [
                    {
                        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": SCORING_EGRESS.dnsNamespace } }, podSelector: { matchLabels: { ...SCORING_EGRESS.dnsPodLabels } } }],
                        ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
                    },
                    { to: [{ ipBlock: { cidr: SCORING_EGRESS.everywhere, except: [...SCORING_EGRESS.except] } }], ports: [{ protocol: "TCP", port: SCORING_EGRESS.httpsPort }] },
                ],
            },
        },
    };
}
