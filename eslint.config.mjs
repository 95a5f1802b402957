import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.cjs", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/core/**/*.ts"],
    rules: {
      // The core is pure: no Office, Excel or CustomFunctions, no imports from adapters or UI.
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window"],
      "no-restricted-imports": ["error", { patterns: ["../functions/*", "../taskpane/*", "@microsoft/office-js"] }],
    },
  },
);
