/**
 * The one bring-your-own shape of component args (pure): `{ existingId }` adopts a resource that
 * exists already, otherwise the component creates it under `name`. Every component with this shape
 * (storage, key vault, registry, Log Analytics, Application Insights, identity) checks it here, so
 * the rule and its wording are the same everywhere.
 */

/** Adopt by ID or create under a name. */
export interface BringYourOwn {
    /** ARM ID of an existing resource to adopt; nothing is created. Default: create one. */
    existingId?: string;
    /** Name of the resource to create. Required unless `existingId` is set. */
    name?: string;
}

/** What a {@link BringYourOwn} arg resolves to: adopt by ID, or create under a name. */
export type BringYourOwnChoice = { adopt: true; existingId: string } | { adopt: false; name: string };

/**
 * Resolves `spec` (the arg called `arg`, e.g. `storage`), or says what is wrong with it: an ID and a
 * name together contradict each other (an adopted resource keeps its own name), and a resource to
 * create needs a name.
 */
export function resolveBringYourOwn(arg: string, spec: BringYourOwn | undefined): BringYourOwnChoice | { problem: string } {
    // `arg` empty: the shape is the component's own args, so its keys are written bare.
    const at = (key: string): string => (arg === "" ? key : `${arg}.${key}`);
    const existingId = spec?.existingId;
    const name = spec?.name;
    if (existingId !== undefined && name !== undefined) {
        return { problem: `${at("existingId")}: set together with ${at("name")} (an adopted resource keeps its own name: set only existingId to adopt, or only name to create)` };
    }
    if (existingId === "") return { problem: `${at("existingId")}: is empty (give the ARM ID of the resource to adopt, or omit it to create one)` };
    if (existingId !== undefined) return { adopt: true, existingId };
    if (name === undefined || name === "") return { problem: `${at("name")}: is required when ${at("existingId")} is not set (name the resource to create, or adopt one by ID)` };
    return { adopt: false, name };
}

/**
 * Like {@link resolveBringYourOwn}, for a resource that may also be one declared elsewhere in the
 * program (`shared`, e.g. a platform's Log Analytics workspace for its team workspaces): with
 * `shared` set, `spec` must be empty and the shared one is used.
 */
export function resolveSharedOrOwn(
    arg: string,
    spec: BringYourOwn | undefined,
    sharedArg: string,
    shared: unknown,
): BringYourOwnChoice | { shared: true } | { problem: string } {
    if (shared === undefined) return resolveBringYourOwn(arg, spec);
    if (spec?.existingId !== undefined || spec?.name !== undefined) {
        return { problem: `${sharedArg}: set together with ${arg} (use the shared workspace, or create/adopt one, not both)` };
    }
    return { shared: true };
}
