import * as pulumi from "@pulumi/pulumi";
import { Compute } from "@pulumi/azure-native/machinelearningservices";
import { grantRole } from "../access/grant";
import { COMPONENT_DEFAULTS as D } from "../defaults";
import type { BuiltinRole } from "../access/roles";
import { instanceTypeListJson } from "./instance-types";

/** Resources of one side of an instance type. */
export interface KubernetesInstanceTypeQuantitiesArgs {
    /** CPU quantity, e.g. `500m`. Required. */
    cpu: string;
    /** Memory quantity, e.g. `4Gi`. Required. */
    memory: string;
}

/** Limits of an instance type. */
export interface KubernetesInstanceTypeLimitsArgs extends KubernetesInstanceTypeQuantitiesArgs {
    /** NVIDIA GPUs (`nvidia.com/gpu`). Default none. */
    gpu?: number;
}

/** One instance type of an attached cluster (an `InstanceType` custom resource in the cluster). */
export interface KubernetesInstanceTypeArgs {
    /** Node labels its pods must match. Default none. */
    nodeSelector?: { [label: string]: string };
    /** Resource requests. Required. */
    requests: KubernetesInstanceTypeQuantitiesArgs;
    /** Resource limits. Required. */
    limits: KubernetesInstanceTypeLimitsArgs;
}

/** Arguments of {@link KubernetesCompute}. */
export interface KubernetesComputeArgs {
    /** Resource group of the workspace. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace (or hub project) the cluster is attached to. Required. */
    workspaceName: pulumi.Input<string>;
    /** Region of the workspace. Required. */
    location: pulumi.Input<string>;
    /** Tags. Default none. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Compute target name. Required. */
    computeName: string;
    /** ARM ID of the AKS cluster. Required. */
    clusterId: pulumi.Input<string>;
    /** Existing Kubernetes namespace the workloads run in (attach neither creates nor checks it). Default `default`. */
    namespace?: string;
    /** Instance type used when a job or deployment names none. Default the extension's `defaultinstancetype`. */
    defaultInstanceType?: string;
    /** Instance types by name; their custom resources are in `instanceTypeManifest` (not sent to ARM). Default none. */
    instanceTypes?: { [name: string]: KubernetesInstanceTypeArgs };
    /** Principal ID of the cluster's AzureML extension. Default none. */
    extensionPrincipalId?: pulumi.Input<string>;
    /** Release train of the cluster's AzureML extension. Default none. */
    extensionReleaseTrain?: pulumi.Input<string>;
    /** A user-assigned identity for the compute; default a system-assigned one. */
    userAssignedIdentityId?: pulumi.Input<string>;
    /** Principal ID of `userAssignedIdentityId` (for its grants). Required with it. */
    userAssignedPrincipalId?: pulumi.Input<string>;
    /** Workspace storage account: the compute's identity gets Storage Blob Data Contributor on it. Default no grant. */
    storageAccountId?: pulumi.Input<string>;
    /** Read-only blob access (Storage Blob Data Reader) instead of read-write. Default false. */
    storageReadOnly?: boolean;
    /** Workspace container registry: the compute's identity gets AcrPull on it. Default no grant. */
    containerRegistryId?: pulumi.Input<string>;
    /** Principal ID of the workspace's user-assigned identity: it gets Reader, Kubernetes Extension Contributor and Azure Kubernetes Service Cluster Admin Role on the cluster, which attach needs. Default none (a system-assigned workspace identity is granted by the service). */
    workspaceUserAssignedPrincipalId?: pulumi.Input<string>;
    /** Subscription of the role definitions. Required when any grant is made. */
    subscriptionId?: pulumi.Input<string>;
    /** Stable strings naming the workspace (role assignment names derive from them). Default `[computeName]`. */
    uniqueBy?: string[];
}

/**
 * An AKS cluster attached to a workspace as an Azure ML `Kubernetes` compute target: local auth
 * off, a managed identity with the roles the docs list ("Attach a Kubernetes cluster to Azure
 * Machine Learning workspace", https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace:
 * AcrPull on the registry, Storage Blob Data Reader/Contributor on storage; a user-assigned
 * workspace identity needs Reader, Kubernetes Extension Contributor and Azure Kubernetes Service
 * Cluster Admin Role on the cluster, else attach fails). The cluster's AzureML extension must exist
 * first: pass it in `dependsOn`, which reaches the compute itself.
 */
export class KubernetesCompute extends pulumi.ComponentResource {
    /** The compute's ARM ID. */
    readonly id: pulumi.Output<string>;
    /** The compute name. */
    readonly computeName: pulumi.Output<string>;
    /** Principal ID of the compute's identity. */
    readonly principalId: pulumi.Output<string>;
    /** The `InstanceType` custom resources to apply to the cluster: an `InstanceTypeList` (amlarc.azureml.com/v1alpha1) as JSON, for `kubectl apply -f -` or a Kubernetes provider. */
    readonly instanceTypeManifest: pulumi.Output<string>;

    constructor(name: string, args: KubernetesComputeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:KubernetesCompute", name, {}, opts);
        if (args.userAssignedIdentityId !== undefined && args.userAssignedPrincipalId === undefined) {
            throw new pulumi.ResourceError("userAssignedPrincipalId: required with userAssignedIdentityId (the compute's grants name it)", this);
        }
        const types = args.instanceTypes ?? {};
        if (args.defaultInstanceType !== undefined && Object.keys(types).length > 0 && !types[args.defaultInstanceType]) {
            throw new pulumi.ResourceError(`defaultInstanceType: "${args.defaultInstanceType}" is not one of instanceTypes (${Object.keys(types).join(", ")})`, this);
        }
        const uniqueBy = args.uniqueBy ?? [args.computeName];
        const namespace = args.namespace ?? D["compute.kubernetes.*.namespace"];
        const grants: { role: BuiltinRole; scope: pulumi.Input<string>; principalId: pulumi.Input<string>; scopeKey: string; why: string }[] = [];
        // Attach reads the cluster and its extension as the workspace identity: a user-assigned one needs these first.
        if (args.workspaceUserAssignedPrincipalId !== undefined) {
            for (const role of ["reader", "kubernetesExtensionContributor", "aksClusterAdmin"] as const) {
                grants.push({ role, scope: args.clusterId, principalId: args.workspaceUserAssignedPrincipalId, scopeKey: "cluster/workspace", why: `Workspace identity attaches the cluster as ${args.computeName}` });
            }
        }
        const attachGrants = grants.map((g) => this.grant(name, g, args, uniqueBy, opts?.dependsOn));

        const compute = new Compute(
            `${name}-compute`,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                computeName: args.computeName,
                location: args.location,
                tags: args.tags,
                identity: args.userAssignedIdentityId !== undefined ? { type: "UserAssigned", userAssignedIdentities: [args.userAssignedIdentityId] } : { type: "SystemAssigned" },
                properties: {
                    computeType: "Kubernetes",
                    resourceId: args.clusterId,
                    disableLocalAuth: true,
                    description: `AKS cluster attached in namespace ${namespace}`,
                    properties: {
                        namespace,
                        defaultInstanceType: args.defaultInstanceType,
                        extensionPrincipalId: args.extensionPrincipalId,
                        extensionInstanceReleaseTrain: args.extensionReleaseTrain,
                    },
                },
            },
            // The extension (and the attach grants) must exist before the attach: a component's dependsOn does not reach its children.
            { parent: this, dependsOn: pulumi.output(opts?.dependsOn ?? []).apply((d) => [...(Array.isArray(d) ? d : [d]), ...attachGrants]) },
        );
        const principalId: pulumi.Output<string> =
            args.userAssignedPrincipalId !== undefined
                ? pulumi.output(args.userAssignedPrincipalId)
                : compute.identity.apply((i) => {
                      if (!i?.principalId) throw new pulumi.ResourceError("the Kubernetes compute has no identity principal ID", this);
                      return i.principalId;
                  });
        if (args.containerRegistryId !== undefined) {
            this.grant(name, { role: "acrPull", scope: args.containerRegistryId, principalId, scopeKey: "registry", why: `Kubernetes compute ${args.computeName} pulls job and deployment images` }, args, uniqueBy, [compute]);
        }
        if (args.storageAccountId !== undefined) {
            const role = args.storageReadOnly ? "storageBlobDataReader" : "storageBlobDataContributor";
            this.grant(name, { role, scope: args.storageAccountId, principalId, scopeKey: "storage", why: `Kubernetes compute ${args.computeName} reads${args.storageReadOnly ? "" : " and writes"} workspace data` }, args, uniqueBy, [compute]);
        }
        this.id = compute.id;
        this.computeName = pulumi.output(args.computeName);
        this.principalId = principalId;
        this.instanceTypeManifest = pulumi.output(instanceTypeListJson(types, args.defaultInstanceType));
        this.registerOutputs({ id: this.id, computeName: this.computeName, principalId: this.principalId, instanceTypeManifest: this.instanceTypeManifest });
    }

    private grant(
        name: string,
        g: { role: BuiltinRole; scope: pulumi.Input<string>; principalId: pulumi.Input<string>; scopeKey: string; why: string },
        args: KubernetesComputeArgs,
        uniqueBy: string[],
        dependsOn: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource> | undefined,
    ): pulumi.Resource {
        if (args.subscriptionId === undefined) throw new pulumi.ResourceError("subscriptionId: required for the compute's role grants", this);
        return grantRole(
            `${name}-${g.scopeKey.replace("/", "-")}-${g.role}`,
            {
                scope: g.scope,
                role: g.role,
                principalId: g.principalId,
                principalType: "ServicePrincipal",
                subscriptionId: args.subscriptionId,
                // The cluster grants belong to the workspace identity, not to one attachment: named without the compute.
                identity: g.scopeKey === "cluster/workspace" ? [...uniqueBy, "kubernetes-cluster", g.scopeKey] : [...uniqueBy, `kubernetes-compute:${args.computeName}`, g.scopeKey],
                description: g.why,
            },
            { parent: this, dependsOn },
        );
    }
}
