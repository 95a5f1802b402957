import tseslint from "typescript-eslint";

export default tseslint.config(
  // JavaScript is linted in scripts/ (the Node tools); elsewhere the sources are TypeScript.
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "src/functions/generated/**",
      "src/core/generated/**",
      "**/*.js",
      "bench/**/*.mjs",
      "bin/**",
      "*.mjs",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Prettier wraps code at 120 but not comments: this holds comments (and the rest) to it too.
      "max-len": [
        "error",
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.cjs"],
    rules: {
      // CommonJS: what webpack.config.js and jest.config.js can require.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
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
