/** The endpoint alerts' table (pure): windows and frequencies, the error threshold, the criteria per kind. */
import { ALERT_WINDOWS, ARM_EVALUATION_FREQUENCIES, ARM_WINDOW_SIZES, endpointAlertCriteria, failedRequestThreshold, resolveAlertThresholds, windowMinutes } from "../../../components/serving/endpoint-alert-metrics";
import { SERVING_DEFAULTS } from "../../../components/serving/serving-defaults";

const minutesOf = (iso: string): number => {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
    if (!m) throw new Error(iso);
    return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
};

describe("alert windows", () => {
    it.each(Object.entries(ALERT_WINDOWS))("%s: ARM takes it, its frequency is one ARM takes and no longer than the window", (window, w) => {
        expect(ARM_WINDOW_SIZES).toContain(window);
        expect(ARM_EVALUATION_FREQUENCIES).toContain(w.frequency);
        expect(minutesOf(window)).toBe(w.minutes);
        expect(minutesOf(w.frequency)).toBeLessThanOrEqual(w.minutes);
    });
    it("the default window is in the table; others are refused by name", () => {
        expect(windowMinutes(SERVING_DEFAULTS["serving.alerts.thresholds.window"])).toBe(5);
        expect(() => windowMinutes("PT10M")).toThrow(/"PT10M" is not one of PT1M, PT5M, PT15M, PT30M, PT1H/);
    });
});

describe("error threshold", () => {
    it("is the percent of the expected volume over the window, rounded up, at least 1", () => {
        expect(failedRequestThreshold({ errorRatePercent: 5, expectedRequestsPerMinute: 60 }, 5)).toBe(15);
        expect(failedRequestThreshold({ errorRatePercent: 1, expectedRequestsPerMinute: 10 }, 1)).toBe(1);
        expect(failedRequestThreshold({ errorRatePercent: 0, expectedRequestsPerMinute: 1000 }, 60)).toBe(1);
        expect(failedRequestThreshold({ errorRatePercent: 2.5, expectedRequestsPerMinute: 30 }, 15)).toBe(12);
    });
});

describe("criteria", () => {
    const t = resolveAlertThresholds(undefined, undefined);
    it("each kind has an error, latency and availability alert; a container group also memory", () => {
        expect(endpointAlertCriteria("onlineEndpoint", "k", t).map((c) => `${c.role}:${c.scope}:${c.metricName}`)).toEqual([
            "errors:endpoint:RequestsPerMinute", "latency:endpoint:RequestLatency", "availability:applicationInsights:availabilityResults/availabilityPercentage",
        ]);
        expect(endpointAlertCriteria("applicationInsights", "k", t).map((c) => `${c.role}:${c.scope}:${c.metricName}`)).toEqual([
            "errors:applicationInsights:requests/failed", "latency:applicationInsights:requests/duration", "availability:applicationInsights:availabilityResults/availabilityPercentage",
        ]);
        expect(endpointAlertCriteria("containerInstance", "k", t, 1.5).map((c) => `${c.role}:${c.scope}`)).toEqual([
            "errors:applicationInsights", "latency:applicationInsights", "availability:applicationInsights", "memory:endpoint",
        ]);
    });
    it("descriptions say the threshold in words", () => {
        expect(endpointAlertCriteria("applicationInsights", "churn", t)[0].description).toBe("Endpoint churn: at least 15 failed requests in PT5M, 5% of the expected 60 requests per minute.");
    });
});
