/**
 * Idle shutdown of a compute instance (pure): the bounds Azure ML accepts and
 * the ISO 8601 duration reader, for config checks and policies alike.
 *
 * Source: ARM reference of `idleTimeBeforeShutdown` ("Time is defined in ISO8601
 * format. Minimum is 15 min, maximum is 3 days."), IdleShutdownSetting
 * (learn.microsoft.com/javascript/api/@azure/arm-machinelearning/idleshutdownsetting), and
 * "Create an Azure Machine Learning compute instance", idle shutdown
 * (learn.microsoft.com/azure/machine-learning/how-to-create-compute-instance); read 2026-12-02.
 */

/** Idle shutdown bounds in minutes: 15 minutes to 3 days. */
export const IDLE_SHUTDOWN_MINUTES: Readonly<{ min: number; max: number }> = Object.freeze({ min: 15, max: 3 * 24 * 60 });

/** Parses an ISO 8601 duration (PT30M, PT1H30M, P1D) to minutes; undefined if not one (a bare P or PT names no time). */
export function isoDurationMinutes(value: string): number | undefined {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(value);
    if (!m || value.toUpperCase() === "P" || value.toUpperCase() === "PT") return undefined;
    const [, d, h, min, s] = m;
    return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(min ?? 0) + Number(s ?? 0) / 60;
}
