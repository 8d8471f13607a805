/**
 * Graph capture: a mock monitor that records, for every resource the program
 * registers, exactly what the engine would receive (type, name, URN, parent,
 * inputs with secrets and unknowns, dependencies, provider, protect), then
 * lets Pulumi's own MockMonitor answer through the simulated Azure.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import type { CapturedResource } from "./graph";
import { decodeWire } from "./wire";
import { withProviderDigest } from "./provider-digest";

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
    getReplaceonchangesList(): string[];
    getAliasesList(): AliasProto[];
    getAliasurnsList(): string[];
}

/** Pulumi's Alias message: a URN, or a spec relative to the resource. */
interface AliasProto {
    getUrn(): string;
    getSpec(): { getName(): string; getType(): string; getStack(): string; getProject(): string; getParenturn(): string; getNoparent(): boolean } | undefined;
}

/** What the monitor answers a registration: URN, ID and the provider's state (outputs). */
interface RegisterResponse {
    getUrn(): string;
    getId?(): string;
    getObject?(): { toJavaScript(): Record<string, unknown> } | undefined;
}

type Callback = (err: unknown, response: RegisterResponse | undefined) => void;

/** The ID and outputs (the provider's state) the simulated deployment gave a custom resource. */
export interface ResourceState {
    /** Resource ID ("" for components). */
    id: string;
    /** Outputs, decoded (secrets and unknowns marked). */
    outputs: Record<string, unknown>;
}

/** A MockMonitor that also records the resource graph. */
export class CapturingMonitor extends MockMonitor {
    /** Captured resources, in registration order. */
    readonly captured: CapturedResource[] = [];
    /** Registration failures (e.g. simulated ARM rejections), in order. */
    readonly failures: string[] = [];
    /**
     * IDs and outputs by URN, kept apart from the captured graph: policies read a plan's
     * inputs only, as the engine gives them, while a stack export (checkpoint-export.ts) needs both.
     */
    readonly states = new Map<string, ResourceState>();

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
        return super.registerResource(req, (err: unknown, response: RegisterResponse | undefined) => {
            if (err || !response) {
                this.failures.push(err instanceof Error ? err.message : String(err));
            } else {
                const provider = req.getProvider();
                const parent = req.getParent();
                if (req.getCustom()) {
                    this.states.set(response.getUrn(), {
                        id: response.getId?.() ?? "",
                        outputs: (decodeWire(response.getObject?.()?.toJavaScript() ?? {}) as Record<string, unknown>) ?? {},
                    });
                }
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
                    ...(req.getReplaceonchangesList().length > 0 ? { replaceOnChanges: req.getReplaceonchangesList() } : {}),
                    ...withAliases(req, parent),
                    ...(provider ? { provider } : {}),
                });
            }
            callback(err, response);
        });
    }
}

/** The resource's aliases as URNs (the engine resolves specs the same way), when it has any. */
function withAliases(req: RegisterRequest, parent: string): { aliases?: string[] } {
    const urns = [...req.getAliasurnsList()];
    for (const alias of req.getAliasesList()) {
        const spec = alias.getSpec();
        if (alias.getUrn()) urns.push(alias.getUrn());
        else if (spec) {
            const aliasParent = spec.getNoparent() ? "" : spec.getParenturn() || parent;
            const type = spec.getType() || req.getType();
            const qualified = aliasParent ? `${aliasParent.split("::")[2]}$${type}` : type;
            urns.push(`urn:pulumi:${spec.getStack() || pulumi.getStack()}::${spec.getProject() || pulumi.getProject()}::${qualified}::${spec.getName() || req.getName()}`);
        }
    }
    return urns.length > 0 ? { aliases: urns } : {};
}


/** A URN as the Pulumi engine builds it: the parent's qualified type chain, then this type. */
export function engineUrn(parent: string, type: string, name: string): string {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
}
