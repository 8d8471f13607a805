/**
 * The edge stack's FPGA fixture through the whole program (config -> MlPlatform under the offline
 * engine), once: the NP pool tainted and labelled, one device plugin DaemonSet on the FPGA pool, the
 * FPGA Deployment requesting the FPGA resource, its scoring URI among the outputs, and what the policy
 * pack reports of them with the device plugin named in the policy config.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { evaluatePolicies } from "../../offline/policy-harness";
import type { StackRun } from "../../offline/run-stack";
import { allOfType, at, oneOfType, runPlatform } from "../helpers/stack";

const fixture = parse(readFileSync(join(__dirname, "../fixtures/fpga/Pulumi.edge-fpga.yaml"), "utf8")) as { config: Record<string, Record<string, unknown>> };
const RESOURCE = "amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-1604359526";
/** The edge stack's policy config: the device plugin named in both policies with a device-plugin exemption. */
const PLUGIN_ENTRY = { devicePluginWorkloads: ["fpga-device-plugin/xilinx-fpga-device-plugin"] };
const NAMED_PLUGIN = { "k8s-non-root-read-only-fs": PLUGIN_ENTRY, "k8s-no-host-access": PLUGIN_ENTRY };

let run: StackRun;
beforeAll(async () => {
    run = await runPlatform(fixture.config["aml-workspace:platform"], { stack: "edge" });
}, 120_000);

describe("the edge stack's FPGA half, planned", () => {
    it("an NP10s pool in eastus, tainted and labelled", () => {
        const fpga = allOfType(run.graph, "azure-native:containerservice:AgentPool").find((p) => p.inputs.vmSize === "Standard_NP10s");
        expect(fpga?.inputs).toMatchObject({ nodeTaints: ["sku=fpga:NoSchedule"], nodeLabels: { "aml-workspace/accelerator": "fpga" } });
        expect(oneOfType(run.graph, "azure-native:containerservice:ManagedCluster").inputs.location).toBe("eastus");
    });

    it("the device plugin DaemonSet and the FPGA Deployment requesting the FPGA resource", () => {
        const ds = oneOfType(run.graph, "kubernetes:apps/v1:DaemonSet");
        expect(at(ds.inputs, "spec.template.spec.nodeSelector")).toEqual({ "aml-workspace/accelerator": "fpga" });
        // The fixture keeps the default: the toolkit's pinned release (kubernetes.clusters.fpga.create.fpgaDevicePluginImage).
        expect(at(ds.inputs, "spec.template.spec.containers.0.image")).toBe("public.ecr.aws/xilinx_dcg/k8s-device-plugin:1.3.0");
        const d = oneOfType(run.graph, "kubernetes:apps/v1:Deployment");
        expect(at(d.inputs, `spec.template.spec.containers.0.resources.limits`)).toMatchObject({ [RESOURCE]: "1" });
        expect(at(d.inputs, "spec.template.spec.tolerations")).toEqual([{ key: "sku", operator: "Equal", value: "fpga", effect: "NoSchedule" }]);
        expect((run.outputs.scoringUris as Record<string, string>)["vision-fpga"]).toMatch(/^http:\/\/10\.\d+\.\d+\.\d+:8080\/score$/);
    });

    it("the policy pack, with the device plugin named: of the Kubernetes and AKS FPGA policies only the plugin's unmirrored image is reported", () => {
        const report = evaluatePolicies(run.graph, NAMED_PLUGIN);
        expect(report.errors).toEqual([]);
        const fpgaRelated = report.violations.filter((v) => v.policyName.startsWith("k8s-") || v.policyName === "aks-fpga-supported-region");
        expect(fpgaRelated.map((v) => `${v.policyName} ${v.resourceName}`)).toEqual([
            "k8s-image-provenance aks-fpga-fpga-device-plugin-daemonset",
            "k8s-image-provenance aks-fpga-fpga-device-plugin-daemonset",
        ]);
    });
});
