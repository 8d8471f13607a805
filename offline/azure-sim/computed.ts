/**
 * Outputs Azure computes for a created resource (login servers, vault URIs,
 * principal IDs, connection strings...), derived deterministically from the
 * resource's ID so the same program always yields the same values.
 */
import { createHash } from "node:crypto";
import { deterministicGuid } from "../../components/hashing";
import type { CloudProfile } from "../../components/clouds";
import { containerGroupAddress } from "./computed-aci";
import { uploadFiles } from "../../components/serving/blob-upload";
import { EDGE_DYNAMIC_TYPES, edgeDeploymentOutputs, edgeDeviceOutputs } from "./computed-edge";

/** What a computed-output function gets. */
export interface ComputedContext {
    /** The resource's ARM ID. */
    id: string;
    /** The resource's name. */
    name: string;
    /** Its inputs. */
    inputs: Record<string, unknown>;
    /** Tenant of the simulated subscription. */
    tenantId: string;
    /** Cloud suffixes. */
    cloud: CloudProfile;
    /** Every resource declared so far, this one included, in declaration order (absent in preview). */
    all?: () => readonly { type: string; id?: string; inputs: Record<string, unknown> }[];
}

type Computed = (c: ComputedContext) => Record<string, unknown>;

const guid = (c: ComputedContext, role: string): string => deterministicGuid("simulated-azure", role, c.id.toLowerCase());

/** Computed outputs by type token; types not listed compute nothing beyond id and name. */
export const COMPUTED: Readonly<Record<string, Computed>> = {
    "azure-native:storage:StorageAccount": (c) => ({
        primaryEndpoints: Object.fromEntries(
            ["blob", "file", "queue", "table", "dfs", "web"].map((svc) => [svc, `https://${c.name}.${svc}.${c.cloud.storageSuffix}/`]),
        ),
        provisioningState: "Succeeded",
    }),
    "azure-native:keyvault:Vault": (c) => ({
        properties: { ...(c.inputs.properties as object), vaultUri: `https://${c.name}.${c.cloud.keyVaultSuffix}/` },
    }),
    "azure-native:keyvault:Key": (c) => {
        const vault = String(c.inputs.vaultName);
        const uri = `https://${vault}.${c.cloud.keyVaultSuffix}/keys/${c.name}`;
        return { keyUri: uri, keyUriWithVersion: `${uri}/${guid(c, "key-version").replace(/-/g, "")}` };
    },
    "azure-native:containerregistry:Registry": (c) => ({ loginServer: `${c.name.toLowerCase()}.${c.cloud.registrySuffix}` }),
    "azure-native:operationalinsights:Workspace": (c) => ({ customerId: guid(c, "customer") }),
    "azure-native:applicationinsights:Component": (c) => {
        const key = guid(c, "instrumentation-key");
        return {
            instrumentationKey: key,
            appId: guid(c, "app"),
            connectionString: `InstrumentationKey=${key};IngestionEndpoint=https://${String(c.inputs.location)}-0.in.applicationinsights.azure.com/`,
        };
    },
    "azure-native:containerinstance:ContainerGroup": (c) => containerGroupAddress(c, guid(c, "address")),
    [EDGE_DYNAMIC_TYPES.device]: (c) => edgeDeviceOutputs(c.inputs),
    [EDGE_DYNAMIC_TYPES.deployment]: (c) => edgeDeploymentOutputs(c.inputs),
    "azure-native:iothub:IotHubResource": (c) => ({
        properties: { ...(c.inputs.properties as object), hostName: `${c.name}.${c.cloud.iotHubSuffix}`, provisioningState: "Succeeded" },
        identity: { ...(c.inputs.identity as object), principalId: guid(c, "principal"), tenantId: c.tenantId },
    }),
    "azure-native:managedidentity:UserAssignedIdentity": (c) => ({
        principalId: guid(c, "principal"),
        clientId: guid(c, "client"),
        tenantId: c.tenantId,
    }),
    // A compute's system-assigned identity gets a principal, as a workspace's does (data grants and an
    // attached Kubernetes compute's grants name it).
    "azure-native:machinelearningservices:Compute": (c) => {
        const identity = (c.inputs.identity ?? {}) as Record<string, unknown>;
        return String(identity.type ?? "").includes("SystemAssigned") ? { identity: { ...identity, principalId: guid(c, "principal"), tenantId: c.tenantId } } : {};
    },
    "azure-native:machinelearningservices:Workspace": (c) => {
        const identity = (c.inputs.identity ?? {}) as Record<string, unknown>;
        const region = String(c.inputs.location);
        return {
            workspaceId: guid(c, "workspace"),
            discoveryUrl: `https://${region}.${c.cloud.mlApiHost}/discovery`,
            mlFlowTrackingUri: `azureml://${region}.${c.cloud.mlApiHost}/mlflow/v1.0${c.id}`,
            identity: {
                ...identity,
                ...(String(identity.type ?? "").includes("SystemAssigned") ? { principalId: guid(c, "principal"), tenantId: c.tenantId } : {}),
            },
        };
    },
    // AKS: the API server FQDN is <dnsPrefix>-<hash>.hcp.<region>.azmk8s.io, a private cluster's
    // <dnsPrefix>-<hash>.<guid>.privatelink.<region>.azmk8s.io ("Create a private AKS cluster"); the OIDC
    // issuer https://<region>.oic.prod-aks.azure.com/<tenant>/<guid>/ ("Create an OIDC provider on AKS");
    // the node resource group MC_<group>_<cluster>_<region>; a kubelet identity in it. Public-cloud
    // suffixes: the simulator's clusters are in AzureCloud regions.
    "azure-native:containerservice:ManagedCluster": (c) => {
        const region = String(c.inputs.location);
        const group = c.id.split("/")[4];
        const prefix = String(c.inputs.dnsPrefix ?? c.name);
        const hash = guid(c, "fqdn").slice(0, 8);
        const nodeGroup = String(c.inputs.nodeResourceGroup ?? `MC_${group}_${c.name}_${region}`);
        const subscription = c.id.split("/")[2];
        const identity = (c.inputs.identity ?? {}) as Record<string, unknown>;
        const api = (c.inputs.apiServerAccessProfile ?? {}) as Record<string, unknown>;
        return {
            fqdn: `${prefix}-${hash}.hcp.${region}.azmk8s.io`,
            ...(api.enablePrivateCluster === true ? { privateFQDN: `${prefix}-${hash}.${guid(c, "private").replace(/-/g, "")}.privatelink.${region}.azmk8s.io` } : {}),
            nodeResourceGroup: nodeGroup,
            oidcIssuerProfile: { ...((c.inputs.oidcIssuerProfile ?? {}) as object), issuerURL: `https://${region}.oic.prod-aks.azure.com/${c.tenantId}/${guid(c, "oidc")}/` },
            identityProfile: {
                kubeletidentity: {
                    resourceId: `/subscriptions/${subscription}/resourceGroups/${nodeGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${c.name}-agentpool`,
                    clientId: guid(c, "kubelet-client"),
                    objectId: guid(c, "kubelet-object"),
                },
            },
            identity: { ...identity, ...(identity.type === "SystemAssigned" ? { principalId: guid(c, "principal"), tenantId: c.tenantId } : {}) },
            provisioningState: "Succeeded",
        };
    },
    // An online endpoint's scoring URI is https://<name>.<region>.inference.ml.azure.com/score ("Upgrade steps
    // for Azure Container Instances web services to managed online endpoints"); a Kubernetes endpoint's is
    // the cluster's inference router, which the simulation has no network for: it gets the same form.
    // A system-assigned identity gets a principal.
    "azure-native:machinelearningservices:OnlineEndpoint": (c) => {
        const identity = (c.inputs.identity ?? {}) as Record<string, unknown>;
        const host = `${c.name}.${String(c.inputs.location)}.${c.cloud.inferenceSuffix}`;
        return {
            properties: { ...((c.inputs.properties ?? {}) as object), scoringUri: `https://${host}/score`, swaggerUri: `https://${host}/swagger.json`, provisioningState: "Succeeded" },
            identity: { ...identity, ...(String(identity.type ?? "").includes("SystemAssigned") ? { principalId: guid(c, "principal"), tenantId: c.tenantId } : {}) },
        };
    },
    // A cluster extension with identity SystemAssigned gets a principal ("Extensions - Create":
    // identity.principalId is read-only); MlPlatform passes it to each Kubernetes compute.
    "azure-native:kubernetesconfiguration:Extension": (c) => {
        const identity = (c.inputs.identity ?? {}) as Record<string, unknown>;
        return {
            provisioningState: "Succeeded",
            identity: { ...identity, ...(identity.type === "SystemAssigned" ? { principalId: guid(c, "principal"), tenantId: c.tenantId } : {}) },
        };
    },
    // @pulumi/docker Image (not an ARM type; the simulator echoes its inputs and adds this): the push
    // reports `<name>@sha256:<digest>`. The image name's tag is the build context's content digest
    // (components/serving/build-context.ts), so hashing the name makes the simulated digest change
    // exactly when the context does, and the plan stays deterministic.
    "docker:index/image:Image": (c) => {
        const imageName = String(c.inputs.imageName);
        const colon = imageName.lastIndexOf(":");
        const name = colon > imageName.lastIndexOf("/") ? imageName.slice(0, colon) : imageName;
        const digest = createHash("sha256").update(`simulated-push\n${imageName}`).digest("hex");
        return { repoDigest: `${name}@sha256:${digest}`, baseImageName: imageName, registryServer: name.split("/")[0] };
    },
    // The model folder upload (components/serving/blob-upload-dynamic.ts; a dynamic resource, not an
    // ARM type): the blobs and bytes the provider reports, from the same file listing it uploads
    // (read from the local folder, no network), so the plan shows exactly what `pulumi up` sends.
    "pulumi-nodejs:dynamic/serving:ModelFolderUpload": (c) => {
        const files = uploadFiles(String(c.inputs.localPath));
        return { blobs: files.map((f) => `${String(c.inputs.prefix)}${f.relative}`).sort(), bytes: files.reduce((sum, f) => sum + f.size, 0) };
    },
    // "Network isolation with registries": the discovery URL is
    // https://<region>.api.azureml.ms/registrymanagement/v1.0/registries/<name>/discovery, and the managed
    // resource group holding the storage accounts and ACR is azureml-rg-<name>_<GUID>.
    "azure-native:machinelearningservices:Registry": (c) => {
        const region = String(c.inputs.location);
        const subscription = c.id.split("/")[2];
        return {
            discoveryUrl: `https://${region}.${c.cloud.mlApiHost}/registrymanagement/v1.0/registries/${c.name}/discovery`,
            mlFlowRegistryUri: `azureml://${region}.${c.cloud.mlApiHost}/mlflow/v1.0${c.id}`,
            managedResourceGroup: { resourceId: `/subscriptions/${subscription}/resourceGroups/azureml-rg-${c.name}_${guid(c, "managed-rg")}` },
            identity: { ...((c.inputs.identity ?? {}) as object), principalId: guid(c, "principal"), tenantId: c.tenantId },
        };
    },
};
