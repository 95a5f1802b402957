#!/usr/bin/env node
/* `npm run validate [-- FILE.xml ...]`: Microsoft's online manifest validator
 * (office-addin-manifest validate, which needs a network) on the development manifest,
 * manifest.xml, and on the production one, dist/manifest.xml (or ADDIN_OUT's), when a
 * production build is there. The tests check both offline (test/manifest.test.ts,
 * test/deploy.test.ts). Exit status: 0 when every manifest passed, 1 otherwise. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { ROOT } = require("./addin-host.cjs");
const cli = path.join(path.dirname(require.resolve("office-addin-manifest/package.json")), "cli.js");

const given = process.argv.slice(2);
const production = path.resolve(ROOT, process.env.ADDIN_OUT || "dist", "manifest.xml");
const files =
  given.length > 0
    ? given.map((file) => path.resolve(file))
    : [path.join(ROOT, "manifest.xml"), ...(fs.existsSync(production) ? [production] : [])];

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${path.relative(process.cwd(), file)} ==\n`);
  const run = spawnSync(process.execPath, [cli, "validate", file], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
if (failed > 0) {
  process.stderr.write(
    `\n${failed} of ${files.length} manifests did not pass (or the validator could not be reached: it needs a network).\n`,
  );
  process.exit(1);
}
