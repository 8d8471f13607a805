/**
 * Where a SARIF result lands in the stack file: the key the finding names,
 * else the section its resource is named after, else the platform key.
 */
import { parseStackText } from "../../offline/stack-file";
import { stackFileLocator } from "../../offline/report-locations";

const TEXT = `config:
  azure-native:location: westeurope
  aml-workspace:platform:
    environment: dev
    network:
      publicNetworkAccess: Enabled
    storage:
      sku: Standard_LRS
    keyVault:
      softDeleteRetentionInDays: 7
`;
const locate = stackFileLocator(parseStackText(TEXT, "Pulumi.t.yaml").keys);
const URN = (name: string): string => `urn:pulumi:t::aml-workspace::azure-native:x:Y::${name}`;
const lineOf = (urn: string | undefined, message: string): number | undefined => locate({ urn, policyName: "p", message })?.line;

describe("stackFileLocator", () => {
    it("a setting named in the finding, inside the resource's section", () => {
        expect(lineOf(URN("platform-ml-storage-account"), "Storage must be GZRS.\nsku.name is Standard_LRS; set Standard_GZRS")).toBe(8);
    });

    it("a setting named in the finding that only one section has", () => {
        expect(lineOf(URN("platform-ml-keyvault-vault"), "Vaults private.\nproperties.publicNetworkAccess is Enabled; set it to Disabled")).toBe(6);
    });

    it("the resource's section when the finding names no setting of the file", () => {
        expect(lineOf(URN("platform-ml-keyvault-vault"), "Protected.\nplatform-ml-keyvault-vault is not protected")).toBe(9);
    });

    it("the platform key when nothing narrower matches, with its column", () => {
        expect(locate({ urn: URN("platform-ml-workspace"), policyName: "p", message: "x\nfriendlyName is empty" })).toEqual({ line: 3, column: 3 });
        expect(lineOf(undefined, "stack-wide")).toBe(3);
    });

    it("nothing when the file has no platform key", () => {
        expect(stackFileLocator(parseStackText("config:\n  a: b\n", "f").keys)({ policyName: "p", message: "m" })).toBeUndefined();
    });
});
