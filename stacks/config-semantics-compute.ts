/**
 * Checks of one compute section (`compute`, or a team's `teams.<key>.compute`): compute names,
 * node ranges, names shared by a cluster and an instance. Pure, taking the section and its key
 * path, so the platform's compute and every team's are held to the same rules.
 */
import { nameProblem } from "../components/naming";
import { at, type ConfigProblem } from "./config-errors";

/** The part of a compute section these checks read (`properties.compute` of the stack schema). */
export interface ComputeSection {
    /** Clusters by compute name. */
    clusters: Readonly<Record<string, { minNodes: number; maxNodes: number }>>;
    /** Instances by compute name. */
    instances: Readonly<Record<string, unknown>>;
    /** Attached Kubernetes computes by compute name (their own checks: config-semantics-kubernetes.ts). */
    kubernetes?: Readonly<Record<string, unknown>>;
}

/** Problems of the compute section at `basePath` (e.g. `compute` or `teams.risk.compute`). */
export function computeSectionProblems(compute: ComputeSection, basePath: string): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const { clusters, instances } = compute;
    // Clusters and instances share one namespace (workspaces/computes/{name}), and ARM resource names
    // are case-insensitive (Naming rules and restrictions for Azure resources —
    // https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules), so
    // CPU01 and cpu01 are one compute: the first key written keeps the name, later ones are reported.
    const taken = new Map<string, string>();
    const claim = (key: string, name: string): void => {
        const first = taken.get(name.toLowerCase());
        if (first === undefined) taken.set(name.toLowerCase(), key);
        else out.push({ path: at(key), problem: `has the name of ${first} (compute names are case-insensitive and unique per workspace)`, fix: "rename one of them" });
    };
    for (const [name, cl] of Object.entries(clusters)) {
        const problem = nameProblem("computeCluster", name);
        if (problem) out.push({ path: at(`${basePath}.clusters.${name}`), problem, fix: "rename the cluster" });
        claim(`${basePath}.clusters.${name}`, name);
        if (cl.minNodes > cl.maxNodes) out.push({ path: at(`${basePath}.clusters.${name}.minNodes`), problem: `(${cl.minNodes}) is above maxNodes (${cl.maxNodes})`, fix: "lower minNodes or raise maxNodes" });
    }
    for (const name of Object.keys(instances)) {
        const problem = nameProblem("computeInstance", name);
        if (problem) out.push({ path: at(`${basePath}.instances.${name}`), problem, fix: "rename the instance" });
        claim(`${basePath}.instances.${name}`, name);
    }
    for (const name of Object.keys(compute.kubernetes ?? {})) {
        const problem = nameProblem("kubernetesCompute", name);
        if (problem) out.push({ path: at(`${basePath}.kubernetes.${name}`), problem, fix: "rename the Kubernetes compute" });
        claim(`${basePath}.kubernetes.${name}`, name);
    }
    return out;
}
