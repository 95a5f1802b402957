/* Builds the production bundle once before the tests that inspect dist/ (skipped when
 * SKIP_BUILD=1 and dist/ is already there, for quick local runs). */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

module.exports = async () => {
  const root = path.resolve(__dirname, "..");
  if (process.env.SKIP_BUILD === "1" && fs.existsSync(path.join(root, "dist", "functions.js"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
};
