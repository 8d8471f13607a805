/**
 * Compute instance config: who an instance is assigned to (never silently the deployer, never the
 * deployer in prod, never the nil GUID), its start/stop schedules and setup scripts, and, in the
 * same run, an invalid VM size and a quota breach — every problem with its key path, all at once.
 * The script files are read from a temporary stack folder (missing, empty, outside the folder,
 * CRLF, a credential, a link out of the folder).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPlatformConfig } from "../../stacks/config";
import { formatProblem } from "../../stacks/config-errors";
import { readSetupScripts } from "../../stacks/config-compute-instances";
import { platformArgsOf } from "../../stacks/platform-args";
import { readStackConfig } from "../../offline/stack-file";
import { runStack } from "../../offline/run-stack";
import { evaluatePolicies } from "../../offline/policy-harness";
import { allPolicies } from "../../policies/all";
import { readPath } from "../../components/object-path";
import { problemLines, TEST_CONTEXT } from "../helpers/config";
import { baseConfig } from "../helpers/stack";

const KEY = "aml-workspace:platform";
const USER = "00000000-0000-0000-0000-00000000b001";
const VM = "Standard_DS3_v2";
/** Public endpoints: the registry is not private, so these configs need no image build cluster. */
const PUBLIC = { network: { publicNetworkAccess: "Enabled" } };
const withInstances = (instances: Record<string, unknown>, extra: Record<string, unknown> = {}) => baseConfig({ ...PUBLIC, compute: { instances }, ...extra });
const I = (more: Record<string, unknown> = {}) => ({ vmSize: VM, assignedUserObjectId: USER, ...more });
const paths = (raw: unknown): string[] => problemLines(raw).map((l) => l.slice(0, l.indexOf(": ")));

describe("the assigned user", () => {
    it("is required, named by its key, with the fix", () => {
        expect(problemLines(withInstances({ "ci-a": { vmSize: VM } }))).toEqual([
            `${KEY}.compute.instances.ci-a.assignedUserObjectId: is required: an instance belongs to one user, and the toolkit never assigns it to whoever deploys (give the user's Entra object ID (az ad user show --id <upn> --query id), or set assignToDeployingPrincipal: true for your own dev instance)`,
        ]);
    });

    it("may be the deploying principal when the config says so, outside prod", () => {
        expect(problemLines(withInstances({ "ci-a": { vmSize: VM, assignToDeployingPrincipal: true } }))).toEqual([]);
    });

    it("is never the deploying principal in prod, and never both", () => {
        const prod = problemLines(withInstances({ "ci-a": { vmSize: VM, assignToDeployingPrincipal: true }, "ci-b": I({ assignToDeployingPrincipal: true }) }, { environment: "prod" }));
        expect(prod).toContain(
            `${KEY}.compute.instances.ci-a.assignToDeployingPrincipal: is true in a prod stack (environment: prod): the instance would belong to the deploying principal (often a CI service principal), not a person (remove it and set assignedUserObjectId to the user's Entra object ID (az ad user show --id <upn> --query id))`,
        );
        expect(prod).toContain(`${KEY}.compute.instances.ci-b.assignToDeployingPrincipal: is true together with assignedUserObjectId (keep one: assignedUserObjectId names the user)`);
        // In prod the fix does not offer the deployer.
        expect(problemLines(withInstances({ "ci-c": { vmSize: VM } }, { environment: "prod" })).join("\n")).not.toContain("assignToDeployingPrincipal");
    });

    it("is never the nil GUID (the existing nil-GUID check covers the key)", () => {
        expect(problemLines(withInstances({ "ci-a": I({ assignedUserObjectId: "00000000-0000-0000-0000-000000000000" }) }))).toEqual([
            expect.stringContaining(`${KEY}.compute.instances.ci-a.assignedUserObjectId: is the nil GUID`),
        ]);
    });

    it("must be an object ID (schema)", () => {
        expect(paths(withInstances({ "ci-a": I({ assignedUserObjectId: "alice@contoso.com" }) }))).toEqual([`${KEY}.compute.instances.ci-a.assignedUserObjectId`]);
    });
});

describe("every problem of instances, schedules, scripts, VM sizes and quota in one run", () => {
    const lines = problemLines(
        baseConfig({
            ...PUBLIC,
            teams: {
                risk: {
                    quota: { maxNodes: 2 },
                    compute: {
                        clusters: { "risk-cpu": { vmSize: "Standard_DS3_v9", maxNodes: 2 } },
                        instances: {
                            "risk-ci": I({
                                schedules: {
                                    "bad-cron": { action: "Stop", cron: { expression: "0 20 * * 1-7" } },
                                    "six-fields": { action: "Stop", cron: { expression: "0 0 20 * * 1-5", timeZone: "CET" } },
                                    "ends": { action: "Start", cron: { expression: "0 7 * * 1-5", endTime: "2027-01-01T00:00:00" } },
                                    "no-time": { action: "Start", recurrence: { frequency: "Day", interval: 1 } },
                                    "hourly": { action: "Stop", recurrence: { frequency: "Hour", interval: 1 } },
                                    "both": { action: "Stop", cron: { expression: "0 20 * * *" }, recurrence: { frequency: "Day", interval: 1, hours: [20], minutes: [0] } },
                                    "neither": { action: "Stop" },
                                },
                                setupScripts: {
                                    creation: { inline: "pip install x\r\necho done\r\n", file: "scripts/a.sh" },
                                    startup: { file: "../outside.sh", timeout: "ten minutes" },
                                },
                            }),
                            "risk-ci2": I({
                                setupScripts: {
                                    creation: { inline: 'export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc=="\n' },
                                    startup: { workspacePath: "Users/../../etc/setup.sh" },
                                },
                            }),
                            "risk-ci3": I({ setupScripts: { creation: {}, startup: { inline: "   \n" } } }),
                        },
                    },
                },
            },
        }),
    );
    const I_ = `${KEY}.teams.risk.compute.instances`;
    const at = (key: string): string[] => lines.filter((l) => l.startsWith(`${key}: `));

    it.each<[string, string, string]>([
        ["a cron day of week 7", `${I_}.risk-ci.schedules.bad-cron.cron.expression`, "uses 7 for Sunday"],
        ["six cron fields", `${I_}.risk-ci.schedules.six-fields.cron.expression`, "has 6 fields"],
        ["an unknown time zone", `${I_}.risk-ci.schedules.six-fields.cron.timeZone`, '"CET" is not a time zone Azure ML schedules accept'],
        ["an end time", `${I_}.risk-ci.schedules.ends.cron.endTime`, "is not supported here (a compute instance's start/stop schedule has no end time)"],
        ["a recurrence without hours and minutes", `${I_}.risk-ci.schedules.no-time.recurrence`, "has no hours and minutes"],
        ["an hourly recurrence", `${I_}.risk-ci.schedules.hourly.recurrence.frequency`, "is Hour, which takes no hours and minutes"],
        ["both triggers", `${I_}.risk-ci.schedules.both`, "has both cron and recurrence"],
        ["no trigger", `${I_}.risk-ci.schedules.neither`, "has neither cron nor recurrence"],
        ["two script sources", `${I_}.risk-ci.setupScripts.creation`, "gives file and inline"],
        ["a file outside the stack folder", `${I_}.risk-ci.setupScripts.startup.file`, '("../outside.sh") leaves the stack folder'],
        ["a timeout that is no duration", `${I_}.risk-ci.setupScripts.startup.timeout`, "has an invalid format (write a duration like 600, 10m or 1h)"],
        ["a credential in an inline script", `${I_}.risk-ci2.setupScripts.creation.inline`, "holds a storage or Service Bus connection string with a key (line 1)"],
        ["a path out of the notebooks share", `${I_}.risk-ci2.setupScripts.startup.workspacePath`, "is not a path inside the notebooks file share"],
        ["no script source", `${I_}.risk-ci3.setupScripts.creation`, "gives no script"],
        ["an empty inline script", `${I_}.risk-ci3.setupScripts.startup.inline`, "is empty"],
        ["an unknown VM size", `${KEY}.teams.risk.compute.clusters.risk-cpu.vmSize`, '"Standard_DS3_v9" is not an Azure VM size'],
        ["a quota breach", `${KEY}.teams.risk.quota.maxNodes`, "team risk may use at most 2 nodes, but its compute totals 5"],
    ])("%s", (_label, key, text) => {
        expect(at(key)).toEqual([expect.stringContaining(text)]);
    });

    it("reports CRLF in an inline script only once its sources are sorted out (one problem per key)", () => {
        expect(at(`${I_}.risk-ci.setupScripts.creation.inline`)).toEqual([]);
    });
});

describe("setup script files, read from the stack folder", () => {
    let dir: string;
    let outside: string;
    beforeAll(() => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "aml-scripts-"));
        dir = path.join(root, "stacks");
        fs.mkdirSync(path.join(dir, "scripts"), { recursive: true });
        outside = path.join(root, "outside.sh");
        fs.writeFileSync(outside, "#!/bin/bash\necho outside\n");
        fs.writeFileSync(path.join(dir, "scripts", "good.sh"), "#!/bin/bash\npip config --user set global.index-url \"$1\"\n");
        fs.writeFileSync(path.join(dir, "scripts", "empty.sh"), "\n\n");
        fs.writeFileSync(path.join(dir, "scripts", "crlf.sh"), "#!/bin/bash\r\necho hi\r\n");
        fs.writeFileSync(path.join(dir, "scripts", "sas.sh"), "#!/bin/bash\ncurl -o data.csv 'https://st.blob.core.windows.net/c/data.csv?sv=2022-11-02&sig=abcdef'\n");
        fs.symlinkSync(outside, path.join(dir, "scripts", "link.sh"));
        fs.mkdirSync(path.join(dir, "scripts", "dir.sh"));
    });

    const config = (scripts: Record<string, Record<string, string>>) =>
        loadPlatformConfig(withInstances(Object.fromEntries(Object.entries(scripts).map(([n, s]) => [n, I({ setupScripts: { startup: s } })]))), TEST_CONTEXT);

    it("reads a good file and maps its text to the instance's startup script", () => {
        const c = config({ "ci-a": { file: "scripts/good.sh", arguments: "https://pypi.org/simple" } });
        const { scripts, problems } = readSetupScripts(c, dir);
        expect(problems).toEqual([]);
        const args = platformArgsOf(c, { project: "p", stack: "s" }, {}, scripts);
        expect(args.compute?.instances?.["ci-a"].startupScript).toEqual({ content: fs.readFileSync(path.join(dir, "scripts", "good.sh"), "utf8"), arguments: "https://pypi.org/simple" });
    });

    it("reports every bad file at once, each at its key", () => {
        const c = config({
            "ci-a": { file: "scripts/missing.sh" },
            "ci-b": { file: "scripts/empty.sh" },
            "ci-c": { file: "scripts/crlf.sh" },
            "ci-d": { file: "scripts/sas.sh" },
            "ci-e": { file: "scripts/link.sh" },
            "ci-f": { file: "scripts/dir.sh" },
        });
        const lines = readSetupScripts(c, dir).problems.map(formatProblem);
        const K = `${KEY}.compute.instances`;
        expect(lines).toEqual([
            `${K}.ci-a.setupScripts.startup.file: names scripts/missing.sh, which is not a file in the stack folder (create stacks/scripts/missing.sh, or correct the path (it is relative to the stack folder))`,
            `${K}.ci-b.setupScripts.startup.file (scripts/empty.sh): is empty: there is no command to run (write the commands the instance should run, or remove the script)`,
            expect.stringMatching(new RegExp(`^${K.replace(/\./g, "\\.")}\\.ci-c\\.setupScripts\\.startup\\.file \\(scripts/crlf\\.sh\\): has Windows \\(CRLF\\) line endings`)),
            expect.stringMatching(/ci-d\.setupScripts\.startup\.file \(scripts\/sas\.sh\): holds a SAS token \(sig=\) \(line 2\)/),
            `${K}.ci-e.setupScripts.startup.file: (scripts/link.sh) is a link to a file outside the stack folder (copy the script into the stack folder)`,
            `${K}.ci-f.setupScripts.startup.file: names scripts/dir.sh, which is not a file in the stack folder (create stacks/scripts/dir.sh, or correct the path (it is relative to the stack folder))`,
        ]);
    });

    it("the mapping refuses a file the program did not read", () => {
        const c = config({ "ci-a": { file: "scripts/good.sh" } });
        expect(() => platformArgsOf(c, { project: "p", stack: "s" })).toThrow(/ci-a\.setupScripts\.startup\.file: scripts\/good\.sh was not read/);
    });
});

describe("image builds with a private registry", () => {
    it("a private registry with compute and no imageBuildCompute is a config error with the fix", () => {
        expect(problemLines(baseConfig({ compute: { clusters: { cpu: { vmSize: VM, maxNodes: 2 } } } }))).toEqual([
            `${KEY}.workspace.imageBuildCompute: is not set, but the workspace's container registry is private (network.publicNetworkAccess Disabled), and Azure ML cannot build images in a registry behind a network (set it to a CPU cluster of compute.clusters (cpu) that builds the images inside the network)`,
        ]);
        expect(problemLines(baseConfig({ containerRegistry: { mode: "always" } }))).toEqual([expect.stringContaining("add a CPU cluster, e.g. compute.clusters.image-build")]);
    });

    it("is satisfied by a cluster, and not needed with public endpoints or no registry", () => {
        expect(problemLines(baseConfig({ workspace: { imageBuildCompute: "cpu" }, compute: { clusters: { cpu: { vmSize: VM, maxNodes: 2 } } } }))).toEqual([]);
        expect(problemLines(baseConfig({ ...PUBLIC, compute: { clusters: { cpu: { vmSize: VM, maxNodes: 2 } } } }))).toEqual([]);
        expect(problemLines(baseConfig())).toEqual([]);
    });
});

describe("the prod snippet of the report", () => {
    it("one instance per team (assigned user, idle shutdown, a weekday 20:00 stop, the startup script) is valid in prod and deploys", async () => {
        const prod = readStackConfig("prod")[`${KEY}`] as { teams: Record<string, { quota: { maxNodes: number }; compute: Record<string, unknown> }> };
        const instance = (user: string, vmSize: string) => ({
            vmSize,
            assignedUserObjectId: user,
            idleTimeBeforeShutdown: "PT60M",
            schedules: { "stop-evening": { action: "Stop", cron: { expression: "0 20 * * 1-5", timeZone: "W. Europe Standard Time" } } },
            setupScripts: { startup: { file: "scripts/configure-pip-index.sh", arguments: "https://pypi.org/simple", timeout: "10m" } },
        });
        const teams = structuredCloneJson(prod.teams);
        teams.risk.quota.maxNodes = 9;
        teams.risk.compute.instances = { "risk-ci-alice": instance("00000000-0000-0000-0000-00000000b001", "Standard_DS3_v2") };
        teams.fraud.quota.maxNodes = 7;
        teams.fraud.compute.instances = { "fraud-ci-bob": instance("00000000-0000-0000-0000-00000000b002", "Standard_D4ds_v5") };
        const c = loadPlatformConfig({ ...prod, teams }, { project: "aml-workspace", stack: "prod" });
        const { problems } = readSetupScripts(c, path.resolve(__dirname, "../../stacks"));
        expect(problems).toEqual([]);

        // The simulated prod deployment: per team an instance with idle shutdown, SSH closed, its user,
        // the stop schedule and the script; no compute policy finding.
        const run = await runStack({ stack: "prod", config: { ...readStackConfig("prod"), [KEY]: { ...prod, teams } } });
        const instances = run.graph.resources.filter((r) => r.type === "azure-native:machinelearningservices:Compute" && readPath(r.inputs, "properties.computeType") === "ComputeInstance");
        expect(instances.map((r) => [r.inputs.computeName, readPath(r.inputs, "properties.properties.personalComputeInstanceSettings.assignedUser.objectId")])).toEqual([
            ["risk-ci-alice", "00000000-0000-0000-0000-00000000b001"],
            ["fraud-ci-bob", "00000000-0000-0000-0000-00000000b002"],
        ]);
        for (const r of instances) {
            expect(readPath(r.inputs, "properties.properties")).toMatchObject({ idleTimeBeforeShutdown: "PT60M", sshSettings: { sshPublicAccess: "Disabled" }, enableNodePublicIp: false, enableSSO: true });
            expect(readPath(r.inputs, "properties.properties.schedules.computeStartStop.0.cron")).toEqual({ expression: "0 20 * * 1-5", timeZone: "W. Europe Standard Time" });
            expect(readPath(r.inputs, "properties.properties.setupScripts.scripts.startupScript.scriptSource")).toBe("inline");
        }
        const report = evaluatePolicies(run.graph, undefined, { policies: allPolicies.filter((p) => p.name.startsWith("ml-compute-")) });
        expect(report.violations.map((v) => `${v.policyName} ${v.resourceName}`)).toEqual([]);

        // Without raising the quota, the instance is a quota breach named at the team's quota.
        teams.risk.quota.maxNodes = 8;
        expect(problemLines({ ...prod, teams }, { project: "aml-workspace", stack: "prod" })).toEqual([expect.stringContaining(`${KEY}.teams.risk.quota.maxNodes: team risk may use at most 8 nodes, but its compute totals 9`)]);
    });
});

/** A deep copy through JSON (structuredClone under jest returns host-realm arrays; ARCHITECTURE.md, Testing). */
function structuredCloneJson<T>(v: T): T {
    return JSON.parse(JSON.stringify(v)) as T;
}
