import * as inspector from "node:inspector";
import { writeFileSync } from "node:fs";
(async () => {
    const s = new inspector.Session();
    s.connect();
    const post = (m: string, p?: object): Promise<any> => new Promise((res, rej) => s.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
    await post("HeapProfiler.enable");
    const { runStack } = await import("../offline/run-stack");
    const { MlPlatform } = await import("../components/platform");
    const pulumi = await import("@pulumi/pulumi");
    await post("HeapProfiler.startSampling", { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const teams = Number(process.argv[2]);
    const key = (i: number): string => `team${String(i).padStart(2, "0")}`;
    await runStack({
        stack: "scale", config: {},
        program: () => {
            new MlPlatform("platform", {
                location: "westeurope", namePrefix: "aml-scale", tags: { owner: "ml-platform", costCenter: "CC-1" },
                deployment: { project: "aml-workspace", stack: "scale" },
                teams: Object.fromEntries(Array.from({ length: teams }, (_, i) => [key(i), {
                    access: [{ principalId: `00000000-0000-0000-0000-0000000${String(1000 + i).padStart(5, "0")}`, principalType: "Group", role: "AzureML Data Scientist" }],
                    compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 2 } } },
                }])),
            } as never);
            return { x: pulumi.output(1) };
        },
    });
    const r = await post("HeapProfiler.getSamplingProfile");
    writeFileSync("/tmp/sampling.json", JSON.stringify(r.profile));
})();
