/**
 * The model registry's config: the schema fragment (`$defs/modelRegistry`) and the pure checks
 * (stacks/config-semantics-registry.ts), each problem as `<key path>: <problem> (<fix>)`.
 */
import { configAjv } from "../../stacks/config";
import schema from "../../stacks/schema/platform.schema.json";
import { formatProblem } from "../../stacks/config-errors";
import { modelRegistryProblems, type ModelRegistrySection, type RegistryCheckContext } from "../../stacks/config-semantics-registry";

const CONTEXT: RegistryCheckContext = { cloud: "AzureCloud", location: "westeurope", privateEndpoints: true, teamKeys: ["risk", "pricing"] };
const lines = (section: ModelRegistrySection, context: Partial<RegistryCheckContext> = {}): string[] =>
    modelRegistryProblems(section, "modelRegistry", { ...CONTEXT, ...context }).map(formatProblem);

describe("$defs/modelRegistry", () => {
    const ajv = configAjv();
    ajv.addSchema(schema);
    const validate = ajv.compile({ $ref: `${schema.$id}#/$defs/modelRegistry` });

    it("accepts the documented shape and fills the hardened defaults", () => {
        const value: Record<string, unknown> = { regions: ["westeurope", "northeurope"], consumers: ["risk"] };
        expect(validate(value)).toBe(true);
        expect(value).toMatchObject({ publicNetworkAccess: "Disabled", storageAccountType: "Standard_LRS", storageHierarchicalNamespace: false, acrSku: "Premium" });
    });

    it("refuses unknown keys, values Azure has no name for, and bad team keys", () => {
        for (const bad of [{ replicas: [] }, { acrSku: "Ultra" }, { storageAccountType: "Standard_XRS" }, { regions: [] }, { regions: ["West Europe"] }, { consumers: ["Risk Team"] }]) {
            expect({ bad, valid: validate(bad) }).toEqual({ bad, valid: false });
        }
    });

    it("describes every property", () => {
        const props = (schema.$defs as unknown as Record<string, { properties: Record<string, { description?: string }> }>).modelRegistry.properties;
        expect(Object.entries(props).filter(([, p]) => !p.description).map(([k]) => k)).toEqual([]);
    });
});

describe("modelRegistryProblems", () => {
    it("accepts a sound registry, and the defaults in a private stack", () => {
        expect(lines({ regions: ["westeurope", "northeurope"], consumers: ["risk", "pricing"], storageAccountType: "Standard_ZRS" })).toEqual([]);
        expect(lines({})).toEqual([]);
    });

    it("a name Azure refuses", () => {
        expect(lines({ name: "-models" })).toEqual([
            "aml-workspace:platform.modelRegistry.name: machine learning registry name must be 2-32 letters, digits, underscores and hyphens, starting and ending with a letter or digit; got '-models' (7 chars) (choose a registry name the rule allows; it can never be renamed, since it is part of every asset ID)",
        ]);
    });

    it("regions: not Azure ML regions of the cloud, twice, the primary not first", () => {
        const out = lines({ regions: ["northeurope", "usgovvirginia", "atlantis", "northeurope", "westeurope"] });
        expect(out[0]).toMatch(/^aml-workspace:platform\.modelRegistry\.regions\[1\]: usgovvirginia is an Azure ML region of AzureUSGovernment, not of the stack's cloud AzureCloud \(use one of australiacentral, .*westeurope.*\)$/);
        expect(out.filter((l) => l.includes("regions[2]: atlantis is not an Azure ML region of AzureCloud"))).toHaveLength(1);
        expect(out).toContain("aml-workspace:platform.modelRegistry.regions[3]: northeurope is listed twice (list each region once)");
        expect(out).toContain(
            "aml-workspace:platform.modelRegistry.regions[0]: the first region is the registry's primary and must be the stack's location westeurope; got northeurope (put westeurope first (a registry's primary region can't change after creation))",
        );
        expect(lines({ regions: ["northeurope"] })).toEqual([
            "aml-workspace:platform.modelRegistry.regions[0]: the first region is the registry's primary and must be the stack's location westeurope; got northeurope and westeurope is not listed (put westeurope first (a registry's primary region can't change after creation))",
        ]);
    });

    it("regions of a sovereign cloud are checked against that cloud", () => {
        expect(lines({ regions: ["usgovvirginia", "usgovarizona"] }, { cloud: "AzureUSGovernment", location: "usgovvirginia" })).toEqual([]);
        expect(lines({ regions: ["chinanorth3", "westeurope"] }, { cloud: "AzureChinaCloud", location: "chinanorth3" })[0]).toMatch(
            /^aml-workspace:platform\.modelRegistry\.regions\[1\]: westeurope is an Azure ML region of AzureCloud, not of the stack's cloud AzureChinaCloud \(use one of chinaeast2, chinanorth2, chinanorth3\)$/,
        );
    });

    it("public access off needs private endpoints in the stack", () => {
        expect(lines({}, { privateEndpoints: false })).toEqual([
            "aml-workspace:platform.modelRegistry.publicNetworkAccess: is Disabled (the default), but the stack creates no private endpoints, so no workspace or user could reach the registry (give the stack a private network (network private endpoints), or set publicNetworkAccess: Enabled)",
        ]);
        expect(lines({ publicNetworkAccess: "Enabled" }, { privateEndpoints: false })).toEqual([]);
    });

    it("consumers must be known teams, once each", () => {
        expect(lines({ consumers: ["risk", "fraud", "risk"] })).toEqual([
            "aml-workspace:platform.modelRegistry.consumers[1]: fraud is not a team of this platform (use a key of teams: risk, pricing)",
            "aml-workspace:platform.modelRegistry.consumers[2]: risk is listed twice (list each team once)",
        ]);
        expect(lines({ consumers: ["risk"] }, { teamKeys: [] })).toEqual([
            "aml-workspace:platform.modelRegistry.consumers[0]: risk is not a team of this platform (declare the team under teams, or remove it)",
        ]);
    });

    it("pairings Azure refuses: zone-redundant storage without zones, a non-Premium ACR replicated or private", () => {
        expect(lines({ regions: ["westeurope", "ukwest"], storageAccountType: "Standard_GZRS" })).toEqual([
            "aml-workspace:platform.modelRegistry.storageAccountType: storage account type Standard_GZRS is zone-redundant, but ukwest has no availability zones (use an LRS or GRS storage account type, or regions with availability zones)",
        ]);
        expect(lines({ regions: ["westeurope", "northeurope"], acrSku: "Standard" })).toEqual([
            "aml-workspace:platform.modelRegistry.acrSku: ACR SKU Standard cannot replicate to 2 regions (geo-replication is Premium only) (use acrSku: Premium (the default))",
            "aml-workspace:platform.modelRegistry.acrSku: ACR SKU Standard has no private link, which a registry without public network access needs (Premium only) (use acrSku: Premium (the default))",
        ]);
        expect(lines({ acrSku: "Basic", publicNetworkAccess: "Enabled" })).toEqual([]);
    });
});
