/* `npm run check-touch` (CI runs it): proves CONTRIBUTING.md's checklists. In a copy of the tree
 * it adds a trial function (LOAN.INTEREST_RESERVE) and a trial template by touching only the files
 * the "Add a function" and "Add a deal template" checklists name, regenerates the docs
 * (`npm run docs`), type-checks, builds, and runs the generated docs' tests, the trial's own test
 * and the tests that loop over every function and template. It fails if a test fails, or if any
 * file the checklists do not name had to change (git status in the copy, against the copy's first
 * commit). The copy is removed afterwards (CHECK_TOUCH_KEEP=1 keeps it).
 *   node scripts/check-touch.mjs */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const copy = fs.mkdtempSync(path.join(os.tmpdir(), "loan-check-touch-"));
const started = Date.now();

function say(text) {
  process.stderr.write(`check-touch: ${text}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: copy, encoding: "utf8", env: { ...process.env, ...opts.env } });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
    throw new Error(`${[cmd, ...args].join(" ")} failed (exit ${r.status})`);
  }
  return r.stdout;
}

/** The files a checklist names (bold code paths: **`src/core/<module>.ts`**), as patterns. */
function checklist(heading) {
  const text = fs.readFileSync(path.join(root, "CONTRIBUTING.md"), "utf8");
  const start = text.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`CONTRIBUTING.md has no "## ${heading}"`);
  const end = text.indexOf("\n## ", start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/\*\*`([^`]+)`\*\*/g)].map((m) => ({
    path: m[1],
    pattern: new RegExp(`^${m[1].replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<[a-z]+>/g, "[^/]+")}$`),
  }));
}

function edit(file, change) {
  const abs = path.join(copy, file);
  fs.writeFileSync(abs, change(fs.existsSync(abs) ? fs.readFileSync(abs, "utf8") : ""));
}

const TRIAL_FUNCTION = `
/** The interest-only payments of \`months\` at the rate on the loan: an interest reserve (a trial of CONTRIBUTING). */
export function interestReserve({ loanAmount, annualRate, months }: InputOf<typeof INTEREST_RESERVE>): number {
  return (loanAmount * annualRate * months) / 12;
}

export const INTEREST_RESERVE = define(
  "INTEREST_RESERVE",
  [amount.required("loanAmount"), rate.required("annualRate"), amount.required("months")],
  (loanAmount, annualRate, months): number => interestReserve({ loanAmount, annualRate, months }),
  HELP && {
    summary: "The interest reserve: the interest-only payments of a number of months.",
    details: "loan × rate × months / 12.",
    params: {
      loanAmount: "Loan amount (0 or more).",
      annualRate: "Annual interest rate as a decimal (6.85% is 0.0685).",
      months: "Months of interest to reserve (0 or more).",
    },
    returns: "The reserve.",
    examples: ["=LOAN.INTEREST_RESERVE(4500000, 0.0685, 12) → 308250"],
  },
);
`;

const TRIAL_TEST = `/** The trial function of scripts/check-touch.mjs, against values computed by hand. */
import { INTEREST_RESERVE, interestReserve } from "../src/core/coverage";
import { Fault } from "../src/core/fault";

test("4,500,000 at 6.85 % for 6 months: 4,500,000 × 0.0685 / 2 = 154,125", () => {
  expect(interestReserve({ loanAmount: 4_500_000, annualRate: 0.0685, months: 6 })).toBeCloseTo(154_125, 6);
});

test("a negative loan is #VALUE! naming loanAmount", () => {
  const f = INTEREST_RESERVE(-1, 0.0685, 6) as Fault;
  expect(f).toBeInstanceOf(Fault);
  expect(f.arg).toBe("loanAmount");
});
`;

const TRIAL_TEMPLATE = `/** A trial template (scripts/check-touch.mjs): the base with a larger loan. */
import { template } from "./base";

export const TRIAL = template({
  id: "trial",
  title: "Trial deal",
  summary: "The base template with a 2 M property: a trial of CONTRIBUTING's checklist.",
  sheetName: "Trial deal",
  lenders: { recourse: "BANK", nonRecourse: "CMBS" },
  inputs: { propertyValue: 2_000_000, noi: 160_000 },
  sources: { propertyValue: "Assumption: a trial figure", noi: "Assumption: an 8 % cap rate" },
  assumptions: ["A trial of CONTRIBUTING.md's checklist; every figure is an assumption."],
});
`;

try {
  say(`copying the tree to ${copy}`);
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && fs.existsSync(path.join(root, f)));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(copy, f));
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"), "dir");
  const git = ["-c", "user.name=check-touch", "-c", "user.email=check-touch@localhost"];
  run("git", ["init", "-q"]);
  fs.appendFileSync(path.join(copy, ".git", "info", "exclude"), "node_modules\n");
  run("git", ["add", "-A"]);
  run("git", [...git, "commit", "-q", "-m", "before the trial"]);

  say("adding LOAN.INTEREST_RESERVE (src/core/coverage.ts) and the trial template");
  edit("src/core/coverage.ts", (s) => s + TRIAL_FUNCTION);
  edit("test/coverage-interest-reserve.test.ts", () => TRIAL_TEST);
  edit("docs/methodology.md", (s) =>
    s.replace(
      "## 5. Deficiency",
      "**Interest reserve (a trial).** `LOAN.INTEREST_RESERVE` = loan × rate × months / 12.\n\n## 5. Deficiency",
    ),
  );
  edit("src/plan/templates/trial.ts", () => TRIAL_TEMPLATE);
  edit("src/plan/templates/index.ts", (s) =>
    s
      .replace(
        'import type { DealTemplate } from "./types";',
        'import { TRIAL } from "./trial";\nimport type { DealTemplate } from "./types";',
      )
      .replace("  BLANK,\n];", "  BLANK,\n  TRIAL,\n];"),
  );
  edit("test/deal-templates.test.ts", (s) =>
    s.replace(
      'describe("templates by id", () => {',
      'test("the trial template is found by its id", () => {\n  expect(findTemplate("trial")?.inputs.propertyValue).toBe(2_000_000);\n});\n\ndescribe("templates by id", () => {',
    ),
  );
  edit("docs/templates.md", (s) =>
    s.replace(
      "| `blank` |",
      "| `trial` | a trial of CONTRIBUTING's checklist | the base | every figure |\n| `blank` |",
    ),
  );

  say("npm run docs, lint's type-check, build");
  run(process.execPath, ["scripts/functions-doc.cjs"]);
  run(process.execPath, ["scripts/functions-metadata.cjs"]);
  run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"]);
  run(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "--mode", "production"], {
    env: { ADDIN_URL: "", ADDIN_OUT: "" },
  });
  const json = JSON.parse(fs.readFileSync(path.join(copy, "dist", "functions.json"), "utf8"));
  if (!json.functions.some((f) => f.id === "INTEREST_RESERVE")) throw new Error("functions.json lacks the trial");

  say("the tests of the docs, the functions and the templates");
  run(
    process.execPath,
    [
      "node_modules/jest/bin/jest.js",
      "test/coverage-interest-reserve.test.ts",
      "test/docs-examples.test.ts",
      "test/taskpane-guide.test.ts",
      "test/bundle.test.ts",
      "test/shipped-function-ids.test.ts",
      "test/fuzz-functions.test.ts",
      "test/deal-templates.test.ts",
      "test/deal-form.test.ts",
      "test/cli-template.test.ts",
    ],
    { env: { SKIP_BUILD: "1", CI: "true" } },
  );

  const allowed = [...checklist("Add a function"), ...checklist("Add a deal template")];
  const changed = run("git", ["status", "--porcelain", "--untracked-files=all"])
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3));
  const stray = changed.filter((f) => !allowed.some((a) => a.pattern.test(f)));
  say(`changed: ${changed.join(", ")}`);
  if (stray.length) {
    say(`FAIL: files CONTRIBUTING.md's checklists do not name had to change: ${stray.join(", ")}`);
    process.exitCode = 1;
  } else {
    say(`OK: only the checklists' files changed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
} catch (e) {
  say(`FAIL: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  if (process.env.CHECK_TOUCH_KEEP !== "1") fs.rmSync(copy, { recursive: true, force: true });
  else say(`kept ${copy}`);
}
