/**
 * Type aliases resolved by the engine, not by the SDK's Resource constructor.
 *
 * azure-native gives every resource one `{ type }` alias per API version it has had (~45), and
 * @pulumi/kubernetes a few. Pulumi's Resource constructor turns each alias into a URN through
 * several Outputs (`collapseAliasToUrn`) and keeps them on the resource (`__aliases`) for the
 * whole run, even when the monitor takes alias specs and the SDK never reads them again
 * (`allAliases`, their only reader, runs only without alias specs; SDK 3.248 resource.js). For a
 * platform of 50 teams that was 1.8 GB of peak memory and two thirds of the time (measured: 1.8 GB
 * and 10.2 s with them, 0.63 GB and 3.7 s without, 2,181 resources).
 *
 * The offline engine owns the runtime, so it does what the Pulumi engine does with alias specs:
 * a transformation on the run's root takes the plain `{ type }` aliases off each resource before
 * the constructor sees them, and once the run has settled they are resolved to URNs exactly as
 * capture.ts resolves the specs the SDK sends (same parent, stack and project), and put back in
 * their original place among the resource's aliases. Aliases of any other shape (a URN, a name,
 * a parent, an Output) are left to the SDK as before. Nothing the program registers changes but
 * when its alias list is read; the captured graph is the same (test/offline/deferred-aliases.test.ts).
 *
 * The root is the SDK's stack resource slot (`runtime/state` `setStackResource`), which only
 * `runInPulumiStack` fills in a real run and which is empty under mocks: a stand-in there carries the
 * transformation (the constructor inherits its parent's transformations, and a resource without a
 * parent takes the stack resource as parent), resolves to no URN (so roots still register without a
 * parent, as before) and provides nothing. As in a real run, a program may then register stack
 * transformations (`registerStackTransformation`); they run before the deferral, which stays last.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CapturedResource } from "./graph";

/** A plain type alias, the shape provider SDKs generate: nothing but a type token. */
function isTypeAlias(alias: unknown): alias is { type: string } {
    if (typeof alias !== "object" || alias === null || pulumi.Output.isInstance(alias)) return false;
    const keys = Object.keys(alias);
    return keys.length === 1 && keys[0] === "type" && typeof (alias as { type: unknown }).type === "string";
}

/** An alias that does not name a parent, made to name none (`parent: undefined`); URNs and aliases naming a parent as they are. */
function withoutParent(alias: pulumi.Input<string | pulumi.Alias>): pulumi.Input<string | pulumi.Alias> {
    const fix = (a: string | pulumi.Alias): string | pulumi.Alias => (typeof a === "string" || Object.prototype.hasOwnProperty.call(a, "parent") ? a : { ...a, parent: undefined });
    if (typeof alias === "string") return alias;
    if (pulumi.Output.isInstance(alias) || alias instanceof Promise) return pulumi.output(alias).apply(fix);
    return fix(alias as pulumi.Alias);
}

/** One resource's alias list: a deferred type alias, or one the SDK sent (its URN comes from the capture, in order). */
type AliasSlot = { type: string } | "sent";

interface Deferred {
    resource: pulumi.Resource;
    name: string;
    slots: AliasSlot[];
}

/** The SDK's state module: the stack resource slot. */
interface RuntimeState {
    getStackResource(): unknown;
    setStackResource(resource: unknown): void;
}

/** Defers plain type aliases of every resource of one run; see the module comment. */
export class DeferredTypeAliases {
    private readonly deferred: Deferred[] = [];

    /** The transformation: takes plain type aliases off a resource's options and remembers them. */
    readonly transformation: pulumi.ResourceTransformation = (args) => {
        const aliases = args.opts.aliases;
        if (!aliases || aliases.length === 0) return undefined;
        const slots: AliasSlot[] = aliases.map((a) => (isTypeAlias(a) ? { type: a.type } : "sent"));
        if (slots.some((s) => s !== "sent")) this.deferred.push({ resource: args.resource, name: args.name, slots });
        let kept = aliases.filter((a) => !isTypeAlias(a));
        // A resource without a parent now has the stand-in root as its constructor's parent, and the
        // constructor resolves an alias without a parent of its own against it: say "no parent"
        // outright, which is what it meant (the alias spec sent is then `noParent`, resolved the same).
        if (!args.opts.parent) kept = kept.map(withoutParent);
        return { props: args.props, opts: { ...args.opts, aliases: kept } };
    };

    /**
     * Puts a stand-in stack resource carrying the transformation in the SDK's slot, for the resources
     * the program creates from now on. Returns the function that empties the slot again.
     */
    install(): () => void {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const state = require("@pulumi/pulumi/runtime/state") as RuntimeState;
        if (state.getStackResource() !== undefined) throw new Error("a stack resource is already set: deferred aliases need the slot empty");
        const deferral = this.transformation;
        // Transformations the program registers for the whole stack (`registerStackTransformation`
        // appends to this list) run before the deferral, so it sees the aliases they add.
        let registered: pulumi.ResourceTransformation[] = [];
        const root = {
            // Resolves to no URN: a resource without a parent registers without one, as before.
            urn: pulumi.output(undefined),
            __providers: {},
            __protect: undefined,
            getProvider: (): undefined => undefined,
        };
        Object.defineProperty(root, "__transformations", {
            enumerable: true,
            get: (): pulumi.ResourceTransformation[] => [...registered, deferral],
            set: (list: pulumi.ResourceTransformation[]): void => {
                registered = list.filter((t) => t !== deferral);
            },
        });
        state.setStackResource(root);
        return () => state.setStackResource(undefined);
    }

    /**
     * Resolves the deferred aliases to URNs (as capture.ts resolves alias specs: the resource's
     * parent's qualified type, this type, its name) and puts them back in their place in the
     * captured resources' `aliases`.
     */
    async resolve(captured: CapturedResource[], stack: string, project: string): Promise<void> {
        const byUrn = new Map(captured.map((r, i) => [r.urn, i]));
        for (const d of this.deferred) {
            const urn = await new Promise<string>((resolve) => d.resource.urn.apply((u) => resolve(u)));
            const i = byUrn.get(urn);
            if (i === undefined) continue;
            const r = captured[i];
            const sent = [...(r.aliases ?? [])];
            const aliases = d.slots.map((slot) => {
                if (slot === "sent") return sent.shift()!;
                const qualified = r.parent ? `${r.parent.split("::")[2]}$${slot.type}` : slot.type;
                return `urn:pulumi:${stack}::${project}::${qualified}::${d.name}`;
            });
            // Anything the SDK sent beyond what the deferral saw (none when it runs last) is kept.
            aliases.push(...sent);
            // Same key order as capture.ts writes: aliases before provider.
            const { aliases: _sent, provider, ...rest } = r;
            captured[i] = { ...rest, aliases, ...(provider ? { provider } : {}) };
        }
    }
}
