/**
 * Policies for Azure ML online endpoints and their deployments
 * (azure-native:machinelearningservices:OnlineEndpoint, OnlineDeployment). Sources: "Authenticate
 * clients for online endpoints" (Entra tokens are the strongest mode, managed endpoints only; keys
 * never expire), "Network isolation with managed online endpoints" (public_network_access,
 * egress_public_network_access), "Monitor online endpoints" (Application Insights logging).
 */
import { propertyPolicy, resourcePolicy } from "../lib/define";
import { eqi, readPath, show } from "../lib/read";
import { is, oneOf } from "../lib/matchers";
import { TYPES } from "../lib/tokens";

const ENDPOINT = [TYPES.onlineEndpoint];
const DEPLOYMENT = [TYPES.onlineDeployment];

/**
 * Entra token authentication. Keys are static and never expire: reported, and refused in
 * production. AML tokens are short-lived but not role-scoped, and the only token a Kubernetes
 * endpoint offers: always reported as advisory.
 */
export const onlineEndpointTokenAuth = resourcePolicy({
    name: "online-endpoint-token-auth",
    description: "Online endpoints should authenticate callers with Microsoft Entra tokens; static keys are refused in production.",
    severity: "medium",
    productionGated: true,
    remediation: "Set properties.authMode to AADToken (serving config: authMode aadToken, the default); a Kubernetes endpoint, which has no Entra tokens, uses AMLToken (authMode amlToken).",
    sources: { other: ["Authenticate clients for online endpoints"], mcsb: ["IM-1", "IM-8"] },
    controls: ["onlineEndpoint.token-auth"],
    types: ENDPOINT,
    check: ({ props, report }) => {
        const mode = readPath(props, "properties.authMode");
        if (eqi(mode, "AADToken")) return;
        if (eqi(mode, "AMLToken")) {
            report("properties.authMode is AMLToken; set it to AADToken where the endpoint is managed (Kubernetes endpoints offer AMLToken at best)", true);
            return;
        }
        report(`properties.authMode is ${show(mode)}; set it to AADToken (or AMLToken on a Kubernetes endpoint)`);
    },
});

/** Private scoring endpoint in production. */
export const onlineEndpointPublicNetwork = propertyPolicy({
    name: "online-endpoint-public-network",
    description: "Online endpoints must not accept scoring requests from the public internet in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set properties.publicNetworkAccess to Disabled (serving config: leave publicNetworkAccess unset in a private stack) and score through the workspace's private endpoint.",
    sources: { other: ["Network isolation with managed online endpoints"], mcsb: ["NS-2"] },
    controls: ["onlineEndpoint.public-network"],
    types: ENDPOINT,
    expectations: [{ path: "properties.publicNetworkAccess", expect: is("Disabled") }],
});

/** A managed identity runs the deployments' containers. */
export const onlineEndpointManagedIdentity = propertyPolicy({
    name: "online-endpoint-managed-identity",
    description: "Online endpoints must have a managed identity (it pulls images and reads models without secrets).",
    severity: "medium",
    remediation: "Set identity.type to SystemAssigned (Azure grants it AcrPull and Storage Blob Data Reader on the workspace's registry and storage) or UserAssigned.",
    sources: { other: ["Authentication and authorization for online endpoints"], mcsb: ["IM-3"] },
    controls: ["onlineEndpoint.managed-identity"],
    types: ENDPOINT,
    expectations: [{ path: "identity.type", expect: oneOf(["SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned"], "SystemAssigned or UserAssigned") }],
});

/** Closed outbound access of managed deployments in production (legacy isolation; ignored under a managed network). */
export const onlineDeploymentEgress = propertyPolicy({
    name: "online-deployment-egress",
    description: "Managed online deployments must not have public outbound access in production.",
    severity: "medium",
    productionGated: true,
    remediation: "Set properties.egressPublicNetworkAccess to Disabled (the toolkit's default in a private stack); with a workspace managed network the network's outbound rules govern.",
    sources: { other: ["Network isolation with managed online endpoints"], mcsb: ["NS-3", "DP-2"] },
    controls: ["onlineDeployment.egress"],
    types: DEPLOYMENT,
    appliesTo: (props) => eqi(readPath(props, "properties.endpointComputeType"), "Managed"),
    expectations: [{ path: "properties.egressPublicNetworkAccess", expect: is("Disabled") }],
});

/** Request logs and metrics of each deployment. */
export const onlineDeploymentAppInsights = propertyPolicy({
    name: "online-deployment-app-insights",
    description: "Online deployments must log to Application Insights.",
    severity: "low",
    remediation: "Set properties.appInsightsEnabled to true.",
    sources: { other: ["Monitor online endpoints"], mcsb: ["LT-3"] },
    controls: ["onlineDeployment.app-insights"],
    types: DEPLOYMENT,
    expectations: [{ path: "properties.appInsightsEnabled", expect: is(true) }],
});
