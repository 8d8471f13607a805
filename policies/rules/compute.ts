/** Policies for Azure ML compute targets (azure-native:machinelearningservices:Compute). */
import type { PolicyResource } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../lib/define";
import type { ProductionConfig } from "../lib/config";
import { dependsThrough, ofType, peek } from "../lib/relations";
import { eqi, readPath, readString, show, type Obj } from "../lib/read";
import { TYPES } from "../lib/tokens";
import { hubOf, isProjectWorkspace } from "../lib/workspace-kind";
import { isoDurationMinutes } from "../../components/compute/idle-shutdown";

const COMPUTE = [TYPES.compute];
/** Compute types that run VMs in the customer's subscription (not attached Kubernetes). */
const VM_COMPUTE = ["ComputeInstance", "AmlCompute"];

/** The compute type (`properties.computeType`), e.g. ComputeInstance. */
function computeType(props: Obj): string | undefined {
    return readString(props, "properties.computeType");
}

/** True for ComputeInstance / AmlCompute. */
function isVmCompute(props: Obj): boolean {
    return VM_COMPUTE.some((t) => eqi(computeType(props), t));
}

/** Local (key) authentication off on every compute target. */
export const computeLocalAuthDisabled = resourcePolicy({
    name: "ml-compute-local-auth-disabled",
    description: "Azure ML compute targets must disable local authentication and use Entra ID.",
    severity: "high",
    remediation: "Set properties.disableLocalAuth to true.",
    sources: { azurePolicy: ["e96a9a5f"], psrule: ["Azure.ML.DisableLocalAuth"], checkov: ["CKV_AZURE_142"], mcsb: ["IM-1"] },
    controls: ["compute.local-auth-disabled"],
    types: COMPUTE,
    check: ({ props, report }) => {
        const v = readPath(props, "properties.disableLocalAuth");
        if (v !== true) {
            report(`properties.disableLocalAuth is ${show(v)}; set it to true`);
        }
    },
});

/** Finds the workspace a compute belongs to (graph first, then by name). */
function workspaceOf(compute: PolicyResource, all: PolicyResource[]): PolicyResource | undefined {
    const workspaces = ofType(all, TYPES.workspace);
    const byGraph = workspaces.find((w) => dependsThrough(compute, "workspaceName", w));
    if (byGraph) {
        return byGraph;
    }
    const name = peek(() => compute.props.workspaceName);
    return workspaces.find((w) => peek(() => w.props.name) === name || peek(() => w.props.workspaceName) === name);
}

/**
 * Compute in a VNet (production). A workspace with managed network isolation
 * puts its compute in the managed VNet, which satisfies the control; so this
 * is a stack policy that looks at the compute's workspace.
 */
export const computeInVnet = stackPolicy({
    name: "ml-compute-in-vnet",
    description: "Azure ML compute instances and clusters must run in a virtual network (a subnet, or the workspace's managed network) in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set properties.properties.subnet.id to a subnet, or enable managedNetwork isolation on the workspace.",
    sources: { azurePolicy: ["7804b5c7"], psrule: ["Azure.ML.ComputeVnet"], mcsb: ["NS-1"] },
    controls: ["compute.in-vnet"],
    types: COMPUTE,
    check: ({ subjects, resources, report }) => {
        for (const c of subjects) {
            if (!isVmCompute(c.props)) {
                continue;
            }
            if (readPath(c.props, "properties.properties.subnet.id") !== undefined) {
                continue;
            }
            const own = workspaceOf(c, resources);
            // A project's compute runs in its hub's managed network.
            const ws = own && isProjectWorkspace(own.props) ? hubOf(own, resources) : own;
            // Read, not peeked: azure-native wraps managedNetwork in one output (its defaults apply), so
            // in preview it is wholly unknown once any outbound rule names an unknown ID (a lake's);
            // an unknown mode skips the check instead of reporting a compute the hub does isolate.
            const mode = ws ? readPath(ws.props, "managedNetwork.isolationMode") : undefined;
            if (typeof mode === "string" && !eqi(mode, "Disabled")) {
                continue;
            }
            report(`properties.properties.subnet.id is not set and the workspace has no managed network; set it to a subnet ID`, c);
        }
    },
});

/** No public IPs on compute nodes (production). */
export const computeNoNodePublicIp = resourcePolicy({
    name: "ml-compute-no-node-public-ip",
    description: "Azure ML compute instances and clusters must not give nodes public IP addresses in production.",
    severity: "high",
    productionGated: true,
    remediation: "Set properties.properties.enableNodePublicIp to false (needs a subnet or managed network).",
    sources: { other: ["azurerm defaults are true"], mcsb: ["NS-2"] },
    controls: ["compute.no-node-public-ip"],
    types: COMPUTE,
    check: ({ props, report, args }) => {
        if (!isVmCompute(props)) {
            args.notApplicable("only ComputeInstance and AmlCompute have node public IPs");
        }
        const v = readPath(props, "properties.properties.enableNodePublicIp");
        if (v !== false) {
            report(`properties.properties.enableNodePublicIp is ${show(v)}; set it to false`);
        }
    },
});

/** Config of the idle-shutdown policy. */
interface IdleConfig extends ProductionConfig {
    /** Longest allowed idle time before shutdown, in minutes. */
    maxIdleMinutes: number;
}

/** Compute instances shut down when idle. */
export const computeInstanceIdleShutdown = resourcePolicy<IdleConfig>({
    name: "ml-compute-instance-idle-shutdown",
    description: "Azure ML compute instances must shut down after a bounded idle time.",
    severity: "low",
    remediation: "Set properties.properties.idleTimeBeforeShutdown to an ISO-8601 duration no longer than maxIdleMinutes, e.g. PT60M.",
    sources: { azurePolicy: ["679ddf89"], psrule: ["Azure.ML.ComputeIdleShutdown"] },
    controls: ["compute.idle-shutdown"],
    types: COMPUTE,
    config: {
        maxIdleMinutes: { type: "integer", minimum: 15, default: 60, description: "Longest allowed idle time before shutdown, in minutes." },
    },
    check: ({ props, config, report, args }) => {
        if (!eqi(computeType(props), "ComputeInstance")) {
            args.notApplicable("idle shutdown applies to ComputeInstance only");
        }
        const v = readPath(props, "properties.properties.idleTimeBeforeShutdown");
        const minutes = typeof v === "string" ? isoDurationMinutes(v) : undefined;
        if (minutes === undefined) {
            report(`properties.properties.idleTimeBeforeShutdown is ${show(v)}; set it to an ISO-8601 duration of at most PT${config.maxIdleMinutes}M`);
        } else if (minutes > config.maxIdleMinutes) {
            report(`properties.properties.idleTimeBeforeShutdown is ${show(v)} (${minutes} min); set it to at most PT${config.maxIdleMinutes}M`);
        }
    },
});

/** SSH from the internet closed on instances and clusters. */
export const computeSshClosed = resourcePolicy({
    name: "ml-compute-ssh-disabled",
    description: "Azure ML compute instances and clusters must not expose SSH publicly.",
    severity: "high",
    remediation: "Set sshSettings.sshPublicAccess (instances) or remoteLoginPortPublicAccess (clusters) to Disabled.",
    sources: { other: ["Azure ML quickstarts"], mcsb: ["NS-2"] },
    controls: ["compute.ssh-closed"],
    types: COMPUTE,
    check: ({ props, report, args }) => {
        const type = computeType(props);
        const path = eqi(type, "ComputeInstance")
            ? "properties.properties.sshSettings.sshPublicAccess"
            : eqi(type, "AmlCompute")
              ? "properties.properties.remoteLoginPortPublicAccess"
              : undefined;
        if (path === undefined) {
            return args.notApplicable("SSH settings apply to ComputeInstance and AmlCompute only");
        }
        const v = readPath(props, path);
        if (!eqi(v, "Disabled")) {
            report(`${path} is ${show(v)}; set it to Disabled`);
        }
    },
});

/** Config of the scale-to-zero policy. */
interface ScaleConfig extends ProductionConfig {
    /** Highest allowed scaleSettings.minNodeCount. */
    maxMinNodeCount: number;
}

/** Clusters release their nodes when idle. */
export const computeClusterScaleToZero = resourcePolicy<ScaleConfig>({
    name: "ml-compute-cluster-scale-to-zero",
    description: "Azure ML compute clusters must scale down to zero nodes (or the configured minimum) when idle.",
    severity: "low",
    remediation: "Set properties.properties.scaleSettings.minNodeCount to 0.",
    sources: { checkov: ["CKV_AZURE_150"] },
    controls: ["compute.cluster-scale-to-zero"],
    types: COMPUTE,
    config: {
        maxMinNodeCount: { type: "integer", minimum: 0, default: 0, description: "Highest allowed minNodeCount." },
    },
    check: ({ props, config, report, args }) => {
        if (!eqi(computeType(props), "AmlCompute")) {
            args.notApplicable("scale settings apply to AmlCompute only");
        }
        const v = readPath(props, "properties.properties.scaleSettings.minNodeCount");
        const n = v === undefined ? 0 : v;
        if (typeof n !== "number" || n > config.maxMinNodeCount) {
            report(`properties.properties.scaleSettings.minNodeCount is ${show(v)}; set it to ${config.maxMinNodeCount}`);
        }
    },
});

/** Config of the VM-size policy. */
interface VmSizeConfig extends ProductionConfig {
    /** VM sizes allowed (case-insensitive); absent: no allow-list. */
    allowedVmSizes?: string[];
}

/**
 * Cost guardrail on compute VM sizes. Which sizes is an organisation's choice,
 * so there is no default list: without `allowedVmSizes` the policy restricts
 * nothing (whether a size exists is config validation's job, not a policy's).
 */
export const computeAllowedVmSizes = resourcePolicy<VmSizeConfig>({
    name: "ml-compute-allowed-vm-sizes",
    description: "Azure ML compute instances and clusters must use a VM size from the configured allow-list (no list, no restriction).",
    severity: "medium",
    remediation: "Pick a vmSize from allowedVmSizes, or add the size to the policy config after a cost review.",
    sources: { other: ["cost guardrail"] },
    controls: ["compute.allowed-vm-sizes"],
    types: COMPUTE,
    config: {
        allowedVmSizes: {
            type: "array",
            items: { type: "string" },
            description: "VM sizes allowed for compute instances and clusters. Unset (the default): any size.",
        },
    },
    check: ({ props, config, report, args }) => {
        if (!isVmCompute(props)) {
            args.notApplicable("VM sizes apply to ComputeInstance and AmlCompute only");
        }
        const allowed = config.allowedVmSizes;
        if (allowed === undefined) {
            return args.notApplicable("no allowedVmSizes configured");
        }
        const size = readPath(props, "properties.properties.vmSize");
        if (!allowed.some((s) => eqi(size, s))) {
            report(`properties.properties.vmSize is ${show(size)}; set it to one of ${allowed.join(", ")}`);
        }
    },
});
