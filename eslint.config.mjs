import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.cjs", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/core/**/*.ts"],
    rules: {
      // The core is pure: no Office, Excel or CustomFunctions, and it imports nothing outside src/core.
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window"],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "**/functions",
            "**/functions/**",
            "**/taskpane/**",
            "**/plan",
            "**/plan/**",
            "**/engine/**",
            "**/preview/**",
            "@microsoft/office-js",
          ],
        },
      ],
    },
  },
);
