/* Builds the add-in: the custom functions (their own JavaScript-only runtime, with
 * functions.json generated from JSDoc) and the task pane. Production builds target
 * modern browsers only: no IE11 polyfills.
 *
 * Where the add-in lives (scripts/addin-host.cjs): by default https://localhost:3000/ with
 * a local copy of Office.js, for `npm start` and the preview; with ADDIN_URL=https://host/path/
 * a production add-in for that host (Office.js from Microsoft's CDN, dist/manifest.xml for
 * the host, hashed script names, no preview). ADDIN_OUT=folder builds somewhere else than
 * dist/. */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { addinHost, packageVersion, productionManifest } = require("./scripts/addin-host.cjs");
const { BannerPlugin, DefinePlugin } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
// The one list of functions: the JSDoc of src/functions (see the script).
const { familyFiles, functionFamilies, FunctionsMetadataPlugin } = require("./scripts/functions-metadata.cjs");

/** The state table, written for people, packed for the bundle (see scripts/pack-state-table.js). */
const STATE_TABLE = path.resolve(__dirname, "src/core/data/state-law.ts");

/** TypeScript through ts-loader; type-checking is `npm run lint`'s job. */
const typescript = {
  test: /\.ts$/,
  exclude: [/node_modules/, STATE_TABLE],
  use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } },
};
const stateTable = { test: STATE_TABLE, use: path.resolve(__dirname, "scripts/pack-state-table.js") };

const officeJs = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The first 8 hex digits of a file's SHA-256: a content hash for a file copied as is. */
function contentHash(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 8);
}

/** Emits manifest.xml, the production manifest for the host, beside the files. */
class ProductionManifestPlugin {
  constructor(base) {
    this.base = base;
    this.source = path.resolve(__dirname, "manifest.xml");
    // Built now, so a bad manifest or version stops the build before webpack starts.
    this.xml = productionManifest(fs.readFileSync(this.source, "utf8"), base, packageVersion());
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ProductionManifestPlugin", (compilation) => {
      compilation.fileDependencies.add(this.source);
      compilation.hooks.processAssets.tap(
        { name: "ProductionManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset("manifest.xml", new sources.RawSource(this.xml)),
      );
    });
  }
}

/** The add-in: what Excel loads. `host` is addinHost()'s answer. */
function addin(production, host) {
  const taskpaneCss = host.production
    ? `taskpane.${contentHash(path.resolve(__dirname, "src/taskpane/taskpane.css"))}.css`
    : "taskpane.css";
  const page = { officeJs: host.officeJs, csp: host.csp, css: taskpaneCss };
  return {
    name: "addin",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: familyFiles(),
      taskpane: "./src/taskpane/taskpane.ts",
      // The browser preview (npm run preview): not loaded by the manifest, the only web
      // bundle with HyperFormula in it, and not part of a production add-in.
      ...(host.production ? {} : { preview: "./src/preview/preview.ts", previewHost: "./src/preview/pane-host.ts" }),
    },
    output: {
      path: host.out,
      // functions.js keeps its name: the manifest names it (Excel desktop loads it from
      // there) and the engine loads it. A production build names the other scripts by
      // their content, so a browser never runs a stale copy after an update.
      filename: (data) =>
        host.production && data.chunk.name !== "functions" ? "[name].[contenthash:8].js" : "[name].js",
      // A production build (ADDIN_URL) starts from an empty folder, so nothing of an
      // earlier build (the engine, source maps, the preview) is uploaded with it; the
      // development build keeps the engine the other configuration writes beside it.
      clean: host.production ? true : { keep: /^engine\// },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [stateTable, typescript] },
    performance: { hints: false },
    plugins: [
      new FunctionsMetadataPlugin("functions.json"),
      // The same metadata for the task pane's guide, inlined so that the pane works offline.
      new DefinePlugin({
        __LOAN_FUNCTION_FAMILIES__: DefinePlugin.runtimeValue(() => JSON.stringify(functionFamilies()), {
          fileDependencies: familyFiles(),
        }),
        // Declarations carry their help only in Node (src/core/args.ts, HELP): the minifier drops it here.
        __LOAN_HELP__: "false",
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        scriptLoading: "blocking",
        inject: "head",
        runtime: host.customFunctionsRuntime,
        csp: host.csp,
        // functions.js?<build hash>: the page always gets this build's script.
        hash: host.production,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        ...page,
      }),
      ...(host.production ? [new ProductionManifestPlugin(host.base)] : previewPages(page)),
      // Kept by the minifier in preview.js.LICENSE.txt, with a pointer left in preview.js.
      ...(host.production
        ? []
        : [
            new BannerPlugin({
              banner:
                "preview.js contains HyperFormula (c) Handsoncode, used under the GNU GPL v3: see preview.js.HYPERFORMULA-LICENSE.txt and preview.js.GPL-3.0.txt. The rest of this project is MIT.",
              include: /^preview\.js$/,
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "[path][name][ext]" },
          { from: "src/taskpane/taskpane.css", to: taskpaneCss },
          ...(host.production
            ? []
            : [
                { from: "src/preview/preview.css", to: "preview.css" },
                // preview.js bundles HyperFormula (GPL-3.0): its notice and the GPL's text
                // travel with it (README, Licensing).
                { from: "node_modules/hyperformula/LICENSE.txt", to: "preview.js.HYPERFORMULA-LICENSE.txt" },
                { from: "licenses/GPL-3.0.txt", to: "preview.js.GPL-3.0.txt" },
                // Office.js served from this origin, so the development add-in and the
                // preview need no network.
                {
                  from: "{office.js,o15apptofilemappingtable.js,custom-functions-runtime.js,excel-*.js,*/office_strings.js}",
                  context: officeJs,
                  to: "office-js/",
                  globOptions: { ignore: ["**/*.debug.js"] },
                },
              ]),
        ],
      }),
    ],
  };
}

/** The preview's pages (development builds only). */
function previewPages(page) {
  return [
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
      ...page,
      // No Office.js in the preview's frame: the emulation stands in for it.
      preview: true,
      scriptLoading: "defer",
    }),
  ];
}

/**
 * The headless engine and its command-line tool (`npx loan`), for Node. HyperFormula, ExcelJS
 * and JSZip stay external (loaded from node_modules), and nothing here enters the add-in.
 */
function engine(production, host) {
  return {
    name: "engine",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    target: "node20",
    entry: { cli: "./src/engine/cli.ts", index: "./src/engine/index.ts" },
    output: {
      path: path.join(host.out, "engine"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    // The real __dirname, so the engine finds dist/functions.js beside it.
    node: { __dirname: false },
    externals: { hyperformula: "commonjs hyperformula", exceljs: "commonjs exceljs", jszip: "commonjs jszip" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [stateTable, typescript] },
    optimization: { minimize: false },
    performance: { hints: false },
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const host = addinHost(env);
  // The engine is the command-line tool's, never part of an add-in uploaded to a host.
  return host.production ? [addin(production, host)] : [addin(production, host), engine(production, host)];
};
