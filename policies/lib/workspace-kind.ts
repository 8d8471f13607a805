/**
 * Hub and project workspaces (pure): a project (`kind: Project`) has no encryption, managed network
 * or private endpoint of its own; its hub's cover it, so controls on those read the hub instead
 * ("Project class", azure-ai-ml: https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.project
 * — the hub manages the resources its projects share).
 */
import type { PolicyResource } from "@pulumi/policy";
import { unproxy } from "./pulumi-internals";
import { eqi, readPath } from "./read";
import { ofType, refersTo } from "./relations";
import { TYPES } from "./tokens";

/** True for a project workspace of a hub. Read without the unknown-checking proxy: `kind` is always a literal. */
export function isProjectWorkspace(props: unknown): boolean {
    return eqi(readPath(unproxy(props), "kind"), "Project");
}

/** The hub a project workspace belongs to (by its `hubResourceId`), when the stack declares it. */
export function hubOf(project: PolicyResource, all: readonly PolicyResource[]): PolicyResource | undefined {
    return ofType(all, TYPES.workspace).find((w) => refersTo(project, "hubResourceId", w));
}
