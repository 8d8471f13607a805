/**
 * Endpoint alerts in the stack config: each problem named by its full key path with its fix, all
 * problems of a file together, for the platform's serving and a team's; and the override rule (an
 * endpoint's `alerts` take the serving thresholds for every field they leave unset).
 */
import { loadPlatformConfig } from "../../stacks/config";
import { resolveAlertThresholds } from "../../components/serving/endpoint-alert-metrics";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const P = "aml-workspace:platform";
const AG = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ag-ml-oncall";
const DIGEST = `sha256:${"a".repeat(64)}`;
/** A complete managed online endpoint (its host's own checks pass), with the alerts under test. */
const endpoint = (alerts?: Record<string, unknown>) => ({ host: "managedOnline", deployments: { blue: { model: "fraud:1", image: "scorer" } }, ...(alerts ? { alerts } : {}) });
const serving = (alerts: Record<string, unknown> | undefined, endpoints: Record<string, unknown> = { fraud: endpoint() }) => ({
    images: { scorer: { reference: `crexample.azurecr.io/scorer@${DIGEST}` } },
    models: { fraud: { versions: { "1": { path: "https://stexample.blob.core.windows.net/models/fraud/1" } } } },
    endpoints,
    ...(alerts ? { alerts } : {}),
});

describe("serving.alerts", () => {
    it("a block with an action group loads; thresholds take the defaults", () => {
        const c = loadPlatformConfig(baseConfig({ serving: serving({ actionGroup: { emails: ["ml-oncall@contoso.example"] } }) }), TEST_CONTEXT);
        expect(c.serving?.alerts?.thresholds).toEqual({ enabled: true, errorRatePercent: 5, latencyMs: 1000, availabilityPercent: 99, window: "PT5M", expectedRequestsPerMinute: 60 });
        expect(problemLines(baseConfig({ serving: serving({ actionGroup: { existingId: AG } }) }))).toEqual([]);
    });

    it("endpoints with alerts need someone to tell, for the platform and for a team", () => {
        expect(problemLines(baseConfig({ serving: serving(undefined, { fraud: endpoint(), churn: endpoint({ latencyMs: 500 }) }) }))).toEqual([
            `${P}.serving.alerts.actionGroup: is not set, but endpoint(s) fraud, churn have alerts enabled and nobody would be told (set serving.alerts.actionGroup.emails (e.g. [ml-oncall@contoso.example]) or serving.alerts.actionGroup.existingId (an action group ID), or set alerts.enabled: false on those endpoints)`,
        ]);
        expect(problemLines(baseConfig({ teams: { risk: { serving: serving({ actionGroup: { emails: [] } }) } } }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.teams\\.risk\\.serving\\.alerts\\.actionGroup: has neither emails nor existingId, but endpoint\\(s\\) fraud have alerts enabled`)),
        ]);
    });

    it("no action group is needed when every endpoint's alerts are off (serving-wide or per endpoint)", () => {
        expect(problemLines(baseConfig({ serving: serving({ thresholds: { enabled: false } }) }))).toEqual([]);
        expect(problemLines(baseConfig({ serving: serving(undefined, { fraud: endpoint({ enabled: false }) }) }))).toEqual([]);
        // An endpoint turning its alerts back on needs the group again.
        expect(problemLines(baseConfig({ serving: serving({ thresholds: { enabled: false } }, { fraud: endpoint({ enabled: true }) }) }))).toHaveLength(1);
    });

    it("an existing group must be an action group, alone", () => {
        const storage = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourceGroups/rg-ops/providers/Microsoft.Storage/storageAccounts/st";
        expect(problemLines(baseConfig({ serving: serving({ actionGroup: { existingId: storage, emails: ["a@contoso.example"] } }) }))).toEqual([
            `${P}.serving.alerts.actionGroup.existingId: "${storage}" is not an action group ID (use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/actionGroups/<name>)`,
            `${P}.serving.alerts.actionGroup: sets existingId together with emails or shortName, which describe a group the stack creates (keep existingId (its receivers are managed where it lives) or remove it to create a group)`,
        ]);
    });

    it("short names: 1-12 characters (the schema's length, the check's empty)", () => {
        expect(problemLines(baseConfig({ serving: serving({ actionGroup: { emails: ["a@contoso.example"], shortName: "ml-oncall-team" } }) }))).toEqual([
            expect.stringMatching(new RegExp(`^${P}\\.serving\\.alerts\\.actionGroup\\.shortName: .*12`)),
        ]);
        expect(problemLines(baseConfig({ serving: serving({ actionGroup: { emails: ["a@contoso.example"], shortName: " " } }) }))).toEqual([
            `${P}.serving.alerts.actionGroup.shortName: is empty (give 1-12 characters (shown in SMS and email), or remove it to derive one from the workspace)`,
        ]);
    });

    it("windows, availability and duplicate emails, all reported together", () => {
        const lines = problemLines(
            baseConfig({
                serving: serving(
                    { actionGroup: { emails: ["ml-oncall@contoso.example", "ML-Oncall@contoso.example"] }, thresholds: { window: "PT10M" } },
                    { fraud: endpoint({ window: "PT6H", availabilityPercent: 0 }) },
                ),
            }),
        );
        expect(lines).toEqual([
            `${P}.serving.alerts.thresholds.window: "PT10M" is not an alert window (use one of PT1M, PT5M, PT15M, PT30M, PT1H)`,
            `${P}.serving.endpoints.fraud.alerts.window: "PT6H" is not an alert window (use one of PT1M, PT5M, PT15M, PT30M, PT1H)`,
            `${P}.serving.endpoints.fraud.alerts.availabilityPercent: is 0, and availability is never below 0%: the alert could never fire (set the availability you promise, e.g. 99, or set enabled: false to have no alerts)`,
            `${P}.serving.alerts.actionGroup.emails: lists ml-oncall@contoso.example more than once (list each address once)`,
        ]);
    });

    it("an endpoint's alerts override the serving thresholds field by field (no schema defaults shadow them)", () => {
        const c = loadPlatformConfig(baseConfig({ serving: serving({ actionGroup: { emails: ["a@contoso.example"] }, thresholds: { latencyMs: 300, window: "PT15M" } }, { fraud: endpoint({ errorRatePercent: 1 }) }) }), TEST_CONTEXT);
        expect(c.serving?.endpoints?.fraud.alerts).toEqual({ errorRatePercent: 1 });
        expect(resolveAlertThresholds(c.serving?.alerts?.thresholds, c.serving?.endpoints?.fraud.alerts)).toEqual({
            enabled: true, errorRatePercent: 1, latencyMs: 300, availabilityPercent: 99, window: "PT15M", expectedRequestsPerMinute: 60,
        });
    });
});
