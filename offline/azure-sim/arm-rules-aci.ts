/**
 * What Azure Container Instances refuses (or deploys broken) for a ContainerGroup, from the ARM body
 * and the resources declared before it. The facts and their sources are in the one table
 * components/serving/hosts/container-group-rules.ts; each rule returns one message naming the
 * property and the fix.
 */
import { readPath } from "../../components/object-path";
import { BUILTIN_ROLES } from "../../components/access/roles";
import { ACI_LIMITS, resourceProblems } from "../../components/serving/hosts/container-group-rules";
import type { RuleSubject } from "./arm-rules";
import { SECRET_SIG, SIG_KEY } from "../wire";
import { UNKNOWN } from "../graph";

type Rule = (s: RuleSubject) => string | undefined;
const get = readPath;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const lower = (v: unknown): string | undefined => (typeof v === "string" ? v.toLowerCase() : undefined);
const subnetIdsOf = (s: RuleSubject): string[] => list(get(s.inputs, "subnetIds")).map((x) => get(x, "id")).filter((x): x is string => typeof x === "string");

/**
 * The inputs with Pulumi's secret wrappers removed: a secret nested in `containers` (a secure
 * environment value) makes the mock receive the whole `containers` array as one secret, and ARM sees
 * the plaintext.
 */
function withoutSecrets(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(withoutSecrets);
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === SECRET_SIG) return withoutSecrets(o.value);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, withoutSecrets(x)]));
}

const RULES: readonly Rule[] = [
    // "Virtual network scenarios and resources for Azure Container Instances": a group in a virtual
    // network has no public IP or DNS label.
    (s) => (lower(get(s.inputs, "ipAddress.type")) === "public" && subnetIdsOf(s).length > 0 ? "ipAddress.type is Public with subnetIds; a container group in a virtual network has no public IP: set ipAddress.type Private" : undefined),
    (s) => (lower(get(s.inputs, "ipAddress.type")) === "private" && get(s.inputs, "ipAddress.dnsNameLabel") !== undefined ? "ipAddress.dnsNameLabel is set on a private IP; a container group in a virtual network has no DNS label: remove it" : undefined),
    // Entries, not IDs: in a preview the subnet's ID is not known yet, but the entry is there.
    (s) => (lower(get(s.inputs, "ipAddress.type")) === "private" && get(s.inputs, "subnetIds") !== UNKNOWN && list(get(s.inputs, "subnetIds")).length === 0 ? "ipAddress.type is Private without subnetIds; name the delegated subnet in subnetIds" : undefined),
    // Same page: the subnet holds container groups only, delegated first, in the group's subscription.
    (s) => {
        for (const id of subnetIdsOf(s)) {
            const sub = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
            if (sub && sub.toLowerCase() !== s.subscriptionId.toLowerCase()) return `subnetIds ${id} is in subscription ${sub}; the subnet must be in the container group's subscription (${s.subscriptionId})`;
            const subnet = s.lookup(id);
            if (subnet === undefined) continue;
            const delegated = list(get(subnet.inputs, "delegations")).some((d) => get(d, "serviceName") === "Microsoft.ContainerInstance/containerGroups");
            if (!delegated) return `subnetIds ${id} is not delegated to Microsoft.ContainerInstance/containerGroups; delegate it before deploying container groups to it`;
        }
        return undefined;
    },
    // "Resource availability & quota limits for ACI": CPU and memory per group; ports per IP.
    (s) => {
        const containers = list(get(s.inputs, "containers"));
        const sum = (path: string): number => containers.reduce<number>((n, c) => n + (typeof get(c, path) === "number" ? (get(c, path) as number) : 0), 0);
        const problems = resourceProblems(sum("resources.requests.cpu"), sum("resources.requests.memoryInGB"), subnetIdsOf(s).length > 0);
        return problems.length > 0 ? `containers[*].resources.requests: ${problems.join("; ")}` : undefined;
    },
    (s) => {
        const n = list(get(s.inputs, "ipAddress.ports")).length;
        return n > ACI_LIMITS.portsPerIp ? `ipAddress.ports has ${n} ports; an IP exposes at most ${ACI_LIMITS.portsPerIp}` : undefined;
    },
    // "Deploy to Azure Container Instances from Azure Container Registry using a managed identity": pulls
    // use a user-assigned identity of the group (system-assigned is not supported).
    (s) => {
        const assigned = list(get(s.inputs, "identity.userAssignedIdentities")).map(lower);
        for (const [i, cred] of list(get(s.inputs, "imageRegistryCredentials")).entries()) {
            const identity = get(cred, "identity");
            if (identity === undefined) continue;
            if (lower(identity) === "system") return `imageRegistryCredentials[${i}].identity is "system"; ACR pulls need a user-assigned identity of the group`;
            if (typeof identity === "string" && !assigned.includes(identity.toLowerCase())) return `imageRegistryCredentials[${i}].identity ${identity} is not in identity.userAssignedIdentities; assign it to the group`;
        }
        return undefined;
    },
    // Same page: the identity needs AcrPull on the registry when the group is created (it pulls then).
    // Checked for registries of this stack, once their login servers and the identity's principal are known.
    (s) => {
        for (const [i, cred] of list(get(s.inputs, "imageRegistryCredentials")).entries()) {
            const server = lower(get(cred, "server"));
            const identityId = get(cred, "identity");
            if (server === undefined || typeof identityId !== "string") continue;
            const registry = s.all().find((r) => r.type === "azure-native:containerregistry:Registry" && lower(r.outputs?.loginServer) === server);
            const principal = s.lookup(identityId)?.outputs?.principalId;
            if (!registry?.id || typeof principal !== "string") continue;
            const registryId = registry.id.toLowerCase();
            const granted = s.all().some(
                (r) =>
                    r.type === "azure-native:authorization:RoleAssignment" &&
                    r.inputs.principalId === principal &&
                    typeof r.inputs.scope === "string" &&
                    (registryId === r.inputs.scope.toLowerCase() || registryId.startsWith(`${r.inputs.scope.toLowerCase()}/`)) &&
                    lower(r.inputs.roleDefinitionId)?.endsWith(BUILTIN_ROLES.acrPull) === true,
            );
            if (!granted) return `imageRegistryCredentials[${i}] pulls from ${server} with ${identityId}, which has no AcrPull role assignment on that registry declared before the group; grant it first (the image is pulled at create time)`;
        }
        return undefined;
    },
];

/** The rules of `azure-native:containerinstance:ContainerGroup`, on the inputs as ARM sees them. */
export const CONTAINER_GROUP_RULES: readonly Rule[] = RULES.map((rule) => (s: RuleSubject) => rule({ ...s, inputs: withoutSecrets(s.inputs) as Record<string, unknown> }));
