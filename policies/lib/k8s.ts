/** Reading Kubernetes workload shapes (as @pulumi/kubernetes inputs). */
import type { PolicyResource } from "@pulumi/policy";
import { isUnknownValueError } from "./pulumi-internals";
import { peek } from "./relations";
import { isObject, readArray, readObject, readPath, type Obj } from "./read";
import { TYPES } from "./tokens";

/** Workload types with a pod template. */
export const WORKLOAD_TYPES = [TYPES.k8sDeployment, TYPES.k8sDaemonSet, TYPES.k8sStatefulSet];
/** Workloads that serve inference (replicated pods behind a service), as opposed to node agents. */
export const INFERENCE_TYPES = [TYPES.k8sDeployment, TYPES.k8sStatefulSet];

/** A container with where it sits, for messages. */
export interface ContainerAt {
    /** The container spec. */
    spec: Obj;
    /** Path for messages, e.g. `spec.template.spec.containers[0]`. */
    path: string;
}

/** The pod spec of a workload. */
export function podSpec(props: Obj): Obj {
    return readObject(props, "spec.template.spec");
}

/** Containers (and init containers when asked) of a workload. */
export function containersOf(props: Obj, withInit = true): ContainerAt[] {
    const lists = withInit ? ["containers", "initContainers"] : ["containers"];
    return lists.flatMap((list) =>
        readArray(podSpec(props), list)
            .filter(isObject)
            .map((spec, i) => ({ spec, path: `spec.template.spec.${list}[${i}]` })),
    );
}

/** The namespace a namespaced object lives in ("default" when unset). */
export function namespaceOf(r: PolicyResource): string {
    let ns: unknown;
    try {
        ns = readPath(r.props, "metadata.namespace");
    } catch (e) {
        if (!isUnknownValueError(e)) {
            throw e;
        }
        // During preview a namespace created in the same stack is unknown; identify it by the Namespace resource.
        const dep = (r.propertyDependencies["metadata"] ?? []).find((d) => d.type === "kubernetes:core/v1:Namespace");
        const name = dep ? peek(() => readPath(dep.props, "metadata.name")) : undefined;
        return typeof name === "string" ? name : (dep?.urn ?? "(unknown)");
    }
    // A known but absent namespace is the default one, whatever else metadata was computed from.
    return typeof ns === "string" && ns !== "" ? ns : "default";
}
