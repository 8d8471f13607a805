import * as pulumi from "@pulumi/pulumi";
import { Datastore } from "@pulumi/azure-native/machinelearningservices";
import { CLOUDS } from "../clouds";
import { datastoreKindProblem, datastoreNameProblem, DatastoreKind, containerNameProblem } from "./data-settings";

/** Which identity the service uses for data access on the datastore's behalf (studio preview and profiling). */
export const DataAccessIdentity = {
    /** The workspace's system-assigned identity. */
    WorkspaceSystemAssignedIdentity: "WorkspaceSystemAssignedIdentity",
    /** The workspace's user-assigned identity. */
    WorkspaceUserAssignedIdentity: "WorkspaceUserAssignedIdentity",
    /** No identity: the studio uses the signed-in user's identity. */
    None: "None",
} as const;
/** A {@link DataAccessIdentity} value. */
export type DataAccessIdentity = (typeof DataAccessIdentity)[keyof typeof DataAccessIdentity];

/** Arguments of {@link IdentityDatastore}. */
export interface IdentityDatastoreArgs {
    /** Resource group of the workspace. Required. */
    resourceGroupName: pulumi.Input<string>;
    /** Workspace (or project) the datastore belongs to. Required. */
    workspaceName: pulumi.Input<string>;
    /** Datastore name (letters, digits, underscores). Required. */
    datastoreName: string;
    /** Storage kind: `azureBlob` or `adlsGen2` (`azureFile` is refused: no identity-based access). Required. */
    kind: DatastoreKind;
    /** Storage account name. Required. */
    accountName: pulumi.Input<string>;
    /** Blob container or Data Lake filesystem. Required. */
    containerName: string;
    /** Subscription of the account. Default: the workspace's. */
    accountSubscriptionId?: pulumi.Input<string>;
    /** Resource group of the account. Default: the workspace's. */
    accountResourceGroup?: pulumi.Input<string>;
    /** Storage DNS suffix of the cloud. Default `core.windows.net`. */
    endpoint?: string;
    /** Identity the service uses for data preview and profiling. Default `WorkspaceSystemAssignedIdentity`. */
    serviceDataAccessAuthIdentity?: DataAccessIdentity;
    /** Description shown in the studio. Default none. */
    description?: string;
    /** Tags of the datastore. Default none. */
    tags?: { [key: string]: string };
}

/**
 * A datastore with identity-based access (`credentials: { credentialsType: None }`): no account
 * key, SAS token, service principal secret or certificate is stored in the workspace; jobs read as
 * the compute's or the user's identity, and the studio previews data as the identity named by
 * `serviceDataAccessAuthIdentity` ("Data administration", Scenarios and authentication options).
 * The identities need data-plane roles on the account (platform-data.ts grants them).
 */
export class IdentityDatastore extends pulumi.ComponentResource {
    /** Datastore resource ID. */
    readonly id: pulumi.Output<string>;
    /** Datastore name. */
    readonly datastoreName: pulumi.Output<string>;

    constructor(name: string, args: IdentityDatastoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super("aml-workspace:index:IdentityDatastore", name, {}, opts);
        const problems = [datastoreNameProblem(args.datastoreName), datastoreKindProblem(args.kind)?.problem, containerNameProblem(args.containerName)].filter((p): p is string => p !== undefined);
        if (problems.length > 0) throw new pulumi.ResourceError(`IdentityDatastore ${args.datastoreName}: ${problems.join("; ")}`, this);
        const common = {
            accountName: args.accountName,
            credentials: { credentialsType: "None" as const },
            description: args.description,
            endpoint: args.endpoint ?? CLOUDS.AzureCloud.storageSuffix,
            protocol: "https",
            subscriptionId: args.accountSubscriptionId,
            resourceGroup: args.accountResourceGroup,
            serviceDataAccessAuthIdentity: args.serviceDataAccessAuthIdentity ?? DataAccessIdentity.WorkspaceSystemAssignedIdentity,
            tags: args.tags,
        };
        const datastore = new Datastore(
            `${name}-datastore`,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                name: args.datastoreName,
                properties:
                    args.kind === DatastoreKind.adlsGen2
                        ? { ...common, datastoreType: "AzureDataLakeGen2", filesystem: args.containerName }
                        : { ...common, datastoreType: "AzureBlob", containerName: args.containerName },
            },
            // A component's dependsOn does not reach its children: the datastore waits for its grants and container.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.id = datastore.id;
        this.datastoreName = pulumi.output(args.datastoreName);
        this.registerOutputs({ id: this.id, datastoreName: this.datastoreName });
    }
}
