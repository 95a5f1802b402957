/**
 * The command-line tool (`npx loan …`): recalculates .xlsx workbooks outside Excel, and
 * writes a deal template as a workbook.
 *
 *   loan recalc IN.xlsx [-o OUT.xlsx] [--force] [--values] [--strict] [--max-size MB] [--max-cells N]
 *   loan template NAME [-o OUT.xlsx] [--state XX] [--as-of YYYY-MM-DD] [--values]  (NAME: a template, or portfolio)
 *   loan template --list
 *   loan --version
 *
 * Exit codes: 0 every formula recomputed; 1 with --strict when a cell is in error; 2 bad
 * usage or a file that cannot be read, is too large or cannot be written (nothing written);
 * 3 some formulas kept Excel's cached value (the summary lists them and why).
 */
import fs from "fs";
import path from "path";
import { buildDealPlan } from "../plan/deal";
import { CHECK_NAMES } from "../plan/deal/checks";
import { todayIso } from "../plan/market";
import { findTemplate, TEMPLATES } from "../plan/templates";
import { buildPortfolioPlan, PORTFOLIO_TEMPLATE } from "../plan/portfolio";
import { AddinError } from "./addin";
import { loadAddin } from "./load-node";
import { planToXlsx } from "./plan-writers";
import { ENGINE_MSG as M, PROGRESS_LABELS } from "./messages";
import { sameFile } from "./safe-io";
import { defaultLimits, recalcXlsx, RecalcError, type RecalcLimits, type RecalcSummary } from "./xlsx";

export const USAGE = M.usage(
  (defaultLimits().maxUncompressedBytes / 1024 / 1024).toLocaleString("en-US"),
  defaultLimits().maxCells.toLocaleString("en-US"),
);

export interface Io {
  out: (line: string) => void;
  err: (text: string) => void;
  /** Whether the error stream is a terminal (the progress bar is drawn only there). */
  errIsTty: boolean;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
};

interface RecalcArgs {
  input: string;
  output: string;
  /** Whether -o named the output. */
  named: boolean;
  force: boolean;
  values: boolean;
  strict: boolean;
  limits: Partial<RecalcLimits>;
}

/** A positive number from a flag's value, or a usage error naming the flag. */
function positive(flag: string, raw: string | undefined): number {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new UsageError(M.needsPositive(flag, raw));
  return n;
}

/** -o's file: an .xlsx name (or .xlsm where `macros` allows it). */
function xlsxName(flag: string, name: string | undefined, macros = false): string {
  if (!name) throw new UsageError(M.needsFileName(flag));
  if (!(macros ? /\.xls[xm]$/i : /\.xlsx$/i).test(name)) throw new UsageError(M.notXlsxName(flag, name));
  return name;
}

class UsageError extends Error {}

function parseRecalc(args: string[]): RecalcArgs {
  let input: string | undefined;
  let output: string | undefined;
  let values = false;
  let strict = false;
  let force = false;
  const limits: Partial<RecalcLimits> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output") output = xlsxName(a, args[++i], true);
    else if (a.startsWith("--output=")) output = xlsxName("--output", a.slice("--output=".length), true);
    else if (a === "--values") values = true;
    else if (a === "--strict") strict = true;
    else if (a === "--force") force = true;
    else if (a === "--max-size") limits.maxUncompressedBytes = positive(a, args[++i]) * 1024 * 1024;
    else if (a === "--max-cells") limits.maxCells = Math.floor(positive(a, args[++i]));
    else if (a.startsWith("-")) throw new UsageError(M.unknownOption(a));
    else if (input === undefined) input = a;
    else throw new UsageError(M.oneInput(input, a));
  }
  if (!input) throw new UsageError(M.recalcNeedsInput());
  const parsed = path.parse(input);
  return {
    input,
    output: output ?? path.join(parsed.dir, `${parsed.name}.recalc${/^\.xlsm$/i.test(parsed.ext) ? ".xlsm" : ".xlsx"}`),
    named: output !== undefined,
    force,
    values,
    strict,
    limits,
  };
}

/** A progress bar on stderr, drawn only on a terminal and only once the work has taken a second. */
export function progressBar(io: Io, now: () => number = Date.now) {
  const start = now();
  let drawn = false;
  const labels = PROGRESS_LABELS;
  const weights = { read: [0, 0.2], compute: [0.2, 0.6], write: [0.6, 1] } as const;
  return {
    update(phase: keyof typeof labels, fraction: number) {
      if (!io.errIsTty || now() - start < 1000) return;
      const [from, to] = weights[phase];
      const done = from + (to - from) * Math.min(1, Math.max(0, fraction));
      const width = 30;
      const filled = Math.round(done * width);
      io.err(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(done * 100)).padStart(3)}% ${labels[phase]}  `,
      );
      drawn = true;
    },
    finish() {
      if (drawn) io.err(`\r${" ".repeat(50)}\r`);
    },
  };
}

export function formatSummary(input: string, output: string, s: RecalcSummary, values: boolean): string[] {
  const lines = [M.recalculated(input, output, values), M.sheets(s.sheets), M.computed(s.recomputed, s.formulas)];
  lines.push(M.cellsInError(s.errors.length));
  for (const e of s.errors.slice(0, 50)) lines.push(M.errorCell(e.address, e.error, e.message));
  if (s.errors.length > 50) lines.push(M.andMore(s.errors.length - 50));
  lines.push(M.keptCount(s.kept.length));
  for (const k of s.kept.slice(0, 50)) lines.push(M.keptCell(k.address, k.reason));
  if (s.kept.length > 50) lines.push(M.andMore(s.kept.length - 50));
  lines.push(M.unsupported(s.unsupported));
  if (s.iterated.length > 0) lines.push(M.iterated(s.iterated.length));
  if (s.volatile.length > 0) lines.push(M.volatileCount(s.volatile.length));
  return lines;
}

interface TemplateArgs {
  name?: string;
  output?: string;
  state?: string;
  /** The analysis date (ISO), against which the market table's age is judged; default today. */
  asOf?: string;
  values: boolean;
  list: boolean;
}

/** An ISO date (YYYY-MM-DD) that exists in the calendar, or a usage error naming the flag. */
function isoDate(flag: string, raw: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw?.trim() ?? "");
  if (!m) throw new UsageError(M.needsDate(flag, raw));
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = y >= 1900 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  if (!real) throw new UsageError(M.needsDate(flag, raw));
  return m[0];
}

function parseTemplate(args: string[]): TemplateArgs {
  const out: TemplateArgs = { values: false, list: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output") out.output = xlsxName(a, args[++i]);
    else if (a.startsWith("--output=")) out.output = xlsxName("--output", a.slice("--output=".length));
    else if (a === "--state") {
      out.state = args[++i]?.trim().toUpperCase();
      if (!out.state) throw new UsageError(M.stateNeedsCode());
    } else if (a === "--as-of") out.asOf = isoDate(a, args[++i]);
    else if (a.startsWith("--as-of=")) out.asOf = isoDate("--as-of", a.slice("--as-of=".length));
    else if (a === "--values") out.values = true;
    else if (a === "--list") out.list = true;
    else if (a.startsWith("-")) throw new UsageError(M.unknownOption(a));
    else if (out.name === undefined) out.name = a;
    else throw new UsageError(M.oneTemplate(out.name, a));
  }
  if (!out.list && !out.name) throw new UsageError(M.templateNeedsName());
  return out;
}

/** `loan template`: lists the templates, or writes one as an .xlsx with cached values. */
async function template(rest: string[], io: Io, dist?: string): Promise<number> {
  const args = parseTemplate(rest);
  const listed = [...TEMPLATES, PORTFOLIO_TEMPLATE];
  if (args.list) {
    const width = Math.max(...listed.map((t) => t.id.length));
    for (const t of listed) io.out(`${t.id.padEnd(width)}  ${t.title}`);
    return 0;
  }
  if ((args.name as string).trim().toLowerCase() === PORTFOLIO_TEMPLATE.id) return portfolio(args, io, dist);
  const found = findTemplate(args.name as string);
  if (!found)
    throw new UsageError(
      M.noTemplate(
        args.name as string,
        listed.map((t) => t.id),
      ),
    );
  const output = args.output ?? `${found.id}.xlsx`;
  const addin = loadAddin(dist);
  if (args.state) {
    // The state table decides which codes exist (its own message names them).
    try {
      addin.functions.get("STATE_RULE")?.(args.state, "SOURCE", null);
    } catch (e) {
      if (e instanceof AddinError) throw new UsageError(M.badState(args.state, e.message));
      throw e;
    }
  }
  const plan = buildDealPlan(
    found,
    {},
    {
      ...(args.state ? { state: args.state } : {}),
      asOf: args.asOf ?? todayIso(),
    },
  );
  const result = await planToXlsx(addin, plan, output, {
    valuesOnly: args.values,
    read: [CHECK_NAMES.blocking, CHECK_NAMES.warnings],
  });
  const formulas = plan.cells.filter((c) => c.formula !== undefined).length;
  io.out(M.wrote(found.title, output, args.values));
  io.out(M.templateSheet(plan.sheetName, formulas, (plan.names ?? []).length, plan.chart?.title));
  io.out(M.cellsInError(result.errors.length));
  for (const e of result.errors.slice(0, 50)) io.out(M.errorCell(e.address, e.error, e.message));
  // The deal's checks, as the sheet states them beside the verdict.
  const said = (name: string): string => {
    const v = result.named.get(name);
    return typeof v === "string" ? v : "";
  };
  const blocking = said(CHECK_NAMES.blocking);
  io.out(blocking ? M.dealNotReliable(blocking) : M.dealWarnings(said(CHECK_NAMES.warnings)));
  return 0;
}

/** `loan template portfolio`: the guarantor portfolio's worked example as an .xlsx with cached values. */
async function portfolio(args: TemplateArgs, io: Io, dist?: string): Promise<number> {
  if (args.state) throw new UsageError(M.stateNotForPortfolio());
  const output = args.output ?? `${PORTFOLIO_TEMPLATE.id}.xlsx`;
  const plan = buildPortfolioPlan();
  const result = await planToXlsx(loadAddin(dist), plan, output, { valuesOnly: args.values });
  const formulas = plan.cells.filter((c) => c.formula !== undefined).length;
  io.out(M.wrote(PORTFOLIO_TEMPLATE.title, output, args.values));
  io.out(M.templateSheet(plan.sheetName, formulas, (plan.names ?? []).length, undefined));
  io.out(M.cellsInError(result.errors.length));
  for (const e of result.errors.slice(0, 50)) io.out(M.errorCell(e.address, e.error, e.message));
  return 0;
}

/** The project's version, from package.json (two folders up from src/engine and from dist/engine). */
function version(): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return "unknown";
  }
}

/** Runs the tool; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo, dist?: string): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "-h" || command === "--help" || command === "help") {
    io.out(USAGE);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(M.version(version()));
    return 0;
  }
  try {
    if (!command) throw new UsageError(M.commandNeeded());
    if (command !== "recalc" && command !== "template") throw new UsageError(M.unknownCommand(command));
    if (rest.includes("-h") || rest.includes("--help")) {
      io.out(USAGE);
      return 0;
    }
    if (command === "template") return await template(rest, io, dist);
    const args = parseRecalc(rest);
    if (
      fs.existsSync(args.output) &&
      !fs.statSync(args.output).isDirectory() &&
      !sameFile(args.output, args.input) &&
      !args.named &&
      !args.force
    ) {
      throw new RecalcError(M.outputExists(args.output));
    }
    const addin = loadAddin(dist);
    const bar = progressBar(io);
    let summary: RecalcSummary;
    try {
      summary = await recalcXlsx(addin, args.input, args.output, {
        valuesOnly: args.values,
        onProgress: bar.update,
        limits: args.limits,
      });
    } finally {
      bar.finish();
    }
    for (const line of formatSummary(args.input, args.output, summary, args.values)) io.out(line);
    if (args.strict && summary.errors.length > 0) return 1;
    return summary.kept.length > 0 ? 3 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(M.usageLine(e.message));
      return 2;
    }
    if (e instanceof RecalcError) {
      io.err(M.errorLine(e.message));
      return 2;
    }
    io.err(M.errorLine(e instanceof Error ? e.message : String(e)));
    return 2;
  }
}
