/**
 * Instance types of an attached Kubernetes compute, as pure data: their rules and the
 * `InstanceType` custom resources (amlarc.azureml.com/v1alpha1) that define them in the cluster.
 *
 * Where instance types live ("Create and manage instance types for efficient utilization of compute
 * resources", https://learn.microsoft.com/azure/machine-learning/how-to-manage-kubernetes-instance-types,
 * checked 2026-12-04): "instance types are represented as a custom resource definition (CRD)
 * installed with the Azure Machine Learning extension", created with `kubectl apply`; a type named
 * `defaultinstancetype` is the default, and the service's own `defaultinstancetype` (requests 100m
 * CPU / 2Gi, limits 2 CPU / 2Gi) applies until one is created. The ARM compute's
 * `properties.instanceTypes` exists in the API, but no document says the service turns it into those
 * custom resources, so the toolkit does not send it: the manifests below are applied to the cluster
 * by a Kubernetes provider (the serving work's Entra ID provider), and ARM gets only the namespace and
 * `defaultInstanceType`.
 *
 * Rules of the same page: name unique in the cluster (it is a cluster-wide Kubernetes object name);
 * CPU and memory requests and limits required, never zero; GPUs (`nvidia.com/gpu`) an integer, in
 * limits only; `nodeSelector` a string map. Kubernetes refuses requests above limits ("Resource
 * Management for Pods and Containers", https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/).
 */

/** The instance type the extension uses when a job or deployment names none. */
export const DEFAULT_INSTANCE_TYPE_NAME = "defaultinstancetype";
/** Group/version and kind of the instance type custom resource. */
export const INSTANCE_TYPE_API_VERSION = "amlarc.azureml.com/v1alpha1";
export const INSTANCE_TYPE_KIND = "InstanceType";

/** Resources of one side (requests or limits). */
export interface InstanceTypeQuantities {
    /** CPU, `"500m"` or `"2"`. */
    cpu: string;
    /** Memory, `"4Gi"`. */
    memory: string;
}

/** One instance type as configured. */
export interface InstanceTypeSpec {
    /** Node labels a pod of this type must match. Default none. */
    nodeSelector?: Readonly<Record<string, string>>;
    /** What a pod is guaranteed. */
    requests: InstanceTypeQuantities;
    /** What a pod may use; `gpu` NVIDIA GPUs (integer). */
    limits: InstanceTypeQuantities & { gpu?: number };
}

/** An `InstanceType` custom resource, ready for `kubectl apply` or a Kubernetes provider. */
export interface InstanceTypeManifest {
    apiVersion: typeof INSTANCE_TYPE_API_VERSION;
    kind: typeof INSTANCE_TYPE_KIND;
    metadata: { name: string };
    spec: {
        nodeSelector?: Record<string, string>;
        resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string; "nvidia.com/gpu"?: number } };
    };
}

/** RFC 1123 label: a Kubernetes namespace name ("Namespaces", https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/). */
const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: a Kubernetes object name such as an instance type's ("Object Names and IDs"). */
const RFC1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a namespace name is not a valid Kubernetes namespace, or undefined. */
export function namespaceProblem(ns: string): string | undefined {
    if (ns.length > 63) return `"${ns}" is ${ns.length} characters; a namespace has at most 63`;
    if (!RFC1123_LABEL.test(ns)) return `"${ns}" is not an RFC 1123 label (lowercase letters, digits and hyphens, starting and ending with a letter or digit)`;
    // kube-* is reserved for Kubernetes system namespaces; azureml is the extension's own.
    if (ns.startsWith("kube-")) return `"${ns}" is reserved for Kubernetes system namespaces`;
    if (ns === "azureml") return `"${ns}" is the AzureML extension's own namespace`;
    return undefined;
}

/** Why an instance type name is not valid, or undefined. */
export function instanceTypeNameProblem(name: string): string | undefined {
    if (name.length > 253) return `"${name}" is ${name.length} characters; a Kubernetes object name has at most 253`;
    if (!RFC1123_SUBDOMAIN.test(name)) return `"${name}" is not a Kubernetes object name (lowercase letters, digits, hyphens and periods, starting and ending with a letter or digit)`;
    return undefined;
}

const CPU = /^(\d+(\.\d+)?|\.\d+)(m)?$/;
const MEMORY = /^(\d+(\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?$/;
const MEMORY_FACTORS: Readonly<Record<string, number>> = {
    "": 1, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** Cores of a CPU quantity (`"500m"` → 0.5), undefined when malformed. */
export function cpuCores(q: string): number | undefined {
    const m = CPU.exec(q);
    return m ? Number(m[1]) / (m[3] ? 1000 : 1) : undefined;
}

/** Bytes of a memory quantity (`"1Gi"` → 1073741824), undefined when malformed. */
export function memoryBytes(q: string): number | undefined {
    const m = MEMORY.exec(q);
    return m ? Number(m[1]) * MEMORY_FACTORS[m[3] ?? ""] : undefined;
}

/** One problem, keyed relative to the instance type (`requests.cpu`). */
export interface InstanceTypeProblem {
    key: string;
    problem: string;
    fix: string;
}

/** Problems of one instance type (the name is checked by {@link instanceTypeNameProblem}). */
export function instanceTypeProblems(t: InstanceTypeSpec): InstanceTypeProblem[] {
    const out: InstanceTypeProblem[] = [];
    const sides = [
        ["requests", t.requests],
        ["limits", t.limits],
    ] as const;
    const parsed: Record<string, number | undefined> = {};
    for (const [side, q] of sides) {
        const cpu = cpuCores(q.cpu);
        const memory = memoryBytes(q.memory);
        if (cpu === undefined) out.push({ key: `${side}.cpu`, problem: `"${q.cpu}" is not a CPU quantity`, fix: 'write cores ("2", "0.5") or millicores ("500m")' });
        else if (cpu === 0) out.push({ key: `${side}.cpu`, problem: "is zero", fix: "give a CPU quantity above zero" });
        if (memory === undefined) out.push({ key: `${side}.memory`, problem: `"${q.memory}" is not a memory quantity`, fix: 'write a number with a unit, e.g. "1500Mi" or "4Gi"' });
        else if (memory < 1e6) out.push({ key: `${side}.memory`, problem: `"${q.memory}" is below 1 MB (or zero)`, fix: 'give at least "1Mi"' });
        parsed[`${side}.cpu`] = cpu;
        parsed[`${side}.memory`] = memory;
    }
    for (const r of ["cpu", "memory"] as const) {
        const req = parsed[`requests.${r}`];
        const lim = parsed[`limits.${r}`];
        if (req !== undefined && lim !== undefined && req > lim) {
            out.push({ key: `requests.${r}`, problem: `(${t.requests[r]}) is above limits.${r} (${t.limits[r]}); Kubernetes refuses such a pod`, fix: `lower requests.${r} or raise limits.${r}` });
        }
    }
    return out;
}

/** The custom resource of one instance type. */
export function instanceTypeManifest(name: string, t: InstanceTypeSpec): InstanceTypeManifest {
    const limits: InstanceTypeManifest["spec"]["resources"]["limits"] = { cpu: t.limits.cpu, memory: t.limits.memory };
    if (t.limits.gpu !== undefined) limits["nvidia.com/gpu"] = t.limits.gpu;
    const spec: InstanceTypeManifest["spec"] = { resources: { requests: { cpu: t.requests.cpu, memory: t.requests.memory }, limits } };
    if (t.nodeSelector && Object.keys(t.nodeSelector).length > 0) spec.nodeSelector = { ...t.nodeSelector };
    return { apiVersion: INSTANCE_TYPE_API_VERSION, kind: INSTANCE_TYPE_KIND, metadata: { name }, spec };
}

/**
 * Every instance type custom resource of one attachment: one per configured type, plus, when
 * `defaultInstanceType` names one, a copy named `defaultinstancetype` (the documented way to make a
 * type the default: "create an instance type with the name defaultinstancetype").
 */
export function instanceTypeManifests(types: Readonly<Record<string, InstanceTypeSpec>>, defaultInstanceType?: string): InstanceTypeManifest[] {
    const out = Object.entries(types).map(([name, t]) => instanceTypeManifest(name, t));
    if (defaultInstanceType !== undefined && defaultInstanceType !== DEFAULT_INSTANCE_TYPE_NAME && types[defaultInstanceType]) {
        out.push(instanceTypeManifest(DEFAULT_INSTANCE_TYPE_NAME, types[defaultInstanceType]));
    }
    return out;
}

/**
 * The instance types of one attachment as one `InstanceTypeList` document (the documented way to
 * create several at once), JSON text for `kubectl apply -f -` or a Kubernetes provider.
 */
export function instanceTypeListJson(types: Readonly<Record<string, InstanceTypeSpec>>, defaultInstanceType?: string): string {
    return JSON.stringify({ apiVersion: INSTANCE_TYPE_API_VERSION, kind: `${INSTANCE_TYPE_KIND}List`, items: instanceTypeManifests(types, defaultInstanceType) }, null, 2);
}
