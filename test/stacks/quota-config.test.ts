/** Per-team quotas (stacks/config-semantics-quota.ts) and the VM family table they rest on. */
import { canonicalVmFamily, VM_FAMILIES, vmFamilyKey, vmFamilyOf, AML_VM_SIZES } from "../../components/vm-sizes";
import { formatProblem } from "../../stacks/config-errors";
import { teamNodeCount, teamQuotaProblems } from "../../stacks/config-semantics-quota";

describe("VM quota families", () => {
    it("names each size's family as Azure's quota APIs do", () => {
        expect(vmFamilyOf("Standard_DS3_v2")).toBe("standardDSv2Family");
        expect(vmFamilyOf("standard_nc4as_t4_v3")).toBe("standardNCASv3_T4Family");
        expect(vmFamilyOf("Standard_D4ds_v5")).toBe("standardDDSv5Family");
        expect(vmFamilyOf("Standard_HB120rs_v2")).toBe("standardHBrsv2Family");
        expect(vmFamilyOf("Standard_DS3_v9")).toBeUndefined();
    });
    it("every size has a family, and every family name has Azure's shape", () => {
        expect(AML_VM_SIZES.filter((s) => vmFamilyOf(s) === undefined)).toEqual([]);
        expect(VM_FAMILIES.filter((f) => !/^standard[A-Za-z0-9_]+Family$/.test(f))).toEqual([]);
        expect(new Set(VM_FAMILIES.map(vmFamilyKey)).size).toBe(VM_FAMILIES.length);
    });
    it("accepts the Compute usages spelling of a family (case and spaces differ)", () => {
        expect(canonicalVmFamily("Standard NCASv3_T4 Family")).toBe("standardNCASv3_T4Family");
        expect(canonicalVmFamily("STANDARDDSV2FAMILY")).toBe("standardDSv2Family");
        expect(canonicalVmFamily("standardDSv9Family")).toBeUndefined();
    });
});

describe("teamQuotaProblems", () => {
    const compute = {
        clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 4 }, gpu: { vmSize: "Standard_NC4as_T4_v3", maxNodes: 2 } },
        instances: { alice: { vmSize: "Standard_DS3_v2" } },
    };
    const lines = (...args: Parameters<typeof teamQuotaProblems>) => teamQuotaProblems(...args).map(formatProblem);

    it("counts clusters' maxNodes and one node per instance", () => {
        expect(teamNodeCount(compute)).toBe(7);
        expect(teamNodeCount({})).toBe(0);
    });
    it("passes compute within the quota, and no quota at all", () => {
        expect(lines("risk", { maxNodes: 7, vmFamilies: ["standardDSv2Family", "Standard NCASv3_T4 Family"] }, compute, "teams.risk")).toEqual([]);
        expect(lines("risk", undefined, compute, "teams.risk")).toEqual([]);
        expect(lines("risk", {}, compute, "teams.risk")).toEqual([]);
    });
    it("reports a total above maxNodes at the quota key", () => {
        expect(lines("risk", { maxNodes: 6 }, compute, "teams.risk")).toEqual([
            "aml-workspace:platform.teams.risk.quota.maxNodes: team risk may use at most 6 nodes, but its compute totals 7 (clusters' maxNodes plus one per instance) " +
                "(lower the clusters' maxNodes under aml-workspace:platform.teams.risk.compute, remove an instance, or raise quota.maxNodes)",
        ]);
    });
    it("reports each size outside the allowed families, naming size, family and the list", () => {
        expect(lines("risk", { vmFamilies: ["standardDSv2Family"] }, compute, "teams.risk")).toEqual([
            "aml-workspace:platform.teams.risk.compute.clusters.gpu.vmSize: Standard_NC4as_T4_v3 is in standardNCASv3_T4Family, which team risk's quota does not allow (allowed: standardDSv2Family) " +
                "(pick a size of standardDSv2Family, or add standardNCASv3_T4Family to aml-workspace:platform.teams.risk.quota.vmFamilies)",
        ]);
        expect(lines("risk", { vmFamilies: [] }, { instances: { a: { vmSize: "Standard_D4ds_v5" } } }, "teams.risk", "teams.risk.workspace.compute")).toEqual([
            expect.stringMatching(/^aml-workspace:platform\.teams\.risk\.workspace\.compute\.instances\.a\.vmSize: Standard_D4ds_v5 is in standardDDSv5Family.*allowed: none/),
        ]);
    });
    it("reports an unknown family with its close match, and then judges no sizes", () => {
        expect(lines("risk", { vmFamilies: ["standardDSv2Family", "standardNCASv3T4Family"] }, compute, "teams.risk")).toEqual([
            'aml-workspace:platform.teams.risk.quota.vmFamilies[1]: "standardNCASv3T4Family" is not a VM quota family Azure ML compute can use (did you mean standardNCASv3_T4Family?)',
        ]);
    });
    it("refuses a family list longer than the workspace tag can carry", () => {
        const many = VM_FAMILIES.slice(0, 14);
        expect(lines("risk", { vmFamilies: [...many] }, {}, "teams.risk")).toEqual([
            expect.stringMatching(/^aml-workspace:platform\.teams\.risk\.quota\.vmFamilies: the quota-vm-families tag would hold \d+ characters; Azure allows 256/),
        ]);
    });
    it("leaves sizes that do not exist to the VM size check", () => {
        expect(lines("risk", { vmFamilies: ["standardDSv2Family"] }, { clusters: { x: { vmSize: "Standard_Q9", maxNodes: 1 } } }, "teams.risk")).toEqual([]);
    });
});
