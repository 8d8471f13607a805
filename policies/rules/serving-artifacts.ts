/**
 * Serving artifacts (azure-native:machinelearningservices:EnvironmentVersion): the image an
 * online deployment runs comes from an allowed registry and is pinned by digest. The same control
 * for the other hosts already lives beside their resources: container groups in
 * aci.ts (`aci-image-pinned-from-registry`) and Kubernetes workloads in kubernetes.ts
 * (`k8s-image-provenance`), all three through lib/images.ts `imageProblems`. The pack's own control
 * (supply chain): a tag can be moved to other content after review; a digest names one manifest.
 */
import { resourcePolicy } from "../lib/define";
import { registryPatterns } from "../lib/clouds";
import { imageProblems, IMAGE_CONFIG_SCHEMA, type ImageConfig } from "../lib/images";
import { readPath } from "../lib/read";
import { TYPES } from "../lib/tokens";

/** Environment version images from an allowed registry, pinned by digest. */
export const mlEnvironmentImagePinned = resourcePolicy<ImageConfig>({
    name: "ml-environment-image-pinned",
    description: "Azure ML environment versions must name their image from an allowed registry (the workspace's ACR, or MCR) and pinned by digest, so an online deployment runs exactly the image that was reviewed.",
    severity: "high",
    remediation: "Set properties.image to <registry login server>/<repo>@sha256:<digest> (the toolkit registers serving.images this way); add other trusted registries to allowedRegistries.",
    sources: { other: ["own: supply chain"], mcsb: ["DS-6"] },
    controls: ["mlEnvironment.image-pinned"],
    types: [TYPES.environmentVersion],
    config: IMAGE_CONFIG_SCHEMA([...registryPatterns(), "mcr.microsoft.com"]),
    check: ({ props, config, report }) => {
        // A build-context environment has no image to pin: Azure ML builds it (and names the result).
        if (readPath(props, "properties.image") === undefined && readPath(props, "properties.build") !== undefined) return;
        for (const problem of imageProblems(readPath(props, "properties.image"), config.allowedRegistries)) report(`properties.image ${problem}`);
    },
});
