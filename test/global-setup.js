/* Builds the production bundle once before the tests that inspect dist/. For quick local
 * runs of the unit tests alone, SKIP_BUILD=1 skips it (the bundle tests then use whatever
 * dist/ holds). */
const { spawnSync } = require("child_process");
const path = require("path");

module.exports = async () => {
  if (process.env.SKIP_BUILD === "1") return;
  const root = path.resolve(__dirname, "..");
  const cli = require.resolve("webpack-cli/bin/cli.js");
  // The development add-in (localhost), whatever ADDIN_URL or ADDIN_OUT the shell has set.
  const env = { ...process.env, ADDIN_URL: "", ADDIN_OUT: "" };
  process.stderr.write(
    "\nnpm test: building the add-in once (webpack --mode production) for the tests that load dist/…\n",
  );
  const started = Date.now();
  const run = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: root, encoding: "utf8", env });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error("the production build failed (see above)");
  }
  process.stderr.write(`npm test: built in ${((Date.now() - started) / 1000).toFixed(1)} s; running the tests.\n`);
};
