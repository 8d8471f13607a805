/**
 * Words Azure Resource Manager refuses in the names of resources that have a
 * public endpoint (a DNS name built from the resource name), pure data.
 *
 * Source: "Resolve errors for reserved resource names" (ReservedResourceName),
 * learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-reserved-resource-name,
 * read 2026-12-02. The name is checked when the resource is created, even if the
 * endpoint is not enabled. Three lists on the page:
 *   - reserved words: the name may not be the word (case-insensitive);
 *   - MICROSOFT and WINDOWS: not as a whole word nor anywhere inside the name;
 *   - LOGIN: not at the start of the name (later in the name is fine).
 */
import type { ResourceKind } from "./naming";

/** Names that may not be used as a whole name. */
export const RESERVED_WORDS: readonly string[] = [
    "ACCESS", "APP_CODE", "APP_THEMES", "APP_DATA", "APP_GLOBALRESOURCES", "APP_LOCALRESOURCES", "APP_WEBREFERENCES",
    "APP_BROWSERS", "AZURE", "BING", "BIZSPARK", "BIZTALK", "CORTANA", "DIRECTX", "DOTNET", "DYNAMICS", "EXCEL",
    "EXCHANGE", "FOREFRONT", "GROOVE", "HOLOLENS", "HYPERV", "KINECT", "LYNC", "MSDN", "O365", "OFFICE", "OFFICE365",
    "ONEDRIVE", "ONENOTE", "OUTLOOK", "POWERPOINT", "SHAREPOINT", "SKYPE", "VISIO", "VISUALSTUDIO", "WEB.CONFIG", "XBOX",
];

/** Words that may appear nowhere in a name. */
export const RESERVED_SUBSTRINGS: readonly string[] = ["MICROSOFT", "WINDOWS"];

/** Words a name may not start with. */
export const RESERVED_PREFIXES: readonly string[] = ["LOGIN"];

/**
 * Kinds whose name becomes part of a public host name, so ARM applies the
 * reserved-word check: storage (`<name>.blob.core.windows.net`), key vault
 * (`<name>.vault.azure.net`), registry (`<name>.azurecr.io`), IoT hub
 * (`<name>.azure-devices.net`), AKS DNS prefix (`<prefix>-....azmk8s.io`),
 * online endpoint (`<name>.<region>.inference.ml.azure.com`).
 */
export const PUBLIC_ENDPOINT_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
    "storageAccount",
    "keyVault",
    "containerRegistry",
    "iotHub",
    "aksDnsPrefix",
    "onlineEndpoint",
]);

/** Problem when `name` of `kind` uses a reserved word, else undefined. Only kinds with a public endpoint are checked. */
export function reservedNameProblem(kind: ResourceKind, name: string): string | undefined {
    if (!PUBLIC_ENDPOINT_KINDS.has(kind)) return undefined;
    const upper = name.toUpperCase();
    const whole = RESERVED_WORDS.find((w) => w === upper);
    if (whole) return `name '${name}' is the reserved word ${whole}, which Azure refuses for resources with a public endpoint`;
    const inside = RESERVED_SUBSTRINGS.find((w) => upper.includes(w));
    if (inside) return `name '${name}' contains the reserved word ${inside}, which Azure refuses anywhere in the name of a resource with a public endpoint`;
    const start = RESERVED_PREFIXES.find((w) => upper.startsWith(w));
    if (start) return `name '${name}' starts with the reserved word ${start}, which Azure refuses at the start of the name of a resource with a public endpoint`;
    return undefined;
}
