/**
 * Refreshes the README's screenshots deliberately: copies what the browser tests wrote to
 * build/screenshots/ into docs/ (each written to a temporary name, then renamed). The tests
 * themselves never write tracked files. Usage: npm run screenshots (runs the browser tests first).
 */
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const from = path.join(root, "build", "screenshots");
const to = path.join(root, "docs");
const README_SHOTS = [
  "preview-model.png",
  "preview-pane.png",
  "preview-bad-input.png",
  "preview-chart.png",
  "preview-chart-ca-tx.png",
  "preview-playground.png",
];

const missing = README_SHOTS.filter((name) => !fs.existsSync(path.join(from, name)));
if (missing.length > 0) {
  console.error(`No ${missing.join(", ")} in ${from}: run the browser tests first (npx jest test/e2e.test.ts).`);
  process.exit(1);
}
for (const name of README_SHOTS) {
  const target = path.join(to, name);
  const temp = `${target}.${process.pid}.tmp`;
  fs.copyFileSync(path.join(from, name), temp);
  fs.renameSync(temp, target);
  console.log(`docs/${name}`);
}
