/** Policies for Azure Container Instances (azure-native:containerinstance:ContainerGroup). */
import { resourcePolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { isSensitiveName, setsClearValue } from "../lib/sensitive";
import { eqi, readArray, readPath, readString, show } from "../lib/read";
import { registryPatterns } from "../lib/clouds";
import { imageProblems, IMAGE_CONFIG_SCHEMA, type ImageConfig } from "../lib/images";
import { TYPES } from "../lib/tokens";

const ACI = [TYPES.containerGroup];

/** Private IP in a subnet (production). */
export const aciPrivateIpInVnet = resourcePolicy({
    name: "aci-private-ip-in-vnet",
    description: "Container groups must use a private IP in a virtual network subnet in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set ipAddress.type to Private and subnetIds to [{ id: <subnet ID> }].",
    sources: { azurePolicy: ["8af8f826"], checkov: ["CKV_AZURE_98", "CKV_AZURE_245"], mcsb: ["NS-1"] },
    controls: ["aci.private-ip-in-vnet"],
    types: ACI,
    check: ({ props, report }) => {
        const type = readPath(props, "ipAddress.type");
        if (!eqi(type, "Private")) {
            report(`ipAddress.type is ${show(type)}; set it to Private`);
        }
        if (readArray(props, "subnetIds").length === 0) {
            report("subnetIds is not set; set it to [{ id: <subnet ID> }]");
        }
    },
});

/** Managed identity (to pull images and reach services without secrets). */
export const aciManagedIdentity = resourcePolicy({
    name: "aci-managed-identity",
    description: "Container groups must use a managed identity.",
    severity: "medium",
    remediation: "Set identity.type to SystemAssigned or UserAssigned and pull images with it (imageRegistryCredentials[].identity).",
    sources: { checkov: ["CKV2_AZURE_28"], mcsb: ["IM-3"] },
    controls: ["aci.managed-identity"],
    types: ACI,
    check: ({ props, report }) => {
        const type = readPath(props, "identity.type");
        if (type === undefined || eqi(type, "None")) {
            report(`identity.type is ${show(type)}; set it to SystemAssigned or UserAssigned`);
        }
    },
});

/** Sensitive environment variables use secureValue. */
export const aciNoPlainSecretEnv = resourcePolicy({
    name: "aci-no-plain-secret-env",
    description: "Container group environment variables with sensitive names must use secureValue, not value (Azure shows value in clear, even when Pulumi held it as a secret).",
    severity: "high",
    remediation: "Move the value of each sensitive variable from value to secureValue (better: read it from Key Vault with the managed identity).",
    sources: { checkov: ["CKV_AZURE_235"], mcsb: ["IM-8"] },
    controls: ["aci.no-plain-secret-env"],
    types: ACI,
    check: ({ props, report }) => {
        readArray(props, "containers").forEach((c, i) => {
            readArray(c, "environmentVariables").forEach((env, j) => {
                const name = readString(env, "name");
                if (name !== undefined && isSensitiveName(name) && setsClearValue(env)) {
                    report(`containers[${i}].environmentVariables[${j}] (${name}) sets value; set secureValue instead`);
                }
            });
        });
    },
});

/** Images from the workspace registry, pinned by digest. */
export const aciImagePinnedFromRegistry = resourcePolicy<ImageConfig & ProductionConfig>({
    name: "aci-image-pinned-from-registry",
    description: "Container group images must come from an allowed registry (the workspace's ACR) and be pinned by digest.",
    severity: "high",
    remediation: `Reference images as <registry login server>/<repo>@sha256:<digest> from an Azure container registry (${registryPatterns().join(", ")}).`,
    sources: { other: ["own: supply chain"], mcsb: ["DS-6"] },
    controls: ["aci.image-pinned-from-registry"],
    types: ACI,
    config: IMAGE_CONFIG_SCHEMA(registryPatterns()),
    check: ({ props, config, report }) => {
        readArray(props, "containers").forEach((c, i) => {
            for (const problem of imageProblems(readPath(c, "image"), config.allowedRegistries)) {
                report(`containers[${i}].image ${problem}`);
            }
        });
    },
});

/** Liveness and readiness probes. */
export const aciProbes = resourcePolicy({
    name: "aci-probes",
    description: "Container group containers must define liveness and readiness probes.",
    severity: "low",
    remediation: "Set livenessProbe and readinessProbe on every container (httpGet on the scoring health route).",
    sources: { other: ["own: reliability"] },
    controls: ["aci.probes"],
    types: ACI,
    check: ({ props, report }) => {
        readArray(props, "containers").forEach((c, i) => {
            for (const probe of ["livenessProbe", "readinessProbe"]) {
                if (readPath(c, probe) === undefined) {
                    report(`containers[${i}].${probe} is not set; set it`);
                }
            }
        });
    },
});

/**
 * Registry credentials by identity, not password: "Deploy to Azure Container Instances from Azure
 * Container Registry using a managed identity" (user-assigned identity pulls; no secret to leak or
 * rotate). A username/password (or a password reference) is a long-lived registry secret in the group.
 */
export const aciRegistryIdentityPull = resourcePolicy({
    name: "aci-registry-identity-pull",
    description: "Container group image registry credentials must use a managed identity (imageRegistryCredentials[].identity), not a username and password.",
    severity: "high",
    remediation: "Set imageRegistryCredentials[].identity to a user-assigned identity of the group with AcrPull on the registry, and drop username/password.",
    sources: { other: ["own: Deploy to ACI from ACR using a managed identity"], mcsb: ["IM-3"] },
    controls: ["aci.registry-identity-pull"],
    types: ACI,
    check: ({ props, report }) => {
        readArray(props, "imageRegistryCredentials").forEach((cred, i) => {
            for (const field of ["username", "password", "passwordReference"]) {
                if (readPath(cred, field) !== undefined) report(`imageRegistryCredentials[${i}].${field} is set; pull with identity instead`);
            }
            if (readPath(cred, "identity") === undefined) report(`imageRegistryCredentials[${i}].identity is not set; set it to a user-assigned identity with AcrPull`);
        });
    },
});
