/**
 * What Azure refuses about online endpoints, their deployments, and the ARM template deployment
 * that sets an endpoint's traffic (components/serving/hosts/online-endpoint.ts). The traffic rules
 * are the ones of components/serving/hosts/online-endpoint-settings.ts (sources cited there): a
 * traffic map naming a deployment that does not exist yet, live traffic not summing to 100, mirror
 * rules; Entra tokens on a Kubernetes endpoint ("Authenticate clients for online endpoints"); a
 * deployment without its endpoint, or of the other compute type; a managed VM size outside the
 * "Managed online endpoints SKU list".
 */
import { isUnknown } from "@pulumi/pulumi";
import { readPath } from "../../components/object-path";
import { resourceTypeOfId } from "../../components/resource-ids";
import { isManagedOnlineSku, trafficMapProblems, type ResolvedTraffic } from "../../components/serving/hosts/online-endpoint-settings";
import type { RuleSubject } from "./arm-rules";

type Rule = (s: RuleSubject) => string | undefined;

const ENDPOINT_TYPE = "azure-native:machinelearningservices:OnlineEndpoint";
const DEPLOYMENT_TYPE = "azure-native:machinelearningservices:OnlineDeployment";
const ENDPOINT_ARM_TYPE = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints";

const endpointId = (s: RuleSubject, workspace: string, endpoint: string): string =>
    `/subscriptions/${s.subscriptionId}/resourceGroups/${String(s.inputs.resourceGroupName)}/providers/Microsoft.MachineLearningServices/workspaces/${workspace}/onlineEndpoints/${endpoint}`;

/** Deployment names created so far under an endpoint. */
function deploymentsOf(s: RuleSubject, id: string): string[] {
    const prefix = `${id.toLowerCase()}/deployments/`;
    return s.all().flatMap((r) => (r.type === DEPLOYMENT_TYPE && r.id?.toLowerCase().startsWith(prefix) ? [r.id.slice(prefix.length)] : []));
}

/** What ARM refuses of an endpoint body (`properties`) PUT at `id`. */
function endpointBodyProblems(s: RuleSubject, id: string, properties: unknown): string[] {
    const out: string[] = [];
    const compute = readPath(properties, "compute");
    const kubernetes = typeof compute === "string";
    if (kubernetes && readPath(properties, "authMode") === "AADToken") out.push("properties.authMode AADToken: Microsoft Entra token authentication is supported for managed online endpoints only; use AMLToken or Key");
    if (kubernetes && resourceTypeOfId(compute)?.toLowerCase() !== "microsoft.machinelearningservices/workspaces/computes") out.push(`properties.compute ${compute} is not a workspace compute`);
    if (kubernetes && !compute.toLowerCase().startsWith(`${id.toLowerCase().split("/onlineendpoints/")[0]}/computes/`)) out.push(`properties.compute ${compute} is not a compute of the endpoint's workspace`);
    const traffic = readPath(properties, "traffic");
    const mirror = readPath(properties, "mirrorTraffic");
    if (isUnknown(traffic) || isUnknown(mirror)) return out;
    const maps: ResolvedTraffic = { traffic: (traffic ?? {}) as Record<string, number>, mirrorTraffic: (mirror ?? {}) as Record<string, number> };
    if (Object.keys(maps.traffic).length + Object.keys(maps.mirrorTraffic).length === 0) return out;
    for (const p of trafficMapProblems(maps, deploymentsOf(s, id), !kubernetes)) out.push(`properties.${p.key}: ${p.problem}`);
    return out;
}

/** Rules of an online endpoint. */
export const ONLINE_ENDPOINT_RULES: readonly Rule[] = [
    (s) => {
        const ws = s.inputs.workspaceName;
        const name = s.inputs.endpointName;
        if (typeof ws !== "string" || typeof name !== "string") return undefined;
        const problems = endpointBodyProblems(s, endpointId(s, ws, name), s.inputs.properties);
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
];

/** Rules of an online deployment. */
export const ONLINE_DEPLOYMENT_RULES: readonly Rule[] = [
    (s) => {
        const ws = s.inputs.workspaceName;
        const name = s.inputs.endpointName;
        if (typeof ws !== "string" || typeof name !== "string") return undefined;
        const id = endpointId(s, ws, name);
        const endpoint = s.lookup(id);
        if (!endpoint || endpoint.type !== ENDPOINT_TYPE) return `endpoint ${id} does not exist; a deployment is created after its endpoint`;
        const kind = readPath(s.inputs, "properties.endpointComputeType");
        const kubernetesEndpoint = typeof readPath(endpoint.inputs, "properties.compute") === "string";
        if ((kind === "Kubernetes") !== kubernetesEndpoint) return `properties.endpointComputeType ${String(kind)} on ${kubernetesEndpoint ? "a Kubernetes" : "a managed"} endpoint`;
        const size = readPath(s.inputs, "properties.instanceType");
        if (kind === "Managed" && typeof size === "string" && !isManagedOnlineSku(size)) return `properties.instanceType ${size} is not a VM size of managed online endpoints ("Managed online endpoints SKU list")`;
        return undefined;
    },
];

/** Rules of an ARM template deployment: the online endpoints it PUTs (other templates pass). */
export const TEMPLATE_DEPLOYMENT_RULES: readonly Rule[] = [
    (s) => {
        const template = readPath(s.inputs, "properties.template");
        const parameters = (readPath(s.inputs, "properties.parameters") ?? {}) as Record<string, unknown>;
        const resources = (readPath(template, "resources") ?? []) as unknown[];
        const problems: string[] = [];
        for (const r of resources) {
            if (String(readPath(r, "type")) !== ENDPOINT_ARM_TYPE) continue;
            const param = (v: unknown): unknown => {
                const m = typeof v === "string" ? /^\[parameters\('([^']+)'\)\]$/.exec(v) : null;
                return m ? readPath(parameters[m[1]], "value") : v;
            };
            const fullName = param(readPath(r, "name"));
            if (typeof fullName !== "string") continue;
            const [ws, name] = fullName.split("/");
            const id = endpointId(s, ws, name);
            if (!s.lookup(id)) problems.push(`the template PUTs endpoint ${id}, which the stack has not created (the template only sets traffic)`);
            problems.push(...endpointBodyProblems(s, id, param(readPath(r, "properties"))).map((p) => `endpoint ${name}: ${p}`));
        }
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
];
