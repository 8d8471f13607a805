/**
 * The objects @pulumi/policy's analyzer server hands a policy, built from a
 * captured stack (node_modules/@pulumi/policy/server.js: makeAnalyzeRpcFun,
 * makeAnalyzeStackRpcFun, getResourceOptions, getProviderResource): the
 * arguments of a resource validation, the resources of a stack validation and
 * their providers. Props are the server's: a fresh deserialized copy per
 * validation (per policy for stack validations) behind the real
 * unknown-checking proxy, made on first read.
 *
 * Built for a pack of a hundred policies over stacks of thousands of
 * resources: {@link StackFacts} derives what does not change between
 * policies once per run (lookups by URN and type, providers, resource
 * options, the stack policies' resource graph), and a validation only pays
 * for the copy of the props it reads. The stack policies' resource
 * objects are built once per run and shared, frozen, between stack policies
 * (the server rebuilds them per policy): a policy cannot change what the next
 * one sees, and their props are still a fresh copy per policy.
 */
import type { PolicyProviderResource, PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import { unknownCheckingProxy } from "../policies/lib/pulumi-internals";
import type { CapturedResource, CapturedStack } from "./graph";
import { toAnalyzerProps } from "./policy-values";

/** The server's isTypeOf: `__pulumiType` on the class, else its isInstance. */
export function isTypeOf(type: string, resourceClass: unknown): boolean {
    const cls = resourceClass as { __pulumiType?: unknown; isInstance?: (o: unknown) => boolean };
    if (typeof cls?.__pulumiType === "string" && cls.__pulumiType.length > 0) {
        return type === cls.__pulumiType;
    }
    return typeof cls?.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

/** `isType` of a resource of one type (it reads nothing else, so one function per type serves every resource). */
const isTypeFunctions = new Map<string, (cls: unknown) => boolean>();

function isTypeFunction(type: string): (cls: unknown) => boolean {
    let fn = isTypeFunctions.get(type);
    if (!fn) {
        fn = (cls: unknown) => isTypeOf(type, cls);
        isTypeFunctions.set(type, fn);
    }
    return fn;
}

/** Builds the options (server.js getResourceOptions); frozen, so one object serves every validation. */
function buildOptions(r: CapturedResource): PolicyResourceOptions {
    const opts: PolicyResourceOptions = {
        protect: r.protect,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
    };
    if (r.parent) {
        opts.parent = r.parent;
    }
    return Object.freeze(opts);
}

/** Splits a provider reference `<urn>::<id>` into its URN. */
function providerUrn(ref: string | undefined): string | undefined {
    if (!ref) {
        return undefined;
    }
    const i = ref.lastIndexOf("::");
    return i > 0 ? ref.slice(0, i) : ref;
}

/** Which copy of props stack views hand out: one per stack policy (see {@link StackFacts.nextPolicy}). */
interface PropsGeneration {
    /** Changes before each stack policy runs. */
    current: number;
}

/**
 * The analyzer's provider resource (server.js getProviderResource): the
 * provider's inputs as props. With a generation, props are fresh per stack
 * policy; without, per object (one object per resource validation).
 */
class ProviderView implements PolicyProviderResource {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly #values: Record<string, unknown>;
    readonly #generation: PropsGeneration | undefined;
    #props: Record<string, unknown> | undefined;
    #propsGeneration = -1;

    constructor(provider: CapturedResource, generation?: PropsGeneration) {
        this.type = provider.type;
        this.urn = provider.urn;
        this.name = provider.name;
        this.#values = provider.inputs;
        this.#generation = generation;
    }

    /** The provider's inputs, deserialized on first read. */
    get props(): Record<string, unknown> {
        const generation = this.#generation?.current ?? 0;
        if (this.#props === undefined || this.#propsGeneration !== generation) {
            this.#props = unknownCheckingProxy(toAnalyzerProps(this.#values));
            this.#propsGeneration = generation;
        }
        return this.#props;
    }
}

/**
 * The arguments of one resource validation (server.js makeAnalyzeRpcFun):
 * the resource's inputs as props, deserialized on first read (the server
 * deserializes before the call; reading later only saves work for a policy
 * that bails out on type), the same object on every read.
 */
export class ResourceArgs {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly opts: PolicyResourceOptions;
    readonly isType: (cls: unknown) => boolean;
    readonly asType: (cls: unknown) => Record<string, unknown> | undefined;
    provider?: PolicyProviderResource;
    readonly #values: Record<string, unknown>;
    #props: Record<string, unknown> | undefined;

    constructor(r: CapturedResource, facts: StackFacts) {
        this.type = r.type;
        this.urn = r.urn;
        this.name = r.name;
        this.opts = facts.optionsOf(r);
        this.isType = isTypeFunction(r.type);
        this.asType = (cls) => (this.isType(cls) ? this.props : undefined);
        this.#values = r.inputs;
        const provider = facts.providerOf(r);
        if (provider) {
            this.provider = new ProviderView(provider);
        }
    }

    /** The resource's inputs, deserialized on first read. */
    get props(): Record<string, unknown> {
        return (this.#props ??= unknownCheckingProxy(toAnalyzerProps(this.#values)));
    }
}

/**
 * One resource of a stack validation (server.js makeAnalyzeStackRpcFun):
 * outputs over inputs as props (the harness's documented difference: the
 * engine passes outputs only), parent, dependencies and property dependencies
 * as the other resource objects. Frozen once linked; props are fresh per stack
 * policy.
 */
class StackResourceView {
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    readonly opts: PolicyResourceOptions;
    readonly isType: (cls: unknown) => boolean;
    readonly asType: (cls: unknown) => Record<string, unknown> | undefined;
    dependencies: PolicyResource[] = [];
    propertyDependencies: Record<string, PolicyResource[]> = {};
    parent?: PolicyResource;
    provider?: PolicyProviderResource;
    readonly #values: Record<string, unknown>;
    readonly #generation: PropsGeneration;
    #props: Record<string, unknown> | undefined;
    #propsGeneration = -1;

    constructor(r: CapturedResource, facts: StackFacts, generation: PropsGeneration) {
        this.type = r.type;
        this.urn = r.urn;
        this.name = r.name;
        this.opts = facts.optionsOf(r);
        this.isType = isTypeFunction(r.type);
        this.asType = (cls) => (this.isType(cls) ? this.props : undefined);
        this.#values = r.outputs ? { ...r.inputs, ...r.outputs } : r.inputs;
        this.#generation = generation;
        const provider = facts.providerOf(r);
        if (provider) {
            this.provider = Object.freeze(new ProviderView(provider, generation));
        }
    }

    /** Outputs over inputs, deserialized on first read in each stack policy. */
    get props(): Record<string, unknown> {
        if (this.#props === undefined || this.#propsGeneration !== this.#generation.current) {
            this.#props = unknownCheckingProxy(toAnalyzerProps(this.#values));
            this.#propsGeneration = this.#generation.current;
        }
        return this.#props;
    }
}

/** Appends `item` to the list at `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, item: V): void {
    const list = map.get(key);
    if (list) {
        list.push(item);
    } else {
        map.set(key, [item]);
    }
}

/**
 * What one evaluation run derives from the captured stack once and shares
 * between policies. Everything here is derived from the stack as it is when
 * the run starts.
 */
export class StackFacts {
    /** Resources by URN. */
    readonly byUrn: Map<string, CapturedResource>;
    /** Resources by type token, in stack order. */
    readonly byType = new Map<string, CapturedResource[]>();
    /** URN of the stack resource (for stack-wide findings). */
    readonly rootUrn: string;
    readonly #options = new Map<CapturedResource, PolicyResourceOptions>();
    readonly #providers = new Map<CapturedResource, CapturedResource | undefined>();
    readonly #generation: PropsGeneration = { current: 0 };
    #views: readonly PolicyResource[] | undefined;

    constructor(readonly stack: CapturedStack) {
        this.byUrn = new Map(stack.resources.map((r) => [r.urn, r]));
        for (const r of stack.resources) {
            push(this.byType, r.type, r);
        }
        this.rootUrn =
            this.byType.get("pulumi:pulumi:Stack")?.[0]?.urn ??
            `urn:pulumi:${stack.stack}::${stack.project}::pulumi:pulumi:Stack::${stack.project}-${stack.stack}`;
    }

    /** The analyzer's resource options of `r`. */
    optionsOf(r: CapturedResource): PolicyResourceOptions {
        let opts = this.#options.get(r);
        if (!opts) {
            opts = buildOptions(r);
            this.#options.set(r, opts);
        }
        return opts;
    }

    /** `r`'s provider resource, when the stack has it. */
    providerOf(r: CapturedResource): CapturedResource | undefined {
        if (this.#providers.has(r)) {
            return this.#providers.get(r);
        }
        const provider = this.byUrn.get(providerUrn(r.provider) ?? "");
        this.#providers.set(r, provider);
        return provider;
    }

    /**
     * The resources a stack validation gets: a new array each time (a policy
     * may sort or filter it in place) of the run's shared resource objects,
     * whose props are a fresh copy from here on.
     */
    stackResources(): PolicyResource[] {
        this.#generation.current++;
        this.#views ??= this.#buildViews();
        return this.#views.slice();
    }

    /** Builds and links the stack validation resources (server: parent, dependencies, property dependencies by URN). */
    #buildViews(): readonly PolicyResource[] {
        const built = this.stack.resources.map((r) => new StackResourceView(r, this, this.#generation));
        const index = new Map<string, StackResourceView>(built.map((b) => [b.urn, b]));
        const resolve = (urns: readonly string[]): PolicyResource[] =>
            Object.freeze(urns.map((d) => index.get(d)).filter((d): d is StackResourceView => d !== undefined)) as unknown as PolicyResource[];
        this.stack.resources.forEach((r, i) => {
            const b = built[i];
            const parent = r.parent ? index.get(r.parent) : undefined;
            if (parent) {
                b.parent = parent as PolicyResource;
            }
            b.dependencies = resolve(r.dependencies);
            for (const [k, urns] of Object.entries(r.propertyDependencies)) {
                b.propertyDependencies[k] = resolve(urns);
            }
            Object.freeze(b.propertyDependencies);
        });
        return Object.freeze(built.map((b) => Object.freeze(b) as PolicyResource));
    }
}
