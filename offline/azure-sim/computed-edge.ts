/**
 * What the IoT hub's data plane computes for the IoT Edge host's dynamic resources
 * (`pulumi-nodejs:dynamic:Resource`, components/edge/iothub-dynamic.ts), deterministically and with
 * no network: the deployment's configuration ID (the provider's own `configurationIdFor` of the
 * manifest, so a changed manifest gives a new ID exactly as on a real hub), ETags, a device's
 * generation ID and, for a `sas` device, the keys the hub would generate (secret outputs of the
 * provider). 
 */
import { createHash } from "node:crypto";
import { deterministicGuid } from "../../components/hashing";
import { configurationIdFor } from "../../components/edge/iothub-resources";
import { SECRET_SIG, SIG_KEY } from "../wire";

/** Type tokens of the edge dynamic resources (`pulumi-nodejs:dynamic/<module>:<type>`, Node.js SDK). */
export const EDGE_DYNAMIC_TYPES = {
    device: "pulumi-nodejs:dynamic/edge:IotEdgeDevice",
    deployment: "pulumi-nodejs:dynamic/edge:IotEdgeDeployment",
} as const;

/** A wire value with its secret wrappers removed (the hub sees the plaintext). */
function plain(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(plain);
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === SECRET_SIG) return plain(o.value);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
}

/** A simulated symmetric key: 32 bytes, base64, as the hub generates them. */
function simulatedKey(...parts: string[]): string {
    return createHash("sha256").update(["simulated-iothub", ...parts].join("\n")).digest("base64");
}

/** The computed outputs of an edge deployment from its inputs. */
export function edgeDeploymentOutputs(inputs: Record<string, unknown>): Record<string, unknown> {
    const i = plain(inputs) as Record<string, unknown>;
    const hub = typeof i.hubHostName === "string" ? i.hubHostName : undefined;
    if (hub !== undefined && typeof i.idPrefix === "string" && typeof i.modulesContent === "object" && i.modulesContent !== null) {
        const configurationId = configurationIdFor(i.idPrefix, i.modulesContent);
        return { configurationId, etag: `"${deterministicGuid("simulated-iothub", "configuration-etag", hub, configurationId)}"` };
    }
    return {};
}

/** The computed outputs of an edge device from its inputs. */
export function edgeDeviceOutputs(inputs: Record<string, unknown>): Record<string, unknown> {
    const i = plain(inputs) as Record<string, unknown>;
    const hub = typeof i.hubHostName === "string" ? i.hubHostName : undefined;
    if (hub !== undefined && typeof i.deviceId === "string") {
        const sas = i.authentication === "sas";
        return {
            etag: `"${deterministicGuid("simulated-iothub", "device-etag", hub, i.deviceId)}"`,
            generationId: String(BigInt(`0x${createHash("sha256").update(`${hub}/${i.deviceId}`).digest("hex").slice(0, 15)}`)),
            primaryKey: sas ? simulatedKey(hub, i.deviceId, "primary") : undefined,
            secondaryKey: sas ? simulatedKey(hub, i.deviceId, "secondary") : undefined,
        };
    }
    return {};
}
