import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import { Key, getKeyOutput } from "@pulumi/azure-native/keyvault";
import { grantRole } from "../access/grant";
import { COMPONENT_DEFAULTS } from "../defaults";
import { statefulOptions, type PlacementArgs, type StatefulProtection } from "../placement";
import { bringYourOwn } from "../bring-your-own-check";
import { cmkKeyName, cmkKeySpec, keyResourceId, parseExistingKey, type CmkKeyType } from "./cmk-spec";

/** The vault a created key goes in (the workspace vault). */
export interface CmkKeyVaultRef {
    /** Vault name. */
    name: pulumi.Input<string>;
    /** Vault ARM ID. */
    id: pulumi.Input<string>;
}

/** Arguments of {@link WorkspaceCmkKey}. */
export interface WorkspaceCmkKeyArgs extends PlacementArgs {
    /** ARM ID of an existing key (`.../vaults/<vault>/keys/<key>`), e.g. in a central vault; nothing is created. Default: create one. */
    existingId?: string;
    /** Base name of the key to create (a hash of its spec is appended). Required unless `existingId` is set; must be unset with it. */
    name?: string;
    /** Key type of the key to create. Default `RSA`; `RSA-HSM` needs a premium vault. */
    keyType?: CmkKeyType;
    /** RSA key size of the key to create. Default 3072 (the size Azure ML recommends as a minimum). */
    keySize?: number;
    /** Vault the key is created in (the workspace vault): its name and ID. Required unless `existingId` is set. */
    vault?: CmkKeyVaultRef;
    /** Principal (object) ID of the workspace's user-assigned identity, which wraps and unwraps with the key. */
    workspacePrincipalId: pulumi.Input<string>;
    /**
     * Object ID of the Azure Cosmos DB service principal in this tenant: a classic CMK workspace's
     * Cosmos DB account uses the key as that principal. Default: none (service-side encryption).
     */
    cosmosDbPrincipalObjectId?: string;
    /** Subscription of the role definitions. */
    subscriptionId: pulumi.Input<string>;
    /** Stable strings identifying the deployment (seed the role assignment names). */
    uniqueBy: string[];
    /** Workspace name (for the grants' descriptions). */
    workspaceName: string;
    /** Deletion guards for the key and its role assignments. Default none. */
    protection?: StatefulProtection;
}

/**
 * The workspace's customer-managed key: created in the workspace vault with a
 * name that encodes its spec, or an existing key (a central vault); and the
 * grants that let the workspace identity, and for a classic CMK workspace the
 * Azure Cosmos DB service principal, get, wrap and unwrap with it, scoped to
 * the key.
 */
export class WorkspaceCmkKey extends pulumi.ComponentResource {
    /** ARM ID of the vault holding the key. */
    readonly keyVaultArmId: pulumi.Output<string>;
    /** ARM ID of the key (the grants' scope). */
    readonly keyId: pulumi.Output<string>;
    /** Key identifier the workspace encrypts with (versioned URI). */
    readonly keyIdentifier: pulumi.Output<string>;
    /** The role assignments; the workspace must wait for them (Azure checks the key while creating it). */
    readonly grants: RoleAssignment[];
    /** The created key; undefined when adopted. */
    readonly key?: Key;

    constructor(name: string, args: WorkspaceCmkKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:WorkspaceCmkKey", name, {}, opts);
        const choice = bringYourOwn("", args, this);
        if (choice.adopt) {
            const ex = parseExistingKey({ keyId: choice.existingId });
            if (!ex) throw new pulumi.ResourceError("existingId: not a key's ARM ID (/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.KeyVault/vaults/<v>/keys/<k>)", this);
            this.keyVaultArmId = pulumi.output(ex.vaultId);
            this.keyId = pulumi.output(keyResourceId(ex.vaultId, ex.keyName));
            // Read at every run: the workspace follows the key's current version after a rotation.
            this.keyIdentifier = getKeyOutput({ resourceGroupName: ex.resourceGroupName, vaultName: ex.vaultName, keyName: ex.keyName }, { parent: this }).keyUriWithVersion;
        } else {
            if (!args.vault) throw new pulumi.ResourceError("vault: is required when existingId is not set (the vault the key is created in)", this);
            const spec = cmkKeySpec(args.keyType ?? COMPONENT_DEFAULTS["encryption.customerManagedKey.keyType"], args.keySize ?? COMPONENT_DEFAULTS["encryption.customerManagedKey.keySize"]);
            this.key = new Key(
                `${name}-key`,
                {
                    keyName: cmkKeyName(choice.name, spec),
                    vaultName: args.vault.name,
                    resourceGroupName: args.resourceGroupName,
                    tags: args.tags,
                    properties: { kty: spec.kty, keySize: spec.keySize, keyOps: [...spec.keyOps], rotationPolicy: spec.rotationPolicy },
                },
                statefulOptions(this, args.protection),
            );
            this.keyVaultArmId = pulumi.output(args.vault.id);
            this.keyId = this.key.id;
            // The versioned URI, as Azure ML documents the key identifier (`key.kid`); a refresh
            // after a rotation reads the new version and the next update moves the workspace to it.
            this.keyIdentifier = this.key.keyUriWithVersion;
        }
        const principals: { key: string; principalId: pulumi.Input<string>; who: string }[] = [
            { key: "uai", principalId: args.workspacePrincipalId, who: "workspace identity" },
            ...(args.cosmosDbPrincipalObjectId ? [{ key: "cosmosdb", principalId: args.cosmosDbPrincipalObjectId, who: "Azure Cosmos DB (classic CMK metadata store)" }] : []),
        ];
        this.grants = principals.map((p) =>
            grantRole(
                `${name}-${p.key}-crypto`,
                {
                    scope: this.keyId,
                    role: "keyVaultCryptoServiceEncryptionUser",
                    principalId: p.principalId,
                    principalType: "ServicePrincipal",
                    subscriptionId: args.subscriptionId,
                    identity: [...args.uniqueBy, name, "cmk", p.key],
                    description: `Azure ML workspace ${args.workspaceName}: ${p.who} gets, wraps and unwraps with the customer-managed key`,
                },
                statefulOptions(this, args.protection),
            ),
        );
        this.registerOutputs({ keyVaultArmId: this.keyVaultArmId, keyId: this.keyId, keyIdentifier: this.keyIdentifier });
    }
}
