/**
 * Image builds when the registry is private: the config must name the cluster that builds them.
 *
 * "Secure an Azure Machine Learning workspace with virtual networks", Configure image builds
 * (https://learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet, read
 * 2026-12-04): "When Azure Container Registry is behind the virtual network, Azure Machine
 * Learning can't use it to directly build Docker images (used for training and deployment).
 * Instead, configure the workspace to use the compute cluster" (the workspace's
 * `image_build_compute`, ARM `imageBuildCompute`). Without it every environment image build of the
 * workspace fails at run time, long after the deployment succeeded.
 *
 * Scope: the platform's own workspace (single, or the hub whose registry the projects share). With
 * independent team workspaces `workspace.imageBuildCompute` is not per team today, so no check is
 * made there (ARCHITECTURE.md, "Compute").
 */
import { decideRegistryFor } from "../components/workspace/registry-mode";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";

/** A private registry the stack creates for its own workspace, with no cluster named to build images. */
export function imageBuildProblems(c: PlatformConfig): ConfigProblem[] {
    const independentTeams = Object.keys(c.teams ?? {}).length > 0 && c.sharing !== "hub";
    if (independentTeams || c.workspace.imageBuildCompute !== undefined) return [];
    // Serving images do not count here: they are built by @pulumi/docker outside Azure ML and pushed,
    // and their environment versions name the finished image (no Azure ML build). Only what runs
    // jobs in Azure ML-built environment images (compute), or a registry the config always creates, needs the cluster.
    if (decideRegistryFor({ containerRegistry: c.containerRegistry, workspace: c.workspace, compute: c.compute }) !== "create" || c.network.publicNetworkAccess !== "Disabled") return [];
    const clusters = Object.keys(c.compute.clusters);
    return [
        {
            path: at("workspace.imageBuildCompute"),
            problem: "is not set, but the workspace's container registry is private (network.publicNetworkAccess Disabled), and Azure ML cannot build images in a registry behind a network",
            fix:
                clusters.length > 0
                    ? `set it to a CPU cluster of compute.clusters (${clusters.join(", ")}) that builds the images inside the network`
                    : "add a CPU cluster, e.g. compute.clusters.image-build: { vmSize: Standard_DS3_v2, maxNodes: 1 }, and name it in workspace.imageBuildCompute",
        },
    ];
}

/** The checks config.ts runs with the other semantic checks. */
export const IMAGE_BUILD_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [imageBuildProblems];
