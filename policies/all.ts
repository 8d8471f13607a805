/**
 * Every policy of the pack, in a stable order (by resource area, then by
 * declaration). The harness, the README generator, SARIF and the tests import
 * this module; only index.ts builds the PolicyPack (which starts a server).
 */
import type { EnforcementLevel } from "@pulumi/policy";
import type { AmlPolicy } from "./lib/meta";
import * as workspace from "./rules/workspace";
import * as compute from "./rules/compute";
import * as storage from "./rules/storage";
import * as keyvault from "./rules/keyvault";
import * as registry from "./rules/registry";
import * as mlRegistry from "./rules/ml-registry";
import * as monitoring from "./rules/monitoring";
import * as aks from "./rules/aks";
import * as azuremlExtension from "./rules/azureml-extension";
import * as aci from "./rules/aci";
import * as onlineEndpoint from "./rules/online-endpoint";
import * as iothub from "./rules/iothub";
import * as kubernetes from "./rules/kubernetes";
import * as authorization from "./rules/authorization";
import * as stack from "./rules/stack";
import * as teamQuota from "./rules/team-quota";
import * as servingAlerts from "./rules/serving-alerts";
import * as servingArtifacts from "./rules/serving-artifacts";

/** Name of the policy pack. */
export const PACK_NAME = "aml-workspace";
/** Pack-wide default enforcement level (PolicyPackArgs.enforcementLevel); policies set their own. */
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";
/** Description shown by `pulumi policy ls` and Pulumi Cloud. */
export const PACK_DESCRIPTION = "Security and reliability controls for the secure Azure Machine Learning workspace toolkit.";

/** True for a policy object built by policies/lib/define.ts. */
function isAmlPolicy(v: unknown): v is AmlPolicy {
    return typeof v === "object" && v !== null && ((v as AmlPolicy).kind === "resource" || (v as AmlPolicy).kind === "stack");
}

const modules = [workspace, compute, storage, keyvault, registry, mlRegistry, monitoring, aks, azuremlExtension, aci, onlineEndpoint, iothub, kubernetes, authorization, stack, teamQuota, servingAlerts, servingArtifacts];

/** All policies, in a stable order. */
export const allPolicies: readonly AmlPolicy[] = modules.flatMap((m) => Object.values(m).filter(isAmlPolicy));
