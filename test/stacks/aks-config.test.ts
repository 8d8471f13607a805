/**
 * The AKS cluster settings: `$defs/aksCluster` of the stack schema (validated and defaulted by the
 * stack's own ajv), its defaults against the one table (AKS_DEFAULTS) both ways, and
 * checkAksCluster's problems with full key paths.
 */
import { AKS_DEFAULTS } from "../../components/kubernetes/aks-defaults";
import schema from "../../stacks/schema/platform.schema.json";
import { configAjv } from "../../stacks/config";
import { formatProblem } from "../../stacks/config-errors";
import { readStackConfig } from "../../offline/stack-file";
import { loadPlatformConfig } from "../../stacks/config";
import { aksCheckContext, aksSettingsToArgs, checkAksCluster, type AksCheckContext, type AksClusterSettings } from "../../stacks/config-semantics-aks";

interface Node {
    $ref?: string;
    default?: unknown;
    properties?: Record<string, Node>;
    additionalProperties?: Node | boolean;
}
const defs = (schema as unknown as { $defs: Record<string, Node> }).$defs;
const validate = configAjv().compile<AksClusterSettings>({ $defs: defs, $ref: "#/$defs/aksCluster" });

/** Settings as the schema leaves them (defaults applied); throws on a schema error. */
function settings(input: Record<string, unknown>): AksClusterSettings {
    const copy = JSON.parse(JSON.stringify(input)) as AksClusterSettings;
    if (!validate(copy)) throw new Error(JSON.stringify(validate.errors));
    return copy;
}

const PATH = "kubernetes.clusters.serving";
const KEY = `aml-workspace:platform.${PATH}`;
const prodCtx: AksCheckContext = { location: "westeurope", virtualNetworkAddressSpace: ["10.20.0.0/16"], stackIsPrivate: true };
const prod = {
    kubernetesVersion: "1.30",
    systemPool: { vmSize: "Standard_D4ds_v5", minCount: 2, maxCount: 3 },
    userPools: { cpu: { vmSize: "Standard_D8ds_v5", minCount: 1, maxCount: 4, labels: { workload: "serving" }, taints: ["workload=serving:NoSchedule"] } },
};
/** The problems of `input` under `ctx`, as one-line messages. */
const problems = (input: Record<string, unknown>, ctx: AksCheckContext = prodCtx): string[] => checkAksCluster(PATH, settings(input), ctx).map(formatProblem);

describe("the schema", () => {
    it("fills every default; the prod cluster has no problem", () => {
        const s = settings(prod);
        expect(s).toMatchObject({
            skuTier: "Standard", networkPolicy: "cilium", serviceCidr: "172.16.0.0/16", dnsServiceIp: "172.16.0.10", podCidr: "10.244.0.0/16",
            upgradeChannel: "stable", nodeOsUpgradeChannel: "NodeImage", defender: true, apiServer: { private: true, authorizedIpRanges: [] },
            systemPool: { name: "system", vmSize: "Standard_D4ds_v5", minCount: 2, maxCount: 3, maxPods: 110 },
            userPools: { cpu: { minCount: 1, maxCount: 4, maxPods: 110 } },
        });
        expect(problems(prod)).toEqual([]);
        expect(problems({})).toEqual([]);
    });

    it("refuses unknown keys, a user pool without vmSize or maxCount, a weak network policy", () => {
        expect(validate({ userPools: { cpu: { vmSize: "Standard_D8ds_v5" } } })).toBe(false);
        expect(validate({ userPools: { cpu: { maxCount: 2 } } })).toBe(false);
        expect(validate({ networkPolicy: "none" })).toBe(false);
        expect(validate({ enableLocalAccounts: true })).toBe(false);
    });

    it("states the defaults of AKS_DEFAULTS, and only those", () => {
        const found = new Map<string, unknown>();
        const walk = (node: Node, path: string): void => {
            const n = node.$ref?.startsWith("#/$defs/") ? { ...defs[node.$ref.slice(8)], ...node } : node;
            const emptyObject = typeof n.default === "object" && n.default !== null && !Array.isArray(n.default) && Object.keys(n.default).length === 0;
            if (n.default !== undefined && !emptyObject) found.set(path, n.default);
            for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, path ? `${path}.${k}` : k);
            if (typeof n.additionalProperties === "object") walk(n.additionalProperties, `${path}.*`);
        };
        walk(defs.aksCluster, "");
        expect(Object.fromEntries(found)).toEqual(JSON.parse(JSON.stringify(AKS_DEFAULTS)));
    });

    it("maps to the component's args", () => {
        const args = aksSettingsToArgs(settings(prod));
        expect(args.userPools).toEqual([{ name: "cpu", vmSize: "Standard_D8ds_v5", minCount: 1, maxCount: 4, maxPods: 110, nodeLabels: { workload: "serving" }, nodeTaints: ["workload=serving:NoSchedule"] }]);
        expect(args).toMatchObject({ apiServer: { private: true, authorizedIpRanges: [] }, systemPool: { name: "system", vmSize: "Standard_D4ds_v5" }, upgradeChannel: "stable" });
    });
});

describe("checkAksCluster", () => {
    it.each<[string, Record<string, unknown>, string[]]>([
        ["a pool name with upper case and one too long", { userPools: { GPU: { vmSize: "Standard_D8ds_v5", maxCount: 2 }, cpupoolnumber1: { vmSize: "Standard_D8ds_v5", maxCount: 2 } } }, [
            `${KEY}.userPools.GPU: AKS node pool name must be 1-12 lowercase letters and digits, starting with a letter; got 'GPU' (3 chars) (rename the pool (Linux pools: 1-12 lowercase letters and digits, starting with a letter))`,
            `${KEY}.userPools.cpupoolnumber1: AKS node pool name must be 1-12 lowercase letters and digits, starting with a letter; got 'cpupoolnumber1' (14 chars) (rename the pool (Linux pools: 1-12 lowercase letters and digits, starting with a letter))`,
        ]],
        ["a system pool named like a user pool", { systemPool: { name: "sys" }, userPools: { sys: { vmSize: "Standard_D8ds_v5", maxCount: 2 } } }, [`${KEY}.userPools.sys: repeats the pool name sys (give each pool its own name)`]],
        ["a one-node system pool on a 2-vCPU size", { systemPool: { vmSize: "Standard_D2ds_v5", minCount: 1, maxCount: 1 } }, [
            `${KEY}.systemPool.vmSize: "Standard_D2ds_v5" has 2 vCPUs; a system pool needs at least 4 (use a size with 4 or more vCPUs, such as Standard_D4ds_v5)`,
            `${KEY}.systemPool.minCount: is 1; a system pool has at least 2 nodes (set minCount to 2 or more)`,
        ]],
        ["an unknown size, min above max, too many pods", { userPools: { cpu: { vmSize: "Standard_D7_v9", minCount: 5, maxCount: 4, maxPods: 300 } } }, [
            `${KEY}.userPools.cpu.vmSize: "Standard_D7_v9" is not in the VM size table (components/vm-sizes.ts) (use a size such as Standard_D4ds_v5 (sizes are Standard_<series><vCPUs><features>_<version>))`,
            `${KEY}.userPools.cpu.minCount: (5) is above maxCount (4) (lower minCount or raise maxCount)`,
            `${KEY}.userPools.cpu.maxPods: is 300; a pool's maxPods is 10-250 (choose a value from 10 to 250)`,
        ]],
        ["a pool of more than 1000 nodes", { userPools: { cpu: { vmSize: "Standard_D8ds_v5", maxCount: 1001 } } }, [`${KEY}.userPools.cpu.maxCount: is 1001; a pool has at most 1000 nodes (lower it to 1000 or add a pool)`]],
        ["a version with a v", { kubernetesVersion: "v1.30" }, [`${KEY}.kubernetesVersion: "v1.30" is not a Kubernetes version (major.minor or major.minor.patch, e.g. 1.30 or 1.30.4; no "v" prefix) (write the version as 1.30 or 1.30.4, or remove it for AKS's default)`]],
        ["a service CIDR in the VNet, DNS IP outside it, pods over the services", { serviceCidr: "10.20.0.0/16", dnsServiceIp: "10.21.0.10", podCidr: "10.20.128.0/17" }, [
            `${KEY}.dnsServiceIp: 10.21.0.10 is outside serviceCidr 10.20.0.0/16 (give an address inside serviceCidr, e.g. its .10)`,
            `${KEY}.serviceCidr: 10.20.0.0/16 overlaps the virtual network's address space 10.20.0.0/16 (choose a range outside the VNet (and outside any peered or on-premises network))`,
            `${KEY}.podCidr: 10.20.128.0/17 overlaps the virtual network's address space 10.20.0.0/16 (choose a range outside the VNet (and outside any peered or on-premises network))`,
            `${KEY}.podCidr: 10.20.128.0/17 overlaps serviceCidr 10.20.0.0/16 (choose separate ranges)`,
        ]],
        ["the DNS IP at the start of the service CIDR, a malformed CIDR", { dnsServiceIp: "172.16.0.1", podCidr: "10.244.0.1/16" }, [
            `${KEY}.podCidr: "10.244.0.1/16" has host bits set (the block starts at 10.244.0.0/16) (write an IPv4 CIDR block such as 172.16.0.0/16)`,
            `${KEY}.dnsServiceIp: 172.16.0.1 is the first address of serviceCidr 172.16.0.0/16 (the network address or the kubernetes service's) (use another address of serviceCidr, e.g. its .10)`,
        ]],
        ["a public API server in a private stack, open to all", { apiServer: { private: false } }, [
            `${KEY}.apiServer.authorizedIpRanges: is empty while apiServer.private is false: the API server would be reachable from the whole internet (list the CIDRs that may reach the API server, or set apiServer.private: true)`,
            `${KEY}.apiServer.private: is false in a private stack (network.publicNetworkAccess Disabled) (keep the API server private; reach it from the VNet (or a peered network, a jump host, az aks command invoke))`,
        ]],
        ["authorized ranges on a private API server, one of them the internet", { apiServer: { authorizedIpRanges: ["0.0.0.0/0"] } }, [
            `${KEY}.apiServer.authorizedIpRanges[0]: 0.0.0.0/0 is the whole internet (list only the ranges that need the API server)`,
            `${KEY}.apiServer.authorizedIpRanges: is set but apiServer.private is true; authorized IP ranges restrict a public API server only (remove the ranges, or set apiServer.private: false)`,
        ]],
        ["a bad taint and label", { userPools: { cpu: { vmSize: "Standard_D8ds_v5", maxCount: 2, taints: ["gpu:Never"], labels: { "bad key!": "x" } } } }, [
            `${KEY}.userPools.cpu.taints[0]: "gpu:Never" is not a Kubernetes taint (write key=value:Effect, Effect one of NoSchedule, PreferNoSchedule, NoExecute)`,
            `${KEY}.userPools.cpu.labels.bad key!: is not a Kubernetes label key (an optional DNS prefix and /, then 1-63 letters, digits, - _ .) (rename the label)`,
        ]],
        ["an FPGA pool where FPGA VMs are not offered", { userPools: { fpga: { vmSize: "Standard_NP10s", minCount: 0, maxCount: 1 } } }, [
            `${KEY}.userPools.fpga.vmSize: Standard_NP10s is an FPGA size, not offered in northeurope (deploy the stack in one of eastus, westus2, westeurope, southeastasia, or use another size)`,
        ]],
    ])("%s", (_t, input, expected) => {
        const ctx = input.userPools && "fpga" in (input.userPools as object) ? { ...prodCtx, location: "northeurope" } : prodCtx;
        expect(problems(input, ctx)).toEqual(expected);
    });

    it("a public API server with authorized ranges is fine outside a private stack", () => {
        expect(problems({ apiServer: { private: false, authorizedIpRanges: ["203.0.113.0/24"] } }, { ...prodCtx, stackIsPrivate: false })).toEqual([]);
    });

    it("without a customer VNet only the ranges themselves are checked", () => {
        expect(problems({ serviceCidr: "10.0.0.0/16", dnsServiceIp: "10.0.0.10" }, { ...prodCtx, virtualNetworkAddressSpace: [] })).toEqual([]);
    });
});

describe("the context of a cluster in a stack", () => {
    const load = (stack: string) => loadPlatformConfig(readStackConfig(stack)["aml-workspace:platform"], { project: "aml-workspace", stack });
    it("prod: private, in the created VNet 10.20.0.0/16 that holds the aks subnet", () => {
        expect(aksCheckContext(load("prod"))).toEqual({ location: load("prod").location, virtualNetworkAddressSpace: ["10.20.0.0/16"], stackIsPrivate: true });
    });
    it("the prod snippet of the report passes in prod's context", () => {
        expect(checkAksCluster(PATH, settings(prod), aksCheckContext(load("prod")))).toEqual([]);
        expect(checkAksCluster(PATH, settings({ ...prod, serviceCidr: "10.20.64.0/18", dnsServiceIp: "10.20.64.10" }), aksCheckContext(load("prod"))).map((p) => p.path)).toEqual([`${KEY}.serviceCidr`]);
    });
});
