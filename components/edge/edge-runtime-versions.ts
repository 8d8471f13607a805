/**
 * The IoT Edge runtime releases the deployment manifest may pin its system modules to (data, with
 * its source and date), and the pinned image references of `$edgeAgent` and `$edgeHub`.
 *
 * Why an exact version tag (`1.6.1`), never the rolling minor tag (`1.6`): "Prepare to deploy your
 * IoT Edge solution in production", section "Use tags to manage versions"
 * (https://learn.microsoft.com/azure/iot-edge/production-checklist, read 2026-12-04): "Tags are
 * mutable and can be changed to point to another container at any time"; an update is enforced by
 * pushing "a new deployment to your devices with the tag incremented". "Update IoT Edge"
 * (https://learn.microsoft.com/azure/iot-edge/how-to-update-iot-edge, section "Understand IoT Edge
 * tags") describes the rolling tags (`1.5`) that follow every patch and the specific tags (`1.5.44`)
 * that do not. With the rolling tag the same manifest runs different runtime code on two devices,
 * or after a restart, and a patch lands unreviewed; the pin makes every runtime update a reviewed
 * change of this table.
 * Not a digest: the MCR images are multi-architecture indexes (amd64, arm64, arm32v7) and Microsoft
 * publishes their versions, not their digests; the exact tag is what the docs and release notes name.
 *
 * Source: the release index of the Azure IoT Edge project,
 * https://github.com/Azure/azure-iotedge/blob/main/product-versions.json (commit 7962e49,
 * 2026-08-17, "Prepare for release 1.5.44"), channel `lts`: "Azure IoT Edge 1.6 LTS" 1.6.1 with
 * azureiotedge-agent and azureiotedge-hub 1.6.1; "Azure IoT Edge 1.5 LTS" 1.5.44 with
 * azureiotedge-agent and azureiotedge-hub 1.5.44. End of support: the release notes
 * (https://github.com/Azure/azure-iotedge/releases/tag/1.5.0: "serviced ... through November 10,
 * 2026"; https://github.com/Azure/azure-iotedge/releases/tag/1.6.0: "through November 14, 2028")
 * and "Azure IoT Edge versions and release notes"
 * (https://learn.microsoft.com/azure/iot-edge/version-history, read 2026-12-04: 1.5 LTS aligned to
 * .NET 8, supported until November 10, 2026; 1.6 LTS aligned to .NET 10, until November 14, 2028).
 * Table date: 2026-12-04. On that date 1.5 is past its end of support, so the default is 1.6.
 */

/** Where the system module images come from (Microsoft Container Registry). */
export const IOT_EDGE_IMAGE_REGISTRY = "mcr.microsoft.com";

/** One LTS release line of the IoT Edge runtime. */
export interface IotEdgeRuntimeRelease {
    /** Exact tag of `mcr.microsoft.com/azureiotedge-agent`. */
    readonly agentVersion: string;
    /** Exact tag of `mcr.microsoft.com/azureiotedge-hub`. */
    readonly hubVersion: string;
    /** Last day Microsoft services the line (ISO date). */
    readonly endOfSupport: string;
}

/** The release lines, by minor version (see the module comment for sources; table date 2026-12-04). */
export const IOT_EDGE_RUNTIME_RELEASES = {
    "1.6": { agentVersion: "1.6.1", hubVersion: "1.6.1", endOfSupport: "2028-11-14" },
    "1.5": { agentVersion: "1.5.44", hubVersion: "1.5.44", endOfSupport: "2026-11-10" },
} as const satisfies Readonly<Record<string, IotEdgeRuntimeRelease>>;

/** The release lines as an enum (component-analyzer friendly). */
export const IotEdgeRuntimeLine = {
    /** IoT Edge 1.6 LTS (supported until 2028-11-14). */
    v1_6: "1.6",
    /** IoT Edge 1.5 LTS (support ended 2026-11-10; only to keep an old device running while it is upgraded). */
    v1_5: "1.5",
} as const;
/** A {@link IotEdgeRuntimeLine} value. */
export type IotEdgeRuntimeLine = (typeof IotEdgeRuntimeLine)[keyof typeof IotEdgeRuntimeLine];

/** The line new manifests use: the newest LTS still supported on the table date. */
export const DEFAULT_IOT_EDGE_RUNTIME_LINE: IotEdgeRuntimeLine = IotEdgeRuntimeLine.v1_6;

/** The pinned system module images of a release line. */
export function systemModuleImages(line: IotEdgeRuntimeLine): { readonly edgeAgent: string; readonly edgeHub: string } {
    const release: IotEdgeRuntimeRelease | undefined = (IOT_EDGE_RUNTIME_RELEASES as Readonly<Record<string, IotEdgeRuntimeRelease>>)[line];
    if (release === undefined) {
        throw new Error(`IoT Edge runtime line "${line}" is not in the release table; use one of ${Object.keys(IOT_EDGE_RUNTIME_RELEASES).join(", ")}`);
    }
    return {
        edgeAgent: `${IOT_EDGE_IMAGE_REGISTRY}/azureiotedge-agent:${release.agentVersion}`,
        edgeHub: `${IOT_EDGE_IMAGE_REGISTRY}/azureiotedge-hub:${release.hubVersion}`,
    };
}

/**
 * Why `line` should not be deployed on `today` (ISO date `YYYY-MM-DD`), or undefined: unknown, or
 * past its end of support. For the config checks (which pass the run's date); the builder itself
 * stays pure and date-free.
 */
export function runtimeLineProblem(line: string, today: string): string | undefined {
    const release: IotEdgeRuntimeRelease | undefined = (IOT_EDGE_RUNTIME_RELEASES as Readonly<Record<string, IotEdgeRuntimeRelease>>)[line];
    if (release === undefined) return `IoT Edge runtime "${line}" is not a known LTS line (${Object.keys(IOT_EDGE_RUNTIME_RELEASES).join(", ")})`;
    if (today > release.endOfSupport) return `IoT Edge ${line} LTS reached its end of support on ${release.endOfSupport}; use ${DEFAULT_IOT_EDGE_RUNTIME_LINE}`;
    return undefined;
}
