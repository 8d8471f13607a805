/**
 * What Azure Container Instances accepts, in one place: the component, the config checks
 * (stacks/config-semantics-serving-aci.ts), the simulator's ARM rules and the tests read these.
 * Pure: no Pulumi.
 *
 * Sources (read 2026-12-04):
 * - "Resource availability & quota limits for ACI"
 *   (https://learn.microsoft.com/azure/container-instances/container-instances-resource-and-quota-limits,
 *   ms.date 2025-11-17): standard (general purpose) container groups, Linux and Windows, general and
 *   virtual network deployments alike: at most 31 vCPU and 240 GB memory per container group, hard
 *   limits; above 4 vCPU / 16 GB a deployment may fail on regional capacity until a quota increase.
 *   5 ports per IP.
 * - "Virtual network scenarios and resources for Azure Container Instances"
 *   (https://learn.microsoft.com/azure/container-instances/container-instances-virtual-network-concepts):
 *   a group in a virtual network has no public IP or DNS label; "Managed Identity with virtual
 *   networking capabilities isn't supported in Azure Government Regions"; the subnet holds container
 *   groups only and must be in the group's subscription.
 * - "Deploy to Azure Container Instances from Azure Container Registry using a managed identity"
 *   (https://learn.microsoft.com/azure/container-instances/using-azure-container-registry-mi):
 *   image pulls from ACR authenticate with a USER-assigned identity only (system-assigned is not
 *   supported, whatever the OS); the registry needs trusted services enabled; its private endpoint
 *   must not be in the ACI-delegated subnet.
 * - "Deploy an Azure Container Instances (ACI) container group with DNS name reuse policy"
 *   (https://learn.microsoft.com/azure/container-instances/how-to-reuse-dns-names): `TenantReuse`
 *   hashes the label with the tenant, so a released label cannot be taken over by another tenant.
 * - DNS name label: a DNS host label; the toolkit accepts what an Azure public IP's domain name label
 *   accepts ("Public IP addresses", https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses:
 *   `^[a-z][a-z0-9-]{1,61}[a-z0-9]$`), the stricter reading, so a label we accept deploys.
 */
import { TELEMETRY_ENV } from "../endpoint-telemetry";

/** Per container group maxima of a standard (non-confidential, non-spot) container group. */
export interface ContainerGroupLimits {
    /** vCPU. */
    maxCpu: number;
    /** Memory in GB. */
    maxMemoryInGB: number;
}

/** Maxima by placement (same today; kept apart because the docs list them apart and have differed by region before). */
export const ACI_LIMITS: Readonly<{ general: ContainerGroupLimits; virtualNetwork: ContainerGroupLimits; portsPerIp: number; capacityCpu: number; capacityMemoryInGB: number }> = Object.freeze({
    general: Object.freeze({ maxCpu: 31, maxMemoryInGB: 240 }),
    virtualNetwork: Object.freeze({ maxCpu: 31, maxMemoryInGB: 240 }),
    /** "Ports per IP: 5" (hard limit). */
    portsPerIp: 5,
    /** Above these a deployment may fail on regional capacity unless the subscription's quota was raised (the docs' IMPORTANT note). */
    capacityCpu: 4,
    capacityMemoryInGB: 16,
});

/** Problems of a container group's CPU and memory request (empty when ACI accepts them). */
export function resourceProblems(cpu: number, memoryInGB: number, inVirtualNetwork: boolean): string[] {
    const limits = inVirtualNetwork ? ACI_LIMITS.virtualNetwork : ACI_LIMITS.general;
    const where = inVirtualNetwork ? "in a virtual network" : "with a public IP";
    const out: string[] = [];
    if (!(cpu > 0) || cpu > limits.maxCpu) out.push(`cpu ${cpu} is outside what a container group ${where} accepts (more than 0, at most ${limits.maxCpu} vCPU)`);
    if (!(memoryInGB > 0) || memoryInGB > limits.maxMemoryInGB) out.push(`memoryInGB ${memoryInGB} is outside what a container group ${where} accepts (more than 0, at most ${limits.maxMemoryInGB} GB)`);
    return out;
}

/** DNS name label of a public container group (see the module comment). */
export const DNS_LABEL_PATTERN = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/** Why `label` is not a DNS name label ACI accepts, or undefined. */
export function dnsLabelProblem(label: string): string | undefined {
    return DNS_LABEL_PATTERN.test(label) ? undefined : `"${label}" is not a DNS label (3-63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit)`;
}

/** The DNS name reuse scope the toolkit sets on a public label (subdomain takeover protection). */
export const DNS_LABEL_REUSE_SCOPE = "TenantReuse";

/**
 * Environment variable names the toolkit accepts: a letter or underscore, then letters, digits,
 * underscores (the POSIX portable shell name, which every runtime in a Linux container reads).
 */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `name` is not an environment variable name the toolkit accepts, or undefined. */
export function envNameProblem(name: string): string | undefined {
    return ENV_NAME_PATTERN.test(name) ? undefined : `"${name}" is not an environment variable name (a letter or underscore, then letters, digits and underscores)`;
}

/**
 * Variables the host sets itself; an endpoint may not set them.
 * - MODEL_URI: where the model's files are (`azureml://…` or `https://…`); the container reads them
 *   with its identity (AZURE_CLIENT_ID), which has Storage Blob Data Reader on the model's account.
 * - AZURE_CLIENT_ID: the client ID of the endpoint's user-assigned identity, which the Azure Identity
 *   libraries' DefaultAzureCredential / ManagedIdentityCredential read to pick a user-assigned identity
 *   ("Azure Identity client library", environment variables).
 * - APPLICATIONINSIGHTS_CONNECTION_STRING: the Application Insights connection string, which the Azure
 *   Monitor OpenTelemetry distros read ("Configure Azure Monitor OpenTelemetry", connection string);
 *   passed as a secure value.
 */
export const HOST_ENV = Object.freeze({
    modelUri: "MODEL_URI",
    clientId: "AZURE_CLIENT_ID",
    applicationInsights: TELEMETRY_ENV.connectionString,
    // The telemetry names the endpoint's alerts filter on (endpoint-telemetry.ts).
    serviceName: TELEMETRY_ENV.serviceName,
    resourceAttributes: TELEMETRY_ENV.resourceAttributes,
});

/** Whether a cloud supports a user-assigned identity on a container group in a virtual network. */
export function supportsIdentityInVirtualNetwork(cloud: string): boolean {
    return cloud !== "AzureUSGovernment";
}

/** Name of the one container of an endpoint's group (1-63 lowercase letters, digits, hyphens: the containerName rule). */
export const SCORING_CONTAINER_NAME = "score";
