// @ts-check
/* Development builds of dist/ with the project's webpack.config.js, and the rebuild on change. */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { errorMessage, ROOT } from "./common.mjs";

const require = createRequire(import.meta.url);

/** @typedef {{ ready: boolean, port: number }} ServerState  ready: false while dist/ is being (re)built */

/**
 * One development build of dist/, exactly what `webpack --mode development` does, for localhost
 * whatever ADDIN_URL or ADDIN_OUT say in the shell (a production build is `npm run build`).
 * Resolves to true if it succeeded.
 * @param {string} label "Built", "Rebuilt (time)"
 * @returns {Promise<boolean>}
 */
export function buildOnce(label) {
  /** @type {typeof import("webpack")} */
  const webpack = require("webpack");
  /** @type {(env: Record<string, unknown>, argv: { mode: string }) => import("webpack").Configuration[]} */
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const compiler = webpack(
    makeConfig({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true, addinUrl: "", out: "" }, { mode: "development" }),
  );
  const started = Date.now();
  return new Promise((resolve) => {
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error || !stats || stats.hasErrors()) {
          console.error(`Build failed:\n${error ? error.message : (stats?.toString("errors-only") ?? "")}`);
          resolve(false);
          return;
        }
        if (stats.hasWarnings()) console.warn(stats.toString("errors-warnings"));
        console.log(`${label} dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        resolve(true);
      });
    });
  });
}

/**
 * Builds dist/ once; with `watch`, rebuilds it whenever src/ or assets/ change. Each rebuild is
 * a fresh compiler: webpack's own watch mode reuses html-webpack-plugin's child compilation,
 * which then emits a stale functions.json beside the new one and fails ("Multiple assets emit
 * different content to the same filename"). While a rebuild runs, `state.ready` is false and
 * the server answers 503. Resolves to a function that stops watching; rejects if the first
 * build fails.
 * @param {boolean} watch
 * @param {ServerState} state
 * @returns {Promise<() => Promise<void>>}
 */
export async function build(watch, state) {
  console.log(`Building dist/ (development${watch ? ", rebuilt when src/ or assets/ change" : ""})...`);
  if (!(await buildOnce("Built"))) throw new Error("the build failed");
  if (!watch) return async () => {};

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let running = false;
  let again = false;
  /** @returns {Promise<void>} */
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    state.ready = false;
    await buildOnce(`Rebuilt (${new Date().toLocaleTimeString()})`);
    state.ready = true;
    running = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 300);
  };
  /** @type {fs.FSWatcher[]} */
  const watchers = [];
  try {
    watchers.push(fs.watch(path.join(ROOT, "src"), { recursive: true }, changed));
    watchers.push(fs.watch(path.join(ROOT, "assets"), changed));
  } catch (error) {
    console.warn(`Not watching for changes (${errorMessage(error)}); restart to rebuild.`);
  }
  return async () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
