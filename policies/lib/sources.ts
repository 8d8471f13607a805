/** Rendering of a policy's sources, shared by the README generator and SARIF. */
import type { PolicySources } from "./meta";

/** Sources as one line: "AzP 438c38d2; PSRule Azure.ML.PublicAccess; Checkov CKV_AZURE_144; MCSB NS-2". */
export function sourceList(s: PolicySources): string {
    const parts: string[] = [];
    if (s.azurePolicy?.length) parts.push(`AzP ${s.azurePolicy.join(", ")}`);
    if (s.psrule?.length) parts.push(`PSRule ${s.psrule.join(", ")}`);
    if (s.checkov?.length) parts.push(`Checkov ${s.checkov.join(", ")}`);
    if (s.mcsb?.length) parts.push(`MCSB ${s.mcsb.join(", ")}`);
    if (s.other?.length) parts.push(s.other.join(", "));
    return parts.length > 0 ? parts.join("; ") : "—";
}
