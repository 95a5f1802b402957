// @ts-check
/* The functions' declarations, read from src/core as Node runs it: every module of src/core is
 * transpiled with the project's TypeScript (no type-check: that is `npm run lint`'s job) and
 * evaluated in a loader of its own, so nothing is registered in Node's require and no build is
 * needed. A declaration is an export made by `define(id, params, impl, HELP && {…})`: it carries
 * `id`, `params` and `help`.
 *
 * Used by scripts/functions-metadata.cjs (which generates the adapters and their JSDoc from
 * them), the benchmark (its case list) and the tests. */
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { createRequire } = require("module");
const ts = require("typescript");
const { writeRunner } = require("./runner.cjs");

// src/core/args.ts imports the generated reading loop: written before any module of src/core is loaded.
writeRunner();

const ROOT = path.resolve(__dirname, "..");
const CORE = path.join(ROOT, "src", "core");

/**
 * @typedef {{ name: string, optional: boolean, fallback?: unknown, rule: string, range?: boolean }} Param
 * @typedef {{ family: string, summary: string, details: string, section: number, params: Record<string, string>,
 *   returns: string, result: "number" | "string" | "boolean" | "any" | "matrix", examples: string[],
 *   cost: "simple" | "composite" | "apart" }} Help
 * @typedef {((...args: unknown[]) => unknown) & { id: string, params: Param[], help?: Help }} Declared
 * @typedef {{ id: string, module: string, exportName: string, fn: Declared, help: Help }} Declaration
 *   module: the core module's path from the repository root without .ts (src/core/recourse).
 */

/** @type {Map<string, Record<string, unknown>>} */
const cache = new Map();

/** @param {string} base a path without extension */
function resolveTs(base) {
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot find ${path.relative(ROOT, base)}.ts`);
}

/**
 * Loads a TypeScript module of src/ (and what it imports from src/) as CommonJS.
 * @param {string} file an absolute .ts path
 * @returns {Record<string, unknown>}
 */
function loadTs(file) {
  const cached = cache.get(file);
  if (cached) return cached;
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      isolatedModules: true,
    },
  });
  const module = { exports: /** @type {Record<string, unknown>} */ ({}) };
  cache.set(file, module.exports);
  const nodeRequire = createRequire(file);
  /** @param {string} spec */
  const localRequire = (spec) =>
    spec.startsWith(".") ? loadTs(resolveTs(path.resolve(path.dirname(file), spec))) : nodeRequire(spec);
  const run = vm.compileFunction(outputText, ["exports", "require", "module", "__filename", "__dirname"], {
    filename: file,
  });
  run(module.exports, localRequire, module, file, path.dirname(file));
  cache.set(file, module.exports);
  return module.exports;
}

/** @param {unknown} x @returns {x is Declared} */
function isDeclared(x) {
  const f = /** @type {Partial<Declared>} */ (x);
  return typeof x === "function" && typeof f.id === "string" && Array.isArray(f.params);
}

/**
 * Every declared function with its help, in the order people read them: by methodology section,
 * then module by module (file-name order), each module's in source order. Throws for a
 * declaration without help (the help is what Excel shows).
 * @returns {Declaration[]}
 */
function declarations() {
  /** @type {Declaration[]} */
  const found = [];
  const files = fs
    .readdirSync(CORE)
    .filter((name) => name.endsWith(".ts") && name !== "index.ts")
    .sort();
  for (const name of files) {
    const file = path.join(CORE, name);
    const source = fs.readFileSync(file, "utf8");
    const exports = loadTs(file);
    const module = path.relative(ROOT, file).split(path.sep).join("/").replace(/\.ts$/, "");
    const here = Object.entries(exports)
      .filter(([, value]) => isDeclared(value))
      .map(([exportName, value]) => {
        const fn = /** @type {Declared} */ (value);
        if (!fn.help) throw new Error(`${module}.ts: ${exportName} is declared without help (define's HELP && {…})`);
        return { id: fn.id, module, exportName, fn, help: fn.help };
      })
      .sort(
        (a, b) => source.indexOf(`export const ${a.exportName} =`) - source.indexOf(`export const ${b.exportName} =`),
      );
    found.push(...here);
  }
  found.sort((a, b) => a.help.section - b.help.section);
  const ids = new Set();
  for (const d of found) {
    if (ids.has(d.id)) throw new Error(`the function id ${d.id} is declared twice`);
    ids.add(d.id);
  }
  return found;
}

module.exports = { declarations, loadTs, ROOT };
