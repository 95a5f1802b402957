/* Builds the add-in: the custom functions (their own JavaScript-only runtime, with
 * functions.json generated from JSDoc) and the task pane. Production builds target
 * modern browsers only: no IE11 polyfills. */
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** The files whose JSDoc declares LOAN.* functions: one family a file. */
const FUNCTION_FAMILIES = [
  "./src/functions/financing.ts",
  "./src/functions/coverage.ts",
  "./src/functions/recourse.ts",
  "./src/functions/lender.ts",
];

/** TypeScript through ts-loader; type-checking is `npm run lint`'s job. */
const typescript = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } },
};

const officeJs = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The add-in: what Excel loads. */
function addin(production) {
  return {
    name: "addin",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: FUNCTION_FAMILIES,
      taskpane: "./src/taskpane/taskpane.ts",
      // The browser preview (npm run preview): not loaded by the manifest, and the only
      // web bundle with HyperFormula in it.
      preview: "./src/preview/preview.ts",
      previewHost: "./src/preview/pane-host.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: /^engine\// },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescript] },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FAMILIES }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        scriptLoading: "blocking",
        inject: "head",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        scriptLoading: "defer",
      }),
      // The real task pane for the preview's frame: the same page and script, with the
      // preview's Office/Excel emulation installed before the pane's script runs.
      new HtmlWebpackPlugin({
        filename: "preview-pane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["previewHost", "taskpane"],
        chunksSortMode: "manual",
        // No Office.js in the preview's frame: the emulation stands in for it.
        preview: true,
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/preview/preview.css", to: "preview.css" },
          { from: "assets/*.png", to: "[path][name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // Office.js served from this origin, so the add-in needs no network at run time.
          {
            from: "{office.js,o15apptofilemappingtable.js,custom-functions-runtime.js,excel-*.js,*/office_strings.js}",
            context: officeJs,
            to: "office-js/",
            globOptions: { ignore: ["**/*.debug.js"] },
          },
        ],
      }),
    ],
  };
}

/**
 * The headless engine and its command-line tool (`npx loan`), for Node. HyperFormula and
 * ExcelJS stay external (loaded from node_modules), and nothing here enters the add-in.
 */
function engine(production) {
  return {
    name: "engine",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    target: "node20",
    entry: { cli: "./src/engine/cli.ts", index: "./src/engine/index.ts" },
    output: {
      path: path.resolve(__dirname, "dist", "engine"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    // The real __dirname, so the engine finds dist/functions.js beside it.
    node: { __dirname: false },
    externals: { hyperformula: "commonjs hyperformula", exceljs: "commonjs exceljs" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescript] },
    optimization: { minimize: false },
    performance: { hints: false },
  };
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  return [addin(production), engine(production)];
};
