/**
 * `host: fpga` endpoints and FPGA pools in the config: the edge stack's FPGA fixture loads with no
 * problem; an unsupported region, an unknown or system-pool FPGA size, a cluster without an NP pool
 * (or with only a retired PB pool), a missing or foreign `fpgaResource` and the device plugin's
 * namespace are refused with their key paths, all in one run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { problemLines } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const E = `${P}.serving.endpoints.vision`;
const fixture = parse(readFileSync(join(__dirname, "../fixtures/fpga/Pulumi.edge-fpga.yaml"), "utf8")) as { config: Record<string, Record<string, unknown>> };
const edge = fixture.config["aml-workspace:platform"];
const RESOURCE = "amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-1604359526";
const images = { scorer: { reference: `crml.azurecr.io/scorer@sha256:${"a".repeat(64)}` } };
const models = { m: { versions: { "1": { path: "https://stexample.blob.core.windows.net/models/m/1" } } } };
const alerts = { actionGroup: { emails: ["ml-oncall@contoso.example"] } };
const azureml = { enableTraining: true, enableInference: false };
/** A created cluster with these user pools next to the CPU pool the AzureML extension's pods need. */
const pools = (userPools: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ aks: { azureml, create: { localAccounts: true, userPools: { cpu: { vmSize: "Standard_D4ds_v5", maxCount: 2 }, ...userPools }, ...more } } });
const config = (endpoints: Record<string, unknown>, clusters: Record<string, unknown> = pools({ fpga: { vmSize: "Standard_NP10s", maxCount: 2 } }), location = "eastus") =>
    baseConfig({ location, kubernetes: { clusters }, serving: { images, models, alerts, endpoints } });
const fpga = (over: Record<string, unknown> = {}) => ({ host: "fpga", cluster: "aks", image: "scorer", model: "m:1", fpgaResource: RESOURCE, ...over });

describe("host fpga endpoints and FPGA pools", () => {
    it("the edge stack's FPGA fixture (eastus, an NP10s pool, one endpoint) loads with no problem", () => {
        expect(edge.location).toBe("eastus");
        expect(problemLines(edge)).toEqual([]);
    });

    it("a clean endpoint loads; the Kubernetes host's checks apply to it too", () => {
        expect(problemLines(config({ vision: fpga() }))).toEqual([]);
        expect(problemLines(config({ vision: fpga({ replicas: 2, minAvailable: 2 }) }))[0]).toMatch(/^aml-workspace:platform\.serving\.endpoints\.vision\.minAvailable: is 2 with 2 replicas/);
        expect(problemLines(config({ vision: fpga({ cluster: undefined }) }))).toEqual([`${E}.cluster: is required for host fpga (set it to one of: aks)`]);
    });

    it("refuses an unsupported region with the pool's and the endpoint's key paths", () => {
        expect(problemLines(config({ vision: fpga() }, undefined, "northeurope"))).toEqual([
            `${P}.kubernetes.clusters.aks.create.userPools.fpga.vmSize: Standard_NP10s is an FPGA size, not offered in northeurope (deploy the stack in one of eastus, westus2, westeurope, southeastasia, or use another size)`,
            `${E}.host: is fpga but the stack's region northeurope offers no FPGA VM sizes (components/fpga.ts) (deploy the stack in one of eastus, westus2, westeurope, southeastasia, or use host kubernetes)`,
        ]);
    });

    it("refuses an FPGA size Azure does not offer, and an FPGA system pool", () => {
        const lines = problemLines(config({}, pools({ fpga: { vmSize: "Standard_NP80s", maxCount: 1 } }, { systemPool: { vmSize: "Standard_NP20s" } })));
        expect(lines).toEqual(
            expect.arrayContaining([
                `${P}.kubernetes.clusters.aks.create.systemPool.vmSize: "Standard_NP20s" is an FPGA size; the system pool runs the cluster's add-ons, not FPGA workloads (keep a general purpose system pool and put the FPGA size in a user pool)`,
                `${P}.kubernetes.clusters.aks.create.userPools.fpga.vmSize: "Standard_NP80s" is not an FPGA VM size Azure offers (the FPGA sizes are Standard_NP10s, Standard_NP20s, Standard_NP40s) (use Standard_NP10s, Standard_NP20s or Standard_NP40s (components/fpga.ts))`,
            ]),
        );
    });

    it("needs an NP pool on the endpoint's cluster: none, or only a retired PB pool, is refused", () => {
        expect(problemLines(config({ vision: fpga() }, pools({ cpu: { vmSize: "Standard_D8ds_v5", maxCount: 2 } })))).toEqual([
            `${E}.cluster: "aks" has no FPGA user pool (add one to kubernetes.clusters.aks.create.userPools, e.g. fpga: { vmSize: Standard_NP10s, maxCount: 2 } (it is tainted and labelled for FPGA pods))`,
        ]);
        expect(problemLines(config({ vision: fpga() }, pools({ legacy: { vmSize: "Standard_PB6s", maxCount: 1 } })))).toEqual([
            `${E}.cluster: "aks" has only retired or unknown FPGA pools (legacy: Standard_PB6s); the Xilinx device plugin serves the U250 cards of the NP-series (add a pool of Standard_NP10s, Standard_NP20s, Standard_NP40s)`,
        ]);
        // A legacy PB pool alone (no FPGA endpoint) is accepted: the component warns at deployment.
        expect(problemLines(config({}, pools({ legacy: { vmSize: "Standard_PB6s", maxCount: 1 } })))).toEqual([]);
    });

    it("needs fpgaResource for host fpga, of the pinned plugin's U250 form, and only there", () => {
        expect(problemLines(config({ vision: fpga({ fpgaResource: undefined }) }))).toEqual([
            `${E}.fpgaResource: is required for host fpga: the extended resource the FPGA device plugin registers, which each pod requests one of (set it to the name \`kubectl describe node\` shows on an FPGA node, e.g. amd.com/xilinx_u250_gen3x16_xdma_shell_2_1-<timestamp>)`,
        ]);
        expect(problemLines(config({ vision: fpga({ fpgaResource: "nvidia.com/gpu" }) }))[0]).toMatch(/fpgaResource: "nvidia\.com\/gpu" is not a U250 resource of the pinned device plugin/);
        // Schema: not an extended resource name at all.
        expect(problemLines(config({ vision: fpga({ fpgaResource: "fpga" }) }))[0]).toMatch(/^aml-workspace:platform\.serving\.endpoints\.vision\.fpgaResource: /);
        expect(problemLines(config({ vision: fpga({ host: "kubernetes" }) }))).toEqual([`${E}.fpgaResource: is a field of host fpga, not of host kubernetes (remove it)`]);
    });

    it("keeps the device plugin's namespace to the plugin, and reports every problem of a team too", () => {
        const teams = { cv: { serving: { images, models, alerts, endpoints: { vision: fpga({ namespace: "fpga-device-plugin", fpgaResource: undefined }) } } } };
        const lines = problemLines(baseConfig({ location: "eastus", kubernetes: { clusters: pools({ fpga: { vmSize: "Standard_NP40s", maxCount: 1 } }) }, teams }));
        expect(lines).toEqual(
            expect.arrayContaining([
                `${P}.teams.cv.serving.endpoints.vision.namespace: "fpga-device-plugin" is the FPGA device plugin's namespace (Pod Security level privileged) (set a namespace of the endpoint's own)`,
                expect.stringMatching(/^aml-workspace:platform\.teams\.cv\.serving\.endpoints\.vision\.fpgaResource: is required for host fpga/),
            ]),
        );
    });

    it("takes a device plugin image per cluster: a digest or a fixed release, never latest or untagged", () => {
        const digest = `cramledge.azurecr.io/xilinx/k8s-device-plugin@sha256:${"e".repeat(64)}`;
        expect(problemLines(config({ vision: fpga() }, pools({ fpga: { vmSize: "Standard_NP10s", maxCount: 2 } }, { fpgaDevicePluginImage: digest })))).toEqual([]);
        expect(problemLines(config({ vision: fpga() }, pools({ fpga: { vmSize: "Standard_NP10s", maxCount: 2 } }, { fpgaDevicePluginImage: "public.ecr.aws/xilinx_dcg/k8s-device-plugin:latest" })))).toEqual([
            `${P}.kubernetes.clusters.aks.create.fpgaDevicePluginImage: "public.ecr.aws/xilinx_dcg/k8s-device-plugin:latest" names no fixed release (no tag, or latest): the node agent would change under the cluster (give an exact release (<registry>/<repository>:<version>) or, better, a digest (<registry>/<repository>@sha256:<64 hex>))`,
        ]);
        expect(problemLines(config({}, pools({}, { fpgaDevicePluginImage: "Xilinx/Plugin" })))[0]).toMatch(/^aml-workspace:platform\.kubernetes\.clusters\.aks\.create\.fpgaDevicePluginImage: /);
    });
});
