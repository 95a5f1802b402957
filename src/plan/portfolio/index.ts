/**
 * The portfolio template: a guarantor's whole book on one sheet, as a plan (plain data).
 *
 *   - the stress every row follows (rate shock in bp, value and NOI shocks, the stress year) and
 *     the guarantor covenants' thresholds, all named blue inputs with their sources;
 *   - the guarantor roll-up: per guarantor its loans, the loans it guarantees, its guaranteed
 *     exposure under the stress (SUMIF over the block), its net worth and liquidity (inputs)
 *     against the covenants (pass or the shortfall, figures formatted), its collectible capacity
 *     (LOAN.COLLECTIBLE_CAPACITY) and the exposure that capacity leaves uncovered;
 *   - the loan block: one row a loan (./columns.ts), inputs then live LOAN.* columns.
 *
 * Ranges over the block's columns are names defined once (PfLoanGuarantor, PfLoanExposure…): a
 * row inserted inside the block and filled down extends them, and every total follows. Nothing
 * is written for a number of loans: the builder takes the list. Formulas use plain ranges (the
 * engine has no structured references). Pure: no Office, no engine.
 */
import { absoluteRef, column } from "../a1";
import { DEAL_NOTES } from "../messages";
import { NARROW_MARGINS } from "../page";
import { FORMULA_COLOR, INPUT_COLOR, type PlanCell, type SheetPlan } from "../plan";
import { SheetBuilder } from "../sheet";
import { call, quote } from "../formula";
import { DEAL_FORMATS } from "../deal/layout";
import {
  type Book,
  EXAMPLE_BOOK,
  PORTFOLIO_ASSUMPTIONS,
  PORTFOLIO_SHEET,
  type PortfolioLoan,
  type PortfolioOptions,
} from "./book";
import { COLUMNS, isInput, PF, rowAt, type PortfolioFormat } from "./columns";
import { PORTFOLIO_NOTES } from "./notes";

export * from "./book";
export { COLUMNS, letter, PF, rowAt } from "./columns";
export { PORTFOLIO_NOTES } from "./notes";

/** How `loan template --list` and the pane name it. */
export const PORTFOLIO_TEMPLATE = {
  id: "portfolio",
  title: "Guarantor portfolio: loans, stress and covenants",
  summary:
    "A guarantor's whole book: a row per loan with live LOAN.* columns under one stress, and a roll-up per guarantor (exposure, covenants, collectible capacity and each loan's share of it).",
} as const;

export const PORTFOLIO_FORMATS = {
  ...DEAL_FORMATS,
  bp: '0" bp"',
} as const;

type PfSheet = SheetBuilder<typeof PORTFOLIO_FORMATS>;
type Fmt = keyof typeof PORTFOLIO_FORMATS;

const fmt = (f: PortfolioFormat): Fmt | undefined => (f === "text" ? undefined : f);

/** The column of the inputs' notes (runs over the empty columns to its right). */
const NOTE = "C";

/** The cells of one loan row: inputs in blue, formulas in black (the builder's, or built-ins for the benchmark). */
export function loanRowCells(
  loan: PortfolioLoan,
  row: number,
  formulas: PortfolioOptions["formulas"] = "loan",
): PlanCell[] {
  const at = rowAt(row);
  return COLUMNS.map((c) => {
    const address = `${c.letter}${row}`;
    const numberFormat = fmt(c.format) ? { numberFormat: PORTFOLIO_FORMATS[fmt(c.format) as Fmt] } : {};
    if (isInput(c)) return { address, value: loan[c.key], fontColor: INPUT_COLOR, ...numberFormat };
    const f = formulas === "builtin" && c.builtin ? c.builtin : c.formula;
    return { address, formula: f(at), fontColor: FORMULA_COLOR, ...numberFormat };
  });
}

/** Builds the portfolio sheet for a book (default: the worked example). */
export function buildPortfolioPlan(book: Book = EXAMPLE_BOOK, options: PortfolioOptions = {}): SheetPlan {
  if (book.loans.length === 0) throw new Error("A portfolio needs at least one loan.");
  if (book.guarantors.length === 0) throw new Error("A portfolio needs at least one guarantor.");
  const s: PfSheet = new SheetBuilder(PORTFOLIO_FORMATS);
  const flavour = options.formulas ?? "loan";
  s.text("A", s.next(), PORTFOLIO_TEMPLATE.title, true);
  s.text("A", s.next(), `${DEAL_NOTES.legend} ${DEAL_NOTES.notAdvice}`);
  stressSection(s, book);
  rollupSection(s, book, flavour);
  loansSection(s, book, flavour);
  s.heading("Notes", 1);
  for (const p of PORTFOLIO_NOTES.paragraphs) s.paragraph(p);
  s.paragraph(DEAL_NOTES.stateLaw);
  s.paragraph(DEAL_NOTES.disclaimer);
  const last = column(COLUMNS.length - 1);
  const plan = s.build({
    sheetName: options.sheetName ?? PORTFOLIO_SHEET,
    columnWidths: [
      { column: "A", points: 150 },
      { column: "B", points: 130 },
      ...COLUMNS.slice(2).map((c) => ({ column: c.letter, points: 66 })),
    ],
    freeze: { rows: 0, columns: 1 },
  });
  return {
    ...plan,
    print: {
      orientation: "landscape",
      paper: "letter",
      // The block is 32 columns: two pages across keep its text readable, the loan names repeated on each.
      fitToPagesWide: 2,
      titleColumns: "A:A",
      area: `A1:${last}${s.row}`,
      margins: NARROW_MARGINS,
    },
  };
}

/** A labelled input in B (named), its source or assumption in C. */
function noteInput(s: PfSheet, label: string, value: number, f: Fmt, name: string, note: string): string {
  const r = s.label(label);
  s.text(NOTE, r, note);
  return s.input("B", r, value, f, name);
}

function stressSection(s: PfSheet, book: Book): void {
  const n = PORTFOLIO_NOTES.inputs;
  s.heading("The stress (every loan row follows it)", 1);
  noteInput(s, "Rate shock, added to every rate", book.stress.rateShockBp, "bp", PF.rateShock, n.rateShock);
  noteInput(s, "Value shock", book.stress.valueShock, "share", PF.valueShock, n.valueShock);
  noteInput(s, "NOI shock", book.stress.noiShock, "share", PF.noiShock, n.noiShock);
  noteInput(s, "Stress year (balances then)", book.stress.stressYear, "years", PF.stressYear, n.stressYear);
  s.heading("Guarantor covenants", 1);
  const c = book.covenants;
  noteInput(s, "Net worth at least (× loans)", c.netWorthMultiple, "ratio", PF.netWorthMultiple, n.netWorth);
  noteInput(s, "Liquidity at least (share of loans)", c.liquidityShare, "share", PF.liquidityShare, n.liquidity);
  s.heading("What a guarantor could be made to pay", 1);
  const a = PORTFOLIO_ASSUMPTIONS;
  noteInput(s, "Net worth beyond liquidity collectible", a.netWorthShare, "share", PF.netWorthShare, n.netWorthShare);
  noteInput(s, "Volatility of property values", a.volatility, "rate", PF.volatility, n.volatility);
  noteInput(s, "10-year Treasury", a.treasury, "rate", PF.treasury, n.treasury);
  const r = s.label("Risk-free rate (continuous)");
  s.formula("B", r, `=2*LN(1+${PF.treasury}/2)`, "rate", PF.riskFree);
  s.text(NOTE, r, n.riskFree);
}

/** The roll-up's columns (A the guarantor's name). */
const ROLLUP_HEADINGS = [
  "Guarantor",
  "Loans",
  "Loans guaranteed (amount)",
  "Guaranteed exposure under the stress",
  "Net worth",
  "Liquidity",
  "Collectible capacity (LOAN.COLLECTIBLE_CAPACITY)",
  "Exposure the capacity leaves uncovered",
  "Net worth required",
  "Liquidity required",
  "Net worth shortfall",
  "Liquidity shortfall",
  "Covenants (LOAN.GUARANTOR_COVENANTS)",
] as const;

function rollupSection(s: PfSheet, book: Book, flavour: PortfolioOptions["formulas"]): void {
  const head = s.heading("Guarantor roll-up under the stress", 1);
  s.text(NOTE, head, PORTFOLIO_NOTES.rollup);
  s.headings(s.next(), ROLLUP_HEADINGS);
  const first = s.row + 1;
  for (const g of book.guarantors) {
    const r = s.next();
    const A = `A${r}`;
    s.input("A", r, g.name);
    s.formula("B", r, `=COUNTIF(${PF.loanGuarantor},${A})`, "years");
    s.formula("C", r, `=SUMIF(${PF.loanGuarantor},${A},${PF.loanAmount})`, "money");
    s.formula("D", r, `=SUMIF(${PF.loanGuarantor},${A},${PF.loanExposure})`, "money");
    s.input("E", r, g.netWorth, "money");
    s.input("F", r, g.liquidity, "money");
    s.formula(
      "G",
      r,
      flavour === "builtin"
        ? `=MAX(0,F${r}+${PF.netWorthShare}*MAX(0,E${r}-F${r}))`
        : `=${call("COLLECTIBLE_CAPACITY", `F${r}`, `E${r}`, PF.netWorthShare)}`,
      "money",
    );
    s.formula("H", r, `=MAX(0,D${r}-G${r})`, "money");
    s.formula("I", r, `=${PF.netWorthMultiple}*C${r}`, "money");
    s.formula("J", r, `=${PF.liquidityShare}*C${r}`, "money");
    s.formula("K", r, `=MAX(0,I${r}-E${r})`, "money");
    s.formula("L", r, `=MAX(0,J${r}-F${r})`, "money");
    s.formula(
      "M",
      r,
      flavour === "builtin"
        ? covenantText(r)
        : `=${call("GUARANTOR_COVENANTS", `E${r}`, `F${r}`, `C${r}`, PF.netWorthMultiple, PF.liquidityShare)}`,
    );
    // The verdict can be long: it wraps in its column (its row grows), never running on over the
    // next page's repeated names in print.
    s.wrap(`M${r}`);
  }
  const last = s.row;
  s.name(PF.guarantorName, `A${first}:A${last}`);
  s.name(PF.guarantorExposure, `D${first}:D${last}`);
  s.name(PF.guarantorCapacity, `G${first}:G${last}`);
  const u = s.label("Exposure of loans whose guarantor is not listed above");
  s.formula("D", u, `=SUM(${PF.loanExposure})-SUM(${PF.guarantorExposure})`, "money", PF.unlisted);
  s.text("E", u, PORTFOLIO_NOTES.unlisted);
}

/** "OK", or each covenant failed with its shortfall and the figures, formatted as their cells. */
/** The covenants' verdict in built-ins (the benchmark's variant without LOAN.*), in the function's words. */
function covenantText(r: number): string {
  const t = (x: string) => `TEXT(${x},"#,##0")`;
  const nw = `IF(K${r}>0,${quote("; net worth short by ")}&${t(`K${r}`)}&${quote(" (min ")}&${t(`I${r}`)}&")","")`;
  const liq = `IF(L${r}>0,${quote("; liquidity short by ")}&${t(`L${r}`)}&${quote(" (min ")}&${t(`J${r}`)}&")","")`;
  return `=IF(AND(K${r}=0,L${r}=0),"OK","Fails: "&MID(${nw}&${liq},3,400))`;
}

/** The loan block: its heading, the columns' headings, a row per loan, and a name over each named column. */
function loansSection(s: PfSheet, book: Book, flavour: PortfolioOptions["formulas"]): void {
  const head = s.heading("Loans", 1);
  s.text(NOTE, head, PORTFOLIO_NOTES.block);
  s.headings(
    s.next(),
    COLUMNS.map((c) => c.heading),
  );
  const top = s.row + 1;
  for (const loan of book.loans) {
    const r = s.next();
    loanRowCells(loan, r, flavour).forEach((cell, i) => {
      const col = COLUMNS[i].letter;
      const f = fmt(COLUMNS[i].format);
      if (cell.formula !== undefined) s.formula(col, r, cell.formula, f);
      else s.input(col, r, cell.value as string | number, f);
    });
  }
  const bottom = s.row;
  for (const c of COLUMNS) if (c.name) s.name(c.name, `${c.letter}${top}:${c.letter}${bottom}`);
}

/** The cell of a named block column at the loan `index` (0: the first), absolute: what another sheet refers to. */
export function blockCell(plan: SheetPlan, name: string, index: number): string {
  const n = plan.names?.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const [a] = n.address.split(":");
  const col = a.replace(/\d+$/, "");
  const row = Number(a.replace(/^[A-Z]+/, "")) + index;
  return absoluteRef(`${col}${row}`);
}
