/**
 * Which Kubernetes versions the `host: kubernetes` manifests are written and validated for: the
 * ONE table read by the config checks (a pinned cluster version older than `minimumMinor` is
 * refused) and the tests (every manifest validates against the OpenAPI schema of `modelsMinor`).
 *
 * Sources (checked 2026-12-04):
 * - kubernetes-models (tommy351/kubernetes-models-ts) CHANGELOG: 4.5.0 "Update schema version to
 *   v1.33.0" (4.5.1 changes only a dependency); 5.x models v1.36.0 but is ESM-only and needs
 *   Node.js 22+, which this repository's CommonJS build and Node 20 cannot load.
 * - Kubernetes release pages (https://kubernetes.io/releases/): 1.33 upstream end of life 2026-06-28,
 *   1.34 2026-10-27. AKS keeps a minor 12 months after its AKS GA (longer with LTS), so on this date
 *   clusters run 1.33 (LTS) or newer; AKS's default is newer still ("Supported Kubernetes versions in
 *   Azure Kubernetes Service", https://learn.microsoft.com/azure/aks/supported-kubernetes-versions).
 * - Every API the manifests use is GA (v1) well before `minimumMinor`: policy/v1 PodDisruptionBudget
 *   (1.21), autoscaling/v2 HorizontalPodAutoscaler (1.23), seccompProfile (1.19), networking.k8s.io/v1
 *   NetworkPolicy (1.7), and Pod Security Admission, which the namespace labels rely on, GA in 1.25
 *   ("Pod Security Admission", https://kubernetes.io/docs/concepts/security/pod-security-admission/).
 *   GA v1 APIs only gain optional fields, so objects valid for 1.33 stay valid on 1.34+ clusters.
 */

/** The versions table. */
export const KUBERNETES_SERVING_VERSIONS = {
    /** The validation library and version the tests use (devDependency). */
    modelsPackage: "kubernetes-models@4.5.1",
    /** Kubernetes minor whose OpenAPI schema the library models. */
    modelsMinor: "1.33",
    /** Oldest minor the manifests work on: Pod Security Admission (namespace labels) is GA from 1.25. */
    minimumMinor: "1.25",
    /** Date the table was checked. */
    checked: "2026-12-04",
} as const;

/** `[major, minor]` of `1.30` or `1.30.4`, or undefined for anything else. */
export function minorOf(version: string): [number, number] | undefined {
    const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Why a pinned cluster version cannot run the manifests, or undefined. */
export function servingVersionProblem(version: string): string | undefined {
    const v = minorOf(version);
    const min = minorOf(KUBERNETES_SERVING_VERSIONS.minimumMinor) as [number, number];
    if (!v) return undefined; // the cluster's own checks report a malformed version
    const older = v[0] < min[0] || (v[0] === min[0] && v[1] < min[1]);
    return older
        ? `the cluster pins Kubernetes ${version}, older than ${KUBERNETES_SERVING_VERSIONS.minimumMinor}, where Pod Security Admission (the namespace's restricted labels) became GA`
        : undefined;
}
