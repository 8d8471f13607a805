/**
 * The AKS rules without Pulumi (components/kubernetes/aks-rules.ts, aks-pools.ts): size facts,
 * versions, counts, address ranges, and the args check the component runs before creating anything.
 */
import { AKS_LIMITS, addressingProblems, hasLocalDisk, isBurstableSize, kubernetesVersionProblem, poolCountProblems, vcpusOfSize } from "../../../components/kubernetes/aks-rules";
import { aksArgProblems, defaultOsDiskType, poolProfile } from "../../../components/kubernetes/aks-pools";
import { AKS_DEFAULTS } from "../../../components/kubernetes/aks-defaults";

describe("VM size facts read from the name", () => {
    it.each([
        ["Standard_D4ds_v5", true, 4],
        ["Standard_D8ds_v5", true, 8],
        ["Standard_E16ads_v5", true, 16],
        ["Standard_DS3_v2", true, 4],
        ["Standard_DS11_v2", true, 2],
        ["Standard_D4s_v5", false, 4],
        ["Standard_D8as_v5", false, 8],
        ["Standard_NC24ads_A100_v4", true, 24],
        ["Standard_F8s_v2", false, 8],
    ])("%s: local disk %s, %i vCPUs", (size, disk, vcpus) => {
        expect(hasLocalDisk(size)).toBe(disk);
        expect(vcpusOfSize(size)).toBe(vcpus);
        expect(defaultOsDiskType(size)).toBe(disk ? "Ephemeral" : "Managed");
    });
    it("knows the burstable B-series", () => {
        expect(isBurstableSize("Standard_B4ms")).toBe(true);
        expect(isBurstableSize("Standard_D4ds_v5")).toBe(false);
    });
});

it("Kubernetes versions are major.minor or major.minor.patch", () => {
    expect(kubernetesVersionProblem("1.30")).toBeUndefined();
    expect(kubernetesVersionProblem("1.30.4")).toBeUndefined();
    for (const bad of ["v1.30", "1", "1.30.4.1", "latest", "1.30-preview"]) expect(kubernetesVersionProblem(bad)).toMatch(/is not a Kubernetes version/);
});

it("node counts: a user pool may scale to zero, a system pool keeps two nodes", () => {
    const pool = { vmSize: "Standard_D8ds_v5", minCount: 0, maxCount: 3, maxPods: 110 };
    expect(poolCountProblems("userPools.cpu", pool, "User")).toEqual([]);
    expect(poolCountProblems("systemPool", { ...pool, vmSize: "Standard_D4ds_v5" }, "System").map((p) => p.key)).toEqual(["systemPool.minCount"]);
    expect(poolCountProblems("systemPool", { ...pool, minCount: 2, maxPods: 20 }, "System").map((p) => `${p.key} ${p.problem}`)).toEqual([`systemPool.maxPods is 20; a system pool's maxPods is ${AKS_LIMITS.systemPoolMinPods}-250`]);
    expect(poolCountProblems("userPools.cpu", { ...pool, maxCount: 0 }, "User").map((p) => p.key)).toEqual(["userPools.cpu.maxCount"]);
});

it("address ranges: the defaults fit the toolkit's default VNet and the prod VNet; the AKS service default would not", () => {
    const defaults = { serviceCidr: AKS_DEFAULTS.serviceCidr, dnsServiceIp: AKS_DEFAULTS.dnsServiceIp, podCidr: AKS_DEFAULTS.podCidr };
    expect(addressingProblems({ ...defaults, vnetAddressSpace: ["10.0.0.0/16"] })).toEqual([]);
    expect(addressingProblems({ ...defaults, vnetAddressSpace: ["10.20.0.0/16"] })).toEqual([]);
    expect(addressingProblems({ ...defaults, serviceCidr: "10.0.0.0/16", dnsServiceIp: "10.0.0.10", vnetAddressSpace: ["10.0.0.0/16"] }).map((p) => p.key)).toEqual(["serviceCidr"]);
    expect(addressingProblems({ ...defaults, dnsServiceIp: "not-an-ip", vnetAddressSpace: [] }).map((p) => p.key)).toEqual(["dnsServiceIp"]);
});

describe("the component's args check", () => {
    it("the defaults pass", () => {
        expect(aksArgProblems({})).toEqual([]);
        expect(poolProfile({}, "System")).toEqual({ name: "system", vmSize: "Standard_D4ds_v5", count: 2, minCount: 2, maxCount: 3, enableAutoScaling: true, maxPods: 110, osDiskType: "Ephemeral" });
    });
    it("reports each problem with the key of the setting", () => {
        const problems = aksArgProblems({
            systemPool: { vmSize: "Standard_B4ms", osDiskType: "Ephemeral" },
            userPools: [
                { name: "cpu", vmSize: "Standard_D8s_v5", maxCount: 2, osDiskType: "Ephemeral" },
                { name: "cpu", vmSize: "Standard_D8ds_v5", maxCount: 2 },
            ],
            apiServer: { private: false },
            kubernetesVersion: "1.x",
        });
        expect(problems.map((p) => p.key)).toEqual([
            "systemPool.vmSize", "systemPool.vmSize", "userPools.cpu.osDiskType", "userPools.cpu", "systemPool.osDiskType", "kubernetesVersion", "apiServer.authorizedIpRanges",
        ]);
    });
});
