#!/usr/bin/env node
/* `npx loan …`: the project's command-line tool (see `npx loan --help`). It runs the
 * engine built into dist/engine/ beside the add-in it computes with (dist/functions.js);
 * on a fresh clone it builds them once first. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist", "engine", "cli.js");
const bundle = path.join(root, "dist", "functions.js");

if (!fs.existsSync(cli) || !fs.existsSync(bundle)) {
  process.stderr.write("loan: building the add-in and the engine once (npm run build)...\n");
  const build = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) {
    process.stderr.write("loan: the build failed; run `npm run build` to see why.\n");
    process.exit(2);
  }
}

const { main } = require(cli);
process.exitCode = await main(process.argv.slice(2));
