/**
 * The acceptance suites (`npm run test:acceptance`, run by CI after `npm test`): the corpus of
 * broken and unusual configs written from Azure's documentation, and the shipped stacks planned on
 * all three clouds against the whole policy pack. They run the full engine dozens of times, so they
 * live apart from `npm test`, which stays under a minute.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");
module.exports = { ...base, roots: ["<rootDir>/test/acceptance"], testPathIgnorePatterns: [] };
