/** Cases for the serving policies (issue 11: endpoint monitoring). */
import type { ResourceCase } from "./types";

const ALERT = "azure-native:monitor:MetricAlert";
const AG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag-aml-serving";

export const SERVING_CASES: ResourceCase[] = [
    {
        policy: "metric-alert-notifies",
        type: ALERT,
        compliant: { enabled: true, actions: [{ actionGroupId: AG }], windowSize: "PT5M", evaluationFrequency: "PT1M", severity: 1 },
        violations: [
            { patch: { enabled: false }, messages: ["enabled is false; set it to true"] },
            { patch: { actions: [] }, messages: ["actions has no actionGroupId; add [{ actionGroupId: <action group ID> }]"] },
            { patch: { enabled: undefined, actions: [{ webHookProperties: { a: "b" } }] }, messages: ["enabled is not set; set it to true", "actions has no actionGroupId; add [{ actionGroupId: <action group ID> }]"] },
        ],
    },
];
