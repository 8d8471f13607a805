/**
 * `plan --against <export> [--allow <rule>]...`: reads the deployed stack's export before the
 * run (a bad file fails fast, exit 2), then diffs the planned graph against it and decides the
 * exit code: 1 when a dangerous change is planned that no `--allow` names.
 */
import { CheckpointError, readCheckpoint } from "./checkpoint";
import { UsageError } from "./cli-io";
import { DANGER_RULE_IDS, findDangerousChanges, type DangerFinding } from "./dangerous-changes";
import { diffJson, renderDiff } from "./diff-report";
import type { CapturedStack } from "./graph";
import { deployedSubscription, diffStacks, type DiffOptions, type StackDiff } from "./plan-diff";
import { SIMULATED_SUBSCRIPTION_ID } from "./azure-sim/simulator";

/** The deployed stack to compare with, read and checked. */
export interface Against {
    /** The export file, as given. */
    file: string;
    /** Its stack. */
    deployed: CapturedStack;
    /** Rule ids allowed with `--allow`. */
    allow: string[];
}

/** What the comparison produced. */
export interface Comparison {
    /** The diff. */
    diff: StackDiff;
    /** Dangerous changes (allowed ones marked). */
    findings: DangerFinding[];
    /** The text section. */
    text: string;
    /** The `diff` object of the JSON plan. */
    json: Record<string, unknown>;
    /** 1 when a dangerous change is not allowed, else 0. */
    exitCode: number;
}

/** Reads the export and checks `--allow`; throws CheckpointError or UsageError (exit 2). */
export function loadAgainst(file: string | undefined, allow: readonly string[] | undefined): Against | undefined {
    if (file === undefined) {
        if (allow && allow.length > 0) throw new UsageError("--allow applies to --against <stack export>; give the export to compare with");
        return undefined;
    }
    const unknown = (allow ?? []).filter((a) => !DANGER_RULE_IDS.includes(a));
    if (unknown.length > 0) throw new UsageError(`--allow ${unknown.join(", ")}: no such rule (rules: ${DANGER_RULE_IDS.join(", ")})`);
    return { file, deployed: readCheckpoint(file), allow: [...(allow ?? [])] };
}

/** Diffs the planned stack against the export; throws CheckpointError when the export is of another project or stack. */
export function compareAgainst(against: Against, planned: CapturedStack, plannedOutputs?: DiffOptions["plannedOutputs"]): Comparison {
    const { deployed } = against;
    // An export without resources is a stack never deployed: everything is a create.
    if (deployed.resources.length > 0 && (deployed.project !== planned.project || deployed.stack !== planned.stack)) {
        throw new CheckpointError(
            "not-a-stack-export",
            against.file,
            `an export of ${deployed.project}/${deployed.stack}, not of ${planned.project}/${planned.stack}: URNs would not match; export the stack you plan (pulumi stack export --stack ${planned.stack} --file ${against.file})`,
        );
    }
    const deployedSub = deployedSubscription(deployed);
    // The simulated deployment runs in a placeholder subscription; the export's is the real one.
    const subscription = deployedSub ? { planned: SIMULATED_SUBSCRIPTION_ID, deployed: deployedSub } : undefined;
    const diff = diffStacks(planned, deployed, { plannedOutputs, subscription });
    const findings = findDangerousChanges(diff, deployed, against.allow);
    return {
        diff,
        findings,
        text: renderDiff(diff, findings, against.file),
        json: diffJson(diff, findings, { file: against.file, project: deployed.project, stack: deployed.stack }),
        exitCode: findings.some((f) => !f.allowed) ? 1 : 0,
    };
}
