/**
 * Data in the stack config (`data` for the single workspace, `teams.<key>.data`): the checks of
 * the library (components/data/platform-data-args.ts `dataProblems`) with their full key paths, and
 * where a data section may be: with teams, only under a team (a hub holds no team's data, and
 * independent teams leave no platform workspace).
 */
import { dataProblems, hasData, type PlatformDataArgs } from "../components/data/platform-data-args";
import { at, type ConfigProblem } from "./config-errors";
import type { PlatformConfig } from "./config-types";

/** Every data problem of the config, all reported together. */
export function dataConfigProblems(c: PlatformConfig): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    const own = c.data as PlatformDataArgs | undefined;
    if (hasData(own) && Object.keys(c.teams ?? {}).length > 0) {
        out.push({
            path: at("data"),
            problem: c.sharing === "hub" ? "is set, but a hub holds no team's data (each project has its own datastores and assets)" : "is set, but independent teams leave no platform workspace to hold it",
            fix: "move lakes, datastores and assets under teams.<key>.data of the team that uses them",
        });
    }
    const sections: [string, PlatformDataArgs | undefined][] = [["data", own], ...Object.entries(c.teams ?? {}).map(([k, t]): [string, PlatformDataArgs | undefined] => [`teams.${k}.data`, t.data as PlatformDataArgs | undefined])];
    for (const [base, d] of sections) {
        for (const p of dataProblems(d)) out.push({ path: at(`${base}.${p.key}`), problem: p.problem, fix: p.fix });
    }
    return out;
}

/** The checks config.ts runs with the other semantic checks. */
export const DATA_CHECKS: readonly ((c: PlatformConfig) => ConfigProblem[])[] = [dataConfigProblems];
