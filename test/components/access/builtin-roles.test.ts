/**
 * The built-in role table (components/access/builtin-roles.ts), the short-key table derived from
 * it, close-match suggestions, and role resolution. Pure: no mocks.
 */
import { ACCESS_ADMIN_ROLES, BUILTIN_ROLE_IDS, BUILTIN_ROLE_NAMES, builtinRoleNameOf, isBuiltinRoleName } from "../../../components/access/builtin-roles";
import { resolveRole } from "../../../components/access/role-resolution";
import { BUILTIN_ROLES } from "../../../components/access/roles";
import { closeMatches, closest, editDistance, suggestions } from "../../../components/text-match";
import { PRIVILEGED_ROLES } from "../../../policies/rules/authorization";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the built-in role table", () => {
    it("holds a well-formed lower-case GUID for every role, each GUID once", () => {
        const bad = Object.entries(BUILTIN_ROLE_IDS).filter(([, id]) => !GUID.test(id));
        expect(bad).toEqual([]);
        const ids = Object.values(BUILTIN_ROLE_IDS);
        expect(new Set(ids).size).toBe(ids.length);
    });

    it("spells each name once, ignoring case, with no stray spaces", () => {
        const lower = BUILTIN_ROLE_NAMES.map((n) => n.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        expect(BUILTIN_ROLE_NAMES.filter((n) => n !== n.trim() || /\s{2}/.test(n))).toEqual([]);
    });

    it("has the GUIDs the 'Azure built-in roles' page lists (checked 2026-12-02)", () => {
        expect(BUILTIN_ROLE_IDS).toMatchObject({
            Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
            Reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
            "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
            "Role Based Access Control Administrator": "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
            "AzureML Data Scientist": "f6c7c914-8db3-469d-8ca1-694a8f32e121",
            "AzureML Compute Operator": "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
            "AzureML Metrics Writer (preview)": "635dd51f-9968-44d3-b7fb-6d9a6bd613ae",
            "AzureML Registry User": "1823dd4f-9b8c-4ab6-ab4e-7397a3684615",
            "Azure AI Developer": "64702f94-c441-49e6-a78b-ef80e0188fee",
            "Azure AI Administrator": "b78c5d69-af96-48a3-bf8d-a8b4d589de94",
            "Azure AI Inference Deployment Operator": "3afb7f49-54cb-416e-8c09-6dc049efa503",
            AcrPull: "7f951dda-4ed3-4680-a7ca-43fe172d538d",
            "Key Vault Crypto Service Encryption User": "e147488a-f6f5-4113-8e2d-b22465e65bf6",
        });
    });

    it("lists every AzureML and Azure AI role of the AI + machine learning category", () => {
        expect(BUILTIN_ROLE_NAMES.filter((n) => /^(AzureML|Azure AI) /.test(n)).sort()).toEqual([
            "Azure AI Administrator",
            "Azure AI Developer",
            "Azure AI Enterprise Network Connection Approver",
            "Azure AI Inference Deployment Operator",
            "AzureML Compute Operator",
            "AzureML Data Scientist",
            "AzureML Metrics Writer (preview)",
            "AzureML Registry User",
        ]);
    });

    it("is the only place a built-in GUID is written: the short-key table and the policy pack agree with it", () => {
        const values = new Set<string>(Object.values(BUILTIN_ROLE_IDS));
        expect(Object.entries(BUILTIN_ROLES).filter(([, id]) => !values.has(id))).toEqual([]);
        expect(BUILTIN_ROLES.azureMlDataScientist).toBe(BUILTIN_ROLE_IDS["AzureML Data Scientist"]);
        for (const [guid, name] of Object.entries(PRIVILEGED_ROLES)) expect({ name, guid: BUILTIN_ROLE_IDS[name as keyof typeof BUILTIN_ROLE_IDS] }).toEqual({ name, guid });
    });

    it("marks the roles that can assign roles to others", () => {
        expect([...ACCESS_ADMIN_ROLES].sort()).toEqual(["Owner", "Role Based Access Control Administrator", "User Access Administrator"]);
    });

    it("looks names up exactly and GUIDs up in any case", () => {
        expect(isBuiltinRoleName("Reader")).toBe(true);
        expect(isBuiltinRoleName("reader")).toBe(false);
        expect(isBuiltinRoleName("toString")).toBe(false);
        expect(builtinRoleNameOf("F6C7C914-8DB3-469D-8CA1-694A8F32E121")).toBe("AzureML Data Scientist");
        expect(builtinRoleNameOf("00000000-0000-0000-0000-000000000000")).toBeUndefined();
    });
});

describe("close matches", () => {
    it("measures edits ignoring case", () => {
        expect(editDistance("Reader", "reader")).toBe(0);
        expect(editDistance("kitten", "sitting")).toBe(3);
    });

    it("ranks typos nearest first and drops what is too far", () => {
        expect(closeMatches("westeurpe", ["westus", "westeurope", "northeurope"])).toEqual(["westeurope"]);
        expect(closeMatches("Owner", ["Ownerr", "Owner1x", "Owner"])).toEqual(["Owner", "Ownerr", "Owner1x"]);
        expect(closeMatches("Redaer", ["Reader", "Owner"])).toEqual(["Reader"]);
        expect(closest("zzz", ["Reader", "Owner"])).toBeUndefined();
        expect(closest("storage.skuu", ["storage.sku", "storage.kind"])).toBe("storage.sku");
    });

    it("suggests names that contain a partial name", () => {
        expect(suggestions("Data Scientist", BUILTIN_ROLE_NAMES)).toContain("AzureML Data Scientist");
        // Containment needs at least three letters, so a short word is not matched inside long names.
        expect(suggestions("ab", ["xxxxxxabxxxxxx"])).toEqual([]);
        expect(suggestions("Scientist", ["Scientist Helper", "Reader"])).toEqual(["Scientist Helper"]);
    });
});

describe("role resolution", () => {
    it("resolves a built-in display name to its GUID", () => {
        expect(resolveRole("AzureML Data Scientist", [])).toEqual({ kind: "builtin", name: "AzureML Data Scientist", roleGuid: "f6c7c914-8db3-469d-8ca1-694a8f32e121" });
    });

    it("resolves a custom role key", () => {
        expect(resolveRole("model-publisher", ["model-publisher"])).toEqual({ kind: "custom", key: "model-publisher" });
    });

    it("refuses a misspelt built-in name and names the close matches", () => {
        const r = resolveRole("AzureML Data Scientists", []);
        expect(r.kind).toBe("unknown");
        if (r.kind !== "unknown") return;
        expect(r.matches[0]).toBe("AzureML Data Scientist");
        expect(r.fix).toContain('did you mean "AzureML Data Scientist"');
    });

    it("suggests the right case for a name written in the wrong case", () => {
        const r = resolveRole("azureml compute operator", []);
        expect(r.kind === "unknown" && r.matches[0]).toBe("AzureML Compute Operator");
    });

    it("offers custom role keys among the matches", () => {
        const r = resolveRole("model-publsher", ["model-publisher"]);
        expect(r.kind === "unknown" && r.matches).toEqual(["model-publisher"]);
    });

    it("points to the table when nothing is close", () => {
        const r = resolveRole("Quantum Wizard", []);
        expect(r.kind === "unknown" && r.matches).toEqual([]);
        expect(r.kind === "unknown" && r.fix).toContain("components/access/builtin-roles.ts");
    });
});
