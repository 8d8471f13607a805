/**
 * How each Azure firewall stores a public IP rule (pure), so the toolkit
 * sends exactly what the service returns on read and a `pulumi refresh`
 * shows no diff.
 *
 * - Key Vault stores a single address as `a.b.c.d/32` (its network ACLs hold
 *   CIDR blocks; "Configure Azure Key Vault networking settings",
 *   https://learn.microsoft.com/azure/key-vault/general/how-to-azure-key-vault-network-security;
 *   the `/32` round trip and its perpetual diff are reported in "azurerm_key_vault - does not persist
 *   change for network_acls", https://github.com/hashicorp/terraform-provider-azurerm/issues/2164;
 *   checked 2026-12-02).
 * - Storage refuses `/31` and `/32` ranges and wants single addresses written
 *   plainly ("Configure Azure Storage firewalls and virtual networks",
 *   https://learn.microsoft.com/azure/storage/common/storage-network-security, IP network
 *   rules: "Small address ranges using prefix sizes of /31 or /32 are not supported");
 *   `a.b.c.d/32` is therefore sent as `a.b.c.d`.
 * - Container Registry: no documented rewrite of the value was found (checked 2026-12-02), so it
 *   is sent as written; revisit if a refresh ever shows a diff.
 *
 * Storage and the registry are wired by their components (components/workspace/storage.ts and
 * container-registry.ts); config already refuses `/32` in `network.allowedIpRanges`, so only Key
 * Vault's form differs from what the user writes.
 */

/** A firewall whose stored form of an IP rule the toolkit knows. */
export type IpRuleStyle = "keyVault" | "storage" | "containerRegistry";

const SINGLE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** The value to send for one allowed IP or CIDR so that it equals what the service stores. */
export function firewallIpRule(value: string, style: IpRuleStyle): string {
    const text = value.trim();
    switch (style) {
        case "keyVault":
            return SINGLE.test(text) ? `${text}/32` : text;
        case "storage":
            return text.endsWith("/32") && SINGLE.test(text.slice(0, -3)) ? text.slice(0, -3) : text;
        case "containerRegistry":
            return text;
    }
}

/** {@link firewallIpRule} over a list, without duplicates (`1.2.3.4` and `1.2.3.4/32` are one rule to Key Vault). */
export function firewallIpRules(values: readonly string[], style: IpRuleStyle): string[] {
    return [...new Set(values.map((v) => firewallIpRule(v, style)))];
}
