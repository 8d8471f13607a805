/**
 * Issue 10's acceptance check, read from what a reviewer reads: the JSON that
 * `npm run plan -- prod --json <file>` writes. Every team of the shipped prod
 * stack gets, in its own project: a compute instance with idle shutdown, SSH
 * closed and an assigned user; a cluster scaling from 0 with no public IP and
 * local auth off; a Kubernetes compute target on a cluster carrying the AzureML
 * extension; a datastore with identity access; a data asset; a schedule. And no
 * input anywhere carries a credential.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CliIo } from "../../offline/cli-io";
import { main as plan } from "../../offline/plan-cli";
import { readStackConfig } from "../../offline/stack-file";
import { readPath } from "../../components/object-path";

interface PlannedResource {
    type: string;
    name: string;
    team: string | null;
    inputs: Record<string, unknown>;
    dependencies: string[];
    urn: string;
}

let resources: PlannedResource[] = [];
let exitCode = -1;
const teams = Object.keys((readStackConfig("prod")["aml-workspace:platform"] as { teams: Record<string, unknown> }).teams);

beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prod-plan-"));
    const file = path.join(dir, "prod.json");
    const io: CliIo = { out: () => undefined, err: () => undefined };
    exitCode = await plan(["prod", "--json", file], io);
    resources = (JSON.parse(fs.readFileSync(file, "utf8")) as { resources: PlannedResource[] }).resources;
    fs.rmSync(dir, { recursive: true, force: true });
});

const ofTeam = (team: string, type: string): PlannedResource[] => resources.filter((r) => r.team === team && r.type === type);
const computes = (team: string, kind: string): PlannedResource[] =>
    ofTeam(team, "azure-native:machinelearningservices:Compute").filter((c) => readPath(c.inputs, "properties.computeType") === kind);

it("prod plans clean (exit 0) and has teams", () => {
    expect(exitCode).toBe(0);
    expect(teams.length).toBeGreaterThanOrEqual(2);
});

describe.each(teams.map((t) => [t]))("team %s", (team) => {
    it("has a compute instance with idle shutdown, SSH closed and an assigned user", () => {
        const [instance] = computes(team, "ComputeInstance");
        expect(instance).toBeDefined();
        const p = readPath(instance.inputs, "properties.properties") as Record<string, unknown>;
        expect(p.idleTimeBeforeShutdown).toMatch(/^PT\d+[MH]$/);
        expect(readPath(p, "sshSettings.sshPublicAccess")).toBe("Disabled");
        expect(readPath(p, "personalComputeInstanceSettings.assignedUser.objectId")).toMatch(/^[0-9a-f-]{36}$/);
        expect(readPath(instance.inputs, "properties.disableLocalAuth")).toBe(true);
    });

    it("has a cluster scaling from 0 with no public IP and local auth off", () => {
        const [cluster] = computes(team, "AmlCompute");
        expect(cluster).toBeDefined();
        expect(readPath(cluster.inputs, "properties.properties.scaleSettings.minNodeCount")).toBe(0);
        expect(readPath(cluster.inputs, "properties.properties.enableNodePublicIp")).toBe(false);
        expect(readPath(cluster.inputs, "properties.disableLocalAuth")).toBe(true);
    });

    it("has a Kubernetes compute target on a cluster with the AzureML extension", () => {
        const [target] = computes(team, "Kubernetes");
        expect(target).toBeDefined();
        const clusterId = String(readPath(target.inputs, "properties.resourceId")).toLowerCase();
        const extensions = resources.filter(
            (r) => r.type === "azure-native:kubernetesconfiguration:Extension" && r.inputs.extensionType === "Microsoft.AzureML.Kubernetes",
        );
        const onCluster = extensions.filter((e) => clusterId.endsWith(`/managedclusters/${String(e.inputs.clusterName).toLowerCase()}`));
        expect(onCluster).toHaveLength(1);
        // The attach waits for the extension.
        expect(target.dependencies).toContain(onCluster[0].urn);
    });

    it("has a datastore with identity-based access and a data asset on it", () => {
        const stores = ofTeam(team, "azure-native:machinelearningservices:Datastore");
        expect(stores.length).toBeGreaterThan(0);
        for (const s of stores) expect(readPath(s.inputs, "properties.credentials.credentialsType")).toBe("None");
        const versions = ofTeam(team, "azure-native:machinelearningservices:DataVersion");
        expect(versions.length).toBeGreaterThan(0);
        const storeNames = stores.map((s) => s.inputs.name);
        for (const v of versions) {
            const uri = String(readPath(v.inputs, "properties.dataUri"));
            expect(storeNames).toContain(/^azureml:\/\/datastores\/([^/]+)\//.exec(uri)?.[1]);
        }
        expect(ofTeam(team, "azure-native:machinelearningservices:DataContainer").length).toBeGreaterThan(0);
    });

    it("has a schedule", () => {
        expect(ofTeam(team, "azure-native:machinelearningservices:Schedule").length).toBeGreaterThan(0);
    });
});

it("no input of any resource carries an account key, SAS token, password or registry admin credential", () => {
    const text = JSON.stringify(resources.map((r) => r.inputs));
    expect(text).not.toMatch(/AccountKey=|[?&]sig=|"(accountKey|sasToken|password|adminPassword|clientSecret)":"(?!\[secret\])/i);
    expect(text).not.toMatch(/"adminUserEnabled":true/);
});
