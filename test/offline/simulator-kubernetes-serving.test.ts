/**
 * Simulated Azure and Kubernetes for `host: kubernetes`: federated identity credentials (name rule,
 * the Entra limits) and the simulated API server (namespaces must exist, DNS name rules, the
 * internal load balancer's IP, unknown in preview).
 */
import type * as pulumi from "@pulumi/pulumi";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { SimulatedAzure } from "../../offline/azure-sim/simulator";

const FIC = "azure-native:managedidentity:FederatedIdentityCredential";
const RG = "rg-aml";
const create = (s: SimulatedAzure, type: string, inputs: Record<string, unknown>, name = "r"): pulumi.runtime.MockResourceResult =>
    s.newResource({ type, name, inputs, custom: true }) as pulumi.runtime.MockResourceResult;
const fic = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    resourceGroupName: RG,
    resourceName: "id-aml-fraud-scorer",
    federatedIdentityCredentialResourceName: "aks-shared-fraud-scorer",
    issuer: "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-0000000000aa/1/",
    subject: "system:serviceaccount:fraud:scorer",
    audiences: ["api://AzureADTokenExchange"],
    ...over,
});

describe("federated identity credentials", () => {
    it("hang under their identity", () => {
        const s = new SimulatedAzure({ preview: false });
        expect(create(s, FIC, fic()).id).toBe(`/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aml-fraud-scorer/federatedIdentityCredentials/aks-shared-fraud-scorer`);
        expect(s.rejections).toEqual([]);
    });

    it("refuse a bad name, an http issuer, a wildcard subject, two audiences", () => {
        const s = new SimulatedAzure({ preview: false });
        create(s, FIC, fic({ federatedIdentityCredentialResourceName: "-x" }), "bad-name");
        create(s, FIC, fic({ issuer: "http://issuer.example", subject: "system:serviceaccount:*:scorer", audiences: ["a", "b"] }), "bad-fields");
        expect(s.rejections).toHaveLength(2);
        expect(s.rejections[0]).toMatch(/bad-name.*federatedIdentityCredentialResourceName/);
        expect(s.rejections[1]).toMatch(/issuer "http:\/\/issuer.example" must be an https URL.*subject .* no wildcard.*audiences has 2 values/);
    });

    it("refuse a 21st credential and a repeated issuer/subject pair on one identity", () => {
        const s = new SimulatedAzure({ preview: false });
        for (let i = 0; i < 20; i++) create(s, FIC, fic({ federatedIdentityCredentialResourceName: `fic-${i}`, subject: `system:serviceaccount:ns:sa${i}` }), `f${i}`);
        expect(s.rejections).toEqual([]);
        create(s, FIC, fic({ federatedIdentityCredentialResourceName: "fic-20", subject: "system:serviceaccount:ns:sa0" }), "f20");
        expect(s.rejections).toHaveLength(1);
        expect(s.rejections[0]).toMatch(/already has 20 federated credentials; at most 20.*already trusts issuer .* for subject system:serviceaccount:ns:sa0/);
    });
});

describe("the simulated Kubernetes API server", () => {
    const svc = (name: string, ns: string, annotations?: Record<string, string>) => ({ metadata: { name, namespace: ns, annotations }, spec: { type: "LoadBalancer", ports: [{ port: 8080 }] } });

    it("refuses a namespaced object in a namespace nobody creates, and non-DNS names", () => {
        const s = new SimulatedAzure({ preview: false });
        create(s, "kubernetes:core/v1:Namespace", { metadata: { name: "fraud" } }, "ns");
        create(s, "kubernetes:apps/v1:Deployment", { metadata: { name: "scorer", namespace: "fraud" } }, "ok");
        create(s, "kubernetes:apps/v1:Deployment", { metadata: { name: "scorer", namespace: "elsewhere" } }, "lost");
        create(s, "kubernetes:core/v1:Service", { metadata: { name: "1scorer", namespace: "default" } }, "digit");
        create(s, "kubernetes:core/v1:Namespace", { metadata: { name: "Fraud" } }, "upper");
        expect(s.rejections).toEqual([
            'kubernetes:apps/v1:Deployment "lost": namespaces "elsewhere" not found; create the Namespace first (and depend on it)',
            'kubernetes:core/v1:Service "digit": metadata.name "1scorer" is not an RFC 1035 label (a lowercase letter first, then letters, digits, hyphens; 63 at most)',
            'kubernetes:core/v1:Namespace "upper": metadata.name "Fraud" is not an RFC 1123 label (lowercase letters, digits, hyphens; 63 at most)',
        ]);
    });

    it("gives an internal load balancer a private IP (deterministic), unknown in preview", () => {
        const ip = (preview: boolean) => {
            const s = new SimulatedAzure({ preview });
            const state = create(s, "kubernetes:core/v1:Service", svc("scorer", "default", { "service.beta.kubernetes.io/azure-load-balancer-internal": "true" })).state as Record<string, unknown>;
            return state.status;
        };
        const up = ip(false) as { loadBalancer: { ingress: { ip: string }[] } };
        expect(up.loadBalancer.ingress[0].ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
        expect(ip(false)).toEqual(up);
        expect(ip(true)).toBe(unknownValue);
        const s = new SimulatedAzure({ preview: false });
        const pub = create(s, "kubernetes:core/v1:Service", svc("public", "default")).state as { status: { loadBalancer: { ingress: { ip: string }[] } } };
        expect(pub.status.loadBalancer.ingress[0].ip).toMatch(/^203\.0\.113\./);
    });
});
