/**
 * The one mapping from the validated stack config to the library's own
 * arguments (`MlPlatformArgs`, components/platform-args.ts). The library
 * never sees the program's config type; the compiler checks every field of
 * this mapping against both sides.
 */
import type { MlPlatformArgs, PlatformDeploymentArgs } from "../components/platform-args";
import type { PlatformConfig } from "./config-types";
import { scheduleArgsOf, type ScheduleJobs } from "./config-schedules";
import { computeArgsOf, type SetupScriptTexts } from "./config-compute-instances";
import { kubernetesArgsOf } from "./config-kubernetes";
import { servingArgsOf, type ServingInputs } from "./config-serving";

/**
 * The platform of a stack, from its config (defaults applied), the Pulumi deployment identity, the
 * job files its schedules name (read by `readScheduleJobs`) and the setup script files its compute
 * instances name (read by `readSetupScripts`), and what serving reads outside the config (the stack folder its
 * local paths are relative to, the stack's secret config).
 */
export function platformArgsOf(c: PlatformConfig, deployment: PlatformDeploymentArgs, jobs: ScheduleJobs = {}, scripts: SetupScriptTexts = {}, serving?: ServingInputs): MlPlatformArgs {
    const servingOf = (s: PlatformConfig["serving"]) => (serving ? servingArgsOf(s, serving) : servingWithoutInputs(s));
    const { sku: _workspaceSku, ...workspace } = c.workspace;
    return {
        location: c.location,
        cloud: c.cloud,
        namePrefix: c.namePrefix,
        tags: c.tags,
        naming: c.naming,
        deployment,
        resourceGroup: c.resourceGroup,
        network: c.network,
        // `dataClassification: confidential` is what makes a workspace high business impact.
        workspace: { ...workspace, highBusinessImpact: c.dataClassification === "confidential" },
        storage: { existingId: c.storage.existingId, name: c.storage.name, sku: c.storage.sku, softDeleteRetentionDays: c.storage.softDeleteRetentionDays },
        keyVault: c.keyVault,
        containerRegistry: c.containerRegistry,
        monitoring: c.monitoring,
        compute: computeArgsOf(c.compute, "compute", scripts),
        kubernetes: kubernetesArgsOf(c.kubernetes),
        schedules: scheduleArgsOf(c.schedules, "schedules", jobs),
        data: c.data,
        serving: servingOf(c.serving),
        encryption: c.encryption,
        // Production stacks ask for zone redundancy (where the region has zones).
        zoneRedundant: c.production,
        protection: c.protection,
        sharing: c.sharing,
        teams: c.teams && Object.fromEntries(Object.entries(c.teams).map(([k, t]) => [k, { ...t, compute: computeArgsOf(t.compute, `teams.${k}.compute`, scripts), schedules: scheduleArgsOf(t.schedules, `teams.${k}.schedules`, jobs), serving: servingOf(t.serving) }])),
        access: c.access,
        customRoles: c.customRoles,
        modelRegistry: c.modelRegistry,
    };
}

/** Serving without a stack folder or secret config (a config with no local paths or secrets, e.g. in tests). */
function servingWithoutInputs(s: PlatformConfig["serving"]): ReturnType<typeof servingArgsOf> {
    return servingArgsOf(s, {
        stackDir: process.cwd(),
        secret: (configKey) => {
            throw new Error(`serving needs the secret config key "${configKey}", but the platform args were made without secret inputs`);
        },
    });
}
