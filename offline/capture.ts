/**
 * Graph capture: a mock monitor that records, for every resource the program
 * registers, exactly what the engine would receive (type, name, URN, parent,
 * inputs with secrets and unknowns, dependencies, provider, protect), then
 * lets Pulumi's own MockMonitor answer through the simulated Azure.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import type { CapturedResource } from "./graph";
import { decodeWire } from "./wire";

/** Minimal view of Pulumi's RegisterResourceRequest (generated protobuf class). */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getProvider(): string;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDeletedwith(): string;
    getIgnorechangesList(): string[];
}

type Callback = (err: unknown, response: { getUrn(): string } | undefined) => void;

/** A MockMonitor that also records the resource graph. */
export class CapturingMonitor extends MockMonitor {
    /** Captured resources, in registration order. */
    readonly captured: CapturedResource[] = [];
    /** Registration failures (e.g. simulated ARM rejections), in order. */
    readonly failures: string[] = [];

    constructor(mocks: pulumi.runtime.Mocks) {
        super(mocks);
        // MockMonitor keeps only the parent's last type in a child's URN; the engine keeps the
        // whole chain (`A$B$C`). Policies, reports and audits compare URNs, so use the engine's.
        (this as unknown as { newUrn: typeof engineUrn }).newUrn = engineUrn;
    }

    override async registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps, key) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        const raw = req.getObject()?.toJavaScript() ?? {};
        return super.registerResource(req, (err: unknown, response: { getUrn(): string } | undefined) => {
            if (err || !response) {
                this.failures.push(err instanceof Error ? err.message : String(err));
            } else {
                const provider = req.getProvider();
                const parent = req.getParent();
                this.captured.push({
                    type: req.getType(),
                    name: req.getName(),
                    urn: response.getUrn(),
                    custom: req.getCustom(),
                    ...(parent ? { parent } : {}),
                    inputs: withProviderDigest(decodeWire(raw) as Record<string, unknown>),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    protect: req.getProtect() ?? false,
                    retainOnDelete: req.getRetainondelete() ?? false,
                    ...(req.getDeletedwith() ? { deletedWith: req.getDeletedwith() } : {}),
                    ...(req.getIgnorechangesList().length > 0 ? { ignoreChanges: req.getIgnorechangesList() } : {}),
                    ...(provider ? { provider } : {}),
                });
            }
            callback(err, response);
        });
    }
}

/**
 * A dynamic resource's `__provider` input is its provider's serialized code (tens of KB): the plan
 * keeps its size and sha256 instead, which still changes exactly when the code does.
 */
function withProviderDigest(inputs: Record<string, unknown>): Record<string, unknown> {
    const code = inputs.__provider;
    if (typeof code !== "string") return inputs;
    return { ...inputs, __provider: `serialized dynamic provider (${code.length} chars, sha256:${createHash("sha256").update(code).digest("hex").slice(0, 16)})` };
}

/** A URN as the Pulumi engine builds it: the parent's qualified type chain, then this type. */
export function engineUrn(parent: string, type: string, name: string): string {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
}
