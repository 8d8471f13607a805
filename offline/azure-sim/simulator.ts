/**
 * Simulated Azure: implements Pulumi's `Mocks` so the real program runs with
 * no engine and no cloud. Every resource gets an ARM-shaped ID and the
 * outputs Azure would compute, deterministically; what ARM would reject
 * (invalid names, duplicates, impossible pairings) is refused with a message.
 */
import type * as pulumi from "@pulumi/pulumi";
// The wire value the SDK reads back as "unknown during preview".
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { CLOUDS, type AzureCloud } from "../../components/clouds";
import { deterministicGuid } from "../../components/hashing";
import { NAME_RULES, nameProblem } from "../../components/naming";
import { AKS_ENTRA_SERVER_APP_ID } from "../../components/kubernetes/aks-defaults";
import { ARM_TYPES, type ArmTypeSpec } from "./arm-types";
import { armRejections, lockedBy } from "./arm-rules";
import { COMPUTED } from "./computed";
import { SimulatedKubernetes } from "./kubernetes-sim";

/** Placeholder subscription: all zeros, so no real subscription ID can ever appear. */
export const SIMULATED_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
/** Placeholder tenant. */
export const SIMULATED_TENANT_ID = "00000000-0000-0000-0000-0000000000aa";
/** Placeholder object ID of the deploying principal. */
export const SIMULATED_DEPLOYER_OBJECT_ID = "00000000-0000-0000-0000-0000000000bb";

/** Options of {@link SimulatedAzure}. */
export interface SimulatorOptions {
    /** Preview mode: computed outputs and IDs stay unknown, as in `pulumi preview`. */
    preview: boolean;
    /** Cloud whose DNS suffixes computed outputs use. Default `AzureCloud`. */
    cloud?: AzureCloud;
}

interface Created {
    type: string;
    logicalName: string;
    id?: string;
    inputs: Record<string, unknown>;
    /** Computed outputs (principal IDs...); absent in preview. */
    outputs?: Record<string, unknown>;
}

/** The simulated subscription. One instance per program run. */
export class SimulatedAzure implements pulumi.runtime.Mocks {
    /** Every rejection, in order; a run with any fails as a whole. */
    readonly rejections: string[] = [];
    private readonly created = new Map<string, Created>();
    private readonly globalNames = new Map<string, string>();
    /** Subscription of each explicit azure-native provider, by the provider's ID. */
    private readonly providerSubscriptions = new Map<string, string>();
    /** The Kubernetes API server(s) the `kubernetes:*` objects go to. */
    private readonly kubernetes = new SimulatedKubernetes();
    private readonly cloud;

    constructor(private readonly options: SimulatorOptions) {
        this.cloud = CLOUDS[options.cloud ?? "AzureCloud"];
    }

    /** Answers invokes (functions) the program calls. */
    call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
        switch (args.token) {
            case "azure-native:authorization:getClientConfig":
                return {
                    clientId: "00000000-0000-0000-0000-0000000000cc",
                    objectId: SIMULATED_DEPLOYER_OBJECT_ID,
                    subscriptionId: this.subscriptionOf(args.provider),
                    tenantId: SIMULATED_TENANT_ID,
                };
            case "azure-native:keyvault:getKey": {
                // An existing key (e.g. in a central vault): its URIs, the version derived from its identity.
                const { resourceGroupName, vaultName, keyName } = args.inputs as Record<string, string>;
                const uri = `https://${vaultName}.${this.cloud.keyVaultSuffix}/keys/${keyName}`;
                const version = deterministicGuid("simulated-azure", "key-version", resourceGroupName, vaultName, keyName).replace(/-/g, "");
                return { name: keyName, keyUri: uri, keyUriWithVersion: `${uri}/${version}`, kty: "RSA", keySize: 3072 };
            }
            case "azure-native:containerservice:listManagedClusterUserCredentials":
                return this.userCredentials(args);
            default:
                throw new Error(`simulated Azure does not implement the function ${args.token}; add it to offline/azure-sim/simulator.ts`);
        }
    }

    /** Address prefix of the node subnet of the first AKS cluster declared in a subnet the stack creates (the simulated API server is one cluster). */
    private aksNodeSubnetPrefix(): string | undefined {
        const all = [...this.created.values()];
        for (const cluster of all.filter((r) => r.type === "azure-native:containerservice:ManagedCluster")) {
            const subnetId = (cluster.inputs.agentPoolProfiles as { vnetSubnetID?: unknown }[] | undefined)?.find((p) => typeof p.vnetSubnetID === "string")?.vnetSubnetID as string | undefined;
            const subnet = subnetId ? all.find((r) => r.type === "azure-native:network:Subnet" && r.id?.toLowerCase() === subnetId.toLowerCase()) : undefined;
            if (typeof subnet?.inputs.addressPrefix === "string") return subnet.inputs.addressPrefix;
        }
        return undefined;
    }

    /**
     * Creates (or, in preview, plans) a resource. A resource ARM would refuse is
     * recorded in {@link rejections} and answered without an ID, so the run
     * continues and reports every rejection at once (throwing here would
     * surface as unhandled rejections inside the Pulumi SDK).
     */
    newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        const inputs = (args.inputs ?? {}) as Record<string, unknown>;
        if (!args.type.startsWith("azure-native:")) {
            // Components, providers and non-Azure resources: echo the inputs. An explicit provider's
            // subscription is remembered, so what it creates gets IDs in that subscription.
            const id = args.custom ? `${args.name}-id` : undefined;
            if (args.type === "pulumi:providers:azure-native" && id && typeof inputs.subscriptionId === "string") this.providerSubscriptions.set(id, inputs.subscriptionId);
            if (!args.custom) return { id, state: inputs };
            // A Kubernetes object: the simulated API server refuses or computes (a Service's ingress IP).
            const answer = this.kubernetes.create(args.type, inputs, () => this.aksNodeSubnetPrefix());
            if (answer.refusal) return this.reject(`${args.type} "${args.name}": ${answer.refusal}`, { id: undefined, state: inputs });
            if (this.options.preview) return { id, state: withUnknowns(inputs, answer.computed) };
            // Other non-Azure resources with computed outputs (a docker image's digest).
            const outputs = id ? COMPUTED[args.type]?.({ id, name: args.name, inputs, tenantId: SIMULATED_TENANT_ID, cloud: this.cloud }) : undefined;
            return { id, state: { ...inputs, ...answer.computed, ...(outputs ?? {}) } };
        }
        const subscriptionId = this.subscriptionOf(args.provider);
        const refused = { id: undefined, state: inputs };
        const label = `${args.type} "${args.name}"`;
        const spec = ARM_TYPES[args.type];
        if (!spec) return this.reject(`${label}: simulated Azure does not model this type; add it to offline/azure-sim/arm-types.ts`, refused);
        const name = spec.fixedName ?? (inputs[spec.nameKey] as string | undefined);
        if (typeof name !== "string") {
            if (this.options.preview) return { id: undefined, state: this.previewState(args.type, args.name, inputs) };
            return this.reject(`${label}: ${spec.nameKey} is not set; the toolkit always names resources explicitly (autonames are random)`, refused);
        }
        const problem = spec.nameKind ? nameProblem(spec.nameKind, name) : undefined;
        if (problem) return this.reject(`${label}: ${spec.nameKey} ${problem}`, refused);
        const rejections = armRejections({
            type: args.type,
            logicalName: args.name,
            inputs,
            subscriptionId,
            lookup: (id) => this.created.get(id.toLowerCase()),
            all: () => [...this.created.values()],
        });
        if (rejections.length > 0) return this.reject(rejections.join("; "), refused);

        const id = this.armId(spec, name, inputs, subscriptionId);
        if (id === undefined) {
            // An input the ID depends on is unknown: only possible in preview.
            return { id: undefined, state: this.previewState(args.type, name, inputs) };
        }
        const key = id.toLowerCase();
        const existing = this.created.get(key);
        if (existing) return this.reject(`${label}: ${id} is already declared by "${existing.logicalName}"; names must be unique`, refused);
        const locked = lockedBy(id, [...this.created.values()]);
        if (locked.length > 0) return this.reject(`${label}: ${locked.join("; ")}`, refused);
        if ((spec.nameKind !== undefined && NAME_RULES[spec.nameKind].globallyUnique) || spec.uniqueInTenant) {
            const globalKey = `${spec.armType}/${name}`.toLowerCase();
            const other = this.globalNames.get(globalKey);
            if (other) return this.reject(`${label}: the name "${name}" is already used by "${other}" and must be unique across ${spec.uniqueInTenant ? "the tenant" : "Azure"}`, refused);
            this.globalNames.set(globalKey, args.name);
        }
        const entry: Created = { type: args.type, logicalName: args.name, id, inputs };
        this.created.set(key, entry);
        if (this.options.preview) return { id: undefined, state: this.previewState(args.type, name, inputs) };
        const computed = COMPUTED[args.type]?.({ id, name, inputs, tenantId: SIMULATED_TENANT_ID, cloud: this.cloud, all: () => [...this.created.values()] }) ?? {};
        entry.outputs = computed;
        return { id, state: { ...inputs, name, id, type: spec.armType, ...computed } };
    }

    /**
     * The cluster-user kubeconfig of a created cluster, as AKS returns it for an Entra ID cluster in
     * `exec` format: the API server and its CA, and a kubelogin exec entry; no credential in it.
     */
    private userCredentials(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
        const { resourceGroupName, resourceName } = args.inputs as Record<string, string>;
        const id = `/subscriptions/${this.subscriptionOf(args.provider)}/resourceGroups/${resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/${resourceName}`;
        const cluster = this.created.get(id.toLowerCase());
        if (!cluster?.outputs) throw new Error(`listManagedClusterUserCredentials: no managed cluster ${id} was created`);
        const server = String(cluster.outputs.privateFQDN ?? cluster.outputs.fqdn);
        const ca = Buffer.from(`simulated CA of ${id}`).toString("base64");
        const tenant = String((cluster.inputs.aadProfile as Record<string, unknown> | undefined)?.tenantID ?? SIMULATED_TENANT_ID);
        const kubeconfig = [
            "apiVersion: v1",
            "kind: Config",
            `clusters:\n- name: ${resourceName}\n  cluster:\n    server: https://${server}:443\n    certificate-authority-data: ${ca}`,
            `contexts:\n- name: ${resourceName}\n  context:\n    cluster: ${resourceName}\n    user: clusterUser_${resourceGroupName}_${resourceName}`,
            `current-context: ${resourceName}`,
            `users:\n- name: clusterUser_${resourceGroupName}_${resourceName}\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: kubelogin\n      args: [get-token, --login, devicecode, --server-id, ${AKS_ENTRA_SERVER_APP_ID}, --tenant-id, ${tenant}, --environment, AzurePublicCloud]`,
        ].join("\n");
        return { kubeconfigs: [{ name: "clusterUser", value: Buffer.from(`${kubeconfig}\n`).toString("base64") }] };
    }

    /** A preview knows the inputs only: every value Azure computes is unknown, as `pulumi preview` shows it. */
    private previewState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
        // Only the computed keys matter here (their values become unknown), so a placeholder ID will do.
        const computed = COMPUTED[type]?.({ id: `/preview/${type}/${name}`, name, inputs, tenantId: SIMULATED_TENANT_ID, cloud: this.cloud }) ?? {};
        return withUnknowns(inputs, computed);
    }

    /** The subscription a provider reference (`<urn>::<id>`) deploys into; the placeholder for the default provider. */
    private subscriptionOf(provider: string | undefined): string {
        const id = provider?.split("::").pop();
        return (id && this.providerSubscriptions.get(id)) || SIMULATED_SUBSCRIPTION_ID;
    }

    private armId(spec: ArmTypeSpec, name: string, inputs: Record<string, unknown>, subscriptionId: string): string | undefined {
        const sub = `/subscriptions/${subscriptionId}`;
        const str = (k: string): string | undefined => (typeof inputs[k] === "string" ? (inputs[k] as string) : undefined);
        const p = spec.placement;
        switch (p.kind) {
            case "subscription":
                return `${sub}/resourceGroups/${name}`;
            case "resourceGroup": {
                const group = str("resourceGroupName");
                return group && `${sub}/resourceGroups/${group}/providers/${spec.armType}/${name}`;
            }
            case "child": {
                const group = str("resourceGroupName");
                const parent = str(p.parentNameKey);
                const keys = [...p.segment.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
                if (keys.some((k) => str(k) === undefined)) return undefined;
                const segment = p.segment.replace(/\{(\w+)\}/g, (_, k: string) => str(k) as string);
                return group && parent && `${sub}/resourceGroups/${group}/providers/${p.parentType}/${parent}/${segment}/${name}`;
            }
            case "extension": {
                const scope = str(p.scopeKey);
                return scope && `${scope}/providers/${spec.armType}/${name}`;
            }
            case "extensionOfParts": {
                const [group, rp, type, parent] = [str("resourceGroupName"), str(p.providerKey), str(p.typeKey), str(p.nameKey)];
                return group && rp && type && parent && `${sub}/resourceGroups/${group}/providers/${rp}/${type}/${parent}/providers/${spec.armType}/${name}`;
            }
        }
    }

    private reject<T>(message: string, result: T): T {
        this.rejections.push(message);
        return result;
    }
}


/** Inputs plus every computed value the inputs do not already give, marked unknown. */
function withUnknowns(inputs: Record<string, unknown>, computed: Record<string, unknown>): Record<string, unknown> {
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
    const state: Record<string, unknown> = { ...inputs };
    for (const [k, v] of Object.entries(computed)) {
        if (!(k in inputs)) state[k] = unknownValue;
        else if (isObject(v) && isObject(inputs[k])) state[k] = withUnknowns(inputs[k] as Record<string, unknown>, v);
    }
    return state;
}
