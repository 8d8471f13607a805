/** Policies for Azure RBAC role assignments and custom roles (azure-native:authorization). */
import { BUILTIN_ROLE_IDS } from "../../components/access/builtin-roles";
import { present } from "../lib/matchers";
import { propertyPolicy, resourcePolicy } from "../lib/define";
import { eqi, readArray, readPath, readString, show } from "../lib/read";
import { TYPES } from "../lib/tokens";

/** Built-in roles too broad for people at subscription or resource-group scope (name by role GUID, from the library's one role table). */
export const PRIVILEGED_ROLES: Readonly<Record<string, string>> = Object.fromEntries(
    (["Owner", "Contributor", "User Access Administrator"] as const).map((name) => [BUILTIN_ROLE_IDS[name], name]),
);

/** True for a scope at or above a resource group (root, management group, subscription, resource group). */
export function isBroadScope(scope: string): boolean {
    const s = scope.toLowerCase().replace(/\/+$/, "");
    return (
        s === "" ||
        /^\/providers\/microsoft\.management\/managementgroups\/[^/]+$/.test(s) ||
        /^\/subscriptions\/[^/]+$/.test(s) ||
        /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/.test(s)
    );
}

/** Least privilege for people. */
export const rbacLeastPrivilege = resourcePolicy({
    name: "rbac-least-privilege",
    description: "People (users and groups) must not get Owner, Contributor or User Access Administrator at subscription or resource-group scope.",
    severity: "critical",
    remediation: "Assign the Azure ML built-in roles (AzureML Data Scientist, AzureML Compute Operator, Reader) or scope the role to a single resource.",
    sources: { other: ["Azure RBAC best practices"], mcsb: ["PA-7"] },
    controls: ["authorization.least-privilege"],
    types: [TYPES.roleAssignment],
    check: ({ props, report }) => {
        const roleId = readString(props, "roleDefinitionId") ?? "";
        const role = PRIVILEGED_ROLES[roleId.split("/").pop()?.toLowerCase() ?? ""];
        const principalType = readPath(props, "principalType");
        const person = principalType === undefined || eqi(principalType, "User") || eqi(principalType, "Group");
        const scope = readPath(props, "scope");
        if (role !== undefined && person && typeof scope === "string" && isBroadScope(scope)) {
            report(`roleDefinitionId is ${role} at scope ${scope} for principalType ${show(principalType)}; assign an AzureML built-in role or a narrower scope`);
        }
    },
});

/** Explicit principal type. */
export const rbacPrincipalTypeSet = propertyPolicy({
    name: "rbac-principal-type-set",
    description: "Role assignments must state their principalType to avoid replication-delay failures for new principals.",
    severity: "low",
    remediation: "Set principalType to User, Group or ServicePrincipal.",
    sources: { other: ["Azure RBAC troubleshooting guidance"] },
    controls: ["authorization.principal-type"],
    types: [TYPES.roleAssignment],
    expectations: [{ path: "principalType", expect: present("User, Group or ServicePrincipal") }],
});

/** No wildcard actions in custom roles. */
export const rbacCustomRoleNoWildcard = resourcePolicy({
    name: "rbac-custom-role-no-wildcard",
    description: "Custom role definitions must not grant * actions or data actions.",
    severity: "high",
    remediation: "List the exact actions the role needs instead of *.",
    sources: { azurePolicy: ["a451c1ef"], checkov: ["CKV_AZURE_39"], mcsb: ["PA-7"] },
    controls: ["authorization.custom-role-no-wildcard"],
    types: [TYPES.roleDefinition],
    check: ({ props, report }) => {
        readArray(props, "permissions").forEach((perm, i) => {
            for (const list of ["actions", "dataActions"]) {
                if (readArray(perm, list).includes("*")) {
                    report(`permissions[${i}].${list} contains *; list the needed actions instead`);
                }
            }
        });
    },
});
