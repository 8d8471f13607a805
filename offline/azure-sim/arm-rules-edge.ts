/**
 * What ARM refuses for the IoT Edge host's Azure resources: an IoT hub with more units than its SKU
 * allows, a scope map with an action the registry does not know, a token whose scope map belongs to
 * another registry. The facts live in components/edge (iot-hub.ts IOT_HUB_MAX_UNITS,
 * edge-registry-token.ts SCOPE_MAP_ACTION_PATTERN), which cite the docs.
 */
import { readPath } from "../../components/object-path";
import { iotHubUnitsProblem } from "../../components/edge/iot-hub";
import { SCOPE_MAP_ACTION_PATTERN } from "../../components/edge/edge-registry-token";
import type { RuleSubject } from "./arm-rules";

type Rule = (s: RuleSubject) => string | undefined;
const get = readPath;

/** IoT hub: units within the SKU's limit ("Azure subscription and service limits", IoT Hub limits). */
export const IOT_HUB_RULES: readonly Rule[] = [
    (s) => {
        const sku = get(s.inputs, "sku.name");
        const units = get(s.inputs, "sku.capacity") ?? 1;
        if (typeof sku !== "string" || typeof units !== "number" || sku.startsWith("F") || sku.startsWith("B")) return undefined;
        const problem = iotHubUnitsProblem(sku, units);
        return problem ? `sku.capacity: ${problem}` : undefined;
    },
];

/** Scope map: every action is `repositories/<repository>/<content|metadata>/<verb>` ("Create a token with repository-scoped permissions"). */
export const SCOPE_MAP_RULES: readonly Rule[] = [
    (s) => {
        const actions = get(s.inputs, "actions");
        if (!Array.isArray(actions)) return undefined;
        if (actions.length === 0) return "actions is empty; a scope map needs at least one action";
        const bad = actions.filter((a) => typeof a === "string" && !SCOPE_MAP_ACTION_PATTERN.test(a));
        return bad.length > 0 ? `actions ${bad.join(", ")}: not repositories/<repository>/{content/read|content/write|content/delete|metadata/read|metadata/write}` : undefined;
    },
];

/** Token: its scope map is one of the same registry (the token is a child of the registry). */
export const TOKEN_RULES: readonly Rule[] = [
    (s) => {
        const scopeMapId = get(s.inputs, "scopeMapId");
        const registry = get(s.inputs, "registryName");
        if (typeof scopeMapId !== "string" || typeof registry !== "string") return undefined;
        const m = /\/registries\/([^/]+)\/scopeMaps\/[^/]+$/i.exec(scopeMapId);
        if (m && m[1].toLowerCase() !== registry.toLowerCase()) return `scopeMapId names a scope map of registry ${m[1]}; a token uses a scope map of its own registry (${registry})`;
        return undefined;
    },
];
