/** Image reference checks shared by the ACI and Kubernetes provenance policies. */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { compileNamePattern } from "./config";
import type { BaseConfig } from "./config";

/** Config of image provenance policies. */
export interface ImageConfig extends BaseConfig {
    /** Registry host patterns (globs) images may come from. */
    allowedRegistries: string[];
}

/** Schema fragment for `allowedRegistries` with a default. */
export function IMAGE_CONFIG_SCHEMA(defaults: string[]): Record<string, PolicyConfigJSONSchema> {
    return {
        allowedRegistries: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: defaults,
            description: "Registry hosts (globs) images may come from; the default lists the container registry suffix of every Azure cloud (components/clouds.ts).",
        },
    };
}

/** The registry host of an image reference (Docker's rules: first segment with a dot, colon or localhost). */
export function registryOf(image: string): string {
    const first = image.split("/")[0];
    return image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost") ? first.toLowerCase() : "docker.io";
}

/** Problems with one image reference, as message tails. */
export function imageProblems(image: unknown, allowedRegistries: string[]): string[] {
    if (typeof image !== "string" || image === "") {
        return ["is not set; set it to <registry login server>/<repo>@sha256:<digest>"];
    }
    const problems: string[] = [];
    const registry = registryOf(image);
    if (!allowedRegistries.some((p) => compileNamePattern(p.toLowerCase()).test(registry))) {
        problems.push(`is ${image} from ${registry}; use a registry in ${allowedRegistries.join(", ")}`);
    }
    if (!/@sha256:[a-f0-9]{64}$/i.test(image)) {
        problems.push(`is ${image}, not pinned by digest; set it to <image>@sha256:<digest>`);
    }
    return problems;
}
