/**
 * Simulated Kubernetes API server for the `kubernetes:*` objects the program creates through its
 * Entra ID providers: what the API server refuses that matters (a namespaced object in a namespace
 * nobody creates, object names that are not DNS labels where the kind needs one) and what it
 * computes that the program reads (a LoadBalancer Service's ingress IP, which the scoring URI of a
 * `host: kubernetes` endpoint is). One simulated cluster: namespaces are tracked by name across the
 * stack, so two clusters sharing a namespace name pass where the second cluster would refuse (a
 * false pass, never a false refusal).
 *
 * Sources (checked 2026-12-04): "Namespaces" (https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/):
 * objects are created in an existing namespace (the API answers `namespaces "<name>" not found`);
 * "Object Names and IDs" (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/):
 * Namespace names are RFC 1123 labels, Service names RFC 1035 labels (start with a letter), most
 * other objects RFC 1123 subdomains.
 */
import { deterministicGuid } from "../../components/hashing";
import { formatAddress, parseCidr, size as blockSize } from "../../components/network/cidr";

/** Namespaces every cluster has. */
const BUILTIN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RFC1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const RFC1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Which name rule each kind's `metadata.name` follows (other kinds: RFC 1123 subdomain). */
const NAME_RULES: Readonly<Record<string, { pattern: RegExp; max: number; rule: string }>> = {
    "kubernetes:core/v1:Namespace": { pattern: RFC1123_LABEL, max: 63, rule: "an RFC 1123 label (lowercase letters, digits, hyphens; 63 at most)" },
    "kubernetes:core/v1:Service": { pattern: RFC1035_LABEL, max: 63, rule: "an RFC 1035 label (a lowercase letter first, then letters, digits, hyphens; 63 at most)" },
};

/** What the simulated API server answers for one object. */
export interface KubernetesAnswer {
    /** Why the API server refuses it, or undefined. */
    refusal?: string;
    /** Computed fields to merge into the state (outside preview). */
    computed: Record<string, unknown>;
}

/** The simulated cluster(s): namespaces created so far. */
export class SimulatedKubernetes {
    private readonly namespaces = new Set<string>(BUILTIN_NAMESPACES);

    /**
     * Checks and records one object (`type` is the Pulumi token, e.g. `kubernetes:apps/v1:Deployment`).
     * `nodeSubnet` gives the address prefix of the cluster nodes' subnet, where AKS takes an internal
     * load balancer's frontend IP ("Use an internal load balancer with AKS": from the cluster's
     * virtual network subnet unless an annotation names another), when the stack declares one.
     */
    create(type: string, inputs: Record<string, unknown>, nodeSubnet: () => string | undefined = () => undefined): KubernetesAnswer {
        if (!type.startsWith("kubernetes:") || type.startsWith("kubernetes:helm") || type.startsWith("kubernetes:yaml")) return { computed: {} };
        const metadata = (inputs.metadata ?? {}) as Record<string, unknown>;
        const name = metadata.name;
        const problems: string[] = [];
        const rule = NAME_RULES[type] ?? { pattern: RFC1123_SUBDOMAIN, max: 253, rule: "an RFC 1123 subdomain (lowercase letters, digits, hyphens, periods; 253 at most)" };
        if (typeof name === "string" && (name.length > rule.max || !rule.pattern.test(name))) problems.push(`metadata.name "${name}" is not ${rule.rule}`);
        if (type === "kubernetes:core/v1:Namespace") {
            if (typeof name === "string") this.namespaces.add(name);
        } else if (typeof metadata.namespace === "string" && !this.namespaces.has(metadata.namespace)) {
            problems.push(`namespaces "${metadata.namespace}" not found; create the Namespace first (and depend on it)`);
        }
        return { refusal: problems.length > 0 ? problems.join("; ") : undefined, computed: serviceStatus(type, inputs, nodeSubnet) };
    }
}

/** A LoadBalancer Service's status: one ingress IP, private (10.x) for an internal load balancer, else public-looking (TEST-NET-3). */
function serviceStatus(type: string, inputs: Record<string, unknown>, nodeSubnet: () => string | undefined): Record<string, unknown> {
    if (type !== "kubernetes:core/v1:Service") return {};
    const spec = (inputs.spec ?? {}) as Record<string, unknown>;
    if (spec.type !== "LoadBalancer") return {};
    const metadata = (inputs.metadata ?? {}) as Record<string, unknown>;
    const annotations = (metadata.annotations ?? {}) as Record<string, unknown>;
    const internal = String(annotations["service.beta.kubernetes.io/azure-load-balancer-internal"] ?? "").toLowerCase() === "true";
    const hex = deterministicGuid("simulated-kubernetes", "load-balancer", String(metadata.namespace), String(metadata.name)).replace(/-/g, "");
    const byte = (i: number) => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    const ip = internal ? internalAddress(nodeSubnet(), hex) ?? `10.${byte(0)}.${byte(1)}.${(byte(2) % 250) + 4}` : `203.0.113.${(byte(2) % 250) + 4}`;
    return { status: { loadBalancer: { ingress: [{ ip }] } } };
}

/**
 * A deterministic frontend address in the upper half of the node subnet (nodes take addresses from
 * its start), or undefined when the subnet is not known (an adopted one): then any private address.
 */
function internalAddress(prefix: string | undefined, hex: string): string | undefined {
    const block = prefix === undefined ? undefined : parseCidr(prefix);
    if (block === undefined || typeof block === "string") return undefined;
    const size = blockSize(block);
    if (size < 16) return undefined;
    const half = size / 2;
    return formatAddress(block.start + half + (parseInt(hex.slice(0, 8), 16) % (half - 1)));
}
