/**
 * What Azure Resource Manager accepts in resource tags, per resource type
 * (pure data + one check), shared by config validation and anything else that
 * writes tags.
 *
 * Source: "Use tags to organize your Azure resources and management hierarchy",
 * section Limitations (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations),
 * read 2026-12-02:
 *   - at most 50 tag name-value pairs per resource;
 *   - tag names up to 512 characters, values up to 256; for storage accounts
 *     names up to 128 and values up to 256;
 *   - tag names can't contain `<`, `>`, `%`, `&`, `\`, `?`, `/`;
 *   - tag names are case-insensitive (two names differing only in case are one tag);
 *   - names starting with `microsoft`, `azure` or `windows` are reserved for Azure;
 *   - Azure DNS zones don't support spaces or parentheses in a tag name, or a tag name that
 *     starts with a number, and Azure DNS tag names don't support special and Unicode characters
 *     (applied to private DNS zones, which the stack creates with the platform's tags).
 *
 * Which types take tags at all is another fact, kept with the policy that selects by it
 * (policies/lib/taggable.ts, azure-native tokens checked against the SDK); this table is
 * keyed by ARM type and says what a tag may be.
 */

/** Limits of one resource type. */
export interface TagLimits {
    /** Maximum number of tags on one resource. */
    maxCount: number;
    /** Maximum tag name length. */
    maxNameLength: number;
    /** Maximum tag value length. */
    maxValueLength: number;
    /** A type-specific rule on tag names, beyond the rules every type has; default none. */
    nameRule?: TagNameRule;
}

/** A type-specific rule on tag names. */
export interface TagNameRule {
    /** Matches a name the type refuses; never has the g/y flags, so `test` is stateless. */
    refuses: RegExp;
    /** What the type refuses, for messages: "spaces, parentheses, ...". */
    refused: string;
}

/** Azure DNS zones (public and private): no whitespace, parentheses, leading digit, or characters outside printable ASCII. */
const DNS_ZONE_TAG_NAMES: TagNameRule = Object.freeze({
    refuses: /[\s()]|^[0-9]|[^\x21-\x7e]/u,
    refused: "spaces, parentheses, Unicode characters or a leading digit",
});

/** Limits that apply to every type without its own row. */
export const DEFAULT_TAG_LIMITS: TagLimits = Object.freeze({ maxCount: 50, maxNameLength: 512, maxValueLength: 256 });

/** Types with stricter limits, by lowercase ARM type. */
export const TAG_LIMITS_BY_TYPE: Readonly<Record<string, TagLimits>> = Object.freeze({
    "microsoft.storage/storageaccounts": Object.freeze({ maxCount: 50, maxNameLength: 128, maxValueLength: 256 }),
    "microsoft.network/privatednszones": Object.freeze({ maxCount: 50, maxNameLength: 512, maxValueLength: 256, nameRule: DNS_ZONE_TAG_NAMES }),
    "microsoft.network/dnszones": Object.freeze({ maxCount: 50, maxNameLength: 512, maxValueLength: 256, nameRule: DNS_ZONE_TAG_NAMES }),
});

/** Characters a tag name may not contain. */
export const FORBIDDEN_TAG_NAME_CHARACTERS: readonly string[] = ["<", ">", "%", "&", "\\", "?", "/"];

/** Prefixes reserved for Azure's own tags (case-insensitive). */
export const RESERVED_TAG_PREFIXES: readonly string[] = ["microsoft", "azure", "windows"];

/** The limits of an ARM type (case-insensitive). */
export function tagLimitsFor(armType: string): TagLimits {
    return TAG_LIMITS_BY_TYPE[armType.toLowerCase()] ?? DEFAULT_TAG_LIMITS;
}

/** Limits over several types, with every type-specific name rule and the type it comes from. */
export type CombinedTagLimits = Omit<TagLimits, "nameRule"> & {
    /** The type that sets `maxNameLength`, when not the default. */
    nameLimitedBy?: string;
    /** Type-specific name rules, each with its type. */
    nameRules: readonly (TagNameRule & { type: string })[];
};

/** The strictest limits over several types: what a tag set given to all of them must meet. */
export function strictestTagLimits(armTypes: readonly string[]): CombinedTagLimits {
    let out: CombinedTagLimits = { maxCount: DEFAULT_TAG_LIMITS.maxCount, maxNameLength: DEFAULT_TAG_LIMITS.maxNameLength, maxValueLength: DEFAULT_TAG_LIMITS.maxValueLength, nameRules: [] };
    for (const t of armTypes) {
        const l = tagLimitsFor(t);
        if (l.maxNameLength < out.maxNameLength) out = { ...out, maxNameLength: l.maxNameLength, nameLimitedBy: t };
        out = { ...out, maxCount: Math.min(out.maxCount, l.maxCount), maxValueLength: Math.min(out.maxValueLength, l.maxValueLength) };
        if (l.nameRule) out = { ...out, nameRules: [...out.nameRules, { ...l.nameRule, type: t }] };
    }
    return out;
}

/** A problem with one tag name: what is wrong and how to fix it. */
export interface TagNameProblem {
    /** What is wrong. */
    problem: string;
    /** How to fix it. */
    fix: string;
}

/**
 * Problem with a tag name under `limits`, else undefined. `limitedBy` names the type that sets the
 * length limit. A single type's `nameRule` applies (named by `limitedBy`, default "this type"), as do
 * combined limits' `nameRules`.
 */
export function tagNameProblem(name: string, limits: TagLimits | CombinedTagLimits, limitedBy?: string): TagNameProblem | undefined {
    const bad = FORBIDDEN_TAG_NAME_CHARACTERS.filter((ch) => name.includes(ch));
    if (bad.length > 0) return { problem: `tag name contains ${bad.map((b) => `'${b}'`).join(", ")}, which Azure refuses in tag names`, fix: `rename the tag without ${FORBIDDEN_TAG_NAME_CHARACTERS.join(" ")}` };
    const prefix = RESERVED_TAG_PREFIXES.find((p) => name.toLowerCase().startsWith(p));
    if (prefix) return { problem: `tag name starts with '${prefix}', a prefix Azure reserves for its own tags`, fix: "rename the tag so it does not start with microsoft, azure or windows" };
    const length = [...name].length;
    if (length > limits.maxNameLength) {
        return { problem: `tag name is ${length} characters; ${limitedBy ? `${limitedBy} accepts` : "Azure accepts"} at most ${limits.maxNameLength}`, fix: `shorten the tag name to ${limits.maxNameLength} characters or fewer` };
    }
    const rules = "nameRules" in limits ? limits.nameRules : limits.nameRule ? [{ ...limits.nameRule, type: limitedBy ?? "this type" }] : [];
    const broken = rules.filter((r) => r.refuses.test(name));
    if (broken.length > 0) {
        return {
            problem: `tag name ${JSON.stringify(name)} is refused by ${broken.map((r) => `${r.type} (no ${r.refused} in tag names)`).join(" and ")}`,
            fix: "rename the tag to ASCII letters, digits, hyphens and underscores starting with a letter, e.g. costCenter",
        };
    }
    return undefined;
}
