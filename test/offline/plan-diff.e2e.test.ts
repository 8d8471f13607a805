/**
 * `plan --against` end to end: an export of the current prod stack (a simulated `up` written by
 * offline/checkpoint-export.ts), then prod planned with a changed config (another key vault name,
 * a team added and one removed, a changed tag) through the CLI's main(): the exact
 * create/delete sets, the replacements with their forcing properties, the key vault flagged,
 * exit 1, and 0 with --allow. The unchanged config against its own export is all "same".
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { renderStackExport } from "../../offline/checkpoint-export";
import type { CliIo } from "../../offline/cli-io";
import type { CapturedStack } from "../../offline/graph";
import { main } from "../../offline/plan-cli";
import { teamsOf } from "../../offline/plan-teams";
import { runStack } from "../../offline/run-stack";
import { readStackFile } from "../../offline/stack-file";

const STACKS = path.resolve(__dirname, "../../stacks");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aml-plan-diff-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string; stderr: string } {
    const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
    return io;
}

interface DiffJson {
    summary: Record<string, number>;
    changes: { urn: string; type: string; name: string; action: string; replaceBy: string[]; paths: { path: string; kind: string; replaceBy?: string }[] }[];
    dangerous: { rule: string; name: string; type: string; allowed: boolean }[];
    blocked: number;
}
interface PlanJson {
    resources: { urn: string; team: string | null }[];
    diff: DiffJson;
}

/** Writes prod's stack file with the changes, next to the files it references (jobs/, scripts/). */
function changedProd(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const doc = parseDocument(fs.readFileSync(path.join(STACKS, "Pulumi.prod.yaml"), "utf8"));
    const p = ["config", "aml-workspace:platform"];
    doc.setIn([...p, "keyVault", "name"], "kv-mlplat-prod-x2");
    doc.setIn([...p, "tags", "costCenter"], "CC-1002");
    doc.deleteIn([...p, "teams", "fraud"]);
    doc.setIn([...p, "modelRegistry", "consumers"], ["risk"]);
    doc.setIn([...p, "teams", "markets"], { workspace: { friendlyName: "Markets", description: "Market risk models" } });
    fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), doc.toString());
    for (const d of ["jobs", "scripts"]) fs.symlinkSync(path.join(STACKS, d), path.join(dir, d));
}

describe("plan --against an export of the current prod", () => {
    let deployed: CapturedStack;
    const exportFile = path.join(tmp, "prod-export.json");
    const plainExportFile = path.join(tmp, "prod-export-show-secrets.json");
    const changedDir = path.join(tmp, "changed");

    beforeAll(async () => {
        const stackFile = readStackFile("prod");
        const run = await runStack({ stack: "prod", config: stackFile.config, configSource: stackFile.file });
        deployed = run.graph;
        fs.writeFileSync(exportFile, renderStackExport(run.graph, { states: run.states, stackOutputs: run.outputs }));
        fs.writeFileSync(plainExportFile, renderStackExport(run.graph, { states: run.states, stackOutputs: run.outputs, showSecrets: true }));
        changedProd(changedDir);
    });

    describe("with a changed config", () => {
        let io: ReturnType<typeof capture>;
        let code: number;
        let plan: PlanJson;
        const byAction = (a: string): string[] => plan.diff.changes.filter((c) => c.action === a).map((c) => c.urn).sort();

        beforeAll(async () => {
            io = capture();
            const jsonFile = path.join(tmp, "changed.json");
            code = await main(["prod", "--stack-dir", changedDir, "--against", exportFile, "--json", jsonFile], io);
            plan = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
        });

        it("exits 1: dangerous changes are planned and none is allowed", () => {
            expect(io.stderr).toBe("");
            expect(code).toBe(1);
            expect(plan.diff.blocked).toBe(plan.diff.dangerous.length);
        });

        it("creates exactly the added team's resources and deletes exactly the removed team's", () => {
            // A team's resources are its subtree plus what the platform holds for it (its lake's private
            // endpoints, named after the team): team attribution or the team key in the name.
            const ofTeam = (team: string, resources: { urn: string }[], teams: ReadonlyMap<string, string | null | undefined>): string[] =>
                resources.filter((r) => teams.get(r.urn) === team || new RegExp(`-${team}(-|$)`).test(r.urn.split("::").pop()!)).map((r) => r.urn).sort();
            const added = ofTeam("markets", plan.resources, new Map(plan.resources.map((r) => [r.urn, r.team])));
            const removed = ofTeam("fraud", deployed.resources, teamsOf(deployed));
            expect(added.length).toBeGreaterThan(0);
            expect(removed.length).toBeGreaterThan(0);
            expect(byAction("create")).toEqual(added);
            expect(byAction("delete")).toEqual(removed);
        });

        it("replaces the key vault (its name forces it) and exactly what hangs on the vault's name or ID", () => {
            const replaced = plan.diff.changes.filter((c) => c.action === "replace");
            expect(replaced.map((c) => `${c.name} (${c.replaceBy.join(", ")})`).sort()).toEqual([
                "platform-ml-cmk-cosmosdb-crypto (scope)",
                "platform-ml-cmk-key (vaultName)",
                "platform-ml-cmk-uai-crypto (scope)",
                "platform-ml-keyvault-diag (resourceUri)",
                "platform-ml-keyvault-vault (vaultName)",
                "platform-ml-uai-keyVault-contributor (scope)",
                "platform-ml-uai-keyVault-keyVaultAdministrator (scope)",
            ]);
            const vault = replaced.find((c) => c.type === "azure-native:keyvault:Vault")!;
            expect(vault.paths).toContainEqual({ path: "vaultName", kind: "changed", replaceBy: "vaultName" });
            expect(io.stdout).toMatch(/\+- azure-native:keyvault:Vault {2}platform-ml-keyvault-vault \(replace, forced by vaultName\)/);
        });

        it("flags the key vault's forced replacement with the soft-delete rule (and its protection)", () => {
            const onVault = plan.diff.dangerous.filter((f) => f.name === "platform-ml-keyvault-vault").map((f) => f.rule).sort();
            expect(onVault).toEqual(["protected-delete", "soft-deleted-name-replace"]);
            expect(io.stdout).toMatch(/\[soft-deleted-name-replace\] platform-ml-keyvault-vault \(azure-native:keyvault:Vault, replace\): key vault would be replaced \(forced by vaultName\)/);
            // The workspace keeps its CMK in the old vault: moving it is refused too.
            expect(plan.diff.dangerous.filter((f) => f.name === "platform-ml-workspace").map((f) => f.rule).sort()).toEqual(["cmk-change", "workspace-associated-resource-change"]);
        });

        it("updates everything tagged (tags.costCenter) and touches the remaining team only through the shared tag", () => {
            const updates = plan.diff.changes.filter((c) => c.action === "update");
            const tagged = deployed.resources.filter((r) => r.custom && JSON.stringify(r.inputs).includes('"costCenter":"CC-1001"')).map((r) => r.urn);
            const changed = new Map(plan.diff.changes.map((c) => [c.urn, c]));
            const kept = tagged.filter((urn) => changed.get(urn)?.action !== "delete");
            expect(kept.filter((urn) => !changed.get(urn)?.paths.some((p) => p.path.endsWith("costCenter")))).toEqual([]);
            const deployedTeams = teamsOf(deployed);
            for (const c of updates.filter((u) => deployedTeams.get(u.urn) === "risk")) {
                // Secrets of the encrypted export cannot be compared: they "may change", nothing else does.
                expect(c.paths.filter((p) => !p.path.endsWith("costCenter") && p.kind !== "secret-may-change").map((p) => `${c.name}: ${p.path}`)).toEqual([]);
            }
            expect(plan.diff.summary).toEqual({ create: byAction("create").length, update: updates.length, replace: 7, delete: byAction("delete").length, same: expect.any(Number) });
            expect(io.stdout).toMatch(new RegExp(`~  ${updates.length} to update`));
        });

        it("exits 0 when every flagged rule is allowed, and marks the findings allowed", async () => {
            const rules = [...new Set(plan.diff.dangerous.map((f) => f.rule))];
            const allowed = capture();
            const jsonFile = path.join(tmp, "allowed.json");
            expect(await main(["prod", "--stack-dir", changedDir, "--against", exportFile, "--json", jsonFile, ...rules.flatMap((r) => ["--allow", r])], allowed)).toBe(0);
            const again = (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as PlanJson).diff;
            expect(again.blocked).toBe(0);
            expect(again.dangerous.length).toBe(plan.diff.dangerous.length);
            expect(again.dangerous.every((f) => f.allowed)).toBe(true);
        });
    });

    it("the unchanged config against its own export: everything same, exit 0 (secrets compared with --show-secrets)", async () => {
        const io = capture();
        const jsonFile = path.join(tmp, "same.json");
        expect(await main(["prod", "--against", plainExportFile, "--json", jsonFile], io)).toBe(0);
        const diff = (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as PlanJson).diff;
        expect(diff.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: deployed.resources.length });
        expect(diff.changes).toEqual([]);
        expect(io.stdout).toContain("Dangerous changes: none");
    });

    it("at preview, against the export of a deployment in another subscription: all same but unknowable secrets (IDs and unknowns resolved from the export)", async () => {
        const elsewhere = path.join(tmp, "prod-export-other-subscription.json");
        fs.writeFileSync(elsewhere, fs.readFileSync(plainExportFile, "utf8").replaceAll("/subscriptions/00000000-0000-0000-0000-000000000000", "/subscriptions/12345678-aaaa-bbbb-cccc-1234567890ab"));
        const io = capture();
        const jsonFile = path.join(tmp, "elsewhere.json");
        expect(await main(["prod", "--preview", "--against", elsewhere, "--json", jsonFile], io)).toBe(0);
        const diff = (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as PlanJson).diff;
        // Only secrets the offline preview cannot know (a kubeconfig read by an invoke) may change.
        expect(diff.changes.flatMap((c) => c.paths.filter((p) => p.kind !== "secret-may-change").map((p) => `${c.name}: ${p.path} ${p.kind}`))).toEqual([]);
        expect(diff.summary.same).toBeGreaterThan(deployed.resources.length - 5);
    });

    it("an export with encrypted secrets: only secret inputs differ, as 'secret may change'", async () => {
        const io = capture();
        const jsonFile = path.join(tmp, "encrypted.json");
        expect(await main(["prod", "--against", exportFile, "--json", jsonFile], io)).toBe(0);
        const diff = (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as PlanJson).diff;
        expect(diff.changes.length).toBeGreaterThan(0);
        expect(diff.changes.every((c) => c.action === "update" && c.paths.every((p) => p.kind === "secret-may-change"))).toBe(true);
        // Told apart from real updates, in the JSON and the text summary.
        expect((diff as DiffJson & { secretMayChangeOnly: number }).secretMayChangeOnly).toBe(diff.summary.update);
        expect(io.stdout).toContain(`~  ${diff.summary.update} to update (${diff.summary.update} only because a secret may change`);
    });
});
