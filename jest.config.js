/** Unit, property and integration tests. The integration tests build the production bundle once (see test/global-setup.js). */
const { functionFamilies } = require("./scripts/functions-metadata.cjs");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  globalSetup: "<rootDir>/test/global-setup.js",
  testTimeout: 120000,
  // The functions' metadata from their JSDoc, as the build inlines it (src/functions/metadata.ts).
  globals: { __LOAN_FUNCTION_FAMILIES__: functionFamilies() },
};
