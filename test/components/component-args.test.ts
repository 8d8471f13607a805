/**
 * Pure rules of component args, tested without mocks: the one bring-your-own shape, the
 * Workspace's own arg checks, outbound rules that would be sent half-empty, regional zones with no
 * region, and the defaults table the components read.
 */
import { minimalWorkspaceArgs } from "../helpers/workspace-args";
import * as fs from "node:fs";
import * as path from "node:path";
import { resolveBringYourOwn } from "../../components/bring-your-own";
import { COMPONENT_DEFAULTS, type DefaultKey } from "../../components/defaults";
import { zonesFor } from "../../components/network/private-link-zones";
import { outboundRuleProblems, toArmOutboundRule } from "../../components/workspace/outbound-rules";
import type { WorkspaceArgs } from "../../components/workspace/workspace";
import { validateWorkspaceArgs } from "../../components/workspace/workspace-validation";

const VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-central";

describe("bring your own: existingId adopts, name creates, never both", () => {
    it("adopts by ID and creates by name", () => {
        expect(resolveBringYourOwn("storage", { existingId: "/x" })).toEqual({ adopt: true, existingId: "/x" });
        expect(resolveBringYourOwn("storage", { name: "st01" })).toEqual({ adopt: false, name: "st01" });
    });
    it.each<[string, { existingId?: string; name?: string } | undefined, string]>([
        ["both", { existingId: "/x", name: "st01" }, "monitoring.logAnalytics.existingId: set together with monitoring.logAnalytics.name"],
        ["neither", {}, "monitoring.logAnalytics.name: is required when monitoring.logAnalytics.existingId is not set"],
        ["nothing at all", undefined, "monitoring.logAnalytics.name: is required"],
        ["an empty ID", { existingId: "" }, "monitoring.logAnalytics.existingId: is empty"],
        ["an empty name", { name: "" }, "monitoring.logAnalytics.name: is required"],
    ])("%s is a problem naming the arg", (_label, spec, problem) => {
        const choice = resolveBringYourOwn("monitoring.logAnalytics", spec);
        expect("problem" in choice && choice.problem).toEqual(expect.stringContaining(problem));
    });
    it("writes a component's own keys bare", () => {
        expect(resolveBringYourOwn("", { existingId: "/x", name: "n" })).toEqual({ problem: expect.stringMatching(/^existingId: set together with name /) });
    });
});

describe("Workspace args checks", () => {
    const base: WorkspaceArgs = minimalWorkspaceArgs();
    it("complete args have no problem", () => {
        expect(validateWorkspaceArgs(base)).toEqual({ problems: [] });
    });
    it("lists every problem at once, each naming its arg", () => {
        const { problems } = validateWorkspaceArgs({
            ...base,
            storage: { existingId: "/s", name: "st01" },
            keyVault: {},
            identity: { type: "SystemAssigned", existingId: "/id" },
        });
        expect(problems.map((p) => p.split(":")[0])).toEqual(["storage.existingId", "keyVault.name", "identity.existingId"]);
    });
    it("a system-assigned identity needs no name", () => {
        expect(validateWorkspaceArgs({ ...base, identity: { type: "SystemAssigned" } }).problems).toEqual([]);
    });
    it("an existing CMK in a central vault is parsed, and needs no workspace-vault checks", () => {
        const check = validateWorkspaceArgs({ ...base, keyVault: { name: "kv-x", purgeProtection: false }, customerManagedKey: { keyName: "k1", keyVaultId: VAULT, serviceSideEncryption: true } });
        expect(check).toEqual({ problems: [], existingKey: expect.objectContaining({ vaultName: "kv-central", keyName: "k1", resourceGroupName: "rg-keys" }) });
    });
    it("a key ID that is not one names the arg and the shape expected", () => {
        const { problems } = validateWorkspaceArgs({ ...base, customerManagedKey: { keyName: "k1", existingKeyId: "kv-central/k1", serviceSideEncryption: true } });
        expect(problems).toEqual([expect.stringMatching(/^customerManagedKey\.existingKeyId: not a key's ARM ID \(\/subscriptions\//)]);
    });
});

describe("outbound rules are never sent half-empty", () => {
    it("names each missing field by rule", () => {
        expect(outboundRuleProblems({ pypi: { type: "FQDN" }, blob: { type: "PrivateEndpoint", serviceResourceId: "/x" }, tag: { type: "ServiceTag", serviceTag: "AzureMonitor" } })).toEqual([
            "pypi.destination: required for a FQDN rule",
            "blob.subresourceTarget: required for a PrivateEndpoint rule",
        ]);
    });
    it("the conversion throws rather than send an empty destination", () => {
        expect(() => toArmOutboundRule({ type: "ServiceTag" }, "monitor")).toThrow("managedNetwork.outboundRules.monitor.serviceTag: required for a ServiceTag rule");
        expect(toArmOutboundRule({ type: "FQDN", destination: "pypi.org" })).toEqual({ type: "FQDN", category: "UserDefined", destination: "pypi.org" });
    });
});

describe("regional private DNS zones", () => {
    it("fail loudly without a region instead of naming a zone no endpoint resolves in", () => {
        expect(() => zonesFor("management", "AzureCloud", undefined)).toThrow(/depends on the region/);
        expect(zonesFor("management", "AzureCloud", "westeurope")).toEqual(["privatelink.westeurope.azmk8s.io"]);
        // Zones without a region part need none.
        expect(zonesFor("vault", "AzureCloud", undefined)).toEqual(["privatelink.vaultcore.azure.net"]);
    });
});

describe("the defaults table", () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../stacks/schema/platform.schema.json"), "utf8")) as Record<string, unknown>;
    /** The schema's `default` at a config path; `*` steps into a map's values (following `$ref`s). */
    const schemaDefault = (key: string): unknown => {
        const resolve = (node: Record<string, unknown>): Record<string, unknown> => {
            const ref = node.$ref as string | undefined;
            if (!ref) return node;
            return resolve(ref.replace(/^#\//, "").split("/").reduce<Record<string, unknown>>((n, k) => n[k] as Record<string, unknown>, schema));
        };
        let node: Record<string, unknown> | undefined = resolve(schema);
        for (const step of key.split(".")) {
            if (!node) return undefined;
            const next: unknown = step === "*" ? node.additionalProperties : (node.properties as Record<string, unknown> | undefined)?.[step];
            node = next && typeof next === "object" ? resolve(next as Record<string, unknown>) : undefined;
        }
        return node?.default;
    };
    // No schema default for these: the stack picks the storage SKU by the region's zones, and
    // protection by the environment (prod protects).
    const REGION_DEPENDENT: DefaultKey[] = ["storage.sku", "protection.protect", "protection.retainOnDelete", "protection.deleteLock", "protection.protectSoftDeleted"];

    it("agrees with the stack schema's defaults at the same config path", () => {
        const keys = (Object.keys(COMPONENT_DEFAULTS) as DefaultKey[]).filter((k) => !REGION_DEPENDENT.includes(k));
        expect(Object.fromEntries(keys.map((k) => [k, schemaDefault(k)]))).toEqual(Object.fromEntries(keys.map((k) => [k, COMPONENT_DEFAULTS[k]])));
        expect(schemaDefault("storage.sku")).toBeUndefined();
    });
    it("is secure by default", () => {
        expect(COMPONENT_DEFAULTS["network.publicNetworkAccess"]).toBe("Disabled");
        expect(COMPONENT_DEFAULTS["network.firewallDefaultAction"]).toBe("Deny");
        expect(COMPONENT_DEFAULTS["keyVault.purgeProtection"]).toBe(true);
        expect(COMPONENT_DEFAULTS["workspace.managedNetwork.isolationMode"]).toBe("AllowOnlyApprovedOutbound");
    });
});
