/**
 * The acceptance and end-to-end suites (`npm run test:acceptance`, run by CI after `npm test`):
 * `test/acceptance/` (the corpus of broken and unusual configs written from Azure's documentation,
 * the shipped stacks planned on all three clouds against the whole policy pack, onboarding a team,
 * issue 10's prod plan) and every `*.e2e.test.ts` beside the code it covers (the plan and audit CLIs
 * end to end, SARIF against its schema, the lifecycle simulation, the stack program's entry, Pulumi's
 * component analyzer over the library). They run the full engine or a CLI many times, so they live
 * apart from `npm test`, which stays under a minute.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");
module.exports = {
    ...base,
    roots: ["<rootDir>/test"],
    testMatch: ["<rootDir>/test/acceptance/**/*.test.ts", "**/*.e2e.test.ts"],
    testPathIgnorePatterns: ["/node_modules/"],
};
