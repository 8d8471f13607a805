/**
 * Jest runs TypeScript through SWC (transpile only): the type-check is its own
 * step of `npm test` (`npm run typecheck`), so tests start fast.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The acceptance suites run on their own (jest.acceptance.config.js, `npm run test:acceptance`).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/acceptance/"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }] },
  maxWorkers: 2,
  testTimeout: 60000,
};
