/**
 * Azure naming rules and deterministic names built from them. The hashes
 * behind suffixes and GUIDs live in `hashing.ts`: they are not naming rules,
 * and role assignments, key names and the simulator use them without one.
 *
 * Pure on purpose: no Pulumi, no I/O, no clock, no randomness. A Pulumi
 * resource whose name changes is replaced, so every name this module derives
 * must be a function of its inputs alone, and the offline plan/audit can use
 * the same functions without an engine.
 *
 * Rules follow "Naming rules and restrictions for Azure resources"
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules)
 * plus the Azure ML service docs/errors where that page is silent. Where
 * sources disagree we encode the stricter intersection, so a name we accept is
 * accepted by Azure; each such choice is commented at its kind.
 */
import { stableSuffix } from "./hashing";
import { reservedNameProblem } from "./reserved-names";

/** Every Azure resource type this toolkit names. */
export type ResourceKind =
    | "resourceGroup"
    | "storageAccount"
    | "keyVault"
    | "keyVaultKey"
    | "containerRegistry"
    | "workspace"
    | "mlRegistry"
    | "logAnalytics"
    | "applicationInsights"
    | "userAssignedIdentity"
    | "federatedIdentityCredential"
    | "computeInstance"
    | "computeCluster"
    | "kubernetesCompute"
    | "aksCluster"
    | "aksDnsPrefix"
    | "aksNodePool"
    | "iotHub"
    | "virtualNetwork"
    | "subnet"
    | "networkSecurityGroup"
    | "privateEndpoint"
    | "privateDnsZoneGroup"
    | "diagnosticSetting"
    | "managementLock"
    | "containerGroup"
    | "onlineEndpoint"
    | "onlineDeployment"
    | "mlSchedule";

/** The naming rule of one resource kind. */
export interface NameRule {
    /** Human name of the Azure resource type, used in messages ("storage account"). */
    label: string;
    /** Minimum length in characters. */
    min: number;
    /** Maximum length in characters. */
    max: number;
    /** Full-name regex the Azure rule requires (length included); never has the g/y flags, so `test` is stateless. */
    pattern: RegExp;
    /** One sentence stating the rule, used in error messages, e.g. "3-24 lowercase letters and digits". */
    rule: string;
    /** True when the name must be unique across Azure (gets a stable suffix by default). */
    globallyUnique: boolean;
    /**
     * Single-character test for the characters sanitize keeps, e.g. /^[a-z0-9]$/.
     * Always ASCII and sometimes narrower than `pattern` (no parentheses, no
     * Unicode), because derived names should be boring and portable.
     */
    allowed: RegExp;
    /** True if the allowed set is lowercase only (sanitize lowercases). */
    lowercase: boolean;
    /** Separator inserted before a suffix ("" for kinds that allow no hyphen). */
    separator: string;
}

/** What a kind needs beyond its public rule to derive names. */
interface KindSpec {
    /** The public rule, as exported in NAME_RULES. */
    readonly rule: NameRule;
    /**
     * CAF-style abbreviation: the stem when a base has no usable characters,
     * and the prefix when a base starts with a digit but the kind needs a letter.
     */
    readonly abbreviation: string;
    /** True when the first character must be a letter, not merely alphanumeric. */
    readonly startsWithLetter: boolean;
    /** True when the name can't end with a hyphen followed only by digits (Azure ML compute). */
    readonly noHyphenDigitsEnd: boolean;
}

/** Input to {@link define}: one kind as written in the table below. */
interface KindDefinition {
    /** See {@link NameRule.label}. */
    label: string;
    /** See {@link NameRule.min}. */
    min: number;
    /** See {@link NameRule.max}. */
    max: number;
    /** Regex body without anchors or length, e.g. "[a-z0-9]+"; compiled with the u flag. */
    body: string;
    /** The rule sentence without the length, e.g. "lowercase letters and digits". */
    chars: string;
    /** See {@link NameRule.allowed}. */
    allowed: RegExp;
    /** See {@link NameRule.lowercase}. */
    lowercase: boolean;
    /** See {@link NameRule.globallyUnique}. */
    globallyUnique: boolean;
    /** See {@link KindSpec.abbreviation}. */
    abbreviation: string;
    /** See {@link KindSpec.startsWithLetter}; default false. */
    startsWithLetter?: boolean;
    /** See {@link KindSpec.noHyphenDigitsEnd}; default false. */
    noHyphenDigitsEnd?: boolean;
}

/** Builds a frozen spec; the length lives in a lookahead so `pattern` alone states the whole rule. */
function define(d: KindDefinition): KindSpec {
    // [\s\S] with the u flag counts code points, matching how we report lengths.
    const pattern = new RegExp(`^(?=[\\s\\S]{${d.min},${d.max}}$)(?:${d.body})$`, "u");
    const rule: NameRule = Object.freeze({
        label: d.label,
        min: d.min,
        max: d.max,
        pattern,
        rule: `${d.min}-${d.max} ${d.chars}`,
        globallyUnique: d.globallyUnique,
        allowed: d.allowed,
        lowercase: d.lowercase,
        // A suffix is only readable with a hyphen, and only legal where hyphens are.
        separator: d.allowed.test("-") ? "-" : "",
    });
    return Object.freeze({
        rule,
        abbreviation: d.abbreviation,
        startsWithLetter: d.startsWithLetter ?? false,
        noHyphenDigitsEnd: d.noHyphenDigitsEnd ?? false,
    });
}

// Character sets sanitize keeps. Lowercase-only sets go with `lowercase: true`.
/** Lowercase letters and digits. */
const LOWER_ALNUM = /^[a-z0-9]$/u;
/** Lowercase letters, digits, hyphen. */
const LOWER_ALNUM_HYPHEN = /^[a-z0-9-]$/u;
/** Letters, digits, hyphen. */
const ALNUM_HYPHEN = /^[a-zA-Z0-9-]$/u;
/** Letters, digits, hyphen, underscore. */
const ALNUM_HYPHEN_UNDERSCORE = /^[a-zA-Z0-9_-]$/u;
/** Letters, digits, hyphen, underscore, period. */
const ALNUM_HYPHEN_UNDERSCORE_PERIOD = /^[a-zA-Z0-9_.-]$/u;

// Regex bodies shared by several kinds.
/** Alphanumerics and hyphens, starting and ending alphanumeric. */
const ALNUM_HYPHEN_ALNUM_ENDS = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
/** Alphanumerics, underscores, periods, hyphens; start alphanumeric; end alphanumeric or underscore. */
const NETWORK_BODY = "[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?";
/** Rule sentence for NETWORK_BODY. */
const NETWORK_CHARS =
    "letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore";
/**
 * Azure ML compute: letters, digits, hyphens; start with a letter; end with a
 * letter or digit; and not "-<digits>" at the end (the service rejects e.g.
 * "cpu-cluster-1": "Numbers cannot be the ending of the name if the previous
 * character is a minus symbol").
 */
const AML_COMPUTE_BODY = "[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?<!-[0-9]+)";
/** Rule sentence for AML_COMPUTE_BODY. */
const AML_COMPUTE_CHARS =
    "letters, digits and hyphens, starting with a letter, ending with a letter or digit, and not ending in a hyphen followed only by digits";

/** Microsoft.Network kinds share one rule and differ in length (resource-name-rules, Microsoft.Network). */
function networkKind(label: string, min: number, max: number, abbreviation: string): KindSpec {
    return define({
        label, min, max, body: NETWORK_BODY, chars: NETWORK_CHARS,
        allowed: ALNUM_HYPHEN_UNDERSCORE_PERIOD, lowercase: false, globallyUnique: false, abbreviation,
    });
}

/**
 * One entry per kind. Abbreviations are the Cloud Adoption Framework ones
 * where CAF has one (rg, st, kv, cr, mlw, log, appi, id, aks, np, iot, vnet,
 * snet, nsg, pep, ci); the rest are ours and marked so.
 */
const SPECS: Readonly<Record<ResourceKind, KindSpec>> = Object.freeze({
    // Microsoft.Resources/resourceGroups: 1-90; letters (Unicode letters count),
    // digits, underscores, hyphens, periods, parentheses; can't end with a period.
    resourceGroup: define({
        label: "resource group", min: 1, max: 90,
        body: "[\\p{L}\\p{N}_.()-]*[\\p{L}\\p{N}_()-]",
        chars: "letters, digits, underscores, hyphens, periods and parentheses, not ending with a period",
        allowed: ALNUM_HYPHEN_UNDERSCORE_PERIOD, lowercase: false, globallyUnique: false, abbreviation: "rg",
    }),
    // Microsoft.Storage/storageAccounts: 3-24 lowercase letters and digits; global (DNS name).
    storageAccount: define({
        label: "storage account", min: 3, max: 24, body: "[a-z0-9]+",
        chars: "lowercase letters and digits",
        allowed: LOWER_ALNUM, lowercase: true, globallyUnique: true, abbreviation: "st",
    }),
    // Microsoft.KeyVault/vaults: 3-24 alphanumerics and hyphens; start with a letter;
    // end with a letter or digit; no consecutive hyphens; global. Derived names are
    // lowercase because the vault URI is a case-insensitive DNS name.
    keyVault: define({
        label: "key vault", min: 3, max: 24,
        body: "[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]",
        chars: "letters, digits and hyphens, starting with a letter, ending with a letter or digit, without consecutive hyphens",
        allowed: LOWER_ALNUM_HYPHEN, lowercase: true, globallyUnique: true, abbreviation: "kv", startsWithLetter: true,
    }),
    // Microsoft.KeyVault/vaults/keys (same rule as secrets): 1-127 alphanumerics and hyphens.
    // "key" is ours (CAF has none).
    keyVaultKey: define({
        label: "key vault key", min: 1, max: 127, body: "[a-zA-Z0-9-]+",
        chars: "letters, digits and hyphens",
        allowed: ALNUM_HYPHEN, lowercase: false, globallyUnique: false, abbreviation: "key",
    }),
    // Microsoft.ContainerRegistry/registries: 5-50 alphanumerics, upper case allowed; global
    // (resource-name-rules, Microsoft.ContainerRegistry; "Registries - Check Name Availability"
    // samples "myRegistry" — https://learn.microsoft.com/rest/api/containerregistry/registries/check-name-availability).
    // ARM lower-cases the login server `<name>.azurecr.io`, so a given name may have upper case, while
    // derived names stay lower case (`lowercase: true`) and uniqueness compares ignoring case.
    containerRegistry: define({
        label: "container registry", min: 5, max: 50, body: "[a-zA-Z0-9]+",
        chars: "letters and digits",
        allowed: LOWER_ALNUM, lowercase: true, globallyUnique: true, abbreviation: "cr",
    }),
    // Microsoft.MachineLearningServices/workspaces: 3-33; the REST API pattern is
    // ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$.
    workspace: define({
        label: "machine learning workspace", min: 3, max: 33, body: "[a-zA-Z0-9][a-zA-Z0-9_-]*",
        chars: "letters, digits, hyphens and underscores, starting with a letter or digit",
        allowed: ALNUM_HYPHEN_UNDERSCORE, lowercase: false, globallyUnique: false, abbreviation: "mlw",
    }),
    // Microsoft.MachineLearningServices/registries: "Create and manage registries"
    // (learn.microsoft.com/azure/machine-learning/how-to-manage-registries, "Choose a name"):
    // 2-32 letters, digits, underscores and hyphens, starting with a letter or digit; unique in
    // the Entra tenant and never renamable (it is part of every asset ID). The azurerm provider's
    // check also wants the last character alphanumeric: the stricter intersection. Tenant-unique,
    // not Azure-wide, so no suffix. "mlr" is ours (CAF has no registry abbreviation).
    mlRegistry: define({
        label: "machine learning registry", min: 2, max: 32, body: "[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?",
        chars: "letters, digits, underscores and hyphens, starting and ending with a letter or digit",
        allowed: ALNUM_HYPHEN_UNDERSCORE, lowercase: false, globallyUnique: false, abbreviation: "mlr",
    }),
    // Microsoft.OperationalInsights/workspaces: 4-63 alphanumerics and hyphens; start and end alphanumeric.
    logAnalytics: define({
        label: "Log Analytics workspace", min: 4, max: 63, body: ALNUM_HYPHEN_ALNUM_ENDS,
        chars: "letters, digits and hyphens, starting and ending with a letter or digit",
        allowed: ALNUM_HYPHEN, lowercase: false, globallyUnique: false, abbreviation: "log",
    }),
    // Microsoft.Insights/components: 1-260; anything but % & \ ? / and control characters, and
    // not ending with a space or period (resource-name-rules, Microsoft.Insights — Naming rules and
    // restrictions for Azure resources, https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
    // Derived names use the portable subset (`allowed`).
    applicationInsights: define({
        label: "Application Insights component", min: 1, max: 260,
        body: "[^%&\\\\?/\\p{Cc}]*[^%&\\\\?/\\p{Cc} .]",
        chars: "characters other than % & \\ ? / and control characters, not ending with a space or period",
        allowed: ALNUM_HYPHEN_UNDERSCORE_PERIOD, lowercase: false, globallyUnique: false, abbreviation: "appi",
    }),
    // Microsoft.ManagedIdentity/userAssignedIdentities: 3-128 alphanumerics, hyphens,
    // underscores; start with a letter or digit.
    userAssignedIdentity: define({
        label: "user-assigned identity", min: 3, max: 128, body: "[a-zA-Z0-9][a-zA-Z0-9_-]*",
        chars: "letters, digits, hyphens and underscores, starting with a letter or digit",
        allowed: ALNUM_HYPHEN_UNDERSCORE, lowercase: false, globallyUnique: false, abbreviation: "id",
    }),
    // Federated identity credential of a user-assigned identity: 3-120 letters, digits, hyphens and
    // underscores, starting with a letter or digit ("Important considerations and restrictions for
    // federated identity credentials", https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
    federatedIdentityCredential: define({
        label: "federated identity credential", min: 3, max: 120, body: "[a-zA-Z0-9][a-zA-Z0-9_-]*",
        chars: "letters, digits, hyphens and underscores, starting with a letter or digit",
        allowed: ALNUM_HYPHEN_UNDERSCORE, lowercase: false, globallyUnique: false, abbreviation: "fic",
    }),
    // Azure ML compute instance: 3-24, see AML_COMPUTE_BODY. Unique within a region
    // across all tenants (it becomes a regional host name), so another customer can
    // hold "aml-dev": treated as globally unique. "mlci" is ours.
    computeInstance: define({
        label: "compute instance", min: 3, max: 24, body: AML_COMPUTE_BODY, chars: AML_COMPUTE_CHARS,
        allowed: ALNUM_HYPHEN, lowercase: false, globallyUnique: true, abbreviation: "mlci",
        startsWithLetter: true, noHyphenDigitsEnd: true,
    }),
    // Azure ML compute cluster (AmlCompute). The ML docs say 2-16, resource-name-rules says
    // 3-32 for AML compute: we take the intersection 3-16, and the compute-instance
    // shape (the services share compute-name validation). "mlcc" is ours.
    computeCluster: define({
        label: "compute cluster", min: 3, max: 16, body: AML_COMPUTE_BODY, chars: AML_COMPUTE_CHARS,
        allowed: ALNUM_HYPHEN, lowercase: false, globallyUnique: false, abbreviation: "mlcc",
        startsWithLetter: true, noHyphenDigitsEnd: true,
    }),
    // Attached Kubernetes compute (workspaces/computes, computeType Kubernetes): the same
    // compute-name validation as a cluster, 3-16 (see computeCluster). "mlkc" is ours.
    kubernetesCompute: define({
        label: "Kubernetes compute", min: 3, max: 16, body: AML_COMPUTE_BODY, chars: AML_COMPUTE_CHARS,
        allowed: ALNUM_HYPHEN, lowercase: false, globallyUnique: false, abbreviation: "mlkc",
        startsWithLetter: true, noHyphenDigitsEnd: true,
    }),
    // Microsoft.ContainerService/managedClusters: 1-63 alphanumerics, underscores, hyphens;
    // start and end alphanumeric.
    aksCluster: define({
        label: "AKS cluster", min: 1, max: 63, body: "[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?",
        chars: "letters, digits, underscores and hyphens, starting and ending with a letter or digit",
        allowed: ALNUM_HYPHEN_UNDERSCORE, lowercase: false, globallyUnique: false, abbreviation: "aks",
    }),
    // AKS dnsPrefix: 1-54 alphanumerics and hyphens; start and end alphanumeric. Azure appends
    // its own hash to the FQDN, so not global. Derived lowercase: it is a DNS label.
    aksDnsPrefix: define({
        label: "AKS DNS prefix", min: 1, max: 54, body: ALNUM_HYPHEN_ALNUM_ENDS,
        chars: "letters, digits and hyphens, starting and ending with a letter or digit",
        allowed: LOWER_ALNUM_HYPHEN, lowercase: true, globallyUnique: false, abbreviation: "aks",
    }),
    // AKS agent pool, Linux: 1-12 lowercase letters and digits, starting with a letter
    // (Windows pools are 1-6; we only create Linux pools).
    aksNodePool: define({
        label: "AKS node pool", min: 1, max: 12, body: "[a-z][a-z0-9]*",
        chars: "lowercase letters and digits, starting with a letter",
        allowed: LOWER_ALNUM, lowercase: true, globallyUnique: false, abbreviation: "np", startsWithLetter: true,
    }),
    // Microsoft.Devices/IotHubs: 3-50 alphanumerics and hyphens; can't end with a hyphen;
    // global. Derived lowercase: it is a host name.
    iotHub: define({
        label: "IoT hub", min: 3, max: 50, body: "[a-zA-Z0-9-]*[a-zA-Z0-9]",
        chars: "letters, digits and hyphens, not ending with a hyphen",
        allowed: LOWER_ALNUM_HYPHEN, lowercase: true, globallyUnique: true, abbreviation: "iot",
    }),
    virtualNetwork: networkKind("virtual network", 2, 64, "vnet"),
    subnet: networkKind("subnet", 1, 80, "snet"),
    networkSecurityGroup: networkKind("network security group", 1, 80, "nsg"),
    privateEndpoint: networkKind("private endpoint", 2, 64, "pep"),
    // Not in CAF; "pdnszg" extends CAF's "pdnsz" (private DNS zone).
    privateDnsZoneGroup: networkKind("private DNS zone group", 1, 80, "pdnszg"),
    // Microsoft.Insights/diagnosticSettings: 1-260, any character except <>*%&:\?/+ and
    // control characters. Derived names use the portable subset. "diag" is ours.
    diagnosticSetting: define({
        label: "diagnostic setting", min: 1, max: 260, body: "[^<>*%&:\\\\?/+\\p{Cc}]+",
        chars: "characters other than < > * % & : \\ ? / + and control characters",
        allowed: ALNUM_HYPHEN_UNDERSCORE_PERIOD, lowercase: false, globallyUnique: false, abbreviation: "diag",
    }),
    // Microsoft.Authorization/locks: 1-90 alphanumerics, periods, underscores, hyphens and
    // parentheses; can't end with a period (resource-name-rules; stricter than a
    // "no <>*%:?/+" reading, so everything we accept deploys). "lock" is ours.
    managementLock: define({
        label: "management lock", min: 1, max: 90, body: "[a-zA-Z0-9_.()-]*[a-zA-Z0-9_()-]",
        chars: "letters, digits, periods, underscores, hyphens and parentheses, not ending with a period",
        allowed: ALNUM_HYPHEN_UNDERSCORE_PERIOD, lowercase: false, globallyUnique: false, abbreviation: "lock",
    }),
    // Microsoft.ContainerInstance/containerGroups: 1-63 lowercase letters, digits, hyphens;
    // start and end with a letter or digit; no consecutive hyphens.
    containerGroup: define({
        label: "container group", min: 1, max: 63, body: "[a-z0-9](?!.*--)(?:[a-z0-9-]*[a-z0-9])?",
        chars: "lowercase letters, digits and hyphens, starting and ending with a letter or digit, without consecutive hyphens",
        allowed: LOWER_ALNUM_HYPHEN, lowercase: true, globallyUnique: false, abbreviation: "ci",
    }),
    // Azure ML online endpoint: 3-32 letters, digits, hyphens; start with a letter, end
    // alphanumeric. Unique per region across tenants (it is the scoring host name
    // <name>.<region>.inference.ml.azure.com), so treated as global and derived lowercase.
    // "endpoint" is ours.
    onlineEndpoint: define({
        label: "online endpoint", min: 3, max: 32, body: "[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]",
        chars: "letters, digits and hyphens, starting with a letter and ending with a letter or digit",
        allowed: LOWER_ALNUM_HYPHEN, lowercase: true, globallyUnique: true, abbreviation: "endpoint",
        startsWithLetter: true,
    }),
    // Azure ML online deployment: same shape as the endpoint; unique within its endpoint.
    // "deploy" is ours.
    onlineDeployment: define({
        label: "online deployment", min: 3, max: 32, body: "[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]",
        chars: "letters, digits and hyphens, starting with a letter and ending with a letter or digit",
        allowed: ALNUM_HYPHEN, lowercase: false, globallyUnique: false, abbreviation: "deploy",
        startsWithLetter: true,
    }),
    // Azure ML workspace schedule (Microsoft.MachineLearningServices/workspaces/schedules): the name
    // pattern ^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$ of the API's child resources (Azure/bicep-types-az,
    // generated/machinelearningservices types.md, read 2026-12-02); unique within its workspace. "sched" is ours.
    mlSchedule: define({
        label: "workspace schedule", min: 1, max: 255, body: "[a-zA-Z0-9][a-zA-Z0-9_-]*",
        chars: "letters, digits, hyphens and underscores, starting with a letter or digit",
        allowed: ALNUM_HYPHEN_UNDERSCORE, lowercase: false, globallyUnique: false, abbreviation: "sched",
    }),
});

/** The naming rule of every kind; frozen, so callers can't loosen a rule by accident. */
export const NAME_RULES: Readonly<Record<ResourceKind, NameRule>> = Object.freeze(
    Object.fromEntries(Object.entries(SPECS).map(([kind, spec]) => [kind, spec.rule])) as Record<ResourceKind, NameRule>,
);

/** Spec of `kind`; throws for an unknown kind (JS callers, config typos) instead of reading `undefined`. */
function specFor(kind: ResourceKind): KindSpec {
    if (!Object.prototype.hasOwnProperty.call(SPECS, kind)) {
        throw new TypeError(`unknown resource kind '${String(kind)}'`);
    }
    return SPECS[kind];
}

/** Length in code points, as Azure and our patterns (u flag) count it. */
function codePoints(s: string): number {
    return [...s].length;
}

/** Problem with a user-given name, or undefined when valid: e.g. "must be 3-24 lowercase letters and digits; got 'My_Storage' (10 chars)". */
export function nameProblem(kind: ResourceKind, name: string): string | undefined {
    const rule = specFor(kind).rule;
    if (rule.pattern.test(name)) return reservedNameProblem(kind, name);
    return `${rule.label} name must be ${rule.rule}; got '${name}' (${codePoints(name)} chars)`;
}

/** Invalid name for a kind; `kind` and `value` say which, `message` says why. */
export class NamingError extends Error {
    /** Conventional error name, so `err.name === "NamingError"` works across module copies. */
    override readonly name = "NamingError";
    /** Kind whose rule the name broke. */
    readonly kind: ResourceKind;
    /** The offending name. */
    readonly value: string;

    /** Creates the error; `message` is the {@link nameProblem} text. */
    constructor(kind: ResourceKind, value: string, message: string) {
        super(message);
        this.kind = kind;
        this.value = value;
    }
}

/** Throws NamingError (exported class, extends Error, with `.kind` and `.value`) when invalid; returns the name otherwise. */
export function assertValidName(kind: ResourceKind, name: string): string {
    const problem = nameProblem(kind, name);
    if (problem !== undefined) throw new NamingError(kind, name, problem);
    return name;
}

/** Whitespace, punctuation and symbols: word breaks in a base, so they become hyphens where hyphens are legal. */
const WORD_BREAK = /^[\s\p{P}\p{S}]$/u;
/** Combining marks, dropped after NFKD so "é" becomes "e" rather than disappearing. */
const COMBINING_MARKS = /\p{M}/gu;

/** Drops non-alphanumerics at both ends: every kind accepts an alphanumeric first and last character. */
function trimToAlphanumeric(s: string): string {
    return s.replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, "");
}

/**
 * Reduces a free-form base to the kind's allowed characters: compatibility
 * fold and strip accents, lowercase where required, word breaks to hyphens
 * (where legal), other characters dropped, hyphen runs collapsed, ends trimmed.
 * The result is ASCII, possibly empty.
 */
function sanitize(rule: NameRule, base: string): string {
    // NFKD before lowercasing: compatibility forms such as "Ⅻ" decompose to uppercase.
    const stripped = base.normalize("NFKD").replace(COMBINING_MARKS, "");
    const folded = rule.lowercase ? stripped.toLowerCase() : stripped;
    const hyphenLegal = rule.allowed.test("-");
    let out = "";
    for (const ch of folded) {
        if (rule.allowed.test(ch)) out += ch;
        else if (hyphenLegal && WORD_BREAK.test(ch)) out += "-";
    }
    return trimToAlphanumeric(out.replace(/-{2,}/g, "-"));
}

/** Gives an empty stem the kind's abbreviation, and a digit-first stem a letter-first prefix where the kind needs one. */
function withValidStart(spec: KindSpec, stem: string): string {
    if (stem === "") return spec.abbreviation;
    if (spec.startsWithLetter && !/^[a-zA-Z]/.test(stem)) return `${spec.abbreviation}${spec.rule.separator}${stem}`;
    return stem;
}

/** AML compute rejects "-<digits>" at the end: fold such hyphens away ("cpu-1-2" -> "cpu12"). */
function repairEnding(spec: KindSpec, name: string): string {
    let out = name;
    if (spec.noHyphenDigitsEnd) {
        while (/-[0-9]+$/.test(out)) out = out.replace(/-([0-9]+)$/, "$1");
    }
    return out;
}

/**
 * Lengthens a too-short name with hash characters of the name itself:
 * deterministic, and unlike fixed filler ("0") it keeps "a" and "a0" apart.
 * Lowercase base36 is legal at the end of every kind.
 */
function padToMin(kind: ResourceKind, rule: NameRule, name: string): string {
    const missing = rule.min - name.length;
    return missing <= 0 ? name : name + stableSuffix(["pad", kind, name], missing);
}

/**
 * Builds a valid name of `kind` from a free-form base (e.g. "aml-dev", the stack's prefix):
 * sanitizes to the kind's allowed characters (lowercasing where required, dropping illegal chars,
 * collapsing repeated hyphens, trimming leading/trailing hyphens, ensuring the first char is a letter where required),
 * truncates so base+separator+suffix fits max, appends `stableSuffix(uniqueBy)` when `uniqueBy` is given
 * (callers pass it for globally unique kinds), pads to min if needed deterministically,
 * and finally asserts the result valid. Same inputs => same output, always.
 *
 * A base with no usable characters ("___" for storage) falls back to the kind's
 * CAF abbreviation ("st", "kv", "cr", "mlw", "log", ...); a digit-first base for
 * a letter-first kind gets that abbreviation as prefix ("123" -> "kv-123").
 * The suffix is never truncated; the base gives way instead.
 */
export function deriveName(kind: ResourceKind, base: string, uniqueBy?: readonly string[]): string {
    const spec = specFor(kind);
    const rule = spec.rule;
    const tail = uniqueBy === undefined ? "" : rule.separator + stableSuffix(uniqueBy);
    const stem = withValidStart(spec, sanitize(rule, base));
    // Truncation can expose a hyphen or period; trim again so nothing illegal meets the tail.
    const fitted = trimToAlphanumeric(stem.slice(0, rule.max - tail.length));
    const name = padToMin(kind, rule, repairEnding(spec, fitted + tail));
    return assertValidName(kind, name);
}
