/**
 * Config checks for what ARM refuses, from Azure's documented limits: each
 * problem names the key the user wrote and says how to fix it. Also: schema
 * and semantic problems of one file come together, without a stack trace.
 */
import { problemLines } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const ctx = { project: "aml-workspace", stack: "t" };
const KEY = "aml-workspace:platform";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub";
const VNET = `${SUB}/providers/Microsoft.Network/virtualNetworks/vnet-hub`;

/** The problem lines of a config (empty when valid). */
function lines(raw: unknown, context: typeof ctx & { source?: string } = ctx): string[] {
    return problemLines(raw, context);
}

/** A created network with the given subnets. */
function network(subnets: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { virtualNetwork: { addressSpace: ["10.20.0.0/16"], subnets }, ...extra };
}

describe("refused by ARM: each names the key and the fix", () => {
    it.each<[string, Record<string, unknown>, string]>([
        // Reserved words (ReservedResourceName) in names with a public endpoint.
        ["reserved word inside a storage name", { storage: { name: "stmicrosoftml" } }, `${KEY}.storage.name: name 'stmicrosoftml' contains the reserved word MICROSOFT`],
        ["reserved whole word as a registry name", { containerRegistry: { name: "azure" } }, `${KEY}.containerRegistry.name: name 'azure' is the reserved word AZURE`],
        ["reserved prefix on a key vault", { keyVault: { name: "login-vault" } }, `${KEY}.keyVault.name: name 'login-vault' starts with the reserved word LOGIN`],
        ["reserved word reached through namePrefix", { namePrefix: "windowsml" }, `${KEY}.namePrefix: gives the platform resources an invalid name (derived from namePrefix "windowsml")`],
        // Tags.
        ["storage tag name longer than 128", { tags: { owner: "o", costCenter: "c", ["k".repeat(129)]: "v" } }, `tag name is 129 characters; Microsoft.Storage/storageAccounts accepts at most 128 (shorten the tag name`],
        ["reserved tag prefix", { tags: { owner: "o", costCenter: "c", azureTeam: "x" } }, `${KEY}.tags.azureTeam: tag name starts with 'azure', a prefix Azure reserves`],
        ["tag that duplicates the environment tag", { tags: { owner: "o", costCenter: "c", Environment: "x" } }, `${KEY}.tags.Environment: is the same tag as environment (Azure tag names are case-insensitive), which the toolkit sets from environment (remove it`],
        ["more than 50 tags with the environment tag", { tags: { owner: "o", costCenter: "c", ...Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`t${i}`, "v"])) } }, `${KEY}.tags: gives 51 tags (with the environment tag the toolkit adds); Azure allows at most 50 per resource`],
        // Address space and subnets.
        ["multicast address space", { network: { virtualNetwork: { addressSpace: ["224.0.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "224.0.0.0/24" } } } } }, `${KEY}.network.virtualNetwork.addressSpace[0]: "224.0.0.0/16" includes 224.0.0.0/4 (multicast), which Azure refuses in a virtual network`],
        ["Azure DNS address in the space", { network: { virtualNetwork: { addressSpace: ["168.63.128.0/22"], subnets: { privateEndpoints: { addressPrefix: "168.63.128.0/24" } } } } }, `"168.63.128.0/22" includes 168.63.129.16/32 (Azure's internal DNS and host services)`],
        ["private endpoints subnet too small", { network: network({ privateEndpoints: { addressPrefix: "10.20.0.0/29" } }) }, `${KEY}.network.virtualNetwork.subnets.privateEndpoints.addressPrefix: "10.20.0.0/29" has 3 usable addresses (Azure reserves 5 in every subnet), but the stack places`],
        ["training subnet too small for the cluster", { workspace: { managedNetwork: { isolationMode: "Disabled" } }, network: network({ privateEndpoints: { addressPrefix: "10.20.0.0/24" }, training: { addressPrefix: "10.20.1.0/28" } }), compute: { clusters: { cpu: { vmSize: "Standard_DS3_v2", maxNodes: 20 } } } }, `${KEY}.network.virtualNetwork.subnets.training.addressPrefix: "10.20.1.0/28" has 11 usable addresses (Azure reserves 5 in every subnet), but the stack places 20 in it: cluster cpu (20 nodes) (use a /27 or larger block, or lower maxNodes)`],
        // Delegated subnet.
        ["scoring subnet shared with private endpoints", { network: { virtualNetwork: { existingId: VNET, subnetIds: { privateEndpoints: `${VNET}/subnets/shared`, scoring: `${VNET}/subnets/shared` } } } }, `${KEY}.network.virtualNetwork.subnetIds.scoring: is the same subnet as subnetIds.privateEndpoints; the scoring subnet is delegated to Microsoft.ContainerInstance/containerGroups and can hold nothing else`],
        ["scoring subnet given another subnet's name", { network: network({ privateEndpoints: { addressPrefix: "10.20.0.0/24", name: "snet-shared" }, scoring: { addressPrefix: "10.20.1.0/24", name: "snet-shared" } }) }, `${KEY}.network.virtualNetwork.subnets.scoring.name: "snet-shared" is also the name of the privateEndpoints subnet`],
        // Outbound rules.
        ["service tag port above 65535", { workspace: { managedNetwork: { outboundRules: { web: { type: "ServiceTag", serviceTag: "AzureCloud", protocol: "TCP", portRanges: "443,70000" } } } } }, `${KEY}.workspace.managedNetwork.outboundRules.web.portRanges: "70000" is outside 1-65535 (write a port (443)`],
        ["service tag range reversed", { workspace: { managedNetwork: { outboundRules: { web: { type: "ServiceTag", serviceTag: "AzureCloud", protocol: "TCP", portRanges: "9000-8000" } } } } }, `outboundRules.web.portRanges: "9000-8000" starts above where it ends`],
        ["service tag port zero", { workspace: { managedNetwork: { outboundRules: { web: { type: "ServiceTag", serviceTag: "AzureCloud", protocol: "TCP", portRanges: "0" } } } } }, `outboundRules.web.portRanges: "0" is outside 1-65535`],
        ["sub-resource the target does not offer", { workspace: { managedNetwork: { outboundRules: { data: { type: "PrivateEndpoint", serviceResourceId: `${SUB}/providers/Microsoft.Storage/storageAccounts/stdata`, subresourceTarget: "vault" } } } } }, `${KEY}.workspace.managedNetwork.outboundRules.data.subresourceTarget: "vault" is not a private link sub-resource of Microsoft.Storage/storageAccounts (serviceResourceId), which offers blob`],
        ["sub-resource typo", { workspace: { managedNetwork: { outboundRules: { kv: { type: "PrivateEndpoint", serviceResourceId: `${SUB}/providers/Microsoft.KeyVault/vaults/kv-data`, subresourceTarget: "vaults" } } } } }, `outboundRules.kv.subresourceTarget: "vaults" is not a private link sub-resource of Microsoft.KeyVault/vaults (serviceResourceId), which offers vault (did you mean vault?)`],
        // Compute.
        ["idle shutdown under 15 minutes", { compute: { instances: { nb: { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "PT10M" } } } }, `${KEY}.compute.instances.nb.idleTimeBeforeShutdown: "PT10M" is 10 minutes; Azure ML accepts 15 minutes to 3 days (use a duration from PT15M to P3D`],
        ["idle shutdown over 3 days", { compute: { instances: { nb: { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "P3DT1M" } } } }, `compute.instances.nb.idleTimeBeforeShutdown: "P3DT1M" is 4321 minutes`],
        ["idle shutdown that names no time", { compute: { instances: { nb: { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "PT" } } } }, `${KEY}.compute.instances.nb.idleTimeBeforeShutdown: "PT" names no time (write an ISO 8601 duration from PT15M to P3D`],
        ["VM size that does not exist", { compute: { clusters: { cpu: { vmSize: "Standard_DS3_v3", maxNodes: 2 } } } }, `${KEY}.compute.clusters.cpu.vmSize: "Standard_DS3_v3" is not an Azure VM size that Azure ML compute supports (did you mean Standard_DS3_v2?)`],
        ["instance VM size that does not exist", { compute: { instances: { nb: { vmSize: "Standard_Q4s_v9" } } } }, `${KEY}.compute.instances.nb.vmSize: "Standard_Q4s_v9" is not an Azure VM size`],
        // Nil principal IDs.
        ["nil principal ID of an adopted identity", { workspace: { identity: { existingId: `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml`, existingPrincipalId: "00000000-0000-0000-0000-000000000000" } } }, `${KEY}.workspace.identity.existingPrincipalId: is the nil GUID 00000000-0000-0000-0000-000000000000, which is no Entra object (give the object ID`],
        ["nil user of a compute instance", { compute: { instances: { nb: { vmSize: "Standard_DS3_v2", assignedUserObjectId: "00000000-0000-0000-0000-000000000000" } } } }, `${KEY}.compute.instances.nb.assignedUserObjectId: is the nil GUID`],
    ])("%s", (_label, overrides, expected) => {
        expect(lines(baseConfig(overrides)).join("\n")).toContain(expected);
    });

    it("refuses a link-local address space", () => {
        const found = lines(baseConfig({ network: { virtualNetwork: { addressSpace: ["169.254.0.0/16"], subnets: { privateEndpoints: { addressPrefix: "169.254.0.0/24" } } } } }));
        expect(found).toContain(`${KEY}.network.virtualNetwork.addressSpace[0]: "169.254.0.0/16" includes 169.254.0.0/16 (link-local), which Azure refuses in a virtual network (use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, or 100.64.0.0/10) that avoids it)`);
    });
});

describe("valid at the limits", () => {
    it.each<[string, Record<string, unknown>]>([
        ["a storage tag name of exactly 128 characters", { tags: { owner: "o", costCenter: "c", ["k".repeat(128)]: "v" } }],
        ["a long tag name when storage is adopted", { storage: { existingId: `${SUB}/providers/Microsoft.Storage/storageAccounts/st1` }, tags: { owner: "o", costCenter: "c", ["k".repeat(300)]: "v" } }],
        ["50 tags with the environment tag", { tags: { owner: "o", costCenter: "c", ...Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`t${i}`, "v"])) } }],
        ["a reserved word where Azure allows it (no public endpoint)", { workspace: { name: "mlw-microsoft" } }],
        ["login later in a public name", { keyVault: { name: "kv-login" } }],
        ["idle shutdown of exactly 15 minutes and 3 days", { network: { publicNetworkAccess: "Enabled" }, compute: { instances: { "nb-a": { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "PT15M", assignedUserObjectId: "00000000-0000-0000-0000-00000000b001" }, "nb-b": { vmSize: "Standard_D4ds_v5", idleTimeBeforeShutdown: "P3D", assignToDeployingPrincipal: true } } } }],
        ["a /28 private endpoints subnet for the default endpoints", { network: network({ privateEndpoints: { addressPrefix: "10.20.0.0/28" } }) }],
        ["port lists, ranges and *", { workspace: { managedNetwork: { outboundRules: { a: { type: "ServiceTag", serviceTag: "AzureCloud", protocol: "TCP", portRanges: "80,443,8080-8089" }, b: { type: "ServiceTag", serviceTag: "Storage", protocol: "*", portRanges: "*" } } } } }],
        ["a sub-resource of a type the table does not know", { workspace: { managedNetwork: { outboundRules: { x: { type: "PrivateEndpoint", serviceResourceId: `${SUB}/providers/Contoso.Widgets/widgets/w1`, subresourceTarget: "widget" } } } } }],
        ["a secondary storage sub-resource", { workspace: { managedNetwork: { outboundRules: { x: { type: "PrivateEndpoint", serviceResourceId: `${SUB}/providers/Microsoft.Storage/storageAccounts/st2`, subresourceTarget: "blob_secondary" } } } } }],
    ])("%s", (_label, overrides) => {
        expect(lines(baseConfig(overrides))).toEqual([]);
    });
});

describe("one run reports every problem of the file", () => {
    it("reports schema and semantic problems together", () => {
        const found = lines(baseConfig({ storage: { sku: "Premium_LRS", name: "stmicrosoft" }, compute: { clusters: { cpu: { vmSize: "Standard_DS3_v3", maxNodes: 2 } } } }));
        expect(found).toEqual(
            expect.arrayContaining([
                expect.stringContaining(`${KEY}.storage.sku: must be one of`),
                expect.stringContaining(`${KEY}.storage.name: name 'stmicrosoft' contains the reserved word MICROSOFT`),
                expect.stringContaining(`${KEY}.compute.clusters.cpu.vmSize: "Standard_DS3_v3" is not an Azure VM size`),
            ]),
        );
    });

    it("skips a check whose input is schema-invalid instead of crashing or guessing", () => {
        // publicNetworkAccess is invalid: the reachability check reads it, so it must not answer
        // about the default (Disabled) the user did not write.
        const found = lines(baseConfig({ network: { publicNetworkAccess: "enabled", privateEndpoints: false }, compute: { clusters: "cpu" } }));
        expect(found.some((l) => l.includes("publicNetworkAccess: must be one of"))).toBe(true);
        expect(found.some((l) => l.includes("compute.clusters: must be an object"))).toBe(true);
        expect(found.some((l) => l.includes("no private endpoint reaches it"))).toBe(false);
    });

    it("reports each problem once", () => {
        const found = lines(baseConfig({ tags: { owner: "o", costCenter: "c", "a/b": "x" } }));
        expect(found).toEqual([`${KEY}.tags.a/b: tag name contains '/', which Azure refuses in tag names (rename the tag without < > % & \\ ? /)`]);
    });

    it("a config that is not an object is one schema problem, no crash", () => {
        expect(lines("westeurope")).toEqual([expect.stringContaining(`${KEY}: must be an object`)]);
    });
});

describe("CLI contracts of config messages", () => {
    it("suggests the ARM name for a misspelt display name", () => {
        expect(lines(baseConfig({ location: "West Europa" })).join("\n")).toContain(`${KEY}.location: "West Europa" is not a region where Azure Machine Learning is offered in AzureCloud (did you mean westeurope?`);
    });

    it("suggests the ARM name and the cloud for a display name of another cloud's region", () => {
        expect(lines(baseConfig({ location: "US Gov Virginia" })).join("\n")).toContain("(did you mean usgovvirginia? It is a region of AzureUSGovernment: also set cloud: AzureUSGovernment)");
    });

    it("explains port ranges in plain words when the schema refuses their format", () => {
        const found = lines(baseConfig({ workspace: { managedNetwork: { outboundRules: { web: { type: "ServiceTag", serviceTag: "AzureCloud", protocol: "TCP", portRanges: "80, 443" } } } } })).join("\n");
        expect(found).toContain(`${KEY}.workspace.managedNetwork.outboundRules.web.portRanges: string "80, 443" has an invalid format (Ports the rule allows: a port (443), a range (8080-8089), a comma list of them without spaces`);
    });

    it("shows the expected shape of an ID in plain words, not a regex", () => {
        const found = lines(baseConfig({ keyVault: { existingId: "kv-central" } })).join("\n");
        expect(found).toContain(`${KEY}.keyVault.existingId: string "kv-central" is not an Azure resource ID (write the full ID, /subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>`);
        expect(found).not.toContain("^/subscriptions");
    });

    it("names the file the config was read from when it is missing", () => {
        expect(lines(undefined, { ...ctx, source: "envs/Pulumi.t.yaml" })).toEqual([`${KEY}: is missing (add a ${KEY} object to envs/Pulumi.t.yaml (see README, "Configuration"))`]);
        expect(lines(undefined)[0]).toContain("stacks/Pulumi.t.yaml");
    });
});
