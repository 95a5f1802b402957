/** Unit, property and integration tests. The integration tests build the production bundle once (see test/global-setup.js). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  globalSetup: "<rootDir>/test/global-setup.js",
  testTimeout: 120000,
};
