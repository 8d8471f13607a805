/**
 * Endpoints on host `containerInstance` (the platform's `serving.endpoints` and each team's): what
 * Azure Container Instances and this toolkit's design accept, with key paths. The facts (limits,
 * label and variable name rules, the Azure Government restriction) come from the one table in
 * components/serving/hosts/container-group-rules.ts, which cites the docs.
 *
 * - `publicDnsLabel`: a DNS label, and only on a public stack (network.publicNetworkAccess Enabled):
 *   a private stack keeps its scoring endpoints in the network.
 * - Without `publicDnsLabel` the group gets a private IP in the scoring subnet, so the stack needs one.
 * - In Azure Government, a container group in a virtual network cannot have a managed identity
 *   ("Virtual network scenarios and resources for Azure Container Instances"), and this host always
 *   pulls with one: refused.
 * - `cpu` / `memoryInGB` within the ACI maxima.
 * - Variable names; a secret variable names a config key (`pulumi config set --secret <key>`): a key
 *   of the project's namespace, which the program reads (stacks/config-serving-secrets.ts checks it is set).
 * - Fields of other hosts are refused, so nobody believes they took effect. (Fields with schema
 *   defaults, e.g. `replicas`, cannot be told apart from the default and are ignored by this host.)
 */
import { hasSubnet, planNetwork } from "../components/network/network-plan";
import { EndpointHost } from "../components/serving/serving-enums";
import { SERVING_DEFAULTS } from "../components/serving/serving-defaults";
import { ACI_LIMITS, HOST_ENV, dnsLabelProblem, envNameProblem, resourceProblems, supportsIdentityInVirtualNetwork } from "../components/serving/hosts/container-group-rules";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";
import { guardedEntries } from "./config-guard";
import { servingBlocksOf } from "./config-serving";

/** Fields of other hosts with no schema default (so a value was written on purpose). */
const OTHER_HOSTS_FIELDS = ["compute", "deployments", "cluster", "namespace", "allowFrom", "publicNetworkAccess"] as const;

/** A Pulumi config key name a secret variable may name: in the project's namespace (no `:`), not the platform object. */
export const SECRET_CONFIG_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Every problem of the containerInstance endpoints. */
export function containerInstanceProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const plan = planNetwork(c);
    const hasScoringSubnet = hasSubnet(plan, "scoring");
    for (const { path: prefix, serving } of servingBlocksOf(c)) {
        for (const [key, e] of guardedEntries(out, serving.endpoints)) {
            if (e.host !== EndpointHost.ContainerInstance) continue;
            const p = (field: string): string => at(`${prefix}.endpoints.${key}${field ? `.${field}` : ""}`);
            const add = (field: string, problem: string, fix: string): void => {
                out.push({ path: p(field), problem, fix });
            };
            // A missing or unknown image or model is the artifacts check's (config-semantics-serving-artifacts.ts).
            for (const f of OTHER_HOSTS_FIELDS) {
                if (e[f] !== undefined) add(f, "does not apply to host containerInstance", "remove it; it applies to managedOnline, kubernetesOnline or kubernetes endpoints");
            }
            const isPublic = e.publicDnsLabel !== undefined;
            if (isPublic) {
                const bad = dnsLabelProblem(e.publicDnsLabel as string);
                if (bad) add("publicDnsLabel", bad, "use e.g. risk-scoring-dev");
                if (c.network.publicNetworkAccess !== "Enabled") {
                    add("publicDnsLabel", "gives the container group a public IP, but network.publicNetworkAccess is Disabled", "remove publicDnsLabel: the group then gets a private IP in the scoring subnet");
                }
            } else {
                if (!hasScoringSubnet) {
                    add("publicDnsLabel", "is not set, so the container group gets a private IP in the scoring subnet, but the stack has none", "add network.virtualNetwork.subnets.scoring (e.g. addressPrefix 10.0.1.0/24) or subnetIds.scoring; or, on a public stack only, set publicDnsLabel");
                }
                if (!supportsIdentityInVirtualNetwork(c.cloud)) {
                    add("", `runs in a virtual network, but ${c.cloud} does not support a managed identity on a container group in a virtual network (and this host pulls its image with one)`, "serve it on host managedOnline or kubernetes instead");
                }
            }
            for (const r of resourceProblems(e.cpu ?? SERVING_DEFAULTS["serving.endpoints.*.cpu"], e.memoryInGB ?? SERVING_DEFAULTS["serving.endpoints.*.memoryInGB"], !isPublic)) {
                add(r.startsWith("cpu") ? "cpu" : "memoryInGB", r, `lower it; the ACI maxima are ${ACI_LIMITS.general.maxCpu} vCPU and ${ACI_LIMITS.general.maxMemoryInGB} GB, and above ${ACI_LIMITS.capacityCpu} vCPU / ${ACI_LIMITS.capacityMemoryInGB} GB request a quota increase first`);
            }
            const plain = Object.keys(e.environmentVariables ?? {});
            const secret = Object.entries(e.secretEnvironmentVariables ?? {});
            const reserved = Object.values(HOST_ENV) as string[];
            for (const [field, name] of [...plain.map((n) => ["environmentVariables", n]), ...secret.map(([n]) => ["secretEnvironmentVariables", n])]) {
                const bad = envNameProblem(name);
                if (bad) add(`${field}.${name}`, bad, "rename it, e.g. MY_SETTING");
                if (reserved.includes(name)) add(`${field}.${name}`, "is set by the host itself", `use another name; the host sets ${reserved.join(", ")}`);
            }
            for (const [name] of secret) {
                if (plain.includes(name)) add(`secretEnvironmentVariables.${name}`, "is also a plain environment variable", "keep only the secret one");
            }
            for (const [name, configKey] of secret) {
                if (!SECRET_CONFIG_KEY_PATTERN.test(configKey) || configKey === "platform") {
                    add(`secretEnvironmentVariables.${name}`, `names "${configKey}", which is not a config key of this project: letters, digits, '_', '.', '-', no namespace, not "platform"`, "name a key set with: pulumi config set --secret <key> <value>");
                }
            }
        }
    }
    return out;
}

/** The checks config.ts runs with the other semantic checks. */
export const SERVING_ACI_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [containerInstanceProblems];
