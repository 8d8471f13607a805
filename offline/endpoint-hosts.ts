/**
 * Which captured resource IS a serving endpoint, and on which host it runs: the one classification
 * the HTML report's diagram (offline/report-html-model.ts) and its tests read. One resource per
 * endpoint, the one that answers requests, whatever component made it:
 * - containerInstance: the ACI container group (components/serving/hosts/container-group-endpoint.ts);
 * - managedOnline / kubernetesOnline: the Azure ML online endpoint (hosts/online-endpoint.ts), on
 *   Kubernetes compute when its `properties.compute` names one, managed otherwise (ARM's own rule:
 *   an online endpoint without a compute is a managed one);
 * - kubernetes / fpga: the scoring Deployment of a KubernetesEndpoint component
 *   (hosts/kubernetes-endpoint.ts); on the FPGA host when its pods select the FPGA pool's label
 *   (components/fpga.ts FPGA_POOL_LABEL, which hosts/fpga-host.ts sets), so the FPGA device plugin's
 *   DaemonSet and any other workload are not endpoints;
 * - iotEdge: the IoT Edge deployment (components/edge, its dynamic type in offline/azure-sim/computed-edge.ts).
 * Endpoints are then shown grouped by where they run (HOST_GROUPS): containers, Kubernetes, FPGA, IoT Edge.
 */
import { FPGA_POOL_LABEL } from "../components/fpga";
import { EndpointHost } from "../components/serving/serving-enums";
import { EDGE_DYNAMIC_TYPES } from "./azure-sim/computed-edge";
import type { CapturedResource } from "./graph";
import { isSecret, UNKNOWN } from "./graph";

/** Type token of the component whose Deployment is a Kubernetes (or FPGA) scoring endpoint. */
export const KUBERNETES_ENDPOINT_COMPONENT = "aml-workspace:index:KubernetesEndpoint";

/** The host groups the diagram draws, in order, with the hosts each holds. */
export const HOST_GROUPS = [
    { key: "container", title: "Container hosts", hosts: [EndpointHost.ContainerInstance, EndpointHost.ManagedOnline] },
    { key: "kubernetes", title: "Kubernetes hosts", hosts: [EndpointHost.Kubernetes, EndpointHost.KubernetesOnline] },
    { key: "fpga", title: "FPGA hosts", hosts: [EndpointHost.Fpga] },
    { key: "iot-edge", title: "IoT Edge hosts", hosts: [EndpointHost.IotEdge] },
] as const;

/** Key of a host group. */
export type HostGroupKey = (typeof HOST_GROUPS)[number]["key"];

/** Words for each host, as the diagram labels an endpoint. */
export const HOST_LABELS: Readonly<Record<EndpointHost, string>> = {
    [EndpointHost.ContainerInstance]: "container instance",
    [EndpointHost.ManagedOnline]: "managed online endpoint",
    [EndpointHost.Kubernetes]: "Kubernetes deployment",
    [EndpointHost.KubernetesOnline]: "online endpoint on Kubernetes",
    [EndpointHost.Fpga]: "FPGA deployment",
    [EndpointHost.IotEdge]: "IoT Edge module",
};

function plain(v: unknown): unknown {
    return isSecret(v) ? v.value : v;
}

function at(v: unknown, ...path: string[]): unknown {
    for (const k of path) {
        v = plain(v);
        if (v === UNKNOWN || v === null || typeof v !== "object") return undefined;
        v = (v as Record<string, unknown>)[k];
    }
    return plain(v);
}

/**
 * The host of a resource that is an endpoint, undefined for every other resource.
 * @param parentType type token of the resource's parent (the Kubernetes rule needs it).
 */
export function endpointHostOf(r: CapturedResource, parentType: string | undefined): EndpointHost | undefined {
    if (!r.custom) return undefined;
    switch (r.type) {
        case "azure-native:containerinstance:ContainerGroup":
            return EndpointHost.ContainerInstance;
        case "azure-native:machinelearningservices:OnlineEndpoint": {
            const compute = at(r.inputs, "properties", "compute");
            // In a preview the compute's ID may be unknown: still named, so still Kubernetes.
            return compute === undefined || compute === null || compute === "" ? EndpointHost.ManagedOnline : EndpointHost.KubernetesOnline;
        }
        case "kubernetes:apps/v1:Deployment": {
            if (parentType !== KUBERNETES_ENDPOINT_COMPONENT) return undefined;
            const selector = at(r.inputs, "spec", "template", "spec", "nodeSelector");
            return at(selector, FPGA_POOL_LABEL.key) === FPGA_POOL_LABEL.value ? EndpointHost.Fpga : EndpointHost.Kubernetes;
        }
        case EDGE_DYNAMIC_TYPES.deployment:
            return EndpointHost.IotEdge;
        default:
            return undefined;
    }
}

/** The host group of a host. */
export function hostGroupOf(host: EndpointHost): (typeof HOST_GROUPS)[number] {
    return HOST_GROUPS.find((g) => (g.hosts as readonly EndpointHost[]).includes(host)) as (typeof HOST_GROUPS)[number];
}
