// @ts-check
/* The one list of LOAN.* functions: the JSDoc of the adapters in src/functions. Everything that
 * needs to know which functions exist reads it through this file, with the same generator
 * (custom-functions-metadata) that writes functions.json for Excel:
 *   webpack.config.js  the `functions` entry (every family file), functions.json, and the
 *                      metadata the task pane's guide is built from (inlined, so it works offline);
 *   jest.config.js     the same metadata for the tests (the id list, the guide, the examples).
 * A family file is a src/functions/*.ts whose JSDoc declares at least one @customfunction.
 *
 * Descriptions: a JSDoc description may be wrapped over several lines; the lines are joined
 * with a space, except that each `Example:` line stays a line of its own (Excel and the guide
 * show the examples one a line). Without this, functions.json would carry the wrapping. */
const fs = require("fs");
const path = require("path");
const { parseTree } = require("custom-functions-metadata");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { Compilation, sources } = require("webpack");

const ROOT = path.resolve(__dirname, "..");
const FUNCTIONS_DIR = path.join(ROOT, "src", "functions");

/**
 * @typedef {import("custom-functions-metadata").IFunction} FunctionMetadata
 * @typedef {{ family: string, file: string, functions: FunctionMetadata[],
 *   adapters: Record<string, string> }} Family
 *   family: the file's name without .ts (financing); adapters: function id → exported JS name.
 */

/** The family files, as absolute paths in name order. */
function familyFiles() {
  return fs
    .readdirSync(FUNCTIONS_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => path.join(FUNCTIONS_DIR, name))
    .filter((file) => /@customfunction\b/.test(fs.readFileSync(file, "utf8")));
}

/**
 * "Line one\nline two\nExample: =X() → 1" → "Line one line two\nExample: =X() → 1".
 * @param {string} description
 */
function joinDescription(description) {
  return description
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .reduce((text, line) => (text === "" ? line : `${text}${line.startsWith("Example:") ? "\n" : " "}${line}`), "");
}

/**
 * @param {FunctionMetadata} f
 * @returns {FunctionMetadata}
 */
function normalize(f) {
  return {
    ...f,
    ...(f.description === undefined ? {} : { description: joinDescription(f.description) }),
    parameters: f.parameters.map((p) =>
      p.description === undefined ? p : { ...p, description: joinDescription(p.description) },
    ),
  };
}

/**
 * Every family, its functions' metadata (as in functions.json) in source order. Throws on the
 * generator's errors, naming the file.
 * @returns {Family[]}
 */
function functionFamilies() {
  return familyFiles().map((file) => {
    const result = parseTree(fs.readFileSync(file, "utf8"), file);
    const errors = result.extras.flatMap((extra) => extra.errors);
    if (errors.length) throw new Error(`${path.relative(ROOT, file)}: ${errors.join("; ")}`);
    return {
      family: path.basename(file, ".ts"),
      file: path.relative(ROOT, file).split(path.sep).join("/"),
      functions: result.functions.map(normalize),
      adapters: Object.fromEntries(result.associate.map((a) => [a.id, a.functionName])),
    };
  });
}

/**
 * Microsoft's plugin (functions.json, and the CustomFunctions.associate calls it appends to
 * each family file), over every family file, with the descriptions joined as above.
 */
class FunctionsMetadataPlugin extends CustomFunctionsMetadataPlugin {
  /** @param {string} output the asset's name (functions.json) */
  constructor(output) {
    // The plugin takes a list of files, though its type names one.
    super({ output, input: /** @type {string} */ (/** @type {unknown} */ (familyFiles())) });
    this.output = output;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    super.apply(compiler);
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.output);
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          metadata.functions = metadata.functions.map(normalize);
          compilation.updateAsset(this.output, new sources.RawSource(JSON.stringify(metadata, null, 4)));
        },
      );
    });
  }
}

module.exports = { familyFiles, functionFamilies, joinDescription, FunctionsMetadataPlugin };
