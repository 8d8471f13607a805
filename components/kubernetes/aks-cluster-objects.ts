/**
 * What the toolkit creates INSIDE a cluster it created: the namespaces its attachments name and
 * their `InstanceType` custom resources, through a Kubernetes provider that signs in with Entra ID.
 *
 * Why here: Azure ML's attach "won't create the Kubernetes namespace automatically or validate
 * whether it exists" ("Attach a Kubernetes cluster to Azure Machine Learning workspace",
 * https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace), and
 * instance types are custom resources of the extension's CRD created with `kubectl apply` ("Create
 * and manage instance types", https://learn.microsoft.com/azure/machine-learning/how-to-manage-kubernetes-instance-types).
 *
 * The provider's kubeconfig is the cluster-USER kubeconfig in `exec` format (AksCluster.userKubeconfig):
 * server and CA, and a `kubelogin get-token` exec entry, no credential. Never the admin kubeconfig.
 * So `pulumi up` needs kubelogin on PATH, a non-interactive login method for it (the exec entry AKS
 * returns asks for `devicecode`; kubelogin's `AAD_LOGIN_METHOD` environment variable overrides it,
 * e.g. `azurecli` or `workloadidentity`), and, because the cluster authorizes with Azure RBAC, a
 * data-plane role for the deploying identity on the cluster ("Azure Kubernetes Service RBAC Cluster
 * Admin": namespaces and InstanceTypes are cluster-scoped) or membership of `adminGroupObjectIds`.
 * The toolkit does not grant that role itself (see ARCHITECTURE.md, "Attached Kubernetes compute").
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { Namespace } from "@pulumi/kubernetes/core/v1";
import { CustomResource } from "@pulumi/kubernetes/apiextensions";
import { instanceTypeManifests } from "./instance-types";
import type { KubernetesInstanceTypeArgs } from "./kubernetes-compute";

/** Label put on every object the toolkit creates in a cluster. */
export const MANAGED_BY_LABEL = { "app.kubernetes.io/managed-by": "aml-workspace" } as const;

/** One attachment's wishes for the cluster: its namespace and instance types. */
export interface AksClusterAttachmentArgs {
    /** Namespace the attachment runs in; `default` is never created. Required. */
    namespace: string;
    /** Instance types by name. Default none. */
    instanceTypes?: { [name: string]: KubernetesInstanceTypeArgs };
    /** Instance type used when none is named (also written as `defaultinstancetype`). Default none. */
    defaultInstanceType?: string;
}

/** Arguments of {@link AksClusterObjects}. */
export interface AksClusterObjectsArgs {
    /** Key of the cluster in `kubernetes.clusters` (labels). Required. */
    clusterKey: string;
    /** The cluster-user kubeconfig (exec, kubelogin; secret). Required. */
    kubeconfig: pulumi.Input<string>;
    /** Every attachment of the cluster, from every workspace. Default none. */
    attachments?: AksClusterAttachmentArgs[];
}

/**
 * A Kubernetes provider for one created cluster, and the namespaces and InstanceTypes its
 * attachments need, each once per cluster (two workspaces naming one namespace share it; one
 * definition per instance type name per cluster is a config rule). The cluster's AzureML extension
 * (it installs the InstanceType CRD) must exist first: pass it in `dependsOn`, which reaches every
 * in-cluster object (a component's `dependsOn` does not reach its children by itself).
 */
export class AksClusterObjects extends pulumi.ComponentResource {
    /** Names of the namespaces created (`default` is never among them). */
    readonly namespaceNames: pulumi.Output<string[]>;
    /** Names of the InstanceType custom resources created. */
    readonly instanceTypeNames: pulumi.Output<string[]>;
    // Resources stay off the public surface: Pulumi's component analyzer reads public fields as outputs.
    private readonly provider: Provider;
    private readonly namespaces: Readonly<Record<string, Namespace>>;

    constructor(name: string, args: AksClusterObjectsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:AksClusterObjects", name, {}, opts);
        // The kubeconfig stays secret in the provider's state whatever the caller passed.
        this.provider = new Provider(`${name}-provider`, { kubeconfig: pulumi.secret(args.kubeconfig) }, { parent: this });
        const children = { parent: this, provider: this.provider, dependsOn: opts?.dependsOn };
        const labels = { ...MANAGED_BY_LABEL, "aml-workspace/cluster": args.clusterKey };
        const namespaces: Record<string, Namespace> = {};
        const types: Record<string, CustomResource> = {};
        const specs = new Map<string, string>();
        for (const a of args.attachments ?? []) {
            if (a.namespace !== "default" && !namespaces[a.namespace]) {
                namespaces[a.namespace] = new Namespace(`${name}-ns-${a.namespace}`, { metadata: { name: a.namespace, labels } }, children);
            }
            for (const m of instanceTypeManifests(a.instanceTypes ?? {}, a.defaultInstanceType)) {
                const spec = JSON.stringify(m.spec);
                const seen = specs.get(m.metadata.name);
                if (seen !== undefined && seen !== spec) {
                    throw new pulumi.ResourceError(`attachments: instance type ${m.metadata.name} of cluster ${args.clusterKey} is defined two ways (it is one cluster-wide object; define it alike everywhere)`, this);
                }
                specs.set(m.metadata.name, spec);
                if (types[m.metadata.name]) continue;
                types[m.metadata.name] = new CustomResource(
                    `${name}-instancetype-${m.metadata.name}`,
                    { apiVersion: m.apiVersion, kind: m.kind, metadata: { name: m.metadata.name, labels }, spec: m.spec },
                    children,
                );
            }
        }
        this.namespaces = namespaces;
        this.namespaceNames = pulumi.output(Object.keys(namespaces));
        this.instanceTypeNames = pulumi.output(Object.keys(types));
        this.registerOutputs({ namespaceNames: this.namespaceNames, instanceTypeNames: this.instanceTypeNames });
    }

    /** The Namespace resource created for `name`, to wait for; undefined for `default` or a namespace no attachment names. */
    namespace(name: string): Namespace | undefined {
        return this.namespaces[name];
    }

    /** The Entra ID Kubernetes provider of the cluster, for further in-cluster objects. */
    kubernetesProvider(): Provider {
        return this.provider;
    }
}
