/**
 * The `host: kubernetes` manifests: each security field, the network policies, and every object
 * validated against the Kubernetes OpenAPI schema with kubernetes-models (the version in
 * KUBERNETES_SERVING_VERSIONS).
 */
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import {
    clusterScoringUri,
    INTERNAL_LOAD_BALANCER_ANNOTATION,
    SCORING_EGRESS,
    SCORING_UID,
    servingManifests,
    type KubernetesServingSpec,
    type ServingManifests,
} from "../../../components/serving/hosts/kubernetes-serving-manifests";
import { KUBERNETES_SERVING_VERSIONS, servingVersionProblem } from "../../../components/serving/hosts/kubernetes-serving-versions";

const IMAGE = `crfraud.azurecr.io/scorer@sha256:${"a".repeat(64)}`;
const spec = (over: Partial<KubernetesServingSpec> = {}): KubernetesServingSpec => ({
    key: "scorer",
    clusterKey: "shared",
    namespace: "fraud-scoring",
    image: IMAGE,
    port: 8080,
    routes: { scoring: "/score", liveness: "/healthz/live", readiness: "/healthz/ready" },
    clientId: "00000000-0000-0000-0000-00000000c001",
    model: { ref: "fraud:1", uri: "azureml://subscriptions/00000000-0000-0000-0000-00000000a001/models/fraud/versions/1" },
    environmentVariables: { LOG_LEVEL: "info" },
    secretEnvironmentVariableNames: ["API_TOKEN"],
    replicas: 2,
    maxReplicas: 4,
    targetCpuUtilization: 70,
    minAvailable: 1,
    resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
    serviceType: "InternalLoadBalancer",
    allowFrom: ["10.20.0.0/16"],
    ...over,
});

/** Each manifest as its kubernetes-models class (validate() throws on a schema violation). */
function models(m: ServingManifests): { name: string; validate: () => void }[] {
    const plain = (o: unknown) => JSON.parse(JSON.stringify(o));
    return [
        ["namespace", new Namespace(plain(m.namespace))],
        ["serviceAccount", new ServiceAccount(plain(m.serviceAccount))],
        ["secret", new Secret(plain(m.secret))],
        ["deployment", new Deployment(plain(m.deployment))],
        ["service", new Service(plain(m.service))],
        ["autoscaler", new HorizontalPodAutoscaler(plain(m.autoscaler))],
        ["disruptionBudget", new PodDisruptionBudget(plain(m.disruptionBudget))],
        ["denyAll", new NetworkPolicy(plain(m.denyAll))],
        ["allowScoring", new NetworkPolicy(plain(m.allowScoring))],
        ["allowEgress", new NetworkPolicy(plain(m.allowEgress))],
    ].map(([name, model]) => ({ name: name as string, validate: () => (model as { validate(): void }).validate() }));
}

/** A manifest as plain JSON (the builders' types admit Pulumi inputs; the tests pass plain values). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const plainOf = (x: unknown): any => JSON.parse(JSON.stringify(x));

describe("kubernetes serving manifests", () => {
    const m = servingManifests(spec());
    const pod = (m.deployment.spec as any).template.spec;
    const container = pod.containers[0];

    it("validates every object against the Kubernetes OpenAPI schema, for both service types", () => {
        for (const s of [spec(), spec({ serviceType: "ClusterIP", allowFrom: [], model: undefined, secretEnvironmentVariableNames: [] })]) {
            const all = models(servingManifests(s));
            expect(all).toHaveLength(Object.keys(m).length);
            for (const o of all) expect(() => o.validate()).not.toThrow();
        }
    });

    it("the validator refuses what Kubernetes refuses (a malformed quantity, a non-integer uid)", () => {
        const bad = servingManifests(spec({ resources: { requests: { cpu: "500x", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } } }));
        expect(() => models(bad).find((o) => o.name === "deployment")!.validate()).toThrow(/quantity/);
        const uid = JSON.parse(JSON.stringify(m.deployment));
        uid.spec.template.spec.securityContext.runAsUser = "10001";
        expect(() => new Deployment(uid).validate()).toThrow(/runAsUser must be integer/);
    });

    it("records the library and the Kubernetes minor it models", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const installed = (require("kubernetes-models/package.json") as { version: string }).version;
        expect(`kubernetes-models@${installed}`).toBe(KUBERNETES_SERVING_VERSIONS.modelsPackage);
        expect(KUBERNETES_SERVING_VERSIONS.modelsMinor).toBe("1.33");
    });

    it("refuses a pinned cluster version older than Pod Security Admission GA, accepts newer than the models", () => {
        expect(servingVersionProblem("1.24.9")).toMatch(/older than 1\.25.*Pod Security Admission/);
        expect(servingVersionProblem("1.25")).toBeUndefined();
        expect(servingVersionProblem("1.35.1")).toBeUndefined();
    });

    it("enforces the restricted Pod Security Standard on the namespace", () => {
        expect(plainOf(m.namespace).metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted", "pod-security.kubernetes.io/audit": "restricted" });
    });

    it("runs as the non-root uid with a read-only root, no escalation, no capabilities, RuntimeDefault seccomp", () => {
        expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: SCORING_UID, runAsGroup: SCORING_UID, fsGroup: SCORING_UID, seccompProfile: { type: "RuntimeDefault" } });
        expect(container.securityContext).toMatchObject({
            runAsNonRoot: true,
            runAsUser: 10001,
            privileged: false,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });
        expect(container.volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
        expect(pod.volumes).toEqual([{ name: "tmp", emptyDir: { sizeLimit: "1Gi" } }]);
    });

    it("uses workload identity without mounting the API token", () => {
        expect(plainOf(m.serviceAccount).metadata.annotations).toEqual({ "azure.workload.identity/client-id": "00000000-0000-0000-0000-00000000c001" });
        expect(m.serviceAccount.automountServiceAccountToken).toBe(false);
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.serviceAccountName).toBe("scorer");
        expect((m.deployment.spec as any).template.metadata.labels["azure.workload.identity/use"]).toBe("true");
        // The selector never carries the workload identity label (a selector is immutable).
        expect((m.deployment.spec as any).selector.matchLabels).toEqual({ "app.kubernetes.io/name": "scorer", "app.kubernetes.io/component": "scoring" });
    });

    it("pins the image by digest, probes the image's routes on its port, sets requests and limits", () => {
        expect(container.image).toBe(IMAGE);
        expect(container.ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
        expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz/live", port: "http" });
        expect(container.readinessProbe.httpGet).toEqual({ path: "/healthz/ready", port: "http" });
        expect(container.startupProbe.httpGet.path).toBe("/healthz/live");
        expect(container.resources).toEqual({ requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } });
    });

    it("takes the App Insights connection string and secret variables from the Secret, never as literals", () => {
        const env = container.env as { name: string; value?: string; valueFrom?: unknown }[];
        const byName = Object.fromEntries(env.map((e) => [e.name, e]));
        expect(byName.APPLICATIONINSIGHTS_CONNECTION_STRING).toEqual({ name: "APPLICATIONINSIGHTS_CONNECTION_STRING", valueFrom: { secretKeyRef: { name: "scorer-env", key: "APPLICATIONINSIGHTS_CONNECTION_STRING" } } });
        expect(byName.API_TOKEN).toEqual({ name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "scorer-env", key: "API_TOKEN" } } });
        expect(byName.MODEL_URI.value).toMatch(/^azureml:\/\//);
        expect(byName.LOG_LEVEL.value).toBe("info");
        expect(Object.keys(m.secret.stringData as object).sort()).toEqual(["API_TOKEN", "APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    });

    it("spreads pods over zones and nodes and lets the autoscaler own the replica count", () => {
        expect(pod.topologySpreadConstraints.map((t: { topologyKey: string }) => t.topologyKey)).toEqual(["topology.kubernetes.io/zone", "kubernetes.io/hostname"]);
        expect((m.deployment.spec as any).replicas).toBeUndefined();
        expect(m.autoscaler.spec).toMatchObject({ minReplicas: 2, maxReplicas: 4, scaleTargetRef: { kind: "Deployment", name: "scorer" } });
        expect(m.disruptionBudget.spec).toMatchObject({ minAvailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "scorer" } } });
    });

    it("puts the Service on an internal load balancer that keeps client IPs, or ClusterIP", () => {
        expect(plainOf(m.service).metadata.annotations).toEqual({ [INTERNAL_LOAD_BALANCER_ANNOTATION]: "true" });
        expect(m.service.spec).toMatchObject({ type: "LoadBalancer", externalTrafficPolicy: "Local" });
        const internal = servingManifests(spec({ serviceType: "ClusterIP" })).service;
        expect(internal.spec).toMatchObject({ type: "ClusterIP" });
        expect(plainOf(internal).metadata.annotations).toBeUndefined();
        expect(clusterScoringUri(spec())).toBe("http://scorer.fraud-scoring.svc.cluster.local:8080/score");
    });

    it("denies all traffic by default and allows the scoring port from allowFrom, DNS and HTTPS out (not IMDS)", () => {
        expect(m.denyAll.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        expect(m.allowScoring.spec).toMatchObject({ policyTypes: ["Ingress"], ingress: [{ from: [{ ipBlock: { cidr: "10.20.0.0/16" } }], ports: [{ protocol: "TCP", port: 8080 }] }] });
        const egress = (m.allowEgress.spec as any).egress;
        expect(egress[0].ports).toEqual([{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }]);
        expect(egress[0].to[0].podSelector.matchLabels).toEqual({ "k8s-app": "kube-dns" });
        expect(egress[1]).toEqual({ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [...SCORING_EGRESS.except] } }], ports: [{ protocol: "TCP", port: 443 }] });
        expect(SCORING_EGRESS.except).toContain("169.254.169.254/32");
        // ClusterIP: callers are pods, matched by namespace selector, not ipBlock.
        const inCluster = servingManifests(spec({ serviceType: "ClusterIP", allowFrom: [] })).allowScoring.spec as any;
        expect(inCluster.ingress[0].from).toEqual([{ namespaceSelector: {} }]);
        // No allowFrom on a load balancer: nothing is allowed in (the config checks refuse this first).
        expect((servingManifests(spec({ allowFrom: [] })).allowScoring.spec as any).ingress).toEqual([]);
    });
});
