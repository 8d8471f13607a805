/**
 * Jest runs TypeScript through SWC (transpile only): the type-check is its own
 * step of `npm test` (`npm run typecheck`), so tests start fast.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The acceptance and end-to-end suites run on their own (jest.acceptance.config.js, `npm run test:acceptance`).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/acceptance/", "\\.e2e\\.test\\.ts$"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }] },
  // TypeScript only when something uses it (test/helpers/lazy-typescript.js): ~150 ms off every file.
  moduleNameMapper: { "^typescript$": "<rootDir>/test/helpers/lazy-typescript.js" },
  maxWorkers: 2,
  // A worker keeps a little of every file it ran (the SDK adds process listeners per module copy), so
  // its heap grows and garbage collection with it: recycled above 400 MB, a cold run (no timing
  // cache to put the heavy files first, as on CI) took 54 s of jest instead of 86 s, a warm one 45 s.
  workerIdleMemoryLimit: "400MB",
  testTimeout: 60000,
};
