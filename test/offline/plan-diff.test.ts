/**
 * The plan as a diff (offline/plan-diff.ts, replace-properties.ts, dangerous-changes.ts,
 * diff-report.ts, plan-against.ts) on small hand-built stacks, and the stack exporter's round
 * trip through the checkpoint reader. No engine run: fast.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CheckpointError, parseCheckpoint } from "../../offline/checkpoint";
import { renderStackExport, toStackExport } from "../../offline/checkpoint-export";
import type { CliIo } from "../../offline/cli-io";
import { DANGER_RULE_IDS, findDangerousChanges } from "../../offline/dangerous-changes";
import { diffJson, renderDiff } from "../../offline/diff-report";
import { isSecret, secret, UNKNOWN, type CapturedResource, type CapturedStack } from "../../offline/graph";
import { compareAgainst, loadAgainst } from "../../offline/plan-against";
import { main } from "../../offline/plan-cli";
import { countActions, diffStacks, type ResourceChange } from "../../offline/plan-diff";
import { withProviderDigest } from "../../offline/provider-digest";
import { pathParameters, replaceReason } from "../../offline/replace-properties";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aml-prod";

function res(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<CapturedResource> = {}): CapturedResource {
    return { type, name, urn: `urn:pulumi:prod::aml-workspace::${type}::${name}`, custom: true, inputs, dependencies: [], propertyDependencies: {}, protect: false, ...extra };
}
const stack = (resources: CapturedResource[], name = "prod"): CapturedStack => ({ project: "aml-workspace", stack: name, preview: false, resources });
const change = (d: { changes: ResourceChange[] }, name: string): ResourceChange => {
    const c = d.changes.find((x) => x.name === name);
    if (!c) throw new Error(`no change for ${name}`);
    return c;
};

const VAULT = "azure-native:keyvault:Vault";
const WS = "azure-native:machinelearningservices:Workspace";
const SUBNET = "azure-native:network:Subnet";
const PE = "azure-native:network:PrivateEndpoint";
const SA = "azure-native:storage:StorageAccount";
const LOCK = "azure-native:authorization:ManagementLockByScope";

describe("replace-on-change table", () => {
    it("derives the path parameters of a type from its ARM placement", () => {
        expect(pathParameters(VAULT).sort()).toEqual(["resourceGroupName", "vaultName"]);
        expect(pathParameters("azure-native:keyvault:Key").sort()).toEqual(["keyName", "resourceGroupName", "vaultName"]);
        expect(pathParameters(SUBNET).sort()).toEqual(["resourceGroupName", "subnetName", "virtualNetworkName"]);
        expect(pathParameters("azure-native:machinelearningservices:OnlineDeployment").sort()).toEqual(["deploymentName", "endpointName", "resourceGroupName", "workspaceName"]);
        expect(pathParameters("azure-native:monitor:DiagnosticSetting").sort()).toEqual(["name", "resourceUri"]);
        expect(pathParameters("azure-native:resources:ResourceGroup")).toEqual(["resourceGroupName"]);
    });

    it("names the forcing property: a path parameter, a ForceNew property or one below it; never an ordinary input", () => {
        expect(replaceReason(VAULT, "vaultName")).toEqual({ property: "vaultName", kind: "path-parameter" });
        expect(replaceReason(SA, "isHnsEnabled")).toEqual({ property: "isHnsEnabled", kind: "force-new" });
        expect(replaceReason(PE, "subnet.id")).toEqual({ property: "subnet", kind: "force-new" });
        expect(replaceReason("azure-native:containerservice:ManagedCluster", "networkProfile.podCidr")?.property).toBe("networkProfile.podCidr");
        expect(replaceReason("azure-native:containerservice:ManagedCluster", "networkProfile.loadBalancerProfile.x")).toBeUndefined();
        expect(replaceReason(VAULT, "tags.owner")).toBeUndefined();
        expect(replaceReason(VAULT, "location")).toBeUndefined();
    });
});

describe("diffStacks", () => {
    const deployed = stack([
        res(VAULT, "kv", { vaultName: "kv-a", resourceGroupName: "rg", location: "westeurope", tags: { owner: "a", costCenter: "CC-1" } }),
        res(SA, "sa", { accountName: "sta", resourceGroupName: "rg", location: "westeurope", isHnsEnabled: true, tags: { costCenter: "CC-1" } }),
        res(PE, "pe", { privateEndpointName: "pe", resourceGroupName: "rg", subnet: { id: `${SUB}/x/subnets/a` }, ipConfigurations: [{ name: "a" }, { name: "b" }] }),
        res("azure-native:network:NetworkSecurityGroup", "nsg", { networkSecurityGroupName: "nsg", resourceGroupName: "rg", location: "West Europe" }),
        res("azure-native:managedidentity:UserAssignedIdentity", "old", { resourceName: "id-old", resourceGroupName: "rg" }),
        res("azure-native:managedidentity:UserAssignedIdentity", "renamed", { resourceName: "id-r", resourceGroupName: "rg" }),
    ]);
    const planned = stack([
        res(VAULT, "kv", { vaultName: "kv-b", resourceGroupName: "rg", location: "westeurope", tags: { owner: "a", costCenter: "CC-2" } }),
        // isHnsEnabled removed: a removed ForceNew property does not replace (azure-native PR #4785).
        res(SA, "sa", { accountName: "sta", resourceGroupName: "rg", location: "westeurope", tags: { costCenter: "CC-1", added: "x" } }),
        res(PE, "pe", { privateEndpointName: "pe", resourceGroupName: "rg", subnet: { id: `${SUB}/x/subnets/b` }, ipConfigurations: [{ name: "a" }] }),
        // "West Europe" and "westeurope" are the same location to the provider.
        res("azure-native:network:NetworkSecurityGroup", "nsg", { networkSecurityGroupName: "nsg", resourceGroupName: "rg", location: "westeurope" }),
        res("azure-native:managedidentity:UserAssignedIdentity", "new", { resourceName: "id-new", resourceGroupName: "rg" }),
        {
            ...res("azure-native:managedidentity:UserAssignedIdentity", "renamed-now", { resourceName: "id-r", resourceGroupName: "rg" }),
            aliases: ["urn:pulumi:prod::aml-workspace::azure-native:managedidentity:UserAssignedIdentity::renamed"],
        },
    ]);
    const d = diffStacks(planned, deployed);

    it("classifies every resource: create, update, replace, delete, same (an alias matches the old URN)", () => {
        expect(Object.fromEntries(d.changes.map((c) => [c.name, c.action]))).toEqual({ kv: "replace", sa: "update", pe: "replace", nsg: "same", new: "create", "renamed-now": "same", old: "delete" });
        expect(change(d, "renamed-now").oldUrn).toMatch(/::renamed$/);
        expect(countActions(d)).toEqual({ create: 1, update: 1, replace: 2, delete: 1, same: 2 });
    });

    it("lists the changed input paths (dotted, with array indexes) and what forces each replacement", () => {
        expect(change(d, "kv").paths).toEqual([
            { path: "tags.costCenter", kind: "changed" },
            { path: "vaultName", kind: "changed", replaceBy: "vaultName" },
        ]);
        expect(change(d, "kv").replaceBy).toEqual(["vaultName"]);
        expect(change(d, "sa").paths).toEqual([
            { path: "isHnsEnabled", kind: "removed" },
            { path: "tags.added", kind: "added" },
        ]);
        expect(change(d, "pe").paths).toEqual([
            { path: "ipConfigurations[1]", kind: "removed" },
            { path: "subnet.id", kind: "changed", replaceBy: "subnet" },
        ]);
    });

    it("treats a computed (unknown) planned input as an update known only after deploy, not as same", () => {
        const u = diffStacks(stack([res(VAULT, "kv", { vaultName: "kv-a", tenantId: UNKNOWN })]), stack([res(VAULT, "kv", { vaultName: "kv-a", tenantId: "t" })]));
        expect(u.changes[0]).toMatchObject({ action: "update", paths: [{ path: "tenantId", kind: "unknown" }] });
        const r = diffStacks(stack([res(VAULT, "kv", { vaultName: UNKNOWN })]), stack([res(VAULT, "kv", { vaultName: "kv-a" })]));
        expect(r.changes[0]).toMatchObject({ action: "replace", replaceBy: ["vaultName"] });
    });

    it("honours ignoreChanges and the replaceOnChanges resource option", () => {
        const old = stack([res(VAULT, "kv", { vaultName: "kv", tags: { a: "1" }, sku: { name: "standard" } })]);
        const ignoredTags = diffStacks(stack([res(VAULT, "kv", { vaultName: "kv", tags: { a: "2" }, sku: { name: "standard" } }, { ignoreChanges: ["tags"] })]), old);
        expect(ignoredTags.changes[0].action).toBe("same");
        const forced = diffStacks(stack([res(VAULT, "kv", { vaultName: "kv", tags: { a: "1" }, sku: { name: "premium" } }, { replaceOnChanges: ["sku"] })]), old);
        expect(forced.changes[0]).toMatchObject({ action: "replace", replaceBy: ["sku"] });
    });

    it("compares a dynamic provider's serialized code (full in a checkpoint) by the capture's digest", () => {
        const code = "exports.handler = function () { return 1; };".repeat(20);
        const dyn = (provider: string) => res("pulumi-nodejs:dynamic:Resource", "upload", { __provider: provider, path: "a" });
        expect(diffStacks(stack([dyn(withProviderDigest({ __provider: code }).__provider as string)]), stack([dyn(code)])).changes[0].action).toBe("same");
        expect(diffStacks(stack([dyn(withProviderDigest({ __provider: `${code}//v2` }).__provider as string)]), stack([dyn(code)])).changes[0].paths).toEqual([{ path: "__provider", kind: "changed" }]);
    });

    it("leaves the stack resource and default providers out", () => {
        const withRoot = stack([{ ...res("pulumi:pulumi:Stack", "aml-workspace-prod", {}), custom: false }, res("pulumi:providers:azure-native", "default_3_28_0", {})]);
        expect(diffStacks(stack([]), withRoot).changes).toEqual([]);
    });
});

describe("inputs that come from other resources", () => {
    const SIM = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
    const REAL = "/subscriptions/12345678-aaaa-bbbb-cccc-1234567890ab/resourceGroups/rg";
    const UAI = "azure-native:managedidentity:UserAssignedIdentity";
    const RA = "azure-native:authorization:RoleAssignment";
    const identity = res(UAI, "uai", { resourceName: "id", resourceGroupName: "rg" });
    const grant = (principalId: unknown, scope: unknown) =>
        res(RA, "ra", { roleAssignmentName: "0f0e0d0c-0000-4000-8000-000000000001", principalId, scope, roleDefinitionId: `${SIM.split("/resourceGroups")[0]}/providers/Microsoft.Authorization/roleDefinitions/r` }, { propertyDependencies: { principalId: [identity.urn], scope: [identity.urn] } });
    const deployed = stack([
        { ...identity, outputs: { id: `${REAL}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`, principalId: "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa" } },
        res(RA, "ra", { roleAssignmentName: "0f0e0d0c-0000-4000-8000-000000000001", principalId: "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa", scope: `${REAL}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`, roleDefinitionId: `${REAL.split("/resourceGroups")[0]}/providers/Microsoft.Authorization/roleDefinitions/r` }),
    ]);
    const simOutputs = new Map([[identity.urn, { id: `${SIM}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`, outputs: { principalId: "bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb" } }]]);
    const subscription = { planned: "00000000-0000-0000-0000-000000000000", deployed: "12345678-aaaa-bbbb-cccc-1234567890ab" };

    it("a simulated output (ID, principal ID) and the simulated subscription read as the deployed ones", () => {
        const planned = stack([identity, grant("bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb", `${SIM}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`)]);
        expect(diffStacks(planned, deployed, { plannedOutputs: simOutputs, subscription }).changes.map((c) => c.action)).toEqual(["same", "same"]);
        // Without them the placeholders differ: principalId and scope force a replacement.
        expect(change(diffStacks(planned, deployed), "ra")).toMatchObject({ action: "replace", replaceBy: ["principalId", "scope"] });
    });

    it("an output that echoes an input naming a replaced resource does not make that resource's new ID read as its old one", () => {
        // The vault is renamed (replaced); a private endpoint to it is visited before the workspace
        // and echoes the new vault ID in its outputs. The workspace's keyVault still changes.
        const vaultId = (n: string) => `${SIM}/providers/Microsoft.KeyVault/vaults/${n}`;
        const oldVault = res(VAULT, "kv", { vaultName: "kv-old", resourceGroupName: "rg" });
        const newVault = res(VAULT, "kv", { vaultName: "kv-new", resourceGroupName: "rg" });
        const pe = (target: string) => res(PE, "pe", { privateEndpointName: "pe", resourceGroupName: "rg", privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: target }] });
        const ws = (kv: string) => res(WS, "ws", { workspaceName: "ws", resourceGroupName: "rg", keyVault: kv });
        const deployedStack = stack([oldVault, { ...pe(vaultId("kv-old")), outputs: { privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: vaultId("kv-old") }] } }, ws(vaultId("kv-old"))]);
        const plannedStack = stack([newVault, pe(vaultId("kv-new")), ws(vaultId("kv-new"))]);
        const outputs = new Map([[plannedStack.resources[1].urn, { id: `${SIM}/providers/Microsoft.Network/privateEndpoints/pe`, outputs: { privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: vaultId("kv-new") }] } }]]);
        const d = diffStacks(plannedStack, deployedStack, { plannedOutputs: outputs });
        expect(change(d, "kv")).toMatchObject({ action: "replace", replaceBy: ["vaultName"] });
        expect(change(d, "ws").paths).toContainEqual({ path: "keyVault", kind: "changed" });
    });

    it("at preview, an unknown input from resources that keep their identity resolves to the deployed value; from a replaced one it stays unknown", () => {
        const planned = stack([identity, grant(UNKNOWN, UNKNOWN)]);
        expect(diffStacks(planned, deployed, { subscription }).changes.map((c) => c.action)).toEqual(["same", "same"]);
        const renamed = stack([{ ...identity, inputs: { ...identity.inputs, resourceName: "id2" } }, grant(UNKNOWN, UNKNOWN)]);
        expect(change(diffStacks(renamed, deployed, { subscription }), "ra")).toMatchObject({ action: "replace", replaceBy: ["principalId", "scope"] });
    });
});

describe("secrets", () => {
    const PLAINTEXT = "s3cr3t-Value-0042";
    const planned = stack([res("azure-native:containerinstance:ContainerGroup", "cg", { containerGroupName: "cg", password: secret(PLAINTEXT), env: secret({ token: PLAINTEXT }) })]);

    it("an encrypted export value vs a planned secret: 'secret may change', never the value", () => {
        const d = diffStacks(planned, stack([res("azure-native:containerinstance:ContainerGroup", "cg", { containerGroupName: "cg", password: secret(UNKNOWN), env: secret(UNKNOWN) })]));
        expect(d.changes[0]).toMatchObject({ action: "update", paths: [{ path: "env", kind: "secret-may-change" }, { path: "password", kind: "secret-may-change" }] });
        const text = renderDiff(d, [], "export.json");
        expect(text).toContain("password (secret may change)");
        expect(text).not.toContain(PLAINTEXT);
        expect(JSON.stringify(diffJson(d, [], { file: "e", project: "p", stack: "s" }))).not.toContain(PLAINTEXT);
    });

    it("plaintext on both sides (an export with --show-secrets): equal is same, different is 'secret changes' without values", () => {
        expect(diffStacks(planned, planned).changes[0].action).toBe("same");
        const other = stack([res("azure-native:containerinstance:ContainerGroup", "cg", { containerGroupName: "cg", password: secret("old-Value-77"), env: secret({ token: PLAINTEXT }) })]);
        const d = diffStacks(planned, other);
        expect(d.changes[0].paths).toEqual([{ path: "password", kind: "secret-changed" }]);
        const text = renderDiff(d, [], "export.json");
        expect(text).not.toMatch(/s3cr3t|old-Value-77/);
    });
});

describe("dangerous changes", () => {
    const rules = (planned: CapturedResource[], deployed: CapturedResource[], allow: string[] = []) => {
        const dep = stack(deployed);
        return findDangerousChanges(diffStacks(stack(planned), dep), dep, allow);
    };
    const ids = (f: { rule: string; name: string }[]) => f.map((x) => `${x.rule}:${x.name}`);

    it("soft-deleted-name-replace: a key vault or workspace replaced, not one updated", () => {
        expect(ids(rules([res(VAULT, "kv", { vaultName: "kv-b" })], [res(VAULT, "kv", { vaultName: "kv-a" })]))).toEqual(["soft-deleted-name-replace:kv"]);
        expect(ids(rules([res(WS, "ws", { workspaceName: "w", resourceGroupName: "rg2" })], [res(WS, "ws", { workspaceName: "w", resourceGroupName: "rg" })]))).toEqual(["soft-deleted-name-replace:ws"]);
        expect(rules([res(VAULT, "kv", { vaultName: "kv-a", tags: { a: "2" } })], [res(VAULT, "kv", { vaultName: "kv-a", tags: { a: "1" } })])).toEqual([]);
        // A storage account is not soft-deleted by name (its replacement is data-holding-replace's).
        expect(ids(rules([res(SA, "sa", { accountName: "b" })], [res(SA, "sa", { accountName: "a" })]))).toEqual(["data-holding-replace:sa"]);
    });

    it("isolation-mode-disable: an enabled managed network turned off; switching between enabled modes is fine", () => {
        const ws = (mode: string) => res(WS, "ws", { workspaceName: "w", managedNetwork: { isolationMode: mode } });
        expect(ids(rules([ws("Disabled")], [ws("AllowOnlyApprovedOutbound")]))).toEqual(["isolation-mode-disable:ws"]);
        expect(ids(rules([res(WS, "ws", { workspaceName: "w" })], [ws("AllowInternetOutbound")]))).toEqual(["isolation-mode-disable:ws"]);
        expect(rules([ws("AllowInternetOutbound")], [ws("AllowOnlyApprovedOutbound")])).toEqual([]);
        expect(rules([ws("AllowOnlyApprovedOutbound")], [ws("Disabled")])).toEqual([]);
    });

    it("cmk-change: CMK added, removed or moved to another vault; a new key in the same vault is fine", () => {
        const ws = (vault?: string, key = "k1") => res(WS, "ws", { workspaceName: "w", ...(vault ? { encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId: vault, keyIdentifier: `https://${key}` } } } : {}) });
        const v1 = `${SUB}/providers/Microsoft.KeyVault/vaults/kv-a`;
        expect(ids(rules([ws(`${SUB}/providers/Microsoft.KeyVault/vaults/kv-b`)], [ws(v1)]))).toEqual(["cmk-change:ws"]);
        expect(ids(rules([ws()], [ws(v1)]))).toEqual(["cmk-change:ws"]);
        expect(ids(rules([ws(v1)], [ws()]))).toEqual(["cmk-change:ws"]);
        expect(rules([ws(v1, "k2")], [ws(v1, "k1")])).toEqual([]);
    });

    it("workspace-associated-resource-change: a deployed workspace's key vault or storage account changes", () => {
        const ws = (kv: string) => res(WS, "ws", { workspaceName: "w", keyVault: kv, friendlyName: "x" });
        expect(ids(rules([ws("/kv-b")], [ws("/kv-a")]))).toEqual(["workspace-associated-resource-change:ws"]);
        expect(rules([{ ...ws("/kv-a"), inputs: { ...ws("/kv-a").inputs, friendlyName: "y" } }], [ws("/kv-a")])).toEqual([]);
    });

    it("subnet-in-use-change: the range of a subnet holding a private endpoint or a delegation changes; an empty subnet may change", () => {
        const subnetId = `${SUB}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;
        const subnet = (prefix: string, extra: Record<string, unknown> = {}) => ({
            ...res(SUBNET, "snet", { subnetName: "pe", virtualNetworkName: "vnet", resourceGroupName: "rg", addressPrefix: prefix, ...extra }),
            outputs: { id: subnetId },
        });
        const pe = res(PE, "pe", { privateEndpointName: "pe", subnet: { id: subnetId } });
        const shrink = rules([subnet("10.0.0.0/25"), pe], [subnet("10.0.0.0/24"), pe]);
        expect(ids(shrink)).toEqual(["subnet-in-use-change:snet"]);
        expect(shrink[0].message).toMatch(/10\.0\.0\.0\/24 → 10\.0\.0\.0\/25 shrinks or moves it while it holds 1 resource\(s\): pe/);
        expect(ids(rules([subnet("10.0.1.0/24", { delegations: [{ name: "aci" }] })], [subnet("10.0.0.0/24", { delegations: [{ name: "aci" }] })]))).toEqual(["subnet-in-use-change:snet"]);
        expect(rules([subnet("10.0.0.0/25")], [subnet("10.0.0.0/24")])).toEqual([]);
        expect(rules([subnet("10.0.0.0/24", { defaultOutboundAccess: false }), pe], [subnet("10.0.0.0/24"), pe])).toEqual([]);
    });

    it("resource-group-replace: a resource group holding resources replaced or deleted; an empty one is fine", () => {
        const rg = (location: string) => res("azure-native:resources:ResourceGroup", "rg", { resourceGroupName: "rg-a", location });
        const inside = res(SA, "sa", { accountName: "a", resourceGroupName: "rg-a" });
        const f = rules([rg("northeurope"), inside], [rg("westeurope"), inside]);
        expect(ids(f)).toEqual(["resource-group-replace:rg"]);
        expect(f[0].message).toMatch(/replaced \(forced by location\): Azure deletes the 1 resource\(s\)/);
        expect(ids(rules([inside], [rg("westeurope"), inside]))).toEqual(["resource-group-replace:rg"]);
        expect(rules([rg("northeurope")], [rg("westeurope")])).toEqual([]);
    });

    it("an old copy the export holds for deletion (a half-failed replace) is a delete the next update makes: listed, and checked like any delete", () => {
        const live = { urn: res(SA, "sa", {}).urn, type: SA, custom: true, inputs: { accountName: "a" }, protect: true };
        const text = JSON.stringify({ version: 3, deployment: { manifest: {}, resources: [live, { ...live, inputs: { accountName: "a" }, delete: true }] } });
        const deployed = parseCheckpoint(text, "export.json");
        // Policies (the audit) see the live copy only.
        expect(deployed.resources).toHaveLength(1);
        const d = diffStacks(stack([res(SA, "sa", { accountName: "a" }, { protect: true })]), deployed);
        expect(d.changes.map((c) => [c.action, c.pendingDelete ?? false])).toEqual([["same", false], ["delete", true]]);
        expect(findDangerousChanges(d, deployed, []).map((f) => f.rule)).toEqual(["protected-delete"]);
        expect(renderDiff(d, [], "export.json")).toMatch(/- +azure-native:storage:StorageAccount {2}sa \(old copy pending deletion\)/);
        expect((diffJson(d, [], { file: "export.json", project: "aml-workspace", stack: "prod" }).changes as { pendingDelete?: boolean }[])[0].pendingDelete).toBe(true);
    });

    it("data-holding-replace: a storage account or registry replaced loses its data, protected or not; one updated or deleted on purpose is not this rule's", () => {
        expect(ids(rules([res(SA, "sa", { accountName: "b" })], [res(SA, "sa", { accountName: "a" })]))).toEqual(["data-holding-replace:sa"]);
        const ACR = "azure-native:containerregistry:Registry";
        expect(ids(rules([res(ACR, "cr", { registryName: "crb" })], [res(ACR, "cr", { registryName: "cra" })]))).toEqual(["data-holding-replace:cr"]);
        expect(ids(rules([res(SA, "sa", { accountName: "a", tags: { x: "2" } })], [res(SA, "sa", { accountName: "a", tags: { x: "1" } })]))).toEqual([]);
        expect(ids(rules([], [res(SA, "sa", { accountName: "a" })]))).toEqual([]);
    });

    it("protected-delete: a protected resource deleted or replaced; an unprotected one deleted is fine", () => {
        expect(ids(rules([], [res(SA, "sa", { accountName: "a" }, { protect: true })]))).toEqual(["protected-delete:sa"]);
        expect(ids(rules([res(SA, "sa", { accountName: "b" })], [res(SA, "sa", { accountName: "a" }, { protect: true })]))).toEqual(["data-holding-replace:sa", "protected-delete:sa"]);
        expect(rules([], [res(SA, "sa", { accountName: "a" })])).toEqual([]);
        expect(rules([res(SA, "sa", { accountName: "a", tags: { x: "1" } })], [res(SA, "sa", { accountName: "a" }, { protect: true })])).toEqual([]);
    });

    it("locked-delete: a resource under a kept CanNotDelete lock deleted (any change under ReadOnly); not when the lock goes too", () => {
        const logsId = `${SUB}/providers/Microsoft.OperationalInsights/workspaces/log`;
        const logs = (extra: Record<string, unknown> = {}) => ({ ...res("azure-native:operationalinsights:Workspace", "logs", { workspaceName: "log", ...extra }), outputs: { id: logsId } });
        const lock = (level: string) => res(LOCK, "lock", { lockName: "l", level, scope: logsId });
        expect(ids(rules([lock("CanNotDelete")], [logs(), lock("CanNotDelete")]))).toEqual(["locked-delete:logs"]);
        expect(rules([logs({ retentionInDays: 30 }), lock("CanNotDelete")], [logs(), lock("CanNotDelete")])).toEqual([]);
        expect(ids(rules([logs({ retentionInDays: 30 }), lock("ReadOnly")], [logs(), lock("ReadOnly")]))).toEqual(["locked-delete:logs"]);
        expect(rules([], [logs(), lock("CanNotDelete")])).toEqual([]);
    });

    it("location-move: an in-place location change; a ForceNew location is a replacement instead", () => {
        const nsg = (loc: string) => res("azure-native:network:NetworkSecurityGroup", "nsg", { networkSecurityGroupName: "n", location: loc });
        expect(ids(rules([nsg("northeurope")], [nsg("westeurope")]))).toEqual(["location-move:nsg"]);
        expect(rules([nsg("West Europe")], [nsg("westeurope")])).toEqual([]);
        // A storage account's location forces a replacement: not a move in place (the data rule reports it).
        const sa = (loc: string) => res(SA, "sa", { accountName: "a", location: loc });
        expect(ids(rules([sa("northeurope")], [sa("westeurope")]))).toEqual(["data-holding-replace:sa"]);
    });

    it("--allow marks a rule's findings allowed; the others still block", () => {
        const f = rules([res(VAULT, "kv", { vaultName: "kv-b" })], [res(VAULT, "kv", { vaultName: "kv-a" }, { protect: true })], ["soft-deleted-name-replace"]);
        expect(f.map((x) => [x.rule, x.allowed])).toEqual([
            ["soft-deleted-name-replace", true],
            ["protected-delete", false],
        ]);
    });
});

describe("plan --against input", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-diff-"));
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const capture = (): CliIo & { stdout: string; stderr: string } => {
        const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
        return io;
    };

    it("exits 2 with one line for a missing export, an unknown rule, or --allow without --against (before any run)", async () => {
        for (const [argv, message] of [
            [["prod", "--against", path.join(tmp, "none.json")], /^plan: .*none\.json: file not found\n$/],
            [["prod", "--against", path.join(tmp, "none.json"), "--allow", "nope"], /^plan: --allow nope: no such rule \(rules: soft-deleted-name-replace, /],
            [["prod", "--allow", "cmk-change"], /^plan: --allow applies to --against <stack export>/],
        ] as const) {
            const io = capture();
            expect(await main([...argv], io)).toBe(2);
            expect(io.stderr).toMatch(message);
            expect(io.stdout).toBe("");
        }
    });

    it("refuses the export of another stack (URNs would not match)", () => {
        const file = path.join(tmp, "dev.json");
        fs.writeFileSync(file, renderStackExport(stack([res(VAULT, "kv", { vaultName: "kv" })], "dev")));
        const against = loadAgainst(file, []);
        expect(() => compareAgainst(against!, stack([]))).toThrow(CheckpointError);
        expect(() => compareAgainst(against!, stack([]))).toThrow(/an export of aml-workspace\/dev, not of aml-workspace\/prod/);
    });

    it("exit code 1 only while a dangerous change is not allowed", () => {
        const file = path.join(tmp, "prod.json");
        fs.writeFileSync(file, renderStackExport(stack([res(VAULT, "kv", { vaultName: "kv-a" })])));
        const planned = stack([res(VAULT, "kv", { vaultName: "kv-b" })]);
        expect(compareAgainst(loadAgainst(file, [])!, planned).exitCode).toBe(1);
        expect(compareAgainst(loadAgainst(file, ["soft-deleted-name-replace"])!, planned).exitCode).toBe(0);
        expect(compareAgainst(loadAgainst(file, [])!, stack([res(VAULT, "kv", { vaultName: "kv-a" })])).exitCode).toBe(0);
    });

    it("every rule id is documented in the usage text", async () => {
        const io = capture();
        await main(["--help"], io);
        for (const id of DANGER_RULE_IDS) expect(io.stdout).toContain(id);
    });
});

describe("stack export (checkpoint-export.ts)", () => {
    const PLAINTEXT = "pa55-Word-9";
    const graph = stack([
        { ...res("aml-workspace:index:Team", "team", {}), custom: false },
        res(VAULT, "kv", { vaultName: "kv", tags: { a: "1" }, password: secret(PLAINTEXT), list: [1, { b: true }] }, { protect: true, retainOnDelete: true, dependencies: ["urn:x"], propertyDependencies: { vaultName: ["urn:x"] }, provider: "urn:p::id" }),
    ]);
    const states = new Map([[graph.resources[1].urn, { id: `${SUB}/providers/Microsoft.KeyVault/vaults/kv`, outputs: { vaultUri: "https://kv" } }]]);

    it("round-trips through the checkpoint reader (encrypted secrets read back as secret(UNKNOWN))", () => {
        const text = renderStackExport(graph, { states });
        expect(text).not.toContain(PLAINTEXT);
        const back = parseCheckpoint(text, "export.json");
        expect(back).toMatchObject({ project: "aml-workspace", stack: "prod" });
        const kv = back.resources.find((r) => r.name === "kv")!;
        expect(kv).toMatchObject({ type: VAULT, urn: graph.resources[1].urn, protect: true, retainOnDelete: true, dependencies: ["urn:x"], propertyDependencies: { vaultName: ["urn:x"] }, provider: "urn:p::id" });
        expect(kv.inputs).toMatchObject({ vaultName: "kv", tags: { a: "1" }, list: [1, { b: true }] });
        expect(isSecret(kv.inputs.password) && kv.inputs.password.value).toBe(UNKNOWN);
        expect(kv.outputs).toEqual({ vaultUri: "https://kv", id: `${SUB}/providers/Microsoft.KeyVault/vaults/kv` });
        expect(back.resources.find((r) => r.name === "team")).toMatchObject({ custom: false, parent: expect.stringContaining("pulumi:pulumi:Stack") });
    });

    it("with showSecrets keeps plaintext secrets, so the same plan diffs as all same", () => {
        const back = parseCheckpoint(JSON.stringify(toStackExport(graph, { states, showSecrets: true })), "export.json");
        expect(back.resources.find((r) => r.name === "kv")!.inputs.password).toEqual(secret(PLAINTEXT));
        expect(diffStacks(graph, back).changes.every((c) => c.action === "same")).toBe(true);
    });
});
