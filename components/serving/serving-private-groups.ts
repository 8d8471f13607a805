/**
 * The Private Link groups serving's own resources need zones for, so the network component
 * (PrivateAccess) creates those zones with the others: an IoT hub (host `iotEdge`) is created by
 * serving, after the platform's private endpoints, and connects to the zones created there.
 */
import type { PrivateLinkGroupId } from "../network/private-link-zones";
import { EndpointHost } from "./serving-enums";
import type { ResolvedServing } from "./platform-serving-args";

/** Group IDs of the private endpoints serving will create for these serving blocks (each at most once). */
export function servingPrivateGroupIds(blocks: readonly ResolvedServing[]): PrivateLinkGroupId[] {
    const iotEdge = blocks.some((s) => Object.values(s.endpoints).some((e) => e.host === EndpointHost.IotEdge));
    return iotEdge ? ["iotHub"] : [];
}
