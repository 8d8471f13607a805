/**
 * The planned changes that will fail at deploy time or lose data, read from a plan diff
 * (plan-diff.ts). Each rule has an id (what `plan --allow <id>` names), a fix and the page that
 * states the Azure or Pulumi behaviour it relies on.
 */
import { SOFT_DELETED_TYPES, scopeContains } from "../components/lifecycle";
import { contains, parseCidr } from "../components/network/cidr";
import { isSecret, UNKNOWN, type CapturedResource, type CapturedStack } from "./graph";
import type { ResourceChange, StackDiff } from "./plan-diff";

/** What the rules see besides the change itself. */
export interface DangerContext {
    /** The stack as deployed (the checkpoint). */
    deployed: CapturedStack;
    /** The whole diff. */
    diff: StackDiff;
}

/** One rule. */
export interface DangerRule {
    /** Stable id, as `--allow` takes it. */
    id: string;
    /** One line: what it catches. */
    title: string;
    /** The page stating the behaviour. */
    doc: string;
    /** What to do instead. */
    fix: string;
    /** The problem with this change, or undefined. */
    check(change: ResourceChange, ctx: DangerContext): string | undefined;
}

/** A dangerous change found in a diff. */
export interface DangerFinding {
    /** The rule id. */
    rule: string;
    /** The resource. */
    urn: string;
    /** Its type token. */
    type: string;
    /** Its logical name. */
    name: string;
    /** The planned action. */
    action: ResourceChange["action"];
    /** What goes wrong. */
    message: string;
    /** What to do instead. */
    fix: string;
    /** The page stating the behaviour. */
    doc: string;
    /** Allowed with `--allow <rule>`: reported, but does not fail the plan. */
    allowed: boolean;
}

const WORKSPACE = "azure-native:machinelearningservices:Workspace";
const SUBNET = "azure-native:network:Subnet";
const LOCK = "azure-native:authorization:ManagementLockByScope";

/** Reads a dotted path of inputs; a secret on the way is unwrapped, a secret at the end kept (for {@link shown}). */
function raw(inputs: Record<string, unknown> | undefined, path: string): unknown {
    let v: unknown = inputs;
    for (const k of path.split(".")) {
        if (isSecret(v)) v = v.value;
        if (v === null || typeof v !== "object") return undefined;
        v = (v as Record<string, unknown>)[k];
    }
    return v;
}

/** Reads a dotted path of inputs as plain values (secrets unwrapped): for comparing, never for printing. */
function at(inputs: Record<string, unknown> | undefined, path: string): unknown {
    const v = raw(inputs, path);
    return isSecret(v) ? v.value : v;
}

const removesOrReplaces = (c: ResourceChange): boolean => c.action === "delete" || c.action === "replace";
const changedPath = (c: ResourceChange, prefix: string): boolean => c.paths.some((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
/** A value for a message: secrets never shown. */
const shown = (v: unknown): string => (isSecret(v) ? "[secret]" : v === UNKNOWN ? "(known after deploy)" : v === undefined ? "(unset)" : JSON.stringify(v));

/** The resource's ARM ID in the checkpoint (its `id` output), when known. */
function deployedId(r: CapturedResource | undefined): string | undefined {
    const id = r?.outputs?.id;
    return typeof id === "string" && id.startsWith("/") ? id : undefined;
}

/** True when any string inside `v` equals `id` (case-insensitive, as ARM IDs compare). */
function references(v: unknown, id: string): boolean {
    if (isSecret(v)) return false;
    if (typeof v === "string") return v.toLowerCase() === id.toLowerCase();
    if (Array.isArray(v)) return v.some((x) => references(x, id));
    if (v !== null && typeof v === "object") return Object.values(v).some((x) => references(x, id));
    return false;
}

/** The subnet's address prefixes (`addressPrefix` or `addressPrefixes`). */
function prefixes(inputs: Record<string, unknown> | undefined): string[] {
    const one = at(inputs, "addressPrefix");
    const many = at(inputs, "addressPrefixes");
    return [...(typeof one === "string" ? [one] : []), ...(Array.isArray(many) ? many.filter((x): x is string => typeof x === "string") : [])];
}

/** The prefixes for a message ("[secret]" when either is a secret). */
function prefixText(inputs: Record<string, unknown> | undefined): string {
    if (isSecret(raw(inputs, "addressPrefix")) || isSecret(raw(inputs, "addressPrefixes"))) return "[secret]";
    return prefixes(inputs).join(", ") || "(unset)";
}

/** True when every old prefix lies inside some new one (the range only grows). */
function onlyGrows(oldPrefixes: string[], newPrefixes: string[]): boolean {
    return oldPrefixes.every((o) => {
        const oc = parseCidr(o);
        return typeof oc !== "string" && newPrefixes.some((n) => {
            const nc = parseCidr(n);
            return typeof nc !== "string" && contains(nc, oc);
        });
    });
}

/** Types whose replacement loses what they hold (key vaults and workspaces: soft-deleted-name-replace). */
const DATA_HOLDING_TYPES: Readonly<Record<string, string>> = {
    "azure-native:storage:StorageAccount": "its blobs, files, tables and queues (the workspace's datastores among them)",
    "azure-native:containerregistry:Registry": "its images (the environments and scoring images the workspaces pull)",
    "azure-native:operationalinsights:Workspace": "its logs (retained 14 days in soft delete, then purged)",
    "azure-native:machinelearningservices:Registry": "its shared models, environments and components",
    "azure-native:iothub:IotHubResource": "its device identities and their keys (every device must be registered again)",
};

/** The rules, in report order. */
export const DANGER_RULES: readonly DangerRule[] = [
    {
        id: "soft-deleted-name-replace",
        title: "replacing a resource whose name stays reserved after deletion (key vault, key, Azure ML workspace)",
        // Key vault: "Azure Key Vault soft-delete overview" (https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview):
        // a deleted vault keeps its name for the retention period and, with purge protection, cannot be purged.
        // Workspace: "Workspace soft deletion" (https://learn.microsoft.com/azure/machine-learning/concept-soft-delete):
        // a deleted workspace is held 14 days and a new one of the same name cannot be created meanwhile.
        // azure-native deletes an explicitly named resource before re-creating it (components/lifecycle.ts).
        doc: "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview; https://learn.microsoft.com/azure/machine-learning/concept-soft-delete",
        fix: "keep the deployed name and location (revert the change that forces the replacement); to really recreate, raise naming.generation so the new resource gets a new name, and migrate keys, secrets and workspace assets first",
        check: (c) => {
            const soft = SOFT_DELETED_TYPES[c.type];
            if (!soft || c.action !== "replace") return undefined;
            const loses =
                c.type === WORKSPACE
                    ? "its experiments, models, data assets and endpoints go with it"
                    : c.type === "azure-native:keyvault:Key"
                      ? "the key and its versions are soft-deleted, so data encrypted with it (a customer-managed key) becomes unreadable"
                      : "its keys and secrets are soft-deleted with it, and a workspace encrypted with its key loses access";
            return `${soft.label} would be replaced (forced by ${c.replaceBy.join(", ")}): the old one is deleted first and ${loses}; its name stays reserved ${soft.reserved}`;
        },
    },
    {
        id: "isolation-mode-disable",
        title: "turning a workspace's managed network isolation off",
        // "Workspace Managed Virtual Network Isolation" (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network),
        // Limitations: once managed virtual network isolation is enabled (allow internet outbound or allow only approved
        // outbound), it can't be disabled. Switching between the two enabled modes is an update Azure accepts.
        doc: "https://learn.microsoft.com/azure/machine-learning/how-to-managed-network",
        fix: "keep workspace.managedNetwork.isolationMode at an enabled mode (AllowInternetOutbound or AllowOnlyApprovedOutbound)",
        check: (c) => {
            if (c.type !== WORKSPACE || c.action !== "update" || !changedPath(c, "managedNetwork")) return undefined;
            const before = at(c.deployed?.inputs, "managedNetwork.isolationMode");
            const after = at(c.planned?.inputs, "managedNetwork.isolationMode");
            const enabled = (m: unknown): boolean => m === "AllowInternetOutbound" || m === "AllowOnlyApprovedOutbound";
            return enabled(before) && !enabled(after) && after !== UNKNOWN
                ? `managedNetwork.isolationMode ${shown(raw(c.deployed?.inputs, "managedNetwork.isolationMode"))} → ${shown(raw(c.planned?.inputs, "managedNetwork.isolationMode"))}: Azure does not disable a managed network once enabled; the update fails`
                : undefined;
        },
    },
    {
        id: "cmk-change",
        title: "adding, removing or moving a workspace's customer-managed key to another key vault",
        // "Customer-managed keys for Azure Machine Learning" (https://learn.microsoft.com/azure/machine-learning/concept-customer-managed-keys),
        // Limitations: after workspace creation the key can only be updated to another key in the original key vault;
        // "Use customer-managed keys with Azure Machine Learning": the key is provided when you create the workspace.
        doc: "https://learn.microsoft.com/azure/machine-learning/concept-customer-managed-keys",
        fix: "keep encryption.customerManagedKey as deployed; rotate to a new key only in the same key vault, and recreate the workspace (naming.generation) to add or remove CMK",
        check: (c) => {
            if (c.type !== WORKSPACE || c.action !== "update" || !changedPath(c, "encryption")) return undefined;
            const beforeVault = at(c.deployed?.inputs, "encryption.keyVaultProperties.keyVaultArmId");
            const afterVault = at(c.planned?.inputs, "encryption.keyVaultProperties.keyVaultArmId");
            if (beforeVault === undefined && afterVault === undefined) return undefined;
            if (beforeVault === undefined) return "customer-managed key added to a deployed workspace: encryption is chosen at creation; the update fails";
            if (afterVault === undefined) return "customer-managed key removed from a deployed workspace: encryption is fixed at creation; the update fails";
            if (afterVault === UNKNOWN) return "the key vault of the workspace's customer-managed key is known only after deploy (its vault is re-created): a key in another vault is refused";
            return typeof beforeVault === "string" && typeof afterVault === "string" && beforeVault.toLowerCase() !== afterVault.toLowerCase()
                ? `the customer-managed key moves to another key vault (${shown(raw(c.planned?.inputs, "encryption.keyVaultProperties.keyVaultArmId"))}): only a key in the original vault is accepted; the update fails`
                : undefined;
        },
    },
    {
        id: "workspace-associated-resource-change",
        title: "pointing a deployed workspace at another key vault or storage account",
        // "Workspaces - Create Or Update" (REST API reference, https://learn.microsoft.com/rest/api/azureml/workspaces/create-or-update):
        // keyVault and storageAccount are the "ARM id of the key vault/storage account associated with this workspace.
        // This cannot be changed once the workspace has been created". azure-native sends it as an update, which fails.
        doc: "https://learn.microsoft.com/rest/api/azureml/workspaces/create-or-update",
        fix: "keep the workspace's key vault and storage account (revert the change that renames or replaces them); a workspace on new ones is a new workspace (naming.generation)",
        check: (c) => {
            if (c.type !== WORKSPACE || c.action !== "update") return undefined;
            const moved = ["keyVault", "storageAccount"].filter((k) => c.paths.some((p) => p.path === k && (p.kind === "changed" || p.kind === "unknown" || p.kind === "removed")));
            return moved.length > 0 ? `${moved.join(" and ")} of a deployed workspace would change: Azure fixes them at creation; the update fails` : undefined;
        },
    },
    {
        id: "subnet-in-use-change",
        title: "changing the address range of (or replacing) a subnet that holds private endpoints, NICs or a delegation",
        // "Add, change, or delete a virtual network subnet" (https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet),
        // Change subnet settings: the address range can be changed only when no resources are deployed in the subnet;
        // a subnet with resources (or a delegation in use) cannot be deleted either.
        doc: "https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet",
        fix: "keep the subnet's address range (grow the virtual network with a new subnet instead), or move the private endpoints and delegated services out first",
        check: (c, ctx) => {
            if (c.type !== SUBNET || !(c.action === "replace" || (c.action === "update" && (changedPath(c, "addressPrefix") || changedPath(c, "addressPrefixes"))))) return undefined;
            const id = deployedId(c.deployed);
            const holders = ctx.deployed.resources
                .filter((r) => r.custom && r.type !== SUBNET && r.urn !== c.urn)
                .filter((r) => (id ? references(r.inputs, id) : Object.values(r.propertyDependencies).some((urns) => urns.includes(c.urn))))
                .map((r) => r.name);
            const delegations = at(c.deployed?.inputs, "delegations");
            const delegated = Array.isArray(delegations) && delegations.length > 0;
            if (holders.length === 0 && !delegated) return undefined;
            const held = [...(holders.length > 0 ? [`${holders.length} resource(s): ${holders.slice(0, 5).join(", ")}${holders.length > 5 ? ", …" : ""}`] : []), ...(delegated ? ["a delegation"] : [])].join(" and ");
            if (c.action === "replace") return `the subnet would be replaced (forced by ${c.replaceBy.join(", ")}) while it holds ${held}: Azure refuses to delete a subnet in use`;
            const before = prefixes(c.deployed?.inputs);
            const after = prefixes(c.planned?.inputs);
            const shrink = !onlyGrows(before, after);
            return `address range ${prefixText(c.deployed?.inputs)} → ${prefixText(c.planned?.inputs)}${shrink ? " shrinks or moves it" : ""} while it holds ${held}: Azure changes the range of a subnet only when it is empty`;
        },
    },
    {
        id: "data-holding-replace",
        title: "replacing a resource that holds data (storage account, container registry, Log Analytics workspace, Azure ML registry, IoT hub)",
        // A replacement creates a new, empty resource and deletes the deployed one with its data:
        // storage: "Recover a deleted storage account" (https://learn.microsoft.com/azure/storage/common/storage-account-recover):
        //   recovery is best effort, within 14 days, and only while no account of the same name exists;
        // Log Analytics: "Delete and recover an Azure Log Analytics workspace"
        //   (https://learn.microsoft.com/azure/azure-monitor/logs/delete-workspace): soft-deleted 14 days, then gone;
        // registries and IoT hubs hold their images, models and device identities in the resource itself.
        doc: "https://learn.microsoft.com/azure/storage/common/storage-account-recover; https://learn.microsoft.com/azure/azure-monitor/logs/delete-workspace",
        fix: "keep the deployed name and location (revert the change forcing the replacement); to move on purpose, create the new resource beside the old one, copy the data, then remove the old one in a later change",
        check: (c) => {
            const holds = DATA_HOLDING_TYPES[c.type];
            return holds && c.action === "replace" ? `would be replaced (forced by ${c.replaceBy.join(", ")}): a new, empty one is created and the deployed one is deleted with ${holds}` : undefined;
        },
    },
    {
        id: "resource-group-replace",
        title: "deleting or replacing a resource group that holds resources",
        // "Azure Resource Manager resource group and resource deletion"
        // (https://learn.microsoft.com/azure/azure-resource-manager/management/delete-resource-group):
        // deleting a resource group deletes every resource in it. A replacement deletes the old group.
        doc: "https://learn.microsoft.com/azure/azure-resource-manager/management/delete-resource-group",
        fix: "keep the resource group's name and location (a location change needs a new stack in the new region, then a migration)",
        check: (c, ctx) => {
            if (c.type !== "azure-native:resources:ResourceGroup" || !removesOrReplaces(c)) return undefined;
            const group = at(c.deployed?.inputs, "resourceGroupName");
            if (typeof group !== "string") return undefined;
            const inside = ctx.deployed.resources.filter((r) => r.custom && r.urn !== c.urn && typeof at(r.inputs, "resourceGroupName") === "string" && (at(r.inputs, "resourceGroupName") as string).toLowerCase() === group.toLowerCase());
            return inside.length > 0
                ? `resource group ${group} would be ${c.action === "replace" ? `replaced (forced by ${c.replaceBy.join(", ")})` : "deleted"}: Azure deletes the ${inside.length} resource(s) of the stack in it with it, data included`
                : undefined;
        },
    },
    {
        id: "protected-delete",
        title: "deleting or replacing a resource that is protected in the stack",
        // "Protecting against undesired changes" (https://www.pulumi.com/docs/iac/operations/stack-management/protecting-against-undesired-changes/):
        // a protected resource fails any deployment that would delete it, including a replacement.
        doc: "https://www.pulumi.com/docs/iac/operations/stack-management/protecting-against-undesired-changes/",
        fix: "keep the resource (revert the change); to delete it on purpose, unprotect it first (`pulumi state unprotect <urn>`) in a reviewed step",
        check: (c) => (removesOrReplaces(c) && c.deployed?.protect ? `protected in the deployed stack: Pulumi refuses to ${c.action} it and the update fails` : undefined),
    },
    {
        id: "locked-delete",
        title: "deleting or replacing a resource under a management lock (any change under a ReadOnly lock)",
        // "Lock your resources to protect your infrastructure" (https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources):
        // CanNotDelete blocks deletion, ReadOnly blocks deletion and updates, of the resource and everything under its scope.
        doc: "https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources",
        fix: "keep the resource, or remove the lock deliberately in a separate, reviewed update first",
        check: (c, ctx) => {
            if (c.action === "same" || c.action === "create" || c.type === LOCK) return undefined;
            const id = deployedId(c.deployed);
            if (!id) return undefined;
            const kept = new Set(ctx.diff.changes.filter((x) => x.type === LOCK && (x.action === "same" || x.action === "update")).map((x) => x.urn));
            for (const lock of ctx.deployed.resources.filter((r) => r.type === LOCK && kept.has(r.urn))) {
                const scope = at(lock.inputs, "scope");
                const level = at(lock.inputs, "level");
                if (typeof scope !== "string" || !scopeContains(scope, id)) continue;
                if (level === "ReadOnly" || removesOrReplaces(c)) return `${String(level)} lock ${lock.name} on ${scope} blocks this ${c.action}; the update fails`;
            }
            return undefined;
        },
    },
    {
        id: "location-move",
        title: "moving a resource to another region in place",
        // azure-native updates `location` in place for types whose spec does not mark it create-only, and ARM then
        // refuses: "The resource ... already exists in location 'westeurope' ... A resource with the same name cannot
        // be created in location 'northeurope'" (InvalidResourceLocation; pulumi/pulumi-azure-native issue #3053).
        // Moving needs a new resource ("Move Azure resources across regions", https://learn.microsoft.com/azure/azure-resource-manager/management/move-region).
        doc: "https://learn.microsoft.com/azure/azure-resource-manager/management/move-region",
        fix: "keep the deployed location; to move, create a new stack (or new names) in the target region and migrate",
        check: (c) =>
            c.action === "update" && c.type.startsWith("azure-native:") && c.paths.some((p) => p.path === "location" && p.kind === "changed")
                ? `location ${shown(raw(c.deployed?.inputs, "location"))} → ${shown(raw(c.planned?.inputs, "location"))}: Azure does not move a resource by updating it (InvalidResourceLocation)`
                : undefined,
    },
];

/** The rule ids. */
export const DANGER_RULE_IDS: readonly string[] = DANGER_RULES.map((r) => r.id);

/** Every dangerous change of the diff; those whose rule is in `allow` are marked allowed. */
export function findDangerousChanges(diff: StackDiff, deployed: CapturedStack, allow: readonly string[] = []): DangerFinding[] {
    const ctx: DangerContext = { deployed, diff };
    const findings: DangerFinding[] = [];
    for (const rule of DANGER_RULES) {
        for (const c of diff.changes) {
            const message = rule.check(c, ctx);
            if (message) findings.push({ rule: rule.id, urn: c.urn, type: c.type, name: c.name, action: c.action, message, fix: rule.fix, doc: rule.doc, allowed: allow.includes(rule.id) });
        }
    }
    return findings;
}
