/**
 * Value sets of the IoT Edge deployment manifest (components/enums.ts style: `as const` objects the
 * component analyzer turns into enums). Values from "Properties of the IoT Edge agent and IoT Edge
 * hub module twins" (https://learn.microsoft.com/azure/iot-edge/module-edgeagent-edgehub, page dated
 * 2026-03-04, read 2026-12-04), `modules.{moduleId}.*` rows.
 */

/** `modules.{moduleId}.restartPolicy`. */
export const EdgeModuleRestartPolicy = {
    /** Always restart the module when it is not running (the default: a model server should stay up). */
    always: "always",
    /** Never restart it. */
    never: "never",
} as const;
/** A {@link EdgeModuleRestartPolicy} value. The docs name `on-failure` and `on-unhealthy` too, but say only `never` and `always` are implemented, so the project offers only those. */
export type EdgeModuleRestartPolicy = (typeof EdgeModuleRestartPolicy)[keyof typeof EdgeModuleRestartPolicy];

/** `modules.{moduleId}.status`. */
export const EdgeModuleStatus = {
    /** The agent starts and keeps the module running. */
    running: "running",
    /** The agent creates the module but keeps it stopped. */
    stopped: "stopped",
} as const;
/** A {@link EdgeModuleStatus} value. */
export type EdgeModuleStatus = (typeof EdgeModuleStatus)[keyof typeof EdgeModuleStatus];

/** `modules.{moduleId}.imagePullPolicy`. */
export const EdgeImagePullPolicy = {
    /** Pull the image when the module is created (the default; with a digest-pinned image this is exact). */
    onCreate: "on-create",
    /** Never pull: the image must already be on the device. */
    never: "never",
} as const;
/** A {@link EdgeImagePullPolicy} value. */
export type EdgeImagePullPolicy = (typeof EdgeImagePullPolicy)[keyof typeof EdgeImagePullPolicy];
