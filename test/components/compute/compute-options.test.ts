/**
 * Every compute option through the real program, in one run: a compute instance with an assigned
 * user, single sign-on, start/stop schedules (cron and recurrence, time zone, disabled) and both
 * setup scripts (inline text, and a file of the stack folder sent inline); an instance assigned to
 * the deploying principal by choice, with SSO off and a script in the notebooks share; a
 * low-priority cluster scaling 0..3. Every hardening setting stays, the compute policies pass, and
 * no credential or key is in any compute input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { credentialValue } from "../../../components/credential-values";
import type { CapturedResource } from "../../../offline/graph";
import { SIMULATED_DEPLOYER_OBJECT_ID, SIMULATED_TENANT_ID } from "../../../offline/azure-sim/simulator";
import { evaluatePolicies } from "../../../offline/policy-harness";
import type { StackRun } from "../../../offline/run-stack";
import { allPolicies } from "../../../policies/all";
import { allOfType, at, baseConfig, runPlatform } from "../../helpers/stack";

const COMPUTE = "azure-native:machinelearningservices:Compute";
const USER = "00000000-0000-0000-0000-00000000b001";
const STARTUP_FILE = "scripts/configure-pip-index.sh";
const CREATION_TEXT = "#!/bin/bash\nset -euo pipefail\nsudo -u azureuser -i conda run -n azureml_py310_sdkv2 pip install --quiet \"$1\"\n";

let run: StackRun;
const computeNamed = (name: string): CapturedResource => allOfType(run.graph, COMPUTE).find((c) => c.inputs.computeName === name)!;
const decoded = (b64: unknown): string => Buffer.from(String(b64), "base64").toString("utf8");

beforeAll(async () => {
    run = await runPlatform(
        baseConfig({
            workspace: { imageBuildCompute: "cpu" },
            compute: {
                clusters: { cpu: { vmSize: "Standard_D4ds_v5", maxNodes: 3, idleSecondsBeforeScaleDown: 300, vmPriority: "LowPriority" } },
                instances: {
                    "ci-alice": {
                        vmSize: "Standard_DS3_v2",
                        assignedUserObjectId: USER,
                        idleTimeBeforeShutdown: "PT30M",
                        schedules: {
                            "stop-evening": { action: "Stop", cron: { expression: "0 20 * * 1-5", timeZone: "W. Europe Standard Time" } },
                            "start-morning": {
                                action: "Start",
                                enabled: false,
                                recurrence: { frequency: "Week", interval: 1, weekDays: ["Monday", "Friday"], hours: [7], minutes: [30], timeZone: "UTC", startTime: "2027-01-04T00:00:00" },
                            },
                        },
                        setupScripts: {
                            creation: { inline: CREATION_TEXT, arguments: "lightgbm==4.5.0", timeout: "10m" },
                            startup: { file: STARTUP_FILE, arguments: "https://pypi.org/simple" },
                        },
                    },
                    "ci-dev": { vmSize: "Standard_DS3_v2", assignToDeployingPrincipal: true, enableSso: false, setupScripts: { creation: { workspacePath: "Users/admin/setup.sh" } } },
                },
            },
        }),
    );
});

describe("compute instance", () => {
    it("is assigned to the user named in the config, in the deployment's tenant", () => {
        expect(at(computeNamed("ci-alice").inputs, "properties.properties.personalComputeInstanceSettings")).toEqual({ assignedUser: { objectId: USER, tenantId: SIMULATED_TENANT_ID } });
    });

    it("is assigned to the deploying principal only when the config says so", () => {
        expect(at(computeNamed("ci-dev").inputs, "properties.properties.personalComputeInstanceSettings.assignedUser.objectId")).toBe(SIMULATED_DEPLOYER_OBJECT_ID);
    });

    it("keeps SSO on by default and off only when asked", () => {
        expect(at(computeNamed("ci-alice").inputs, "properties.properties.enableSSO")).toBe(true);
        expect(at(computeNamed("ci-dev").inputs, "properties.properties.enableSSO")).toBe(false);
    });

    it("keeps every hardening setting whatever the options", () => {
        for (const name of ["ci-alice", "ci-dev"]) {
            const c = computeNamed(name).inputs;
            expect(at(c, "properties.disableLocalAuth")).toBe(true);
            expect(at(c, "properties.properties")).toMatchObject({
                enableNodePublicIp: false,
                sshSettings: { sshPublicAccess: "Disabled" },
                applicationSharingPolicy: "Personal",
                computeInstanceAuthorizationType: "personal",
            });
        }
        expect(at(computeNamed("ci-alice").inputs, "properties.properties.idleTimeBeforeShutdown")).toBe("PT30M");
        expect(at(computeNamed("ci-dev").inputs, "properties.properties.idleTimeBeforeShutdown")).toBe("PT60M");
    });

    it("starts and stops on its schedules, in the ARM ComputeStartStopSchedule shape", () => {
        expect(at(computeNamed("ci-alice").inputs, "properties.properties.schedules")).toEqual({
            computeStartStop: [
                { action: "Stop", status: "Enabled", triggerType: "Cron", cron: { expression: "0 20 * * 1-5", timeZone: "W. Europe Standard Time" } },
                {
                    action: "Start",
                    status: "Disabled",
                    triggerType: "Recurrence",
                    recurrence: { frequency: "Week", interval: 1, schedule: { hours: [7], minutes: [30], weekDays: ["Monday", "Friday"] }, timeZone: "UTC", startTime: "2027-01-04T00:00:00" },
                },
            ],
        });
        expect(at(computeNamed("ci-dev").inputs, "properties.properties.schedules")).toBeUndefined();
    });

    it("sends an inline script and a stack-folder file as base64 text, with their arguments and timeout", () => {
        const scripts = at(computeNamed("ci-alice").inputs, "properties.properties.setupScripts.scripts") as Record<string, Record<string, unknown>>;
        expect(scripts.creationScript).toEqual({ scriptSource: "inline", scriptData: Buffer.from(CREATION_TEXT).toString("base64"), scriptArguments: "lightgbm==4.5.0", timeout: "10m" });
        expect(scripts.startupScript).toMatchObject({ scriptSource: "inline", scriptArguments: "https://pypi.org/simple" });
        expect(decoded(scripts.startupScript.scriptData)).toBe(fs.readFileSync(path.resolve(__dirname, "../../../stacks", STARTUP_FILE), "utf8"));
    });

    it("references a script in the notebooks share by its path", () => {
        expect(at(computeNamed("ci-dev").inputs, "properties.properties.setupScripts.scripts")).toEqual({ creationScript: { scriptSource: "workspaceStorage", scriptData: "Users/admin/setup.sh" } });
    });
});

describe("compute cluster", () => {
    it("is low-priority, scales 0..3 with idle scale-down, closed and keyless", () => {
        const c = computeNamed("cpu").inputs;
        expect(at(c, "properties")).toMatchObject({
            computeType: "AmlCompute",
            disableLocalAuth: true,
            properties: {
                vmSize: "Standard_D4ds_v5",
                vmPriority: "LowPriority",
                enableNodePublicIp: false,
                remoteLoginPortPublicAccess: "Disabled",
                scaleSettings: { minNodeCount: 0, maxNodeCount: 3, nodeIdleTimeBeforeScaleDown: "PT300S" },
            },
        });
        expect(at(c, "identity.type")).toBe("UserAssigned");
        expect(run.graph.resources.find((r) => r.type === "azure-native:machinelearningservices:Workspace")!.inputs.imageBuildCompute).toBe("cpu");
    });
});

describe("no credential or key in any compute input", () => {
    /** Every string of a value, with its path; inline script data decoded (base64 text would look like a base64 key itself). */
    const strings = (v: unknown, p = ""): [string, string][] => {
        if (typeof v === "string") return p.endsWith("scriptData") && !v.includes("/") ? [[`${p} (decoded)`, decoded(v)]] : [[p, v]];
        if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${p}[${i}]`));
        if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => strings(x, p ? `${p}.${k}` : k));
        return [];
    };

    it("holds no secret value, no SSH key and no key-named input", () => {
        const computes = allOfType(run.graph, COMPUTE);
        expect(computes).toHaveLength(3);
        for (const c of computes) {
            const found = strings(c.inputs).flatMap(([p, s]) => s.split(/[\s"'=]+/).concat(s).filter((w) => credentialValue(w)).map((w) => `${c.inputs.computeName} ${p}: ${w}`));
            expect(found).toEqual([]);
            const keyNamed = strings(c.inputs).map(([p]) => p).filter((p) => /adminPublicKey|password|secret|accountKey|connectionString|sasToken/i.test(p));
            expect(keyNamed).toEqual([]);
        }
    });

    it("the compute policies and the no-plaintext-secrets policy pass on these inputs", () => {
        const policies = allPolicies.filter((p) => p.name.startsWith("ml-compute-") || p.name === "no-plaintext-secrets");
        const report = evaluatePolicies(run.graph, undefined, { policies });
        expect(report.errors).toEqual([]);
        expect(report.violations.filter((v) => v.resourceType === COMPUTE || v.policyName === "ml-compute-in-vnet").map((v) => `${v.policyName}: ${v.message}`)).toEqual([]);
    });
});
